import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf, nameInOneLanguageErrors } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import { fiscalYearOptions, type ProgrammeDetail } from "../model";
import { useCreateProgrammeMutation, useUpdateProgrammeMutation, type ProgrammeInput } from "../mutations";
import { FiscalYearSelect, initialFiscalYear } from "../../../components/FiscalYearSelect";

/** The fields this form shows the server's errors under. */
const PLACED = [
  "agencyId",
  "code",
  "nameTh",
  "nameEn",
  "firstFiscalYear",
  "lastFiscalYear",
  "descriptionTh",
  "descriptionEn",
  "published",
];

type Mode =
  | { kind: "create"; defaultAgencyId: number | null; onCreated: (programme: ProgrammeDetail) => void }
  | { kind: "edit"; programme: ProgrammeDetail; onSaved: () => void };

/** Creates a programme (agency, code, names, descriptions, fiscal years, published) or edits one. */
export function ProgrammeForm({ mode, onCancel }: { mode: Mode; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const agencies = useAgencies();
  const create = useCreateProgrammeMutation();
  const update = useUpdateProgrammeMutation(mode.kind === "edit" ? String(mode.programme.id) : "");
  const mutation = mode.kind === "create" ? create : update;
  const existing = mode.kind === "edit" ? mode.programme : null;
  const years = fiscalYearOptions(new Date());
  const [agencyId, setAgencyId] = useState(
    mode.kind === "create" && mode.defaultAgencyId !== null ? String(mode.defaultAgencyId) : "",
  );
  const [form, setForm] = useState({
    code: existing?.code ?? "",
    nameEn: existing?.nameEn ?? "",
    nameTh: existing?.nameTh ?? "",
    descriptionEn: existing?.descriptionEn ?? "",
    descriptionTh: existing?.descriptionTh ?? "",
  });
  const [firstFiscalYear, setFirst] = useState<number | null>(existing?.firstFiscalYear ?? initialFiscalYear(years));
  const [lastFiscalYear, setLast] = useState<number | null>(existing?.lastFiscalYear ?? null);
  const [published, setPublished] = useState(existing?.published ?? false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(mutation.error);
  const errorOf = (field: string) => missing[field] ?? server[field] ?? null;
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const yearChoices =
    existing && !years.includes(existing.firstFiscalYear) ? [existing.firstFiscalYear, ...years] : years;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check: Record<string, string> = {
      ...nameInOneLanguageErrors({ th: "nameTh", en: "nameEn" }, { th: form.nameTh, en: form.nameEn }, t),
    };
    if (mode.kind === "create" && agencyId === "") check.agencyId = t("programmeAdmin.required");
    if (form.code.trim() === "") check.code = t("programmeAdmin.required");
    if (firstFiscalYear === null) check.firstFiscalYear = t("programmeAdmin.required");
    else if (lastFiscalYear !== null && lastFiscalYear < firstFiscalYear)
      check.lastFiscalYear = t("programmeAdmin.yearsOrder");
    setMissing(check);
    if (Object.keys(check).length > 0 || firstFiscalYear === null) return;
    const input: ProgrammeInput = {
      code: form.code.trim(),
      nameEn: form.nameEn.trim() || null,
      nameTh: form.nameTh.trim() || null,
      descriptionEn: form.descriptionEn.trim() || null,
      descriptionTh: form.descriptionTh.trim() || null,
      firstFiscalYear,
      lastFiscalYear,
      published,
    };
    if (mode.kind === "create") create.mutate({ ...input, agencyId: Number(agencyId) }, { onSuccess: mode.onCreated });
    else update.mutate(input, { onSuccess: mode.onSaved });
  };

  const text = (
    key: keyof typeof form,
    label: string,
    options: { lang?: string; hint?: string; multiline?: boolean } = {},
  ) => (
    <FormField label={label} hint={options.hint} error={errorOf(key)}>
      {(control) =>
        options.multiline ? (
          <textarea
            {...control}
            lang={options.lang}
            rows={3}
            value={form[key]}
            onChange={(e) => set(key)(e.target.value)}
          />
        ) : (
          <input {...control} lang={options.lang} value={form[key]} onChange={(e) => set(key)(e.target.value)} />
        )
      }
    </FormField>
  );

  return (
    <form className="form inline-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId} className="form-title">
        {mode.kind === "create" ? t("programmeAdmin.createTitle") : t("programmeAdmin.editTitle")}
      </h2>
      {mutation.isError && <ErrorMessage error={mutation.error} placed={PLACED} />}
      <div className="form-grid">
        {mode.kind === "create" && (
          <FormField label={t("programmes.agency")} error={errorOf("agencyId")}>
            {(control) => (
              <select {...control} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                <option value="">{t("programmeAdmin.chooseAgency")}</option>
                {(agencies.data ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {pickLocalized(locale, a.nameTh, a.nameEn)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {text("code", t("common.code"), { hint: t("programmeAdmin.codeHint") })}
        {text("nameTh", t("common.nameTh"), { lang: "th" })}
        {text("nameEn", t("common.optionalField", { field: t("common.nameEn") }), { lang: "en" })}
        <FiscalYearSelect
          label={t("programmeAdmin.firstFiscalYear")}
          years={yearChoices}
          value={firstFiscalYear}
          onChange={setFirst}
          error={errorOf("firstFiscalYear")}
        />
        <FiscalYearSelect
          label={t("programmeAdmin.lastFiscalYear")}
          years={yearChoices}
          value={lastFiscalYear}
          onChange={setLast}
          error={errorOf("lastFiscalYear")}
          emptyLabel={t("programmeAdmin.openEnded")}
        />
      </div>
      {text("descriptionTh", t("programmeAdmin.descriptionTh"), { lang: "th", multiline: true })}
      {text("descriptionEn", t("programmeAdmin.descriptionEn"), { multiline: true })}
      <label className="field-checkbox">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />{" "}
        {t("programmeAdmin.published")}
      </label>
      {server.published && <p className="field-error">{server.published}</p>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending
            ? t("common.saving")
            : mode.kind === "create"
              ? t("programmeAdmin.create")
              : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
