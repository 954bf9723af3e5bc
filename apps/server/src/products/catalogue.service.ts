import { isCertificationKind, parseSearchQuery, tsicSectionOf, type Actor } from "@sainam/core";
import type { CatalogueCard, CatalogueQuery, CatalogueResult } from "@sainam/contract";
import { products, type CatalogueFilters } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { photoUrl, todayOf } from "./product.service.ts";

/** Matches read at most for one query (more and the total is estimated); tests lower it to reach that path. */
export type CatalogueTuning = { window: number };
const TUNING: CatalogueTuning = { window: 400 };
/** The deepest a query's results are read, whatever page is asked for. */
const MAX_DEPTH = 5_000;

function filtersOf(query: CatalogueQuery, today: string): CatalogueFilters {
  const category = query.category;
  return {
    provinceCode: query.province,
    clusterId: query.cluster,
    certification: query.certification,
    today,
    tsicSection: category && /^[A-U]$/.test(category) ? category : undefined,
    // A division or longer code: its section too, which the index narrows by before the prefix is checked.
    tsicPrefix: category && /^\d+$/.test(category) ? category : undefined,
    hsPrefix: query.hs,
  };
}

/**
 * How close a product's names are to the query: each word a whole word of a name (5), the start of a word (4),
 * inside a name (3), elsewhere (2: descriptions, the firm); then the query is a whole name, or starts one.
 */
function scoreOf(terms: readonly string[], text: string, searchName: string): number {
  const tier = terms.every((t) => searchName.includes(` ${t} `))
    ? 5
    : terms.every((t) => searchName.includes(` ${t}`))
      ? 4
      : terms.every((t) => searchName.includes(t))
        ? 3
        : 2;
  const names = searchName.trim().split(" | ");
  const closeness = names.includes(text) ? 0.2 : names.some((n) => n.startsWith(text)) ? 0.1 : 0;
  return tier + closeness;
}

/**
 * The public catalogue: published products matching the words (the registry's Thai search: folded, every word a
 * substring through the trigram index; Thai typed without spaces that finds nothing is tried as the dictionary's
 * words), under the filters; without words, the newest published first. Ranked by closeness of the names.
 */
export async function searchCatalogue(
  ctx: AppContext,
  _actor: Actor,
  query: CatalogueQuery,
  tuning: CatalogueTuning = TUNING,
): Promise<CatalogueResult> {
  const { db, dialect } = ctx.database;
  const today = todayOf(ctx);
  const filters = filtersOf(query, today);
  if (filters.tsicPrefix && !filters.tsicSection) filters.tsicSection = tsicSectionOf(filters.tsicPrefix) ?? undefined;
  const offset = (query.page - 1) * query.pageSize;
  const page = { page: query.page, pageSize: query.pageSize };
  const parsed = parseSearchQuery(query.q ?? "");
  if (parsed.terms.length === 0) {
    const { ids, total } = await products.browseCatalogue(db, dialect, filters, offset, query.pageSize);
    return { items: await cardsOf(ctx, ids, today), total, totalIsEstimate: false, ...page };
  }
  const limit = Math.min(MAX_DEPTH, Math.max(tuning.window, offset + query.pageSize));
  const read = (terms: readonly string[], where: "name" | "any") =>
    products.catalogueMatches(
      db,
      dialect,
      filters,
      terms.map((t) => ({ text: t, in: where })),
      limit,
    );
  let terms: readonly string[] = parsed.terms;
  // PostgreSQL answers on several connections at once: the name matches and the highest id (needed when the first
  // read is cut short) are asked for beside it rather than after. SQLite answers one statement at a time.
  const ahead = dialect === "postgres" ? Promise.all([read(terms, "name"), products.maxProductId(db)]) : null;
  void ahead?.catch(() => undefined); // not always awaited: its failure is reported where it is
  let rows = await read(terms, "any");
  if (rows !== null && rows.length === 0 && parsed.segmented) {
    terms = parsed.segmented;
    rows = await read(terms, "any");
  }
  if (rows === null) return { items: [], total: 0, totalIsEstimate: false, ...page };
  let totalIsEstimate = false;
  let total = rows.length;
  if (rows.length > limit) {
    // More than one read holds: name matches are read on their own too, so they are never lost among the rest.
    totalIsEstimate = true;
    const loose = rows.slice(0, limit);
    const [nameRows, maxId] =
      ahead && terms === parsed.terms
        ? await ahead
        : await Promise.all([read(terms, "name"), products.maxProductId(db)]);
    const named = (nameRows ?? []).slice(0, limit);
    const seen = new Set(named.map((r) => r.id));
    rows = [...named, ...loose.filter((r) => !seen.has(r.id))];
    const first = loose.reduce((m, r) => Math.min(m, r.id), Infinity);
    const last = loose.reduce((m, r) => Math.max(m, r.id), 0);
    const max = Math.max(maxId, last);
    total = Math.max(rows.length, Math.round((limit * (max - first + 1)) / Math.max(1, last - first + 1)));
  }
  const ranked = rows
    .map((r) => ({ id: r.id, score: scoreOf(terms, parsed.text, r.search_name), length: r.search_name.length }))
    .sort((a, b) => b.score - a.score || a.length - b.length || b.id - a.id);
  const ids = ranked.slice(offset, offset + query.pageSize).map((r) => r.id);
  return { items: await cardsOf(ctx, ids, today), total, totalIsEstimate, ...page };
}

async function cardsOf(ctx: AppContext, ids: readonly number[], today: string): Promise<CatalogueCard[]> {
  const rows = await products.catalogueCards(ctx.database.db, ids, today);
  return rows.map((r) => ({
    id: r.id,
    nameTh: r.name_th,
    nameEn: r.name_en,
    firmNameTh: r.firm_name_th,
    firmNameEn: r.firm_name_en,
    provinceCode: r.province_code,
    priceMin: r.price_min,
    priceMax: r.price_max,
    priceUnit: r.price_unit,
    thumbnailUrl: r.thumbnail_key ? photoUrl(r.thumbnail_key) : null,
    certifications: r.certifications.filter(isCertificationKind),
  }));
}
