/**
 * Figures of the service side (issue 13, point 7) that are pure arithmetic: percentiles of working-day durations
 * kept as a histogram (durations are whole working days, so tens of thousands of requests fall into a few dozen
 * values), and working-day counts answered from a prefix table rather than by walking the calendar per request.
 */
import { isWorkingDay, type HolidayDates } from "./working-days.ts";

/** How many requests took each number of working days. */
export type DurationHistogram = ReadonlyMap<number, number>;

function sortedEntries(histogram: DurationHistogram): [number, number][] {
  return [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
}

/** The k-th smallest duration (1-based) in the histogram. */
function kth(entries: readonly [number, number][], k: number): number {
  let seen = 0;
  for (const [value, n] of entries) {
    seen += n;
    if (seen >= k) return value;
  }
  throw new RangeError(`rank ${k} beyond ${seen}`);
}

/** The median: the middle duration, or the mean of the two middle ones for an even count; null when empty. */
export function medianOf(histogram: DurationHistogram): number | null {
  const entries = sortedEntries(histogram);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  if (total % 2 === 1) return kth(entries, (total + 1) / 2);
  return (kth(entries, total / 2) + kth(entries, total / 2 + 1)) / 2;
}

/**
 * The p-th percentile (0 < p ≤ 100) by nearest rank: the smallest duration that at least p% of requests took no
 * longer than (so the 90th percentile of 1..10 is 9, and it is always a duration some request took). Null when empty.
 */
export function percentileOf(histogram: DurationHistogram, p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100]: ${p}`);
  const entries = sortedEntries(histogram);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  return kth(entries, Math.ceil((p / 100) * total));
}

/**
 * Working days between two ISO dates in [from, to], answered in constant time once built: the count of working
 * days up to each date of the span. Gives what core `workingDaysBetween` gives for dates inside the span (and
 * falls back to walking the calendar outside it).
 */
export function workingDayCounter(from: string, to: string, holidays: HolidayDates) {
  const upTo = new Map<string, number>();
  let count = 0;
  let day = from;
  let guard = 0;
  while (day <= to && guard < 40_000) {
    if (isWorkingDay(day, holidays)) count += 1;
    upTo.set(day, count);
    day = nextDay(day);
    guard += 1;
  }
  return (a: string, b: string): number => {
    const ca = upTo.get(a);
    const cb = upTo.get(b);
    if (ca !== undefined && cb !== undefined) return cb - ca;
    return slowBetween(a, b, holidays);
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function slowBetween(a: string, b: string, holidays: HolidayDates): number {
  if (b < a) return -slowBetween(b, a, holidays);
  let n = 0;
  for (let day = nextDay(a); day <= b; day = nextDay(day)) if (isWorkingDay(day, holidays)) n += 1;
  return n;
}

/**
 * The dates the working-day calendar table covers (migration 0023): the service clocks' dates fall inside it for
 * decades; a date outside is still counted, by walking the calendar (see `workingDaysBetween`).
 */
export const workingDayCalendarSpan = { from: "2020-01-01", to: "2040-12-31" } as const;

/**
 * Each date of [from, to] with its working-day ordinal: how many working days there are from `from` up to and
 * including it. The working days strictly after a and up to b are then ordinal(b) − ordinal(a), which is what
 * `workingDaysBetween(a, b)` counts, so SQL can time a clock by a subtraction.
 */
export function workingDayOrdinals(
  from: string,
  to: string,
  holidays: HolidayDates,
): { day: string; ordinal: number }[] {
  const rows: { day: string; ordinal: number }[] = [];
  let ordinal = 0;
  for (let day = from; day <= to; day = nextDay(day)) {
    if (isWorkingDay(day, holidays)) ordinal += 1;
    rows.push({ day, ordinal });
  }
  return rows;
}
