import type { RecordId } from "../../clusters/queries";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { initialFiscalYear } from "../../../components/FiscalYearSelect";
import { fiscalYearLabel, fiscalYearOf } from "../../../lib/format";
import { reportHref, reportYears } from "../report-links";

interface PlanReportDownloadsProps {
  planId: RecordId;
  periodStart: string | null;
  periodEnd: string | null;
}

/**
 * Download links for the plan's performance report of one fiscal year, as XLSX or PDF, in the interface's
 * language. Plain links: the browser saves the file; the server decides what the reader may see.
 */
export function PlanReportDownloads({ planId, periodStart, periodEnd }: PlanReportDownloadsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const selectId = useId();
  const years = periodStart && periodEnd ? reportYears(fiscalYearOf(periodStart), fiscalYearOf(periodEnd)) : [];
  const [year, setYear] = useState<number | null>(initialFiscalYear(years));
  if (year === null) return null;
  return (
    <section className="panel plan-reports" aria-labelledby={`${selectId}-heading`}>
      <h2 id={`${selectId}-heading`}>{t("plans.reports.title")}</h2>
      <p className="muted small">{t("plans.reports.hint")}</p>
      <div className="plan-reports-row">
        <label htmlFor={selectId}>{t("plans.reports.year")}</label>
        <select id={selectId} value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y, locale)}
            </option>
          ))}
        </select>
        <a className="button button-secondary" href={reportHref(planId, year, "xlsx", locale)} download>
          {t("plans.reports.xlsx")}
        </a>
        <a className="button button-secondary" href={reportHref(planId, year, "pdf", locale)} download>
          {t("plans.reports.pdf")}
        </a>
      </div>
    </section>
  );
}
