import { describe, expect, it } from "vitest";
import { parseAmountText, parseCountText } from "./amount-text.ts";

describe("parseAmountText", () => {
  it.each([
    ["1200000", 1_200_000],
    ["1,200,000", 1_200_000],
    ["1 200 000", 1_200_000],
    ["1\u00A0200\u00A0000", 1_200_000],
    ["  1,200,000  ", 1_200_000],
    ["๑,๒๐๐,๐๐๐", 1_200_000],
    ["฿1,200,000.50", 1_200_000.5],
    ["1,200,000 บาท", 1_200_000],
    ["0", 0],
    ["0.75", 0.75],
    ["๐.๕", 0.5],
  ])("reads %j as %d", (text, value) => {
    expect(parseAmountText(text)).toBe(value);
  });

  it.each([[""], ["   "], [",  "], ["บาท"]])("reads %j as no value", (text) => {
    expect(parseAmountText(text)).toBeNull();
  });

  it.each([
    ["-5"],
    ["1.2.3"],
    ["12abc"],
    ["1e6"],
    ["สิบบาท"],
    [".5"],
    ["5."],
    ["1,2OO"],
    ["Infinity"],
    ["9".repeat(400)],
  ])("refuses %j", (text) => {
    expect(parseAmountText(text)).toBe("invalid");
  });
});

describe("parseCountText", () => {
  it("reads whole numbers typed with grouping or Thai digits, and refuses fractions", () => {
    expect(parseCountText("1,250")).toBe(1250);
    expect(parseCountText("๑๒")).toBe(12);
    expect(parseCountText("")).toBeNull();
    expect(parseCountText("2.5")).toBe("invalid");
    expect(parseCountText("-1")).toBe("invalid");
  });
});
