import type { ReportRow } from "./model";

/** One CSV field: quoted when it holds a comma, quote or line break; formula-like text is defused for spreadsheets. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  // A cell starting with = + - @ would run as a formula in Excel (CSV injection); a leading apostrophe keeps it text.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ReportCsvLabels {
  rowNumber: string;
  status: string;
  key: string;
  field: string;
  message: string;
  value: string;
  /** The row's result in the reader's language. */
  statusText: (status: string) => string;
  /** A field's name in the reader's language (the field itself when unknown). */
  fieldText?: (field: string) => string;
  /** An issue in the reader's language (its message when not given). */
  issueText?: (issue: ReportRow["issues"][number]) => string;
}

/**
 * The import report as CSV: one line per issue (a row without issues still gets one line), so the file filters
 * well in a spreadsheet. Starts with a byte-order mark so Excel reads the Thai text as UTF-8; lines end in CRLF.
 */
export function buildReportCsv(rows: readonly ReportRow[], labels: ReportCsvLabels): string {
  const lines = [
    [labels.rowNumber, labels.status, labels.key, labels.field, labels.message, labels.value].map(csvField).join(","),
  ];
  for (const row of rows) {
    const base = [row.rowNumber, labels.statusText(row.status), row.key ?? ""];
    if (row.issues.length === 0) lines.push([...base, "", "", ""].map(csvField).join(","));
    for (const issue of row.issues) {
      const field = issue.field && labels.fieldText ? labels.fieldText(issue.field) : issue.field;
      lines.push(
        [...base, field, labels.issueText ? labels.issueText(issue) : issue.message, issue.value ?? ""]
          .map(csvField)
          .join(","),
      );
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Rows whose status matches (empty = all) and whose key, field or message contains the text (case-insensitive). */
export function filterReportRows(rows: readonly ReportRow[], status: string, text: string): ReportRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter((row) => {
    if (status && row.status !== status) return false;
    if (!needle) return true;
    const haystack = [
      row.key ?? "",
      String(row.rowNumber),
      ...row.issues.flatMap((i) => [i.field, i.message, i.value ?? ""]),
    ]
      .join("\n")
      .toLowerCase();
    return haystack.includes(needle);
  });
}
