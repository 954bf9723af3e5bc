import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const providerKeys = {
  all: ["service-providers"] as const,
  list: ["service-providers", "list"] as const,
  managed: ["service-providers", "managed"] as const,
  detail: (id: string) => ["service-providers", "detail", id] as const,
  experts: (providerId: string) => ["service-providers", "experts", providerId] as const,
};

export function useProviders() {
  return useQuery({
    queryKey: providerKeys.list,
    queryFn: async ({ signal }) => (await apiGet("/api/service-providers", (c) => c.providerListSchema, signal)).items,
  });
}

/** The providers the signed-in user manages (where they record walk-ins); `enabled` false for visitors. */
export function useManagedProviders(enabled: boolean) {
  return useQuery({
    queryKey: providerKeys.managed,
    queryFn: async ({ signal }) =>
      (await apiGet(withQuery("/api/service-providers", { managed: "me" }), (c) => c.providerListSchema, signal)).items,
    enabled,
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

/** A provider's managers by name: for signed-in users only. */
export function useManagers(providerId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...providerKeys.detail(providerId), "managers"] as const,
    queryFn: async ({ signal }) =>
      (
        await apiGet(
          `/api/service-providers/${encodeURIComponent(providerId)}/managers`,
          (c) => c.providerManagerListSchema,
          signal,
        )
      ).items,
    enabled,
  });
}

/** Users a provider's keeper may pick, by name or e-mail: expert users to link, or experts and officers to manage. */
export function useUserCandidates(providerId: string, q: string, purpose: "expert" | "manager") {
  const query = q.trim();
  return useQuery({
    queryKey: [...providerKeys.detail(providerId), "candidates", purpose, query] as const,
    queryFn: async ({ signal }) =>
      (
        await apiGet(
          withQuery(`/api/service-providers/${encodeURIComponent(providerId)}/user-candidates`, {
            q: query,
            for: purpose,
          }),
          (c) => c.userCandidateListSchema,
          signal,
        )
      ).items,
    enabled: query.length >= 2,
  });
}
