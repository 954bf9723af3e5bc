import { describe, expect, it } from "vitest";
import { describeTarget } from "./target-format";

describe("describeTarget", () => {
  it("reads a range with its unit", () => {
    expect(describeTarget({ kind: "range", min: 80, max: 90, better: "higher", unit: "%" }, "en")).toEqual({
      key: "range",
      values: { min: "80", max: "90", unit: "%" },
    });
  });

  it("reads the share of units meeting a criterion, and a single share", () => {
    expect(describeTarget({ kind: "share", min: 90, max: 100 }, "en")).toEqual({
      key: "shareRange",
      values: { min: "90", max: "100", unit: "%" },
    });
    expect(describeTarget({ kind: "share", min: 95, max: 95 }, "en")).toEqual({
      key: "share",
      values: { value: "95", unit: "%" },
    });
  });

  it("marks a direction-only target without threshold as not assessable", () => {
    expect(
      describeTarget({ kind: "direction", direction: "increase", significant: false, threshold: null }, "en"),
    ).toMatchObject({
      key: "directionOnly",
      direction: "increase",
      assessable: false,
    });
  });

  it("reads an absolute minimum, its numbers grouped", () => {
    expect(describeTarget({ kind: "absolute", comparator: ">=", value: 80, unit: "%" }, "en")).toEqual({
      key: "atLeast",
      values: { value: "80", unit: "%" },
    });
    expect(describeTarget({ kind: "absolute", comparator: ">=", value: 1200000, unit: null }, "en")).toMatchObject({
      values: { value: "1,200,000", unit: "" },
    });
  });

  describe("the forms @sainam/core's parseTarget produces", () => {
    it("reads a change: increase 1-2% against the previous period", () => {
      const target = {
        kind: "change",
        direction: "increase",
        measure: "percent",
        against: "previous_period",
        min: 1,
        max: 2,
      };
      expect(describeTarget(target, "en")).toEqual({
        key: "changeRange",
        direction: "increase",
        values: { min: "1", max: "2", unit: "%", basis: "previous" },
      });
    });

    it("reads an open-ended change: increase 5%", () => {
      const target = {
        kind: "change",
        direction: "increase",
        measure: "percent",
        against: "baseline",
        min: 5,
        max: null,
      };
      expect(describeTarget(target, "en")).toEqual({
        key: "change",
        direction: "increase",
        values: { value: "5", unit: "%", basis: "baseline" },
      });
    });

    it("reads a decrease measured as a difference in the indicator's unit", () => {
      const target = {
        kind: "change",
        direction: "decrease",
        measure: "difference",
        against: "previous_period",
        min: 2,
        max: null,
      };
      expect(describeTarget(target, "en")).toMatchObject({
        key: "change",
        direction: "decrease",
        values: { unit: "" },
      });
    });

    it("reads an at-most absolute target", () => {
      expect(describeTarget({ kind: "absolute", comparator: "<=", value: 5, unit: null }, "en")).toEqual({
        key: "atMost",
        values: { value: "5", unit: "" },
      });
    });

    it("reads a band with a reference", () => {
      expect(describeTarget({ kind: "band", reference: 2.5, tolerance: 1.5, unit: "%" }, "en")).toMatchObject({
        key: "band",
        values: { center: "2.5", tolerance: "1.5" },
      });
    });

    it("reads a direction with a threshold set by the owner", () => {
      const target = {
        kind: "direction",
        direction: "increase",
        significant: true,
        threshold: { measure: "percent", against: "previous_period", amount: 5 },
      };
      expect(describeTarget(target, "en")).toEqual({
        key: "directionOnly",
        direction: "increase",
        significant: true,
        assessable: true,
        values: { threshold: "5", unit: "%" },
      });
    });
  });

  it("gives null for anything core's isTarget refuses, so the text is shown instead (no guessing at field names)", () => {
    expect(describeTarget({ kind: "something_new", x: 1 }, "en")).toBeNull();
    expect(
      describeTarget({ kind: "relative_change", min: 1, max: 2, unit: "%", basis: "previous_period" }, "en"),
    ).toBeNull();
    expect(describeTarget({ kind: "band", center: 2.5, tolerance: 1.5, unit: "%" }, "en")).toBeNull();
    expect(describeTarget(null, "en")).toBeNull();
    expect(describeTarget("80-90%", "en")).toBeNull();
  });
});
