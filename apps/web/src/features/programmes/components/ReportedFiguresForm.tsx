import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { fiscalYearLabel, formatNumber } from "../../../lib/format";
import { parseAmount, parseCount, type ReportedFigures } from "../model";
import { usePutReportedFiguresMutation } from "../mutations";
import { useReportedFigures } from "../queries";
import { FiscalYearSelect, initialFiscalYear } from "../../../components/FiscalYearSelect";

const numberText = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : formatNumber(value, "en", { maximumFractionDigits: 2 });

type BudgetKind = "allocated" | "planned";
type ValueKind = "expected" | "actual";

function Fields({
  programmeId,
  fiscalYear,
  existing,
  onSaved,
  onCancel,
}: {
  programmeId: string;
  fiscalYear: number;
  existing: ReportedFigures | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const put = usePutReportedFiguresMutation(programmeId);
  const [form, setForm] = useState({
    clusters: numberText(existing?.clusters),
    firms: numberText(existing?.firms),
    budget: numberText(existing?.budget),
    value: numberText(existing?.value),
    source: existing?.source ?? "",
    note: existing?.note ?? "",
  });
  const [budgetKind, setBudgetKind] = useState<BudgetKind | "">(
    existing?.budgetKind === "planned" ? "planned" : existing?.budgetKind === "allocated" ? "allocated" : "",
  );
  const [valueKind, setValueKind] = useState<ValueKind | "">(
    existing?.valueKind === "actual" ? "actual" : existing?.valueKind === "expected" ? "expected" : "",
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(put.error);
  const errorOf = (field: string) => local[field] ?? server[field] ?? null;
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clusters = parseCount(form.clusters);
    const firms = parseCount(form.firms);
    const budget = parseAmount(form.budget);
    const value = parseAmount(form.value);
    const check: Record<string, string> = {};
    if (clusters === "invalid") check.clusters = t("programmeAdmin.invalidCount");
    if (firms === "invalid") check.firms = t("programmeAdmin.invalidCount");
    if (budget === "invalid") check.budget = t("programmeAdmin.invalidAmount");
    if (value === "invalid") check.value = t("programmeAdmin.invalidAmount");
    if (typeof budget === "number" && budgetKind === "") check.budgetKind = t("programmeAdmin.budgetKindRequired");
    if (typeof value === "number" && valueKind === "") check.valueKind = t("programmeAdmin.valueKindRequired");
    if (form.source.trim() === "") check.source = t("programmeAdmin.required");
    setLocal(check);
    if (
      Object.keys(check).length > 0 ||
      clusters === "invalid" ||
      firms === "invalid" ||
      budget === "invalid" ||
      value === "invalid"
    )
      return;
    put.mutate(
      {
        fiscalYear,
        input: {
          clusters,
          firms,
          budget,
          budgetKind: budget === null || budgetKind === "" ? null : budgetKind,
          value,
          valueKind: value === null || valueKind === "" ? null : valueKind,
          source: form.source.trim(),
          note: form.note.trim() || null,
        },
      },
      { onSuccess: onSaved },
    );
  };

  const input = (key: keyof typeof form, label: string, inputMode?: "numeric" | "decimal", hint?: string) => (
    <FormField label={label} hint={hint} error={errorOf(key)}>
      {(control) => (
        <input {...control} inputMode={inputMode} value={form[key]} onChange={(e) => set(key)(e.target.value)} />
      )}
    </FormField>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t("programmeAdmin.editReported")}>
      {put.isError && <ErrorMessage error={put.error} />}
      <div className="form-grid">
        {input("clusters", t("programmes.clusters"), "numeric")}
        {input("firms", t("programmes.firms"), "numeric")}
        {input("budget", t("programmeAdmin.reportedBudget"), "decimal")}
        <FormField label={t("programmeAdmin.budgetKind")} error={errorOf("budgetKind")}>
          {(control) => (
            <select
              {...control}
              value={budgetKind}
              onChange={(e) =>
                setBudgetKind(
                  e.target.value === "planned" ? "planned" : e.target.value === "allocated" ? "allocated" : "",
                )
              }
            >
              <option value="">{t("common.none")}</option>
              <option value="allocated">{t("programmes.budgetAllocated")}</option>
              <option value="planned">{t("programmes.budgetPlanned")}</option>
            </select>
          )}
        </FormField>
        {input("value", t("programmeAdmin.reportedValue"), "decimal")}
        <FormField label={t("programmeAdmin.valueKind")} error={errorOf("valueKind")}>
          {(control) => (
            <select
              {...control}
              value={valueKind}
              onChange={(e) =>
                setValueKind(e.target.value === "actual" ? "actual" : e.target.value === "expected" ? "expected" : "")
              }
            >
              <option value="">{t("common.none")}</option>
              <option value="expected">{t("programmes.valueExpected")}</option>
              <option value="actual">{t("programmes.valueActual")}</option>
            </select>
          )}
        </FormField>
      </div>
      {input("source", t("programmes.source"), undefined, t("programmeAdmin.sourceHint"))}
      {input("note", t("programmes.note"))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={put.isPending}>
          {put.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The agency's reported figures for one fiscal year (aggregates as published), filled from what is recorded. */
export function ReportedFiguresForm({
  programmeId,
  years,
  onSaved,
  onCancel,
}: {
  programmeId: string;
  years: readonly number[];
  onSaved: (year: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const reported = useReportedFigures(programmeId);
  const [fiscalYear, setFiscalYear] = useState<number | null>(initialFiscalYear(years));
  return (
    <div className="inline-form" role="region" aria-labelledby={headingId}>
      <h3 id={headingId} className="form-title">
        {t("programmeAdmin.editReported")}
      </h3>
      <p className="muted small">{t("programmes.reportedNote")}</p>
      <FiscalYearSelect
        label={t("programmeAdmin.fiscalYear")}
        years={years}
        value={fiscalYear}
        onChange={setFiscalYear}
      />
      <QueryState query={reported}>
        {(list) =>
          fiscalYear === null ? null : (
            <Fields
              key={fiscalYear}
              programmeId={programmeId}
              fiscalYear={fiscalYear}
              existing={list.items.find((r) => r.fiscalYear === fiscalYear) ?? null}
              onSaved={() => onSaved(fiscalYearLabel(fiscalYear, locale))}
              onCancel={onCancel}
            />
          )
        }
      </QueryState>
    </div>
  );
}
