import { foldThaiDigits, normalizeThai } from "@sainam/core";
import type { RowCells } from "./text-integrity.ts";

/** One row as it comes out of a file: its 1-based line (CSV) or row (XLSX) number and its cells. */
export type RawRow = { readonly rowNumber: number; readonly cells: RowCells };

/** Where the header is and what the columns are called, as found by `locateHeader`. */
export type HeaderLayout = {
  /** Index in the examined rows of the (last) header row; data starts after it. */
  readonly headerIndex: number;
  /** Row number of the first header row, for the report. */
  readonly headerRowNumber: number;
  /** 1, or 2 when a group row sits over a row of sub-headings. */
  readonly headerRowCount: 1 | 2;
  readonly headers: ReadonlyArray<string>;
};

/** How many leading non-empty rows are examined to find the header. */
export const HEADER_SEARCH_ROWS = 20;

// Whitespace and the invisible characters legacy files and PDF copies leave (zero-width space, joiners,
// word joiner, byte-order mark, soft hyphen), at either end of a cell.
const CELL_EDGES = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]+|[\s\u200B-\u200D\u2060\uFEFF\u00AD]+$/g;

/**
 * What the reader keeps of a cell: its text as the file gives it, trimmed — Thai digits, repeated spaces,
 * line breaks and legacy spellings (ํา for ำ) are kept, so a firm's name, address and objective are stored as
 * published. A cell of nothing but spaces and invisible characters is empty. Whatever parses or compares a
 * cell folds it first (foldCell, or core's normalizeThai).
 */
export function normaliseCell(text: string): string {
  return text.replace(CELL_EDGES, "");
}

/**
 * A cell folded for parsing and comparing with core's normalizeThai (NFC, zero-width characters, the
 * decomposed SARA AM, Thai digits, whitespace) line by line, so a cell that holds a list on several lines
 * keeps its line breaks.
 */
export function foldCell(text: string): string {
  if (!text.includes("\n") && !text.includes("\r")) return normalizeThai(text);
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => normalizeThai(line))
    .filter((line) => line !== "")
    .join("\n");
}

/** True when every cell is empty: such rows (",,,,") are skipped like blank lines. */
export function isBlankRow(cells: ReadonlyArray<string>): boolean {
  return cells.every((cell) => cell === "");
}

function filledCount(cells: ReadonlyArray<string>): number {
  return cells.reduce((count, cell) => (cell === "" ? count : count + 1), 0);
}

function usedWidth(cells: ReadonlyArray<string>): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== "") return i + 1;
  return 0;
}

// Numbers, amounts, dates, times and percentages: what data looks like and headings do not.
const NUMERIC_LIKE = /^[-+(]?[\d\s.,/:%()-]*\d[\d\s.,/:%()-]*$/;

function isTextCell(cell: string): boolean {
  return cell !== "" && !NUMERIC_LIKE.test(foldThaiDigits(cell));
}

// A bare Buddhist-era year ("2562") heads a column of a wide table (one column per year), so it counts as a
// heading when looking for the header row; C.E. years do not, as they are common figures in data rows.
const BUDDHIST_YEAR = /^2[45]\d{2}$/;

function textShare(cells: ReadonlyArray<string>): number {
  const filled = filledCount(cells);
  if (filled === 0) return 0;
  return cells.filter((cell) => isTextCell(cell) || BUDDHIST_YEAR.test(foldThaiDigits(cell).trim())).length / filled;
}

function isTitleLike(cells: ReadonlyArray<string>, widest: number): boolean {
  if (widest < 2) return false;
  const filled = filledCount(cells);
  return filled <= 1 || filled < widest / 2;
}

function isHeaderLike(cells: ReadonlyArray<string>, widest: number): boolean {
  return !isTitleLike(cells, widest) && textShare(cells) >= 0.75;
}

/**
 * A row of sub-headings under a group row: all its cells are text, and it fills a column the row
 * above leaves empty (the rest of a merged group cell, "ที่อยู่" spanning "จังหวัด | อำเภอ"), or it
 * sits under a label repeated across columns (exports that copy a merged cell's text into each).
 */
function isSubHeaderRow(group: ReadonlyArray<string>, below: ReadonlyArray<string>): boolean {
  const filled = below.filter((cell) => cell !== "");
  if (filled.length === 0 || !filled.every(isTextCell)) return false;
  for (let i = 0; i < below.length; i++) {
    if (below[i] === "") continue;
    const above = group[i] ?? "";
    if (above === "") return true;
    if (i > 0 && group[i - 1] === above) return true;
    if (group[i + 1] === above && below[i + 1] !== "" && below[i + 1] !== undefined) return true;
  }
  return false;
}

function mergeHeaderRows(group: ReadonlyArray<string>, below: ReadonlyArray<string>, width: number): string[] {
  const merged: string[] = [];
  let currentGroup = "";
  for (let i = 0; i < width; i++) {
    const top = group[i] ?? "";
    const sub = below[i] ?? "";
    if (top !== "") currentGroup = top;
    else if (sub === "") currentGroup = "";
    const label = top !== "" ? top : sub !== "" ? currentGroup : "";
    if (sub === "" || sub === label) merged.push(label);
    else merged.push(label === "" ? sub : `${label} ${sub}`);
  }
  return merged;
}

/**
 * Header names as they will be used in a mapping: folded with normalizeThai onto one line, an empty heading becomes
 * "Column N" (1-based) and a repeated one gets " (2)", " (3)"… so every column can be named.
 */
export function finishHeaders(cells: ReadonlyArray<string>, width: number): string[] {
  const seen = new Map<string, number>();
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const base = normalizeThai(cells[i] ?? "") || `Column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    headers.push(count === 1 ? base : `${base} (${count})`);
  }
  return headers;
}

/**
 * Finds the header in the first rows of a sheet (blank rows already dropped). Leading title rows
 * are skipped: rows with one filled cell, or fewer than half as many as the widest row. The header
 * is the first remaining row whose cells are mostly (≥ 75 %) text rather than numbers or dates. When
 * the next row holds sub-headings under a group heading, the two are merged ("ที่อยู่ จังหวัด").
 * Null when no row qualifies (a file without a header).
 */
export function locateHeader(rows: ReadonlyArray<RawRow>): HeaderLayout | null {
  const widest = rows.reduce((max, row) => Math.max(max, filledCount(row.cells)), 0);
  const width = rows.reduce((max, row) => Math.max(max, usedWidth(row.cells)), 0);
  const index = rows.findIndex((row) => isHeaderLike(row.cells, widest));
  const header = rows[index];
  if (!header) return null;
  const next = rows[index + 1];
  if (next && isSubHeaderRow(header.cells, next.cells)) {
    return {
      headerIndex: index + 1,
      headerRowNumber: header.rowNumber,
      headerRowCount: 2,
      headers: finishHeaders(mergeHeaderRows(header.cells, next.cells, width), width),
    };
  }
  return {
    headerIndex: index,
    headerRowNumber: header.rowNumber,
    headerRowCount: 1,
    headers: finishHeaders(header.cells, width),
  };
}
