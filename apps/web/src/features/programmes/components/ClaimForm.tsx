import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import type { EnterpriseMatch } from "../../enterprises/queries";
import { CLAIM_METHODS, isClaimMethod, parseAmount, type ClaimMethod, type CreateClaimResult } from "../model";
import { useCreateClaimMutation } from "../mutations";
import { useProgrammeActivities, useProgrammeClusters, useProgrammeOptions } from "../queries";
import { EnterprisePicker } from "./EnterprisePicker";
import { FiscalYearSelect, initialFiscalYear } from "../../../components/FiscalYearSelect";

interface ClaimFormProps {
  programmeId: string;
  years: readonly number[];
  onRecorded: (result: CreateClaimResult) => void;
  onCancel: () => void;
}

/** Records an economic-value claim for this programme (and others it is shared with), with method and evidence. */
export function ClaimForm({ programmeId, years, onRecorded, onCancel }: ClaimFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const create = useCreateClaimMutation();
  const clusters = useProgrammeClusters(programmeId);
  const activities = useProgrammeActivities(programmeId, 1);
  const programmes = useProgrammeOptions();
  const [fiscalYear, setFiscalYear] = useState<number | null>(initialFiscalYear(years));
  const [amount, setAmount] = useState("");
  const [method, setMethod] = useState<ClaimMethod>("sales_increase");
  const [form, setForm] = useState({ methodNote: "", evidenceUrl: "", evidenceNote: "" });
  const [enterprise, setEnterprise] = useState<EnterpriseMatch | null>(null);
  const [clusterId, setClusterId] = useState("");
  const [activityId, setActivityId] = useState("");
  const [programmeIds, setProgrammeIds] = useState<number[]>([Number(programmeId)]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(create.error);
  const programmeError = Object.entries(server).find(([path]) => path.startsWith("programmeIds"))?.[1] ?? null;
  const errorOf = (field: string) => local[field] ?? server[field] ?? null;
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const clusterOptions = [...new Map((clusters.data ?? []).map((c) => [c.clusterId, c])).values()];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = parseAmount(amount);
    const check: Record<string, string> = {};
    if (value === null) check.amount = t("programmeAdmin.required");
    else if (value === "invalid") check.amount = t("programmeAdmin.invalidAmount");
    if (enterprise === null && clusterId === "") check.enterpriseId = t("programmeAdmin.claimAboutRequired");
    if (form.evidenceUrl.trim() === "" && form.evidenceNote.trim() === "")
      check.evidenceNote = t("programmeAdmin.evidenceRequired");
    if (programmeIds.length === 0) check.programmeIds = t("programmeAdmin.programmesRequired");
    if (fiscalYear === null) check.fiscalYear = t("programmeAdmin.required");
    setLocal(check);
    if (Object.keys(check).length > 0 || typeof value !== "number" || fiscalYear === null) return;
    create.mutate(
      {
        programmeIds,
        // The picker and the selects carry ids as text; the contract wants the numbers.
        enterpriseId: enterprise ? Number(enterprise.id) : null,
        clusterId: clusterId ? Number(clusterId) : null,
        activityId: activityId ? Number(activityId) : null,
        fiscalYear,
        amount: value,
        method,
        methodNote: form.methodNote.trim() || null,
        evidenceUrl: form.evidenceUrl.trim() || null,
        evidenceNote: form.evidenceNote.trim() || null,
      },
      { onSuccess: onRecorded },
    );
  };

  return (
    <form className="form inline-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} className="form-title">
        {t("programmeAdmin.recordClaim")}
      </h3>
      {create.isError && <ErrorMessage error={create.error} />}
      <div className="form-grid">
        <FiscalYearSelect
          label={t("programmeAdmin.fiscalYear")}
          years={years}
          value={fiscalYear}
          onChange={setFiscalYear}
          error={errorOf("fiscalYear")}
        />
        <FormField label={t("programmeAdmin.claimAmount")} error={errorOf("amount")}>
          {(control) => (
            <input {...control} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          )}
        </FormField>
        <ChoiceField
          label={t("programmes.method")}
          error={errorOf("method")}
          value={method}
          options={CLAIM_METHODS}
          isOption={isClaimMethod}
          labelOf={(m) => t(`programmes.methods.${m}`)}
          onChange={setMethod}
        />
        <FormField label={t("programmeAdmin.methodNote")} error={errorOf("methodNote")}>
          {(control) => (
            <input {...control} value={form.methodNote} onChange={(e) => set("methodNote")(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("programmeAdmin.evidenceUrl")} error={errorOf("evidenceUrl")}>
          {(control) => (
            <input
              {...control}
              type="url"
              value={form.evidenceUrl}
              onChange={(e) => set("evidenceUrl")(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={t("programmeAdmin.evidenceNote")}
          hint={t("programmeAdmin.evidenceHint")}
          error={errorOf("evidenceNote")}
        >
          {(control) => (
            <input {...control} value={form.evidenceNote} onChange={(e) => set("evidenceNote")(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("programmes.cluster")} error={errorOf("clusterId")}>
          {(control) => (
            <select {...control} value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
              <option value="">{t("common.none")}</option>
              {clusterOptions.map((c) => (
                <option key={c.clusterId} value={c.clusterId}>
                  {localName(locale, c) || c.code}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("programmeAdmin.activity")} error={errorOf("activityId")}>
          {(control) => (
            <select {...control} value={activityId} onChange={(e) => setActivityId(e.target.value)}>
              <option value="">{t("common.none")}</option>
              {(activities.data?.items ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {pickLocalized(locale, a.titleTh, a.titleEn)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <EnterprisePicker
        label={t("programmeAdmin.enterprise")}
        value={enterprise}
        onChange={setEnterprise}
        error={errorOf("enterpriseId")}
      />
      <fieldset>
        <legend>{t("programmeAdmin.attributed")}</legend>
        <p className="hint">{t("programmeAdmin.attributedHint")}</p>
        {(programmes.data?.items ?? []).map((p) => (
          <label key={p.id} className="field-checkbox">
            <input
              type="checkbox"
              checked={programmeIds.includes(p.id)}
              onChange={(e) =>
                setProgrammeIds((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))
              }
            />{" "}
            {pickLocalized(locale, p.nameTh, p.nameEn)}
          </label>
        ))}
        {(local.programmeIds ?? programmeError) && (
          <p className="field-error">{local.programmeIds ?? programmeError}</p>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t("common.saving") : t("programmeAdmin.recordClaim")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
