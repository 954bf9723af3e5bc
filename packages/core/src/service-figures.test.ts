import { describe, expect, it } from "vitest";
import { medianOf, percentileOf, workingDayCounter } from "./service-figures.ts";
import { holidayDates, workingDaysBetween } from "./working-days.ts";

const histogram = (values: number[]) => {
  const out = new Map<number, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
};

describe("#service figures", () => {
  it("takes the median as the middle value, or the mean of the two middle ones", () => {
    expect(medianOf(histogram([3, 1, 2]))).toBe(2);
    expect(medianOf(histogram([1, 2, 3, 10]))).toBe(2.5);
    expect(medianOf(histogram([0, 0, 0, 5]))).toBe(0);
    expect(medianOf(new Map())).toBeNull();
  });

  it("takes percentiles by nearest rank", () => {
    const oneToTen = histogram([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentileOf(oneToTen, 90)).toBe(9);
    expect(percentileOf(oneToTen, 50)).toBe(5);
    expect(percentileOf(oneToTen, 100)).toBe(10);
    expect(percentileOf(histogram([4]), 90)).toBe(4);
    expect(percentileOf(new Map(), 90)).toBeNull();
    expect(() => percentileOf(oneToTen, 0)).toThrow(RangeError);
  });

  it("counts working days as workingDaysBetween does, inside the span and out of it", () => {
    const holidays = holidayDates(["2027-04-13", "2027-04-14", "2027-04-15", "2026-12-31", "2027-01-01"]);
    const between = workingDayCounter("2026-10-01", "2027-09-30", holidays);
    for (const [a, b] of [
      ["2027-04-09", "2027-04-16"],
      ["2026-12-30", "2027-01-04"],
      ["2026-10-01", "2026-10-01"],
      ["2027-04-16", "2027-04-09"],
      ["2026-09-25", "2026-10-05"],
      ["2027-09-30", "2027-10-01"],
    ] as const)
      expect(between(a, b)).toBe(workingDaysBetween(a, b, holidays));
    expect(between("2027-04-12", "2027-04-16")).toBe(1);
  });
});
