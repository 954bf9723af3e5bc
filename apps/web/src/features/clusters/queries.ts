import { keepPreviousData, useQueries, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiGet, itemsOf, withQuery } from "../../api/client";
import {
  clusterDetailDecoder,
  clusterPageDecoder,
  clusterQuery,
  institutionDecoder,
  memberDecoder,
  pendingMembershipDecoder,
  type Cluster,
  type ClusterDetail,
  type ClusterFilters,
} from "./model";

export const CLUSTER_PAGE_SIZE = 20;
/** The most clusters the map and the pickers read; beyond it the map says it counts only these. */
export const CLUSTER_SCAN_LIMIT = 600;
const SCAN_PAGE_SIZE = 200;

export const clusterKeys = {
  all: ["clusters"] as const,
  list: (filters: ClusterFilters, page: number) => ["clusters", "list", filters, page] as const,
  detail: (id: string) => ["clusters", "detail", id] as const,
  members: (id: string, past: boolean) => ["clusters", "members", id, past] as const,
  membersOf: (id: string) => ["clusters", "members", id] as const,
  institutions: (id: string) => ["clusters", "institutions", id] as const,
  children: (id: string) => ["clusters", "children", id] as const,
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
    queryFn: ({ signal }) => apiGet("/api/memberships/pending", itemsOf(pendingMembershipDecoder), signal),
    enabled,
  });
}

function clusterPath(id: string): string {
  return `/api/clusters/${encodeURIComponent(id)}`;
}

export function useClusters(filters: ClusterFilters, page: number) {
  return useQuery({
    queryKey: clusterKeys.list(filters, page),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/clusters", { ...clusterQuery(filters), page, pageSize: CLUSTER_PAGE_SIZE }),
        clusterPageDecoder,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

function fetchClusterDetail(queryClient: QueryClient, id: string): Promise<ClusterDetail> {
  return queryClient.fetchQuery({
    queryKey: clusterKeys.detail(id),
    queryFn: ({ signal }) => apiGet(clusterPath(id), clusterDetailDecoder, signal),
    staleTime: 60_000,
  });
}

export function useCluster(id: string | null) {
  return useQuery({
    queryKey: clusterKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiGet(clusterPath(id ?? ""), clusterDetailDecoder, signal),
    enabled: id !== null && id !== "",
    staleTime: 60_000,
  });
}

/** Several clusters' details (sharing the cache with `useCluster`), e.g. the rows of a directory page. */
export function useClusterDetails(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: clusterKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => apiGet(clusterPath(id), clusterDetailDecoder, signal),
      staleTime: 60_000,
    })),
  });
}

export function useClusterMembers(id: string, past: boolean) {
  return useQuery({
    queryKey: clusterKeys.members(id, past),
    queryFn: ({ signal }) =>
      apiGet(withQuery(`${clusterPath(id)}/members`, { past: past ? "true" : null }), itemsOf(memberDecoder), signal),
  });
}

export function useClusterInstitutions(id: string) {
  return useQuery({
    queryKey: clusterKeys.institutions(id),
    queryFn: ({ signal }) => apiGet(withQuery("/api/institutions", { cluster: id }), itemsOf(institutionDecoder), signal),
  });
}

export function useInstitutions(enabled = true) {
  return useQuery({
    queryKey: clusterKeys.allInstitutions,
    queryFn: ({ signal }) => apiGet("/api/institutions", itemsOf(institutionDecoder), signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useSubClusters(id: string) {
  return useQuery({
    queryKey: clusterKeys.children(id),
    queryFn: ({ signal }) =>
      apiGet(withQuery("/api/clusters", { parent: id, pageSize: SCAN_PAGE_SIZE }), clusterPageDecoder, signal),
  });
}

/** Every cluster matching the filters, page by page, up to the scan limit. */
async function scanClusters(filters: ClusterFilters, signal: AbortSignal): Promise<{ items: Cluster[]; total: number }> {
  const items: Cluster[] = [];
  let total = 0;
  for (let page = 1; items.length < CLUSTER_SCAN_LIMIT; page++) {
    const answer = await apiGet(
      withQuery("/api/clusters", { ...clusterQuery(filters), page, pageSize: SCAN_PAGE_SIZE }),
      clusterPageDecoder,
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
      const { items } = await scanClusters({ kind: "", region: "", province: "", provincialCluster: "", status: "", topLevel: false }, signal);
      return [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

/**
 * How many clusters (matching the other filters) touch each province, for the directory's map. The list answer
 * does not carry provinces, so each cluster's detail is read (cached and shared with the cluster pages).
 */
export function useClusterProvinceCounts(filters: ClusterFilters, enabled: boolean) {
  const queryClient = useQueryClient();
  const scope = { ...filters, province: "" };
  return useQuery({
    queryKey: clusterKeys.provinceCounts(scope),
    queryFn: async ({ signal }) => {
      const { items, total } = await scanClusters(scope, signal);
      const provinceLists = await inBatches(items, 6, async (cluster) =>
        cluster.provinceCodes ?? (await fetchClusterDetail(queryClient, cluster.id)).provinceCodes,
      );
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
