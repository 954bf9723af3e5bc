import { once } from "node:events";
import type { Writable } from "node:stream";

/** A value an export cell can hold; dates are written as calendar dates, null as an empty cell. */
export type ExportValue = string | number | boolean | Date | null | undefined;

/** One column of an export: the row property it reads and the heading written above it. */
export type ExportColumn = { readonly key: string; readonly header: string };

/** A row to export, keyed by the columns' `key`s. */
export type ExportRow = Readonly<Record<string, ExportValue>>;

const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;
// A text cell starting like a formula runs as one when Excel opens the CSV ("CSV injection").
// Plain signed numbers and phone numbers ("+66 2 123 4567", "-5") stay as they are.
const FORMULA_START = /^[=@\t\r]|^[+-](?![\d\s().-]*$)/;

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

function csvField(value: ExportValue): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "" : isoDate(value);
  else if (typeof value === "string") text = FORMULA_START.test(value) ? `'${value}` : value;
  else text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/**
 * Writes rows as CSV for Excel users: UTF-8 with a BOM (without it Excel reads Thai as mojibake),
 * CRLF line ends, fields quoted per RFC 4180 when they hold a comma, quote or line break (quotes
 * doubled). Dates become yyyy-mm-dd; text that would run as a formula gets a leading apostrophe.
 * Waits for the stream to drain, so any number of rows streams in constant memory; ends the stream.
 */
export async function writeCsv(
  stream: Writable,
  columns: ReadonlyArray<ExportColumn>,
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
): Promise<void> {
  await write(stream, BOM + columns.map((column) => csvField(column.header)).join(",") + "\r\n");
  for await (const row of rows) {
    await write(stream, columns.map((column) => csvField(row[column.key])).join(",") + "\r\n");
  }
  stream.end();
  await once(stream, "finish");
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], not blank. */
function sheetNameFor(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, " ")
    .trim()
    .slice(0, 31);
  return cleaned === "" ? "Sheet1" : cleaned;
}

function xlsxValue(value: ExportValue): string | number | boolean | Date | null {
  if (value === undefined) return null;
  return value;
}

const ROWS_PER_YIELD = 1000;

/**
 * Writes rows as an XLSX workbook with one sheet, streaming through exceljs's WorkbookWriter (each
 * row is committed as it is written and inline strings are used, so memory stays flat): a bold,
 * frozen header row, dates formatted as yyyy-mm-dd, numbers as numbers. Ends the stream.
 */
export async function writeXlsx(
  stream: Writable,
  sheetName: string,
  columns: ReadonlyArray<ExportColumn>,
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
): Promise<void> {
  const finished = once(stream, "finish");
  // Loaded on first use: exceljs is large, and most servers start without touching a spreadsheet.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetNameFor(sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    width: Math.min(60, Math.max(10, column.header.length + 4)),
  }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for await (const row of rows) {
    const added = sheet.addRow(columns.map((column) => xlsxValue(row[column.key])));
    columns.forEach((column, i) => {
      if (row[column.key] instanceof Date) added.getCell(i + 1).numFmt = "yyyy-mm-dd";
    });
    added.commit();
    // Let the zip stream flush to the output between batches instead of queueing the whole sheet.
    if (++written % ROWS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  await finished;
}
