import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { Unzip, UnzipInflate } from "fflate";
import type { EncodingChoice, TextEncoding } from "./decode.ts";
import { AutoTextDecoder } from "./decode.ts";
import type { RawRow } from "./table-layout.ts";
import { HEADER_SEARCH_ROWS, isBlankRow, locateHeader, normaliseCell } from "./table-layout.ts";
import type { RowCells } from "./text-integrity.ts";
import { markCorruptCells, withCorrupt } from "./text-integrity.ts";
import type { XlsxReadOptions } from "./xlsx-reader.ts";
import { readXlsxRows, XlsxFormatError } from "./xlsx-reader.ts";

/** The file formats readTable understands. */
export type TableFormat = "csv" | "xlsx";

/** A file on disk, or a stream with the name it was uploaded under (the name's extension is a hint). */
export type TableSource =
  { readonly path: string } | { readonly stream: NodeJS.ReadableStream; readonly fileName: string };

/** How to read a table; every option has a sensible default. */
export type ReadTableOptions = {
  /** Forces the format; otherwise magic bytes ("PK" = XLSX), then the extension, decide. */
  readonly format?: TableFormat;
  /** CSV only: forces the encoding; "auto" (the default) detects BOM → UTF-8 → windows-874. */
  readonly encoding?: EncodingChoice;
  /**
   * XLSX only: the worksheet by name, or by 1-based position in the order the sheets are stored
   * (normally the tab order); the first one by default.
   */
  readonly sheet?: string | number;
  /** Called after each chunk of the file is read; totalBytes is null when the size is unknown. */
  readonly onProgress?: (bytesRead: number, totalBytes: number | null) => void;
};

/** First event of readTable: the (merged) header and how the file was read. */
export type TableHeader = {
  readonly type: "header";
  readonly headers: ReadonlyArray<string>;
  /** 1-based line (CSV) or row (XLSX) of the header's first row. */
  readonly headerRowNumber: number;
  /** CSV: the encoding read; XLSX: "utf-8" (its XML). All-ASCII CSV reads as "utf-8". */
  readonly encoding: TextEncoding;
  readonly format: TableFormat;
};

/**
 * A data row: cells trimmed (kept as published), padded to the header's width. `cells.corrupt` names the cells
 * holding a U+FFFD that the file's bytes did not contain (text that could not be decoded): pass `cells`
 * itself to the normalisers, which fail such a row with corrupt_text.
 */
export type TableRow = { readonly type: "row"; readonly rowNumber: number; readonly cells: RowCells };

/** What readTable yields: one header, then rows. */
export type TableEvent = TableHeader | TableRow;

/** Why a file is not a readable table (see ReadTableError). */
export type ReadTableErrorCode =
  | "empty_file"
  | "no_header_row"
  | "unsupported_format"
  | "sheet_not_found"
  | "malformed_csv"
  | "malformed_xlsx"
  | "too_large_uncompressed";

/**
 * Why a file cannot be read as a table. Thrown by readTable (I/O errors pass through unchanged);
 * the code is stable, so the server can map it to a 400 and a translated message. Messages never
 * hold a file-system path or a library's own error text.
 */
export class ReadTableError extends Error {
  readonly code: ReadTableErrorCode;
  /** The CSV line the reader stopped at (malformed_csv), for the server to word without parsing the message. */
  readonly line: number | undefined;
  constructor(code: ReadTableErrorCode, message: string, line?: number) {
    super(message);
    this.name = "ReadTableError";
    this.code = code;
    this.line = line;
  }
}

const SNIFF_BYTES = 64 * 1024;

/**
 * How far an XLSX may inflate: the bytes actually inflated from all its parts together (never the sizes the
 * zip declares) may reach the larger of `minBytes` and `ratio` × the file's compressed size. Real workbooks
 * inflate 5-30×; a zip bomb (a 1 MB file holding 1 GB of XML) is refused once the limit is passed, before
 * any of it is parsed.
 */
export const XLSX_INFLATE_LIMIT = { minBytes: 200 * 1024 * 1024, ratio: 100 } as const;
// A record longer than this is a runaway quote, not data: stop rather than buffer the whole file.
const MAX_RECORD_CHARS = 1_000_000;
const DELIMITERS = [",", ";", "\t", "|"] as const;

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return new TextEncoder().encode(chunk);
  throw new TypeError("readTable: the stream must yield bytes");
}

/** The source's bytes as an async iterable, counted for progress. */
async function* countedBytes(
  stream: AsyncIterable<unknown>,
  totalBytes: number | null,
  onProgress: ReadTableOptions["onProgress"],
): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of stream) {
    const bytes = toBytes(chunk);
    read += bytes.length;
    onProgress?.(read, totalBytes);
    yield bytes;
  }
}

/** Reads at least `minBytes` from the front (fewer at end of input) and returns them with the rest. */
async function peek(
  source: AsyncIterator<Uint8Array>,
  minBytes: number,
): Promise<{ head: Uint8Array[]; headLength: number; rest: AsyncIterable<Uint8Array> }> {
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < minBytes) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield Buffer.concat(head);
    head.length = 0;
    if (done) return;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, headLength, rest: rest() };
}

function startsWith(head: ReadonlyArray<Uint8Array>, magic: ReadonlyArray<number>): boolean {
  const first = Buffer.concat(head.slice(0, 2));
  return magic.every((byte, i) => first[i] === byte);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function chooseFormat(head: ReadonlyArray<Uint8Array>, fileName: string, forced: TableFormat | undefined): TableFormat {
  if (forced) return forced;
  if (startsWith(head, ZIP_MAGIC)) return "xlsx";
  if (startsWith(head, OLE_MAGIC)) {
    throw new ReadTableError(
      "unsupported_format",
      "This is a legacy Excel 97-2003 (.xls) file; save it as .xlsx or CSV UTF-8 and upload again.",
    );
  }
  const extension = extname(fileName).toLowerCase();
  if (extension === ".xlsx" || extension === ".xlsm") {
    throw new ReadTableError(
      "unsupported_format",
      "The file is named like an Excel workbook but is not one (no ZIP signature).",
    );
  }
  if (extension === ".xls") {
    throw new ReadTableError(
      "unsupported_format",
      "Legacy .xls files are not supported; save it as .xlsx or CSV UTF-8.",
    );
  }
  return "csv";
}

/** The XLSX inflate limit for a file of this compressed size (see XLSX_INFLATE_LIMIT). */
export function xlsxInflateLimit(compressedBytes: number | null): number {
  return Math.max(XLSX_INFLATE_LIMIT.minBytes, XLSX_INFLATE_LIMIT.ratio * (compressedBytes ?? 0));
}

const INFLATE_SLICE = 8 * 1024;

function tooLargeUncompressed(): ReadTableError {
  return new ReadTableError(
    "too_large_uncompressed",
    "The workbook unpacks to far more data than a spreadsheet of its size holds (a damaged or malicious file).",
  );
}

/**
 * Counts the bytes that the zip's parts really inflate to, as the compressed bytes pass through, and throws
 * too_large_uncompressed once they exceed `limit`. Inflated data is counted and dropped at once (fflate's
 * streaming inflater keeps only its 32 KB window), so memory stays flat whatever the file holds.
 */
class InflateCounter {
  readonly #unzip = new Unzip();
  readonly #limit: number;
  #inflated = 0;
  #failure: ReadTableError | null = null;

  constructor(limit: number) {
    this.#limit = limit;
    this.#unzip.register(UnzipInflate);
    this.#unzip.onfile = (file) => {
      file.ondata = (error, data) => {
        if (this.#failure) return;
        if (error) {
          this.#failure = new ReadTableError(
            "malformed_xlsx",
            "The workbook cannot be read; is it a complete .xlsx file?",
          );
          return;
        }
        this.#inflated += data.length;
        if (this.#inflated > this.#limit) {
          this.#failure = tooLargeUncompressed();
          file.terminate();
        }
      };
      file.start();
    };
  }

  push(chunk: Uint8Array, final = false): void {
    if (!this.#failure) {
      try {
        // fflate inflates a pushed piece in one go: small pieces keep each burst small (8 KB of a bomb
        // inflates to at most ~8 MB) and let the count stop it early.
        for (let at = 0; at < chunk.length && !this.#failure; at += INFLATE_SLICE)
          this.#unzip.push(chunk.subarray(at, at + INFLATE_SLICE));
        if (final && !this.#failure) this.#unzip.push(new Uint8Array(0), true);
      } catch {
        // fflate refuses a zip it cannot follow (an unknown compression method, a corrupt header).
        this.#failure ??= new ReadTableError(
          "malformed_xlsx",
          "The workbook cannot be read; is it a complete .xlsx file?",
        );
      }
    }
    if (this.#failure) throw this.#failure;
  }
}

/** Reads a workbook file once, inflating and counting its parts, and throws if it inflates past `limit`. */
async function checkInflatedSize(path: string, limit: number): Promise<void> {
  const counter = new InflateCounter(limit);
  const stream = createReadStream(path, { highWaterMark: SNIFF_BYTES });
  try {
    for await (const chunk of stream) counter.push(toBytes(chunk));
    counter.push(new Uint8Array(0), true);
  } finally {
    stream.destroy();
  }
}

/**
 * Writes a workbook given as a stream to a temporary file (the reader needs the zip's directory, at its end),
 * counting each chunk's inflated size first, so a zip bomb is refused before much of it is written.
 */
async function spoolWorkbook(bytes: AsyncIterable<Uint8Array>, limit: number, path: string): Promise<void> {
  const counter = new InflateCounter(limit);
  const out = createWriteStream(path);
  try {
    for await (const chunk of bytes) {
      counter.push(chunk);
      if (!out.write(chunk))
        await new Promise<void>((resolve, reject) => out.once("drain", resolve).once("error", reject));
    }
  } finally {
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

async function* xlsxRows(path: string, options: XlsxReadOptions): AsyncGenerator<RawRow> {
  try {
    for await (const row of readXlsxRows(path, options))
      yield { rowNumber: row.rowNumber, cells: markCorruptCells(row.cells.map(normaliseCell)) };
  } catch (error) {
    if (error instanceof XlsxFormatError)
      throw new ReadTableError(error.sheetNotFound ? "sheet_not_found" : "malformed_xlsx", error.message);
    throw error;
  }
}

/** Counts a delimiter per line outside quotes; used to pick the delimiter a file uses. */
function delimiterCounts(lines: ReadonlyArray<string>, delimiter: string): number[] {
  return lines.map((line) => {
    let count = 0;
    let quoted = false;
    for (const char of line) {
      if (char === '"') quoted = !quoted;
      else if (char === delimiter && !quoted) count++;
    }
    return count;
  });
}

/**
 * Picks the delimiter (comma, semicolon, tab or pipe) that splits the first lines most
 * consistently: the one whose most common non-zero count per line occurs on the most lines, ties
 * going to the larger count and then to the comma.
 */
export function detectDelimiter(sample: string): string {
  const lines = sample
    .split(/\r\n|\n|\r/)
    .slice(0, 50)
    .filter((line) => line.trim() !== "");
  let best: { delimiter: string; lines: number; count: number } = { delimiter: ",", lines: 0, count: 0 };
  for (const delimiter of DELIMITERS) {
    const frequency = new Map<number, number>();
    for (const count of delimiterCounts(lines, delimiter)) {
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    for (const [count, lineCount] of frequency) {
      if (lineCount > best.lines || (lineCount === best.lines && count > best.count)) {
        best = { delimiter, lines: lineCount, count };
      }
    }
  }
  return best.delimiter;
}

async function* csvRows(bytes: AsyncIterable<Uint8Array>, decoder: AutoTextDecoder): AsyncGenerator<RawRow> {
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of bytes) {
      const decoded = decoder.decode(chunk);
      if (decoded !== "") yield decoded;
    }
    const tail = decoder.end();
    if (tail !== "") yield tail;
  }
  const texts = text();
  // The first piece of text is the sniffed head (about 64 KB), enough to see the delimiter.
  const first = await texts.next();
  if (first.done) return;
  const delimiter = detectDelimiter(first.value.slice(0, SNIFF_BYTES));
  async function* all(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    yield* texts;
  }
  const input = Readable.from(all(), { objectMode: false });
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
    raw: true,
  });
  input.once("error", (error) => parser.destroy(error));
  input.pipe(parser);
  // csv-parse counts a CRLF inside quotes as two lines, so lines are counted here from each raw record.
  let line = 1;
  try {
    for await (const item of parser) {
      const parsed = parsedRecord(item);
      if (!parsed) continue;
      const rowNumber = line;
      line += lineBreaks(parsed.raw);
      yield { rowNumber, cells: markCorruptCells(parsed.cells.map(normaliseCell)) };
    }
  } catch (error) {
    if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("CSV_")) {
      throw new ReadTableError(
        "malformed_csv",
        `Cannot read the CSV from line ${line}: ${csvProblem(error.code)}.`,
        line,
      );
    }
    throw error;
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** csv-parse's error, in our words: its own message quotes the file's content and options. */
function csvProblem(code: string): string {
  if (code === "CSV_MAX_RECORD_SIZE") return "a record is too long (probably a quote that is never closed)";
  if (code === "CSV_QUOTE_NOT_CLOSED") return "a quote is never closed";
  if (code.startsWith("CSV_INVALID_CLOSING_QUOTE")) return "a quote is closed in the middle of a field";
  return "the text is not valid CSV";
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x0a) count++;
    else if (char === 0x0d && text.charCodeAt(i + 1) !== 0x0a) count++;
  }
  return count;
}

function parsedRecord(item: unknown): { cells: string[]; raw: string } | null {
  if (typeof item !== "object" || item === null || !("record" in item) || !("raw" in item)) return null;
  const { record, raw } = item;
  if (!Array.isArray(record) || typeof raw !== "string") return null;
  return { cells: record.map((cell) => (typeof cell === "string" ? cell : String(cell))), raw };
}

/** Turns raw rows into the header event and then data rows (see locateHeader for the layout rules). */
async function* shapeTable(
  rows: AsyncIterable<RawRow>,
  describe: () => { encoding: TextEncoding; format: TableFormat },
): AsyncGenerator<TableEvent> {
  const iterator = rows[Symbol.asyncIterator]();
  try {
    yield* shapeRows(iterator, describe);
  } finally {
    await iterator.return?.();
  }
}

async function* shapeRows(
  iterator: AsyncIterator<RawRow>,
  describe: () => { encoding: TextEncoding; format: TableFormat },
): AsyncGenerator<TableEvent> {
  const window: RawRow[] = [];
  let exhausted = false;
  while (window.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    if (!isBlankRow(next.value.cells)) window.push(next.value);
  }
  if (window.length === 0) throw new ReadTableError("empty_file", "The file has no rows.");
  const layout = locateHeader(window);
  if (!layout) {
    throw new ReadTableError(
      "no_header_row",
      `No header row found in the first ${HEADER_SEARCH_ROWS} rows: a header is a row of column names.`,
    );
  }
  const { headers } = layout;
  yield { type: "header", headers, headerRowNumber: layout.headerRowNumber, ...describe() };
  const headerRow = window[layout.headerIndex]?.cells.join("\u0000");
  const toEvent = (row: RawRow): TableRow | null => {
    if (isBlankRow(row.cells)) return null;
    // Files glued together from several exports repeat the header line; it is not data.
    if (row.cells.join("\u0000") === headerRow) return null;
    const cells =
      row.cells.length >= headers.length
        ? row.cells
        : withCorrupt([...row.cells, ...Array<string>(headers.length - row.cells.length).fill("")], row.cells.corrupt);
    return { type: "row", rowNumber: row.rowNumber, cells };
  };
  for (const row of window.slice(layout.headerIndex + 1)) {
    const event = toEvent(row);
    if (event) yield event;
  }
  if (exhausted) return;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    const event = toEvent(next.value);
    if (event) yield event;
  }
}

/**
 * Streams a CSV or XLSX file as a header event followed by its data rows, never holding the whole
 * file: CSV through csv-parse's streaming parser behind a streaming TextDecoder, XLSX through
 * xlsx-reader (fflate's streaming inflate, a streaming UTF-8 decoder and a small XML tokenizer). The format comes from the magic bytes ("PK" = XLSX, an OLE
 * .xls is refused), else the extension. CSV encoding: BOM, else UTF-8 if the bytes are valid UTF-8,
 * else windows-874 (TIS-620/CP874); the delimiter (comma, semicolon, tab, pipe) is detected. Title
 * rows above the header are skipped and a two-row header is merged (see locateHeader); blank rows
 * and repeated header lines are skipped. Cells are only trimmed (spaces and invisible characters at the
 * ends: `normaliseCell`), so text is kept as published, line breaks inside a cell included; whatever
 * parses or compares a cell folds it first (`foldCell`). XLSX dates become ISO dates. rowNumber is the 1-based line or sheet row
 * where the record starts, for the import report. Throws ReadTableError for files that are not a
 * readable table. Breaking out of the loop closes the file.
 */
export async function* readTable(source: TableSource, options: ReadTableOptions = {}): AsyncGenerator<TableEvent> {
  const fileName = "path" in source ? source.path : source.fileName;
  const totalBytes = "path" in source ? (await stat(source.path)).size : null;
  const stream: NodeJS.ReadableStream =
    "path" in source ? createReadStream(source.path, { highWaterMark: SNIFF_BYTES }) : source.stream;
  const bytes = countedBytes(stream, totalBytes, options.onProgress);
  try {
    const { head, rest } = await peek(bytes, SNIFF_BYTES);
    if (head.length === 0) throw new ReadTableError("empty_file", "The file is empty.");
    const format = chooseFormat(head, fileName, options.format);
    if (format === "xlsx") {
      const limit = xlsxInflateLimit(totalBytes);
      const describe = () => ({ encoding: "utf-8" as const, format });
      if ("path" in source) {
        // The file is measured whole before any of it is parsed (one extra inflate, a few percent of reading it).
        await bytes.return(undefined);
        await checkInflatedSize(source.path, limit);
        const size = totalBytes;
        const onRead =
          options.onProgress && size !== null
            ? (offset: number) => options.onProgress?.(Math.min(offset, size), size)
            : undefined;
        yield* shapeTable(
          xlsxRows(source.path, {
            ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
            ...(onRead ? { onRead } : {}),
          }),
          describe,
        );
        if (size !== null) options.onProgress?.(size, size);
        return;
      }
      // A stream is measured chunk by chunk on its way to a temporary file, which is then read like a path.
      const dir = await mkdtemp(join(tmpdir(), "sainam-xlsx-"));
      try {
        const path = join(dir, "upload.xlsx");
        await spoolWorkbook(rest, limit, path);
        yield* shapeTable(xlsxRows(path, options.sheet === undefined ? {} : { sheet: options.sheet }), describe);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      return;
    }
    const decoder = new AutoTextDecoder(options.encoding ?? "auto");
    yield* shapeTable(csvRows(rest, decoder), () => ({ encoding: decoder.encoding ?? "utf-8", format }));
  } finally {
    await bytes.return(undefined);
    if (stream instanceof Readable) stream.destroy();
  }
}
