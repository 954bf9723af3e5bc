import { describe, it, expect } from "vitest";
import type { Sector, SizeClass } from "./size-class.ts";
import { classifySize, isSme, sectorOfTsic, sizeClassOf, tsicSectionOf } from "./size-class.ts";

describe("sizeClassOf by revenue alone", () => {
  it.each<[Sector, number, SizeClass]>([
    ["manufacturing", 0, "micro"],
    ["manufacturing", 1_800_000, "micro"],
    ["manufacturing", 1_800_001, "small"],
    ["manufacturing", 100_000_000, "small"],
    ["manufacturing", 100_000_001, "medium"],
    ["manufacturing", 500_000_000, "medium"],
    ["manufacturing", 500_000_001, "large"],
    ["trade", 1_800_000, "micro"],
    ["trade", 1_800_001, "small"],
    ["trade", 50_000_000, "small"],
    ["trade", 50_000_001, "medium"],
    ["trade", 300_000_000, "medium"],
    ["trade", 300_000_001, "large"],
    ["service", 1_800_000, "micro"],
    ["service", 1_800_001, "small"],
    ["service", 50_000_000, "small"],
    ["service", 50_000_001, "medium"],
    ["service", 300_000_000, "medium"],
    ["service", 300_000_001, "large"],
  ])("classes a %s enterprise with revenue %i baht as %s", (sector, annualRevenue, expected) => {
    expect(sizeClassOf({ sector, annualRevenue })).toBe(expected);
  });

  it("treats a fraction of a baht over a ceiling as the next class", () => {
    expect(sizeClassOf({ sector: "service", annualRevenue: 1_800_000.01 })).toBe("small");
  });
});

describe("sizeClassOf by employees alone", () => {
  it.each<[Sector, number, SizeClass]>([
    ["manufacturing", 0, "micro"],
    ["manufacturing", 5, "micro"],
    ["manufacturing", 6, "small"],
    ["manufacturing", 50, "small"],
    ["manufacturing", 51, "medium"],
    ["manufacturing", 200, "medium"],
    ["manufacturing", 201, "large"],
    ["trade", 5, "micro"],
    ["trade", 6, "small"],
    ["trade", 30, "small"],
    ["trade", 31, "medium"],
    ["trade", 100, "medium"],
    ["trade", 101, "large"],
    ["service", 5, "micro"],
    ["service", 6, "small"],
    ["service", 30, "small"],
    ["service", 31, "medium"],
    ["service", 100, "medium"],
    ["service", 101, "large"],
  ])("classes a %s enterprise with %i employees as %s", (sector, employees, expected) => {
    expect(sizeClassOf({ sector, employees })).toBe(expected);
  });
});

describe("classifySize with both figures", () => {
  it("takes the larger class when employees put it higher than revenue", () => {
    expect(classifySize({ sector: "manufacturing", annualRevenue: 1_000_000, employees: 60 })).toEqual({
      ok: true,
      value: { sizeClass: "medium", byRevenue: "micro", byEmployees: "medium" },
    });
  });

  it("takes the larger class when revenue puts it higher than employees", () => {
    expect(classifySize({ sector: "trade", annualRevenue: 400_000_000, employees: 3 })).toEqual({
      ok: true,
      value: { sizeClass: "large", byRevenue: "large", byEmployees: "micro" },
    });
  });

  it("keeps the class when both figures agree", () => {
    expect(sizeClassOf({ sector: "service", annualRevenue: 20_000_000, employees: 20 })).toBe("small");
  });

  it("keeps micro only when both figures are within the micro ceilings", () => {
    expect(sizeClassOf({ sector: "manufacturing", annualRevenue: 1_800_000, employees: 5 })).toBe("micro");
    expect(sizeClassOf({ sector: "manufacturing", annualRevenue: 1_800_000, employees: 6 })).toBe("small");
    expect(sizeClassOf({ sector: "manufacturing", annualRevenue: 1_800_001, employees: 5 })).toBe("small");
  });

  it("classes the same figures differently by sector", () => {
    const figures = { annualRevenue: 80_000_000, employees: 40 };
    expect(sizeClassOf({ sector: "manufacturing", ...figures })).toBe("small");
    expect(sizeClassOf({ sector: "trade", ...figures })).toBe("medium");
  });
});

describe("classifySize with missing or bad figures", () => {
  it("uses revenue when employees are unknown", () => {
    expect(classifySize({ sector: "service", annualRevenue: 60_000_000, employees: null })).toEqual({
      ok: true,
      value: { sizeClass: "medium", byRevenue: "medium", byEmployees: null },
    });
  });

  it("uses employees when revenue is unknown", () => {
    expect(classifySize({ sector: "service", employees: 4 })).toEqual({
      ok: true,
      value: { sizeClass: "micro", byRevenue: null, byEmployees: "micro" },
    });
  });

  it("is not classifiable with neither figure", () => {
    expect(classifySize({ sector: "trade" })).toEqual({ ok: false, reason: "not_classifiable" });
    expect(classifySize({ sector: "trade", annualRevenue: null, employees: null })).toEqual({
      ok: false,
      reason: "not_classifiable",
    });
    expect(sizeClassOf({ sector: "trade" })).toBeNull();
  });

  it("treats zero as a known figure, not a missing one", () => {
    expect(classifySize({ sector: "trade", annualRevenue: 0 })).toEqual({
      ok: true,
      value: { sizeClass: "micro", byRevenue: "micro", byEmployees: null },
    });
  });

  it("refuses a negative revenue", () => {
    expect(classifySize({ sector: "trade", annualRevenue: -1, employees: 3 })).toEqual({
      ok: false,
      reason: "invalid_revenue",
    });
  });

  it("refuses a non-finite employee count", () => {
    expect(classifySize({ sector: "trade", employees: Number.NaN })).toEqual({
      ok: false,
      reason: "invalid_employees",
    });
    expect(classifySize({ sector: "trade", employees: Number.POSITIVE_INFINITY })).toEqual({
      ok: false,
      reason: "invalid_employees",
    });
  });
});

describe("isSme", () => {
  it("counts micro, small and medium as SMEs and large as not", () => {
    expect(isSme("micro")).toBe(true);
    expect(isSme("small")).toBe(true);
    expect(isSme("medium")).toBe(true);
    expect(isSme("large")).toBe(false);
  });
});

describe("tsicSectionOf", () => {
  it.each([
    ["01111", "A"],
    ["03", "A"],
    ["05100", "B"],
    ["10", "C"],
    ["10101", "C"],
    ["33", "C"],
    ["35101", "D"],
    ["41001", "F"],
    ["45", "G"],
    ["47190", "G"],
    ["55101", "I"],
    ["62", "J"],
    ["86", "Q"],
    ["99000", "U"],
  ])("puts TSIC %s in section %s", (code, section) => {
    expect(tsicSectionOf(code)).toBe(section);
  });

  it("accepts a section letter in either case", () => {
    expect(tsicSectionOf("c")).toBe("C");
    expect(tsicSectionOf(" G ")).toBe("G");
  });

  it("returns null for an unused division, a single digit or text", () => {
    expect(tsicSectionOf("04")).toBeNull();
    expect(tsicSectionOf("1")).toBeNull();
    expect(tsicSectionOf("food")).toBeNull();
    expect(tsicSectionOf("Z")).toBeNull();
    expect(tsicSectionOf("")).toBeNull();
  });
});

describe("sectorOfTsic", () => {
  it("maps manufacturing (section C) to manufacturing", () => {
    expect(sectorOfTsic("10750")).toBe("manufacturing");
    expect(sectorOfTsic("C")).toBe("manufacturing");
  });

  it("maps mining (B) to manufacturing, as production of goods", () => {
    expect(sectorOfTsic("08")).toBe("manufacturing");
  });

  it("maps agriculture (A) to manufacturing, as production of goods", () => {
    expect(sectorOfTsic("01261")).toBe("manufacturing");
  });

  it("maps wholesale and retail (G) to trade", () => {
    expect(sectorOfTsic("46")).toBe("trade");
    expect(sectorOfTsic("47711")).toBe("trade");
  });

  it("maps every other section to service", () => {
    for (const code of [
      "35",
      "38",
      "41",
      "49",
      "55",
      "62",
      "64",
      "68",
      "70",
      "79",
      "84",
      "85",
      "86",
      "93",
      "96",
      "97",
      "99",
    ]) {
      expect(sectorOfTsic(code), code).toBe("service");
    }
  });

  it("returns null for a code that is not TSIC", () => {
    expect(sectorOfTsic("xx")).toBeNull();
  });
});
