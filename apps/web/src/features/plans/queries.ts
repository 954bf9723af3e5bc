import { useQuery } from "@tanstack/react-query";
import { apiGet, itemsOf } from "../../api/client";
import { planDetailDecoder, planSummaryDecoder } from "./model";

export const planKeys = {
  all: ["plans"] as const,
  list: ["plans", "list"] as const,
  detail: (id: string) => ["plans", "detail", id] as const,
};

export function usePlans() {
  return useQuery({
    queryKey: planKeys.list,
    queryFn: ({ signal }) => apiGet("/api/plans", itemsOf(planSummaryDecoder), signal),
    staleTime: 5 * 60_000,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/api/plans/${encodeURIComponent(id)}`, planDetailDecoder, signal),
    staleTime: 5 * 60_000,
  });
}
