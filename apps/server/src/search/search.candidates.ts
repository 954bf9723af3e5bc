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
/** Candidates of one block: ids ascending and their index score so far (weights × scale). */
type Acc = Run;

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
 * prefix list (every entity with a word starting so, the whole word scored higher); a longer prefix the
 * postings of every term it starts — unless those run past `rangeRows` rows, when it is returned as `wide`
 * (checked on each candidate's document instead). `count` estimates how many entities a term matches, to
 * read the rarest first.
 */
export async function planTerms(db: Kysely<DB>, terms: readonly QueryTerm[], types: readonly SearchEntityType[] | null, rangeRows: number): Promise<{ plans: TermPlan[]; wide: QueryTerm | null }> {
  const short = (t: QueryTerm) => [...t.term].length <= search.PREFIX_LIST_LENGTH;
  const keys = terms.flatMap((t) => (!t.prefix ? [t.term] : short(t) ? [search.PREFIX_MARK + t.term] : []));
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
      // The prefix list holds every entity with a word starting so, scored (see postingKeysOf).
      const list = sourceOf(search.PREFIX_MARK + t.term, PREFIX, metas.get(search.PREFIX_MARK + t.term) ?? []);
      plans.push({ term: t, sources: [list], count: list.postings });
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
  const [first, ...rest] = runs;
  if (!first) return { ids: [], weights: [], scale: 1 };
  let acc: Run = first;
  for (const run of rest) {
    const ids = new Float64Array(acc.ids.length + run.ids.length);
    const scores = new Float64Array(ids.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < acc.ids.length || j < run.ids.length) {
      const a = i < acc.ids.length ? (acc.ids[i] ?? Infinity) : Infinity;
      const b = j < run.ids.length ? (run.ids[j] ?? Infinity) : Infinity;
      if (a <= b) {
        ids[k] = a;
        scores[k] = (acc.weights[i++] ?? 0) * acc.scale;
        if (a === b) scores[k] = Math.max(scores[k] ?? 0, (run.weights[j++] ?? 0) * run.scale);
      } else {
        ids[k] = b;
        scores[k] = (run.weights[j++] ?? 0) * run.scale;
      }
      k++;
    }
    acc = { ids: ids.subarray(0, k), weights: scores.subarray(0, k), scale: 1 };
  }
  return acc;
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
  const a = acc.ids;
  const b = run.ids;
  const aw = acc.weights;
  const bw = run.weights;
  const as = acc.scale;
  const bs = run.scale;
  const size = Math.min(a.length, b.length);
  // A subset of acc's ids: 32-bit when acc's are.
  const ids = a instanceof Float64Array ? new Float64Array(size) : new Uint32Array(size);
  const scores = new Float64Array(size);
  let k = 0;
  let i = 0;
  let j = 0;
  if (b.length > 8 * a.length) {
    // Far fewer candidates than postings: leap through the postings.
    for (; i < a.length && j < b.length; i++) {
      const id = a[i] ?? 0;
      if ((b[j] ?? 0) < id) j = seek(b, j, id);
      if (b[j] === id) {
        ids[k] = id;
        scores[k++] = (aw[i] ?? 0) * as + (bw[j++] ?? 0) * bs;
      }
    }
  } else {
    while (i < a.length && j < b.length) {
      const x = a[i] ?? 0;
      const y = b[j] ?? 0;
      if (x < y) i++;
      else if (x > y) j++;
      else {
        ids[k] = x;
        scores[k++] = (aw[i++] ?? 0) * as + (bw[j++] ?? 0) * bs;
      }
    }
  }
  return { ids: ids.subarray(0, k), weights: scores.subarray(0, k), scale: 1 };
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
  for (const [block, run] of await termRuns(db, driver, type, blocks)) current.set(block, run);
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

// Scores are sums of integer weights × 1 or 0.5: in quarters they are integers, which index a histogram.
const LEVELS_PER_POINT = 4;
const levelOf = (score: number) => Math.round(score * LEVELS_PER_POINT);

/**
 * Candidates in rank order — index score descending, then type, then id — handed out a batch at a time.
 * Only the score levels a batch reaches are gathered (one pass over the candidates per batch), so a common
 * word with 100,000 candidates is not sorted to show the first 20.
 */
export class RankedCandidates {
  readonly total: number;
  readonly #lists: ReadonlyArray<{ type: SearchEntityType; accs: Acc[] }>;
  /** How many candidates each score level has. */
  readonly #histogram: number[] = [];
  /** The highest level not yet handed out. */
  #level: number;
  #buffer: Candidate[] = [];
  #at = 0;
  /** Where an earlier batch stopped inside a level: that level's candidates up to here are handed out. */
  #resume: { level: number; list: number; id: number } | null = null;

  constructor(lists: ReadonlyArray<{ type: SearchEntityType; accs: Acc[] }>) {
    this.#lists = lists;
    let total = 0;
    const histogram = this.#histogram;
    for (const { accs } of lists) {
      for (const acc of accs) {
        total += acc.ids.length;
        const { weights, scale } = acc;
        for (let i = 0; i < weights.length; i++) {
          const level = levelOf((weights[i] ?? 0) * scale);
          histogram[level] = (histogram[level] ?? 0) + 1;
        }
      }
    }
    this.total = total;
    this.#level = histogram.length - 1;
  }

  next(n: number): Candidate[] {
    if (this.#buffer.length - this.#at < n && this.#level >= 0) this.#gather(n - (this.#buffer.length - this.#at));
    const out = this.#buffer.slice(this.#at, this.#at + n);
    this.#at += out.length;
    return out;
  }

  /**
   * Moves the next `want` candidates (or more: whole levels) into the buffer in rank order. Levels above
   * the lowest one reached are gathered whole; of the lowest only as many as wanted, so the pass over the
   * candidates stops as soon as it has those — early, when one level holds them all.
   */
  #gather(want: number): void {
    const histogram = this.#histogram;
    const high = this.#level;
    let above = 0;
    let low = high;
    while (low > 0 && above + (histogram[low] ?? 0) < want) above += histogram[low--] ?? 0;
    const fromLow = Math.min(want - above, histogram[low] ?? 0);
    const byLevel: Candidate[][] = Array.from({ length: high - low + 1 }, () => []);
    const resume = this.#resume;
    let gotAbove = 0;
    let gotLow = 0;
    let last = { list: -1, id: -1 };
    scan: for (let l = 0; l < this.#lists.length; l++) {
      const { type, accs } = this.#lists[l] ?? { type: "enterprise", accs: [] };
      for (const { ids, weights, scale } of accs) {
        for (let i = 0; i < ids.length; i++) {
          const score = (weights[i] ?? 0) * scale;
          const level = levelOf(score);
          if (level > high || level < low) continue;
          const id = ids[i] ?? 0;
          // Taken by an earlier batch: the first part of a level the earlier pass stopped in.
          if (resume && level === resume.level && (l < resume.list || (l === resume.list && id <= resume.id))) continue;
          if (level === low) {
            if (gotLow >= fromLow) continue;
            gotLow++;
            last = { list: l, id };
          } else gotAbove++;
          byLevel[high - level]?.push({ type, id, score });
          if (gotLow >= fromLow && gotAbove >= above) break scan;
        }
      }
    }
    this.#buffer = this.#buffer.slice(this.#at);
    this.#at = 0;
    for (const list of byLevel) for (const c of list) this.#buffer.push(c);
    const leftInLow = (histogram[low] ?? 0) - gotLow;
    histogram[low] = leftInLow;
    if (leftInLow > 0) {
      this.#level = low;
      this.#resume = { level: low, ...last };
    } else this.#level = low - 1;
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
    return { type, accs: ids.length > 0 ? [{ ids, weights: ids.map((id) => scores.get(id) ?? 0), scale: 1 }] : [] };
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
