import { enterpriseScalarInputFields } from "@sainam/contract";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, unplacedErrors } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { useProvince, useProvinces } from "../../provinces/queries";
import {
  draftFromDetail,
  draftToInput,
  emptyDraft,
  validateDraft,
  type DraftProblem,
  type EnterpriseDraft,
} from "../enterprise-form";
import { isLegalForm, isProductDirection, LEGAL_FORMS, PRODUCT_DIRECTIONS, type EnterpriseDetail } from "../model";
import { useCreateEnterpriseMutation, useUpdateEnterpriseMutation } from "../mutations";
import { useEnterpriseLabels } from "../useEnterpriseLabels";

interface EnterpriseFormProps {
  /** The firm to edit; null for a new one. */
  enterprise: EnterpriseDetail | null;
  onDone: (saved: { id: string } | null) => void;
  /** The firm's identity numbers are shown but not editable (a member editing their own firm). */
  identityLocked?: boolean;
}

const SCALAR_FIELDS = enterpriseScalarInputFields;

const CONTACT_LABELS = {
  name: "enterprises.contactName",
  position: "enterprises.contactPosition",
  phone: "enterprises.contactPhone",
  email: "enterprises.contactEmail",
} as const;

/** Add or edit an enterprise, checking in the browser what the server checks; server errors land on their fields. */
export function EnterpriseForm({ enterprise, onDone, identityLocked = false }: EnterpriseFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useEnterpriseLabels();
  const create = useCreateEnterpriseMutation();
  const update = useUpdateEnterpriseMutation(enterprise ? String(enterprise.id) : "");
  const mutation = enterprise ? update : create;
  const [original] = useState<EnterpriseDraft>(() => (enterprise ? draftFromDetail(enterprise) : emptyDraft()));
  const [draft, setDraft] = useState<EnterpriseDraft>(original);
  const [problems, setProblems] = useState<Record<string, DraftProblem>>({});
  const [nothing, setNothing] = useState(false);
  const provinces = useProvinces();
  const province = useProvince(draft.provinceCode);
  const headingId = useId();
  const publishedId = useId();
  const server = fieldErrorsOf(mutation.error);
  const contactsLocked = enterprise?.contactsMasked ?? false;

  const set = <K extends keyof EnterpriseDraft>(key: K, value: EnterpriseDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const problemText = (problem: DraftProblem): string =>
    problem.kind === "juristic"
      ? t(`enterprises.juristicProblems.${problem.problem}`)
      : t(`enterprises.${problem.kind}`);
  const errorOf = (path: string): string | null => {
    const problem = problems[path];
    return problem ? problemText(problem) : (server[path] ?? null);
  };

  const placed = [
    ...SCALAR_FIELDS,
    ...draft.products.flatMap((_, i) => [`products.${i}.name`, `products.${i}.tsicCode`, `products.${i}.direction`]),
    ...draft.contacts.flatMap((_, i) => ["name", "position", "phone", "email"].map((f) => `contacts.${i}.${f}`)),
  ];
  const extra = unplacedErrors(mutation.error, placed);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      // Move to the first field in error, so keyboard and screen-reader users land on it.
      window.requestAnimationFrame(() => {
        document.querySelector<HTMLElement>(".enterprise-form [aria-invalid='true']")?.focus();
      });
      return;
    }
    const body = draftToInput(
      contactsLocked ? { ...draft, contacts: original.contacts } : draft,
      enterprise ? original : null,
    );
    if (enterprise && Object.keys(body).length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    mutation.mutate(body, { onSuccess: (saved) => onDone({ id: String(saved.id) }) });
  };

  const sortedProvinces = [...(provinces.data ?? [])].sort((a, b) =>
    localName(locale, a).localeCompare(localName(locale, b), locale),
  );
  const districts =
    draft.provinceCode && province.data
      ? [...province.data.districts].sort((a, b) => localName(locale, a).localeCompare(localName(locale, b), locale))
      : [];
  const hasProblems = Object.keys(problems).length > 0;

  const textField = (
    key: (typeof SCALAR_FIELDS)[number],
    label: string,
    options: {
      hint?: string;
      lang?: string;
      inputMode?: "numeric" | "decimal";
      type?: string;
      readOnly?: boolean;
    } = {},
  ) => (
    <FormField label={label} hint={options.hint} error={errorOf(key)}>
      {(control) => (
        <input
          {...control}
          type={options.type ?? "text"}
          lang={options.lang}
          inputMode={options.inputMode}
          readOnly={options.readOnly}
          value={String(draft[key])}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <form className="form panel enterprise-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h2 id={headingId} className={enterprise ? undefined : "visually-hidden"}>
        {enterprise
          ? t("enterprises.editTitle", { name: localName(locale, enterprise) || `#${enterprise.id}` })
          : t("enterprises.newTitle")}
      </h2>
      {!enterprise && <p className="muted">{t("enterprises.newIntro")}</p>}
      {hasProblems && (
        <div className="alert alert-error" role="alert">
          <p>{t("enterprises.fixErrors")}</p>
        </div>
      )}
      {mutation.isError && <ErrorMessage error={mutation.error} />}
      {extra.length > 0 && (
        <ul className="field-error">
          {extra.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {nothing && (
        <p className="alert alert-info" role="status">
          {t("registry.noChanges")}
        </p>
      )}
      <fieldset>
        <legend>{t("enterprises.identity")}</legend>
        <div className="form-grid">
          {textField("juristicId", t("enterprises.juristicId"), {
            hint: identityLocked ? t("enterprises.identityOfficerOnly") : t("enterprises.juristicIdHint"),
            inputMode: "numeric",
            readOnly: identityLocked,
          })}
          {textField("ceRegistrationNo", t("enterprises.ceRegistrationNo"), {
            hint: identityLocked ? t("enterprises.identityOfficerOnly") : t("enterprises.ceHint"),
            readOnly: identityLocked,
          })}
          {textField("nameTh", t("common.nameTh"), { lang: "th" })}
          {textField("nameEn", t("common.nameEn"), { lang: "en" })}
          <FormField label={t("enterprises.legalForm")} error={errorOf("legalForm")}>
            {(control) => (
              <select
                {...control}
                value={draft.legalForm}
                onChange={(e) => set("legalForm", isLegalForm(e.target.value) ? e.target.value : "")}
              >
                <option value="">{t("enterprises.chooseLegalForm")}</option>
                {LEGAL_FORMS.map((form) => (
                  <option key={form} value={form}>
                    {labels.legalForm(form)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {textField("registeredOn", t("enterprises.registeredOn"), { type: "date" })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("enterprises.business")}</legend>
        <div className="form-grid">
          {textField("tsicCode", t("enterprises.tsic"), { hint: t("registry.tsicHint"), inputMode: "numeric" })}
          {textField("businessType", t("enterprises.businessType"))}
          {textField("capital", t("enterprises.capital"), { inputMode: "decimal" })}
          {textField("revenue", t("enterprises.revenue"), { inputMode: "decimal" })}
          {textField("employees", t("enterprises.employees"), { inputMode: "numeric" })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("enterprises.location")}</legend>
        <div className="form-grid">
          {textField("address", t("enterprises.address"))}
          <FormField label={t("enterprises.province")} error={errorOf("provinceCode")}>
            {(control) => (
              <select
                {...control}
                value={draft.provinceCode}
                onChange={(e) =>
                  setDraft((current) => ({ ...current, provinceCode: e.target.value, districtCode: "" }))
                }
              >
                <option value="">{t("enterprises.chooseProvince")}</option>
                {sortedProvinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {localName(locale, p)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("enterprises.district")} error={errorOf("districtCode")}>
            {(control) => (
              <select
                {...control}
                value={draft.districtCode}
                disabled={!draft.provinceCode}
                onChange={(e) => set("districtCode", e.target.value)}
              >
                <option value="">{t("enterprises.chooseDistrict")}</option>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {localName(locale, d)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {textField("postcode", t("enterprises.postcode"), { inputMode: "numeric" })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("enterprises.products")}</legend>
        {draft.products.map((product, index) => (
          <div
            className="repeat-row"
            key={index}
            role="group"
            aria-label={t("enterprises.productRow", { n: index + 1 })}
          >
            <FormField label={t("enterprises.productDirection")} error={errorOf(`products.${index}.direction`)}>
              {(control) => (
                <select
                  {...control}
                  value={product.direction}
                  onChange={(e) => {
                    const direction = e.target.value;
                    if (isProductDirection(direction)) {
                      set(
                        "products",
                        draft.products.map((p, i) => (i === index ? { ...p, direction } : p)),
                      );
                    }
                  }}
                >
                  {PRODUCT_DIRECTIONS.map((direction) => (
                    <option key={direction} value={direction}>
                      {t(`enterprises.directions.${direction}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t("enterprises.productName")} error={errorOf(`products.${index}.name`)}>
              {(control) => (
                <input
                  {...control}
                  value={product.name}
                  onChange={(e) =>
                    set(
                      "products",
                      draft.products.map((p, i) => (i === index ? { ...p, name: e.target.value } : p)),
                    )
                  }
                />
              )}
            </FormField>
            <FormField label={t("enterprises.productTsic")} error={errorOf(`products.${index}.tsicCode`)}>
              {(control) => (
                <input
                  {...control}
                  inputMode="numeric"
                  size={6}
                  value={product.tsicCode}
                  onChange={(e) =>
                    set(
                      "products",
                      draft.products.map((p, i) => (i === index ? { ...p, tsicCode: e.target.value } : p)),
                    )
                  }
                />
              )}
            </FormField>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() =>
                set(
                  "products",
                  draft.products.filter((_, i) => i !== index),
                )
              }
            >
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">{t("enterprises.removeProduct", { n: index + 1 })}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => set("products", [...draft.products, { direction: "output", name: "", tsicCode: "" }])}
        >
          {t("enterprises.addProduct")}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t("enterprises.contacts")}</legend>
        {contactsLocked ? (
          <p className="muted">{t("enterprises.contactsMasked")}</p>
        ) : (
          <>
            {draft.contacts.map((contact, index) => (
              <div
                className="repeat-row"
                key={index}
                role="group"
                aria-label={t("enterprises.contactRow", { n: index + 1 })}
              >
                {(["name", "position", "phone", "email"] as const).map((field) => (
                  <FormField key={field} label={t(CONTACT_LABELS[field])} error={errorOf(`contacts.${index}.${field}`)}>
                    {(control) => (
                      <input
                        {...control}
                        type={field === "email" ? "email" : field === "phone" ? "tel" : "text"}
                        autoComplete="off"
                        value={contact[field]}
                        onChange={(e) =>
                          set(
                            "contacts",
                            draft.contacts.map((c, i) => (i === index ? { ...c, [field]: e.target.value } : c)),
                          )
                        }
                      />
                    )}
                  </FormField>
                ))}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() =>
                    set(
                      "contacts",
                      draft.contacts.filter((_, i) => i !== index),
                    )
                  }
                >
                  <span aria-hidden="true">×</span>
                  <span className="visually-hidden">{t("enterprises.removeContact", { n: index + 1 })}</span>
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => set("contacts", [...draft.contacts, { name: "", position: "", phone: "", email: "" }])}
            >
              {t("enterprises.addContact")}
            </button>
          </>
        )}
      </fieldset>
      <div className="field field-checkbox">
        <input
          id={publishedId}
          type="checkbox"
          checked={draft.published}
          onChange={(e) => set("published", e.target.checked)}
        />
        <label htmlFor={publishedId}>{t("enterprises.published")}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : enterprise ? t("common.save") : t("enterprises.add")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
