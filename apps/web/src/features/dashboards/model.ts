import { arrayOf, bool, id, json, lazy, literal, nullable, num, object, str, withDefault, type Decoded, type Decoder } from "../../api/decode";

export const ACHIEVEMENT_STATUSES = ["achieved", "partly_achieved", "not_achieved", "not_assessable", "no_data"] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

/** Every reason the server's achievement rules give (`AchievementReason` in @sainam/core). */
export const ACHIEVEMENT_REASONS = [
  "target_met",
  "within_range",
  "beyond_range",
  "inside_band",
  "within_tolerance",
  "right_direction",
  "short_of_target",
  "no_progress",
  "below_band",
  "above_band",
  "no_target",
  "no_threshold",
  "missing_previous_value",
  "missing_baseline_value",
  "zero_previous_value",
  "zero_baseline_value",
  "no_units",
  "invalid_counts",
  "missing_value",
] as const;
export type AchievementReason = (typeof ACHIEVEMENT_REASONS)[number];

export function isAchievementReason(value: string): value is AchievementReason {
  return ACHIEVEMENT_REASONS.some((reason) => reason === value);
}

export const achievementDecoder = object({
  status: literal(...ACHIEVEMENT_STATUSES),
  reason: str,
  figure: nullable(num),
});
export type Achievement = Decoded<typeof achievementDecoder>;

const coverageDecoder = nullable(object({ reported: num, expected: num }));
const sourceDecoder = literal("reported", "computed", "none");

export const dashboardPlanDecoder = object({
  id,
  code: withDefault(str, ""),
  titleEn: withDefault(str, ""),
  titleTh: nullable(str),
  ownerAgencyCode: withDefault(str, ""),
  fiscalYears: withDefault(arrayOf(num), []),
  canSeeUnapproved: withDefault(bool, false),
});
export type DashboardPlan = Decoded<typeof dashboardPlanDecoder>;

export const indicatorPerformanceDecoder = object({
  indicatorId: id,
  code: withDefault(str, ""),
  nameEn: withDefault(str, ""),
  nameTh: nullable(str),
  unit: nullable(str),
  aggregation: withDefault(str, "sum"),
  targetTextEn: nullable(str),
  targetTextTh: nullable(str),
  target: json,
  value: nullable(num),
  valueSource: sourceDecoder,
  previousValue: nullable(num),
  coverage: coverageDecoder,
  aggregationIssue: nullable(str),
  previousPeriodKey: withDefault(str, ""),
  achievement: achievementDecoder,
});
export type IndicatorPerformance = Decoded<typeof indicatorPerformanceDecoder>;

export interface NodePerformance {
  nodeId: string;
  kind: string;
  code: string;
  titleEn: string;
  titleTh: string | null;
  indicators: IndicatorPerformance[];
  children: NodePerformance[];
}

const nodePerformanceDecoder: Decoder<NodePerformance> = object({
  nodeId: id,
  kind: withDefault(str, ""),
  code: withDefault(str, ""),
  titleEn: withDefault(str, ""),
  titleTh: nullable(str),
  indicators: withDefault(arrayOf(indicatorPerformanceDecoder), []),
  children: withDefault(arrayOf(lazy(() => nodePerformanceDecoder)), []),
});

export const planPerformanceDecoder = object({
  plan: object({ id, code: str, titleEn: str, titleTh: nullable(str) }),
  periodKey: str,
  includesUnapproved: withDefault(bool, false),
  orgUnit: object({ type: str, code: str, nameEn: str, nameTh: nullable(str) }),
  nodes: arrayOf(nodePerformanceDecoder),
  summary: object({ achieved: num, partly_achieved: num, not_achieved: num, not_assessable: num, no_data: num }),
});
export type PlanPerformance = Decoded<typeof planPerformanceDecoder>;

const judgedFields = {
  value: nullable(num),
  source: sourceDecoder,
  coverage: coverageDecoder,
  previousValue: nullable(num),
  targetTextEn: nullable(str),
  targetTextTh: nullable(str),
  target: json,
  achievement: achievementDecoder,
};

const indicatorFields = {
  id,
  code: withDefault(str, ""),
  nameEn: withDefault(str, ""),
  nameTh: nullable(str),
  unit: nullable(str),
  aggregation: withDefault(str, "sum"),
  disaggregations: withDefault(arrayOf(str), []),
};
export const dashboardIndicatorDecoder = object(indicatorFields);
export type DashboardIndicator = Decoded<typeof dashboardIndicatorDecoder>;

export const matrixDecoder = object({
  periodKey: str,
  provincialClusters: arrayOf(object({ id, number: num, nameEn: str, nameTh: nullable(str) })),
  indicators: arrayOf(object({ ...indicatorFields, cells: arrayOf(object({ provincialClusterId: id, ...judgedFields })) })),
});
export type ProvincialClusterMatrix = Decoded<typeof matrixDecoder>;

export const mapDecoder = object({
  indicator: dashboardIndicatorDecoder,
  periodKey: str,
  breakdown: withDefault(str, ""),
  classes: arrayOf(object({ from: num, to: num, count: num })),
  items: arrayOf(object({ code: str, nameEn: str, nameTh: str, value: nullable(num), classIndex: nullable(num), previousValue: nullable(num), achievement: achievementDecoder })),
});
export type IndicatorMapData = Decoded<typeof mapDecoder>;

const unitFields = { type: str, code: str, nameEn: str, nameTh: nullable(str) };
export const trendDecoder = object({
  indicator: dashboardIndicatorDecoder,
  unit: object(unitFields),
  items: arrayOf(object({ periodKey: str, fiscalYear: num, ...judgedFields })),
});
export type IndicatorTrend = Decoded<typeof trendDecoder>;

const drillUnitDecoder = object({ ...unitFields, ...judgedFields });
export type DrillUnit = Decoded<typeof drillUnitDecoder>;
export const drilldownDecoder = object({
  indicator: dashboardIndicatorDecoder,
  periodKey: str,
  unit: drillUnitDecoder,
  parents: arrayOf(object(unitFields)),
  children: arrayOf(drillUnitDecoder),
});
export type Drilldown = Decoded<typeof drilldownDecoder>;

export type UnitRef = { type: string; code: string };
export const NATION: UnitRef = { type: "nation", code: "TH" };

/** Every indicator of a performance tree, depth first, for counts and "is there anything" checks. */
export function allIndicators(nodes: readonly NodePerformance[]): IndicatorPerformance[] {
  return nodes.flatMap((node) => [...node.indicators, ...allIndicators(node.children)]);
}

/** The nodes that carry indicators (strategies, sub-strategies…), each with its own, in tree order. */
export function nodesWithIndicators(nodes: readonly NodePerformance[]): NodePerformance[] {
  return nodes.flatMap((node) => [...(node.indicators.length > 0 ? [node] : []), ...nodesWithIndicators(node.children)]);
}

/** "FY2021" → 2021; null for other period keys. */
export function fiscalYearOfKey(key: string): number | null {
  const match = /^FY(\d{4})$/.exec(key);
  return match ? Number(match[1]) : null;
}
