import { useQuery } from "@tanstack/react-query";
import { apiGet, isApiError, itemsOf } from "../../api/client";
import { analysisDecoder, linkageDecoder } from "./model";

export const valueChainKeys = {
  linkages: (clusterId: string) => ["clusters", "linkages", clusterId] as const,
  analysis: (clusterId: string) => ["clusters", "analysis", clusterId] as const,
};

export function useClusterLinkages(clusterId: string) {
  return useQuery({
    queryKey: valueChainKeys.linkages(clusterId),
    queryFn: ({ signal }) =>
      apiGet(`/api/clusters/${encodeURIComponent(clusterId)}/linkages`, itemsOf(linkageDecoder), signal),
  });
}

/** The cluster's value-chain analysis; a 404 (the route is still being built) is not retried. */
export function useClusterAnalysis(clusterId: string) {
  return useQuery({
    queryKey: valueChainKeys.analysis(clusterId),
    queryFn: ({ signal }) =>
      apiGet(`/api/clusters/${encodeURIComponent(clusterId)}/analysis`, analysisDecoder, signal),
    retry: (count, error) => count < 1 && !(isApiError(error) && error.status < 500),
    staleTime: 30_000,
  });
}
