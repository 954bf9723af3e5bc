import { describe, expect, it } from "vitest";
import {
  breakdownChoices,
  breakdownText,
  defaultOrgLevel,
  EMPTY_DRAFT,
  lockedBy,
  periodChoices,
  periodLabel,
  previewRatio,
  readNumber,
  rowErrors,
  rowPayload,
} from "./model";

describe("indicator-values model", () => {
  it("labels periods with B.E. fiscal years in Thai and C.E. in English", () => {
    expect(periodLabel("FY2021", "th")).toBe("ปีงบประมาณ พ.ศ. 2564");
    expect(periodLabel("FY2021-Q1", "th")).toBe("ไตรมาส 1 ปีงบประมาณ พ.ศ. 2564");
    expect(periodLabel("FY2021", "en")).toBe("FY2021");
    expect(periodChoices(2020, 2021)).toEqual(["FY2021", "FY2020"]);
  });

  it("treats a fiscal-year lock as locking its quarters", () => {
    expect(lockedBy("FY2021-Q2", ["FY2021"])).toBe("FY2021");
    expect(lockedBy("FY2022", ["FY2021"])).toBeNull();
  });

  it("sends numerator and denominator for a ratio row and a value otherwise, reading Thai digits and commas", () => {
    expect(readNumber("๑,๒๐๐.5")).toBe(1200.5);
    expect(rowPayload("ratio", { ...EMPTY_DRAFT, numerator: "45", denominator: "60" })).toEqual({
      numerator: 45,
      denominator: 60,
      source: null,
      note: null,
      evidenceUrl: null,
    });
    expect(rowPayload("sum", { ...EMPTY_DRAFT, value: "-3" })).toEqual({
      value: -3,
      source: null,
      note: null,
      evidenceUrl: null,
    });
    expect(rowPayload("sum", EMPTY_DRAFT)).toBeNull();
    expect(rowPayload("sum", { ...EMPTY_DRAFT, value: "abc" })).toMatchObject({ value: "abc" });
    expect(previewRatio({ ...EMPTY_DRAFT, numerator: "45", denominator: "60" }, 100)).toBe(75);
    expect(previewRatio({ ...EMPTY_DRAFT, numerator: "45", denominator: "0" }, 100)).toBeNull();
  });

  it("places the server's per-row errors by row index and field", () => {
    const byRow = rowErrors([
      { path: "rows.1.denominator", message: "must not be 0" },
      { path: "rows.1.breakdown.stage", message: "x" },
      { path: "note", message: "y" },
    ]);
    expect([...byRow]).toEqual([[1, { denominator: "must not be 0", "breakdown.stage": "x" }]]);
    expect(breakdownChoices(["stage"])).toEqual(["", "stage=upstream", "stage=midstream", "stage=downstream"]);
  });

  it("shows a breakdown in words, dimension by dimension, the total as such, and an unknown code as is", () => {
    const words = {
      dimension: (code: string) => ({ size_class: "Size class", stage: "Value-chain stage" })[code] ?? null,
      option: (code: string) => ({ small: "Small", upstream: "Upstream" })[code] ?? null,
      total: "Total",
    };
    expect(breakdownText("size_class=small", words)).toBe("Size class: Small");
    expect(breakdownText("size_class=small;stage=upstream", words)).toBe(
      "Size class: Small, Value-chain stage: Upstream",
    );
    expect(breakdownText("", words)).toBe("Total");
    expect(breakdownText("colour=blue", words)).toBe("colour: blue");
  });

  it("opens a cluster plan's grid at its cluster, a programme plan's at its programme, any other plan's at provinces", () => {
    expect(defaultOrgLevel({ clusterId: "7", programmeId: null })).toBe("cluster");
    expect(defaultOrgLevel({ clusterId: null, programmeId: "3" })).toBe("programme");
    expect(defaultOrgLevel({ clusterId: null, programmeId: null })).toBe("province");
  });
});
