import { rankScore, searchQueryTerms, searchTokens, type Actor, type QueryTerm } from "@sainam/core";
import { search, type DB, type SearchEntityType } from "@sainam/db";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { authorize, seesUnpublished } from "../policies/policy.ts";
import { WEIGHTS } from "./search.indexer.ts";

// The driving term's postings are read a page at a time, and reading stops once enough matches are found.
const PAGE = 500;
const COUNT_CAP = 5_000;
const MIN_MATCHES = 100;
const MAX_POSTINGS = 200_000;

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

type Filters = SearchQuery & { unpublishedToo: boolean; ownClusters: number[]; isPublic: boolean };

function isEntityType(value: string): value is SearchEntityType {
  return value === "enterprise" || value === "cluster" || value === "institution";
}

/** The index score of one entity: every term must match one of its terms; each counts its best weight. */
function indexScore(rows: ReadonlyArray<{ term: string; weight: number }>, terms: QueryTerm[]): number {
  let total = 0;
  for (const q of terms) {
    let best = 0;
    for (const row of rows) {
      const quality = row.term === q.term ? 1 : q.prefix && row.term.startsWith(q.term) ? 0.5 : 0;
      best = Math.max(best, row.weight * quality);
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

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
  if (f.isPublic) q = q.where("published", "=", 1);
  if (f.province) q = q.where("province_code", "=", f.province);
  return (await q.execute()).map((row) => ({ type, id: row.id, nameTh: row.name_th, nameEn: row.name_en, snippet: row.description, provinceCode: row.province_code, score: 0 }));
}

/**
 * Candidates matching every term (AND). The rarest term drives: its postings are walked in index order
 * a page at a time; the other terms are checked against each candidate's own index rows; facets and
 * visibility are applied per page; walking stops once `wanted` visible matches are found (or the term
 * is exhausted), so a very common word costs a few pages, not the whole index.
 */
async function findMatches(db: Kysely<DB>, terms: QueryTerm[], types: SearchEntityType[] | null, f: Filters, wanted: number): Promise<{ items: SearchItem[]; exhausted: boolean }> {
  let counts = terms.length === 1 ? [1] : await Promise.all(terms.map((t) => search.countTerm(db, t.term, t.prefix, types, COUNT_CAP)));
  // Several common terms tie at the cap: count those further, since walking the wrong one costs far more.
  if (counts.filter((n) => n >= COUNT_CAP).length > 1) {
    counts = await Promise.all(terms.map((t, i) => ((counts[i] ?? 0) >= COUNT_CAP ? search.countTerm(db, t.term, t.prefix, types, COUNT_CAP * 5) : Promise.resolve(counts[i] ?? 0))));
  }
  const driverIndex = counts.indexOf(Math.min(...counts));
  const driver = terms[driverIndex];
  if (!driver || (counts[driverIndex] ?? 0) === 0) return { items: [], exhausted: true };
  const found = new Map<string, SearchItem>();
  const checked = new Set<string>();
  let cursor: search.PostingCursor = null;
  let read = 0;
  for (;;) {
    const postings = await search.termPostings(db, driver.term, driver.prefix, types, cursor, PAGE);
    read += postings.length;
    const last = postings.at(-1);
    if (last) cursor = { term: last.term, entity_type: last.entity_type, entity_id: last.entity_id };
    const fresh = new Map<SearchEntityType, number[]>();
    for (const p of postings) {
      const key = `${p.entity_type}:${p.entity_id}`;
      if (checked.has(key) || !isEntityType(p.entity_type)) continue;
      checked.add(key);
      const list = fresh.get(p.entity_type);
      if (list) list.push(p.entity_id);
      else fresh.set(p.entity_type, [p.entity_id]);
    }
    for (const [type, ids] of fresh) {
      const rows = terms.length > 1 ? await search.termsOfEntities(db, type, ids) : postings.filter((p) => p.entity_type === type);
      const byEntity = new Map<number, Array<{ term: string; weight: number }>>();
      for (const r of rows) {
        const list = byEntity.get(r.entity_id);
        if (list) list.push(r);
        else byEntity.set(r.entity_id, [r]);
      }
      const scores = new Map<number, number>();
      for (const id of ids) {
        const score = indexScore(byEntity.get(id) ?? [], terms);
        if (score > 0) scores.set(id, score);
      }
      for (const item of await loadVisible(db, type, [...scores.keys()], f)) {
        found.set(`${type}:${item.id}`, { ...item, score: scores.get(item.id) ?? 0 });
      }
    }
    if (postings.length < PAGE) return { items: [...found.values()], exhausted: true };
    if (found.size >= wanted || read >= MAX_POSTINGS) return { items: [...found.values()], exhausted: false };
  }
}

/**
 * Thai-aware search over enterprises, clusters and institutions: the query is normalised and segmented
 * (Intl.Segmenter), every term must match (the last one as a prefix), facets filter, and the matches are
 * ranked on their full text (names first, exact words before prefixes, phrases before scattered words).
 * For very common words the ranking covers the first matches found in index order, at least 100.
 */
export async function searchAll(ctx: AppContext, actor: Actor, query: SearchQuery) {
  authorize(actor, "list", { type: "reference" });
  const { db } = ctx.database;
  const terms = searchQueryTerms(query.q);
  if (terms.length === 0) return { items: [] as SearchItem[], total: 0, page: query.page, pageSize: query.pageSize };
  const enterpriseFacets = Boolean(query.stage || query.size || query.sector);
  const types: SearchEntityType[] | null = query.type ? [query.type] : enterpriseFacets ? ["enterprise"] : null;
  const filters: Filters = {
    ...query,
    unpublishedToo: seesUnpublished(actor),
    ownClusters: actor.kind === "user" ? [...actor.clusterIds] : [],
    isPublic: actor.kind === "public",
  };
  const wanted = Math.max(MIN_MATCHES, query.page * query.pageSize);
  const { items } = await findMatches(db, terms, types, filters, wanted);

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
              { tokens: searchTokens(`${item.nameTh ?? ""} ${item.nameEn ?? ""}`), weight: WEIGHTS.name },
              { tokens: searchTokens(item.snippet ?? ""), weight: WEIGHTS.description },
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
    total: ranked.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
