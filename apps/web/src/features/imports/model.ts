import { enterpriseFields, expertImportFields, linkageFields, membershipFields, providerFields } from "@sainam/core";
import { importBatchStatuses } from "@sainam/contract/choices";
import type { ImportBatch, ImportBatchListItem, ImportPreview, ImportReport } from "@sainam/contract";

export const IMPORT_KINDS = ["enterprises", "memberships", "linkages", "providers", "experts"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return IMPORT_KINDS.some((kind) => kind === value);
}

/** The fields each kind of file can fill, in the order the mapping step lists them (docs/API.md). */
export const IMPORT_FIELDS = {
  enterprises: enterpriseFields,
  // The firm's name and address are optional: with them, a member not yet in the registry is added by the same import.
  memberships: membershipFields,
  linkages: linkageFields,
  providers: providerFields,
  experts: expertImportFields,
} as const satisfies Record<ImportKind, readonly string[]>;

export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];

const ALL_FIELDS: readonly string[] = [...new Set(Object.values(IMPORT_FIELDS).flat())];

export function isImportField(value: string): value is ImportField {
  return ALL_FIELDS.includes(value);
}

/** Which column (by its header text) fills each field. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/**
 * What the server answers about imports: the contract's types, checked by its schemas in the queries. An upload (and
 * a runnable batch's preview) answers with the file's headers, sample rows and the suggested and saved mappings.
 */
export type UploadAnswer = ImportPreview;
export type { ImportReport } from "@sainam/contract";
export type ReportRow = ImportReport["rows"][number];

export const BATCH_STATUSES = importBatchStatuses;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export type Batch = ImportBatch;

/** Kinds imported whole or not at all (no cluster, no strict choice): service providers and their experts. */
export function isWholeFileKind(kind: ImportKind): boolean {
  return kind === "providers" || kind === "experts";
}

/** Every kind a batch may be of: the wizard's five, and indicator values (imported from the values pages). */
export const BATCH_KINDS = [...IMPORT_KINDS, "indicator_values"] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];
export function isBatchKind(value: unknown): value is BatchKind {
  return BATCH_KINDS.some((kind) => kind === value);
}

/** Why a batch failed, as the server codes it (`errorCode`). */
export const FAILURE_REASONS = [
  "rows_unusable",
  "unreadable_file",
  "import_failed",
  "interrupted",
  "abandoned",
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];
export function isFailureReason(code: unknown): code is FailureReason {
  return FAILURE_REASONS.some((reason) => reason === code);
}

/** A batch as the history lists it (GET /api/imports). */
export type BatchListItem = ImportBatchListItem;
export type { ImportBatchPage as BatchPage } from "@sainam/contract";

export const HISTORY_PAGE_SIZE = 25;
export type HistoryOwner = "mine" | "all";

/** The status a history shows: a failed batch that the server stopped part-way is "interrupted" (it can run again). */
export function batchStatusKey(batch: Pick<BatchListItem, "status" | "errorCode">): BatchStatus | "interrupted" {
  return batch.status === "failed" && batch.errorCode === "interrupted" ? "interrupted" : batch.status;
}

/**
 * The mapping to start from: the one saved from the last import of a file with the same headers (the server names
 * its columns as this file spells them) wins over the server's guess from the headers. A saved field whose column is
 * not in this file takes the guess's column when no other field uses it; columns this file does not have and fields
 * of other kinds are dropped.
 */
export function initialMapping(
  kind: ImportKind,
  answer: Pick<UploadAnswer, "headers" | "savedMapping" | "suggestedMapping">,
): ColumnMapping {
  const source = answer.savedMapping ?? answer.suggestedMapping;
  const out: ColumnMapping = {};
  const fields = IMPORT_FIELDS[kind];
  for (const field of fields) {
    const header = source[field];
    if (header && answer.headers.includes(header)) out[field] = header;
  }
  const used = new Set(Object.values(out));
  for (const field of fields) {
    const guess = answer.suggestedMapping[field];
    if (
      answer.savedMapping?.[field] === undefined ||
      out[field] !== undefined ||
      !guess ||
      used.has(guess) ||
      !answer.headers.includes(guess)
    )
      continue;
    out[field] = guess;
    used.add(guess);
  }
  return out;
}

/** Only .csv and .xlsx files are accepted (by name: browsers report CSV's MIME type inconsistently). */
export function isImportFile(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name);
}
