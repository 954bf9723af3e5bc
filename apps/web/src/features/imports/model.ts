import { enterpriseFields, linkageFields, membershipFields } from "@sainam/core";
import {
  arrayOf,
  bool,
  DecodeError,
  id,
  isRecord,
  literal,
  nullable,
  num,
  object,
  str,
  withDefault,
  type Decoded,
  type Decoder,
} from "../../api/decode";

export const IMPORT_KINDS = ["enterprises", "memberships", "linkages"] as const;
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
} as const satisfies Record<ImportKind, readonly string[]>;

export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];

const ALL_FIELDS: readonly string[] = [...new Set(Object.values(IMPORT_FIELDS).flat())];

export function isImportField(value: string): value is ImportField {
  return ALL_FIELDS.includes(value);
}

/** Which column (by its header text) fills each field. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** A `{ field: header }` object; entries that are not text are left out. */
const mappingDecoder: Decoder<Record<string, string>> = (input, path = "") => {
  if (!isRecord(input)) throw new DecodeError(path, "an object");
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) if (typeof value === "string" && value !== "") out[key] = value;
  return out;
};

/** Sample cells are shown as text whatever type the file gave them. */
const cell: Decoder<string> = (input) => (input === null || input === undefined ? "" : String(input));

export const uploadAnswerDecoder = object({
  batchId: id,
  format: withDefault(str, ""),
  encoding: nullable(str),
  headers: withDefault(arrayOf(cell), []),
  headerRowNumber: nullable(num),
  suggestedMapping: withDefault(mappingDecoder, {}),
  savedMapping: nullable(mappingDecoder),
  sampleRows: withDefault(arrayOf(arrayOf(cell)), []),
  /** Indicator-values files only: "wide" when two or more headers name periods. */
  suggestedLayout: withDefault(nullable(str), null),
  periodColumns: withDefault(arrayOf(str), []),
});
export type UploadAnswer = Decoded<typeof uploadAnswerDecoder>;

/** An issue's params: only strings, numbers and true/false are kept. */
const issueParams: Decoder<Record<string, string | number | boolean>> = (input) => {
  const out: Record<string, string | number | boolean> = {};
  if (!isRecord(input)) return out;
  for (const [key, value] of Object.entries(input)) if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[key] = value;
  return out;
};

export const runAnswerDecoder = object({ batchId: id, status: withDefault(str, "running") });

const issueDecoder = object({
  field: withDefault(str, ""),
  message: withDefault(str, ""),
  value: nullable(cell),
  /** Why (`required`, `invalid_date`, `not_found`, …) for the report to word it; reports from before codes have none. */
  code: withDefault(nullable(str), null),
  params: withDefault(issueParams, {}),
});

export const reportRowDecoder = object({
  rowNumber: num,
  status: withDefault(str, ""),
  key: nullable(cell),
  issues: withDefault(arrayOf(issueDecoder), []),
});
export type ReportRow = Decoded<typeof reportRowDecoder>;

export const reportDecoder = object({
  counts: object({
    imported: withDefault(num, 0),
    updated: withDefault(num, 0),
    skipped: withDefault(num, 0),
    errors: withDefault(num, 0),
  }),
  rows: withDefault(arrayOf(reportRowDecoder), []),
  /** The server keeps only the first rows of a very large report; the counts still cover every row. */
  truncated: withDefault(bool, false),
});
export type ImportReport = Decoded<typeof reportDecoder>;

export const BATCH_STATUSES = ["uploaded", "running", "done", "failed"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const batchDecoder = object({
  batchId: id,
  kind: withDefault(str, ""),
  fileName: withDefault(str, ""),
  status: literal(...BATCH_STATUSES),
  progress: withDefault(
    object({
      rowsRead: withDefault(num, 0),
      bytesRead: withDefault(num, 0),
      totalBytes: withDefault(num, 0),
    }),
    { rowsRead: 0, bytesRead: 0, totalBytes: 0 },
  ),
  report: nullable(reportDecoder),
  error: nullable((input, path) => (isRecord(input) ? str(input.message, `${path}.message`) : str(input, path))),
  errorCode: withDefault(nullable(str), null),
  /** An upload not yet run, or a batch interrupted by a restart whose file is still kept: the wizard can resume it. */
  canRunAgain: withDefault(bool, false),
});
export type Batch = Decoded<typeof batchDecoder>;

/** Every kind a batch may be of: the wizard's three, and indicator values (imported from the values pages). */
export const BATCH_KINDS = [...IMPORT_KINDS, "indicator_values"] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];
export function isBatchKind(value: unknown): value is BatchKind {
  return BATCH_KINDS.some((kind) => kind === value);
}

/** Why a batch failed, as the server codes it (`errorCode`). */
export const FAILURE_REASONS = ["rows_unusable", "unreadable_file", "import_failed", "interrupted", "abandoned"] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];
export function isFailureReason(code: unknown): code is FailureReason {
  return FAILURE_REASONS.some((reason) => reason === code);
}

/** A batch as the history lists it (GET /api/imports). */
export const batchListItemDecoder = object({
  batchId: id,
  kind: withDefault(str, ""),
  fileName: withDefault(str, ""),
  status: literal(...BATCH_STATUSES),
  errorCode: withDefault(nullable(str), null),
  counts: withDefault(
    nullable(object({ imported: withDefault(num, 0), updated: withDefault(num, 0), skipped: withDefault(num, 0), errors: withDefault(num, 0) })),
    null,
  ),
  createdAt: str,
  finishedAt: withDefault(nullable(str), null),
  mine: withDefault(bool, true),
  owner: withDefault(nullable(object({ userId: nullable(id), displayName: nullable(str) })), null),
  canRunAgain: withDefault(bool, false),
  canTakeOver: withDefault(bool, false),
});
export type BatchListItem = Decoded<typeof batchListItemDecoder>;

export const batchPageDecoder = object({
  items: arrayOf(batchListItemDecoder),
  total: withDefault(num, 0),
  page: withDefault(num, 1),
  pageSize: withDefault(num, 25),
});
export type BatchPage = Decoded<typeof batchPageDecoder>;

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
export function initialMapping(kind: ImportKind, answer: Pick<UploadAnswer, "headers" | "savedMapping" | "suggestedMapping">): ColumnMapping {
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
    if (answer.savedMapping?.[field] === undefined || out[field] !== undefined || !guess || used.has(guess) || !answer.headers.includes(guess)) continue;
    out[field] = guess;
    used.add(guess);
  }
  return out;
}

/** Only .csv and .xlsx files are accepted (by name: browsers report CSV's MIME type inconsistently). */
export function isImportFile(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name);
}
