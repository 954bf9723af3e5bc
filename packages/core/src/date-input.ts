import { fiscalYearOf, parseIsoDate, toBuddhistYear, toCommonEraYear, toIsoDate } from "./fiscal-year.ts";
import type { Locale } from "./locale.ts";
import type { Result } from "./result.ts";
import { fail, ok } from "./result.ts";
import { foldThaiDigits } from "./thai-text.ts";

// ---------------------------------------------------------------------------------------------
// Dates and years as people type them into a form. Thai users type B.E. years, English users C.E.;
// both write the day first ("1/10/2569", "1/10/2026"). The era is the interface language's, never
// guessed from the number: a C.E.-looking year in Thai (or a B.E.-looking one in English) is refused
// with its own reason, so nobody's 2569 is ever shifted a second time into 3112, nor 2026 into 1483.
// The two accepted ranges do not overlap (C.E. 1900-2200 = B.E. 2443-2743), so the refusal is always
// unambiguous. Stored values stay ISO C.E. (yyyy-mm-dd).
// ---------------------------------------------------------------------------------------------

/** The C.E. years a typed date or fiscal year may name: the same span as period keys. */
export const INPUT_YEAR_MIN_CE = 1900;
export const INPUT_YEAR_MAX_CE = 2200;

export type DateInputProblem =
  /** Nothing typed (the caller decides whether the field is required). */
  | "empty"
  /** Not d/m/yyyy (nor yyyy-m-d). */
  | "malformed"
  /** A two-digit year such as 1/10/69: refused, as 69 could be 2569, 2069 or 1969. */
  | "two_digit_year"
  /** Typed in Thai with a year in the C.E. range (e.g. 2026): Thai dates are B.E. */
  | "looks_common_era"
  /** Typed in English with a year in the B.E. range (e.g. 2569): English dates are C.E. */
  | "looks_buddhist_era"
  /** A four-digit year outside both ranges (e.g. 1492 or 3112). */
  | "year_out_of_range"
  /** Day or month that does not exist: 31/4, 29/2 in a common year, month 13. */
  | "not_a_date";

const DAY_FIRST = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

type YearProblem = "two_digit_year" | "looks_common_era" | "looks_buddhist_era" | "year_out_of_range";

function inCeRange(year: number): boolean {
  return year >= INPUT_YEAR_MIN_CE && year <= INPUT_YEAR_MAX_CE;
}

/**
 * A year as typed in the interface's calendar, to C.E.: Thai reads B.E. (2569 → 2026), English C.E. A
 * year that only makes sense in the other calendar, a two-digit year and any other width are refused.
 */
export function parseInputYear(written: string, locale: Locale): Result<number, YearProblem | "malformed"> {
  const digits = foldThaiDigits(written).trim();
  if (/^\d{1,2}$/.test(digits)) return fail("two_digit_year");
  if (!/^\d{4}$/.test(digits)) return fail("malformed");
  const year = Number(digits);
  if (locale === "th") {
    if (inCeRange(toCommonEraYear(year))) return ok(toCommonEraYear(year));
    return fail(inCeRange(year) ? "looks_common_era" : "year_out_of_range");
  }
  if (inCeRange(year)) return ok(year);
  return fail(inCeRange(toCommonEraYear(year)) ? "looks_buddhist_era" : "year_out_of_range");
}

/**
 * Reads a date typed into a form: day first, "d/m/yyyy" (also "-" or "." between, Thai digits, spaces
 * around the separators), or year first "yyyy-m-d" as pasted from a spreadsheet. The year is B.E. in
 * Thai and C.E. in English (see parseInputYear); the day must exist in that year (29/2/2567 B.E. is
 * 2024-02-29; 29/2/2566 is not a date). Returns the ISO C.E. date.
 */
export function parseDateInput(text: string, locale: Locale): Result<string, DateInputProblem> {
  const trimmed = foldThaiDigits(text).trim();
  if (trimmed === "") return fail("empty");
  const dayFirst = DAY_FIRST.exec(trimmed);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(trimmed);
  if (!dayFirst && !yearFirst) return fail("malformed");
  const [dayText, monthText, yearText] = dayFirst
    ? [dayFirst[1], dayFirst[3], dayFirst[4]]
    : [yearFirst?.[3], yearFirst?.[2], yearFirst?.[1]];
  const year = parseInputYear(yearText ?? "", locale);
  if (!year.ok) return year;
  const iso = toIsoDate({ year: year.value, month: Number(monthText), day: Number(dayText) });
  return parseIsoDate(iso) ? ok(iso) : fail("not_a_date");
}

/**
 * A stored ISO date as the date input shows it: "1/10/2569" in Thai (B.E.), "1/10/2026" in English, no
 * leading zeros, so what is shown reads back through parseDateInput to the same date. Empty for an empty
 * value; a value that is not an ISO date is shown as it is, so nothing typed is lost.
 */
export function formatDateInput(isoDate: string | null | undefined, locale: Locale): string {
  if (!isoDate) return "";
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  const year = locale === "th" ? toBuddhistYear(date.year) : date.year;
  return `${date.day}/${date.month}/${year}`;
}

/** The current Thai fiscal year (C.E.) at an instant, by Bangkok's calendar: FY2027 (B.E. 2570) from 1 Oct 2026. */
export function currentFiscalYear(now: Date): number {
  return fiscalYearOf(now);
}

/**
 * The fiscal year a picker starts on: the current one when offered, else the offered year nearest to it
 * (the later of two equally near), so a form opens on the year people are working in. Null when none is
 * offered.
 */
export function defaultFiscalYear(years: readonly number[], now: Date): number | null {
  const current = currentFiscalYear(now);
  let best: number | null = null;
  for (const year of years) {
    if (best === null) best = year;
    const distance = Math.abs(year - current);
    const bestDistance = Math.abs(best - current);
    if (distance < bestDistance || (distance === bestDistance && year > best)) best = year;
  }
  return best;
}
