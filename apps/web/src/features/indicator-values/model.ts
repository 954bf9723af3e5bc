import { valueStatuses } from "@sainam/contract/choices";
import type { IndicatorValue } from "@sainam/contract";
import { disaggregationDimensions, type OrgUnitType } from "@sainam/core";
import type { Locale } from "../../lib/format";

export const VALUE_STATUSES = valueStatuses;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** The unit types values are entered for (core's list), in the order an entry grid offers them. */
export const ORG_LEVELS = [
  "province",
  "provincial_cluster",
  "region",
  "nation",
  "cluster",
  "programme",
] as const satisfies readonly OrgUnitType[];
export type OrgLevel = OrgUnitType;

export function isOrgLevel(value: string): value is OrgLevel {
  return ORG_LEVELS.some((level) => level === value);
}

/** The level an entry grid opens at: a cluster plan's values are its cluster's, a programme plan's its programme's. */
export function defaultOrgLevel(plan: {
  clusterId: string | number | null;
  programmeId: string | number | null;
}): OrgLevel {
  if (plan.clusterId !== null) return "cluster";
  if (plan.programmeId !== null) return "programme";
  return "province";
}

/** What the server answers about values: the contract's types, checked by its schemas in the queries. */
export type { IndicatorValue, IndicatorValues, QueuedValue as QueueItem } from "@sainam/contract";

/** Disaggregation options per dimension, in the server's canonical spelling (core org-unit.ts). */
export const DIMENSION_OPTIONS: Record<string, readonly string[]> = disaggregationDimensions;

/** The breakdowns an entry grid can edit: the total, then each option of each enabled dimension. */
export function breakdownChoices(dimensions: readonly string[]): string[] {
  return ["", ...dimensions.flatMap((d) => (DIMENSION_OPTIONS[d] ?? []).map((o) => `${d}=${o}`))];
}

/** The object form of a canonical breakdown ("size_class=micro" → { size_class: "micro" }). */
export function breakdownOf(canonical: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (canonical === "") return out;
  for (const part of canonical.split(";")) {
    const [dimension = "", option = ""] = part.split("=");
    out[dimension] = option;
  }
  return out;
}

/** The words a breakdown is shown in: a dimension's and an option's name (null when unknown), and the total's. */
export type BreakdownWords = {
  dimension: (code: string) => string | null;
  option: (code: string) => string | null;
  total: string;
};

/**
 * A canonical breakdown in words, never as codes: "size_class=small;stage=upstream" → "Size class: Small,
 * Value-chain stage: Upstream" ("ขนาดกิจการ: ขนาดย่อม, …" in Thai); "" → the total. An unknown code is shown as is.
 */
export function breakdownText(canonical: string, words: BreakdownWords): string {
  if (canonical === "") return words.total;
  return Object.entries(breakdownOf(canonical))
    .map(([dimension, option]) => `${words.dimension(dimension) ?? dimension}: ${words.option(option) ?? option}`)
    .join(", ");
}

/**
 * Period keys to offer: fiscal years from `from` to `to` (C.E.), newest first, each followed by its quarters
 * when `quarters` is set.
 */
export function periodChoices(from: number, to: number, quarters = false): string[] {
  const keys: string[] = [];
  for (let year = to; year >= from; year--) {
    keys.push(`FY${year}`);
    if (quarters) for (let q = 1; q <= 4; q++) keys.push(`FY${year}-Q${q}`);
  }
  return keys;
}

/** A period key for people: Thai with the B.E. fiscal year ("ปีงบประมาณ พ.ศ. 2564"), English "FY2021". */
export function periodLabel(key: string, locale: Locale): string {
  const match = /^(FY|CY)(\d{4})(?:-Q([1-4]))?$/.exec(key);
  if (!match) return key;
  const year = Number(match[2]);
  const shown = locale === "th" ? year + 543 : year;
  if (match[1] === "CY") return locale === "th" ? `พ.ศ. ${shown}` : String(year);
  if (match[3]) return locale === "th" ? `ไตรมาส ${match[3]} ปีงบประมาณ พ.ศ. ${shown}` : `Q${match[3]} FY${year}`;
  return locale === "th" ? `ปีงบประมาณ พ.ศ. ${shown}` : `FY${year}`;
}

/** Whether a period is locked: itself, or (for a quarter) its fiscal year. */
export function lockedBy(key: string, locked: readonly string[]): string | null {
  const year = /^(FY\d{4})-Q[1-4]$/.exec(key)?.[1];
  return locked.find((l) => l === key || l === year) ?? null;
}

/** One row of the entry grid as typed: text, so half-typed numbers survive until saved. */
export type DraftRow = {
  value: string;
  numerator: string;
  denominator: string;
  weight: string;
  source: string;
  note: string;
  evidenceUrl: string;
};

export const EMPTY_DRAFT: DraftRow = {
  value: "",
  numerator: "",
  denominator: "",
  weight: "",
  source: "",
  note: "",
  evidenceUrl: "",
};

export function draftOf(v: IndicatorValue | undefined): DraftRow {
  if (!v) return EMPTY_DRAFT;
  const text = (n: number | null) => (n === null ? "" : String(n));
  return {
    value: text(v.value),
    numerator: text(v.numerator),
    denominator: text(v.denominator),
    weight: text(v.weight),
    source: v.source ?? "",
    note: v.note ?? "",
    evidenceUrl: v.evidenceUrl ?? "",
  };
}

/** Reads a typed number: Thai digits and thousands separators allowed; null when empty; NaN when not a number. */
export function readNumber(text: string): number | null {
  const folded = text
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/,/g, "")
    .trim();
  if (folded === "") return null;
  return /^-?\d+(?:\.\d+)?$/.test(folded) ? Number(folded) : Number.NaN;
}

/** What a grid row sends for the indicator's aggregation rule; null when the row is empty. */
export function rowPayload(aggregation: string, draft: DraftRow): Record<string, unknown> | null {
  const value = readNumber(draft.value);
  const numerator = readNumber(draft.numerator);
  const denominator = readNumber(draft.denominator);
  const weight = readNumber(draft.weight);
  const extras = {
    source: draft.source.trim() || null,
    note: draft.note.trim() || null,
    evidenceUrl: draft.evidenceUrl.trim() || null,
  };
  if (aggregation === "ratio") {
    if (numerator === null && denominator === null) return null;
    return {
      numerator: Number.isNaN(numerator) ? draft.numerator : numerator,
      denominator: Number.isNaN(denominator) ? draft.denominator : denominator,
      ...extras,
    };
  }
  if (value === null && (aggregation !== "weighted_mean" || weight === null)) return null;
  const base = { value: Number.isNaN(value) ? draft.value : value, ...extras };
  return aggregation === "weighted_mean" ? { ...base, weight: Number.isNaN(weight) ? draft.weight : weight } : base;
}

/** The ratio a row's numerator and denominator give, scaled; null when it cannot be computed yet. */
export function previewRatio(draft: DraftRow, scale: number | null): number | null {
  const n = readNumber(draft.numerator);
  const d = readNumber(draft.denominator);
  if (n === null || d === null || Number.isNaN(n) || Number.isNaN(d) || d <= 0) return null;
  return (n / d) * (scale ?? 1);
}

/** Server errors `rows.N.field` of a batch, by the row index sent and the field. */
export function rowErrors(
  details: ReadonlyArray<{ path: string; message: string }>,
): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const d of details) {
    const match = /^rows\.(\d+)\.(.+)$/.exec(d.path);
    if (!match) continue;
    const index = Number(match[1]);
    const fields = out.get(index) ?? {};
    fields[match[2] ?? ""] = d.message;
    out.set(index, fields);
  }
  return out;
}
