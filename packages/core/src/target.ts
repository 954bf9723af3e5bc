import type { Locale } from "./locale.ts";
import { normalizeThai } from "./thai-text.ts";

// ---------------------------------------------------------------------------------------------
// The structured target (DESIGN.md §4). Plain JSON: stored as JSON in the database and sent to the
// web app as is, so every field is present (null rather than absent) and no field is a Date.
// ---------------------------------------------------------------------------------------------

/** "%" when the target's figures are percentages (so 80 reads "80%"); null when in the indicator's own unit. */
export type TargetUnit = "%" | null;
export type ChangeDirection = "increase" | "decrease";
/** What a change is measured against: the previous reporting period's value or a fixed baseline. */
export type ChangeBasis = "previous_period" | "baseline";
/** "percent": (v − ref) / |ref| × 100; "difference": v − ref in the indicator's own unit (e.g. percentage points). */
export type ChangeMeasure = "percent" | "difference";

/** At least (≥) or at most (≤, for indicators where lower is better) a value: "80%", "ไม่เกิน 5". */
export type AbsoluteTarget = {
  readonly kind: "absolute";
  readonly comparator: ">=" | "<=";
  readonly value: number;
  readonly unit: TargetUnit;
};

/** A corridor "80-90%"; `better` says which side beyond the corridor still counts as achieved. */
export type RangeTarget = {
  readonly kind: "range";
  readonly min: number;
  readonly max: number;
  readonly better: "higher" | "lower";
  readonly unit: TargetUnit;
};

/**
 * A change against the previous period or a baseline: "increase 1-2%" (min 1, max 2), "increase 5%"
 * (min 5, max null). min and max are magnitudes in the target's direction.
 */
export type ChangeTarget = {
  readonly kind: "change";
  readonly direction: ChangeDirection;
  readonly measure: ChangeMeasure;
  readonly against: ChangeBasis;
  readonly min: number;
  readonly max: number | null;
};

/** A band around a reference, "2.5% (± 1.5%)": anything in [reference − tolerance, reference + tolerance]. */
export type BandTarget = {
  readonly kind: "band";
  readonly reference: number;
  readonly tolerance: number;
  readonly unit: TargetUnit;
};

/** A share of units meeting a criterion, "90-100% achieve the criteria set"; min and max are percentages 0-100. */
export type ShareTarget = {
  readonly kind: "share";
  readonly min: number;
  readonly max: number;
};

/** The threshold an owner sets to make a direction-only target judgeable: "significantly = ≥ +5%". */
export type ChangeThreshold = {
  readonly measure: ChangeMeasure;
  readonly against: ChangeBasis;
  readonly amount: number;
};

/**
 * A direction only, "increase significantly". Not assessable until the owner sets `threshold`.
 */
export type DirectionTarget = {
  readonly kind: "direction";
  readonly direction: ChangeDirection;
  readonly significant: boolean;
  readonly threshold: ChangeThreshold | null;
};

export type Target = AbsoluteTarget | RangeTarget | ChangeTarget | BandTarget | ShareTarget | DirectionTarget;

export const targetKinds = [
  "absolute",
  "range",
  "change",
  "band",
  "share",
  "direction",
] as const satisfies ReadonlyArray<Target["kind"]>;
export type TargetKind = (typeof targetKinds)[number];

// ---------------------------------------------------------------------------------------------
// Validation of stored / received JSON.
// ---------------------------------------------------------------------------------------------

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isOneOf<T extends string>(value: unknown, options: ReadonlyArray<T>): value is T {
  return typeof value === "string" && options.some((option) => option === value);
}

function isUnit(value: unknown): value is TargetUnit {
  return value === null || value === "%";
}

const directions = ["increase", "decrease"] as const;
const bases = ["previous_period", "baseline"] as const;
const measures = ["percent", "difference"] as const;

function fieldsOf(value: unknown): Map<string, unknown> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return new Map<string, unknown>(Object.entries(value));
}

function isThreshold(value: unknown): value is ChangeThreshold {
  const f = fieldsOf(value);
  return (
    f !== null &&
    isOneOf(f.get("measure"), measures) &&
    isOneOf(f.get("against"), bases) &&
    isFiniteNumber(f.get("amount"))
  );
}

/**
 * True when a value read from JSON (the database column, a request body) is a well-formed Target:
 * the right fields for its kind, finite numbers, min ≤ max, a non-negative tolerance, shares within
 * 0-100. Lets the storage layer refuse a corrupt target instead of mis-assessing it.
 */
export function isTarget(value: unknown): value is Target {
  const f = fieldsOf(value);
  if (f === null) return false;
  const num = (key: string): number | null => {
    const v = f.get(key);
    return isFiniteNumber(v) ? v : null;
  };
  switch (f.get("kind")) {
    case "absolute":
      return isOneOf(f.get("comparator"), [">=", "<="]) && num("value") !== null && isUnit(f.get("unit"));
    case "range": {
      const min = num("min");
      const max = num("max");
      return (
        min !== null &&
        max !== null &&
        min <= max &&
        isOneOf(f.get("better"), ["higher", "lower"]) &&
        isUnit(f.get("unit"))
      );
    }
    case "change": {
      const min = num("min");
      const max = f.get("max");
      return (
        isOneOf(f.get("direction"), directions) &&
        isOneOf(f.get("measure"), measures) &&
        isOneOf(f.get("against"), bases) &&
        min !== null &&
        (max === null || (isFiniteNumber(max) && max >= min))
      );
    }
    case "band": {
      const tolerance = num("tolerance");
      return num("reference") !== null && tolerance !== null && tolerance >= 0 && isUnit(f.get("unit"));
    }
    case "share": {
      const min = num("min");
      const max = num("max");
      return min !== null && max !== null && min >= 0 && min <= max && max <= 100;
    }
    case "direction": {
      const threshold = f.get("threshold");
      return (
        isOneOf(f.get("direction"), directions) &&
        typeof f.get("significant") === "boolean" &&
        (threshold === null || isThreshold(threshold))
      );
    }
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing target text.
// ---------------------------------------------------------------------------------------------

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUMBER_EXPRESSION = new RegExp(String.raw`(${NUM})\s*(%|pts)?(?:\s*(?:-|\bto\b|ถึง)\s*(${NUM})\s*(%|pts)?)?`);
const BAND = new RegExp(String.raw`(-?)(${NUM})\s*(%)?\s*\(?\s*±\s*(${NUM})\s*(%)?\s*\)?`);
const YEAR_MENTION =
  /(?:\b(?:by|in|within|until|before|fy|year)\s*|พ\.ศ\.\s*|ค\.ศ\.\s*|ปี(?:งบประมาณ)?\s*(?:พ\.ศ\.\s*)?)(?:19|20|24|25|26)\d{2}\b(?!\s*%)/g;
const AT_LEAST =
  /≥|>=|\bat\s+least\b|\bno[t]?\s+(?:less|lower|fewer)\s+than\b|\bminimum(?:\s+of)?\b|ไม่น้อยกว่า|ไม่ต่ำกว่า|อย่างน้อย/g;
const AT_MOST =
  /≤|<=|\bat\s+most\b|\bno[t]?\s+(?:more|higher|greater)\s+than\b|\bnot\s+exceed(?:ing)?\b|\bmaximum(?:\s+of)?\b|ไม่เกิน|ไม่มากกว่า|ไม่สูงกว่า/g;
const INCREASE =
  /\b(?:increas\w*|expan\w*|grow\w*|higher|ris(?:e|es|ing)|rais\w*|improv\w*)\b|เพิ่ม|ขยายตัว|สูงขึ้น|เติบโต|ดีขึ้น/;
const DECREASE = /\b(?:decreas\w*|reduc\w*|declin\w*|lower\w*|drop\w*|fall\w*)\b|ลดลง|ลด|ต่ำลง/;
const SIGNIFICANT = /\bsignifican\w*|\bsubstantial\w*|\bconsiderabl\w*|นัยสำคัญ|อย่างมาก/;
const BASELINE = /\bbaseline\b|\bbase\s+(?:year|value|period)\b|ปีฐาน|ค่าฐาน|ฐานปี/;
const CRITERION = /\bcriteri\w*|\bstandards?\b|\bqualif\w*|เกณฑ์|มาตรฐาน/;
const UNIT_WORDS = /\s*(?:บาท|baht|thb|คน|ราย|แห่ง|ครั้ง|persons?|people|firms?|enterprises?|units?|times)\s*$/;

function toNumber(text: string): number {
  return Number(text.replaceAll(",", ""));
}

/** Lower-cased, normalised text with one spelling per symbol: "±", "%", "pts", "-". */
function prepare(text: string): string {
  return (
    normalizeThai(text)
      .toLowerCase()
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/\+\s*\/\s*-|\+\s*-|±/g, "±")
      // Units only count right after a figure ("จุด" alone also starts words like จุดเด่น).
      .replace(/(\d)\s*(?:percentage\s+points?|points?|pts?\.?|p\.p\.|จุดร้อยละ|จุด)(?![a-z])/g, "$1 pts")
      .replace(/(\d)\s*(?:per\s?cent|เปอร์เซ็นต์)(?![a-z])/g, "$1%")
      // "ร้อยละ 80-90" puts the percent sign before the figure; move it after.
      .replace(new RegExp(String.raw`ร้อยละ\s*(${NUM}(?:\s*(?:-|ถึง)\s*(?:${NUM}))?)`, "g"), "$1%")
      .replace(YEAR_MENTION, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function parseBand(text: string): BandTarget | null {
  const match = BAND.exec(text);
  if (!match) return null;
  const [, sign = "", reference = "", refPercent, tolerance = "", tolPercent] = match;
  return {
    kind: "band",
    reference: (sign === "-" ? -1 : 1) * toNumber(reference),
    tolerance: toNumber(tolerance),
    unit: refPercent !== undefined || tolPercent !== undefined ? "%" : null,
  };
}

type NumberExpression = { min: number; max: number | null; unit: "%" | "pts" | null; index: number; end: number };

function firstNumberExpression(text: string): NumberExpression | null {
  const match = NUMBER_EXPRESSION.exec(text);
  if (!match) return null;
  const [whole, first = "", firstUnit, second, secondUnit] = match;
  const unitText = secondUnit ?? firstUnit;
  const unit = unitText === "%" || unitText === "pts" ? unitText : null;
  const a = toNumber(first);
  const b = second === undefined ? null : toNumber(second);
  return {
    min: b === null ? a : Math.min(a, b),
    max: b === null ? null : Math.max(a, b),
    unit,
    index: match.index,
    end: match.index + whole.length,
  };
}

function parseDirectional(text: string, direction: ChangeDirection): Target | null {
  const againstBaseline = BASELINE.test(text);
  const against: ChangeBasis = againstBaseline ? "baseline" : "previous_period";
  const expression = firstNumberExpression(text);
  if (expression === null) {
    return { kind: "direction", direction, significant: SIGNIFICANT.test(text), threshold: null };
  }
  // "เพิ่มขึ้นเป็นร้อยละ 80", "increase to 80%": a level to reach, not a change.
  if (/(?:\bto|\breach\w*|เป็น|ถึง)\s*$/.test(text.slice(0, expression.index)) && expression.max === null) {
    return {
      kind: "absolute",
      comparator: direction === "increase" ? ">=" : "<=",
      value: expression.min,
      unit: expression.unit === "%" ? "%" : null,
    };
  }
  // "increase by at most 5%" caps a change rather than setting its floor: no structured form for it.
  if (new RegExp(AT_MOST.source).test(text)) return null;
  return {
    kind: "change",
    direction,
    measure: expression.unit === "%" ? "percent" : "difference",
    against,
    min: expression.min,
    max: expression.max,
  };
}

function parseShare(text: string): ShareTarget | null {
  const expression = firstNumberExpression(text);
  if (expression === null || expression.unit !== "%") return null;
  const max = expression.max ?? 100;
  if (max > 100 || expression.min > max) return null;
  return { kind: "share", min: expression.min, max };
}

function parseLevel(text: string): AbsoluteTarget | RangeTarget | null {
  const atLeast = new RegExp(AT_LEAST.source).test(text);
  const atMost = new RegExp(AT_MOST.source).test(text);
  if (atLeast && atMost) return null;
  const rest = text
    .replace(AT_LEAST, " ")
    .replace(AT_MOST, " ")
    .replace(/^\s*(?:between|ระหว่าง)\s*/, "")
    .replace(/\s+and\s+|\s*และ\s*/, "-")
    .replace(UNIT_WORDS, "")
    .trim();
  const negative = /^-\s*\d/.test(rest);
  const unsigned = negative ? rest.replace(/^-\s*/, "") : rest;
  const expression = firstNumberExpression(unsigned);
  // The whole remaining text must be the figure: "Top 3 in ASEAN" has no structured form.
  if (expression === null || expression.index !== 0 || expression.end !== unsigned.length) return null;
  const unit: TargetUnit = expression.unit === "%" ? "%" : null;
  if (expression.unit === "pts") return null;
  if (expression.max !== null) {
    if (negative || atLeast || atMost) return null;
    return { kind: "range", min: expression.min, max: expression.max, better: "higher", unit };
  }
  return {
    kind: "absolute",
    comparator: atMost ? "<=" : ">=",
    value: negative ? -expression.min : expression.min,
    unit,
  };
}

/**
 * Reads a target as written in plans (English or Thai) into a structured Target, or null when the
 * text has no structured form ("to be determined", "Top 3 in ASEAN", both "increase" and "reduce").
 * Tried in order:
 * 1. band — a figure with "±" / "+/-": "2.5% (+/- 1.5%)", "ร้อยละ 2.5 ± 1.5";
 * 2. direction words (increase, expansion, growth, เพิ่มขึ้น, ขยายตัว … / decrease, reduce, ลดลง …) or a
 *    leading "+"/"-" sign: with a figure → change ("increase 1-2%", "+5%", "เพิ่มขึ้นร้อยละ 5"; "%"
 *    → percent change, "percentage points"/"จุด" or a bare number → difference; "baseline"/"ปีฐาน"
 *    → against the baseline, else the previous period), "increase to 80%" → absolute level, without
 *    a figure → direction only ("increasing significantly", "เพิ่มขึ้นอย่างมีนัยสำคัญ"). A leading
 *    sign therefore means a change: a negative level needs words, "at least -1.5";
 * 3. share — a percentage with a criterion word: "90-100% achieve the criteria set", "ผ่านเกณฑ์ร้อยละ 80";
 * 4. level — the text is just a figure or a range, optionally with ≥ / ≤ wording: "80%", "80-90%",
 *    "ร้อยละ 80-90", "ไม่น้อยกว่าร้อยละ 80", "at most 5", "1,200".
 * Years mentioned as "by 2021" / "ปี 2564" are ignored; Thai digits are folded first.
 */
export function parseTarget(text: string): Target | null {
  let prepared = prepare(text);
  if (prepared === "") return null;

  const band = parseBand(prepared);
  if (band !== null) return band;

  // "not lower than 80" contains "lower" but sets a level, so comparison phrases are removed before
  // looking for a direction word.
  const withoutComparisons = prepared.replace(AT_LEAST, " ").replace(AT_MOST, " ");
  let increase = INCREASE.test(withoutComparisons);
  let decrease = DECREASE.test(withoutComparisons);
  const sign = /^([+-])\s*(?=\d)/.exec(prepared);
  if (sign !== null && !increase && !decrease) {
    if (sign[1] === "+") increase = true;
    else decrease = true;
    prepared = prepared.slice(sign[0].length);
  }
  if (increase && decrease) return null;
  if (increase) return parseDirectional(prepared, "increase");
  if (decrease) return parseDirectional(prepared, "decrease");

  if (CRITERION.test(prepared)) return parseShare(prepared);
  return parseLevel(prepared);
}

// ---------------------------------------------------------------------------------------------
// Achievement.
// ---------------------------------------------------------------------------------------------

export const achievementStatuses = [
  "achieved",
  "partly_achieved",
  "not_achieved",
  "not_assessable",
  "no_data",
] as const;
export type AchievementStatus = (typeof achievementStatuses)[number];

/** Every reason the achievement rules give, grouped by the status they lead to; the web app words each one. */
export const achievementReasons = [
  // achieved
  "target_met",
  "within_range",
  "beyond_range",
  "inside_band",
  // partly achieved
  "within_tolerance",
  "right_direction",
  // not achieved
  "short_of_target",
  "no_progress",
  "below_band",
  "above_band",
  // not assessable ("no_target": the indicator has no structured target for the period; set by callers)
  "no_target",
  "no_threshold",
  "missing_previous_value",
  "missing_baseline_value",
  "zero_previous_value",
  "zero_baseline_value",
  "no_units",
  "invalid_counts",
  // no data
  "missing_value",
] as const;
export type AchievementReason = (typeof achievementReasons)[number];

/** True when a string (from an API answer) names one of the achievement reasons. */
export function isAchievementReason(value: string): value is AchievementReason {
  return achievementReasons.some((reason) => reason === value);
}

/**
 * The judgement on one indicator value. `figure` is the number the rule compared with the target:
 * the value itself (absolute, range, band), the change (change, direction: in % or in the
 * indicator's unit, signed) or the share in % (share); null when nothing could be computed.
 */
export type Achievement = {
  readonly status: AchievementStatus;
  readonly reason: AchievementReason;
  readonly figure: number | null;
};

/** The values of one org unit for the assessed period; absent and null both mean "not reported". */
export type AchievementInput = {
  readonly value?: number | null;
  readonly previousValue?: number | null;
  readonly baselineValue?: number | null;
  readonly unitsMeeting?: number | null;
  readonly unitsTotal?: number | null;
};

/** How far short of a level bar still counts as partly achieved: 10 % of the bar's magnitude. */
export const PARTLY_ACHIEVED_TOLERANCE = 0.1;

function known(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

// Twelve significant digits: enough for any indicator, and floating-point noise such as
// 0.9999999999999998 for a 1 % change never flips a boundary.
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

function result(status: AchievementStatus, reason: AchievementReason, figure: number | null): Achievement {
  return { status, reason, figure };
}

/** Judges a figure that should be at least `bar` (higher is better). */
function atLeastRule(figure: number, bar: number, met: AchievementReason): Achievement {
  if (figure >= bar) return result("achieved", met, figure);
  if (figure >= clean(bar - Math.abs(bar) * PARTLY_ACHIEVED_TOLERANCE)) {
    return result("partly_achieved", "within_tolerance", figure);
  }
  return result("not_achieved", "short_of_target", figure);
}

/** Judges a figure that should be at most `bar` (lower is better). */
function atMostRule(figure: number, bar: number, met: AchievementReason): Achievement {
  if (figure <= bar) return result("achieved", met, figure);
  if (figure <= clean(bar + Math.abs(bar) * PARTLY_ACHIEVED_TOLERANCE)) {
    return result("partly_achieved", "within_tolerance", figure);
  }
  return result("not_achieved", "short_of_target", figure);
}

function assessChange(
  direction: ChangeDirection,
  measure: ChangeMeasure,
  against: ChangeBasis,
  min: number,
  max: number | null,
  input: AchievementInput,
  value: number,
): Achievement {
  const reference = against === "baseline" ? input.baselineValue : input.previousValue;
  if (!known(reference)) {
    return result("not_assessable", against === "baseline" ? "missing_baseline_value" : "missing_previous_value", null);
  }
  if (measure === "percent" && reference === 0) {
    return result("not_assessable", against === "baseline" ? "zero_baseline_value" : "zero_previous_value", null);
  }
  const change = clean(measure === "percent" ? ((value - reference) / Math.abs(reference)) * 100 : value - reference);
  // Progress is the change counted in the target's direction, so one rule serves both directions.
  const progress = direction === "increase" ? change : -change;
  if (progress >= min) {
    const reason = max === null ? "target_met" : progress <= max ? "within_range" : "beyond_range";
    return result("achieved", reason, change);
  }
  if (progress > 0) return result("partly_achieved", "right_direction", change);
  return result("not_achieved", "no_progress", change);
}

function assessShare(target: ShareTarget, input: AchievementInput): Achievement {
  let share: number;
  if (known(input.unitsMeeting) && known(input.unitsTotal)) {
    if (input.unitsTotal === 0) return result("not_assessable", "no_units", null);
    if (input.unitsTotal < 0 || input.unitsMeeting < 0 || input.unitsMeeting > input.unitsTotal) {
      return result("not_assessable", "invalid_counts", null);
    }
    share = clean((input.unitsMeeting / input.unitsTotal) * 100);
  } else if (known(input.value)) {
    share = clean(input.value);
  } else {
    return result("no_data", "missing_value", null);
  }
  return atLeastRule(share, target.min, "target_met");
}

/**
 * Judges an indicator's value(s) for a period against its target. Checks run in this order: a
 * target that cannot be judged yet (direction without threshold) → not_assessable / no_threshold;
 * no current value → no_data / missing_value; a missing or zero reference → not_assessable. Then one
 * rule per form (figures rounded to 12 significant digits; every bound is inclusive):
 *
 * - absolute ≥ x: achieved if v ≥ x; partly if v ≥ x − 10 %·|x|; else not achieved.
 *   absolute ≤ x mirrors it: achieved if v ≤ x; partly if v ≤ x + 10 %·|x|.
 * - range [a, b], higher better: achieved if v ≥ a ("within_range" up to b, "beyond_range" above b,
 *   since exceeding a satisfaction corridor is not a failure); partly if v ≥ a − 10 %·|a|; else not.
 *   Lower better mirrors it on b.
 * - change (+a% or +a–b% against the previous period or baseline): change = (v − ref)/|ref|·100
 *   (percent) or v − ref (difference); ref missing → not_assessable, ref = 0 with percent →
 *   not_assessable. Counted in the target's direction: ≥ a → achieved ("beyond_range" above b); moved
 *   the right way but less than a → partly ("right_direction"); no move or the wrong way (a negative
 *   change for an increase target) → not achieved ("no_progress").
 * - band ref ± tol: achieved inside [ref − tol, ref + tol]; outside → not achieved (below/above_band).
 *   No partial credit: the band already is the tolerance.
 * - share min–max %: share = meeting/total·100 when both counts are given (total 0 → not_assessable
 *   "no_units", meeting > total or negative → "invalid_counts"), else the value as a percentage;
 *   then as absolute ≥ min.
 * - direction: without threshold not_assessable; with one, as a change with a = threshold.
 */
export function assessAchievement(target: Target, input: AchievementInput): Achievement {
  if (target.kind === "direction" && target.threshold === null) return result("not_assessable", "no_threshold", null);
  if (target.kind === "share") return assessShare(target, input);
  const value = input.value;
  if (!known(value)) return result("no_data", "missing_value", null);
  const v = clean(value);
  switch (target.kind) {
    case "absolute":
      return target.comparator === ">="
        ? atLeastRule(v, target.value, "target_met")
        : atMostRule(v, target.value, "target_met");
    case "range":
      if (target.better === "higher")
        return atLeastRule(v, target.min, v <= target.max ? "within_range" : "beyond_range");
      return atMostRule(v, target.max, v >= target.min ? "within_range" : "beyond_range");
    case "band": {
      if (v < clean(target.reference - target.tolerance)) return result("not_achieved", "below_band", v);
      if (v > clean(target.reference + target.tolerance)) return result("not_achieved", "above_band", v);
      return result("achieved", "inside_band", v);
    }
    case "change":
      return assessChange(target.direction, target.measure, target.against, target.min, target.max, input, v);
    case "direction": {
      const threshold = target.threshold;
      if (threshold === null) return result("not_assessable", "no_threshold", null);
      return assessChange(target.direction, threshold.measure, threshold.against, threshold.amount, null, input, v);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Display.
// ---------------------------------------------------------------------------------------------

const numberFormats = new Map<Locale, Intl.NumberFormat>();

function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-GB", { maximumFractionDigits: 4 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

function figures(min: number, max: number | null, locale: Locale): string {
  return max === null ? formatNumber(min, locale) : `${formatNumber(min, locale)}-${formatNumber(max, locale)}`;
}

function withUnit(text: string, unit: TargetUnit, locale: Locale): string {
  if (unit !== "%") return text;
  return locale === "th" ? `ร้อยละ ${text}` : `${text}%`;
}

/** Thai writes "ไม่น้อยกว่าร้อยละ 80" but "ไม่น้อยกว่า 80": no space before ร้อยละ. */
function thaiJoin(word: string, figure: string): string {
  return figure.startsWith("ร้อยละ") ? `${word}${figure}` : `${word} ${figure}`;
}

function changeText(
  direction: ChangeDirection,
  measure: ChangeMeasure,
  against: ChangeBasis,
  amount: string,
  locale: Locale,
): string {
  // A difference is in the indicator's own unit, which the target does not know: the bare figure.
  const figure = withUnit(amount, measure === "percent" ? "%" : null, locale);
  if (locale === "th") {
    const basis = against === "baseline" ? "จากค่าฐาน" : "จากงวดก่อน";
    return `${thaiJoin(direction === "increase" ? "เพิ่มขึ้น" : "ลดลง", figure)} ${basis}`;
  }
  const basis = against === "baseline" ? "on the baseline" : "on the previous period";
  return measure === "percent" ? `${direction} ${figure} ${basis}` : `${direction} by ${figure} ${basis}`;
}

/**
 * A short human label for a target, in Thai or English ("ร้อยละ 80-90", "increase 1-2% on the previous
 * period"), for tables and charts. The English and Thai labels of a target without a threshold parse
 * back to the same target with `parseTarget`.
 */
export function formatTarget(target: Target, locale: Locale): string {
  const th = locale === "th";
  switch (target.kind) {
    case "absolute": {
      const figure = withUnit(formatNumber(target.value, locale), target.unit, locale);
      if (target.comparator === ">=") return th ? thaiJoin("ไม่น้อยกว่า", figure) : `at least ${figure}`;
      return th ? thaiJoin("ไม่เกิน", figure) : `at most ${figure}`;
    }
    case "range":
      return withUnit(figures(target.min, target.max, locale), target.unit, locale);
    case "change":
      return changeText(
        target.direction,
        target.measure,
        target.against,
        figures(target.min, target.max, locale),
        locale,
      );
    case "band": {
      const reference = formatNumber(target.reference, locale);
      const tolerance = formatNumber(target.tolerance, locale);
      if (target.unit !== "%") return `${reference} ± ${tolerance}`;
      return th ? `ร้อยละ ${reference} ± ${tolerance}` : `${reference}% ± ${tolerance}%`;
    }
    case "share": {
      const figure = withUnit(figures(target.min, target.max, locale), "%", locale);
      return th ? `${figure} ผ่านเกณฑ์` : `${figure} meet the criteria`;
    }
    case "direction": {
      const base = th
        ? `${target.direction === "increase" ? "เพิ่มขึ้น" : "ลดลง"}${target.significant ? "อย่างมีนัยสำคัญ" : ""}`
        : `${target.direction}${target.significant ? " significantly" : ""}`;
      if (target.threshold === null) return base;
      const t = target.threshold;
      const threshold = changeText(target.direction, t.measure, t.against, formatNumber(t.amount, locale), locale);
      return th ? `${base} (อย่างน้อย ${threshold})` : `${base} (at least: ${threshold})`;
    }
  }
}
