import type { QueryTerm } from "@sainam/core";
import { search, type DB, type SearchEntityType } from "@sainam/db";
import type { Kysely } from "kysely";

// How a query's terms become candidates: every term is read as postings (ids with weights) per block of
// entity ids, the rarest term's blocks first, each further term only in the blocks where candidates
// remain; the intersection is done here, block by block. See docs/ARCHITECTURE.md (Search).

const EXACT = 1;
const PREFIX = 0.5;

/** One index key a query term reads, with the quality of its matches (exact word, or a word it starts). */
type Source = {
  key: string;
  quality: number;
  /** Per entity type: block → stamp. */
  blocks: Map<string, Map<number, number>>;
  postings: number;
};

export type TermPlan = { term: QueryTerm; sources: Source[]; count: number };

/** A block's postings as a term sees them: ids ascending, and each id's score for the term (weight × quality). */
type Run = { ids: ArrayLike<number>; weights: ArrayLike<number>; scale: number };
/** Candidates of one block: ids ascending and their accumulated index score. */
type Acc = { ids: ArrayLike<number>; scores: ArrayLike<number> };

function sourceOf(key: string, quality: number, rows: ReadonlyArray<search.BlockMeta>): Source {
  const blocks = new Map<string, Map<number, number>>();
  let postings = 0;
  for (const row of rows) {
    let byBlock = blocks.get(row.entity_type);
    if (!byBlock) blocks.set(row.entity_type, (byBlock = new Map()));
    byBlock.set(row.block, row.stamp);
    postings += row.count;
  }
  return { key, quality, blocks, postings };
}

function groupByTerm(rows: ReadonlyArray<search.BlockMeta>): Map<string, search.BlockMeta[]> {
  const out = new Map<string, search.BlockMeta[]>();
  for (const row of rows) {
    const list = out.get(row.term);
    if (list) list.push(row);
    else out.set(row.term, [row]);
  }
  return out;
}

/**
 * What each query term reads: an exact term its own postings; a prefix of at most three characters its
 * prefix list (every entity with a word starting so), plus its own postings to score exact words higher;
 * a longer prefix the postings of every term it starts — unless those run past `rangeRows` rows, when it
 * is returned as `wide` (checked on each candidate's document instead). `count` estimates how many
 * entities a term matches, to read the rarest first.
 */
export async function planTerms(db: Kysely<DB>, terms: readonly QueryTerm[], types: readonly SearchEntityType[] | null, rangeRows: number): Promise<{ plans: TermPlan[]; wide: QueryTerm | null }> {
  const short = (t: QueryTerm) => [...t.term].length <= search.PREFIX_LIST_LENGTH;
  const keys = terms.flatMap((t) => (!t.prefix ? [t.term] : short(t) ? [t.term, search.PREFIX_MARK + t.term] : []));
  const long = terms.find((t) => t.prefix && !short(t)) ?? null;
  const metas = groupByTerm(keys.length > 0 ? await search.postingBlocks(db, keys, types) : []);
  const range = long ? await search.postingRange(db, long.term, types, rangeRows + 1) : [];
  const plans: TermPlan[] = [];
  let wide: QueryTerm | null = null;
  for (const t of terms) {
    if (!t.prefix) {
      const source = sourceOf(t.term, EXACT, metas.get(t.term) ?? []);
      plans.push({ term: t, sources: [source], count: source.postings });
    } else if (short(t)) {
      // The prefix list holds every entity of the exact word too: it alone decides membership.
      const exact = sourceOf(t.term, EXACT, metas.get(t.term) ?? []);
      const list = sourceOf(search.PREFIX_MARK + t.term, PREFIX, metas.get(search.PREFIX_MARK + t.term) ?? []);
      plans.push({ term: t, sources: exact.postings > 0 ? [list, exact] : [list], count: list.postings });
    } else if (range.length > rangeRows) {
      wide = t;
    } else {
      const sources = [...groupByTerm(range)].map(([key, rows]) => sourceOf(key, key === t.term ? EXACT : PREFIX, rows));
      plans.push({ term: t, sources, count: sources.reduce((n, s) => n + s.postings, 0) });
    }
  }
  return { plans, wide };
}

/** Union of runs with the best score per id. */
function union(runs: Run[]): Run {
  if (runs.length === 1 && runs[0]) return runs[0];
  let ids: number[] = [];
  let scores: number[] = [];
  for (const run of runs) {
    const nextIds: number[] = [];
    const nextScores: number[] = [];
    let i = 0;
    let j = 0;
    while (i < ids.length || j < run.ids.length) {
      const a = i < ids.length ? (ids[i] ?? Infinity) : Infinity;
      const b = j < run.ids.length ? (run.ids[j] ?? Infinity) : Infinity;
      if (a < b) {
        nextIds.push(a);
        nextScores.push(scores[i++] ?? 0);
      } else {
        const score = (run.weights[j++] ?? 0) * run.scale;
        nextIds.push(b);
        nextScores.push(a === b ? Math.max(score, scores[i++] ?? 0) : score);
      }
    }
    ids = nextIds;
    scores = nextScores;
  }
  return { ids, weights: scores, scale: 1 };
}

/** The runs of one term in the given blocks of one entity type. */
async function termRuns(db: Kysely<DB>, plan: TermPlan, type: string, blocks: readonly number[]): Promise<Map<number, Run>> {
  const perSource: Array<{ quality: number; postings: Map<number, search.Postings> }> = [];
  for (const source of plan.sources) {
    const stamps = source.blocks.get(type);
    if (!stamps) continue;
    const wanted = blocks.flatMap((block) => {
      const stamp = stamps.get(block);
      return stamp === undefined ? [] : [{ block, stamp }];
    });
    if (wanted.length > 0) perSource.push({ quality: source.quality, postings: await search.readPostings(db, type, source.key, wanted, source.postings) });
  }
  const out = new Map<number, Run>();
  for (const block of blocks) {
    const runs: Run[] = [];
    for (const s of perSource) {
      const p = s.postings.get(block);
      if (p && p.ids.length > 0) runs.push({ ids: p.ids, weights: p.weights, scale: s.quality });
    }
    if (runs.length > 0) out.set(block, union(runs));
  }
  return out;
}

/** First index ≥ from in sorted ids holding a value ≥ target (galloping, then binary search). */
function seek(ids: ArrayLike<number>, from: number, target: number): number {
  let step = 1;
  let hi = from;
  while (hi < ids.length && (ids[hi] ?? Infinity) < target) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, ids.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if ((ids[mid] ?? Infinity) < target) from = mid + 1;
    else hi = mid;
  }
  return from;
}

/** Candidates of `acc` that `run` has too, with the run's score added. */
function intersect(acc: Acc, run: Run): Acc {
  const ids: number[] = [];
  const scores: number[] = [];
  let j = 0;
  for (let i = 0; i < acc.ids.length && j < run.ids.length; i++) {
    const id = acc.ids[i] ?? 0;
    if ((run.ids[j] ?? Infinity) < id) j = seek(run.ids, j, id);
    if (run.ids[j] === id) {
      ids.push(id);
      scores.push((acc.scores[i] ?? 0) + (run.weights[j] ?? 0) * run.scale);
      j++;
    }
  }
  return { ids, scores };
}

/**
 * The entities of one type having every planned term (AND), with their index score (the sum over the
 * terms of the best weight × quality). The rarest term's blocks are read first, and only blocks that every
 * other term has at all; each further term is read only in the blocks where candidates remain.
 */
async function intersectType(db: Kysely<DB>, plans: readonly TermPlan[], type: string): Promise<Acc[]> {
  const ordered = [...plans].sort((a, b) => a.count - b.count);
  const [driver, ...others] = ordered;
  if (!driver) return [];
  const blocksOf = (plan: TermPlan) => {
    const set = new Set<number>();
    for (const s of plan.sources) for (const block of s.blocks.get(type)?.keys() ?? []) set.add(block);
    return set;
  };
  const otherBlocks = others.map(blocksOf);
  let blocks = [...blocksOf(driver)].filter((b) => otherBlocks.every((set) => set.has(b))).sort((a, b) => a - b);
  if (blocks.length === 0) return [];
  const current = new Map<number, Acc>();
  for (const [block, run] of await termRuns(db, driver, type, blocks)) {
    const scores = new Float64Array(run.ids.length);
    for (let i = 0; i < scores.length; i++) scores[i] = (run.weights[i] ?? 0) * run.scale;
    current.set(block, { ids: run.ids, scores });
  }
  for (const plan of others) {
    blocks = blocks.filter((b) => current.has(b));
    if (blocks.length === 0) return [];
    const runs = await termRuns(db, plan, type, blocks);
    for (const block of blocks) {
      const acc = current.get(block);
      const run = runs.get(block);
      const next = acc && run ? intersect(acc, run) : null;
      if (next && next.ids.length > 0) current.set(block, next);
      else current.delete(block);
    }
  }
  return [...current.keys()].sort((a, b) => a - b).flatMap((b) => {
    const acc = current.get(b);
    return acc ? [acc] : [];
  });
}

export type Candidate = { type: SearchEntityType; id: number; score: number };

/**
 * Candidates in rank order — index score descending, then type, then id — handed out a batch at a time.
 * Only the score levels a batch reaches are gathered (one pass over the candidates per batch), so a common
 * word with 100,000 candidates is not sorted to show the first 20.
 */
export class RankedCandidates {
  readonly total: number;
  readonly #lists: ReadonlyArray<{ type: SearchEntityType; accs: Acc[] }>;
  readonly #levels: Array<[number, number]>;
  #level = 0;
  #buffer: Candidate[] = [];
  #at = 0;

  constructor(lists: ReadonlyArray<{ type: SearchEntityType; accs: Acc[] }>) {
    this.#lists = lists;
    const histogram = new Map<number, number>();
    let total = 0;
    for (const { accs } of lists) {
      for (const acc of accs) {
        total += acc.ids.length;
        for (let i = 0; i < acc.scores.length; i++) {
          const score = acc.scores[i] ?? 0;
          histogram.set(score, (histogram.get(score) ?? 0) + 1);
        }
      }
    }
    this.total = total;
    this.#levels = [...histogram].sort((a, b) => b[0] - a[0]);
  }

  next(n: number): Candidate[] {
    if (this.#buffer.length - this.#at < n && this.#level < this.#levels.length) {
      let want = n - (this.#buffer.length - this.#at);
      const first = this.#level;
      while (want > 0 && this.#level < this.#levels.length) want -= this.#levels[this.#level++]?.[1] ?? 0;
      const high = this.#levels[first]?.[0] ?? Infinity;
      const low = this.#levels[this.#level - 1]?.[0] ?? -Infinity;
      const byLevel = new Map<number, Candidate[]>();
      for (let l = first; l < this.#level; l++) byLevel.set(this.#levels[l]?.[0] ?? 0, []);
      for (const { type, accs } of this.#lists) {
        for (const acc of accs) {
          for (let i = 0; i < acc.ids.length; i++) {
            const score = acc.scores[i] ?? 0;
            if (score > high || score < low) continue;
            byLevel.get(score)?.push({ type, id: acc.ids[i] ?? 0, score });
          }
        }
      }
      this.#buffer = this.#buffer.slice(this.#at);
      this.#at = 0;
      for (const list of byLevel.values()) this.#buffer.push(...list);
    }
    const out = this.#buffer.slice(this.#at, this.#at + n);
    this.#at += out.length;
    return out;
  }
}

/** The entities of the given types having every planned term, ranked by index score. */
export async function intersectTerms(db: Kysely<DB>, plans: readonly TermPlan[], types: readonly SearchEntityType[]): Promise<RankedCandidates> {
  const lists: Array<{ type: SearchEntityType; accs: Acc[] }> = [];
  for (const type of types) lists.push({ type, accs: await intersectType(db, plans, type) });
  return new RankedCandidates(lists);
}

/**
 * A wide prefix alone: the entities of its first `rows` postings rows in term order (an exact word
 * scoring above words it starts), with the number of rows the prefix has in all, counted up to `cap`.
 */
export async function widePrefixCandidates(db: Kysely<DB>, term: QueryTerm, types: readonly SearchEntityType[], rows: number, cap: number): Promise<{ candidates: RankedCandidates; rowsRead: number; rowsInAll: number }> {
  const read = await search.rangePostings(db, term.term, types, rows);
  const rowsInAll = read.length < rows ? read.length : await search.countRange(db, term.term, types, cap);
  const best = new Map<string, Map<number, number>>();
  for (const row of read) {
    let scores = best.get(row.entity_type);
    if (!scores) best.set(row.entity_type, (scores = new Map()));
    const quality = row.term === term.term ? EXACT : PREFIX;
    const { ids, weights } = row.postings;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? 0;
      scores.set(id, Math.max(scores.get(id) ?? 0, (weights[i] ?? 0) * quality));
    }
  }
  const lists = types.map((type) => {
    const scores = best.get(type) ?? new Map<number, number>();
    const ids = [...scores.keys()].sort((a, b) => a - b);
    return { type, accs: ids.length > 0 ? [{ ids, scores: ids.map((id) => scores.get(id) ?? 0) }] : [] };
  });
  return { candidates: new RankedCandidates(lists), rowsRead: read.length, rowsInAll };
}

/**
 * A wide prefix checked on candidates' documents: the candidates having a word that starts with it, with
 * its score added (the best weight, × 1 for the whole word, × 0.5 for a longer one).
 */
export async function withWidePrefix(db: Kysely<DB>, batch: readonly Candidate[], term: QueryTerm): Promise<Candidate[]> {
  const documents = new Map<string, Map<number, Map<string, number>>>();
  for (const type of new Set(batch.map((c) => c.type))) {
    documents.set(type, await search.documentsOf(db, type, batch.filter((c) => c.type === type).map((c) => c.id)));
  }
  return batch.flatMap((c) => {
    let best = 0;
    for (const [word, weight] of documents.get(c.type)?.get(c.id) ?? []) {
      if (word.startsWith(term.term)) best = Math.max(best, weight * (word === term.term ? EXACT : PREFIX));
    }
    return best > 0 ? [{ ...c, score: c.score + best }] : [];
  });
}
