import { describe, expect, it } from "vitest";
import { budgetPerFirm, overspendOf, valuePerBaht } from "./programme-figures.ts";

describe("budgetPerFirm", () => {
  it("divides DIP's FY2021 budget of 19 M baht by its 680 firms", () => {
    const r = budgetPerFirm(19_000_000, 680);
    expect(r.reason).toBeNull();
    expect(r.value).toBeCloseTo(27_941.18, 2);
  });

  it("gives null with the reason no_firms when no firm is known or the count is zero", () => {
    expect(budgetPerFirm(19_000_000, 0)).toEqual({ value: null, reason: "no_firms" });
    expect(budgetPerFirm(19_000_000, null)).toEqual({ value: null, reason: "no_firms" });
  });

  it("gives null with the reason no_budget when firms are known but no budget is recorded", () => {
    expect(budgetPerFirm(0, 10)).toEqual({ value: null, reason: "no_budget" });
  });
});

describe("valuePerBaht", () => {
  it("divides 1.2 bn baht of value by 19 M baht of budget", () => {
    const r = valuePerBaht(1_200_000_000, 19_000_000);
    expect(r.value).toBeCloseTo(63.158, 3);
  });

  it("gives null with the reason no_budget for a zero, negative or unknown budget", () => {
    expect(valuePerBaht(5, 0)).toEqual({ value: null, reason: "no_budget" });
    expect(valuePerBaht(5, null)).toEqual({ value: null, reason: "no_budget" });
    expect(valuePerBaht(5, -1)).toEqual({ value: null, reason: "no_budget" });
  });
});

describe("overspendOf", () => {
  it("gives the baht spent beyond the allocation", () => {
    expect(overspendOf({ allocated: 1_000_000, spent: 1_250_000 })).toBe(250_000);
  });

  it("gives null when the line kept to its allocation or its spending is not known", () => {
    expect(overspendOf({ allocated: 1_000_000, spent: 1_000_000 })).toBeNull();
    expect(overspendOf({ allocated: 1_000_000, spent: 400_000 })).toBeNull();
    expect(overspendOf({ allocated: 1_000_000, spent: null })).toBeNull();
  });
});
