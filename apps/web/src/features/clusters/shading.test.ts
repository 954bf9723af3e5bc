import { describe, expect, it } from "vitest";
import { COUNT_COLOURS, countBuckets, countColour, ZERO_COLOUR } from "./shading";

describe("countColour", () => {
  it("leaves provinces without clusters pale and gives the largest count the darkest shade", () => {
    expect(countColour(0, 7)).toBe(ZERO_COLOUR);
    expect(countColour(7, 7)).toBe(COUNT_COLOURS[4]);
    expect(countColour(1, 1)).toBe(COUNT_COLOURS[4]);
  });

  it("grows darker with the count", () => {
    const palette: readonly string[] = COUNT_COLOURS;
    const shades = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => palette.indexOf(countColour(n, 10)));
    expect(shades).toEqual([...shades].sort((a, b) => a - b));
  });
});

describe("countBuckets", () => {
  it("lists each shade with its range of counts", () => {
    expect(countBuckets(2)).toEqual([
      { from: 1, to: 1, colour: COUNT_COLOURS[0] },
      { from: 2, to: 2, colour: COUNT_COLOURS[4] },
    ]);
    expect(countBuckets(10)).toHaveLength(5);
    expect(countBuckets(0)).toEqual([]);
  });
});
