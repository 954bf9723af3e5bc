import { searchResultTypes as RESULT_TYPES } from "@sainam/contract/choices";
import type { SearchHit } from "@sainam/contract";

export {
  searchResultTypes as RESULT_TYPES,
  type SearchHit as SearchResult,
  type SearchResults as SearchPage,
} from "@sainam/contract";
export type ResultType = SearchHit["type"];

export function isResultType(value: unknown): value is ResultType {
  return RESULT_TYPES.some((type) => type === value);
}

/** The search page's state, all kept in the address so a search can be shared or bookmarked. */
export interface SearchParams {
  q: string;
  type: string;
  province: string;
  region: string;
  provincialCluster: string;
  stage: string;
  size: string;
  sector: string;
  page: number;
}

export const SEARCH_FACETS = ["type", "province", "region", "provincialCluster", "stage", "size", "sector"] as const;

export function searchParamsFrom(params: URLSearchParams): SearchParams {
  const page = Number(params.get("page"));
  return {
    q: params.get("q") ?? "",
    type: params.get("type") ?? "",
    province: params.get("province") ?? "",
    region: params.get("region") ?? "",
    provincialCluster: params.get("provincialCluster") ?? "",
    stage: params.get("stage") ?? "",
    size: params.get("size") ?? "",
    sector: params.get("sector") ?? "",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Results grouped by type, in a fixed order (enterprises, clusters, institutions), keeping the server's ranking within. */
export function groupResults(items: readonly SearchHit[]): Array<{ type: ResultType; items: SearchHit[] }> {
  return RESULT_TYPES.map((type) => ({ type, items: items.filter((item) => item.type === type) })).filter(
    (group) => group.items.length > 0,
  );
}

/** Where a result leads; institutions have no page of their own yet. */
export function resultHref(result: Pick<SearchHit, "type" | "id">): string | null {
  if (result.type === "enterprise") return `/enterprises/${result.id}`;
  if (result.type === "cluster") return `/clusters/${result.id}`;
  return null;
}
