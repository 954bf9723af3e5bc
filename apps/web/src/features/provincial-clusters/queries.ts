import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../api/client";

export const provincialClusterKeys = {
  all: ["provincial-clusters"] as const,
  list: ["provincial-clusters", "list"] as const,
  detail: (id: string) => ["provincial-clusters", "detail", id] as const,
};

export function useProvincialClusters() {
  return useQuery({
    queryKey: provincialClusterKeys.list,
    queryFn: async ({ signal }) => {
      const { items } = await apiGet("/api/provincial-clusters", (c) => c.provincialClusterListSchema, signal);
      return [...items].sort((a, b) => a.number - b.number);
    },
    staleTime: 10 * 60_000,
  });
}

export function useProvincialCluster(id: string) {
  return useQuery({
    queryKey: provincialClusterKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/provincial-clusters/${encodeURIComponent(id)}`, (c) => c.provincialClusterSchema, signal),
    staleTime: 10 * 60_000,
  });
}
