import { describe, expect, it } from "vitest";
import { bangkokDayBounds, satisfactionFigures } from "./case-work.ts";

describe("satisfactionFigures", () => {
  it("is the mean rating over the best rating, in percent, as a ratio of sums", () => {
    expect(satisfactionFigures([5, 4, 3])).toEqual({ numerator: 12, denominator: 15, percent: 80 });
    expect(satisfactionFigures([5])).toEqual({ numerator: 5, denominator: 5, percent: 100 });
  });
  it("has no figure without ratings", () => {
    expect(satisfactionFigures([])).toEqual({ numerator: 0, denominator: 0, percent: null });
  });
});

describe("bangkokDayBounds", () => {
  it("spans Thai calendar days as UTC instants: FY2027 starts at 17:00 UTC on 30 Sep 2026", () => {
    expect(bangkokDayBounds("2026-10-01", "2027-09-30")).toEqual({
      from: "2026-09-30T17:00:00.000Z",
      until: "2027-09-30T17:00:00.000Z",
    });
  });
});
