import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const providerKeys = {
  all: ["service-providers"] as const,
  list: ["service-providers", "list"] as const,
  detail: (id: string) => ["service-providers", "detail", id] as const,
  experts: (providerId: string) => ["service-providers", "experts", providerId] as const,
};

export function useProviders() {
  return useQuery({
    queryKey: providerKeys.list,
    queryFn: async ({ signal }) => (await apiGet("/api/service-providers", (c) => c.providerListSchema, signal)).items,
  });
}

export function useProvider(id: string) {
  return useQuery({
    queryKey: providerKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/service-providers/${encodeURIComponent(id)}`, (c) => c.providerSchema, signal),
  });
}

/** A provider's experts: for signed-in users only (`enabled` false for visitors). */
export function useExperts(providerId: string, enabled: boolean) {
  return useQuery({
    queryKey: providerKeys.experts(providerId),
    queryFn: async ({ signal }) =>
      (await apiGet(withQuery("/api/experts", { providerId }), (c) => c.expertListSchema, signal)).items,
    enabled,
  });
}
