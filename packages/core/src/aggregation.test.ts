import { describe, expect, it } from "vitest";
import {
  accumulate,
  aggregate,
  combineSums,
  emptySums,
  finishAggregation,
  isAggregationRule,
  type AggregationRule,
  type UnitObservation,
} from "./aggregation.ts";

const v = (value: number): UnitObservation => ({ value });

describe("aggregate: sum", () => {
  it("adds the values of the units that reported and counts coverage of the expected units", () => {
    const result = aggregate("sum", [v(10), v(20), null, v(5)]);
    expect(result.value).toBe(35);
    expect(result.coverage).toEqual({ reported: 3, expected: 4 });
    expect(result.issue).toBeNull();
  });

  it("keeps negative values (a loss, a fall) in the total", () => {
    expect(aggregate("sum", [v(-12.5), v(2.5), v(4)]).value).toBe(-6);
  });

  it("gives no figure when every unit is missing, and says so", () => {
    const result = aggregate("sum", [null, null, null]);
    expect(result.value).toBeNull();
    expect(result.issue).toBe("no_units_reported");
    expect(result.coverage).toEqual({ reported: 0, expected: 3 });
  });

  it("gives no figure for no units at all rather than zero", () => {
    expect(aggregate("sum", []).value).toBeNull();
  });

  it("counts a unit that reported only counts as excluded from a sum", () => {
    const result = aggregate("sum", [v(3), { numerator: 1, denominator: 2 }]);
    expect(result.value).toBe(3);
    expect(result.excluded).toBe(1);
    expect(result.issue).toBe("units_excluded");
  });

  it("ignores non-finite figures as not reported", () => {
    expect(aggregate("sum", [v(Number.NaN), v(2)]).coverage).toEqual({ reported: 1, expected: 2 });
  });
});

describe("aggregate: mean", () => {
  it("is the unweighted mean of the units that reported, missing units left out", () => {
    const result = aggregate("mean", [v(10), null, v(20), v(60)]);
    expect(result.value).toBe(30);
    expect(result.coverage).toEqual({ reported: 3, expected: 4 });
  });

  it("handles negative values", () => {
    expect(aggregate("mean", [v(-3), v(1)]).value).toBe(-1);
  });

  it("gives no figure when every unit is missing", () => {
    expect(aggregate("mean", [null, null]).value).toBeNull();
  });
});

describe("aggregate: weighted_mean", () => {
  it("is Σ value·weight / Σ weight", () => {
    // 10·1 + 40·3 = 130 over 4 → 32.5 (the unweighted mean would be 25).
    const result = aggregate("weighted_mean", [
      { value: 10, weight: 1 },
      { value: 40, weight: 3 },
    ]);
    expect(result.value).toBe(32.5);
  });

  it("leaves out units without a weight and counts them as excluded", () => {
    const result = aggregate("weighted_mean", [{ value: 10, weight: 2 }, { value: 1000 }, null]);
    expect(result.value).toBe(10);
    expect(result.excluded).toBe(1);
    expect(result.coverage).toEqual({ reported: 1, expected: 3 });
    expect(result.issue).toBe("units_excluded");
  });

  it("refuses a negative weight as unusable", () => {
    expect(aggregate("weighted_mean", [{ value: 10, weight: -1 }]).issue).toBe("no_usable_units");
  });

  it("gives no figure when the weights add up to zero", () => {
    const result = aggregate("weighted_mean", [
      { value: 10, weight: 0 },
      { value: 20, weight: 0 },
    ]);
    expect(result.value).toBeNull();
    expect(result.issue).toBe("zero_weight");
  });

  it("says no usable units when all units lack weights", () => {
    const result = aggregate("weighted_mean", [v(1), v(2)]);
    expect(result.value).toBeNull();
    expect(result.issue).toBe("no_usable_units");
  });
});

describe("aggregate: ratio", () => {
  it("recomputes Σ numerator / Σ denominator, which differs from the average of the units' percentages", () => {
    // A small province at 90% (9 of 10) and a large one at 10% (100 of 1,000).
    const units = [
      { value: 90, numerator: 9, denominator: 10 },
      { value: 10, numerator: 100, denominator: 1000 },
    ];
    const result = aggregate("ratio", units, 100);
    const averageOfPercentages = (90 + 10) / 2;
    expect(result.value).toBeCloseTo((109 / 1010) * 100, 9);
    expect(result.value).not.toBe(averageOfPercentages);
    expect(result.value).toBe(10.7920792079);
  });

  it("uses a scale of 1 when none is set (a plain ratio)", () => {
    expect(
      aggregate("ratio", [
        { numerator: 3, denominator: 4 },
        { numerator: 1, denominator: 4 },
      ]).value,
    ).toBe(0.5);
  });

  it("cannot use a unit that reported only its percentage, and reports it as excluded", () => {
    const result = aggregate("ratio", [{ numerator: 1, denominator: 4 }, { value: 99 }], 100);
    expect(result.value).toBe(25);
    expect(result.excluded).toBe(1);
    expect(result.issue).toBe("units_excluded");
  });

  it("says no usable units when every unit reported only a percentage", () => {
    const result = aggregate("ratio", [v(50), v(70)], 100);
    expect(result.value).toBeNull();
    expect(result.issue).toBe("no_usable_units");
  });

  it("gives no figure when the denominators add up to zero", () => {
    const result = aggregate(
      "ratio",
      [
        { numerator: 0, denominator: 0 },
        { numerator: 0, denominator: 0 },
      ],
      100,
    );
    expect(result.value).toBeNull();
    expect(result.issue).toBe("zero_denominator");
  });

  it("keeps a unit with a zero denominator in the sums when others have a denominator", () => {
    expect(
      aggregate(
        "ratio",
        [
          { numerator: 0, denominator: 0 },
          { numerator: 1, denominator: 2 },
        ],
        100,
      ).value,
    ).toBe(50);
  });

  it("handles negative numerators (a net loss over a base)", () => {
    expect(
      aggregate(
        "ratio",
        [
          { numerator: -5, denominator: 50 },
          { numerator: 1, denominator: 50 },
        ],
        100,
      ).value,
    ).toBe(-4);
  });

  it("needs both counts: a numerator without a denominator is excluded", () => {
    expect(aggregate("ratio", [{ numerator: 5 }, { numerator: 1, denominator: 2 }]).excluded).toBe(1);
  });
});

describe("aggregate: none", () => {
  it("gives no figure and says the indicator is not aggregable, still counting who reported", () => {
    const result = aggregate("none", [v(1), v(2), null]);
    expect(result.value).toBeNull();
    expect(result.issue).toBe("not_aggregable");
    expect(result.coverage).toEqual({ reported: 2, expected: 3 });
  });
});

describe("partial sums", () => {
  // 6 provinces in 3 groups, with a missing unit, a unit without weight and a percentage-only unit.
  const groups: UnitObservation[][] = [
    [
      { value: 12.3, numerator: 7, denominator: 13, weight: 3 },
      { value: 40, numerator: 2, denominator: 5, weight: 1 },
    ],
    [{ value: -4.1, numerator: 11, denominator: 31, weight: 7 }, { value: 0.7 }],
    [
      { value: 19.9, numerator: 1, denominator: 3, weight: 0.5 },
      { value: 33.3, numerator: 17, denominator: 19, weight: 2 },
    ],
  ];
  const rules: AggregationRule[] = ["sum", "mean", "weighted_mean", "ratio", "none"];

  for (const rule of rules) {
    it(`give the same ${rule} from the groups' sums as from the units directly`, () => {
      const direct = aggregate(rule, [...groups.flat(), null], 100);
      const partial = groups.map((g) => g.reduce((sums, o) => accumulate(rule, sums, o), emptySums));
      const missing = accumulate(rule, emptySums, null);
      const combined = finishAggregation(rule, combineSums([...partial, missing]), 100);
      expect(combined.value).toBe(direct.value);
      expect(combined.coverage).toEqual(direct.coverage);
      expect(combined.excluded).toBe(direct.excluded);
    });
  }

  it("give the mean of all units, not the mean of the groups' means", () => {
    const a = [v(1), v(2), v(3)].reduce((s, o) => accumulate("mean", s, o), emptySums);
    const b = accumulate("mean", emptySums, v(10));
    // Mean of the group means would be (2 + 10) / 2 = 6; the mean of the four units is 4.
    expect(finishAggregation("mean", combineSums([a, b])).value).toBe(4);
  });

  it("combine nothing into the empty sums", () => {
    expect(combineSums([])).toEqual(emptySums);
  });
});

describe("isAggregationRule", () => {
  it("accepts the five rules and refuses others", () => {
    expect(["sum", "mean", "weighted_mean", "ratio", "none"].every(isAggregationRule)).toBe(true);
    expect(isAggregationRule("average")).toBe(false);
  });
});
