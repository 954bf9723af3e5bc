import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { useClusterOptions } from "../../clusters/queries";
import { parseAmount, type BudgetLine } from "../model";
import { useSaveBudgetMutation } from "../mutations";
import { FiscalYearSelect, initialFiscalYear } from "../../../components/FiscalYearSelect";

interface BudgetFormProps {
  programmeId: string;
  years: readonly number[];
  /** The line to edit; null adds a new one. */
  line: BudgetLine | null;
  onSaved: () => void;
  onCancel: () => void;
}

const amountText = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : formatNumber(value, "en", { maximumFractionDigits: 2 });

/** Adds or edits a budget line: fiscal year, cluster (or the whole programme), allocated and spent baht, note. */
export function BudgetForm({ programmeId, years, line, onSaved, onCancel }: BudgetFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const clusters = useClusterOptions();
  const save = useSaveBudgetMutation(programmeId);
  const [fiscalYear, setFiscalYear] = useState<number | null>(line?.fiscalYear ?? initialFiscalYear(years));
  const [clusterId, setClusterId] = useState(line?.clusterId == null ? "" : String(line.clusterId));
  const [allocated, setAllocated] = useState(amountText(line?.allocated));
  const [spent, setSpent] = useState(amountText(line?.spent));
  const [note, setNote] = useState(line?.note ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(save.error);
  const errorOf = (field: string) => local[field] ?? server[field] ?? null;
  const yearChoices =
    line && !years.includes(line.fiscalYear) ? [...years, line.fiscalYear].sort((a, b) => a - b) : years;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const allocatedValue = parseAmount(allocated);
    const spentValue = parseAmount(spent);
    const check: Record<string, string> = {};
    if (allocatedValue === null) check.allocated = t("programmeAdmin.required");
    else if (allocatedValue === "invalid") check.allocated = t("programmeAdmin.invalidAmount");
    if (spentValue === "invalid") check.spent = t("programmeAdmin.invalidAmount");
    if (fiscalYear === null) check.fiscalYear = t("programmeAdmin.required");
    setLocal(check);
    if (
      Object.keys(check).length > 0 ||
      fiscalYear === null ||
      typeof allocatedValue !== "number" ||
      spentValue === "invalid"
    )
      return;
    save.mutate(
      {
        budgetId: line?.id ?? null,
        input: {
          clusterId: clusterId ? Number(clusterId) : null,
          fiscalYear,
          allocated: allocatedValue,
          spent: spentValue,
          note: note.trim() || null,
        },
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="form inline-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} className="form-title">
        {line ? t("programmeAdmin.editBudget") : t("programmeAdmin.addBudget")}
      </h3>
      {save.isError && <ErrorMessage error={save.error} />}
      <div className="form-grid">
        <FiscalYearSelect
          label={t("programmeAdmin.fiscalYear")}
          years={yearChoices}
          value={fiscalYear}
          onChange={setFiscalYear}
          error={errorOf("fiscalYear")}
        />
        <FormField label={t("programmes.cluster")} error={errorOf("clusterId")}>
          {(control) => (
            <select {...control} value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
              <option value="">{t("programmes.programmeWide")}</option>
              {(clusters.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {localName(locale, c) || c.code}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("programmeAdmin.allocated")} error={errorOf("allocated")}>
          {(control) => (
            <input {...control} inputMode="decimal" value={allocated} onChange={(e) => setAllocated(e.target.value)} />
          )}
        </FormField>
        <FormField label={t("programmeAdmin.spent")} hint={t("programmeAdmin.spentHint")} error={errorOf("spent")}>
          {(control) => (
            <input {...control} inputMode="decimal" value={spent} onChange={(e) => setSpent(e.target.value)} />
          )}
        </FormField>
      </div>
      <FormField label={t("programmes.note")} error={errorOf("note")}>
        {(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
