import { describe, expect, it } from "vitest";
import {
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearSpan,
  formatDate,
  formatDateTime,
  formatFiscalYear,
  formatNumber,
  formatYearSpan,
  parseDate,
  recentFiscalYears,
} from "./format";

describe("formatDate", () => {
  it("shows a Thai date in the Buddhist era", () => {
    const text = formatDate("2020-10-01", "th");
    expect(text).toContain("2563");
    expect(text).toContain("ต.ค.");
    expect(text).not.toContain("2020");
  });

  it("shows an English date day-month-year with a three-letter month", () => {
    expect(formatDate("2020-10-01", "en")).toBe("1 Oct 2020");
    expect(formatDate("2021-09-30", "en")).toBe("30 Sep 2021");
  });

  it("never shifts a calendar date with the time zone", () => {
    expect(formatDate("2021-01-01", "en", "America/Los_Angeles")).toBe("1 Jan 2021");
  });

  it("returns unparsable text unchanged", () => {
    expect(formatDate("not a date", "en")).toBe("not a date");
    expect(parseDate("nope")).toBeNull();
  });
});

describe("formatDateTime", () => {
  it("includes the time in the given zone", () => {
    expect(formatDateTime("2021-03-04T07:05:00Z", "en", "Asia/Bangkok")).toBe("4 Mar 2021, 14:05");
    expect(formatDateTime("2021-03-04T07:05:00Z", "th", "Asia/Bangkok")).toContain("2564");
  });
});

describe("fiscal year", () => {
  it("starts on 1 October of the previous calendar year", () => {
    expect(fiscalYearOf("2020-10-01")).toBe(2021);
    expect(fiscalYearOf("2020-09-30")).toBe(2020);
    expect(fiscalYearOf("2021-09-30")).toBe(2021);
  });

  it("runs FY2021 from 1 Oct 2020 to 30 Sep 2021", () => {
    expect(fiscalYearRange(2021)).toEqual({ start: "2020-10-01", end: "2021-09-30" });
  });

  it("labels FY2021 in English", () => {
    expect(formatFiscalYear(2021, "en")).toBe("FY2021 (1 Oct 2020 – 30 Sep 2021)");
  });

  it("labels FY2021 as B.E. 2564 in Thai", () => {
    expect(formatFiscalYear(2021, "th")).toBe("ปีงบประมาณ พ.ศ. 2564 (1 ต.ค. 2563 – 30 ก.ย. 2564)");
  });
});

describe("fiscalYearSpan", () => {
  it("names a multi-year plan by its fiscal years", () => {
    expect(fiscalYearSpan(2017, 2021, "en")).toBe("FY2017–FY2021");
    expect(fiscalYearSpan(2017, 2021, "th")).toBe("ปีงบประมาณ พ.ศ. 2560–2564");
    expect(fiscalYearSpan(2021, 2021, "en")).toBe("FY2021");
  });
});

describe("formatYearSpan", () => {
  it("shows the plan period in the locale's era", () => {
    expect(formatYearSpan("2017-01-01", "2021-12-31", "en")).toBe("2017–2021");
    expect(formatYearSpan("2017-01-01", "2021-12-31", "th")).toBe("พ.ศ. 2560–2564");
  });
});

describe("formatNumber", () => {
  it("groups thousands", () => {
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumber(1234567, "th")).toBe("1,234,567");
  });
});

describe("recentFiscalYears", () => {
  it("offers the current Thai fiscal year and the four before it, turning on 1 October in Bangkok", () => {
    expect(recentFiscalYears(new Date("2026-12-07T12:00:00Z"))).toEqual([2027, 2026, 2025, 2024, 2023]);
    expect(recentFiscalYears(new Date("2026-09-30T16:59:00Z"))[0]).toBe(2026);
    expect(recentFiscalYears(new Date("2026-09-30T17:00:00Z"))[0]).toBe(2027);
  });
});
