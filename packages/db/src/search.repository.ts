import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type SearchEntityType = "enterprise" | "cluster" | "institution";
export type IndexedTerm = { term: string; field: string; weight: number };
export type TermHit = { entity_type: string; entity_id: number; field: string; weight: number; term: string };

// Above every character a search term can end with, so [term, term + MAX) is the range of its continuations.
const MAX_CHAR = "\uffff";

/** Replaces the indexed terms of one entity; callers pass the transaction that changed the entity. */
export async function replaceSearchTerms(db: Executor, entityType: SearchEntityType, entityId: number, terms: IndexedTerm[]): Promise<void> {
  await db.deleteFrom("search_terms").where("entity_type", "=", entityType).where("entity_id", "=", entityId).execute();
  const seen = new Set<string>();
  const rows = terms.filter((t) => {
    const key = `${t.term}\u0000${t.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("search_terms")
      .values(rows.slice(i, i + 200).map((t) => ({ term: t.term, entity_type: entityType, entity_id: entityId, field: t.field, weight: t.weight })))
      .execute();
  }
}

/** Index rows matching one query term, exactly or as a prefix, at most `limit` of them. */
export async function matchTerm(db: Executor, term: string, prefix: boolean, entityTypes: readonly SearchEntityType[] | null, limit: number): Promise<TermHit[]> {
  let q = db.selectFrom("search_terms").select(["entity_type", "entity_id", "field", "weight", "term"]);
  q = prefix ? q.where("term", ">=", term).where("term", "<", `${term}${MAX_CHAR}`) : q.where("term", "=", term);
  if (entityTypes && entityTypes.length) q = q.where("entity_type", "in", [...entityTypes]);
  return q.limit(limit).execute();
}

/** How many index rows a query term matches, counting at most `cap` (the estimate that picks the driving term). */
export async function countTerm(db: Executor, term: string, prefix: boolean, entityTypes: readonly SearchEntityType[] | null, cap: number): Promise<number> {
  let inner = db.selectFrom("search_terms").select("entity_id");
  inner = prefix ? inner.where("term", ">=", term).where("term", "<", `${term}${MAX_CHAR}`) : inner.where("term", "=", term);
  if (entityTypes && entityTypes.length) inner = inner.where("entity_type", "in", [...entityTypes]);
  const row = await db.selectFrom(inner.limit(cap).as("hits")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type PostingCursor = { term: string; entity_type: string; entity_id: number } | null;

/**
 * One page of the index rows of a query term, in index order (term, entity type, entity id), after
 * `cursor`: lets a search walk a very common term only as far as it needs to.
 */
export async function termPostings(db: Executor, term: string, prefix: boolean, entityTypes: readonly SearchEntityType[] | null, cursor: PostingCursor, limit: number): Promise<TermHit[]> {
  let q = db.selectFrom("search_terms").select(["entity_type", "entity_id", "field", "weight", "term"]);
  q = prefix ? q.where("term", ">=", term).where("term", "<", `${term}${MAX_CHAR}`) : q.where("term", "=", term);
  if (entityTypes && entityTypes.length) q = q.where("entity_type", "in", [...entityTypes]);
  if (cursor) q = q.where(sql<boolean>`(term, entity_type, entity_id) > (${cursor.term}, ${cursor.entity_type}, ${cursor.entity_id})`);
  return q.orderBy("term").orderBy("entity_type").orderBy("entity_id").limit(limit).execute();
}

/** Every indexed term of the given entities (one type), to check the other query terms against. */
export async function termsOfEntities(db: Executor, entityType: SearchEntityType, ids: readonly number[]): Promise<TermHit[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("search_terms").select(["entity_type", "entity_id", "field", "weight", "term"]).where("entity_type", "=", entityType).where("entity_id", "in", [...ids]).execute();
}
