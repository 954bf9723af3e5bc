import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";
import { rewindForD3 } from "./geo";
import type { ProvinceBoundaries } from "./model";

export const provinceKeys = {
  all: ["provinces"] as const,
  list: (region: string | null) => ["provinces", "list", region ?? "all"] as const,
  detail: (code: string) => ["provinces", "detail", code] as const,
  boundaries: ["provinces", "boundaries"] as const,
  regions: ["regions"] as const,
};

// Reference data changes rarely; keeping it for ten minutes saves needless refetches between pages.
const REFERENCE_STALE_MS = 10 * 60_000;

export function useRegions() {
  return useQuery({
    queryKey: provinceKeys.regions,
    queryFn: async ({ signal }) => (await apiGet("/api/regions", (c) => c.regionListSchema, signal)).items,
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useProvinces(region: string | null = null) {
  return useQuery({
    queryKey: provinceKeys.list(region),
    queryFn: async ({ signal }) =>
      (await apiGet(withQuery("/api/provinces", { region }), (c) => c.provinceListSchema, signal)).items,
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useProvince(code: string) {
  return useQuery({
    queryKey: provinceKeys.detail(code),
    queryFn: ({ signal }) =>
      apiGet(`/api/provinces/${encodeURIComponent(code)}`, (c) => c.provinceDetailSchema, signal),
    enabled: code !== "",
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useProvinceBoundaries() {
  return useQuery({
    queryKey: provinceKeys.boundaries,
    queryFn: async ({ signal }): Promise<ProvinceBoundaries> => {
      const collection = await apiGet("/api/provinces/boundaries", (c) => c.provinceBoundariesSchema, signal);
      return {
        ...collection,
        features: collection.features.map((feature) => ({ ...feature, geometry: rewindForD3(feature.geometry) })),
      };
    },
    staleTime: Infinity,
  });
}
