import type { KeptRow } from "@sainam/db";
import type { ReportRow, RowIssue } from "@sainam/importer";

// Every row is reported up to this many; past it only skipped rows (up to MAX_SKIPPED_ROWS), so a
// million-row file's report stays small; counts are always complete.
const FULL_REPORT_ROWS = 50_000;
const MAX_SKIPPED_ROWS = 100_000;

export type ImportReportView = {
  counts: { imported: number; updated: number; skipped: number; errors: number };
  rows: ReportRow[];
  truncated: boolean;
  /** Rows a failed batch's revert left in place because someone edited (or referred to) them after the import wrote them. */
  keptAfterRevert?: KeptRow[];
};

/** What the server log may say about an error: its kind and code and where it was thrown, never its message (it may quote row values). */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const code =
    "code" in error && (typeof error.code === "string" || typeof error.code === "number") ? error.code : undefined;
  return {
    error: error.name,
    ...(code !== undefined ? { code } : {}),
    at: error.stack
      ?.split("\n")
      .slice(1, 6)
      .map((l) => l.trim()),
  };
}

/**
 * Which row of this file last wrote each enterprise, in 4 bytes a row: firms new to the registry get
 * consecutive ids during the batch, so a typed array indexed by id − first id holds them; firms that
 * existed before (usually few) sit in a Map. A million-row file costs megabytes, not a Map of strings.
 */
export class EnterpriseRows {
  #base: number | null = null;
  #rows = new Int32Array(4096);
  readonly #existing = new Map<number, number>();

  /** Records that row `rowNumber` wrote enterprise `id`; demotes an earlier row of the file that wrote it. */
  record(id: number, rowNumber: number, status: "imported" | "updated", report: ReportBuilder): "imported" | "updated" {
    if (status === "imported") {
      this.#base ??= id;
      this.#set(id, rowNumber);
      return "imported";
    }
    const newInBatch = this.#base !== null && id >= this.#base ? this.#get(id) : 0;
    if (newInBatch > 0) {
      report.demote(newInBatch, rowNumber, "imported");
      this.#set(id, rowNumber);
      return "imported";
    }
    const earlier = this.#existing.get(id);
    if (earlier !== undefined) report.demote(earlier, rowNumber, "updated");
    this.#existing.set(id, rowNumber);
    return "updated";
  }

  #get(id: number): number {
    const i = id - (this.#base ?? id);
    return i >= 0 && i < this.#rows.length ? (this.#rows[i] ?? 0) : 0;
  }

  #set(id: number, rowNumber: number): void {
    const i = id - (this.#base ?? id);
    if (i >= this.#rows.length) {
      const grown = new Int32Array(Math.max(this.#rows.length * 2, i + 1));
      grown.set(this.#rows);
      this.#rows = grown;
    }
    this.#rows[i] = rowNumber;
  }
}

export class ReportBuilder {
  readonly rows: ReportRow[] = [];
  readonly #byRow = new Map<number, ReportRow>();
  readonly counts = { imported: 0, updated: 0, skipped: 0, errors: 0 };
  truncated = false;
  add(row: ReportRow): void {
    if (row.status === "imported") this.counts.imported++;
    else if (row.status === "updated") this.counts.updated++;
    else if (row.status === "skipped") this.counts.skipped++;
    else this.counts.errors++;
    const keep =
      this.rows.length < FULL_REPORT_ROWS ||
      ((row.status === "skipped" || row.status === "error") && this.rows.length < MAX_SKIPPED_ROWS);
    if (keep) {
      this.rows.push(row);
      this.#byRow.set(row.rowNumber, row);
    } else {
      this.truncated = true;
    }
  }
  /** A row reported earlier (as `was`) turns out to be overwritten by a later duplicate in the same file. */
  demote(rowNumber: number, winner: number, was: "imported" | "updated"): void {
    const row = this.#byRow.get(rowNumber);
    const issue: RowIssue = {
      field: "",
      message: `duplicate of row ${winner}`,
      code: "duplicate_row",
      params: { row: winner },
    };
    if (was === "imported") this.counts.imported--;
    else this.counts.updated--;
    if (row) {
      Object.assign(row, { status: "skipped", issues: [...row.issues, issue] });
    } else {
      const skipped: ReportRow = { rowNumber, status: "skipped", key: null, issues: [issue] };
      this.rows.push(skipped);
      this.#byRow.set(rowNumber, skipped);
    }
    this.counts.skipped++;
  }
}
