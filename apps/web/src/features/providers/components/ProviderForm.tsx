import type { UpdateProviderBody } from "@sainam/contract";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { defaultServiceLevels } from "@sainam/core";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { isExpertField, type ExpertField } from "../../users/model";
import { PROVIDER_KINDS, type Provider, type ProviderKind } from "../model";
import { useSaveProviderMutation } from "../mutations";
import { useProviders } from "../queries";
import { FieldsChoice } from "./FieldsChoice";
import { ProvincesChoice } from "./ProvincesChoice";

interface ProviderFormProps {
  /** The provider to change; none to add one. */
  provider?: Provider;
  onDone: (saved: Provider | null) => void;
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** Adds or changes a service provider: kind, Thai and English names, parent (for an ITC branch), provinces, services. */
export function ProviderForm({ provider, onDone }: ProviderFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveProviderMutation();
  const providers = useProviders();
  const [code, setCode] = useState("");
  const [kind, setKind] = useState<ProviderKind>(provider?.kind ?? "itc_branch");
  const [nameTh, setNameTh] = useState(provider?.nameTh ?? "");
  const [nameEn, setNameEn] = useState(provider?.nameEn ?? "");
  const [parentId, setParentId] = useState(provider?.parentId ? String(provider.parentId) : "");
  const [provinceCodes, setProvinceCodes] = useState<string[]>(provider?.provinceCodes ?? []);
  const [services, setServices] = useState<ExpertField[]>((provider?.services ?? []).filter(isExpertField));
  const [contactPhone, setContactPhone] = useState(provider?.contactPhone ?? "");
  // Empty: the provider keeps no target of its own and the default applies.
  const [responseDays, setResponseDays] = useState(provider?.responseDays ? String(provider.responseDays) : "");
  const [closureDays, setClosureDays] = useState(provider?.closureDays ? String(provider.closureDays) : "");
  const headingId = useId();
  const centres = (providers.data ?? []).filter((p) => p.kind === "itc_centre" && p.id !== provider?.id);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: UpdateProviderBody = {
      kind,
      nameTh: orNull(nameTh),
      nameEn: orNull(nameEn),
      parentId: kind === "itc_branch" && parentId !== "" ? Number(parentId) : null,
      provinceCodes,
      services,
      contactPhone: orNull(contactPhone),
      responseDays: responseDays.trim() === "" ? null : Number(responseDays),
      closureDays: closureDays.trim() === "" ? null : Number(closureDays),
    };
    const done = { onSuccess: (saved: Provider) => onDone(saved) };
    if (provider) save.mutate({ id: provider.id, changes: fields }, done);
    else save.mutate({ id: null, body: { ...fields, kind, code: code.trim().toUpperCase() } }, done);
  };

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId} className="form-title">
        {provider ? t("providers.editTitle") : t("providers.addTitle")}
      </h2>
      {save.isError && <ErrorMessage error={save.error} />}
      <div className="form-grid">
        {!provider && (
          <FormField label={t("providers.code")} hint={t("providers.codeHint")}>
            {(control) => <input {...control} required value={code} onChange={(e) => setCode(e.target.value)} />}
          </FormField>
        )}
        <FormField label={t("providers.kind")}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as ProviderKind)}>
              {PROVIDER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`providers.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("providers.nameTh")}>
          {(control) => <input {...control} lang="th" value={nameTh} onChange={(e) => setNameTh(e.target.value)} />}
        </FormField>
        <FormField label={t("providers.nameEn")}>
          {(control) => <input {...control} lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />}
        </FormField>
        {kind === "itc_branch" && (
          <FormField label={t("providers.parent")}>
            {(control) => (
              <select {...control} value={parentId} onChange={(e) => setParentId(e.target.value)}>
                <option value="">{t("providers.noParent")}</option>
                {centres.map((c) => (
                  <option key={c.id} value={c.id}>
                    {pickLocalized(locale, c.nameTh, c.nameEn)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField label={t("providers.contactPhone")}>
          {(control) => (
            <input {...control} type="tel" value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} />
          )}
        </FormField>
        <FormField
          label={t("providers.responseDays")}
          hint={t("providers.serviceLevelHint", { days: defaultServiceLevels.responseDays })}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={responseDays}
              onChange={(e) => setResponseDays(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={t("providers.closureDays")}
          hint={t("providers.serviceLevelHint", { days: defaultServiceLevels.closureDays })}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={closureDays}
              onChange={(e) => setClosureDays(e.target.value)}
            />
          )}
        </FormField>
        <ProvincesChoice label={t("providers.provinces")} value={provinceCodes} onChange={setProvinceCodes} />
      </div>
      <FieldsChoice legend={t("providers.services")} value={services} onChange={setServices} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
