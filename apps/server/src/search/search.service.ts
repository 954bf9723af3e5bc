import { rankScore, searchQueryTerms, searchTokens, type Actor, type QueryTerm } from "@sainam/core";
import type { DB, SearchEntityType } from "@sainam/db";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { authorize, institutionVisibility, seesUnpublished } from "../policies/policy.ts";
import { WEIGHTS } from "./search.indexer.ts";
import { intersectTerms, planTerms, widePrefixCandidates, withWidePrefix, type RankedCandidates } from "./search.candidates.ts";

/** Limits of the search's work; tests lower them to reach the paths large registries take. */
export type SearchTuning = {
  /**
   * A prefix longer than the prefix lists (3 characters) expands into the terms it starts; past this many
   * postings rows it is "wide" ("0105…" starts every juristic ID) and is checked on each candidate instead.
   */
  rangeRows: number;
  /** A wide prefix on its own: matches are taken from its first rows in term order, the total estimated. */
  wideRows: number;
  wideCountCap: number;
  /** Candidates checked against facets and visibility at most, for a facet that rejects almost all of them. */
  maxChecked: number;
};
const TUNING: SearchTuning = { rangeRows: 2_000, wideRows: 2_000, wideCountCap: 200_000, maxChecked: 200_000 };
const MIN_MATCHES = 100;
// The order results of equal score come in: by type (as localeCompare sorts them), then id.
const ALL_TYPES: readonly SearchEntityType[] = ["cluster", "enterprise", "institution"];

export type SearchQuery = {
  q: string;
  type?: SearchEntityType | undefined;
  province?: string | undefined;
  region?: string | undefined;
  provincialCluster?: number | undefined;
  stage?: string | undefined;
  size?: string | undefined;
  sector?: string | undefined;
  page: number;
  pageSize: number;
};

export type SearchItem = {
  type: SearchEntityType;
  id: number;
  nameTh: string | null;
  nameEn: string | null;
  snippet: string | null;
  provinceCode: string | null;
  score: number;
};

type Filters = SearchQuery & { unpublishedToo: boolean; ownClusters: number[]; institutions: ReturnType<typeof institutionVisibility> };

/** Applies the facets and visibility to candidate ids of one type and loads what a result shows. */
async function loadVisible(db: Kysely<DB>, type: SearchEntityType, ids: number[], f: Filters): Promise<SearchItem[]> {
  if (ids.length === 0) return [];
  const enterpriseFacets = Boolean(f.stage || f.size || f.sector);
  if (type === "enterprise") {
    let q = db.selectFrom("enterprises as e").select(["e.id", "e.name_th", "e.name_en", "e.business_type", "e.province_code"]).where("e.id", "in", ids);
    if (!f.unpublishedToo) q = q.where("e.published", "=", 1);
    if (f.province) q = q.where("e.province_code", "=", f.province);
    if (f.size) q = q.where("e.size_class", "=", f.size);
    if (f.sector) q = q.where("e.tsic_code", "like", `${f.sector}%`);
    if (f.region) q = q.where("e.province_code", "in", db.selectFrom("provinces").select("code").where("region_code", "=", f.region ?? ""));
    if (f.provincialCluster !== undefined) {
      q = q.where("e.province_code", "in", db.selectFrom("provincial_cluster_provinces").select("province_code").where("provincial_cluster_id", "=", f.provincialCluster));
    }
    if (f.stage) q = q.where("e.id", "in", db.selectFrom("memberships").select("enterprise_id").where("stage", "=", f.stage ?? "").where("left_on", "is", null));
    return (await q.execute()).map((row) => ({ type, id: row.id, nameTh: row.name_th, nameEn: row.name_en, snippet: row.business_type, provinceCode: row.province_code, score: 0 }));
  }
  if (enterpriseFacets) return [];
  if (type === "cluster") {
    let q = db.selectFrom("clusters").select(["id", "name_th", "name_en", "description_th", "description_en"]).where("id", "in", ids);
    if (!f.unpublishedToo) q = q.where((eb) => (f.ownClusters.length ? eb.or([eb("published", "=", 1), eb("id", "in", f.ownClusters)]) : eb("published", "=", 1)));
    if (f.province || f.region || f.provincialCluster !== undefined) {
      let provinces = db.selectFrom("provinces").select("code");
      if (f.province) provinces = provinces.where("code", "=", f.province);
      if (f.region) provinces = provinces.where("region_code", "=", f.region);
      if (f.provincialCluster !== undefined) provinces = provinces.where("code", "in", db.selectFrom("provincial_cluster_provinces").select("province_code").where("provincial_cluster_id", "=", f.provincialCluster ?? 0));
      q = q.where("id", "in", db.selectFrom("cluster_provinces").select("cluster_id").where("province_code", "in", provinces));
    }
    return (await q.execute()).map((row) => ({ type, id: row.id, nameTh: row.name_th, nameEn: row.name_en, snippet: row.description_th ?? row.description_en, provinceCode: null, score: 0 }));
  }
  let q = db.selectFrom("institutions").select(["id", "name_th", "name_en", "description", "province_code"]).where("id", "in", ids);
  const v = f.institutions;
  if (!v.all) {
    // Unpublished institutions only for their keepers: their agency's officers and whoever registered them.
    q = q.where((eb) => eb.or([
      eb("published", "=", 1),
      ...(v.agencyId !== null ? [eb("agency_id", "=", v.agencyId)] : []),
      ...(v.userId !== null ? [eb("created_by", "=", v.userId)] : []),
    ]));
  }
  if (f.province) q = q.where("province_code", "=", f.province);
  return (await q.execute()).map((row) => ({ type, id: row.id, nameTh: row.name_th, nameEn: row.name_en, snippet: row.description, provinceCode: row.province_code, score: 0 }));
}

/**
 * Visible matches in rank order, at least `need` of them when there are that many: candidates (every term
 * matched, by index score) are checked against a wide prefix, the facets and visibility a batch at a time,
 * and checking stops once `need` are found. `total` is exact when every candidate was checked; otherwise
 * it is estimated from the share of checked candidates that were visible matches.
 */
async function findMatches(db: Kysely<DB>, terms: QueryTerm[], types: readonly SearchEntityType[] | null, f: Filters, need: number, tuning: SearchTuning): Promise<{ items: SearchItem[]; total: number; totalIsEstimate: boolean }> {
  const { plans, wide } = await planTerms(db, terms, types, tuning.rangeRows);
  if (plans.some((p) => p.count === 0)) return { items: [], total: 0, totalIsEstimate: false };
  const typeList = types ?? ALL_TYPES;
  let candidates: RankedCandidates;
  // How many entities the candidates stand for: more than were read when only a wide prefix's first rows were.
  let scale = 1;
  if (plans.length === 0 && wide) {
    const read = await widePrefixCandidates(db, wide, typeList, tuning.wideRows, tuning.wideCountCap);
    candidates = read.candidates;
    scale = read.rowsRead > 0 ? read.rowsInAll / read.rowsRead : 1;
  } else {
    candidates = await intersectTerms(db, plans, typeList);
  }
  const found: SearchItem[] = [];
  let checked = 0;
  let batchSize = candidates.total <= 500 ? Math.max(1, candidates.total) : Math.ceil(need * 1.25);
  while (found.length < need && checked < candidates.total && checked < tuning.maxChecked) {
    const batch = candidates.next(batchSize);
    if (batch.length === 0) break;
    checked += batch.length;
    const matching = wide && plans.length > 0 ? await withWidePrefix(db, batch, wide) : batch;
    const visible = new Map<string, SearchItem>();
    for (const type of typeList) {
      const ids = matching.filter((c) => c.type === type).map((c) => c.id);
      for (let i = 0; i < ids.length; i += 500) {
        for (const item of await loadVisible(db, type, ids.slice(i, i + 500), f)) visible.set(`${type}:${item.id}`, item);
      }
    }
    for (const c of matching) {
      const item = visible.get(`${c.type}:${c.id}`);
      if (item) found.push({ ...item, score: c.score });
    }
    batchSize = Math.min(batchSize * 2, 4_000);
  }
  const exhausted = checked >= candidates.total;
  if (exhausted && scale === 1) return { items: found, total: found.length, totalIsEstimate: false };
  const estimate = checked > 0 ? Math.round((found.length / checked) * candidates.total * scale) : 0;
  return { items: found, total: Math.max(found.length, estimate), totalIsEstimate: true };
}

// The ranking segments each result's name and snippet. Segmenting is a pure function of the text, so the
// tokens of recently ranked texts are kept (least recently used out first): typing a word letter by letter,
// paging and repeated searches rank mostly the same records again.
const TOKEN_CACHE_SIZE = 20_000;
const tokenCache = new Map<string, string[]>();

function tokensOf(text: string): string[] {
  const cached = tokenCache.get(text);
  if (cached) {
    tokenCache.delete(text);
    tokenCache.set(text, cached);
    return cached;
  }
  const tokens = searchTokens(text);
  tokenCache.set(text, tokens);
  if (tokenCache.size > TOKEN_CACHE_SIZE) {
    const oldest = tokenCache.keys().next();
    if (!oldest.done) tokenCache.delete(oldest.value);
  }
  return tokens;
}

/**
 * Thai-aware search over enterprises, clusters and institutions: the query is normalised and segmented
 * (Intl.Segmenter), every term must match (the last one as a prefix), facets filter, and the matches are
 * ranked on their full text (names first, exact words before prefixes, phrases before scattered words).
 * The full-text ranking covers the best matches by index score (at least 150, more for later pages); for a
 * very common word the total is then an estimate (`totalIsEstimate`).
 */
export async function searchAll(ctx: AppContext, actor: Actor, query: SearchQuery, tuning: SearchTuning = TUNING) {
  authorize(actor, "list", { type: "reference" });
  const { db } = ctx.database;
  const terms = searchQueryTerms(query.q);
  if (terms.length === 0) return { items: [] as SearchItem[], total: 0, totalIsEstimate: false, page: query.page, pageSize: query.pageSize };
  const enterpriseFacets = Boolean(query.stage || query.size || query.sector);
  const types: SearchEntityType[] | null = query.type ? [query.type] : enterpriseFacets ? ["enterprise"] : null;
  const filters: Filters = {
    ...query,
    unpublishedToo: seesUnpublished(actor),
    ownClusters: actor.kind === "user" ? [...actor.clusterIds] : [],
    institutions: institutionVisibility(actor),
  };
  const wanted = Math.max(MIN_MATCHES, query.page * query.pageSize);
  const { items, total, totalIsEstimate } = await findMatches(db, terms, types, filters, wanted + 50, tuning);

  // Full-text re-ranking (segmentation) is the costly step: only the best by index score get it.
  const byIndex = [...items].sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id - b.id);
  const head = byIndex.slice(0, wanted + 50);
  const tail = byIndex.slice(wanted + 50);
  const reranked = head
    .map((item) => ({
      ...item,
      score:
        rankScore(
          {
            fields: [
              { tokens: tokensOf(`${item.nameTh ?? ""} ${item.nameEn ?? ""}`), weight: WEIGHTS.name },
              { tokens: tokensOf(item.snippet ?? ""), weight: WEIGHTS.description },
            ],
          },
          terms,
        ) + item.score / 100,
    }))
    .sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id - b.id);
  const ranked = [...reranked, ...tail];
  const start = (query.page - 1) * query.pageSize;
  return {
    items: ranked.slice(start, start + query.pageSize).map((i) => ({ ...i, score: Math.round(i.score * 1000) / 1000 })),
    total,
    totalIsEstimate,
    page: query.page,
    pageSize: query.pageSize,
  };
}
