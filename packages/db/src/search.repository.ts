import { randomInt } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "./schema.ts";
import { blockOf, decodePostings, encodePostings, mergePostings, postingKeysOf, type Postings } from "./search-postings.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type SearchEntityType = "enterprise" | "cluster" | "institution";
export type IndexedTerm = { term: string; field: string; weight: number };
export type { Postings } from "./search-postings.ts";
export { PREFIX_MARK, PREFIX_LIST_LENGTH, prefixKeys } from "./search-postings.ts";

// Above every character a term can continue with, in the byte order both engines compare terms in
// (SQLite BINARY, PostgreSQL COLLATE "C"), so [p, p + RANGE_END) holds every term starting with p.
const RANGE_END = "\u{10ffff}";
// Bound parameters per statement stay far below both engines' limits.
const IN_LIST = 500;
const UPSERT_ROWS = 100;

/** The terms of one entity with the best weight each has (a word in the name and a product counts once, as the name). */
export function bestWeights(terms: ReadonlyArray<IndexedTerm>): Map<string, number> {
  const best = new Map<string, number>();
  for (const t of terms) if (t.term !== "") best.set(t.term, Math.max(t.weight, best.get(t.term) ?? 0));
  return best;
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The stored terms of the given entities (one type): what they are indexed by now. */
export async function documentsOf(db: Executor, entityType: SearchEntityType, ids: readonly number[]): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  for (const slice of slices([...new Set(ids)], IN_LIST)) {
    const rows = await db.selectFrom("search_documents").select(["entity_id", "terms"]).where("entity_type", "=", entityType).where("entity_id", "in", slice).execute();
    for (const row of rows) out.set(row.entity_id, new Map(Object.entries(JSON.parse(row.terms) as Record<string, number>)));
  }
  return out;
}

type BlockChange = { set: Array<readonly [number, number]>; remove: number[] };

/**
 * Re-indexes entities of one type in the caller's transaction: each entity's document becomes `terms`
 * (an empty list removes it from the index), and every postings block that gains, loses or re-weighs one
 * of its ids is read, merged and written back once, however many of the entities it holds. Blocks whose
 * ids all come from one call (an import appending ascending ids) are written once per call, not per id.
 */
export async function writeSearchDocuments(db: Executor, entityType: SearchEntityType, entries: ReadonlyArray<{ id: number; terms: ReadonlyArray<IndexedTerm> }>): Promise<void> {
  if (entries.length === 0) return;
  const fresh = new Map<number, Map<string, number>>();
  for (const entry of entries) fresh.set(entry.id, bestWeights(entry.terms));
  const ids = [...fresh.keys()].sort((a, b) => a - b);
  const old = await documentsOf(db, entityType, ids);

  // key → block → changes, each list ascending because ids are visited in order.
  const changes = new Map<string, Map<number, BlockChange>>();
  const changeOf = (key: string, id: number): BlockChange => {
    let byBlock = changes.get(key);
    if (!byBlock) changes.set(key, (byBlock = new Map()));
    const block = blockOf(id);
    let change = byBlock.get(block);
    if (!change) byBlock.set(block, (change = { set: [], remove: [] }));
    return change;
  };
  for (const id of ids) {
    const before = postingKeysOf(old.get(id) ?? new Map());
    const after = postingKeysOf(fresh.get(id) ?? new Map());
    for (const [key, weight] of after) if (before.get(key) !== weight) changeOf(key, id).set.push([id, weight]);
    for (const key of before.keys()) if (!after.has(key)) changeOf(key, id).remove.push(id);
  }
  await applyPostingChanges(db, entityType, changes);

  const removed = ids.filter((id) => (fresh.get(id)?.size ?? 0) === 0 && old.has(id));
  for (const slice of slices(removed, IN_LIST)) await db.deleteFrom("search_documents").where("entity_type", "=", entityType).where("entity_id", "in", slice).execute();
  const documents = ids.flatMap((id) => {
    const terms = fresh.get(id);
    return terms && terms.size > 0 ? [{ entity_type: entityType, entity_id: id, terms: JSON.stringify(Object.fromEntries(terms)) }] : [];
  });
  for (const slice of slices(documents, UPSERT_ROWS)) {
    await db
      .insertInto("search_documents")
      .values(slice)
      .onConflict((oc) => oc.columns(["entity_type", "entity_id"]).doUpdateSet((eb) => ({ terms: eb.ref("excluded.terms") })))
      .execute();
  }
}

async function applyPostingChanges(db: Executor, entityType: SearchEntityType, changes: Map<string, Map<number, BlockChange>>): Promise<void> {
  // A new stamp for every row this call writes: a cached copy of any earlier version no longer matches.
  const stamp = randomInt(1, 2 ** 47);
  const keysByBlock = new Map<number, string[]>();
  for (const [key, byBlock] of changes) {
    for (const block of byBlock.keys()) {
      const keys = keysByBlock.get(block);
      if (keys) keys.push(key);
      else keysByBlock.set(block, [key]);
    }
  }
  const upserts: Array<{ term: string; entity_type: string; block: number; count: number; stamp: number; data: Uint8Array }> = [];
  for (const [block, keys] of keysByBlock) {
    const emptied: string[] = [];
    for (const slice of slices(keys, IN_LIST)) {
      const rows = await db.selectFrom("search_postings").select(["term", "data"]).where("entity_type", "=", entityType).where("block", "=", block).where("term", "in", slice).execute();
      const stored = new Map(rows.map((r) => [r.term, r.data]));
      for (const key of slice) {
        const change = changes.get(key)?.get(block);
        if (!change) continue;
        const data = stored.get(key);
        const merged = mergePostings(data ? decodePostings(data) : null, change.set, change.remove);
        if (merged.ids.length === 0) {
          if (data) emptied.push(key);
          continue;
        }
        upserts.push({ term: key, entity_type: entityType, block, count: merged.ids.length, stamp, data: encodePostings(merged.ids, merged.weights) });
      }
    }
    for (const slice of slices(emptied, IN_LIST)) await db.deleteFrom("search_postings").where("entity_type", "=", entityType).where("block", "=", block).where("term", "in", slice).execute();
  }
  for (const slice of slices(upserts, UPSERT_ROWS)) {
    await db
      .insertInto("search_postings")
      .values(slice)
      .onConflict((oc) => oc.columns(["term", "entity_type", "block"]).doUpdateSet((eb) => ({ count: eb.ref("excluded.count"), stamp: eb.ref("excluded.stamp"), data: eb.ref("excluded.data") })))
      .execute();
  }
}

/** Replaces the indexed terms of one entity; callers pass the transaction that changed the entity. */
export async function replaceSearchTerms(db: Executor, entityType: SearchEntityType, entityId: number, terms: IndexedTerm[]): Promise<void> {
  await writeSearchDocuments(db, entityType, [{ id: entityId, terms }]);
}

/**
 * Indexes many enterprises at once (an import chunk) in the caller's transaction: the one bulk write
 * path, so an import is indexed in the same all-or-nothing transaction as the rows it writes.
 */
export async function writeEnterpriseDocuments(trx: Executor, entries: ReadonlyArray<{ id: number; terms: ReadonlyArray<IndexedTerm> }>): Promise<void> {
  await writeSearchDocuments(trx, "enterprise", entries);
}

/** Takes entities out of the index (they are being deleted), in the caller's transaction. Returns how many were indexed. */
export async function removeSearchDocuments(db: Executor, entityType: SearchEntityType, ids: readonly number[]): Promise<number> {
  let removed = 0;
  for (const slice of slices([...new Set(ids)], 2000)) {
    const indexed = [...(await documentsOf(db, entityType, slice)).keys()];
    removed += indexed.length;
    await writeSearchDocuments(db, entityType, indexed.map((id) => ({ id, terms: [] })));
  }
  return removed;
}

/** Where one index key has postings: one row per block, without the ids. */
export type BlockMeta = { term: string; entity_type: string; block: number; count: number; stamp: number };

/** The blocks of the given index keys (terms or prefix-list keys), for the given entity types (null: all). */
export async function postingBlocks(db: Executor, keys: readonly string[], entityTypes: readonly SearchEntityType[] | null): Promise<BlockMeta[]> {
  const out: BlockMeta[] = [];
  for (const slice of slices([...new Set(keys)], IN_LIST)) {
    let q = db.selectFrom("search_postings").select(["term", "entity_type", "block", "count", "stamp"]).where("term", "in", slice);
    if (entityTypes) q = q.where("entity_type", "in", [...entityTypes]);
    out.push(...(await q.execute()));
  }
  return out;
}

/** The blocks of every term starting with `prefix`, in term order, at most `limit` of them. */
export async function postingRange(db: Executor, prefix: string, entityTypes: readonly SearchEntityType[] | null, limit: number): Promise<BlockMeta[]> {
  let q = db.selectFrom("search_postings").select(["term", "entity_type", "block", "count", "stamp"]).where("term", ">=", prefix).where("term", "<", prefix + RANGE_END);
  if (entityTypes) q = q.where("entity_type", "in", [...entityTypes]);
  return q.orderBy("term").orderBy("entity_type").orderBy("block").limit(limit).execute();
}

/** How many postings rows the terms starting with `prefix` have, counting at most `cap`. */
export async function countRange(db: Executor, prefix: string, entityTypes: readonly SearchEntityType[] | null, cap: number): Promise<number> {
  let inner = db.selectFrom("search_postings").select("block").where("term", ">=", prefix).where("term", "<", prefix + RANGE_END);
  if (entityTypes) inner = inner.where("entity_type", "in", [...entityTypes]);
  const row = await db.selectFrom(inner.limit(cap).as("rows")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first `limit` postings rows of the terms starting with `prefix`, in term order, decoded. */
export async function rangePostings(db: Executor, prefix: string, entityTypes: readonly SearchEntityType[] | null, limit: number): Promise<Array<{ term: string; entity_type: string; postings: Postings }>> {
  let q = db.selectFrom("search_postings").select(["term", "entity_type", "data"]).where("term", ">=", prefix).where("term", "<", prefix + RANGE_END);
  if (entityTypes) q = q.where("entity_type", "in", [...entityTypes]);
  const rows = await q.orderBy("term").orderBy("entity_type").orderBy("block").limit(limit).execute();
  return rows.map((r) => ({ term: r.term, entity_type: r.entity_type, postings: decodePostings(r.data) }));
}

type CachedBlock = { stamp: number; postings: Postings };

/**
 * Decoded postings blocks of frequent keys, least recently used out first, per database. Each block is
 * kept with the stamp of the row it was decoded from; a search first reads the keys' current stamps, so a
 * block rewritten since — by this process or another — no longer matches and is read again.
 */
class PostingCache {
  readonly #entries = new Map<string, Map<number, CachedBlock>>();
  #ids = 0;
  readonly maxIds: number;
  constructor(maxIds: number) {
    this.maxIds = maxIds;
  }

  get(key: string): Map<number, CachedBlock> | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  put(key: string, block: number, cached: CachedBlock): void {
    let entry = this.#entries.get(key);
    if (!entry) this.#entries.set(key, (entry = new Map()));
    this.#ids += cached.postings.ids.length - (entry.get(block)?.postings.ids.length ?? 0);
    entry.set(block, cached);
    for (const [oldest, blocks] of this.#entries) {
      if (this.#ids <= this.maxIds || oldest === key) break;
      for (const b of blocks.values()) this.#ids -= b.postings.ids.length;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#ids;
  }

  clear(): void {
    this.#entries.clear();
    this.#ids = 0;
  }
}

// Keys with fewer postings than this are read from the database each time: cheap, and not worth the room.
const CACHE_MIN_POSTINGS = 256;
// About 5 bytes per id (32-bit id and weight): some 30 MB at most.
const CACHE_MAX_IDS = 6_000_000;
const caches = new WeakMap<object, PostingCache>();

function cacheOf(db: Executor): PostingCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PostingCache(CACHE_MAX_IDS)));
  return cache;
}

/** How many decoded ids the postings cache of this database holds (for tests and diagnostics). */
export function cachedPostings(db: Executor): number {
  return caches.get(db)?.size ?? 0;
}

/**
 * The postings of one key in the given blocks (as listed by `postingBlocks`/`postingRange`, with their
 * stamps): from the cache when the stamp still matches, else read (and cached when the key is frequent).
 * A block deleted since it was listed reads as absent.
 */
export async function readPostings(db: Executor, entityType: string, key: string, blocks: ReadonlyArray<{ block: number; stamp: number }>, keyPostings: number): Promise<Map<number, Postings>> {
  const out = new Map<number, Postings>();
  const cache = keyPostings >= CACHE_MIN_POSTINGS ? cacheOf(db) : null;
  const cacheKey = `${entityType}\u0000${key}`;
  const cached = cache?.get(cacheKey);
  const missing: number[] = [];
  for (const { block, stamp } of blocks) {
    const hit = cached?.get(block);
    if (hit && hit.stamp === stamp) out.set(block, hit.postings);
    else missing.push(block);
  }
  for (const slice of slices(missing, IN_LIST)) {
    const rows = await db.selectFrom("search_postings").select(["block", "stamp", "data"]).where("term", "=", key).where("entity_type", "=", entityType).where("block", "in", slice).execute();
    for (const row of rows) {
      const postings = decodePostings(row.data);
      out.set(row.block, postings);
      // The stamp is the row's own, read with its data: a block rewritten after the listing is cached as it is now.
      cache?.put(cacheKey, row.block, { stamp: row.stamp, postings });
    }
  }
  return out;
}
