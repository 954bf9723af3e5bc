import { useQuery } from "@tanstack/react-query";
import { apiGet, isApiError } from "../../api/client";
import type { RecordId } from "../clusters/queries";

export const valueChainKeys = {
  linkages: (clusterId: RecordId) => ["clusters", "linkages", String(clusterId)] as const,
  analysis: (clusterId: RecordId) => ["clusters", "analysis", String(clusterId)] as const,
};

export function useClusterLinkages(clusterId: string) {
  return useQuery({
    queryKey: valueChainKeys.linkages(clusterId),
    queryFn: ({ signal }) =>
      apiGet(`/api/clusters/${encodeURIComponent(clusterId)}/linkages`, (c) => c.itemsOf(c.linkageSchema), signal),
  });
}

/** The cluster's value-chain analysis; a 404 (the route is still being built) is not retried. */
export function useClusterAnalysis(clusterId: string) {
  return useQuery({
    queryKey: valueChainKeys.analysis(clusterId),
    queryFn: ({ signal }) =>
      apiGet(`/api/clusters/${encodeURIComponent(clusterId)}/analysis`, (c) => c.analysisSchema, signal),
    retry: (count, error) => count < 1 && !(isApiError(error) && error.status < 500),
    staleTime: 30_000,
  });
}
