import { describe, expect, it } from "vitest";
import { classOf, quantileClasses } from "./class-breaks.ts";

describe("quantileClasses", () => {
  it("splits ten values into five classes of two, every value in exactly one class", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const classes = quantileClasses(values);
    expect(classes.map((c) => c.count)).toEqual([2, 2, 2, 2, 2]);
    for (const v of values) expect(classOf(v, classes)).not.toBeNull();
    expect(classOf(10, classes)).toBe(4);
    expect(classOf(1, classes)).toBe(0);
  });

  it("merges tied bounds so no class is empty", () => {
    const classes = quantileClasses([0, 0, 0, 0, 0, 0, 0, 5, 9, 100]);
    expect(classes.every((c) => c.count > 0)).toBe(true);
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(10);
  });

  it("gives one class for one distinct value and none for no values", () => {
    expect(quantileClasses([3, 3, null])).toEqual([{ from: 3, to: 3, count: 2 }]);
    expect(quantileClasses([null, null])).toEqual([]);
  });

  it("handles negative figures", () => {
    const classes = quantileClasses([-10, -5, 0, 5], 2);
    expect(classes).toEqual([
      { from: -10, to: 0, count: 2 },
      { from: 0, to: 5, count: 2 },
    ]);
  });

  it("puts a missing value in no class", () => {
    expect(classOf(null, quantileClasses([1, 2]))).toBeNull();
  });
});
