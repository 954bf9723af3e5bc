/**
 * Case work on a request for help (issue 13, point 5): the limits of what an expert records, the firm's rating, and
 * how ratings become a satisfaction figure. Pure.
 */

/** The most hours one consultation may last: a long site visit, not a typing slip (a week is 40). */
export const MAX_CONSULTATION_HOURS = 24;
/** The longest advice, next steps or result text, in characters. */
export const MAX_CASE_TEXT = 4000;
/** The longest follow-up task title. */
export const MAX_TASK_TITLE = 300;
/** The longest rating comment. */
export const MAX_RATING_COMMENT = 2000;

export const ratingValues = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof ratingValues)[number];
export const BEST_RATING = 5;

/**
 * Where a computed indicator's values come from. `service_ratings`: the firms' ratings of closed requests, as a
 * mean satisfaction in percent (see satisfactionPercent).
 */
export const computedSources = ["service_ratings"] as const;
export type ComputedSource = (typeof computedSources)[number];

export function isComputedSource(value: string): value is ComputedSource {
  return computedSources.some((s) => s === value);
}

/**
 * Satisfaction as Thai public-service surveys report it (ร้อยละความพึงพอใจ): the mean rating over the best rating,
 * in percent — a mean of 4.0 of 5 is 80%, which is how a target of "80-90%" (seed 000, KPI 2.3) is read. As a ratio
 * of sums (ratings ÷ 5 × count) so that units add up: two provinces' figures combine as one mean, not a mean of
 * means. Null with no ratings: no figure rather than 0%.
 */
export function satisfactionFigures(ratings: readonly number[]): {
  numerator: number;
  denominator: number;
  percent: number | null;
} {
  const numerator = ratings.reduce((sum, r) => sum + r, 0);
  const denominator = ratings.length * BEST_RATING;
  return { numerator, denominator, percent: denominator === 0 ? null : (numerator / denominator) * 100 };
}

/**
 * The first instant (inclusive) and the last (exclusive) of a span of Thai calendar days, as UTC ISO text
 * comparable with stored timestamps: a request closed at 00:30 on 1 October in Bangkok (17:30 UTC on 30
 * September) belongs to the new fiscal year.
 */
export function bangkokDayBounds(startIso: string, endIsoInclusive: string): { from: string; until: string } {
  const from = new Date(`${startIso}T00:00:00+07:00`);
  const until = new Date(new Date(`${endIsoInclusive}T00:00:00+07:00`).getTime() + 24 * 3600 * 1000);
  return { from: from.toISOString(), until: until.toISOString() };
}
