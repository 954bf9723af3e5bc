import { parseIsoDate } from "./fiscal-year.ts";

/**
 * Thai working days: Monday to Friday that are not public holidays (the admin-kept calendar: public holidays,
 * their substitution days and one-off special holidays). Dates are ISO yyyy-mm-dd (C.E.) calendar dates in
 * Bangkok terms; the arithmetic is done on UTC midnights of those dates, so no time zone can move a day.
 */
export type HolidayDates = ReadonlySet<string>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Upper bound on a count, so a typo (or a hostile query) cannot make a clock loop for ever. */
export const MAX_WORKING_DAYS = 3660;

function toEpochDay(date: string): number {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(parsed.year, parsed.month - 1, parsed.day) / DAY_MS;
}

function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingEpochDay(epochDay: number, holidays: HolidayDates): boolean {
  // 1970-01-01 was a Thursday: epoch day 0 → weekday 4 (0 = Sunday).
  const weekday = (((epochDay + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  return !holidays.has(fromEpochDay(epochDay));
}

/** Collects holiday dates (e.g. rows of public_holidays) into the set the functions below take. */
export function holidayDates(dates: Iterable<string>): HolidayDates {
  return new Set(dates);
}

/** True when `date` is Monday-Friday and not in `holidays`. Throws RangeError for a text that is not a real date. */
export function isWorkingDay(date: string, holidays: HolidayDates): boolean {
  return isWorkingEpochDay(toEpochDay(date), holidays);
}

/**
 * The date `n` working days after `start`: the working days counted are those strictly after `start`, so
 * Friday + 1 = Monday and Saturday + 1 = Monday too (a request received on a day off starts its clock on the
 * next working day and is due the working day after that). n = 0 gives `start` itself when it is a working
 * day, else the next working day. Throws RangeError when n is not an integer from 0 to MAX_WORKING_DAYS.
 */
export function addWorkingDays(start: string, n: number, holidays: HolidayDates): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`working days must be an integer from 0 to ${MAX_WORKING_DAYS}: ${n}`);
  }
  let day = toEpochDay(start);
  if (n === 0) {
    while (!isWorkingEpochDay(day, holidays)) day += 1;
    return fromEpochDay(day);
  }
  let counted = 0;
  while (counted < n) {
    day += 1;
    if (isWorkingEpochDay(day, holidays)) counted += 1;
  }
  return fromEpochDay(day);
}

/**
 * Working days in the half-open range (a, b]: after `a`, up to and including `b` — the days a clock started
 * on `a` has run by the end of `b`. So workingDaysBetween(a, addWorkingDays(a, n)) = n for n ≥ 1, and a day
 * compared with itself gives 0. When b is before a the answer is negative: −workingDaysBetween(b, a).
 */
export function workingDaysBetween(a: string, b: string, holidays: HolidayDates): number {
  const from = toEpochDay(a);
  const to = toEpochDay(b);
  if (to < from) return -workingDaysBetween(b, a, holidays);
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) if (isWorkingEpochDay(day, holidays)) count += 1;
  return count;
}
