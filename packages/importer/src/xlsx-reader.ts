// Reads the rows of one worksheet of an XLSX workbook on disk, streaming: the zip's central directory says
// where each part is, the parts are read in the order reading needs (workbook, relationships, styles,
// shared strings, then the sheet) whatever order they are stored in, inflated with fflate's streaming
// inflater, decoded with a streaming UTF-8 decoder (a Thai letter whose bytes straddle two chunks is kept
// whole), and tokenized by xml-tokens. Only the shared strings are held (as exceljs held them); the sheet's
// rows are passed on as they are read.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Inflate } from "fflate";
import { Utf8StreamDecoder } from "./text-integrity.ts";
import type { XmlHandler } from "./xml-tokens.ts";
import { attribute, XmlSyntaxError, XmlTokenizer } from "./xml-tokens.ts";

/** A problem with the workbook's structure (the caller turns it into malformed_xlsx or sheet_not_found). */
export class XlsxFormatError extends Error {
  readonly sheetNotFound: boolean;
  constructor(message: string, sheetNotFound = false) {
    super(message);
    this.name = "XlsxFormatError";
    this.sheetNotFound = sheetNotFound;
  }
}

/** One sheet row: its 1-based number and its cells' text by 0-based column ("" in the gaps). */
export type XlsxRow = { readonly rowNumber: number; readonly cells: string[] };

export type XlsxReadOptions = {
  /** The worksheet by name, or by 1-based position in the workbook's tab order; the first by default. */
  readonly sheet?: string | number;
  /** Bytes read from the file at a time (tests force tiny reads to put chunk boundaries everywhere). */
  readonly readBytes?: number;
  /** Hears how far into the file the sheet's part has been read (the file offset), as it is read. */
  readonly onRead?: (offset: number) => void;
};

type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly headerOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const DEFAULT_READ_BYTES = 64 * 1024;
// Compressed bytes handed to the inflater at a time, so one push never inflates more than a few MB.
const INFLATE_SLICE = 16 * 1024;

function formatError(message = "The workbook cannot be read; is it a complete .xlsx file?"): XlsxFormatError {
  return new XlsxFormatError(message);
}

/** The zip's entries by name, from its central directory (which holds real sizes even when local headers do not). */
async function readDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let at = tailLength - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
        end = at;
        break;
      }
    }
    if (end === -1) throw formatError();
    let count = tail.readUInt16LE(end + 10);
    let directorySize = tail.readUInt32LE(end + 12);
    let directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      // ZIP64 (a workbook past 4 GB or 65,535 parts, as Excel writes very large sheets): the real figures sit in
      // the ZIP64 end record, which the locator just before the end record points at.
      const locator = end - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) throw formatError();
      const recordOffset = Number(tail.readBigUInt64LE(locator + 8));
      const record = Buffer.alloc(56);
      const { bytesRead } = await file.read(record, 0, 56, recordOffset);
      if (bytesRead < 56 || record.readUInt32LE(0) !== ZIP64_END_SIGNATURE) throw formatError();
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) throw formatError();
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw formatError();
      const method = directory.readUInt16LE(at + 10);
      let compressedSize = directory.readUInt32LE(at + 20);
      const uncompressedSize = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      let headerOffset = directory.readUInt32LE(at + 42);
      const name = directory.toString("utf8", at + 46, at + 46 + nameLength).replace(/^\/+/, "");
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || headerOffset === 0xffffffff) {
        // ZIP64 extra field (id 1): the 8-byte values of the fields marked 0xffffffff, in this order.
        const extra = zip64Extra(directory, at + 46 + nameLength, extraLength);
        if (!extra) throw formatError();
        let field = 0;
        const next = () => {
          if (field + 8 > extra.length) throw formatError();
          const value = Number(extra.readBigUInt64LE(field));
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (headerOffset === 0xffffffff) headerOffset = next();
      }
      entries.set(name, { name, method, compressedSize, headerOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** The data of the ZIP64 extended-information extra field (id 1) among an entry's extra fields, if any. */
function zip64Extra(directory: Buffer, start: number, length: number): Buffer | null {
  for (let at = start; at + 4 <= start + length;) {
    const id = directory.readUInt16LE(at);
    const size = directory.readUInt16LE(at + 2);
    if (id === 1) return directory.subarray(at + 4, Math.min(at + 4 + size, start + length));
    at += 4 + size;
  }
  return null;
}

async function dataOffset(path: string, entry: ZipEntry): Promise<number> {
  const file = await open(path);
  try {
    const header = Buffer.alloc(30);
    const { bytesRead } = await file.read(header, 0, 30, entry.headerOffset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw formatError();
    return entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await file.close();
  }
}

/**
 * Streams one part through inflate → UTF-8 decoder → tokenizer, yielding after each slice of compressed bytes
 * so the caller can pass on what the handler collected before more is read. `onRead` hears the file offset
 * reached.
 */
async function* streamPart(
  path: string,
  entry: ZipEntry,
  handler: XmlHandler,
  readBytes: number,
  onRead?: (offset: number) => void,
): AsyncGenerator<void> {
  if (entry.method !== 0 && entry.method !== 8)
    throw formatError("The workbook uses a compression method other than deflate.");
  const start = await dataOffset(path, entry);
  const tokenizer = new XmlTokenizer(handler);
  const decoder = new Utf8StreamDecoder();
  const take = (data: Uint8Array, final: boolean) => {
    const text = decoder.decode(data, final);
    if (text !== "") tokenizer.write(text);
  };
  const inflater = entry.method === 8 ? new Inflate((data, final) => take(data, final)) : null;
  const push = (data: Uint8Array, final: boolean) => {
    if (!inflater) {
      take(data, final);
      return;
    }
    try {
      inflater.push(data, final);
    } catch (error) {
      // The handler's own errors pass; anything else is fflate refusing a corrupt deflate stream.
      if (error instanceof XmlSyntaxError || error instanceof XlsxFormatError) throw error;
      throw formatError();
    }
  };
  if (entry.compressedSize === 0) {
    take(new Uint8Array(0), true);
  } else {
    const stream = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: readBytes });
    let read = 0;
    try {
      for await (const chunk of stream) {
        const bytes = chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk));
        read += bytes.length;
        onRead?.(start + read);
        for (let at = 0; at < bytes.length; at += INFLATE_SLICE) {
          const end = Math.min(at + INFLATE_SLICE, bytes.length);
          push(bytes.subarray(at, end), read === entry.compressedSize && end === bytes.length);
          yield;
        }
      }
    } finally {
      stream.destroy();
    }
    if (read !== entry.compressedSize) throw formatError();
  }
  tokenizer.end();
}

/** Reads a whole (small) part, calling the handler. */
async function readPart(path: string, entry: ZipEntry, handler: XmlHandler, readBytes: number): Promise<void> {
  for await (const _ of streamPart(path, entry, handler, readBytes));
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; an absolute target is from the root. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

type Relationship = { readonly id: string; readonly type: string; readonly target: string };

function entryNamed(entries: Map<string, ZipEntry>, name: string): ZipEntry | undefined {
  const exact = entries.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const entry of entries.values()) if (entry.name.toLowerCase() === lower) return entry;
  return undefined;
}

async function readRelationships(
  path: string,
  entries: Map<string, ZipEntry>,
  part: string,
  readBytes: number,
): Promise<Relationship[]> {
  const entry = entryNamed(entries, relsPath(part));
  const relationships: Relationship[] = [];
  if (!entry) return relationships;
  await readPart(
    path,
    entry,
    {
      open(name, attributes) {
        if (name !== "Relationship") return;
        const id = attribute(attributes, "Id");
        const target = attribute(attributes, "Target");
        if (id !== undefined && target !== undefined) {
          relationships.push({ id, type: attribute(attributes, "Type") ?? "", target: resolveTarget(part, target) });
        }
      },
      close() {},
      text() {},
    },
    readBytes,
  );
  return relationships;
}

type WorkbookInfo = {
  readonly sheets: ReadonlyArray<{ name: string; relationshipId: string }>;
  readonly date1904: boolean;
};

async function readWorkbook(path: string, entry: ZipEntry, readBytes: number): Promise<WorkbookInfo> {
  const sheets: Array<{ name: string; relationshipId: string }> = [];
  let date1904 = false;
  await readPart(
    path,
    entry,
    {
      open(name, attributes) {
        if (name === "sheet") {
          const sheetName = attribute(attributes, "name");
          const relationshipId = attribute(attributes, "id");
          if (sheetName !== undefined && relationshipId !== undefined) sheets.push({ name: sheetName, relationshipId });
        } else if (name === "workbookPr") {
          const value = attribute(attributes, "date1904");
          date1904 = value === "1" || value === "true";
        }
      },
      close() {},
      text() {},
    },
    readBytes,
  );
  return { sheets, date1904 };
}

// Excel's built-in number formats that show a date or time (including the Thai-locale ones, 71-81).
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

/** True for a custom number format that shows a date or time (as exceljs judged: d, m, y, h, s or b outside quotes and brackets). */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  return /[ymdhMsb]/.test(bare);
}

/** For each cell style (index into cellXfs), whether it shows a number as a date. */
async function readDateStyles(path: string, entry: ZipEntry | undefined, readBytes: number): Promise<boolean[]> {
  if (!entry) return [];
  const customDates = new Map<number, boolean>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await readPart(
    path,
    entry,
    {
      open(name, attributes, selfClosing) {
        if (name === "numFmt") {
          const id = Number(attribute(attributes, "numFmtId"));
          customDates.set(id, isDateFormat(attribute(attributes, "formatCode") ?? ""));
        } else if (name === "cellXfs") {
          inCellXfs = !selfClosing;
        } else if (name === "xf" && inCellXfs) {
          styleFormats.push(Number(attribute(attributes, "numFmtId") ?? "0"));
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
      text() {},
    },
    readBytes,
  );
  return styleFormats.map((id) => customDates.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
}

/** Excel's escape for characters XML cannot hold ("_x000D_" for a carriage return). */
function unescapeExcel(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Collects the text of string items (`<si>` in the shared strings, `<is>` in a cell): the `<t>` elements,
 * plain or in rich-text runs, leaving out phonetic guides (`<rPh>`).
 */
class StringItemText {
  #parts: string[] = [];
  #inText = false;
  #phonetic = 0;

  open(name: string, selfClosing: boolean): void {
    if (name === "rPh") {
      if (!selfClosing) this.#phonetic++;
    } else if (name === "t" && this.#phonetic === 0 && !selfClosing) this.#inText = true;
  }

  close(name: string): void {
    if (name === "rPh") this.#phonetic = Math.max(0, this.#phonetic - 1);
    else if (name === "t") this.#inText = false;
  }

  text(text: string): void {
    if (this.#inText) this.#parts.push(text);
  }

  take(): string {
    const text = unescapeExcel(this.#parts.join(""));
    this.#parts = [];
    this.#inText = false;
    this.#phonetic = 0;
    return text;
  }
}

async function readSharedStrings(path: string, entry: ZipEntry | undefined, readBytes: number): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const item = new StringItemText();
  let inItem = false;
  await readPart(
    path,
    entry,
    {
      open(name, _attributes, selfClosing) {
        if (name === "si") {
          inItem = true;
          item.take();
          if (selfClosing) inItem = false;
        } else if (inItem) item.open(name, selfClosing);
      },
      close(name) {
        if (name === "si") {
          if (inItem) strings.push(item.take());
          inItem = false;
        } else if (inItem) item.close(name);
      },
      text(text) {
        if (inItem) item.text(text);
      },
    },
    readBytes,
  );
  return strings;
}

/** "BC12" → 54 (1-based column), or 0 when the reference has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column;
}

function numberText(value: number): string {
  // Strip binary noise such as 0.30000000000000004 without rounding real digits.
  return String(Number(value.toPrecision(15)));
}

/** An instant as ISO: the date alone at midnight, else to the second. */
export function isoFromDate(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

function serialDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? "" : isoFromDate(date);
}

type CellState = { column: number; type: string; style: number; value: string[]; inValue: boolean; inline: boolean };

/** Builds rows from a worksheet's tokens; completed rows wait in `rows` for the reader to take. */
class SheetRows implements XmlHandler {
  rows: XlsxRow[] = [];
  readonly #strings: ReadonlyArray<string>;
  readonly #dateStyles: ReadonlyArray<boolean>;
  readonly #date1904: boolean;
  #inSheetData = false;
  #rowNumber = 0;
  #cells: string[] | null = null;
  #lastColumn = 0;
  #cell: CellState | null = null;
  readonly #inlineText = new StringItemText();

  constructor(strings: ReadonlyArray<string>, dateStyles: ReadonlyArray<boolean>, date1904: boolean) {
    this.#strings = strings;
    this.#dateStyles = dateStyles;
    this.#date1904 = date1904;
  }

  open(name: string, attributes: string, selfClosing: boolean): void {
    const cell = this.#cell;
    if (cell) {
      if (name === "v") cell.inValue = !selfClosing;
      else if (name === "is") cell.inline = !selfClosing;
      else if (cell.inline) this.#inlineText.open(name, selfClosing);
      return;
    }
    if (name === "sheetData") {
      this.#inSheetData = !selfClosing;
    } else if (!this.#inSheetData) {
      return;
    } else if (name === "row") {
      const number = Number(attribute(attributes, "r"));
      this.#rowNumber = Number.isInteger(number) && number > 0 ? number : this.#rowNumber + 1;
      this.#cells = [];
      this.#lastColumn = 0;
      if (selfClosing) this.#endRow();
    } else if (name === "c" && this.#cells) {
      const column = columnOf(attribute(attributes, "r") ?? "") || this.#lastColumn + 1;
      this.#lastColumn = column;
      this.#cell = {
        column,
        type: attribute(attributes, "t") ?? "n",
        style: Number(attribute(attributes, "s") ?? "0"),
        value: [],
        inValue: false,
        inline: false,
      };
      this.#inlineText.take();
      if (selfClosing) this.#cell = null;
    }
  }

  close(name: string): void {
    const cell = this.#cell;
    if (cell) {
      if (name === "v") cell.inValue = false;
      else if (name === "is") cell.inline = false;
      else if (name === "c") this.#endCell(cell);
      else if (cell.inline) this.#inlineText.close(name);
      return;
    }
    if (name === "row") this.#endRow();
    else if (name === "sheetData") this.#inSheetData = false;
  }

  text(text: string): void {
    const cell = this.#cell;
    if (!cell) return;
    if (cell.inValue) cell.value.push(text);
    else if (cell.inline) this.#inlineText.text(text);
  }

  #endCell(cell: CellState): void {
    this.#cell = null;
    const text = this.#cellText(cell);
    if (text === "" || !this.#cells) return;
    while (this.#cells.length < cell.column - 1) this.#cells.push("");
    this.#cells[cell.column - 1] = text;
  }

  #cellText(cell: CellState): string {
    if (cell.type === "inlineStr") return this.#inlineText.take();
    const value = cell.value.join("");
    if (value === "") return "";
    switch (cell.type) {
      case "s": {
        const text = this.#strings[Number(value)];
        if (text === undefined) throw formatError("A cell refers to a shared string the workbook does not have.");
        return text;
      }
      case "str":
        return unescapeExcel(value);
      case "b":
        return Number(value) !== 0 ? "TRUE" : "FALSE";
      case "e":
        return value;
      case "d": {
        const date = new Date(value.trim());
        return Number.isNaN(date.getTime()) ? value : isoFromDate(date);
      }
      default: {
        const number = Number(value);
        if (!Number.isFinite(number)) return value;
        return this.#dateStyles[cell.style] ? serialDate(number, this.#date1904) : numberText(number);
      }
    }
  }

  #endRow(): void {
    if (!this.#cells) return;
    this.rows.push({ rowNumber: this.#rowNumber, cells: this.#cells });
    this.#cells = null;
    this.#cell = null;
  }
}

async function findSheet(path: string, entries: Map<string, ZipEntry>, options: XlsxReadOptions, readBytes: number) {
  const rootRelationships = await readRelationships(path, entries, "", readBytes);
  const officeDocument = rootRelationships.find((relationship) => relationship.type.endsWith("/officeDocument"));
  const workbookPath = officeDocument?.target ?? "xl/workbook.xml";
  const workbookEntry = entryNamed(entries, workbookPath);
  if (!workbookEntry) throw formatError();
  const workbook = await readWorkbook(path, workbookEntry, readBytes);
  const relationships = await readRelationships(path, entries, workbookPath, readBytes);
  const { sheet } = options;
  const index =
    sheet === undefined
      ? 0
      : typeof sheet === "number"
        ? sheet - 1
        : workbook.sheets.findIndex((candidate) => candidate.name === sheet);
  const chosen = index >= 0 ? workbook.sheets[index] : undefined;
  const target = chosen
    ? relationships.find((relationship) => relationship.id === chosen.relationshipId)?.target
    : undefined;
  const sheetEntry = target === undefined ? undefined : entryNamed(entries, target);
  if (!sheetEntry) {
    const which = sheet === undefined ? "" : ` ${JSON.stringify(sheet)}`;
    throw new XlsxFormatError(`The workbook has no worksheet${which}.`, true);
  }
  const byType = (suffix: string) => relationships.find((relationship) => relationship.type.endsWith(suffix))?.target;
  return {
    sheetEntry,
    date1904: workbook.date1904,
    sharedStrings: entryNamed(entries, byType("/sharedStrings") ?? resolveTarget(workbookPath, "sharedStrings.xml")),
    styles: entryNamed(entries, byType("/styles") ?? resolveTarget(workbookPath, "styles.xml")),
  };
}

/**
 * The rows of one worksheet of the workbook at `path`, in sheet order, as text: shared and inline strings
 * (rich text joined), numbers without binary noise, dates (by their cell style) as ISO, booleans as
 * TRUE/FALSE, errors as written, a formula by its cached result; cells placed by their reference, so gaps
 * are "". A cell whose bytes are not valid UTF-8 holds DECODE_FAULT where they were. Throws XlsxFormatError
 * for a workbook it cannot follow.
 */
export async function* readXlsxRows(path: string, options: XlsxReadOptions = {}): AsyncGenerator<XlsxRow> {
  const readBytes = options.readBytes ?? DEFAULT_READ_BYTES;
  try {
    const entries = await readDirectory(path);
    const found = await findSheet(path, entries, options, readBytes);
    const dateStyles = await readDateStyles(path, found.styles, readBytes);
    const strings = await readSharedStrings(path, found.sharedStrings, readBytes);
    const sheet = new SheetRows(strings, dateStyles, found.date1904);
    for await (const _ of streamPart(path, found.sheetEntry, sheet, readBytes, options.onRead)) {
      if (sheet.rows.length === 0) continue;
      const rows = sheet.rows;
      sheet.rows = [];
      yield* rows;
    }
    yield* sheet.rows;
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw formatError();
    throw error;
  }
}
