import type { Kysely, Transaction } from "kysely";
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
