import { describe, it, expect } from "vitest";
import type {
  AbsoluteTarget,
  BandTarget,
  ChangeTarget,
  DirectionTarget,
  RangeTarget,
  ShareTarget,
  Target,
} from "./target.ts";
import {
  achievementReasons,
  assessAchievement,
  formatTarget,
  isAchievementReason,
  isTarget,
  parseTarget,
} from "./target.ts";

const increasePercent = (min: number, max: number | null = null): ChangeTarget => ({
  kind: "change",
  direction: "increase",
  measure: "percent",
  against: "previous_period",
  min,
  max,
});

const significantIncrease: DirectionTarget = {
  kind: "direction",
  direction: "increase",
  significant: true,
  threshold: null,
};

describe("parseTarget — the targets of the 2017-2021 provincial cluster trade plan", () => {
  it.each<[string, Target]>([
    ["expansion significantly", significantIncrease],
    ["Number of registration increase 1-2%", increasePercent(1, 2)],
    ["increasing significantly", significantIncrease],
    [
      "In line with inflation rate targeted by Monetary Policy Committee for each year. Currently, target on medium term is at 2.5% (+/- 1.5%)",
      { kind: "band", reference: 2.5, tolerance: 1.5, unit: "%" },
    ],
    ["proportion increase significantly", significantIncrease],
    ["80-90%", { kind: "range", min: 80, max: 90, better: "higher", unit: "%" }],
    ["increase 5%", increasePercent(5)],
    ["Increasing significantly", significantIncrease],
    ["90-100% achieve the criteria set.", { kind: "share", min: 90, max: 100 }],
    ["80%", { kind: "absolute", comparator: ">=", value: 80, unit: "%" }],
  ])("reads %j", (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it("reads the target text as laid out over two lines in the plan", () => {
    expect(parseTarget("Number of registration\n\nincrease 1-2%")).toEqual(increasePercent(1, 2));
    expect(parseTarget("90-100%\nachieve the criteria set.")).toEqual({ kind: "share", min: 90, max: 100 });
  });
});

describe("parseTarget — Thai", () => {
  it("reads เพิ่มขึ้นร้อยละ 5 as a 5 % increase", () => {
    expect(parseTarget("เพิ่มขึ้นร้อยละ 5")).toEqual(increasePercent(5));
  });

  it("reads ร้อยละ 80-90 as a percentage range", () => {
    expect(parseTarget("ร้อยละ 80-90")).toEqual({ kind: "range", min: 80, max: 90, better: "higher", unit: "%" });
  });

  it("reads เพิ่มขึ้นอย่างมีนัยสำคัญ as a significant increase without threshold", () => {
    expect(parseTarget("เพิ่มขึ้นอย่างมีนัยสำคัญ")).toEqual(significantIncrease);
  });

  it("reads Thai digits", () => {
    expect(parseTarget("เพิ่มขึ้นร้อยละ ๑-๒")).toEqual(increasePercent(1, 2));
  });

  it("reads ลดลงร้อยละ 10 จากปีฐาน as a decrease against the baseline", () => {
    expect(parseTarget("ลดลงร้อยละ 10 จากปีฐาน")).toEqual({
      kind: "change",
      direction: "decrease",
      measure: "percent",
      against: "baseline",
      min: 10,
      max: null,
    });
  });

  it("reads ไม่น้อยกว่าร้อยละ 80 as at least 80 %", () => {
    expect(parseTarget("ไม่น้อยกว่าร้อยละ 80")).toEqual({ kind: "absolute", comparator: ">=", value: 80, unit: "%" });
  });

  it("reads ไม่เกินร้อยละ 5 as at most 5 %", () => {
    expect(parseTarget("ไม่เกินร้อยละ 5")).toEqual({ kind: "absolute", comparator: "<=", value: 5, unit: "%" });
  });

  it("reads เพิ่มขึ้นเป็นร้อยละ 80 as a level to reach, not a change", () => {
    expect(parseTarget("เพิ่มขึ้นเป็นร้อยละ 80")).toEqual({ kind: "absolute", comparator: ">=", value: 80, unit: "%" });
  });

  it("reads ผ่านเกณฑ์ร้อยละ 80 as a share of at least 80 %", () => {
    expect(parseTarget("ผ่านเกณฑ์ร้อยละ 80")).toEqual({ kind: "share", min: 80, max: 100 });
  });

  it("reads ร้อยละ 2.5 (± 1.5) as a band", () => {
    expect(parseTarget("ร้อยละ 2.5 (± 1.5)")).toEqual({ kind: "band", reference: 2.5, tolerance: 1.5, unit: "%" });
  });

  it("reads ลดลงอย่างมีนัยสำคัญ as a significant decrease", () => {
    expect(parseTarget("ลดลงอย่างมีนัยสำคัญ")).toEqual({ ...significantIncrease, direction: "decrease" });
  });

  it("reads an increase in จุด as a difference", () => {
    expect(parseTarget("เพิ่มขึ้น 2 จุด")).toEqual({ ...increasePercent(2), measure: "difference" });
  });

  it("ignores a B.E. year mentioned in the text", () => {
    expect(parseTarget("เพิ่มขึ้นร้อยละ 5 ภายในปี 2564")).toEqual(increasePercent(5));
  });
});

describe("parseTarget — other forms", () => {
  it("reads a plain number as at least that number", () => {
    expect(parseTarget("1,200")).toEqual({ kind: "absolute", comparator: ">=", value: 1200, unit: null });
    expect(parseTarget("34")).toEqual({ kind: "absolute", comparator: ">=", value: 34, unit: null });
  });

  it("reads a plain number with a count word", () => {
    expect(parseTarget("680 ราย")).toEqual({ kind: "absolute", comparator: ">=", value: 680, unit: null });
  });

  it("reads a decimal and a percent written out", () => {
    expect(parseTarget("2.5 percent")).toEqual({ kind: "absolute", comparator: ">=", value: 2.5, unit: "%" });
  });

  it("reads ≥, >= and at least alike", () => {
    const expected: AbsoluteTarget = { kind: "absolute", comparator: ">=", value: 80, unit: "%" };
    expect(parseTarget("≥ 80%")).toEqual(expected);
    expect(parseTarget(">= 80%")).toEqual(expected);
    expect(parseTarget("at least 80%")).toEqual(expected);
    expect(parseTarget("not less than 80%")).toEqual(expected);
  });

  it("reads not lower than as a level, not as a decrease", () => {
    expect(parseTarget("not lower than 80%")).toEqual({ kind: "absolute", comparator: ">=", value: 80, unit: "%" });
  });

  it("reads ≤ and at most as a ceiling for a decreasing indicator", () => {
    const expected: AbsoluteTarget = { kind: "absolute", comparator: "<=", value: 3, unit: "%" };
    expect(parseTarget("≤ 3%")).toEqual(expected);
    expect(parseTarget("at most 3%")).toEqual(expected);
    expect(parseTarget("not exceeding 3%")).toEqual(expected);
  });

  it("reads a negative level only with comparison words", () => {
    expect(parseTarget("at least -1.5")).toEqual({ kind: "absolute", comparator: ">=", value: -1.5, unit: null });
  });

  it("reads a leading plus or minus sign as a change", () => {
    expect(parseTarget("+5%")).toEqual(increasePercent(5));
    expect(parseTarget("+1-2%")).toEqual(increasePercent(1, 2));
    expect(parseTarget("-3%")).toEqual({ ...increasePercent(3), direction: "decrease" });
  });

  it("reads between … and … as a range", () => {
    expect(parseTarget("between 80 and 90%")).toEqual({ kind: "range", min: 80, max: 90, better: "higher", unit: "%" });
  });

  it("puts a reversed range in order", () => {
    expect(parseTarget("90-80%")).toEqual({ kind: "range", min: 80, max: 90, better: "higher", unit: "%" });
  });

  it("reads percentage points as a difference, not a percent change", () => {
    expect(parseTarget("increase 2 percentage points")).toEqual({ ...increasePercent(2), measure: "difference" });
  });

  it("reads a change against a baseline", () => {
    expect(parseTarget("increase 10% from the baseline")).toEqual({ ...increasePercent(10), against: "baseline" });
  });

  it("reads increase to 80% as a level to reach", () => {
    expect(parseTarget("increase to 80%")).toEqual({ kind: "absolute", comparator: ">=", value: 80, unit: "%" });
  });

  it("reads reduce to 5% as a ceiling", () => {
    expect(parseTarget("reduce to 5%")).toEqual({ kind: "absolute", comparator: "<=", value: 5, unit: "%" });
  });

  it("ignores a year the change is due by", () => {
    expect(parseTarget("increase 5% by 2021")).toEqual(increasePercent(5));
  });

  it("reads a bare increase as a direction that is not significant", () => {
    expect(parseTarget("increase")).toEqual({ ...significantIncrease, significant: false });
  });

  it("reads a band written with ± and without percent", () => {
    expect(parseTarget("100 ± 5")).toEqual({ kind: "band", reference: 100, tolerance: 5, unit: null });
  });

  it("reads a band around a negative reference", () => {
    expect(parseTarget("-0.5% +/- 1%")).toEqual({ kind: "band", reference: -0.5, tolerance: 1, unit: "%" });
  });

  it("reads meet the criteria as a share", () => {
    expect(parseTarget("80% of firms meet the standard")).toEqual({ kind: "share", min: 80, max: 100 });
  });
});

describe("parseTarget — texts without a structured form", () => {
  it.each([
    "",
    "   ",
    "to be determined",
    "n/a",
    "In line with inflation rate targeted by Monetary Policy Committee",
    "Top 3 in ASEAN",
    "increase sales and reduce costs",
    "increase by at most 5%",
    "at least 80% and at most 90%",
    "150% meet the criteria",
    "achieve the criteria",
  ])("returns null for %j", (text) => {
    expect(parseTarget(text)).toBeNull();
  });
});

describe("isTarget", () => {
  it("accepts every target parseTarget produces, after a JSON round trip", () => {
    for (const text of [
      "80%",
      "80-90%",
      "increase 1-2%",
      "2.5% (+/- 1.5%)",
      "90-100% achieve the criteria",
      "increase significantly",
    ]) {
      const target = parseTarget(text);
      expect(target, text).not.toBeNull();
      expect(isTarget(JSON.parse(JSON.stringify(target))), text).toBe(true);
    }
  });

  it("accepts a direction target with a threshold", () => {
    expect(
      isTarget({ ...significantIncrease, threshold: { measure: "percent", against: "previous_period", amount: 10 } }),
    ).toBe(true);
  });

  it("rejects a range whose minimum exceeds its maximum", () => {
    expect(isTarget({ kind: "range", min: 90, max: 80, better: "higher", unit: "%" })).toBe(false);
  });

  it("rejects a negative tolerance", () => {
    expect(isTarget({ kind: "band", reference: 2.5, tolerance: -1, unit: "%" })).toBe(false);
  });

  it("rejects a share above 100 %", () => {
    expect(isTarget({ kind: "share", min: 90, max: 110 })).toBe(false);
  });

  it("rejects an unknown kind, a missing field and non-objects", () => {
    expect(isTarget({ kind: "mystery" })).toBe(false);
    expect(isTarget({ kind: "absolute", comparator: ">=", unit: null })).toBe(false);
    expect(isTarget(null)).toBe(false);
    expect(isTarget("80%")).toBe(false);
    expect(isTarget([])).toBe(false);
  });

  it("rejects a missing unit and a malformed threshold", () => {
    expect(isTarget({ kind: "absolute", comparator: ">=", value: 80 })).toBe(false);
    expect(isTarget({ ...significantIncrease, threshold: { amount: 5 } })).toBe(false);
  });

  it("rejects a change whose maximum is below its minimum", () => {
    expect(isTarget(increasePercent(2, 1))).toBe(false);
  });
});

describe("assessAchievement — absolute", () => {
  const atLeast80: AbsoluteTarget = { kind: "absolute", comparator: ">=", value: 80, unit: "%" };
  const atMost3: AbsoluteTarget = { kind: "absolute", comparator: "<=", value: 3, unit: "%" };

  it("achieves at exactly the bar", () => {
    expect(assessAchievement(atLeast80, { value: 80 })).toEqual({
      status: "achieved",
      reason: "target_met",
      figure: 80,
    });
  });

  it("achieves above the bar", () => {
    expect(assessAchievement(atLeast80, { value: 95 }).status).toBe("achieved");
  });

  it("partly achieves within 10 % of the bar, boundary included", () => {
    expect(assessAchievement(atLeast80, { value: 72 })).toEqual({
      status: "partly_achieved",
      reason: "within_tolerance",
      figure: 72,
    });
    expect(assessAchievement(atLeast80, { value: 79.99 }).status).toBe("partly_achieved");
  });

  it("does not achieve below 90 % of the bar", () => {
    expect(assessAchievement(atLeast80, { value: 71.99 })).toEqual({
      status: "not_achieved",
      reason: "short_of_target",
      figure: 71.99,
    });
  });

  it("achieves a ceiling at or under it", () => {
    expect(assessAchievement(atMost3, { value: 3 }).status).toBe("achieved");
    expect(assessAchievement(atMost3, { value: 0 }).status).toBe("achieved");
  });

  it("partly achieves a ceiling exceeded by at most 10 %", () => {
    expect(assessAchievement(atMost3, { value: 3.3 }).status).toBe("partly_achieved");
    expect(assessAchievement(atMost3, { value: 3.31 }).status).toBe("not_achieved");
  });

  it("reports no data without a current value", () => {
    expect(assessAchievement(atLeast80, {})).toEqual({ status: "no_data", reason: "missing_value", figure: null });
    expect(assessAchievement(atLeast80, { value: null })).toEqual({
      status: "no_data",
      reason: "missing_value",
      figure: null,
    });
    expect(assessAchievement(atLeast80, { value: Number.NaN }).status).toBe("no_data");
  });

  it("has no partial zone for a bar of zero", () => {
    const atLeastZero: AbsoluteTarget = { kind: "absolute", comparator: ">=", value: 0, unit: null };
    expect(assessAchievement(atLeastZero, { value: 0 }).status).toBe("achieved");
    expect(assessAchievement(atLeastZero, { value: -0.01 }).status).toBe("not_achieved");
  });

  it("measures the tolerance on the magnitude of a negative bar", () => {
    const atLeastMinus10: AbsoluteTarget = { kind: "absolute", comparator: ">=", value: -10, unit: null };
    expect(assessAchievement(atLeastMinus10, { value: -11 }).status).toBe("partly_achieved");
    expect(assessAchievement(atLeastMinus10, { value: -11.5 }).status).toBe("not_achieved");
  });
});

describe("assessAchievement — range", () => {
  const satisfaction: RangeTarget = { kind: "range", min: 80, max: 90, better: "higher", unit: "%" };

  it("achieves at the lower bound", () => {
    expect(assessAchievement(satisfaction, { value: 80 })).toEqual({
      status: "achieved",
      reason: "within_range",
      figure: 80,
    });
  });

  it("achieves at the upper bound", () => {
    expect(assessAchievement(satisfaction, { value: 90 })).toEqual({
      status: "achieved",
      reason: "within_range",
      figure: 90,
    });
  });

  it("achieves above the range when higher is better, saying so", () => {
    expect(assessAchievement(satisfaction, { value: 95 })).toEqual({
      status: "achieved",
      reason: "beyond_range",
      figure: 95,
    });
  });

  it("partly achieves within 10 % under the lower bound", () => {
    expect(assessAchievement(satisfaction, { value: 72 }).status).toBe("partly_achieved");
  });

  it("does not achieve further below", () => {
    expect(assessAchievement(satisfaction, { value: 71.9 }).status).toBe("not_achieved");
  });

  it("mirrors the rule when lower is better", () => {
    const cost: RangeTarget = { kind: "range", min: 10, max: 20, better: "lower", unit: null };
    expect(assessAchievement(cost, { value: 15 })).toEqual({ status: "achieved", reason: "within_range", figure: 15 });
    expect(assessAchievement(cost, { value: 5 })).toEqual({ status: "achieved", reason: "beyond_range", figure: 5 });
    expect(assessAchievement(cost, { value: 22 }).status).toBe("partly_achieved");
    expect(assessAchievement(cost, { value: 22.1 }).status).toBe("not_achieved");
  });

  it("reports no data without a value", () => {
    expect(assessAchievement(satisfaction, { previousValue: 85 }).status).toBe("no_data");
  });
});

describe("assessAchievement — change against the previous period", () => {
  const registrations = increasePercent(1, 2);

  it("achieves exactly at the lower bound of the change", () => {
    expect(assessAchievement(registrations, { value: 101, previousValue: 100 })).toEqual({
      status: "achieved",
      reason: "within_range",
      figure: 1,
    });
  });

  it("achieves exactly at the upper bound of the change", () => {
    expect(assessAchievement(registrations, { value: 102, previousValue: 100 })).toEqual({
      status: "achieved",
      reason: "within_range",
      figure: 2,
    });
  });

  it("achieves above the range, saying so", () => {
    expect(assessAchievement(registrations, { value: 110, previousValue: 100 })).toEqual({
      status: "achieved",
      reason: "beyond_range",
      figure: 10,
    });
  });

  it("is not fooled by floating-point noise at a boundary", () => {
    // (1.01 − 1) / 1 × 100 is 1.0000000000000009 in binary floating point.
    expect(assessAchievement(registrations, { value: 1.01, previousValue: 1 })).toMatchObject({
      status: "achieved",
      figure: 1,
    });
    // (0.3 − 0.2) / 0.2 × 100 is 49.99999999999999.
    expect(assessAchievement(increasePercent(50), { value: 0.3, previousValue: 0.2 })).toMatchObject({
      status: "achieved",
      figure: 50,
    });
  });

  it("partly achieves a rise smaller than the target", () => {
    expect(assessAchievement(registrations, { value: 100.5, previousValue: 100 })).toEqual({
      status: "partly_achieved",
      reason: "right_direction",
      figure: 0.5,
    });
  });

  it("does not achieve with no change", () => {
    expect(assessAchievement(registrations, { value: 100, previousValue: 100 })).toEqual({
      status: "not_achieved",
      reason: "no_progress",
      figure: 0,
    });
  });

  it("does not achieve with a negative change, reporting it as negative", () => {
    expect(assessAchievement(increasePercent(5), { value: 90, previousValue: 100 })).toEqual({
      status: "not_achieved",
      reason: "no_progress",
      figure: -10,
    });
  });

  it("divides by the magnitude of a negative previous value", () => {
    // A loss of 100 turning into a loss of 50 is a rise of 50 %.
    expect(assessAchievement(increasePercent(5), { value: -50, previousValue: -100 })).toEqual({
      status: "achieved",
      reason: "target_met",
      figure: 50,
    });
  });

  it("is not assessable without the previous period's value", () => {
    expect(assessAchievement(increasePercent(5), { value: 105 })).toEqual({
      status: "not_assessable",
      reason: "missing_previous_value",
      figure: null,
    });
    expect(assessAchievement(increasePercent(5), { value: 105, previousValue: null }).reason).toBe(
      "missing_previous_value",
    );
  });

  it("is not assessable when the previous value is zero", () => {
    expect(assessAchievement(increasePercent(5), { value: 10, previousValue: 0 })).toEqual({
      status: "not_assessable",
      reason: "zero_previous_value",
      figure: null,
    });
  });

  it("reports no data before looking at the previous value", () => {
    expect(assessAchievement(increasePercent(5), { previousValue: 100 })).toEqual({
      status: "no_data",
      reason: "missing_value",
      figure: null,
    });
  });

  it("ignores a baseline when the target is against the previous period", () => {
    expect(assessAchievement(increasePercent(5), { value: 105, baselineValue: 100 }).reason).toBe(
      "missing_previous_value",
    );
  });
});

describe("assessAchievement — change against a baseline, decreases and differences", () => {
  const fromBaseline: ChangeTarget = { ...increasePercent(10), against: "baseline" };
  const decrease10: ChangeTarget = { ...increasePercent(10), direction: "decrease" };
  const plus2Points: ChangeTarget = { ...increasePercent(2), measure: "difference" };

  it("compares with the baseline, not the previous period", () => {
    expect(assessAchievement(fromBaseline, { value: 110, previousValue: 109, baselineValue: 100 })).toEqual({
      status: "achieved",
      reason: "target_met",
      figure: 10,
    });
  });

  it("is not assessable without a baseline", () => {
    expect(assessAchievement(fromBaseline, { value: 110, previousValue: 100 })).toEqual({
      status: "not_assessable",
      reason: "missing_baseline_value",
      figure: null,
    });
  });

  it("is not assessable with a zero baseline", () => {
    expect(assessAchievement(fromBaseline, { value: 5, baselineValue: 0 }).reason).toBe("zero_baseline_value");
  });

  it("achieves a decrease target with a large enough fall", () => {
    expect(assessAchievement(decrease10, { value: 90, previousValue: 100 })).toEqual({
      status: "achieved",
      reason: "target_met",
      figure: -10,
    });
  });

  it("partly achieves a decrease target with a small fall", () => {
    expect(assessAchievement(decrease10, { value: 95, previousValue: 100 }).status).toBe("partly_achieved");
  });

  it("does not achieve a decrease target when the value rises", () => {
    expect(assessAchievement(decrease10, { value: 105, previousValue: 100 })).toEqual({
      status: "not_achieved",
      reason: "no_progress",
      figure: 5,
    });
  });

  it("measures a difference target in the indicator's unit", () => {
    expect(assessAchievement(plus2Points, { value: 37, previousValue: 35 })).toEqual({
      status: "achieved",
      reason: "target_met",
      figure: 2,
    });
    expect(assessAchievement(plus2Points, { value: 36, previousValue: 35 }).status).toBe("partly_achieved");
  });

  it("accepts a zero previous value for a difference target", () => {
    expect(assessAchievement(plus2Points, { value: 3, previousValue: 0 })).toMatchObject({
      status: "achieved",
      figure: 3,
    });
  });
});

describe("assessAchievement — band", () => {
  const inflation: BandTarget = { kind: "band", reference: 2.5, tolerance: 1.5, unit: "%" };

  it("achieves at the reference", () => {
    expect(assessAchievement(inflation, { value: 2.5 })).toEqual({
      status: "achieved",
      reason: "inside_band",
      figure: 2.5,
    });
  });

  it("achieves exactly on both edges", () => {
    expect(assessAchievement(inflation, { value: 1 }).status).toBe("achieved");
    expect(assessAchievement(inflation, { value: 4 }).status).toBe("achieved");
  });

  it("does not achieve just below the band", () => {
    expect(assessAchievement(inflation, { value: 0.99 })).toEqual({
      status: "not_achieved",
      reason: "below_band",
      figure: 0.99,
    });
  });

  it("does not achieve just above the band", () => {
    expect(assessAchievement(inflation, { value: 4.01 })).toEqual({
      status: "not_achieved",
      reason: "above_band",
      figure: 4.01,
    });
  });

  it("treats deflation as below the band", () => {
    expect(assessAchievement(inflation, { value: -0.5 }).reason).toBe("below_band");
  });

  it("handles edges that are not exact in binary floating point", () => {
    const band: BandTarget = { kind: "band", reference: 0.3, tolerance: 0.1, unit: "%" };
    expect(assessAchievement(band, { value: 0.2 }).status).toBe("achieved");
    expect(assessAchievement(band, { value: 0.4 }).status).toBe("achieved");
  });

  it("reports no data without a value", () => {
    expect(assessAchievement(inflation, {}).status).toBe("no_data");
  });
});

describe("assessAchievement — share of units meeting a criterion", () => {
  const trained: ShareTarget = { kind: "share", min: 90, max: 100 };

  it("computes the share from the counts and achieves at the lower bound", () => {
    expect(assessAchievement(trained, { unitsMeeting: 45, unitsTotal: 50 })).toEqual({
      status: "achieved",
      reason: "target_met",
      figure: 90,
    });
  });

  it("achieves when every unit meets the criterion", () => {
    expect(assessAchievement(trained, { unitsMeeting: 50, unitsTotal: 50 })).toMatchObject({
      status: "achieved",
      figure: 100,
    });
  });

  it("partly achieves within 10 % below the lower bound", () => {
    expect(assessAchievement(trained, { unitsMeeting: 81, unitsTotal: 100 })).toMatchObject({
      status: "partly_achieved",
      figure: 81,
    });
  });

  it("does not achieve further below", () => {
    expect(assessAchievement(trained, { unitsMeeting: 80, unitsTotal: 100 })).toMatchObject({
      status: "not_achieved",
      reason: "short_of_target",
      figure: 80,
    });
  });

  it("computes a share that is not a round number without noise", () => {
    expect(assessAchievement(trained, { unitsMeeting: 2, unitsTotal: 3 }).figure).toBe(66.6666666667);
  });

  it("prefers the counts over a reported percentage", () => {
    expect(assessAchievement(trained, { value: 95, unitsMeeting: 40, unitsTotal: 50 }).figure).toBe(80);
  });

  it("uses the value as the share when counts are not given", () => {
    expect(assessAchievement(trained, { value: 92 })).toMatchObject({ status: "achieved", figure: 92 });
  });

  it("is not assessable with no units", () => {
    expect(assessAchievement(trained, { unitsMeeting: 0, unitsTotal: 0 })).toEqual({
      status: "not_assessable",
      reason: "no_units",
      figure: null,
    });
  });

  it("is not assessable when more units meet the criterion than exist", () => {
    expect(assessAchievement(trained, { unitsMeeting: 51, unitsTotal: 50 }).reason).toBe("invalid_counts");
    expect(assessAchievement(trained, { unitsMeeting: -1, unitsTotal: 50 }).reason).toBe("invalid_counts");
  });

  it("reports no data with neither counts nor value", () => {
    expect(assessAchievement(trained, {})).toEqual({ status: "no_data", reason: "missing_value", figure: null });
    expect(assessAchievement(trained, { unitsMeeting: 3 }).status).toBe("no_data");
  });
});

describe("assessAchievement — direction only", () => {
  it("is not assessable without a threshold, even with data", () => {
    expect(assessAchievement(significantIncrease, { value: 200, previousValue: 100 })).toEqual({
      status: "not_assessable",
      reason: "no_threshold",
      figure: null,
    });
  });

  it("is not assessable without a threshold and without data", () => {
    expect(assessAchievement(significantIncrease, {}).status).toBe("not_assessable");
  });

  it("achieves once the owner's threshold is met", () => {
    const withThreshold: DirectionTarget = {
      ...significantIncrease,
      threshold: { measure: "percent", against: "previous_period", amount: 10 },
    };
    expect(assessAchievement(withThreshold, { value: 110, previousValue: 100 })).toEqual({
      status: "achieved",
      reason: "target_met",
      figure: 10,
    });
    expect(assessAchievement(withThreshold, { value: 105, previousValue: 100 }).status).toBe("partly_achieved");
    expect(assessAchievement(withThreshold, { value: 95, previousValue: 100 }).status).toBe("not_achieved");
  });

  it("needs the comparison value its threshold names", () => {
    const withThreshold: DirectionTarget = {
      ...significantIncrease,
      threshold: { measure: "difference", against: "baseline", amount: 1 },
    };
    expect(assessAchievement(withThreshold, { value: 5, previousValue: 3 }).reason).toBe("missing_baseline_value");
    expect(assessAchievement(withThreshold, { value: 5, baselineValue: 3 }).status).toBe("achieved");
  });

  it("reports no data when a threshold exists but the value is missing", () => {
    const withThreshold: DirectionTarget = {
      ...significantIncrease,
      threshold: { measure: "percent", against: "previous_period", amount: 10 },
    };
    expect(assessAchievement(withThreshold, { previousValue: 100 }).status).toBe("no_data");
  });

  it("judges a decrease direction the other way round", () => {
    const fewerComplaints: DirectionTarget = {
      kind: "direction",
      direction: "decrease",
      significant: true,
      threshold: { measure: "percent", against: "previous_period", amount: 20 },
    };
    expect(assessAchievement(fewerComplaints, { value: 80, previousValue: 100 }).status).toBe("achieved");
    expect(assessAchievement(fewerComplaints, { value: 120, previousValue: 100 }).status).toBe("not_achieved");
  });
});

describe("formatTarget", () => {
  it("labels the plan's targets in English", () => {
    expect(formatTarget(increasePercent(1, 2), "en")).toBe("increase 1-2% on the previous period");
    expect(formatTarget({ kind: "range", min: 80, max: 90, better: "higher", unit: "%" }, "en")).toBe("80-90%");
    expect(formatTarget({ kind: "band", reference: 2.5, tolerance: 1.5, unit: "%" }, "en")).toBe("2.5% ± 1.5%");
    expect(formatTarget({ kind: "share", min: 90, max: 100 }, "en")).toBe("90-100% meet the criteria");
    expect(formatTarget(significantIncrease, "en")).toBe("increase significantly");
  });

  it("labels the plan's targets in Thai", () => {
    expect(formatTarget(increasePercent(5), "th")).toBe("เพิ่มขึ้นร้อยละ 5 จากงวดก่อน");
    expect(formatTarget({ kind: "absolute", comparator: ">=", value: 80, unit: "%" }, "th")).toBe("ไม่น้อยกว่าร้อยละ 80");
    expect(formatTarget(significantIncrease, "th")).toBe("เพิ่มขึ้นอย่างมีนัยสำคัญ");
  });

  it("groups thousands", () => {
    expect(formatTarget({ kind: "absolute", comparator: ">=", value: 1200, unit: null }, "en")).toBe("at least 1,200");
  });

  it("shows the threshold of a direction target", () => {
    const withThreshold: DirectionTarget = {
      ...significantIncrease,
      threshold: { measure: "percent", against: "baseline", amount: 10 },
    };
    expect(formatTarget(withThreshold, "en")).toBe("increase significantly (at least: increase 10% on the baseline)");
  });

  it.each<Target>([
    { kind: "absolute", comparator: ">=", value: 80, unit: "%" },
    { kind: "absolute", comparator: "<=", value: 3, unit: "%" },
    { kind: "absolute", comparator: ">=", value: 1200, unit: null },
    { kind: "range", min: 80, max: 90, better: "higher", unit: "%" },
    { kind: "range", min: 10, max: 20, better: "higher", unit: null },
    increasePercent(1, 2),
    increasePercent(5),
    { ...increasePercent(10), against: "baseline" },
    { ...increasePercent(3), direction: "decrease" },
    { ...increasePercent(2), measure: "difference" },
    { kind: "band", reference: 2.5, tolerance: 1.5, unit: "%" },
    { kind: "band", reference: 100, tolerance: 5, unit: null },
    { kind: "share", min: 90, max: 100 },
    significantIncrease,
    { ...significantIncrease, direction: "decrease", significant: false },
  ])("parses its English and Thai labels back to the same target: %j", (target) => {
    expect(parseTarget(formatTarget(target, "en"))).toEqual(target);
    expect(parseTarget(formatTarget(target, "th"))).toEqual(target);
  });
});

describe("achievement reasons", () => {
  it("name every reason assessAchievement gives, each once", () => {
    expect(new Set(achievementReasons).size).toBe(achievementReasons.length);
    const atLeastTen = { kind: "absolute", comparator: ">=", value: 10, unit: null } as const;
    const reasons = [12, 5, null].map((value) => assessAchievement(atLeastTen, { value }).reason);
    expect(reasons).toEqual(["target_met", "short_of_target", "missing_value"]);
    for (const reason of reasons) expect(isAchievementReason(reason)).toBe(true);
  });

  it("refuse a string that is not a reason", () => {
    expect(isAchievementReason("target_met")).toBe(true);
    expect(isAchievementReason("met")).toBe(false);
  });
});
