import { searchQuery } from "@sainam/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet, isApiError, withQuery } from "../../api/client";
import { type SearchParams } from "./model";

export const SEARCH_PAGE_SIZE = 20;

export const searchKeys = {
  all: ["search"] as const,
  results: (params: SearchParams) => ["search", params] as const,
};

export function useSearch(params: SearchParams) {
  const { q, page, sector, ...facets } = params;
  return useQuery({
    queryKey: searchKeys.results(params),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery("/api/search", {
          q: q.trim(),
          ...facets,
          // A sector is a TSIC prefix (the contract's rule); anything else would only earn a 400.
          sector: searchQuery.shape.sector.safeParse(sector.trim()).success ? sector.trim() : null,
          page,
          pageSize: SEARCH_PAGE_SIZE,
        }),
        (c) => c.searchResultsSchema,
        signal,
      ),
    enabled: q.trim() !== "",
    placeholderData: keepPreviousData,
    retry: (count, error) => count < 1 && !(isApiError(error) && error.status < 500),
  });
}
