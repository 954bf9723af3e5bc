import { isRecord } from "../../api/decode";
import { formatNumber, type Locale } from "../../lib/format";

/**
 * Turns a structured target (the form `@sainam/core`'s `parseTarget` produces, stored as JSON) into a catalogue
 * key and its values, so the words stay in the i18n catalogue and numbers go through Intl. The reader is lenient
 * about field names; a kind it does not know gives `null`, and the caller shows the target's original text.
 */
export type TargetDescription =
  | { key: "range"; values: { min: string; max: string; unit: string } }
  | { key: "atLeast" | "atMost" | "exactly"; values: { value: string; unit: string } }
  | { key: "changeRange"; direction: Direction; values: { min: string; max: string; unit: string; basis: ChangeBasis } }
  | { key: "change"; direction: Direction; values: { value: string; unit: string; basis: ChangeBasis } }
  | { key: "band"; values: { center: string; tolerance: string; unit: string } }
  | { key: "shareRange"; values: { min: string; max: string; unit: string } }
  | { key: "share"; values: { value: string; unit: string } }
  | {
      key: "directionOnly";
      direction: Direction;
      /** "increase significantly" rather than just "increase". */
      significant: boolean;
      assessable: boolean;
      values: { threshold: string; unit: string };
    };

export type Direction = "increase" | "decrease" | "maintain";

export type ChangeBasis = "previous" | "baseline" | "";

function pickNumber(record: Record<string, unknown>, ...names: string[]): number | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (isRecord(value)) {
      const nested = pickNumber(value, "value", "amount");
      if (nested !== null) return nested;
    }
  }
  return null;
}

function pickString(record: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
}

function directionOf(record: Record<string, unknown>, fallbackSign = 1): Direction {
  const raw = pickString(record, "direction", "trend", "sense");
  if (raw) {
    const lower = raw.toLowerCase();
    if (lower.startsWith("dec") || lower === "down" || lower === "lower" || lower === "-") return "decrease";
    if (lower.startsWith("main") || lower === "stable" || lower === "keep") return "maintain";
    return "increase";
  }
  return fallbackSign < 0 ? "decrease" : "increase";
}

function basisOf(record: Record<string, unknown>): ChangeBasis {
  const raw = pickString(record, "basis", "base", "against", "reference", "relativeTo", "comparedTo");
  if (!raw) return "";
  const lower = raw.toLowerCase();
  if (lower.includes("base")) return "baseline";
  if (lower.includes("prev") || lower.includes("last") || lower.includes("prior")) return "previous";
  return "";
}

function unitOf(record: Record<string, unknown>): string {
  const unit = pickString(record, "unit", "units");
  if (unit) return unit;
  // Changes and thresholds say how they are measured: "percent" is relative (%), "difference" is in the
  // indicator's own unit, which the indicator table shows beside the target.
  if (record.measure === "percent" || record.percent === true || record.isPercent === true) return "%";
  return "";
}

const RANGE_KINDS = new Set(["range", "between", "interval"]);
const AT_LEAST_KINDS = new Set(["absolute", "at_least", "atleast", "minimum", "min", "threshold", "gte", "floor"]);
const AT_MOST_KINDS = new Set(["at_most", "atmost", "maximum", "max", "lte", "ceiling", "cap"]);
const EXACT_KINDS = new Set(["exact", "value", "equals", "point"]);
const CHANGE_KINDS = new Set([
  "relative",
  "relative_change",
  "change",
  "increase",
  "decrease",
  "growth",
  "relative_increase",
  "percent_change",
]);
const BAND_KINDS = new Set(["band", "band_around", "tolerance", "around", "plus_minus", "within_band"]);
const SHARE_KINDS = new Set(["share", "share_meeting", "share_meeting_criterion", "proportion", "share_of_units"]);
const DIRECTION_KINDS = new Set(["direction", "direction_only", "qualitative", "trend", "significant"]);

export function describeTarget(target: unknown, locale: Locale): TargetDescription | null {
  if (!isRecord(target)) return null;
  const kind = (pickString(target, "kind", "type") ?? "").toLowerCase().replace(/-/g, "_");
  const n = (value: number): string => formatNumber(Math.abs(value), locale, { maximumFractionDigits: 2 });
  const unit = unitOf(target);
  const min = pickNumber(target, "min", "from", "lower", "low");
  const max = pickNumber(target, "max", "to", "upper", "high");
  const value = pickNumber(target, "value", "amount", "target", "percent", "change", "delta");

  if (RANGE_KINDS.has(kind)) {
    if (min !== null && max !== null) return { key: "range", values: { min: n(min), max: n(max), unit } };
    if (min !== null) return { key: "atLeast", values: { value: n(min), unit } };
    if (max !== null) return { key: "atMost", values: { value: n(max), unit } };
    return null;
  }

  if (AT_LEAST_KINDS.has(kind) || AT_MOST_KINDS.has(kind) || EXACT_KINDS.has(kind)) {
    const comparator = pickString(target, "comparator", "op", "operator") ?? "";
    const amount = value ?? min ?? max;
    if (amount === null) return null;
    const atMost = AT_MOST_KINDS.has(kind) || comparator === "<=" || comparator === "lte" || comparator === "max";
    const exactly = EXACT_KINDS.has(kind) || comparator === "=" || comparator === "eq";
    const key = atMost ? "atMost" : exactly ? "exactly" : "atLeast";
    return { key, values: { value: formatNumber(amount, locale, { maximumFractionDigits: 2 }), unit } };
  }

  if (CHANGE_KINDS.has(kind)) {
    const basis = basisOf(target);
    const sign = kind === "decrease" ? -1 : Math.sign(value ?? min ?? max ?? 1) || 1;
    const direction = kind === "decrease" ? "decrease" : directionOf(target, sign);
    if (min !== null && max !== null && min !== max) {
      return { key: "changeRange", direction, values: { min: n(min), max: n(max), unit, basis } };
    }
    const amount = value ?? min ?? max;
    if (amount === null) {
      return { key: "directionOnly", direction, significant: false, assessable: false, values: { threshold: "", unit } };
    }
    return { key: "change", direction, values: { value: n(amount), unit, basis } };
  }

  if (BAND_KINDS.has(kind)) {
    const center = pickNumber(target, "center", "centre", "reference", "mid", "midpoint", "value", "target");
    const tolerance = pickNumber(target, "tolerance", "plusMinus", "plus_minus", "delta", "band", "width");
    if (center === null || tolerance === null) return null;
    return {
      key: "band",
      values: {
        center: formatNumber(center, locale, { maximumFractionDigits: 2 }),
        tolerance: n(tolerance),
        unit,
      },
    };
  }

  if (SHARE_KINDS.has(kind)) {
    const shareUnit = unit || "%";
    if (min !== null && max !== null && min !== max) {
      return { key: "shareRange", values: { min: n(min), max: n(max), unit: shareUnit } };
    }
    const amount = value ?? min ?? max;
    if (amount === null) return null;
    return { key: "share", values: { value: n(amount), unit: shareUnit } };
  }

  if (DIRECTION_KINDS.has(kind)) {
    const threshold = pickNumber(target, "threshold", "minimumChange", "min", "value");
    const thresholdUnit = isRecord(target.threshold) ? unitOf(target.threshold) : unit;
    return {
      key: "directionOnly",
      direction: directionOf(target),
      significant: target.significant !== false,
      assessable: threshold !== null,
      values: { threshold: threshold === null ? "" : n(threshold), unit: thresholdUnit },
    };
  }

  return null;
}
