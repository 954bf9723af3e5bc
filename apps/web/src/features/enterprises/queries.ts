import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { apiGet, isMissingRoute, withQuery } from "../../api/client";
import { normalizeJuristicId } from "./juristic-id";
import { enterpriseQuery, type EnterpriseFilters } from "./model";

export const ENTERPRISE_PAGE_SIZE = 20;

export const enterpriseKeys = {
  all: ["enterprises"] as const,
  list: (filters: EnterpriseFilters, page: number) => ["enterprises", "list", filters, page] as const,
  detail: (id: string) => ["enterprises", "detail", id] as const,
  finder: (q: string) => ["enterprises", "finder", q] as const,
};

export function useEnterprises(filters: EnterpriseFilters, page: number) {
  return useQuery({
    queryKey: enterpriseKeys.list(filters, page),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/enterprises", { ...enterpriseQuery(filters), page, pageSize: ENTERPRISE_PAGE_SIZE }),
        (c) => c.enterprisePageSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/enterprises/${encodeURIComponent(id)}`, (c) => c.enterpriseDetailSchema, signal),
  });
}

/** Several enterprises' details at once (sharing the cache with `useEnterprise`). */
export function useEnterpriseDetails(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: enterpriseKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet(`/api/enterprises/${encodeURIComponent(id)}`, (c) => c.enterpriseDetailSchema, signal),
      staleTime: 60_000,
    })),
  });
}

export interface EnterpriseMatch {
  id: string;
  nameTh: string | null;
  nameEn: string | null;
  juristicId: string | null;
  provinceCode: string | null;
}

const FALLBACK_SCAN = 200;

/**
 * Finds enterprises by name or juristic ID for the "add member" form: through the search API, or, while the server
 * has no search route yet, by reading the first page of the register and matching here.
 */
export function useEnterpriseFinder(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: enterpriseKeys.finder(query),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<EnterpriseMatch[]> => {
      try {
        const page = await apiGet(
          withQuery("/api/search", { q: query, type: "enterprise", pageSize: 20 }),
          (c) => c.searchResultsSchema,
          signal,
        );
        return page.items
          .filter((item) => item.type === "enterprise")
          .map((item) => ({
            id: String(item.id),
            nameTh: item.nameTh,
            nameEn: item.nameEn,
            juristicId: null,
            provinceCode: item.provinceCode,
          }));
      } catch (error) {
        if (!isMissingRoute(error)) throw error;
      }
      const page = await apiGet(
        withQuery("/api/enterprises", { pageSize: FALLBACK_SCAN }),
        (c) => c.enterprisePageSchema,
        signal,
      );
      const needle = query.toLowerCase();
      const digits = normalizeJuristicId(query);
      return page.items
        .filter(
          (e) =>
            (e.nameTh ?? "").toLowerCase().includes(needle) ||
            (e.nameEn ?? "").toLowerCase().includes(needle) ||
            (/^\d{2,}$/.test(digits) && (e.juristicId ?? "").includes(digits)),
        )
        .slice(0, 20)
        .map((e) => ({
          id: String(e.id),
          nameTh: e.nameTh,
          nameEn: e.nameEn,
          juristicId: e.juristicId,
          provinceCode: e.provinceCode,
        }));
    },
  });
}
