import { describe, it, expect } from "vitest";
import {
  bangkokDateOf,
  daysInMonth,
  fiscalQuarterOf,
  fiscalQuarterRange,
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalYear,
  formatThaiDate,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  parseThaiDate,
  toBuddhistYear,
  toCommonEraYear,
  toIsoDate,
} from "./fiscal-year.ts";

describe("fiscalYearOf", () => {
  it("puts 30 September in the fiscal year of its own calendar year", () => {
    expect(fiscalYearOf("2020-09-30")).toBe(2020);
  });

  it("starts the next fiscal year on 1 October", () => {
    expect(fiscalYearOf("2020-10-01")).toBe(2021);
  });

  it("keeps 31 December in the fiscal year that began in October", () => {
    expect(fiscalYearOf("2020-12-31")).toBe(2021);
  });

  it("keeps 1 January in the fiscal year that began the October before", () => {
    expect(fiscalYearOf("2021-01-01")).toBe(2021);
  });

  it("reads a date string as a calendar date whatever the process time zone", () => {
    // A naive `new Date("2020-10-01")` is UTC midnight; in a western zone it would print 30 Sep.
    expect(fiscalYearOf("2020-10-01")).toBe(2021);
    expect(fiscalYearOf("2020-09-30")).toBe(2020);
  });

  it("reads a Date instant in Bangkok time, so 17:00 UTC on 30 Sep is already FY+1", () => {
    expect(fiscalYearOf(new Date("2020-09-30T17:00:00Z"))).toBe(2021);
    expect(fiscalYearOf(new Date("2020-09-30T16:59:59Z"))).toBe(2020);
  });

  it("throws on a malformed date string, which is a programming error", () => {
    expect(() => fiscalYearOf("30/09/2020")).toThrow(RangeError);
    expect(() => fiscalYearOf("2021-02-29")).toThrow(RangeError);
  });

  it("throws on an invalid Date", () => {
    expect(() => fiscalYearOf(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("fiscalYearRange", () => {
  it("runs FY2021 from 1 October 2020 to 30 September 2021", () => {
    expect(fiscalYearRange(2021)).toEqual({ start: "2020-10-01", end: "2021-09-30" });
  });

  it("gives a range whose ends map back to the same fiscal year", () => {
    for (const fy of [2017, 2020, 2024, 2100]) {
      const { start, end } = fiscalYearRange(fy);
      expect(fiscalYearOf(start)).toBe(fy);
      expect(fiscalYearOf(end)).toBe(fy);
    }
  });

  it("gives FY2564 (B.E.) the same range as FY2021 after conversion", () => {
    expect(fiscalYearRange(toCommonEraYear(2564))).toEqual(fiscalYearRange(2021));
  });

  it("rejects a fractional fiscal year", () => {
    expect(() => fiscalYearRange(2021.5)).toThrow(RangeError);
  });
});

describe("fiscalQuarterOf", () => {
  it.each([
    ["2020-10-01", 1],
    ["2020-12-31", 1],
    ["2021-01-01", 2],
    ["2021-03-31", 2],
    ["2021-04-01", 3],
    ["2021-06-30", 3],
    ["2021-07-01", 4],
    ["2021-09-30", 4],
  ] as const)("puts %s in Q%i", (date, quarter) => {
    expect(fiscalQuarterOf(date)).toBe(quarter);
  });

  it("reads a Date instant in Bangkok time", () => {
    expect(fiscalQuarterOf(new Date("2020-12-31T18:00:00Z"))).toBe(2);
  });
});

describe("fiscalQuarterRange", () => {
  it("gives Q1 of FY2021 as October to December 2020", () => {
    expect(fiscalQuarterRange(2021, 1)).toEqual({ start: "2020-10-01", end: "2020-12-31" });
  });

  it("gives Q2 of a leap fiscal year ending on 31 March", () => {
    expect(fiscalQuarterRange(2020, 2)).toEqual({ start: "2020-01-01", end: "2020-03-31" });
  });

  it("gives Q3 ending on 30 June and Q4 ending on 30 September", () => {
    expect(fiscalQuarterRange(2021, 3)).toEqual({ start: "2021-04-01", end: "2021-06-30" });
    expect(fiscalQuarterRange(2021, 4)).toEqual({ start: "2021-07-01", end: "2021-09-30" });
  });
});

describe("Buddhist Era conversion", () => {
  it("adds 543 to turn C.E. into B.E.", () => {
    expect(toBuddhistYear(2021)).toBe(2564);
  });

  it("subtracts 543 to turn B.E. into C.E.", () => {
    expect(toCommonEraYear(2564)).toBe(2021);
  });

  it("round-trips", () => {
    expect(toCommonEraYear(toBuddhistYear(2017))).toBe(2017);
  });
});

describe("calendar helpers", () => {
  it("treats centuries as leap years only when divisible by 400", () => {
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2020)).toBe(true);
    expect(isLeapYear(2021)).toBe(false);
  });

  it("counts 29 days in February of a leap year and 28 otherwise", () => {
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2021, 4)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
  });

  it("parses a real ISO date and refuses an impossible one", () => {
    expect(parseIsoDate("2020-02-29")).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseIsoDate("2021-02-29")).toBeNull();
    expect(parseIsoDate("2021-13-01")).toBeNull();
    expect(parseIsoDate("2021-1-1")).toBeNull();
    expect(isIsoDate("2021-09-30")).toBe(true);
    expect(isIsoDate("2021-09-31")).toBe(false);
  });

  it("pads years, months and days when writing ISO", () => {
    expect(toIsoDate({ year: 999, month: 1, day: 2 })).toBe("0999-01-02");
  });

  it("gives the Bangkok calendar date of an instant", () => {
    expect(bangkokDateOf(new Date("2021-12-31T17:00:00Z"))).toEqual({ year: 2022, month: 1, day: 1 });
  });
});

describe("parseThaiDate", () => {
  it("reads a B.E. year and converts it to C.E.", () => {
    expect(parseThaiDate("1/10/2563")).toEqual({ ok: true, value: "2020-10-01" });
  });

  it("reads a year below 2400 as C.E.", () => {
    expect(parseThaiDate("1/10/2020")).toEqual({ ok: true, value: "2020-10-01" });
  });

  it("treats 2400 itself as B.E.", () => {
    expect(parseThaiDate("1/1/2400")).toEqual({ ok: true, value: "1857-01-01" });
  });

  it("treats 2399 as C.E.", () => {
    expect(parseThaiDate("1/1/2399")).toEqual({ ok: true, value: "2399-01-01" });
  });

  it("accepts zero-padded days and months", () => {
    expect(parseThaiDate("01/02/2564")).toEqual({ ok: true, value: "2021-02-01" });
  });

  it("accepts Thai digits", () => {
    expect(parseThaiDate("๑/๑๐/๒๕๖๓")).toEqual({ ok: true, value: "2020-10-01" });
  });

  it("accepts dashes or dots as separators and surrounding spaces", () => {
    expect(parseThaiDate(" 15-8-2564 ")).toEqual({ ok: true, value: "2021-08-15" });
    expect(parseThaiDate("15.8.2564")).toEqual({ ok: true, value: "2021-08-15" });
  });

  it("accepts 29 February in a B.E. year whose C.E. year is a leap year", () => {
    // 2563 is not divisible by 4, but C.E. 2020 is a leap year: the C.E. year decides.
    expect(parseThaiDate("29/2/2563")).toEqual({ ok: true, value: "2020-02-29" });
  });

  it("rejects 29 February in a B.E. year whose C.E. year is not a leap year", () => {
    // 2564 is divisible by 4, but C.E. 2021 is not a leap year.
    expect(parseThaiDate("29/2/2564")).toEqual({ ok: false, reason: "not_a_date" });
  });

  it("rejects 29 February 1900 (B.E. 2443), a century that is not a leap year", () => {
    expect(parseThaiDate("29/2/2443")).toEqual({ ok: false, reason: "not_a_date" });
  });

  it("rejects 31 April and month 13", () => {
    expect(parseThaiDate("31/4/2564")).toEqual({ ok: false, reason: "not_a_date" });
    expect(parseThaiDate("1/13/2564")).toEqual({ ok: false, reason: "not_a_date" });
  });

  it("rejects day zero and year zero", () => {
    expect(parseThaiDate("0/1/2564")).toEqual({ ok: false, reason: "not_a_date" });
    expect(parseThaiDate("1/1/0000")).toEqual({ ok: false, reason: "not_a_date" });
  });

  it("rejects a two-digit year as ambiguous", () => {
    expect(parseThaiDate("1/10/63")).toEqual({ ok: false, reason: "malformed" });
  });

  it("rejects mixed separators, ISO and free text", () => {
    expect(parseThaiDate("1/10-2563")).toEqual({ ok: false, reason: "malformed" });
    expect(parseThaiDate("2020-10-01")).toEqual({ ok: false, reason: "malformed" });
    expect(parseThaiDate("1 ต.ค. 2563")).toEqual({ ok: false, reason: "malformed" });
  });

  it("reports an empty input as empty", () => {
    expect(parseThaiDate("  ")).toEqual({ ok: false, reason: "empty" });
  });
});

describe("formatThaiDate", () => {
  it("shows a B.E. year in Thai", () => {
    expect(formatThaiDate("2020-10-01", "th")).toBe("1 ต.ค. 2563");
  });

  it("shows the C.E. year in English, day first", () => {
    expect(formatThaiDate("2020-10-01", "en")).toBe("1 Oct 2020");
  });

  it("supports the long style in both languages", () => {
    expect(formatThaiDate("2021-09-30", "th", "long")).toBe("30 กันยายน 2564");
    expect(formatThaiDate("2021-09-30", "en", "long")).toBe("30 September 2021");
  });

  it("does not shift the day at the edges of the year", () => {
    expect(formatThaiDate("2020-12-31", "en", "long")).toBe("31 December 2020");
    expect(formatThaiDate("2021-01-01", "en", "long")).toBe("1 January 2021");
  });

  it("formats 29 February of a leap year", () => {
    expect(formatThaiDate("2020-02-29", "en", "long")).toBe("29 February 2020");
  });

  it("throws on a malformed ISO date", () => {
    expect(() => formatThaiDate("1/10/2563", "th")).toThrow(RangeError);
  });
});

describe("formatFiscalYear", () => {
  it("labels a fiscal year in Thai with its B.E. number", () => {
    expect(formatFiscalYear(2021, "th")).toBe("ปีงบประมาณ พ.ศ. 2564");
  });

  it("labels a fiscal year in English as FY and the C.E. number", () => {
    expect(formatFiscalYear(2021, "en")).toBe("FY2021");
  });
});
