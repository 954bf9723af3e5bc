// Reads an import file into chunks of prepared rows: normalised and, for enterprises, with their size
// class and search terms. A million-row registry spends most of its CPU here (reading CSV, normalising,
// cutting Thai into words), so a large file is read on a worker thread (import-worker.ts) while the
// main thread writes the chunks it has already received; memory stays bounded because the worker runs
// at most `prefetch` chunks ahead. A small file is read on the calling thread: starting a worker
// (loading its modules) would cost more than it saves.
import { open, stat } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { classifySize, sectorOfTsic, type Gazetteer, type SearchText } from "@sainam/core";
import {
  normaliseEnterpriseRow,
  normaliseLinkageRow,
  normaliseMembershipRow,
  readTable,
  ReadTableError,
  type ColumnMapping,
  type EnterpriseRecord,
  type LinkageRecord,
  type MembershipRecord,
  type ReadTableErrorCode,
  type RowIssue,
  type RowOutcome,
  type TsicCodes,
} from "@sainam/importer";
import { enterpriseSearchText } from "../search/search-terms.ts";

export type ReaderInput = {
  readonly path: string;
  readonly kind: "enterprises" | "memberships" | "linkages";
  readonly mapping: ColumnMapping;
  /** Enterprises and memberships (the firms they describe): provinces and districts to place addresses in. */
  readonly gazetteer: Gazetteer | null;
  /** Enterprises: the TSIC 2009 codes a firm's TSIC code is checked against (null: taken as written). */
  readonly tsicCodes: TsicCodes | null;
  readonly chunkSize: number;
  /** Keep only the rows that cannot be imported (the strict pre-check). */
  readonly errorsOnly: boolean;
};

/** A row as prepared for writing: where it came from, its outcome, and for an enterprise what the writer needs. */
export type PreparedRow = {
  readonly rowNumber: number;
  readonly outcome: RowOutcome<EnterpriseRecord | MembershipRecord | LinkageRecord>;
  readonly sizeClass?: string | null;
  readonly searchText?: SearchText;
};

/** The rows of the next `chunkSize` rows read (with errorsOnly, only the bad ones) and how far the file has been read. */
export type PreparedChunk = {
  readonly type: "chunk";
  readonly rows: PreparedRow[];
  readonly rowsRead: number;
  readonly bytesRead: number;
  readonly totalBytes: number | null;
};

/**
 * A chunk as the worker posts it, as JSON: a row is an array — [rowNumber, issues] when it cannot be
 * imported, else [rowNumber, the record's values in `keys` order, warnings or 0] and for an enterprise
 * also sizeClass and its search text (name, body). Against the rows as objects this halves the JSON and the work of
 * building and parsing it.
 */
type WireRow =
  | [rowNumber: number, issues: RowIssue[]]
  | [rowNumber: number, values: unknown[], warnings: RowIssue[] | 0]
  | [
      rowNumber: number,
      values: unknown[],
      warnings: RowIssue[] | 0,
      sizeClass: string | null,
      searchName: string,
      searchBody: string,
    ];
type WireChunk = {
  readonly type: "chunk";
  readonly keys: string[];
  readonly rows: WireRow[];
  readonly rowsRead: number;
  readonly bytesRead: number;
  readonly totalBytes: number | null;
};

/** What the worker posts (as JSON). */
export type ReaderMessage =
  | WireChunk
  | { readonly type: "end" }
  | {
      readonly type: "error";
      readonly readTableCode: ReadTableErrorCode | null;
      readonly line?: number | undefined;
      readonly message: string;
    };

export function encodeChunk(chunk: PreparedChunk): WireChunk {
  let keys: string[] | null = null;
  const rows = chunk.rows.map((row): WireRow => {
    const { outcome } = row;
    if (!outcome.ok) return [row.rowNumber, [...outcome.issues]];
    // Records of one kind come from one object literal, so their keys are always in the same order.
    keys ??= Object.keys(outcome.value);
    const warnings = outcome.warnings.length > 0 ? [...outcome.warnings] : 0;
    if (row.searchText === undefined) return [row.rowNumber, Object.values(outcome.value), warnings];
    return [
      row.rowNumber,
      Object.values(outcome.value),
      warnings,
      row.sizeClass ?? null,
      row.searchText.name,
      row.searchText.body,
    ];
  });
  return {
    type: "chunk",
    keys: keys ?? [],
    rows,
    rowsRead: chunk.rowsRead,
    bytesRead: chunk.bytesRead,
    totalBytes: chunk.totalBytes,
  };
}

export function decodeChunk(wire: WireChunk): PreparedChunk {
  const { keys } = wire;
  const rows = wire.rows.map((row): PreparedRow => {
    if (row.length === 2) return { rowNumber: row[0], outcome: { ok: false, issues: row[1] } };
    const [rowNumber, values, warnings] = row;
    const fields: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) fields[keys[i] ?? ""] = values[i];
    // The worker encoded a record of this batch's kind (encodeChunk): the same keys, the same values.
    const value = fields as EnterpriseRecord | MembershipRecord | LinkageRecord;
    const outcome = { ok: true as const, value, warnings: warnings === 0 ? [] : warnings };
    if (row.length === 3) return { rowNumber, outcome };
    const [, , , sizeClass, name, body] = row;
    return { rowNumber, outcome, sizeClass, searchText: { name, body } };
  });
  return { type: "chunk", rows, rowsRead: wire.rowsRead, bytesRead: wire.bytesRead, totalBytes: wire.totalBytes };
}

/** Files at least this large are read on a worker thread. */
export const WORKER_FROM_BYTES = 512 * 1024;
const WORKER_URL = new URL("./import-worker.ts", import.meta.url);

/** What writing a firm needs besides its record: its size class and search text. */
export function enterpriseExtras(record: EnterpriseRecord): { sizeClass: string | null; searchText: SearchText } {
  const size = classifySize({
    sector: (record.tsicCode ? sectorOfTsic(record.tsicCode) : null) ?? "service",
    annualRevenue: record.revenue,
    employees: record.employees,
  });
  const searchText = enterpriseSearchText({
    name_th: record.nameTh,
    name_en: record.nameEn,
    business_type: record.businessType,
    products: record.products.map((name) => ({ name })),
  });
  return { sizeClass: size.ok ? size.value.sizeClass : null, searchText };
}

function preparedRow(
  input: ReaderInput,
  rowNumber: number,
  cells: ReadonlyArray<string>,
  headers: ReadonlyArray<string>,
): PreparedRow {
  const gazetteer = input.gazetteer ?? { provinces: [], districts: [] };
  if (input.kind === "memberships")
    return { rowNumber, outcome: normaliseMembershipRow(cells, headers, input.mapping, gazetteer) };
  if (input.kind === "linkages") return { rowNumber, outcome: normaliseLinkageRow(cells, headers, input.mapping) };
  const outcome = normaliseEnterpriseRow(cells, headers, input.mapping, gazetteer, input.tsicCodes);
  if (!outcome.ok) return { rowNumber, outcome };
  return { rowNumber, outcome, ...enterpriseExtras(outcome.value) };
}

/** Reads and prepares the file on this thread (the worker runs this too). Errors are readTable's. */
export async function* prepareChunks(input: ReaderInput): AsyncGenerator<PreparedChunk> {
  let headers: ReadonlyArray<string> = [];
  let rows: PreparedRow[] = [];
  let rowsRead = 0;
  let sinceChunk = 0;
  let bytesRead = 0;
  let totalBytes: number | null = null;
  const onProgress = (read: number, total: number | null) => {
    bytesRead = read;
    totalBytes = total;
  };
  for await (const event of readTable({ path: input.path }, { onProgress })) {
    if (event.type === "header") {
      headers = event.headers;
      continue;
    }
    const row = preparedRow(input, event.rowNumber, event.cells, headers);
    rowsRead++;
    sinceChunk++;
    if (!input.errorsOnly || !row.outcome.ok) rows.push(row);
    if (sinceChunk >= input.chunkSize) {
      yield { type: "chunk", rows, rowsRead, bytesRead, totalBytes };
      rows = [];
      sinceChunk = 0;
    }
  }
  if (sinceChunk > 0) yield { type: "chunk", rows, rowsRead, bytesRead, totalBytes };
}

async function isZipFile(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await file.close();
  }
}

/**
 * The file's prepared rows in chunks of `chunkSize` rows read (fewer at the end). On a worker thread
 * when the file has at least WORKER_FROM_BYTES (or `useWorker` says so). Errors reading the file are
 * thrown as readTable throws them (a ReadTableError keeps its code). Stopping early, or an error while
 * the caller writes a chunk, stops the worker.
 */
export async function* readPreparedChunks(
  input: ReaderInput,
  options: { useWorker?: boolean; prefetch?: number } = {},
): AsyncGenerator<PreparedChunk> {
  const useWorker = options.useWorker ?? (await stat(input.path)).size >= WORKER_FROM_BYTES;
  if (!useWorker) {
    yield* prepareChunks(input);
    return;
  }
  // The worker's data lives a chunk or two: a small young generation keeps its garbage from piling up
  // (its heap grew to ~170 MB with the default, ~65 MB with this, at the same speed), and reading CSV
  // holds little for long (a chunk or two, the word cache), so its old generation is capped too (~37 MB
  // then). An XLSX file keeps the default cap: exceljs holds the workbook's shared strings.
  const workbook = await isZipFile(input.path);
  const resourceLimits = workbook
    ? { maxYoungGenerationSizeMb: 8 }
    : { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };
  const worker = new Worker(WORKER_URL, { workerData: input, resourceLimits });
  const inbox: ReaderMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let notify: (() => void) | null = null;
  const wake = () => {
    notify?.();
    notify = null;
  };
  worker.on("message", (text: string) => {
    const message: ReaderMessage = JSON.parse(text);
    inbox.push(message);
    wake();
  });
  worker.on("error", (error) => {
    failure = error;
    wake();
  });
  worker.on("exit", () => {
    exited = true;
    wake();
  });
  worker.postMessage({ type: "more", chunks: options.prefetch ?? 2 });
  try {
    for (;;) {
      while (inbox.length === 0 && failure === null && !exited)
        await new Promise<void>((resolve) => (notify = resolve));
      const message = inbox.shift();
      if (!message) throw failure ?? new Error("the import's reading thread stopped before the end of the file");
      if (message.type === "error")
        throw message.readTableCode
          ? new ReadTableError(message.readTableCode, message.message, message.line)
          : new Error(message.message);
      if (message.type === "end") return;
      yield decodeChunk(message);
      worker.postMessage({ type: "more", chunks: 1 });
      // Chunks may be waiting already: let timers and requests (progress polls) run between writes.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await worker.terminate();
  }
}
