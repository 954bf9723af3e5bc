import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { issueFieldText, issueText } from "../issue-text";
import type { ImportReport } from "../model";
import { buildReportCsv, filterReportRows } from "../report-csv";
import { TableScroll } from "../../../components/TableScroll";

const ROW_STATUSES = ["imported", "updated", "skipped", "error"] as const;
type RowStatus = (typeof ROW_STATUSES)[number];

function isRowStatus(value: string): value is RowStatus {
  return ROW_STATUSES.some((status) => status === value);
}

const COUNT_KEYS = ["imported", "updated", "skipped", "errors"] as const;
/** Rows drawn at once; the CSV always holds them all. */
const SHOWN_ROWS = 500;

/** Step 4: the counts, the rows (filterable by result and text), and the report as a CSV file built here. */
export function ImportReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState("");
  const [text, setText] = useState("");
  const [csvUrl, setCsvUrl] = useState<string | null>(null);
  const ids = { status: useId(), text: useId(), heading: useId() };
  const rows = useMemo(() => filterReportRows(report.rows, status, text), [report.rows, status, text]);
  const statusText = (value: string): string => (isRowStatus(value) ? t(`imports.rowStatuses.${value}`) : value);

  useEffect(() => {
    const csv = buildReportCsv(rows, {
      rowNumber: t("imports.rowNumber"),
      status: t("imports.status"),
      key: t("imports.key"),
      field: t("imports.field"),
      message: t("imports.csvMessage"),
      value: t("imports.csvValue"),
      statusText: (value) => (isRowStatus(value) ? t(`imports.rowStatuses.${value}`) : value),
      fieldText: (field) => issueFieldText(field, t),
      issueText: (issue) => issueText(issue, t),
    });
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    setCsvUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [rows, t]);

  const n = (value: number) => formatNumber(value, locale);
  const baseName = fileName.replace(/\.[^.]+$/, "") || "import";

  return (
    <section className="import-report" data-testid="import-report" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t("imports.report")}</h2>
      <div className="stats report-counts">
        {COUNT_KEYS.map((key) => (
          <div key={key} className={`stat stat-static count-${key}`} data-count={key}>
            <span className="stat-value">{n(report.counts[key])}</span>
            <span className="stat-label">{t(`imports.counts.${key}`)}</span>
          </div>
        ))}
      </div>
      <div className="toolbar">
        <div className="filter-bar compact">
          <div className="field">
            <label htmlFor={ids.status}>{t("imports.filterStatus")}</label>
            <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t("imports.allRows")}</option>
              {ROW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusText(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.text}>{t("imports.filterText")}</label>
            <input id={ids.text} type="search" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
        </div>
        {csvUrl && (
          <a className="button button-secondary" href={csvUrl} download={`${baseName}-report.csv`}>
            {t("imports.downloadReport")}
          </a>
        )}
      </div>
      {report.truncated && <p className="alert alert-info">{t("imports.truncated")}</p>}
      <p className="muted small" aria-live="polite">
        {t("imports.rowsShown", { shown: n(Math.min(rows.length, SHOWN_ROWS)), total: n(rows.length) })}
      </p>
      {rows.length === 0 ? (
        <p className="state state-empty">{t("imports.noRows")}</p>
      ) : (
        <TableScroll label={t("imports.report")}>
          <table className="table report-table">
            <caption className="visually-hidden">{t("imports.report")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("imports.rowNumber")}
                </th>
                <th scope="col">{t("imports.status")}</th>
                <th scope="col">{t("imports.key")}</th>
                <th scope="col">{t("imports.issues")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN_ROWS).map((row) => (
                <tr key={row.rowNumber} data-row-status={row.status}>
                  <td className="num">{n(row.rowNumber)}</td>
                  <td>
                    <span className={`tag row-${row.status}`}>{statusText(row.status)}</span>
                  </td>
                  <td className="break">{row.key ?? t("common.none")}</td>
                  <td>
                    {row.issues.length === 0 ? (
                      t("common.none")
                    ) : (
                      <ul className="plain-list">
                        {row.issues.map((issue, index) => (
                          <li key={index}>
                            {issueText(issue, t)}
                            {issue.value && <span className="muted"> ({issue.value})</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
