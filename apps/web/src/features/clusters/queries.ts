import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { apiGet, withQuery } from "../../api/client";
import { clusterQuery, type Cluster, type ClusterFilters } from "./model";

export const CLUSTER_PAGE_SIZE = 20;
/** The most clusters the map and the pickers read; beyond it the map says it counts only these. */
export const CLUSTER_SCAN_LIMIT = 600;
const SCAN_PAGE_SIZE = 200;

/** A record's id: a number from the contract, a string from the address; cache keys always hold the string. */
export type RecordId = string | number;

export const clusterKeys = {
  all: ["clusters"] as const,
  list: (filters: ClusterFilters, page: number) => ["clusters", "list", filters, page] as const,
  detail: (id: RecordId) => ["clusters", "detail", String(id)] as const,
  members: (id: RecordId, past: boolean) => ["clusters", "members", String(id), past] as const,
  membersOf: (id: RecordId) => ["clusters", "members", String(id)] as const,
  institutions: (id: RecordId) => ["clusters", "institutions", String(id)] as const,
  children: (id: RecordId) => ["clusters", "children", String(id)] as const,
  options: ["clusters", "options"] as const,
  provinceCounts: (filters: ClusterFilters) => ["clusters", "province-counts", filters] as const,
  allInstitutions: ["institutions"] as const,
  /** Memberships awaiting approval that concern the signed-in user (under "clusters": any member change refreshes them). */
  pendingMemberships: ["clusters", "pending-memberships"] as const,
};

/** The memberships awaiting the signed-in user's approval (or, for a coordinator, their clusters' requests). */
export function usePendingMemberships(enabled: boolean) {
  return useQuery({
    queryKey: clusterKeys.pendingMemberships,
    queryFn: ({ signal }) => apiGet("/api/memberships/pending", (c) => c.itemsOf(c.pendingMembershipSchema), signal),
    enabled,
  });
}

function clusterPath(id: RecordId): string {
  return `/api/clusters/${encodeURIComponent(id)}`;
}

export function useClusters(filters: ClusterFilters, page: number) {
  return useQuery({
    queryKey: clusterKeys.list(filters, page),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/clusters", { ...clusterQuery(filters), page, pageSize: CLUSTER_PAGE_SIZE }),
        (c) => c.clusterPageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCluster(id: RecordId | null) {
  return useQuery({
    queryKey: clusterKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiGet(clusterPath(id ?? ""), (c) => c.clusterDetailSchema, signal),
    enabled: id !== null && id !== "",
    staleTime: 60_000,
  });
}

/** Several clusters' details (sharing the cache with `useCluster`), e.g. the rows of a directory page. */
export function useClusterDetails(ids: readonly RecordId[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: clusterKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => apiGet(clusterPath(id), (c) => c.clusterDetailSchema, signal),
      staleTime: 60_000,
    })),
  });
}

function clusterMemberListQuery(id: RecordId, past: boolean) {
  return {
    queryKey: clusterKeys.members(id, past),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiGet(
        withQuery(`${clusterPath(id)}/members`, { past: past ? "true" : null }),
        (c) => c.memberListSchema,
        signal,
      ),
  };
}

export function useClusterMembers(id: RecordId, past: boolean) {
  return useQuery({ ...clusterMemberListQuery(id, past), select: (list) => list.items });
}

/** The members with how many current members the list leaves out for this viewer (unpublished firms). */
export function useClusterMemberList(id: RecordId, past: boolean) {
  return useQuery(clusterMemberListQuery(id, past));
}

export function useClusterInstitutions(id: RecordId) {
  return useQuery({
    queryKey: clusterKeys.institutions(id),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/institutions", { cluster: id }), (c) => c.itemsOf(c.institutionSchema), signal),
  });
}

export function useInstitutions(enabled = true) {
  return useQuery({
    queryKey: clusterKeys.allInstitutions,
    queryFn: ({ signal }) => apiGet("/api/institutions", (c) => c.itemsOf(c.institutionSchema), signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useSubClusters(id: RecordId) {
  return useQuery({
    queryKey: clusterKeys.children(id),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/clusters", { parent: id, pageSize: SCAN_PAGE_SIZE }), (c) => c.clusterPageSchema, signal),
  });
}

/** Every cluster matching the filters, page by page, up to the scan limit. */
async function scanClusters(
  filters: ClusterFilters,
  signal: AbortSignal,
): Promise<{ items: Cluster[]; total: number }> {
  const items: Cluster[] = [];
  let total = 0;
  for (let page = 1; items.length < CLUSTER_SCAN_LIMIT; page++) {
    const answer = await apiGet(
      withQuery("/api/clusters", { ...clusterQuery(filters), page, pageSize: SCAN_PAGE_SIZE }),
      (c) => c.clusterPageSchema,
      signal,
    );
    total = answer.total;
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) break;
  }
  return { items: items.slice(0, CLUSTER_SCAN_LIMIT), total };
}

/** Clusters for pickers (filters, the import's target cluster), sorted by code. */
export function useClusterOptions(enabled = true) {
  return useQuery({
    queryKey: clusterKeys.options,
    queryFn: async ({ signal }) => {
      const { items } = await scanClusters(
        { kind: "", region: "", province: "", provincialCluster: "", status: "", topLevel: false },
        signal,
      );
      return [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/**
 * How many clusters (matching the other filters) touch each province, for the directory's map, from the list
 * answers' province codes.
 */
export function useClusterProvinceCounts(filters: ClusterFilters, enabled: boolean) {
  const scope = { ...filters, province: "" };
  return useQuery({
    queryKey: clusterKeys.provinceCounts(scope),
    queryFn: async ({ signal }) => {
      const { items, total } = await scanClusters(scope, signal);
      const provinceLists = items.map((cluster) => cluster.provinceCodes);
      const counts = new Map<string, number>();
      for (const codes of provinceLists) {
        for (const code of new Set(codes)) counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      return { counts, counted: items.length, total };
    },
    enabled,
    staleTime: 60_000,
  });
}
