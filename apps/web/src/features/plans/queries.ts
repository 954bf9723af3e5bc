import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";
import type { RecordId } from "../clusters/queries";

export interface PlanFilters {
  level: string;
  status: string;
  agency: string;
  cluster: string;
}

export const EMPTY_PLAN_FILTERS: PlanFilters = { level: "", status: "", agency: "", cluster: "" };

export const planKeys = {
  all: ["plans"] as const,
  list: ["plans", "list"] as const,
  page: (filters: PlanFilters, page: number, pageSize: number) => ["plans", "list", filters, page, pageSize] as const,
  detail: (id: RecordId) => ["plans", "detail", String(id)] as const,
  versions: (id: RecordId) => ["plans", "versions", String(id)] as const,
  trace: (nodeId: RecordId) => ["plans", "trace", String(nodeId)] as const,
  parse: (text: string) => ["plans", "parse", text] as const,
};

/** The first page of plans (every level), for pages that only need a few. */
export function usePlans() {
  return useQuery({
    queryKey: planKeys.list,
    queryFn: ({ signal }) => apiGet("/api/plans?pageSize=200", (c) => c.itemsOf(c.planSchema), signal),
    staleTime: 60_000,
  });
}

export function usePlanPage(filters: PlanFilters, page: number, pageSize = 20) {
  return useQuery({
    queryKey: planKeys.page(filters, page, pageSize),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/plans", { ...filters, page, pageSize }), (c) => c.planPageSchema, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function usePlan(id: RecordId) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/api/plans/${encodeURIComponent(id)}`, (c) => c.planTreeSchema, signal),
    staleTime: 60_000,
  });
}

/** A plan's tree only when asked for (the link picker's second step). */
export function useOptionalPlan(id: RecordId | null) {
  return useQuery({
    queryKey: planKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiGet(`/api/plans/${encodeURIComponent(id ?? "")}`, (c) => c.planTreeSchema, signal),
    enabled: id !== null && id !== "",
    staleTime: 60_000,
  });
}

export function usePlanVersions(id: RecordId) {
  return useQuery({
    queryKey: planKeys.versions(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/plans/${encodeURIComponent(id)}/versions`, (c) => c.itemsOf(c.planSchema), signal),
    staleTime: 60_000,
  });
}

export function useTrace(nodeId: RecordId) {
  return useQuery({
    queryKey: planKeys.trace(nodeId),
    queryFn: ({ signal }) =>
      apiGet(`/api/plan-nodes/${encodeURIComponent(nodeId)}/trace`, (c) => c.traceSchema, signal),
    staleTime: 30_000,
  });
}

/** The server's reading of a target text, for the editor's live preview (the caller debounces the text). */
export function useTargetPreview(text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: planKeys.parse(trimmed),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/targets/parse", { text: trimmed }), (c) => c.parsedTargetSchema, signal),
    enabled: trimmed !== "",
    staleTime: Infinity,
  });
}
