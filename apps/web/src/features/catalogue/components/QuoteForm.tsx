import { normaliseCountryCode } from "@sainam/core";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { countryCodeErrors, fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useInquiryMutation } from "../mutations";

const PLACED = [
  "buyerOrganisation",
  "buyerCountry",
  "contactName",
  "contactEmail",
  "contactPhone",
  "quantity",
  "message",
  "consent",
];

/** "Request a quote": the buyer's organisation, country and contact, sent to the maker with the buyer's consent. */
export function QuoteForm({ productId }: { productId: number }) {
  const { t } = useTranslation();
  const send = useInquiryMutation(productId);
  const headingId = useId();
  const [organisation, setOrganisation] = useState("");
  const [country, setCountry] = useState("TH");
  const [contactName, setContactName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [quantity, setQuantity] = useState("");
  const [message, setMessage] = useState("");
  const [consent, setConsent] = useState(false);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(send.error, t), ...checked };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!consent) return;
    const buyerCountry = normaliseCountryCode(country);
    const countryErrors = countryCodeErrors("buyerCountry", [buyerCountry], t);
    setChecked(countryErrors);
    if (Object.keys(countryErrors).length > 0) return;
    send.mutate({
      buyerOrganisation: organisation.trim(),
      buyerCountry,
      contactName: contactName.trim(),
      contactEmail: email.trim(),
      contactPhone: phone.trim() === "" ? null : phone.trim(),
      quantity: quantity.trim() === "" ? null : quantity.trim(),
      message: message.trim(),
      consent: true,
    });
  };

  if (send.isSuccess)
    return (
      <div className="alert alert-success" role="status">
        <p>{t("catalogue.quote.sent")}</p>
      </div>
    );
  return (
    <form className="form" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{t("catalogue.quote.title")}</h2>
      <p className="muted">{t("catalogue.quote.intro")}</p>
      {send.isError && <ErrorMessage error={send.error} placed={PLACED} />}
      <div className="form-grid">
        <FormField label={t("catalogue.quote.organisation")} error={errors.buyerOrganisation}>
          {(c) => <input {...c} required value={organisation} onChange={(e) => setOrganisation(e.target.value)} />}
        </FormField>
        <FormField label={t("catalogue.quote.country")} error={errors.buyerCountry}>
          {(c) => <input {...c} required maxLength={2} value={country} onChange={(e) => setCountry(e.target.value)} />}
        </FormField>
        <FormField label={t("catalogue.quote.contactName")} error={errors.contactName}>
          {(c) => <input {...c} required value={contactName} onChange={(e) => setContactName(e.target.value)} />}
        </FormField>
        <FormField label={t("catalogue.quote.email")} error={errors.contactEmail}>
          {(c) => <input {...c} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </FormField>
        <FormField label={t("catalogue.quote.phone")} error={errors.contactPhone}>
          {(c) => <input {...c} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </FormField>
        <FormField label={t("catalogue.quote.quantity")} error={errors.quantity}>
          {(c) => <input {...c} value={quantity} onChange={(e) => setQuantity(e.target.value)} />}
        </FormField>
      </div>
      <FormField label={t("catalogue.quote.message")} error={errors.message}>
        {(c) => <textarea {...c} required rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </FormField>
      <p className="field checkbox-field">
        <label>
          <input type="checkbox" required checked={consent} onChange={(e) => setConsent(e.target.checked)} />{" "}
          {t("catalogue.quote.consent")}
        </label>
      </p>
      <p>
        <button type="submit" className="button button-primary" disabled={send.isPending}>
          {send.isPending ? t("catalogue.quote.sending") : t("catalogue.quote.send")}
        </button>
      </p>
    </form>
  );
}
