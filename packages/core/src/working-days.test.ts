import { describe, expect, it } from "vitest";
import { addWorkingDays, holidayDates, isWorkingDay, MAX_WORKING_DAYS, workingDaysBetween } from "./working-days.ts";

const none = holidayDates([]);
// Thai public holidays around the cases below (2026-2027), with substitution days.
const thai = holidayDates([
  "2026-04-06", // Chakri (Monday)
  "2026-04-13",
  "2026-04-14",
  "2026-04-15", // Songkran, Monday-Wednesday
  "2026-10-13", // Bhumibol Memorial (Tuesday)
  "2026-12-05", // Saturday
  "2026-12-07", // its substitution, Monday
  "2026-12-10",
  "2026-12-31",
  "2027-01-01",
  "2027-10-23", // Saturday
  "2027-10-25", // its substitution, Monday
]);

describe("isWorkingDay", () => {
  it.each([
    ["2026-12-07", none, true], // a Monday
    ["2026-12-11", none, true], // a Friday
    ["2026-12-12", none, false], // a Saturday
    ["2026-12-13", none, false], // a Sunday
    ["2026-12-07", thai, false], // substitution day
    ["2026-12-05", thai, false], // holiday on a Saturday
    ["2026-04-14", thai, false], // Songkran
    ["2026-04-16", thai, true], // the Thursday after Songkran
    ["2024-02-29", none, true], // a leap day (Thursday)
    ["2026-09-30", none, true], // last day of fiscal year 2026 (Wednesday)
    ["2026-10-01", none, true], // first day of fiscal year 2027 (Thursday)
  ])("%s → %s", (date, holidays, expected) => {
    expect(isWorkingDay(date, holidays)).toBe(expected);
  });

  it.each(["2026-02-30", "2026-13-01", "26-12-07", "", "2026-12-07T00:00:00Z"])("refuses %j", (text) => {
    expect(() => isWorkingDay(text, none)).toThrow(RangeError);
  });

  it("does not drift with the machine's time zone (calendar arithmetic on UTC days)", () => {
    const days = ["2026-12-06", "2026-12-07", "2026-12-08"].map((d) => isWorkingDay(d, none));
    expect(days).toEqual([false, true, true]);
  });
});

describe("addWorkingDays", () => {
  it.each([
    ["2026-12-08", 0, none, "2026-12-08"], // a working day, n = 0: itself
    ["2026-12-12", 0, none, "2026-12-14"], // Saturday, n = 0: next Monday
    ["2026-12-13", 0, none, "2026-12-14"], // Sunday, n = 0
    ["2026-12-07", 0, thai, "2026-12-08"], // substitution day, n = 0: next working day
    ["2026-12-08", 1, none, "2026-12-09"],
    ["2026-12-11", 1, none, "2026-12-14"], // Friday + 1 crosses the weekend
    ["2026-12-12", 1, none, "2026-12-14"], // Saturday + 1 = Monday
    ["2026-12-13", 1, none, "2026-12-14"], // Sunday + 1 = Monday
    ["2026-12-11", 5, none, "2026-12-18"], // a week
    ["2026-12-04", 1, thai, "2026-12-08"], // Friday; Sat 5 Dec holiday, Mon 7 Dec substitution
    ["2026-12-04", 3, thai, "2026-12-11"], // skips Thursday 10 Dec (Constitution Day)
    ["2026-12-30", 1, thai, "2027-01-04"], // New Year's Eve, New Year's Day, weekend
    ["2026-12-29", 2, thai, "2027-01-04"], // across New Year
    ["2026-04-03", 1, thai, "2026-04-07"], // Friday before Chakri (Monday 6 April)
    ["2026-04-10", 1, thai, "2026-04-16"], // Friday before Songkran: Mon-Wed off
    ["2026-04-10", 3, thai, "2026-04-20"], // across Songkran and the next weekend
    ["2026-04-13", 0, thai, "2026-04-16"], // starting inside Songkran
    ["2026-04-13", 1, thai, "2026-04-16"], // a day off + 1 = the next working day
    ["2026-09-30", 1, none, "2026-10-01"], // fiscal-year end → start
    ["2026-09-29", 3, none, "2026-10-02"],
    ["2026-10-09", 2, thai, "2026-10-14"], // Friday; Monday counts, Tuesday 13 Oct off
    ["2027-10-22", 1, thai, "2027-10-26"], // Friday; Sat 23 Oct holiday, Mon 25 Oct substitution
    ["2024-02-28", 1, none, "2024-02-29"], // leap day
    ["2023-02-28", 1, none, "2023-03-01"], // not a leap year
    ["2026-12-07", 20, none, "2027-01-04"], // four weeks, across the year end without holidays
  ])("%s + %i → %s", (start, n, holidays, expected) => {
    expect(addWorkingDays(start, n, holidays)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, MAX_WORKING_DAYS + 1])("refuses n = %d", (n) => {
    expect(() => addWorkingDays("2026-12-07", n, none)).toThrow(RangeError);
  });

  it("refuses a start that is not a date", () => {
    expect(() => addWorkingDays("2026-02-29", 1, none)).toThrow(RangeError);
  });

  it("never lands on a day off", () => {
    for (let n = 0; n <= 60; n += 1) {
      expect(isWorkingDay(addWorkingDays("2026-12-01", n, thai), thai)).toBe(true);
    }
  });

  it("grows by exactly one working day per step", () => {
    let previous = addWorkingDays("2026-11-28", 1, thai);
    for (let n = 2; n <= 40; n += 1) {
      const next = addWorkingDays("2026-11-28", n, thai);
      expect(workingDaysBetween(previous, next, thai)).toBe(1);
      previous = next;
    }
  });
});

describe("workingDaysBetween (after a, up to and including b)", () => {
  it.each([
    ["2026-12-08", "2026-12-08", none, 0], // same day
    ["2026-12-08", "2026-12-09", none, 1],
    ["2026-12-11", "2026-12-14", none, 1], // Friday → Monday
    ["2026-12-12", "2026-12-13", none, 0], // Saturday → Sunday
    ["2026-12-11", "2026-12-13", none, 0], // Friday → Sunday: the weekend counts nothing
    ["2026-12-07", "2026-12-14", none, 5], // Monday → Monday
    ["2026-12-04", "2026-12-11", thai, 3], // 7 Dec substitution and 10 Dec Constitution Day off
    ["2026-12-30", "2027-01-04", thai, 1], // New Year
    ["2026-04-10", "2026-04-17", thai, 2], // Songkran
    ["2026-09-30", "2026-10-01", none, 1], // fiscal-year end
    ["2026-09-25", "2026-10-05", none, 6],
    ["2027-10-22", "2027-10-26", thai, 1], // substitution day
    ["2026-01-01", "2026-12-31", none, 260], // 2026: 261 weekdays, 1 Jan itself not counted
  ])("%s → %s = %i", (a, b, holidays, expected) => {
    expect(workingDaysBetween(a, b, holidays)).toBe(expected);
  });

  it("is negative when b is before a", () => {
    expect(workingDaysBetween("2026-12-14", "2026-12-11", none)).toBe(-1);
    expect(workingDaysBetween("2026-12-11", "2026-12-04", thai)).toBe(-3);
  });

  it("inverts addWorkingDays for n ≥ 1", () => {
    for (const start of ["2026-12-04", "2026-12-05", "2026-04-10", "2026-09-30", "2027-10-22"]) {
      for (const n of [1, 2, 3, 7, 15, 30]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, thai), thai)).toBe(n);
      }
    }
  });

  it("refuses a text that is not a date", () => {
    expect(() => workingDaysBetween("2026-12-07", "07/12/2026", none)).toThrow(RangeError);
  });
});
