import {
  BUDDHIST_ERA_THRESHOLD,
  fiscalQuarterOf,
  fiscalQuarterRange,
  fiscalYearOf,
  fiscalYearRange,
  toBuddhistYear,
  toCommonEraYear,
  type DateRange,
  type FiscalQuarter,
} from "./fiscal-year.ts";
import type { Locale } from "./locale.ts";
import { foldThaiDigits } from "./thai-text.ts";

// ---------------------------------------------------------------------------------------------
// Reporting periods of indicator values and targets, written as stable keys that sort and compare as
// text within a type: "FY2021" (Thai fiscal year, 1 Oct 2020 → 30 Sep 2021), "CY2021" (calendar year),
// "FY2021-Q1" (fiscal quarter: Q1 = Oct-Dec). Years in keys are always C.E.; B.E. is for display only.
// ---------------------------------------------------------------------------------------------

export const periodTypes = ["fiscal_year", "calendar_year", "fiscal_quarter"] as const;
export type PeriodType = (typeof periodTypes)[number];

export type Period =
  | { readonly type: "fiscal_year"; readonly year: number }
  | { readonly type: "calendar_year"; readonly year: number }
  | { readonly type: "fiscal_quarter"; readonly year: number; readonly quarter: FiscalQuarter };

const KEY = /^(FY|CY)(\d{4})(?:-Q([1-4]))?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function isQuarter(value: number): value is FiscalQuarter {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Reads a period key ("FY2021", "CY2021", "FY2021-Q1"); null when it is not one (e.g. "CY2021-Q1"). */
export function parsePeriodKey(key: string): Period | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const year = Number(match[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (match[3] !== undefined) {
    const quarter = Number(match[3]);
    if (match[1] !== "FY" || !isQuarter(quarter)) return null;
    return { type: "fiscal_quarter", year, quarter };
  }
  return match[1] === "FY" ? { type: "fiscal_year", year } : { type: "calendar_year", year };
}

/** True when the text is a well-formed period key. */
export function isPeriodKey(key: string): boolean {
  return parsePeriodKey(key) !== null;
}

/** Writes a period as its key. */
export function periodKey(period: Period): string {
  switch (period.type) {
    case "fiscal_year":
      return `FY${period.year}`;
    case "calendar_year":
      return `CY${period.year}`;
    case "fiscal_quarter":
      return `FY${period.year}-Q${period.quarter}`;
  }
}

/** The period of a given type that an ISO date (or an instant, read in Bangkok time) falls in. */
export function periodOfDate(date: string | Date, type: PeriodType): Period {
  switch (type) {
    case "fiscal_year":
      return { type, year: fiscalYearOf(date) };
    case "fiscal_quarter":
      return { type, year: fiscalYearOf(date), quarter: fiscalQuarterOf(date) };
    case "calendar_year": {
      // The calendar year of the fiscal year's own reading of the date, without another date parser.
      const fy = fiscalYearOf(date);
      const quarter = fiscalQuarterOf(date);
      return { type, year: quarter === 1 ? fy - 1 : fy };
    }
  }
}

/** First and last calendar day (inclusive, ISO) of a period. */
export function periodRange(period: Period): DateRange {
  switch (period.type) {
    case "fiscal_year":
      return fiscalYearRange(period.year);
    case "fiscal_quarter":
      return fiscalQuarterRange(period.year, period.quarter);
    case "calendar_year":
      return {
        start: `${String(period.year).padStart(4, "0")}-01-01`,
        end: `${String(period.year).padStart(4, "0")}-12-31`,
      };
  }
}

/**
 * The period just before, of the same type: what a relative-change target compares against.
 * FY2021 → FY2020, FY2021-Q1 → FY2020-Q4, CY2021 → CY2020.
 */
export function previousPeriod(period: Period): Period {
  switch (period.type) {
    case "fiscal_year":
    case "calendar_year":
      return { type: period.type, year: period.year - 1 };
    case "fiscal_quarter":
      return period.quarter === 1
        ? { type: period.type, year: period.year - 1, quarter: 4 }
        : { type: period.type, year: period.year, quarter: QUARTER_BEFORE[period.quarter] };
  }
}

const QUARTER_BEFORE = { 1: 4, 2: 1, 3: 2, 4: 3 } as const satisfies Record<FiscalQuarter, FiscalQuarter>;

/** The fiscal year a fiscal quarter belongs to; a fiscal year is its own; null for a calendar year. */
export function fiscalYearOfPeriod(period: Period): number | null {
  return period.type === "calendar_year" ? null : period.year;
}

/** Compares two keys of the same type in time order (for sorting); different types order by type. */
export function comparePeriodKeys(a: string, b: string): number {
  const pa = parsePeriodKey(a);
  const pb = parsePeriodKey(b);
  if (pa === null || pb === null) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.type !== pb.type) return periodTypes.indexOf(pa.type) - periodTypes.indexOf(pb.type);
  if (pa.year !== pb.year) return pa.year - pb.year;
  return (pa.type === "fiscal_quarter" ? pa.quarter : 0) - (pb.type === "fiscal_quarter" ? pb.quarter : 0);
}

/**
 * Labels a period for its audience: Thai with B.E. years ("ปีงบประมาณ พ.ศ. 2564", "ไตรมาส 1
 * ปีงบประมาณ พ.ศ. 2564", "พ.ศ. 2564"); English with C.E. ("FY2021", "Q1 FY2021", "2021").
 */
export function formatPeriod(period: Period, locale: Locale): string {
  const th = locale === "th";
  switch (period.type) {
    case "fiscal_year":
      return th ? `ปีงบประมาณ พ.ศ. ${toBuddhistYear(period.year)}` : `FY${period.year}`;
    case "fiscal_quarter":
      return th
        ? `ไตรมาส ${period.quarter} ปีงบประมาณ พ.ศ. ${toBuddhistYear(period.year)}`
        : `Q${period.quarter} FY${period.year}`;
    case "calendar_year":
      return th ? `พ.ศ. ${toBuddhistYear(period.year)}` : String(period.year);
  }
}

/** A short label for charts and table headers: "2564" / "FY21"-style kept readable: "FY2021". */
export function formatPeriodShort(period: Period, locale: Locale): string {
  const th = locale === "th";
  switch (period.type) {
    case "fiscal_year":
      return th ? `ปีงบ ${toBuddhistYear(period.year)}` : `FY${period.year}`;
    case "fiscal_quarter":
      return th ? `Q${period.quarter}/${toBuddhistYear(period.year)}` : `Q${period.quarter} FY${period.year}`;
    case "calendar_year":
      return th ? String(toBuddhistYear(period.year)) : String(period.year);
  }
}

const FISCAL_TEXT = /^(?:fy|ปีงบประมาณ|ปีงบ|งบประมาณ)\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(\d{4})$/;
const QUARTER_TEXT =
  /^(?:q|ไตรมาส(?:ที่)?)\s*([1-4])\s*[/-]?\s*(?:fy|ปีงบประมาณ|ปีงบ)?\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(\d{4})$|^(?:fy)\s*(\d{4})\s*-?\s*q([1-4])$/;
const CALENDAR_TEXT = /^(?:cy|ปี|พ\.ศ\.|ค\.ศ\.)?\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(\d{4})$/;

function ceYear(written: number): number {
  return written >= BUDDHIST_ERA_THRESHOLD ? toCommonEraYear(written) : written;
}

/**
 * Reads a period as people write it in spreadsheets: a key ("FY2021-Q1"), "FY2021", "ปีงบประมาณ 2564",
 * "ปีงบ 2564", "Q1 2564", "ไตรมาส 1/2564", "2021", "พ.ศ. 2564". Four-digit years ≥ 2400 are B.E. A bare
 * year reads as `bareYear` (fiscal or calendar, the import's choice; fiscal by default, as Thai
 * government figures are). Null when the text names no period.
 */
export function parsePeriodText(
  text: string,
  bareYear: "fiscal_year" | "calendar_year" = "fiscal_year",
): Period | null {
  const folded = foldThaiDigits(text).trim();
  const asKey = parsePeriodKey(folded.toUpperCase());
  if (asKey !== null) return asKey;
  const t = folded.toLowerCase().replace(/\s+/g, " ");
  const fiscal = FISCAL_TEXT.exec(t);
  if (fiscal) return validYear({ type: "fiscal_year", year: ceYear(Number(fiscal[1])) });
  const quarter = QUARTER_TEXT.exec(t);
  if (quarter) {
    const q = Number(quarter[1] ?? quarter[4]);
    const y = Number(quarter[2] ?? quarter[3]);
    return isQuarter(q) ? validYear({ type: "fiscal_quarter", year: ceYear(y), quarter: q }) : null;
  }
  if (/^cy\s*\d{4}$/.test(t)) return validYear({ type: "calendar_year", year: ceYear(Number(t.slice(2).trim())) });
  const calendar = CALENDAR_TEXT.exec(t);
  if (calendar) {
    const year = ceYear(Number(calendar[1]));
    const explicitCalendar = /^(?:ปี|พ\.ศ\.|ค\.ศ\.)/.test(t) && !t.startsWith("ปีงบ");
    return validYear(explicitCalendar ? { type: "calendar_year", year } : { type: bareYear, year });
  }
  return null;
}

function validYear(period: Period): Period | null {
  return period.year >= MIN_YEAR && period.year <= MAX_YEAR ? period : null;
}

/**
 * The period keys a form offers for fiscal years `first` to `last` (C.E.), oldest first, each year followed by
 * its quarters when asked; a key already chosen that falls outside (e.g. "CY2020" or an earlier year) comes
 * first, so editing never drops it. People pick periods from this list; nobody types a key.
 */
export function fiscalPeriodKeys(
  first: number,
  last: number,
  options: { quarters?: boolean; keep?: string | null } = {},
): string[] {
  const keys: string[] = [];
  for (let year = first; year <= last; year++) {
    keys.push(periodKey({ type: "fiscal_year", year }));
    if (options.quarters)
      for (const quarter of [1, 2, 3, 4] as const) keys.push(periodKey({ type: "fiscal_quarter", year, quarter }));
  }
  const keep = options.keep ?? null;
  return keep !== null && isPeriodKey(keep) && !keys.includes(keep) ? [keep, ...keys] : keys;
}
