import { arrayOf, bool, id, literal, nullable, num, object, str, withDefault, type Decoded } from "../../api/decode";

export const RESULT_TYPES = ["enterprise", "cluster", "institution"] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

export function isResultType(value: unknown): value is ResultType {
  return RESULT_TYPES.some((type) => type === value);
}

export const searchResultDecoder = object({
  type: literal(...RESULT_TYPES),
  id,
  nameTh: nullable(str),
  nameEn: nullable(str),
  snippet: nullable(str),
  provinceCode: nullable(str),
  score: withDefault(num, 0),
});
export type SearchResult = Decoded<typeof searchResultDecoder>;

export const searchPageDecoder = object({
  items: arrayOf(searchResultDecoder),
  total: withDefault(num, 0),
  /** True when the server counted only part of the matches of a very common word and estimated the rest. */
  totalIsEstimate: withDefault(bool, false),
  page: withDefault(num, 1),
  pageSize: withDefault(num, 20),
});
export type SearchPage = Decoded<typeof searchPageDecoder>;

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
export function groupResults(items: readonly SearchResult[]): Array<{ type: ResultType; items: SearchResult[] }> {
  return RESULT_TYPES.map((type) => ({ type, items: items.filter((item) => item.type === type) })).filter(
    (group) => group.items.length > 0,
  );
}

/** Where a result leads; institutions have no page of their own yet. */
export function resultHref(result: Pick<SearchResult, "type" | "id">): string | null {
  if (result.type === "enterprise") return `/enterprises/${encodeURIComponent(result.id)}`;
  if (result.type === "cluster") return `/clusters/${encodeURIComponent(result.id)}`;
  return null;
}
