import { rankScore, searchQueryTerms, searchTokens, type Actor, type QueryTerm } from "@sainam/core";
import { search, type DB, type SearchEntityType } from "@sainam/db";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { authorize, seesUnpublished } from "../policies/policy.ts";
import { WEIGHTS } from "./search.indexer.ts";

// Index rows read per query term, and candidates re-ranked in full: bounds the work of a very common term.
const HITS_PER_TERM = 20_000;
const RERANK = 300;

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

type Candidate = { type: SearchEntityType; id: number; score: number };

/** Entities matching every query term (AND), with a first score from the index weights. */
async function candidates(db: Kysely<DB>, terms: QueryTerm[], types: SearchEntityType[] | null): Promise<Candidate[]> {
  let result: Map<string, Candidate> | null = null;
  for (const term of terms) {
    const hits = await search.matchTerm(db, term.term, term.prefix, types, HITS_PER_TERM);
    const scored = new Map<string, Candidate>();
    for (const hit of hits) {
      if (hit.entity_type !== "enterprise" && hit.entity_type !== "cluster" && hit.entity_type !== "institution") continue;
      const key = `${hit.entity_type}:${hit.entity_id}`;
      if (result && !result.has(key)) continue;
      const points = hit.weight * (hit.term === term.term ? 1 : 0.5);
      const previous = scored.get(key);
      if (!previous || previous.score < points) scored.set(key, { type: hit.entity_type, id: hit.entity_id, score: points + (result?.get(key)?.score ?? 0) });
    }
    result = scored;
    if (result.size === 0) break;
  }
  return [...(result?.values() ?? [])];
}

/**
 * Thai-aware search over enterprises, clusters and institutions: the query is normalised and segmented
 * (Intl.Segmenter), every term must match (the last one as a prefix), candidates from the term index are
 * filtered by the facets and re-ranked on their full text.
 */
export async function searchAll(ctx: AppContext, actor: Actor, query: SearchQuery) {
  authorize(actor, "list", { type: "reference" });
  const { db } = ctx.database;
  const terms = searchQueryTerms(query.q);
  const empty = { items: [] as SearchItem[], total: 0, page: query.page, pageSize: query.pageSize };
  if (terms.length === 0) return empty;
  const unpublishedToo = seesUnpublished(actor);
  const enterpriseFacets = Boolean(query.stage || query.size || query.sector);
  const types: SearchEntityType[] | null = query.type ? [query.type] : enterpriseFacets ? ["enterprise"] : null;

  const found = (await candidates(db, terms, types)).sort((a, b) => b.score - a.score || a.id - b.id);
  const items: SearchItem[] = [];
  const byType = (type: SearchEntityType) => found.filter((c) => c.type === type).map((c) => c.id);

  const enterpriseIds = byType("enterprise");
  for (let i = 0; i < enterpriseIds.length && items.length < RERANK * 4; i += 500) {
    let q = db.selectFrom("enterprises as e").select(["e.id", "e.name_th", "e.name_en", "e.business_type", "e.province_code"]).where("e.id", "in", enterpriseIds.slice(i, i + 500));
    if (!unpublishedToo) q = q.where("e.published", "=", 1);
    if (query.province) q = q.where("e.province_code", "=", query.province);
    if (query.size) q = q.where("e.size_class", "=", query.size);
    if (query.sector) q = q.where("e.tsic_code", "like", `${query.sector}%`);
    if (query.region) q = q.where("e.province_code", "in", db.selectFrom("provinces").select("code").where("region_code", "=", query.region ?? ""));
    if (query.provincialCluster !== undefined) {
      q = q.where("e.province_code", "in", db.selectFrom("provincial_cluster_provinces").select("province_code").where("provincial_cluster_id", "=", query.provincialCluster));
    }
    if (query.stage) q = q.where("e.id", "in", db.selectFrom("memberships").select("enterprise_id").where("stage", "=", query.stage ?? "").where("left_on", "is", null));
    for (const row of await q.execute()) {
      items.push({ type: "enterprise", id: row.id, nameTh: row.name_th, nameEn: row.name_en, snippet: row.business_type, provinceCode: row.province_code, score: 0 });
    }
  }

  if (!enterpriseFacets) {
    const clusterIds = byType("cluster");
    if (clusterIds.length) {
      let q = db.selectFrom("clusters").select(["id", "name_th", "name_en", "description_th", "description_en"]).where("id", "in", clusterIds.slice(0, 1000));
      if (!unpublishedToo) {
        const own = actor.kind === "user" ? [...actor.clusterIds] : [];
        q = q.where((eb) => (own.length ? eb.or([eb("published", "=", 1), eb("id", "in", own)]) : eb("published", "=", 1)));
      }
      if (query.province || query.region || query.provincialCluster !== undefined) {
        let provinces = db.selectFrom("provinces").select("code");
        if (query.province) provinces = provinces.where("code", "=", query.province);
        if (query.region) provinces = provinces.where("region_code", "=", query.region);
        if (query.provincialCluster !== undefined) provinces = provinces.where("code", "in", db.selectFrom("provincial_cluster_provinces").select("province_code").where("provincial_cluster_id", "=", query.provincialCluster ?? 0));
        q = q.where("id", "in", db.selectFrom("cluster_provinces").select("cluster_id").where("province_code", "in", provinces));
      }
      for (const row of await q.execute()) {
        items.push({ type: "cluster", id: row.id, nameTh: row.name_th, nameEn: row.name_en, snippet: row.description_th ?? row.description_en, provinceCode: null, score: 0 });
      }
    }
    const institutionIds = byType("institution");
    if (institutionIds.length) {
      let q = db.selectFrom("institutions").select(["id", "name_th", "name_en", "description", "province_code"]).where("id", "in", institutionIds.slice(0, 1000));
      if (actor.kind === "public") q = q.where("published", "=", 1);
      if (query.province) q = q.where("province_code", "=", query.province);
      for (const row of await q.execute()) {
        items.push({ type: "institution", id: row.id, nameTh: row.name_th, nameEn: row.name_en, snippet: row.description, provinceCode: row.province_code, score: 0 });
      }
    }
  }

  // Re-rank on the full text: names weigh most; exact words beat prefixes; phrases beat scattered words.
  const first = new Map(found.map((c) => [`${c.type}:${c.id}`, c.score]));
  items.sort((a, b) => (first.get(`${b.type}:${b.id}`) ?? 0) - (first.get(`${a.type}:${a.id}`) ?? 0));
  const top = items.slice(0, RERANK).map((item) => ({
    ...item,
    score: rankScore(
      {
        fields: [
          { tokens: searchTokens(`${item.nameTh ?? ""} ${item.nameEn ?? ""}`), weight: WEIGHTS.name },
          { tokens: searchTokens(item.snippet ?? ""), weight: WEIGHTS.description },
        ],
      },
      terms,
    ) + (first.get(`${item.type}:${item.id}`) ?? 0) / 100,
  }));
  top.sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id - b.id);
  const ranked = [...top, ...items.slice(RERANK)];
  const start = (query.page - 1) * query.pageSize;
  return { items: ranked.slice(start, start + query.pageSize).map((i) => ({ ...i, score: Math.round(i.score * 1000) / 1000 })), total: ranked.length, page: query.page, pageSize: query.pageSize };
}
