// ---------------------------------------------------------------------------------------------
// Roll-up of indicator values from lower org units to higher ones (DESIGN.md §4): province →
// provincial cluster / region → nation, by the indicator's own rule. Percentages are never averaged:
// a ratio is recomputed from the summed numerators and denominators.
//
// The work is split in two so a roll-up can go further up without going back to the units: a unit's
// observation is turned into partial sums (`accumulate`), partial sums of disjoint groups of units
// combine by addition (`combineSums`), and the figure is read off the sums at the end
// (`finishAggregation`). Rolling provinces straight up to the nation and rolling the regions' partial
// sums up give the same figure, whatever the rule.
// ---------------------------------------------------------------------------------------------

export const aggregationRules = ["sum", "mean", "weighted_mean", "ratio", "none"] as const;
export type AggregationRule = (typeof aggregationRules)[number];

/** True when a string (a database column, a request) names an aggregation rule. */
export function isAggregationRule(value: string): value is AggregationRule {
  return aggregationRules.some((rule) => rule === value);
}

/** What one unit reported for the period; null (or absent) fields were not reported. */
export type UnitObservation = {
  readonly value?: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly weight?: number | null;
};

/**
 * The partial sums of a group of units. `reported` counts units that entered the figure; `excluded`
 * counts units that reported something the rule cannot use (a weighted mean's unit without a weight, a
 * ratio's unit with only a value); `expected` counts the units that should have reported.
 */
export type AggregationSums = {
  readonly expected: number;
  readonly reported: number;
  readonly excluded: number;
  /** Σ value of the units that entered (sum and mean). */
  readonly valueSum: number;
  /** Σ value·weight and Σ weight (weighted mean). */
  readonly weightedSum: number;
  readonly weightSum: number;
  /** Σ numerator and Σ denominator (ratio). */
  readonly numeratorSum: number;
  readonly denominatorSum: number;
};

/**
 * Why a roll-up has no figure, or why some units did not enter it:
 * - not_aggregable: the indicator's rule is "none" (e.g. a ranking): only reported figures count;
 * - no_units_reported: none of the expected units reported;
 * - no_usable_units: units reported, but none with what the rule needs (all excluded);
 * - zero_denominator: a ratio whose denominators add up to zero;
 * - zero_weight: a weighted mean whose weights add up to zero;
 * - units_excluded: a figure exists, but some reporting units could not enter it.
 */
export type AggregationIssue =
  "not_aggregable" | "no_units_reported" | "no_usable_units" | "zero_denominator" | "zero_weight" | "units_excluded";

export type AggregationResult = {
  /** The rolled-up figure; null when there is none (see `issue`). */
  readonly value: number | null;
  readonly issue: AggregationIssue | null;
  readonly coverage: { readonly reported: number; readonly expected: number };
  readonly excluded: number;
  readonly sums: AggregationSums;
};

/** The sums of no units at all: the start of a roll-up. */
export const emptySums: AggregationSums = {
  expected: 0,
  reported: 0,
  excluded: 0,
  valueSum: 0,
  weightedSum: 0,
  weightSum: 0,
  numeratorSum: 0,
  denominatorSum: 0,
};

function known(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

// Twelve significant digits: sums taken in a different order (provinces straight to the nation, or
// through regions) differ only in floating-point noise, which this removes.
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** True when the unit reported anything at all (a value, counts or a weight). */
function reportedAnything(o: UnitObservation): boolean {
  return known(o.value) || known(o.numerator) || known(o.denominator);
}

/**
 * Adds one expected unit's observation (null: the unit did not report) to running sums, by the rule:
 * sum and mean need a value; a weighted mean needs a value and a weight ≥ 0; a ratio needs both a
 * numerator and a denominator (a unit that reported only its percentage cannot enter). A unit that
 * reported but lacks what the rule needs is counted as excluded.
 */
export function accumulate(
  rule: AggregationRule,
  sums: AggregationSums,
  observation: UnitObservation | null,
): AggregationSums {
  const expected = sums.expected + 1;
  if (observation === null || !reportedAnything(observation)) return { ...sums, expected };
  const { value, numerator, denominator, weight } = observation;
  switch (rule) {
    case "sum":
    case "mean":
    case "none":
      if (!known(value)) return { ...sums, expected, excluded: sums.excluded + 1 };
      return { ...sums, expected, reported: sums.reported + 1, valueSum: sums.valueSum + value };
    case "weighted_mean":
      if (!known(value) || !known(weight) || weight < 0) return { ...sums, expected, excluded: sums.excluded + 1 };
      return {
        ...sums,
        expected,
        reported: sums.reported + 1,
        weightedSum: sums.weightedSum + value * weight,
        weightSum: sums.weightSum + weight,
      };
    case "ratio":
      if (!known(numerator) || !known(denominator)) return { ...sums, expected, excluded: sums.excluded + 1 };
      return {
        ...sums,
        expected,
        reported: sums.reported + 1,
        numeratorSum: sums.numeratorSum + numerator,
        denominatorSum: sums.denominatorSum + denominator,
      };
  }
}

/** The sums of the union of disjoint groups of units (e.g. the regions of the nation). */
export function combineSums(parts: readonly AggregationSums[]): AggregationSums {
  let total = emptySums;
  for (const p of parts) {
    total = {
      expected: total.expected + p.expected,
      reported: total.reported + p.reported,
      excluded: total.excluded + p.excluded,
      valueSum: total.valueSum + p.valueSum,
      weightedSum: total.weightedSum + p.weightedSum,
      weightSum: total.weightSum + p.weightSum,
      numeratorSum: total.numeratorSum + p.numeratorSum,
      denominatorSum: total.denominatorSum + p.denominatorSum,
    };
  }
  return total;
}

/**
 * Reads the figure off partial sums: sum → Σ value; mean → Σ value / units that entered; weighted
 * mean → Σ value·weight / Σ weight; ratio → Σ numerator / Σ denominator × `ratioScale` (100 for a
 * percentage; 1 by default); none → no figure ("not_aggregable"). Figures keep 12 significant digits.
 */
export function finishAggregation(
  rule: AggregationRule,
  sums: AggregationSums,
  ratioScale: number | null = null,
): AggregationResult {
  const base = { coverage: { reported: sums.reported, expected: sums.expected }, excluded: sums.excluded, sums };
  const empty = (issue: AggregationIssue): AggregationResult => ({ ...base, value: null, issue });
  if (rule === "none") return empty("not_aggregable");
  if (sums.reported === 0) return empty(sums.excluded > 0 ? "no_usable_units" : "no_units_reported");
  let value: number;
  switch (rule) {
    case "sum":
      value = sums.valueSum;
      break;
    case "mean":
      value = sums.valueSum / sums.reported;
      break;
    case "weighted_mean":
      if (sums.weightSum === 0) return empty("zero_weight");
      value = sums.weightedSum / sums.weightSum;
      break;
    case "ratio":
      if (sums.denominatorSum === 0) return empty("zero_denominator");
      value = (sums.numeratorSum / sums.denominatorSum) * (ratioScale ?? 1);
      break;
  }
  return { ...base, value: clean(value), issue: sums.excluded > 0 ? "units_excluded" : null };
}

/**
 * Rolls up the observations of the expected units (one entry per unit; null for a unit that did not
 * report) by the rule, in one pass. See `accumulate` and `finishAggregation` for what each rule needs.
 */
export function aggregate(
  rule: AggregationRule,
  observations: readonly (UnitObservation | null)[],
  ratioScale: number | null = null,
): AggregationResult {
  let sums = emptySums;
  for (const o of observations) sums = accumulate(rule, sums, o);
  return finishAggregation(rule, sums, ratioScale);
}
