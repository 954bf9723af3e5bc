import { describe, expect, it } from "vitest";
import { reportHref, reportYears } from "./report-links";

describe("reportYears", () => {
  it("lists the plan's fiscal years latest first", () => {
    expect(reportYears(2017, 2021)).toEqual([2021, 2020, 2019, 2018, 2017]);
  });

  it("lists one year for a one-year plan", () => {
    expect(reportYears(2022, 2022)).toEqual([2022]);
  });
});

describe("reportHref", () => {
  it("asks for the fiscal year's report in the interface's language", () => {
    expect(reportHref("7", 2021, "pdf", "th")).toBe("/api/plans/7/report.pdf?period=FY2021&locale=th");
    expect(reportHref("7", 2020, "xlsx", "en")).toBe("/api/plans/7/report.xlsx?period=FY2020&locale=en");
  });

  it("asks for unapproved values only when the reader chose them", () => {
    expect(reportHref("7", 2021, "xlsx", "th", true)).toBe(
      "/api/plans/7/report.xlsx?period=FY2021&locale=th&includeUnapproved=true",
    );
  });
});
