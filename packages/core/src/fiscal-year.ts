import type { Locale } from "./locale.ts";
import type { Result } from "./result.ts";
import { fail, ok } from "./result.ts";
import { foldThaiDigits } from "./thai-text.ts";

/** Years from this value up are read as Buddhist Era (B.E. 2400 = C.E. 1857); below it as Common Era. */
export const BUDDHIST_ERA_THRESHOLD = 2400;

/** B.E. − C.E.: B.E. 2564 = C.E. 2021. */
export const BUDDHIST_ERA_OFFSET = 543;

/** Thailand keeps UTC+7 all year (no daylight saving), so a fixed offset gives the Bangkok calendar date. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

export type CalendarDate = { readonly year: number; readonly month: number; readonly day: number };
export type FiscalQuarter = 1 | 2 | 3 | 4;
export type DateRange = { readonly start: string; readonly end: string };
export type DateStyle = "short" | "medium" | "long" | "full";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a Gregorian leap year (judged on the C.E. year: divisible by 4, centuries only by 400). */
export function isLeapYear(ceYear: number): boolean {
  return (ceYear % 4 === 0 && ceYear % 100 !== 0) || ceYear % 400 === 0;
}

/** Number of days in a month (1-12) of a C.E. year, so dates like 31/4 or 29/2/2021 can be refused. */
export function daysInMonth(ceYear: number, month: number): number {
  if (month === 2) return isLeapYear(ceYear) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** Writes a calendar date as ISO `YYYY-MM-DD`, the form every layer stores and exchanges. */
export function toIsoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * Reads an ISO `YYYY-MM-DD` string as a calendar date, or null when it is not one (including
 * impossible dates such as 2021-02-29). No time zone is involved: a date string is a calendar date.
 */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** True when the text is a real calendar date written as ISO `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/**
 * The calendar date of an instant in Thailand (Asia/Bangkok, UTC+7). Fiscal periods are Thai, so an
 * instant just after midnight on 1 October in Bangkok belongs to the new fiscal year wherever the
 * server runs.
 */
export function bangkokDateOf(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError("Invalid Date");
  const shifted = new Date(time + BANGKOK_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function calendarDateOf(date: string | Date): CalendarDate {
  if (date instanceof Date) return bangkokDateOf(date);
  const parsed = parseIsoDate(date);
  // A malformed date here is a programming error (values are validated at the edge), not user input.
  if (!parsed) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  return parsed;
}

/**
 * The Thai fiscal year (C.E. number) a date falls in: FY N runs 1 Oct N-1 → 30 Sep N, so
 * 2020-09-30 is FY2020 and 2020-10-01 is FY2021. Strings are ISO calendar dates; Date instants are
 * read in Bangkok time. Throws RangeError on a malformed date string (a programming error).
 */
export function fiscalYearOf(date: string | Date): number {
  const { year, month } = calendarDateOf(date);
  return month >= 10 ? year + 1 : year;
}

/**
 * The fiscal quarter (1-4) of a date: Q1 = Oct-Dec, Q2 = Jan-Mar, Q3 = Apr-Jun, Q4 = Jul-Sep,
 * because Thai government reporting counts quarters from the start of the fiscal year.
 */
export function fiscalQuarterOf(date: string | Date): FiscalQuarter {
  const { month } = calendarDateOf(date);
  if (month >= 10) return 1;
  if (month <= 3) return 2;
  if (month <= 6) return 3;
  return 4;
}

function assertFiscalYear(fy: number): void {
  if (!Number.isInteger(fy) || fy < 2 || fy > 9999) throw new RangeError(`Not a fiscal year: ${fy}`);
}

/** First and last calendar day (inclusive, ISO) of fiscal year `fy` (C.E.): 1 Oct fy-1 → 30 Sep fy. */
export function fiscalYearRange(fy: number): DateRange {
  assertFiscalYear(fy);
  return { start: toIsoDate({ year: fy - 1, month: 10, day: 1 }), end: toIsoDate({ year: fy, month: 9, day: 30 }) };
}

/** First and last calendar day (inclusive, ISO) of a quarter of fiscal year `fy`, for quarterly reports. */
export function fiscalQuarterRange(fy: number, quarter: FiscalQuarter): DateRange {
  assertFiscalYear(fy);
  const startMonth = [10, 1, 4, 7][quarter - 1] ?? 10;
  const year = quarter === 1 ? fy - 1 : fy;
  const endMonth = startMonth + 2;
  return {
    start: toIsoDate({ year, month: startMonth, day: 1 }),
    end: toIsoDate({ year, month: endMonth, day: daysInMonth(year, endMonth) }),
  };
}

/** C.E. year → B.E. year (+543); Thai users read years, including fiscal years, in B.E. */
export function toBuddhistYear(ceYear: number): number {
  return ceYear + BUDDHIST_ERA_OFFSET;
}

/** B.E. year → C.E. year (−543); everything is stored in C.E. */
export function toCommonEraYear(beYear: number): number {
  return beYear - BUDDHIST_ERA_OFFSET;
}

export type ThaiDateProblem = "empty" | "malformed" | "not_a_date";

const THAI_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/**
 * Parses a date written day-first as in Thai documents, "d/m/yyyy" (also with "-" or "." as the
 * separator, and Thai digits), into an ISO date. A four-digit year ≥ 2400 is B.E. and converted
 * (1/10/2563 → 2020-10-01); a year below 2400 is taken as C.E. (no real B.E. date in our data is that
 * old, and no C.E. date that late). Two-digit years are refused as ambiguous. The date must exist:
 * 29/2 only in a leap year, judged on the C.E. year.
 */
export function parseThaiDate(text: string): Result<string, ThaiDateProblem> {
  const trimmed = foldThaiDigits(text).trim();
  if (trimmed === "") return fail("empty");
  const match = THAI_DATE.exec(trimmed);
  if (!match) return fail("malformed");
  const day = Number(match[1]);
  const month = Number(match[3]);
  const writtenYear = Number(match[4]);
  const year = writtenYear >= BUDDHIST_ERA_THRESHOLD ? toCommonEraYear(writtenYear) : writtenYear;
  if (!isRealDate(year, month, day)) return fail("not_a_date");
  return ok(toIsoDate({ year, month, day }));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: Locale, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // UTC on both sides: the Date below is built at UTC midnight, so the day never shifts.
    formatter = new Intl.DateTimeFormat(locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB", {
      dateStyle: style,
      timeZone: "UTC",
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an ISO calendar date for display: Thai with the Buddhist calendar (B.E. year, e.g.
 * "1 ต.ค. 2563"), English as en-GB ("1 Oct 2020"). Style defaults to "medium". Throws RangeError on a
 * malformed date (a programming error: stored dates are valid ISO).
 */
export function formatThaiDate(isoDate: string, locale: Locale, style: DateStyle = "medium"): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  const instant = new Date(Date.UTC(2000, date.month - 1, date.day));
  // Date.UTC maps years 0-99 to 1900-1999, so set the year separately.
  instant.setUTCFullYear(date.year);
  return dateFormatter(locale, style).format(instant);
}

/** Labels a fiscal year (C.E. number) the way each audience reads it: "ปีงบประมาณ พ.ศ. 2564" / "FY2021". */
export function formatFiscalYear(fy: number, locale: Locale): string {
  return locale === "th" ? `ปีงบประมาณ พ.ศ. ${toBuddhistYear(fy)}` : `FY${fy}`;
}
