import type { EnterpriseRecord, LinkageRecord, MembershipRecord } from "./normalise.ts";
import type { RowIssue, RowOutcome } from "./row-issue.ts";

/** A normalised row of a file, with the line or sheet row it came from. */
export type NormalisedRow<T> = { readonly rowNumber: number; readonly outcome: RowOutcome<T> };

/** What happened to one row of an import, as the server reports it. */
export type RowStatus = "imported" | "updated" | "skipped" | "error";

/** One row of the import report. */
export type ReportRow = {
  readonly rowNumber: number;
  readonly status: RowStatus;
  /** The row's identity (e.g. the juristic ID), or null when the row is too broken to have one. */
  readonly key: string | null;
  readonly issues: ReadonlyArray<RowIssue>;
};

/** How many rows ended in each status. */
export type ImportCounts = {
  readonly imported: number;
  readonly updated: number;
  readonly skipped: number;
  readonly errors: number;
};

/** The row-level report of one import: one entry per data row, by row number, and the totals. */
export type ImportReport = { readonly rows: ReadonlyArray<ReportRow>; readonly counts: ImportCounts };

/** A record the server should upsert, with the row it came from and its key. */
export type PlannedRecord<T> = { readonly rowNumber: number; readonly key: string; readonly record: T };

/** What planBatch returns: the records to upsert and the report so far. */
export type BatchPlan<T> = {
  /** Records to upsert, one per key, in file order of the row that won. */
  readonly records: ReadonlyArray<PlannedRecord<T>>;
  /** The report before upserting: records to upsert are provisionally "imported". */
  readonly report: ImportReport;
};

/** An enterprise's identity: its juristic ID, or "ce:" + its community-enterprise number. */
export function enterpriseKey(record: EnterpriseRecord): string {
  return record.juristicId ?? `ce:${record.ceRegistrationNo ?? ""}`;
}

/** A membership's identity: one enterprise in one cluster. */
export function membershipKey(record: MembershipRecord): string {
  return `${record.juristicId}|${record.clusterCode}`;
}

/** A linkage's identity: the two parties, the kind, the product and the cluster. */
export function linkageKey(record: LinkageRecord): string {
  return [record.fromJuristicId, record.toJuristicId, record.kind, record.product ?? "", record.clusterCode ?? ""].join(
    "|",
  );
}

function countRows(rows: ReadonlyArray<ReportRow>): ImportCounts {
  const counts = { imported: 0, updated: 0, skipped: 0, errors: 0 };
  for (const row of rows) {
    if (row.status === "error") counts.errors++;
    else counts[row.status]++;
  }
  return counts;
}

/**
 * Plans the import of one file's normalised rows. Rows with issues are reported as "error".
 * Within the file, rows with the same key are duplicates: the LAST one wins (a later line is
 * usually a correction appended to an export) and each earlier one is reported "skipped" with the
 * issue "duplicate of row N", N being the winning row. Winners are listed for upserting and
 * provisionally reported "imported" with their warnings as issues; after upserting, the server
 * turns some into "updated" with applyUpsertResults. Holds one entry per row, so call it per file.
 */
export function planBatch<T>(rows: Iterable<NormalisedRow<T>>, keyOf: (record: T) => string): BatchPlan<T> {
  const winners = new Map<string, { rowNumber: number; record: T; warnings: ReadonlyArray<RowIssue> }>();
  const report: ReportRow[] = [];
  const losers: Array<{ rowNumber: number; key: string }> = [];
  for (const { rowNumber, outcome } of rows) {
    if (!outcome.ok) {
      report.push({ rowNumber, status: "error", key: null, issues: outcome.issues });
      continue;
    }
    const key = keyOf(outcome.value);
    const earlier = winners.get(key);
    if (earlier) losers.push({ rowNumber: earlier.rowNumber, key });
    winners.set(key, { rowNumber, record: outcome.value, warnings: outcome.warnings });
  }
  for (const { rowNumber, key } of losers) {
    const winner = winners.get(key);
    report.push({
      rowNumber,
      status: "skipped",
      key,
      issues: [
        {
          field: "row",
          message: `duplicate of row ${winner?.rowNumber ?? "?"}; the later row is imported`,
          value: key,
          code: "duplicate_row",
          ...(winner ? { params: { row: winner.rowNumber } } : {}),
        },
      ],
    });
  }
  const records: PlannedRecord<T>[] = [];
  for (const [key, { rowNumber, record, warnings }] of winners) {
    records.push({ rowNumber, key, record });
    report.push({ rowNumber, status: "imported", key, issues: warnings });
  }
  records.sort((a, b) => a.rowNumber - b.rowNumber);
  report.sort((a, b) => a.rowNumber - b.rowNumber);
  return { records, report: { rows: report, counts: countRows(report) } };
}

/** What the server's upsert did with a planned row. */
export type UpsertResult =
  { readonly status: "imported" | "updated" } | { readonly status: "error"; readonly issues: ReadonlyArray<RowIssue> };

/**
 * The final report once the server has upserted the planned records: each planned row takes its
 * upsert status ("imported" for a new enterprise, "updated" for an existing one, or an error such
 * as an unknown cluster code) and the counts are recomputed. Rows without a result keep theirs.
 */
export function applyUpsertResults(report: ImportReport, results: ReadonlyMap<number, UpsertResult>): ImportReport {
  const rows = report.rows.map((row): ReportRow => {
    const result = results.get(row.rowNumber);
    if (!result || row.status === "error" || row.status === "skipped") return row;
    if (result.status === "error") return { ...row, status: "error", issues: [...row.issues, ...result.issues] };
    return { ...row, status: result.status };
  });
  return { rows, counts: countRows(rows) };
}
