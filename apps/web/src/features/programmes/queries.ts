import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";

export const programmeKeys = {
  all: ["programmes"] as const,
  list: (page: number, agencyId: string, clusterId = "") => ["programmes", "list", page, agencyId, clusterId] as const,
  detail: (id: string) => ["programmes", "detail", id] as const,
  figures: (id: string) => ["programmes", "figures", id] as const,
  scopeFigures: (agencyId: string, fiscalYear: string) =>
    ["programmes", "scope-figures", agencyId, fiscalYear] as const,
  budgets: (id: string) => ["programmes", "budgets", id] as const,
  clusters: (id: string) => ["programmes", "clusters", id] as const,
  enterprises: (id: string, page: number) => ["programmes", "enterprises", id, page] as const,
  activities: (id: string, page: number) => ["programmes", "activities", id, page] as const,
  claims: (id: string, page: number) => ["programmes", "claims", id, page] as const,
};

const path = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

/** Programmes, 20 a page: of one agency, or those supporting one cluster, when given. */
export function useProgrammes(page: number, agencyId: string, clusterId = "") {
  return useQuery({
    queryKey: programmeKeys.list(page, agencyId, clusterId),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/programmes", { page, pageSize: 20, agencyId, clusterId }),
        (c) => c.programmePageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKeys.detail(id),
    queryFn: ({ signal }) => apiGet(path(id), (c) => c.programmeDetailSchema, signal),
  });
}

export function useProgrammeFigures(id: string) {
  return useQuery({
    queryKey: programmeKeys.figures(id),
    queryFn: ({ signal }) => apiGet(`${path(id)}/figures`, (c) => c.programmeFiguresSchema, signal),
  });
}

export function useScopeFigures(agencyId: string, fiscalYear: string) {
  return useQuery({
    queryKey: programmeKeys.scopeFigures(agencyId, fiscalYear),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/figures", { agencyId, fiscalYear }), (c) => c.scopeFiguresSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProgrammeBudgets(id: string) {
  return useQuery({
    queryKey: programmeKeys.budgets(id),
    queryFn: async ({ signal }) => (await apiGet(`${path(id)}/budgets`, (c) => c.budgetListSchema, signal)).items,
  });
}

export function useProgrammeClusters(id: string) {
  return useQuery({
    queryKey: programmeKeys.clusters(id),
    queryFn: async ({ signal }) =>
      (await apiGet(`${path(id)}/clusters`, (c) => c.supportedClusterListSchema, signal)).items,
  });
}

/** Firm by firm: only asked for when the caller may read the programme's records. */
export function useProgrammeEnterprises(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: programmeKeys.enterprises(id, page),
    enabled,
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`${path(id)}/enterprises`, { page, pageSize: 50 }),
        (c) => c.supportedEnterprisePageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useProgrammeActivities(id: string, page: number) {
  return useQuery({
    queryKey: programmeKeys.activities(id, page),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/activities", { programmeId: id, page, pageSize: 20 }),
        (c) => c.pageOf(c.activitySchema),
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useProgrammeClaims(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: programmeKeys.claims(id, page),
    enabled,
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/value-claims", { programmeId: id, page, pageSize: 20 }),
        (c) => c.pageOf(c.claimSchema),
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One activity with its outcomes (and named participants for its scope): asked for when its outcomes are opened. */
export function useActivityDetail(activityId: number) {
  return useQuery({
    queryKey: ["programmes", "activity", activityId] as const,
    queryFn: ({ signal }) => apiGet(`/api/activities/${activityId}`, (c) => c.activityDetailSchema, signal),
  });
}

/** The agency's reported figures, every fiscal year (to fill the edit form). */
export function useReportedFigures(id: string) {
  return useQuery({
    queryKey: ["programmes", "reported", id] as const,
    queryFn: ({ signal }) => apiGet(`${path(id)}/reported-figures`, (c) => c.reportedFigureListSchema, signal),
  });
}

/** Programmes the caller sees, for choosing which ones a value claim is attributed to. */
export function useProgrammeOptions(enabled = true) {
  return useQuery({
    queryKey: ["programmes", "options"] as const,
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/programmes", { page: 1, pageSize: 200 }), (c) => c.programmePageSchema, signal),
    staleTime: 60_000,
    enabled,
  });
}
