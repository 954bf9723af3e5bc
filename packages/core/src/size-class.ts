import type { Result } from "./result.ts";
import { fail, ok } from "./result.ts";

export const sectors = ["manufacturing", "trade", "service"] as const;
export type Sector = (typeof sectors)[number];

/** Ordered smallest to largest; the order is what "the larger class wins" compares. */
export const sizeClasses = ["micro", "small", "medium", "large"] as const;
export type SizeClass = (typeof sizeClasses)[number];

type Ceiling = { readonly revenue: number; readonly employees: number };
type SectorCeilings = { readonly micro: Ceiling; readonly small: Ceiling; readonly medium: Ceiling };

/**
 * Upper limits (inclusive: "ไม่เกิน") of annual revenue in baht and of employees, from the ministerial
 * regulation defining SMEs, B.E. 2562 (2019). Above the medium ceiling an enterprise is large.
 * Trade and service share one set of limits in the regulation.
 */
export const sizeCeilings = {
  manufacturing: {
    micro: { revenue: 1_800_000, employees: 5 },
    small: { revenue: 100_000_000, employees: 50 },
    medium: { revenue: 500_000_000, employees: 200 },
  },
  trade: {
    micro: { revenue: 1_800_000, employees: 5 },
    small: { revenue: 50_000_000, employees: 30 },
    medium: { revenue: 300_000_000, employees: 100 },
  },
  service: {
    micro: { revenue: 1_800_000, employees: 5 },
    small: { revenue: 50_000_000, employees: 30 },
    medium: { revenue: 300_000_000, employees: 100 },
  },
} as const satisfies Record<Sector, SectorCeilings>;

export type SizeInput = {
  readonly sector: Sector;
  /** Annual revenue (รายได้) in baht; null or absent when unknown. */
  readonly annualRevenue?: number | null;
  /** Number of employees (การจ้างงาน); null or absent when unknown. */
  readonly employees?: number | null;
};

export type SizeClassification = {
  readonly sizeClass: SizeClass;
  /** The class each criterion alone gives; null for the criterion that was unknown. */
  readonly byRevenue: SizeClass | null;
  readonly byEmployees: SizeClass | null;
};

export type SizeProblem = "not_classifiable" | "invalid_revenue" | "invalid_employees";

function classBy(value: number, ceilings: SectorCeilings, measure: keyof Ceiling): SizeClass {
  if (value <= ceilings.micro[measure]) return "micro";
  if (value <= ceilings.small[measure]) return "small";
  if (value <= ceilings.medium[measure]) return "medium";
  return "large";
}

function larger(a: SizeClass, b: SizeClass): SizeClass {
  return sizeClasses.indexOf(a) >= sizeClasses.indexOf(b) ? a : b;
}

function isKnown(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

function isValidFigure(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

/**
 * Classifies an enterprise as micro / small / medium / large by the 2019 ministerial definition:
 * each of revenue and employees gives a class against the sector's ceilings (a value exactly on a
 * ceiling stays in the lower class); when they disagree the LARGER class wins, as the regulation
 * says. With only one figure known, that figure decides; with neither, the result is
 * `not_classifiable`. A negative or non-finite figure is refused rather than guessed around.
 */
export function classifySize(input: SizeInput): Result<SizeClassification, SizeProblem> {
  const { annualRevenue, employees } = input;
  if (isKnown(annualRevenue) && !isValidFigure(annualRevenue)) return fail("invalid_revenue");
  if (isKnown(employees) && !isValidFigure(employees)) return fail("invalid_employees");
  const ceilings = sizeCeilings[input.sector];
  const byRevenue = isKnown(annualRevenue) ? classBy(annualRevenue, ceilings, "revenue") : null;
  const byEmployees = isKnown(employees) ? classBy(employees, ceilings, "employees") : null;
  let sizeClass: SizeClass;
  if (byRevenue === null) {
    if (byEmployees === null) return fail("not_classifiable");
    sizeClass = byEmployees;
  } else {
    sizeClass = byEmployees === null ? byRevenue : larger(byRevenue, byEmployees);
  }
  return ok({ sizeClass, byRevenue, byEmployees });
}

/** The size class alone, or null when it cannot be determined; for callers that need no reason. */
export function sizeClassOf(input: SizeInput): SizeClass | null {
  const result = classifySize(input);
  return result.ok ? result.value.sizeClass : null;
}

/** True for micro, small and medium: the enterprises SME promotion programmes may serve. */
export function isSme(sizeClass: SizeClass): boolean {
  return sizeClass !== "large";
}

// TSIC 2009 (= ISIC Rev. 4) sections by two-digit division.
const SECTION_DIVISIONS: ReadonlyArray<readonly [string, number, number]> = [
  ["A", 1, 3],
  ["B", 5, 9],
  ["C", 10, 33],
  ["D", 35, 35],
  ["E", 36, 39],
  ["F", 41, 43],
  ["G", 45, 47],
  ["H", 49, 53],
  ["I", 55, 56],
  ["J", 58, 63],
  ["K", 64, 66],
  ["L", 68, 68],
  ["M", 69, 75],
  ["N", 77, 82],
  ["O", 84, 84],
  ["P", 85, 85],
  ["Q", 86, 88],
  ["R", 90, 93],
  ["S", 94, 96],
  ["T", 97, 98],
  ["U", 99, 99],
];

/**
 * The TSIC section letter (A-U) of a TSIC code: a section letter itself ("C", "c"), or a numeric code
 * of at least two digits ("10", "10101"), whose first two digits are the division. Null when the
 * code is not one of these or names an unused division (e.g. "04").
 */
export function tsicSectionOf(tsicCode: string): string | null {
  const code = tsicCode.trim().toUpperCase();
  if (/^[A-U]$/.test(code)) return code;
  if (!/^\d{2,5}$/.test(code)) return null;
  const division = Number(code.slice(0, 2));
  const found = SECTION_DIVISIONS.find(([, from, to]) => division >= from && division <= to);
  return found ? found[0] : null;
}

/**
 * The size-definition sector of a TSIC code. The 2019 regulation has two families: production of
 * goods (กิจการการผลิตสินค้า) and trade and services. Our mapping: C (manufacturing) → manufacturing;
 * B (mining and quarrying) and A (agriculture, forestry, fishing) → manufacturing as well, because
 * they produce goods and the regulation speaks of producing goods, not of factories; G (wholesale
 * and retail, repair of vehicles) → trade; every other section (utilities, construction, transport,
 * accommodation, finance, …) → service. Null when the code is not a TSIC code.
 */
export function sectorOfTsic(tsicCode: string): Sector | null {
  const section = tsicSectionOf(tsicCode);
  if (section === null) return null;
  if (section === "A" || section === "B" || section === "C") return "manufacturing";
  if (section === "G") return "trade";
  return "service";
}
