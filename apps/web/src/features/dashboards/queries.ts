import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";
import type { UnitRef } from "./model";

const unitParams = (unit: UnitRef) => (unit.type === "nation" ? {} : { unitType: unit.type, unitCode: unit.code });
const flag = (includeUnapproved: boolean) => (includeUnapproved ? "true" : null);

export const dashboardKeys = {
  all: ["dashboards"] as const,
  plans: ["dashboards", "plans"] as const,
  performance: (planId: string, period: string, unit: UnitRef, unapproved: boolean) =>
    ["dashboards", "performance", planId, period, unit.type, unit.code, unapproved] as const,
  matrix: (planId: string, period: string, unapproved: boolean) =>
    ["dashboards", "matrix", planId, period, unapproved] as const,
  map: (indicatorId: string, period: string, breakdown: string) =>
    ["dashboards", "map", indicatorId, period, breakdown] as const,
  trend: (indicatorId: string, unit: UnitRef) => ["dashboards", "trend", indicatorId, unit.type, unit.code] as const,
  drilldown: (indicatorId: string, period: string, unit: UnitRef) =>
    ["dashboards", "drilldown", indicatorId, period, unit.type, unit.code] as const,
};

export function useDashboardPlans() {
  return useQuery({
    queryKey: dashboardKeys.plans,
    queryFn: async ({ signal }) => (await apiGet("/api/dashboards/plans", (c) => c.dashboardPlansSchema, signal)).items,
  });
}

export function usePlanPerformance(planId: string, period: string, unit: UnitRef, includeUnapproved: boolean) {
  return useQuery({
    queryKey: dashboardKeys.performance(planId, period, unit, includeUnapproved),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`/api/dashboards/plans/${encodeURIComponent(planId)}`, {
          period,
          ...unitParams(unit),
          includeUnapproved: flag(includeUnapproved),
        }),
        (c) => c.planPerformanceSchema,
        signal,
      ),
    enabled: planId !== "" && period !== "",
  });
}

export function useProvincialClusterMatrix(planId: string, period: string, includeUnapproved: boolean) {
  return useQuery({
    queryKey: dashboardKeys.matrix(planId, period, includeUnapproved),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`/api/dashboards/plans/${encodeURIComponent(planId)}/provincial-clusters`, {
          period,
          includeUnapproved: flag(includeUnapproved),
        }),
        (c) => c.matrixSchema,
        signal,
      ),
    enabled: planId !== "" && period !== "",
  });
}

export function useIndicatorMap(indicatorId: string, period: string, breakdown = "") {
  return useQuery({
    queryKey: dashboardKeys.map(indicatorId, period, breakdown),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`/api/indicators/${encodeURIComponent(indicatorId)}/map`, { period, breakdown: breakdown || null }),
        (c) => c.mapSchema,
        signal,
      ),
    enabled: indicatorId !== "" && period !== "",
  });
}

export function useIndicatorTrend(indicatorId: string, unit: UnitRef) {
  return useQuery({
    queryKey: dashboardKeys.trend(indicatorId, unit),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`/api/indicators/${encodeURIComponent(indicatorId)}/trend`, unitParams(unit)),
        (c) => c.trendSchema,
        signal,
      ),
    enabled: indicatorId !== "",
  });
}

export function useIndicatorDrilldown(indicatorId: string, period: string, unit: UnitRef) {
  return useQuery({
    queryKey: dashboardKeys.drilldown(indicatorId, period, unit),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`/api/indicators/${encodeURIComponent(indicatorId)}/drilldown`, { period, ...unitParams(unit) }),
        (c) => c.drilldownSchema,
        signal,
      ),
    enabled: indicatorId !== "" && period !== "",
  });
}
