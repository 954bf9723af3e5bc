import type {
  achievementSchema,
  dashboardPlansSchema,
  drilldownSchema,
  indicatorSchema,
  mapSchema,
  matrixSchema,
  planPerformanceSchema,
  trendSchema,
} from "@sainam/contract";
import { parsePeriodKey } from "@sainam/core";
import type { z } from "zod";

export {
  achievementReasons as ACHIEVEMENT_REASONS,
  achievementStatuses as ACHIEVEMENT_STATUSES,
  isAchievementReason,
} from "@sainam/core";
export type { AchievementReason, AchievementStatus } from "@sainam/core";

// The dashboards' answers, typed by the contract's schemas (the queries check each answer against them).
export type Achievement = z.infer<typeof achievementSchema>;
export type DashboardPlan = z.infer<typeof dashboardPlansSchema>["items"][number];
export type PlanPerformance = z.infer<typeof planPerformanceSchema>;
export type NodePerformance = PlanPerformance["nodes"][number];
export type IndicatorPerformance = NodePerformance["indicators"][number];
export type DashboardIndicator = z.infer<typeof indicatorSchema>;
export type ProvincialClusterMatrix = z.infer<typeof matrixSchema>;
export type IndicatorMapData = z.infer<typeof mapSchema>;
export type IndicatorTrend = z.infer<typeof trendSchema>;
export type Drilldown = z.infer<typeof drilldownSchema>;
export type DrillUnit = Drilldown["unit"];

export type UnitRef = { type: string; code: string };
export const NATION: UnitRef = { type: "nation", code: "TH" };

/** Every indicator of a performance tree, depth first, for counts and "is there anything" checks. */
export function allIndicators(nodes: readonly NodePerformance[]): IndicatorPerformance[] {
  return nodes.flatMap((node) => [...node.indicators, ...allIndicators(node.children)]);
}

/** The nodes that carry indicators (strategies, sub-strategies…), each with its own, in tree order. */
export function nodesWithIndicators(nodes: readonly NodePerformance[]): NodePerformance[] {
  return nodes.flatMap((node) => [
    ...(node.indicators.length > 0 ? [node] : []),
    ...nodesWithIndicators(node.children),
  ]);
}

/** "FY2021" → 2021; null for other period keys (calendar years, quarters), read by core's period rules. */
export function fiscalYearOfKey(key: string): number | null {
  const period = parsePeriodKey(key);
  return period?.type === "fiscal_year" ? period.year : null;
}
