import { parseSearchQuery, type Actor, type SearchQueryText } from "@sainam/core";
import { search, type SearchEntityType } from "@sainam/db";
import { MAX_RESULT_DEPTH } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { authorize, searchVisibility } from "../policies/policy.ts";

/** Limits of the search's work; tests lower them to reach the paths large registries take. */
export type SearchTuning = {
  /**
   * Matches of one tier read at most (in id order, or `need` when more are needed for a deep page). When the
   * loosest tier has more, the tighter tiers are read too, and the total is estimated from how far into the
   * ids the matches read reached.
   */
  window: number;
};
const TUNING: SearchTuning = { window: 300 };
// The order results of equal score come in: by type (as localeCompare sorts them), then id.
const ALL_TYPES: readonly SearchEntityType[] = ["cluster", "enterprise", "institution"];

export type SearchQuery = search.SearchFacets & {
  q: string;
  type?: SearchEntityType | undefined;
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

/**
 * A tier of matches: every pattern found. Tiers go from the closest match to the loosest — each query word
 * a whole word of the name, the beginning of a word of the name, anywhere in the name, anywhere in the record
 * — and last, for Thai typed without spaces, the dictionary's words of it anywhere. A result is shown in the
 * first tier that has it.
 */
type Tier = { patterns: search.SearchPattern[]; weight: number };

function tiersOf(q: SearchQueryText): Tier[] {
  const tiers: Tier[] = [
    { patterns: q.terms.map((t) => ({ text: ` ${t} `, in: "name" as const })), weight: 5 },
    { patterns: q.terms.map((t) => ({ text: ` ${t}`, in: "name" as const })), weight: 4 },
    { patterns: q.terms.map((t) => ({ text: t, in: "name" as const })), weight: 3 },
    { patterns: q.terms.map((t) => ({ text: t, in: "any" as const })), weight: 2 },
  ];
  if (q.segmented) tiers.push({ patterns: q.segmented.map((t) => ({ text: t, in: "any" as const })), weight: 1 });
  return tiers;
}

/**
 * How a match ranks inside its tier, highest first: the query is the whole of one of its names (an exact
 * name above longer names containing it), a name begins with it (as a whole word, then at all), it stands
 * in a name as typed; then the shorter name.
 */
function withinTier(query: string, searchName: string): { closeness: number; length: number } {
  let best = { closeness: 0, length: Infinity };
  for (const name of searchName.trim().split(" | ")) {
    const closeness =
      name === query ? 4 : name.startsWith(`${query} `) ? 3 : name.startsWith(query) ? 2 : name.includes(query) ? 1 : 0;
    if (closeness > best.closeness || (closeness === best.closeness && name.length < best.length))
      best = { closeness, length: name.length };
  }
  return { closeness: best.closeness, length: Number.isFinite(best.length) ? best.length : 0 };
}

type Ranked = SearchItem & { closeness: number; length: number };

/** Whether a match's name has every name pattern of a tier (its "any" patterns it has, being a match). */
function inTier(tier: Tier, searchName: string): boolean {
  return tier.patterns.every((p) => p.in === "any" || searchName.includes(p.text));
}

/**
 * Search over enterprises, clusters and institutions as a person types (DESIGN.md §4): every query word is
 * found as a substring of the record's folded text through the engine's trigram index, so Thai words the
 * dictionary would cut (โซล่าร์), words inside compounds (ลานนา in คาเฟ่ลานนา) and beginnings typed so far are
 * all found. Results come tier by tier (whole words of the name first, see tiersOf), ranked inside a tier by
 * closeness to the query (an exact name first, then the shorter name).
 *
 * The loosest tier is read first: when its matches fit in the window (nearly every query), they are all there
 * is — each is put in its tier here, and the total is exact. A common word has more: then the tighter tiers are
 * read as well (so whole-word matches are never lost among the rest), and the total is estimated
 * (`totalIsEstimate`). Thai typed without spaces that matches nothing is tried as the dictionary's words.
 */
export async function searchAll(ctx: AppContext, actor: Actor, query: SearchQuery, tuning: SearchTuning = TUNING) {
  authorize(actor, "list", { type: "reference" });
  const { db, dialect } = ctx.database;
  const parsed = parseSearchQuery(query.q);
  const empty = {
    items: [] as SearchItem[],
    total: 0,
    totalIsEstimate: false,
    page: query.page,
    pageSize: query.pageSize,
  };
  if (parsed.terms.length === 0) return empty;
  const enterpriseFacets = Boolean(query.stage || query.size || query.sector);
  const types: readonly SearchEntityType[] = query.type ? [query.type] : enterpriseFacets ? ["enterprise"] : ALL_TYPES;
  const { q: _q, type: _type, page: _page, pageSize: _pageSize, ...facets } = query;
  const filters: search.SearchFilters = {
    ...facets,
    ...searchVisibility(actor),
  };
  const readTier = (tier: Tier, limit: number) => search.readMatches(db, dialect, types, filters, tier.patterns, limit);
  const need = Math.min(query.page * query.pageSize, MAX_RESULT_DEPTH);
  const limit = Math.max(tuning.window, need);
  const runnable = (t: Tier) => t.patterns.some((p) => [...p.text].length >= search.INDEXED_LENGTH);
  const all = tiersOf(parsed);
  const tiers = all.filter((t) => t.weight >= 2 && runnable(t));
  const loosest = tiers.at(-1);

  const found: Ranked[] = [];
  const seen = new Set<string>();
  const take = (tier: Tier, reads: readonly search.TierRead[]) => {
    const ranked: Ranked[] = [];
    for (const { type, rows } of reads) {
      for (const row of rows) {
        const key = `${type}:${row.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { closeness, length } = withinTier(parsed.text, row.search_name);
        ranked.push({
          type,
          id: Number(row.id),
          nameTh: row.name_th,
          nameEn: row.name_en,
          snippet: row.snippet,
          provinceCode: row.province_code,
          score: tier.weight + closeness / 10,
          closeness,
          length,
        });
      }
    }
    ranked.sort(
      (a, b) => b.closeness - a.closeness || a.length - b.length || a.type.localeCompare(b.type) || a.id - b.id,
    );
    found.push(...ranked);
  };

  // A juristic ID typed whole: the firm that has it first, from the registry's unique index.
  if (parsed.juristicId && types.includes("enterprise")) {
    const byId = await search.readJuristicId(db, dialect, filters, parsed.juristicId);
    if (byId) take({ patterns: [], weight: 6 }, [byId]);
  }
  const loose = loosest ? await readTier(loosest, limit) : null;
  let total = 0;
  let totalIsEstimate = false;
  if (loose && loosest && !loose.some((r) => r.truncated)) {
    // Every match is here: each goes to the first tier whose name patterns it has.
    for (const tier of tiers)
      take(
        tier,
        loose.map((r) => ({ ...r, rows: r.rows.filter((row) => inTier(tier, row.search_name)) })),
      );
    total = found.length;
  } else if (loose && loosest) {
    for (const tier of tiers.slice(0, -1)) {
      const reads = await readTier(tier, limit);
      if (reads) take(tier, reads);
      if (found.length >= need) break;
    }
    if (found.length < need) take(loosest, loose);
    total = Math.max(found.length, await search.estimateTotal(db, loose, limit));
    totalIsEstimate = true;
  }
  const segmented = all.find((t) => t.weight === 1);
  if (found.length === 0 && segmented && runnable(segmented)) {
    const reads = await readTier(segmented, limit);
    if (reads) {
      take(segmented, reads);
      total = found.length;
      totalIsEstimate = reads.some((r) => r.truncated);
      if (totalIsEstimate) total = Math.max(total, await search.estimateTotal(db, reads, limit));
    }
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    items: found
      .slice(start, start + query.pageSize)
      .map(({ closeness: _c, length: _l, ...item }) => ({ ...item, score: Math.round(item.score * 1000) / 1000 })),
    total,
    totalIsEstimate,
    page: query.page,
    pageSize: query.pageSize,
  };
}
