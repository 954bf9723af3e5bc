import { describe, expect, it } from "vitest";
import {
  fiscalPeriodKeys,
  comparePeriodKeys,
  formatPeriod,
  parsePeriodKey,
  parsePeriodText,
  periodKey,
  periodOfDate,
  periodRange,
  previousPeriod,
} from "./period.ts";

describe("period keys", () => {
  it("reads and writes fiscal years, calendar years and fiscal quarters", () => {
    for (const key of ["FY2021", "CY2021", "FY2021-Q1", "FY2021-Q4"]) {
      const period = parsePeriodKey(key);
      expect(period).not.toBeNull();
      if (period) expect(periodKey(period)).toBe(key);
    }
  });

  it("refuses calendar quarters, quarter 5, B.E. years and junk", () => {
    for (const key of ["CY2021-Q1", "FY2021-Q5", "FY2564", "fy2021", "2021", "FY21", ""]) {
      expect(parsePeriodKey(key)).toBeNull();
    }
  });
});

describe("periodOfDate", () => {
  it("puts 30 September in the ending fiscal year and 1 October in the next", () => {
    expect(periodKey(periodOfDate("2020-09-30", "fiscal_year"))).toBe("FY2020");
    expect(periodKey(periodOfDate("2020-10-01", "fiscal_year"))).toBe("FY2021");
  });

  it("counts fiscal quarters from October", () => {
    expect(periodKey(periodOfDate("2020-10-01", "fiscal_quarter"))).toBe("FY2021-Q1");
    expect(periodKey(periodOfDate("2020-12-31", "fiscal_quarter"))).toBe("FY2021-Q1");
    expect(periodKey(periodOfDate("2021-01-01", "fiscal_quarter"))).toBe("FY2021-Q2");
    expect(periodKey(periodOfDate("2021-06-30", "fiscal_quarter"))).toBe("FY2021-Q3");
    expect(periodKey(periodOfDate("2021-09-30", "fiscal_quarter"))).toBe("FY2021-Q4");
  });

  it("gives the calendar year of late-year dates, not the fiscal one", () => {
    expect(periodKey(periodOfDate("2020-11-15", "calendar_year"))).toBe("CY2020");
    expect(periodKey(periodOfDate("2021-02-28", "calendar_year"))).toBe("CY2021");
  });

  it("reads an instant in Bangkok time: 30 Sep 17:30 UTC is already 1 Oct in Thailand", () => {
    expect(periodKey(periodOfDate(new Date("2020-09-30T17:30:00Z"), "fiscal_year"))).toBe("FY2021");
    expect(periodKey(periodOfDate(new Date("2020-09-30T16:30:00Z"), "fiscal_year"))).toBe("FY2020");
  });
});

describe("periodRange and previousPeriod", () => {
  it("gives inclusive ranges", () => {
    expect(periodRange({ type: "fiscal_year", year: 2021 })).toEqual({ start: "2020-10-01", end: "2021-09-30" });
    expect(periodRange({ type: "fiscal_quarter", year: 2021, quarter: 2 })).toEqual({
      start: "2021-01-01",
      end: "2021-03-31",
    });
    expect(periodRange({ type: "calendar_year", year: 2024 })).toEqual({ start: "2024-01-01", end: "2024-12-31" });
  });

  it("steps back one period of the same type, across the year for Q1", () => {
    expect(periodKey(previousPeriod({ type: "fiscal_year", year: 2021 }))).toBe("FY2020");
    expect(periodKey(previousPeriod({ type: "fiscal_quarter", year: 2021, quarter: 1 }))).toBe("FY2020-Q4");
    expect(periodKey(previousPeriod({ type: "fiscal_quarter", year: 2021, quarter: 3 }))).toBe("FY2021-Q2");
    expect(periodKey(previousPeriod({ type: "calendar_year", year: 2021 }))).toBe("CY2020");
  });
});

describe("comparePeriodKeys", () => {
  it("sorts quarters in time order and years numerically", () => {
    const keys = ["FY2021-Q2", "FY2020-Q4", "FY2021-Q1", "FY2022", "FY2021"];
    expect([...keys].sort(comparePeriodKeys)).toEqual(["FY2021", "FY2022", "FY2020-Q4", "FY2021-Q1", "FY2021-Q2"]);
  });
});

describe("formatPeriod", () => {
  it("shows B.E. in Thai and C.E. in English", () => {
    expect(formatPeriod({ type: "fiscal_year", year: 2021 }, "th")).toBe("ปีงบประมาณ พ.ศ. 2564");
    expect(formatPeriod({ type: "fiscal_year", year: 2021 }, "en")).toBe("FY2021");
    expect(formatPeriod({ type: "fiscal_quarter", year: 2021, quarter: 1 }, "th")).toBe("ไตรมาส 1 ปีงบประมาณ พ.ศ. 2564");
    expect(formatPeriod({ type: "calendar_year", year: 2021 }, "en")).toBe("2021");
  });
});

describe("parsePeriodText", () => {
  const key = (text: string, bare?: "fiscal_year" | "calendar_year") => {
    const period = parsePeriodText(text, bare);
    return period ? periodKey(period) : null;
  };

  it("reads keys, Thai fiscal years in B.E. and Thai digits", () => {
    expect(key("FY2021-Q1")).toBe("FY2021-Q1");
    expect(key("fy2021")).toBe("FY2021");
    expect(key("ปีงบประมาณ 2564")).toBe("FY2021");
    expect(key("ปีงบประมาณ พ.ศ. 2564")).toBe("FY2021");
    expect(key("ปีงบ ๒๕๖๔")).toBe("FY2021");
  });

  it("reads quarters written several ways", () => {
    expect(key("Q1 2564")).toBe("FY2021-Q1");
    expect(key("ไตรมาส 2/2564")).toBe("FY2021-Q2");
    expect(key("ไตรมาสที่ 3 ปีงบประมาณ 2564")).toBe("FY2021-Q3");
    expect(key("FY2021 Q4")).toBe("FY2021-Q4");
  });

  it("reads a bare year as the import chooses, and พ.ศ. as a calendar year", () => {
    expect(key("2564")).toBe("FY2021");
    expect(key("2021", "calendar_year")).toBe("CY2021");
    expect(key("พ.ศ. 2564")).toBe("CY2021");
    expect(key("CY2021")).toBe("CY2021");
  });

  it("returns null for text that names no period", () => {
    for (const text of ["", "next year", "Q5 2021", "21", "ไตรมาส"]) expect(key(text)).toBeNull();
  });
});

describe("fiscalPeriodKeys", () => {
  it("lists fiscal years oldest first", () => {
    expect(fiscalPeriodKeys(2021, 2023)).toEqual(["FY2021", "FY2022", "FY2023"]);
  });

  it("follows each year by its quarters when asked", () => {
    expect(fiscalPeriodKeys(2021, 2021, { quarters: true })).toEqual([
      "FY2021",
      "FY2021-Q1",
      "FY2021-Q2",
      "FY2021-Q3",
      "FY2021-Q4",
    ]);
  });

  it("keeps a chosen key that falls outside, first, and ignores one already listed or not a key", () => {
    expect(fiscalPeriodKeys(2021, 2022, { keep: "CY2020" })).toEqual(["CY2020", "FY2021", "FY2022"]);
    expect(fiscalPeriodKeys(2021, 2022, { keep: "FY2022" })).toEqual(["FY2021", "FY2022"]);
    expect(fiscalPeriodKeys(2021, 2022, { keep: "2564" })).toEqual(["FY2021", "FY2022"]);
    expect(fiscalPeriodKeys(2021, 2022, { keep: null })).toEqual(["FY2021", "FY2022"]);
  });

  it("is empty when the span is reversed", () => {
    expect(fiscalPeriodKeys(2022, 2021)).toEqual([]);
  });
});
