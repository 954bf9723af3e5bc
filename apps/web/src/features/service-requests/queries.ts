import { useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const requestKeys = {
  all: ["service-requests"] as const,
  list: (filters: Record<string, string | number | undefined>) => ["service-requests", "list", filters] as const,
  detail: (id: string) => ["service-requests", "detail", id] as const,
  candidates: (id: string) => ["service-requests", "candidates", id] as const,
};

export type RequestFilters = {
  status?: string | undefined;
  field?: string | undefined;
  province?: string | undefined;
  provider?: number | undefined;
  page?: number | undefined;
};

export function useServiceRequests(filters: RequestFilters) {
  return useQuery({
    queryKey: requestKeys.list(filters),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/service-requests", filters), (c) => c.serviceRequestPageSchema, signal),
  });
}

export function useServiceRequest(id: string) {
  return useQuery({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/service-requests/${encodeURIComponent(id)}`, (c) => c.serviceRequestDetailSchema, signal),
  });
}

/** The experts a manager may hand the request to, with the reasons (`enabled` only for those who may assign). */
export function useRequestCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: requestKeys.candidates(id),
    queryFn: async ({ signal }) =>
      (
        await apiGet(
          `/api/service-requests/${encodeURIComponent(id)}/candidates`,
          (c) => c.requestCandidateListSchema,
          signal,
        )
      ).items,
    enabled,
  });
}
