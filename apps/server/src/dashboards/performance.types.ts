import type { Achievement, AchievementStatus, AggregationIssue, Target } from "@sainam/core";

/**
 * A plan's performance for one period: its tree, each indicator's target for the period, the actual at
 * the chosen org unit (reported there, or rolled up from the units below by the indicator's aggregation
 * rule) and the achievement judged by `assessAchievement`. Built by `planPerformance` in
 * performance.service.ts; read by the dashboard API and by the XLSX / PDF reports.
 */
export type IndicatorPerformance = {
  readonly indicatorId: number;
  readonly code: string;
  readonly nameEn: string | null;
  readonly nameTh: string | null;
  readonly unit: string | null;
  /** increase | decrease | none. */
  readonly direction: string;
  /** sum | mean | weighted_mean | ratio | none. */
  readonly aggregation: string;
  readonly targetTextEn: string | null;
  readonly targetTextTh: string | null;
  readonly target: Target | null;
  readonly baselineValue: number | null;
  /** The actual for the period at the org unit; null when there is none. */
  readonly value: number | null;
  /** "reported": entered for this unit; "computed": rolled up from the units below; "none": no data. */
  readonly valueSource: "reported" | "computed" | "none";
  readonly previousValue: number | null;
  /** For computed values: how many units below reported, of how many expected. */
  readonly coverage: { readonly reported: number; readonly expected: number } | null;
  /** Why a computed value is missing or partial (not aggregable, zero denominator, units excluded…); null otherwise. */
  readonly aggregationIssue: AggregationIssue | null;
  /** The period compared against by change targets (the period before `periodKey`). */
  readonly previousPeriodKey: string;
  readonly achievement: Achievement;
  /** The actual of each breakdown that has one ("size_class=small"), in the order of the dimensions; reports only. */
  readonly breakdowns?: readonly BreakdownActual[];
};

/** The actual of one breakdown of an indicator at the unit for the period: reported there or rolled up. */
export type BreakdownActual = {
  readonly breakdown: string;
  readonly value: number;
  readonly source: "reported" | "computed";
  readonly coverage: { readonly reported: number; readonly expected: number } | null;
};

export type NodePerformance = {
  readonly nodeId: number;
  readonly kind: string;
  readonly code: string;
  readonly titleEn: string | null;
  readonly titleTh: string | null;
  readonly indicators: readonly IndicatorPerformance[];
  readonly children: readonly NodePerformance[];
};

export type PlanPerformance = {
  readonly plan: {
    readonly id: number;
    readonly code: string;
    readonly titleEn: string | null;
    readonly titleTh: string | null;
    readonly level: string;
    readonly ownerAgencyCode: string;
    readonly ownerAgencyNameEn: string | null;
    readonly ownerAgencyNameTh: string | null;
  };
  readonly periodKey: string;
  /** True when draft and submitted values were counted (readers in the plan's scope only); else approved only. */
  readonly includesUnapproved: boolean;
  readonly orgUnit: {
    readonly type: string;
    readonly code: string;
    readonly nameEn: string | null;
    readonly nameTh: string | null;
  };
  /** ISO timestamp when the figures were read. */
  readonly generatedAt: string;
  readonly nodes: readonly NodePerformance[];
  /** How many indicators of the plan fall in each achievement status. */
  readonly summary: Readonly<Record<AchievementStatus, number>>;
};
