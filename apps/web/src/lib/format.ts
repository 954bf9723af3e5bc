/**
 * Dates, numbers and Thai fiscal years for display. Thai shows the Buddhist calendar (B.E. = C.E. + 543);
 * English uses British day-month-year order. Values are stored and exchanged in C.E.
 */

import { fiscalYearOf as coreFiscalYearOf, fiscalYearRange } from "@sainam/core";

export type Locale = "th" | "en";

/**
 * The few words around formatted values live here rather than in the i18n catalogues: these helpers stay pure (no
 * catalogue to load first) and do not pull a whole catalogue into every page that shows a date.
 */
const FORMAT_WORDS = {
  th: {
    fiscalYear: "ปีงบประมาณ พ.ศ. {{year}}",
    fiscalYearSpan: "ปีงบประมาณ พ.ศ. {{from}}–{{to}}",
    yearSpan: "พ.ศ. {{span}}",
    dateTime: "{{date}} {{time}} น.",
  },
  en: {
    fiscalYear: "FY{{year}}",
    fiscalYearSpan: "FY{{from}}–FY{{to}}",
    yearSpan: "{{span}}",
    dateTime: "{{date}}, {{time}}",
  },
} as const satisfies Record<Locale, Record<string, string>>;

function phrase(
  locale: Locale,
  key: keyof (typeof FORMAT_WORDS)["th"],
  values: Record<string, string | number>,
): string {
  const template: string = FORMAT_WORDS[locale][key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

export const LOCALES: readonly Locale[] = ["th", "en"];

export function isLocale(value: unknown): value is Locale {
  return value === "th" || value === "en";
}

/** The BCP 47 tag handed to Intl for each UI language. */
export function intlLocale(locale: Locale): string {
  return locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB";
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD` as a calendar date (midnight UTC) and anything else as an instant.
 * Returns null for values that are not dates.
 */
export function parseDate(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const match = DATE_ONLY.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isDateOnly(value: string | Date): boolean {
  return typeof value === "string" && DATE_ONLY.test(value);
}

// en-GB abbreviates September as "Sept" in current CLDR data; official Thai and English documents write "Sep",
// so the English short month comes from the en-US names while the order stays British.
const EN_SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A short calendar date: "1 ต.ค. 2563" / "1 Oct 2020". Date-only values never shift with the time zone. */
export function formatDate(value: string | Date, locale: Locale, timeZone?: string): string {
  const date = parseDate(value);
  if (!date) return typeof value === "string" ? value : "";
  const zone = isDateOnly(value) ? "UTC" : timeZone;
  if (locale === "th") {
    return new Intl.DateTimeFormat(intlLocale("th"), {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: zone,
    }).format(date);
  }
  const parts = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    timeZone: zone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  const month = EN_SHORT_MONTHS[Number(part("month")) - 1] ?? part("month");
  return `${Number(part("day"))} ${month} ${part("year")}`;
}

/** Date and time, to the minute: "1 ต.ค. 2563 14:05" / "1 Oct 2020, 14:05". */
export function formatDateTime(value: string | Date, locale: Locale, timeZone?: string): string {
  const date = parseDate(value);
  if (!date) return typeof value === "string" ? value : "";
  const time = new Intl.DateTimeFormat(locale === "th" ? "th-TH" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
  }).format(date);
  return phrase(locale, "dateTime", { date: formatDate(date, locale, timeZone), time });
}

/** A number with grouping: 1,234,567.5 (Thai uses the same Western digits in official documents). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-GB", options).format(value);
}

/** The year in the calendar the locale shows: B.E. for Thai, C.E. for English. */
export function displayYear(yearCe: number, locale: Locale): number {
  return locale === "th" ? yearCe + 543 : yearCe;
}

/**
 * Thai fiscal year (C.E.) of a date, by core's rule (FY N runs 1 Oct N-1 to 30 Sep N) in Bangkok time whatever the
 * browser's time zone: a date-only value as the calendar date it names, an instant as Thailand's date of it.
 */
export function fiscalYearOf(value: string | Date): number {
  if (isDateOnly(value)) return coreFiscalYearOf(value as string);
  const date = parseDate(value);
  if (!date) throw new RangeError(`Not a date: ${String(value)}`);
  return coreFiscalYearOf(date);
}

/** The fiscal years a figures page offers: the current one and the four before it. */
export function recentFiscalYears(now: Date = new Date()): number[] {
  const current = fiscalYearOf(now);
  return Array.from({ length: 5 }, (_, i) => current - i);
}

/** First and last day (`YYYY-MM-DD`, C.E.) of fiscal year N. */
export { fiscalYearRange } from "@sainam/core";

/** "ปีงบประมาณ พ.ศ. 2564 (1 ต.ค. 2563 – 30 ก.ย. 2564)" / "FY2021 (1 Oct 2020 – 30 Sep 2021)". */
export function formatFiscalYear(fiscalYear: number, locale: Locale): string {
  const { start, end } = fiscalYearRange(fiscalYear);
  return `${fiscalYearLabel(fiscalYear, locale)} (${formatDateRange(start, end, locale)})`;
}

/** "ปีงบประมาณ พ.ศ. 2564" / "FY2021". */
export function fiscalYearLabel(fiscalYear: number, locale: Locale): string {
  return phrase(locale, "fiscalYear", { year: displayYear(fiscalYear, locale) });
}

/** Several fiscal years: "ปีงบประมาณ พ.ศ. 2560–2564" / "FY2017–FY2021". */
export function fiscalYearSpan(from: number, to: number, locale: Locale): string {
  if (from === to) return fiscalYearLabel(from, locale);
  return phrase(locale, "fiscalYearSpan", { from: displayYear(from, locale), to: displayYear(to, locale) });
}

/** "1 ต.ค. 2563 – 30 ก.ย. 2564" / "1 Oct 2020 – 30 Sep 2021". */
export function formatDateRange(start: string | Date, end: string | Date, locale: Locale): string {
  return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
}

/** Calendar years of a period in the locale's era: "พ.ศ. 2560–2564" / "2017–2021". */
export function formatYearSpan(start: string | Date, end: string | Date, locale: Locale): string {
  const from = parseDate(start);
  const to = parseDate(end);
  if (!from || !to) return "";
  const a = displayYear(from.getUTCFullYear(), locale);
  const b = displayYear(to.getUTCFullYear(), locale);
  const span = a === b ? String(a) : `${a}–${b}`;
  return phrase(locale, "yearSpan", { span });
}
