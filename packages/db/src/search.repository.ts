import { randomInt } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "./schema.ts";
import type { NodeSqliteDatabase } from "./node-sqlite-adapter.ts";
import { blockOf, decodePostings, encodePostings, forEachPostingKey, mergePostings, postingKeysOf, type Postings } from "./search-postings.ts";

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

/** `{ "term": weight, … }`, built directly: most terms of a firm are numbers, which make slow object keys. */
function documentJson(terms: ReadonlyMap<string, number>): string {
  let json = "";
  for (const [term, weight] of terms) json += `${json ? "," : "{"}${JSON.stringify(term)}:${weight}`;
  return `${json}}`;
}

function parseDocument(terms: string): Map<string, number> {
  return new Map(Object.entries(JSON.parse(terms) as Record<string, number>));
}

/** The stored terms of the given entities (one type): what they are indexed by now. */
export async function documentsOf(db: Executor, entityType: SearchEntityType, ids: readonly number[]): Promise<Map<number, Map<string, number>>> {
  return kyselyStore(db).documents(entityType, ids);
}

type PostingRow = { term: string; entity_type: string; block: number; count: number; stamp: number; data: Uint8Array };
type DocumentRow = { entity_type: string; entity_id: number; terms: string };

/** The statements the index writer runs: through Kysely on either engine, or prepared on node:sqlite for bulk work. */
type IndexStore = {
  documents(entityType: string, ids: readonly number[]): Promise<Map<number, Map<string, number>>>;
  /** The stored data of the given keys in one block. */
  blocks(entityType: string, block: number, keys: readonly string[]): Promise<Map<string, Uint8Array>>;
  putBlocks(rows: readonly PostingRow[]): Promise<void>;
  /** Writes a block that does not exist yet and says so; false (nothing written) when it exists. Optional. */
  insertBlock?: (row: PostingRow) => boolean;
  dropBlocks(entityType: string, block: number, keys: readonly string[]): Promise<void>;
  putDocuments(rows: readonly DocumentRow[]): Promise<void>;
  dropDocuments(entityType: string, ids: readonly number[]): Promise<void>;
};

function kyselyStore(db: Executor): IndexStore {
  return {
    async documents(entityType, ids) {
      const out = new Map<number, Map<string, number>>();
      for (const slice of slices([...new Set(ids)], IN_LIST)) {
        const rows = await db.selectFrom("search_documents").select(["entity_id", "terms"]).where("entity_type", "=", entityType).where("entity_id", "in", slice).execute();
        for (const row of rows) out.set(row.entity_id, parseDocument(row.terms));
      }
      return out;
    },
    async blocks(entityType, block, keys) {
      const out = new Map<string, Uint8Array>();
      for (const slice of slices(keys, IN_LIST)) {
        const rows = await db.selectFrom("search_postings").select(["term", "data"]).where("entity_type", "=", entityType).where("block", "=", block).where("term", "in", slice).execute();
        for (const row of rows) out.set(row.term, row.data);
      }
      return out;
    },
    async putBlocks(rows) {
      for (const slice of slices(rows, UPSERT_ROWS)) {
        await db
          .insertInto("search_postings")
          .values(slice)
          .onConflict((oc) => oc.columns(["term", "entity_type", "block"]).doUpdateSet((eb) => ({ count: eb.ref("excluded.count"), stamp: eb.ref("excluded.stamp"), data: eb.ref("excluded.data") })))
          .execute();
      }
    },
    async dropBlocks(entityType, block, keys) {
      for (const slice of slices(keys, IN_LIST)) await db.deleteFrom("search_postings").where("entity_type", "=", entityType).where("block", "=", block).where("term", "in", slice).execute();
    },
    async putDocuments(rows) {
      for (const slice of slices(rows, UPSERT_ROWS)) {
        await db
          .insertInto("search_documents")
          .values(slice)
          .onConflict((oc) => oc.columns(["entity_type", "entity_id"]).doUpdateSet((eb) => ({ terms: eb.ref("excluded.terms") })))
          .execute();
      }
    },
    async dropDocuments(entityType, ids) {
      for (const slice of slices(ids, IN_LIST)) await db.deleteFrom("search_documents").where("entity_type", "=", entityType).where("entity_id", "in", slice).execute();
    },
  };
}

// The same statements as kyselyStore, prepared once per connection: a bulk import writes thousands of rows
// per chunk, and building each statement through Kysely would cost more than running it.
const sqliteStores = new WeakMap<NodeSqliteDatabase, IndexStore>();

function sqliteStore(sqlite: NodeSqliteDatabase): IndexStore {
  const cached = sqliteStores.get(sqlite);
  if (cached) return cached;
  const raw = sqlite.raw;
  const readDocument = raw.prepare("SELECT terms FROM search_documents WHERE entity_type = ? AND entity_id = ?");
  const readBlock = raw.prepare("SELECT data FROM search_postings WHERE term = ? AND entity_type = ? AND block = ?");
  const putBlock = raw.prepare(
    "INSERT INTO search_postings (term, entity_type, block, count, stamp, data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (term, entity_type, block) DO UPDATE SET count = excluded.count, stamp = excluded.stamp, data = excluded.data",
  );
  const dropBlock = raw.prepare("DELETE FROM search_postings WHERE term = ? AND entity_type = ? AND block = ?");
  const insertBlock = raw.prepare("INSERT INTO search_postings (term, entity_type, block, count, stamp, data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (term, entity_type, block) DO NOTHING");
  const putDocument = raw.prepare("INSERT INTO search_documents (entity_type, entity_id, terms) VALUES (?, ?, ?) ON CONFLICT (entity_type, entity_id) DO UPDATE SET terms = excluded.terms");
  const dropDocument = raw.prepare("DELETE FROM search_documents WHERE entity_type = ? AND entity_id = ?");
  const store: IndexStore = {
    async documents(entityType, ids) {
      const out = new Map<number, Map<string, number>>();
      for (const id of ids) {
        const row = readDocument.get(entityType, id);
        if (row && typeof row.terms === "string") out.set(id, parseDocument(row.terms));
      }
      return out;
    },
    async blocks(entityType, block, keys) {
      const out = new Map<string, Uint8Array>();
      for (const key of keys) {
        const row = readBlock.get(key, entityType, block);
        if (row && row.data instanceof Uint8Array) out.set(key, row.data);
      }
      return out;
    },
    async putBlocks(rows) {
      for (const r of rows) putBlock.run(r.term, r.entity_type, r.block, r.count, r.stamp, r.data);
    },
    async dropBlocks(entityType, block, keys) {
      for (const key of keys) dropBlock.run(key, entityType, block);
    },
    insertBlock(r) {
      return Number(insertBlock.run(r.term, r.entity_type, r.block, r.count, r.stamp, r.data).changes) === 1;
    },
    async putDocuments(rows) {
      for (const r of rows) putDocument.run(r.entity_type, r.entity_id, r.terms);
    },
    async dropDocuments(entityType, ids) {
      for (const id of ids) dropDocument.run(entityType, id);
    },
  };
  sqliteStores.set(sqlite, store);
  return store;
}

/** Changes to one postings block: ids set (added or re-weighed) and ids removed, each ascending. */
type BlockChange = { setIds: number[]; setWeights: number[]; remove: number[] };

/**
 * Re-indexes entities of one type in the caller's transaction: each entity's document becomes `terms`
 * (an empty list removes it from the index), and every postings block that gains, loses or re-weighs one
 * of its ids is read, merged and written back once, however many of the entities it holds — so an import
 * appending ascending ids writes a common word's block once per chunk, not once per firm.
 *
 * `sqlite`: on SQLite, the connection the transaction runs on, whose prepared statements a bulk write uses.
 */
export async function writeSearchDocuments(
  db: Executor,
  entityType: SearchEntityType,
  entries: ReadonlyArray<{ id: number; terms: ReadonlyArray<IndexedTerm> }>,
  sqlite: NodeSqliteDatabase | null = null,
  /** An import's buffer of appends (see PostingAppendBuffer); without it, every block is written now. */
  buffer: PostingAppendBuffer | null = null,
): Promise<void> {
  if (entries.length === 0) return;
  const store = sqlite ? sqliteStore(sqlite) : kyselyStore(db);
  const fresh = new Map<number, Map<string, number>>();
  for (const entry of entries) fresh.set(entry.id, bestWeights(entry.terms));
  const ids = [...fresh.keys()].sort((a, b) => a - b);
  const old = await store.documents(entityType, ids);
  if (buffer) {
    // Only entities new to the index with ids past everything buffered are appended to the buffer; any
    // other call first writes what is buffered, so it reads and merges the blocks as they will be.
    const appendOnly =
      buffer.entityType === entityType &&
      old.size === 0 &&
      (ids[0] ?? 0) > buffer.lastId &&
      ids.every((id) => (fresh.get(id)?.size ?? 0) > 0);
    if (!appendOnly) await flushPostingBuffer(db, buffer, sqlite);
    else {
      appendToBuffer(buffer, ids, fresh);
      await store.putDocuments(ids.map((id) => ({ entity_type: entityType, entity_id: id, terms: documentJson(fresh.get(id) ?? new Map()) })));
      return;
    }
  }

  // block → key → change; ids are visited in ascending order, so each change's lists are ascending.
  const changes = new Map<number, Map<string, BlockChange>>();
  let currentBlock = -1;
  let current = new Map<string, BlockChange>();
  const changeOf = (key: string): BlockChange => {
    let change = current.get(key);
    if (!change) current.set(key, (change = { setIds: [], setWeights: [], remove: [] }));
    return change;
  };
  for (const id of ids) {
    const block = blockOf(id);
    if (block !== currentBlock) {
      currentBlock = block;
      current = changes.get(block) ?? new Map();
      changes.set(block, current);
    }
    const terms = fresh.get(id) ?? new Map<string, number>();
    const previous = old.get(id);
    if (!previous) {
      // New to the index (an import's common case): every key is set, without diffing.
      forEachPostingKey(terms, (key, weight) => {
        const change = changeOf(key);
        const last = change.setIds.length - 1;
        if (change.setIds[last] !== id) {
          change.setIds.push(id);
          change.setWeights.push(weight);
        } else if ((change.setWeights[last] ?? 0) < weight) change.setWeights[last] = weight;
      });
      continue;
    }
    const before = postingKeysOf(previous);
    const after = postingKeysOf(terms);
    for (const [key, weight] of after) {
      if (before.get(key) === weight) continue;
      const change = changeOf(key);
      change.setIds.push(id);
      change.setWeights.push(weight);
    }
    for (const key of before.keys()) if (!after.has(key)) changeOf(key).remove.push(id);
  }
  await applyPostingChanges(store, entityType, changes);

  await store.dropDocuments(entityType, ids.filter((id) => (fresh.get(id)?.size ?? 0) === 0 && old.has(id)));
  await store.putDocuments(
    ids.flatMap((id) => {
      const terms = fresh.get(id);
      return terms && terms.size > 0 ? [{ entity_type: entityType, entity_id: id, terms: documentJson(terms) }] : [];
    }),
  );
}

async function applyPostingChanges(store: IndexStore, entityType: SearchEntityType, changes: Map<number, Map<string, BlockChange>>): Promise<void> {
  // A new stamp for every row this call writes: a cached copy of any earlier version no longer matches.
  const stamp = randomInt(1, 2 ** 47);
  const upserts: PostingRow[] = [];
  for (const [block, byKey] of changes) {
    let keys = [...byKey.keys()];
    const insertBlock = store.insertBlock;
    if (insertBlock) {
      // Most keys of an import's firms are new (a juristic ID, a firm's number): try writing those blocks
      // outright, and read only the blocks that turn out to exist.
      keys = keys.filter((key) => {
        const change = byKey.get(key);
        if (!change || change.remove.length > 0) return true;
        return !insertBlock({ term: key, entity_type: entityType, block, count: change.setIds.length, stamp, data: encodePostings(change.setIds, change.setWeights) });
      });
    }
    const stored = await store.blocks(entityType, block, keys);
    const emptied: string[] = [];
    for (const key of keys) {
      const change = byKey.get(key);
      if (!change) continue;
      const data = stored.get(key);
      const merged = mergePostings(data ? decodePostings(data) : null, change.setIds, change.setWeights, change.remove);
      if (merged.ids.length > 0) upserts.push({ term: key, entity_type: entityType, block, count: merged.ids.length, stamp, data: encodePostings(merged.ids, merged.weights) });
      else if (data) emptied.push(key);
    }
    await store.dropBlocks(entityType, block, emptied);
  }
  await store.putBlocks(upserts);
}

/**
 * Postings appends of entities new to the index, held in memory across the chunks of one import (one
 * transaction): each key's tail block is then written once per block of ids instead of once per chunk.
 * The caller flushes it before its transaction commits (flushPostingBuffer) and simply drops it on rollback;
 * until flushed, search_postings lacks the buffered ids, so nothing may search that transaction meanwhile.
 */
export type PostingAppendBuffer = {
  readonly entityType: SearchEntityType;
  /** The highest id buffered (or written through the buffer): later appends must be above it. */
  lastId: number;
  block: number;
  pending: Map<string, BlockChange>;
  pendingIds: number;
  /** Seal the pending appends when this many ids are pending, whatever the block. */
  readonly budget: number;
  /**
   * Appends sealed when their block was complete (or the budget reached), oldest first, waiting to be written:
   * by `flushPostingBufferPart` a bounded number of keys at a time (so an import can write them in short
   * transactions), or all at once by `flushPostingBuffer`. Parts are written in order, so two parts of one block
   * merge their ascending ids correctly.
   */
  sealed: Array<{ block: number; pending: Map<string, BlockChange> }>;
};

export function createPostingBuffer(entityType: SearchEntityType, budget = 250_000): PostingAppendBuffer {
  return { entityType, lastId: 0, block: -1, pending: new Map(), pendingIds: 0, budget, sealed: [] };
}

/** Seals what is pending (an import's last appends), so `flushPostingBufferPart` writes it too. */
export function sealPostingBuffer(buffer: PostingAppendBuffer): void {
  seal(buffer);
}

function seal(buffer: PostingAppendBuffer): void {
  if (buffer.pending.size > 0) buffer.sealed.push({ block: buffer.block, pending: buffer.pending });
  buffer.pending = new Map();
  buffer.pendingIds = 0;
}

function appendToBuffer(buffer: PostingAppendBuffer, ids: readonly number[], fresh: Map<number, Map<string, number>>): void {
  for (const id of ids) {
    const block = blockOf(id);
    if (block !== buffer.block || buffer.pendingIds >= buffer.budget) {
      seal(buffer);
      buffer.block = block;
    }
    buffer.lastId = id;
    const pending = buffer.pending;
    forEachPostingKey(fresh.get(id) ?? new Map<string, number>(), (key, weight) => {
      let change = pending.get(key);
      if (!change) pending.set(key, (change = { setIds: [], setWeights: [], remove: [] }));
      const last = change.setIds.length - 1;
      if (change.setIds[last] !== id) {
        change.setIds.push(id);
        change.setWeights.push(weight);
        buffer.pendingIds++;
      } else if ((change.setWeights[last] ?? 0) < weight) change.setWeights[last] = weight;
    });
  }
}

async function flushStore(store: IndexStore, buffer: PostingAppendBuffer): Promise<void> {
  seal(buffer);
  for (const part of buffer.sealed.splice(0)) await applyPostingChanges(store, buffer.entityType, new Map([[part.block, part.pending]]));
}

/** Writes every buffered append, sealed or pending, in the caller's transaction. */
export async function flushPostingBuffer(db: Executor, buffer: PostingAppendBuffer, sqlite: NodeSqliteDatabase | null = null): Promise<void> {
  await flushStore(sqlite ? sqliteStore(sqlite) : kyselyStore(db), buffer);
}

/** Whether sealed appends wait to be written (see `flushPostingBufferPart`). */
export function hasSealedPostings(buffer: PostingAppendBuffer): boolean {
  return buffer.sealed.length > 0;
}

/**
 * Writes up to `maxKeys` keys of the oldest sealed part in the caller's transaction, so that a long import writes
 * its postings in short transactions between its slices. The keys written leave the buffer.
 */
export async function flushPostingBufferPart(db: Executor, buffer: PostingAppendBuffer, sqlite: NodeSqliteDatabase | null, maxKeys: number): Promise<void> {
  const part = buffer.sealed[0];
  if (!part) return;
  const portion = new Map<string, BlockChange>();
  for (const [key, change] of part.pending) {
    if (portion.size >= maxKeys) break;
    portion.set(key, change);
  }
  await applyPostingChanges(sqlite ? sqliteStore(sqlite) : kyselyStore(db), buffer.entityType, new Map([[part.block, portion]]));
  for (const key of portion.keys()) part.pending.delete(key);
  if (part.pending.size === 0) buffer.sealed.shift();
}

/** Replaces the indexed terms of one entity; callers pass the transaction that changed the entity. */
export async function replaceSearchTerms(db: Executor, entityType: SearchEntityType, entityId: number, terms: IndexedTerm[]): Promise<void> {
  await writeSearchDocuments(db, entityType, [{ id: entityId, terms }]);
}

/**
 * Indexes many enterprises at once (an import chunk) in the caller's transaction: the one bulk write
 * path, so an import is indexed in the same all-or-nothing transaction as the rows it writes.
 */
export async function writeEnterpriseDocuments(
  trx: Executor,
  entries: ReadonlyArray<{ id: number; terms: ReadonlyArray<IndexedTerm> }>,
  /** On SQLite, the connection the transaction runs on (bulk statements are prepared on it). */
  sqlite: NodeSqliteDatabase | null = null,
  /** An import's buffer of appends for new firms (created with createPostingBuffer("enterprise")). */
  buffer: PostingAppendBuffer | null = null,
): Promise<void> {
  await writeSearchDocuments(trx, "enterprise", entries, sqlite, buffer);
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
