import type { Result } from "./result.ts";
import { fail, ok } from "./result.ts";

const THAI_DIGIT_ZERO = 0x0e50;

// Zero-width space, non-joiner, joiner, word joiner, byte-order mark and soft hyphen: invisible
// characters that legacy Thai files and copy-paste from PDFs leave between words.
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g;

// SARA AM (ำ) is sometimes typed as NIKHAHIT + SARA AA (ํ + า), with a tone mark either before or
// between them. NFC does not compose these (the decomposition is a compatibility one), so the two
// spellings would not match in search.
const SARA_AM_TONE_FIRST = /([\u0E48-\u0E4B])?\u0E4D\u0E32/g;
const SARA_AM_TONE_BETWEEN = /\u0E4D([\u0E48-\u0E4B])\u0E32/g;

/** Replaces Thai digits ๐-๙ by ASCII 0-9, so numbers typed either way parse and compare alike. */
export function foldThaiDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/g, (digit) => String(digit.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/**
 * True when normalizeThai would return the text as it is: printable ASCII and Thai letters and marks
 * only, single spaces between words, no Thai digit, no NIKHAHIT (the decomposed SARA AM), and no pair
 * of combining marks that NFC would reorder (its classes: PHINTHU 9 < SARA U, UU 103 < tone marks 107).
 * An import calls normalizeThai on every cell several times; nearly all of them are already normal.
 */
function isNormalThai(text: string): boolean {
  // A space "before" the text makes a leading space fail like a double one.
  let previous = 0x20;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      previous = c;
      continue;
    }
    if (c === 0x20) {
      if (previous === 0x20) return false;
      previous = c;
      continue;
    }
    if (c < 0x0e01 || c > 0x0e5b || c === 0x0e4d || (c >= 0x0e3b && c <= 0x0e3e) || (c >= 0x0e50 && c <= 0x0e59))
      return false;
    const toneBefore = previous >= 0x0e48 && previous <= 0x0e4b;
    if ((c === 0x0e38 || c === 0x0e39) && toneBefore) return false;
    if (c === 0x0e3a && (toneBefore || previous === 0x0e38 || previous === 0x0e39)) return false;
    previous = c;
  }
  return text.length === 0 || previous !== 0x20;
}

/**
 * Normalises Thai (and mixed) text for storage, comparison and search: NFC, zero-width characters
 * removed, the decomposed SARA AM spelling composed, Thai digits folded to ASCII, runs of whitespace
 * collapsed to one space and the ends trimmed. Letter case is left alone.
 */
export function normalizeThai(text: string): string {
  if (isNormalThai(text)) return text;
  return foldThaiDigits(
    text
      .normalize("NFC")
      .replace(ZERO_WIDTH, "")
      .replace(SARA_AM_TONE_BETWEEN, "$1\u0E33")
      .replace(SARA_AM_TONE_FIRST, "$1\u0E33"),
  )
    .replace(/\s+/g, " ")
    .trim();
}

export type AmountProblem = "empty" | "malformed";

const CURRENCY_WORDS = /^(?:฿|บาท|thb|baht)\s*|\s*(?:฿|บาท|thb|baht|\.-)$/i;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const UNGROUPED = /^\d+(?:\.\d+)?$/;

/**
 * Parses an amount as written in Thai documents and spreadsheets — "1,234,567.50", "๑,๒๓๔ บาท",
 * "฿ 500", "1,200.-" — into a number. Commas must sit at thousands positions (so "1,23" is rejected
 * rather than read as 123) and the decimal mark is the point. A leading minus is allowed.
 */
export function parseAmount(text: string): Result<number, AmountProblem> {
  let rest = normalizeThai(text);
  if (rest === "") return fail("empty");
  let negative = false;
  if (rest.startsWith("-") || rest.startsWith("\u2212")) {
    negative = true;
    rest = rest.slice(1).trim();
  }
  // Currency marks may appear on either side, and a sign may follow a leading currency mark.
  for (let i = 0; i < 2; i++) rest = rest.replace(CURRENCY_WORDS, "").trim();
  if (!negative && rest.startsWith("-")) {
    negative = true;
    rest = rest.slice(1).trim();
  }
  if (rest === "") return fail("malformed");
  if (!GROUPED.test(rest) && !UNGROUPED.test(rest)) return fail("malformed");
  const value = Number(rest.replaceAll(",", ""));
  if (!Number.isFinite(value)) return fail("malformed");
  return ok(negative ? -value : value);
}
