import { sql, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";
import { BLOCK_SPAN, encodePostings, postingKeysOf } from "../search-postings.ts";

type Db = Kysely<unknown>;
type Untyped = Kysely<Record<string, Record<string, unknown>>>;

/**
 * The search index as postings blocks (replacing search_terms, one row per term and entity).
 *
 * search_postings: for each index key — a term, or a prefix list of the first 1-3 characters of terms —
 * and entity type, the ids that have it, BLOCK_SPAN consecutive ids per row, delta-encoded with their
 * weights (`search-postings.ts`); `stamp` changes on every write of a row, so a process's cache of decoded
 * blocks can tell what is stale. search_documents: each entity's terms with their weight, what
 * re-indexing it replaces and what a search checks a too-common prefix against.
 *
 * Existing search_terms rows are converted block by block (ids ascending), then the table is dropped.
 * Numbered 0004 after 0008 landed: the migrator runs it on databases that already have 0008.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  // Prefix search is a range scan on term, which needs byte order: SQLite's BINARY, "C" on PostgreSQL.
  const term = dialect === "postgres" ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable("search_postings")
    .addColumn("term", term, (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("block", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("stamp", "bigint", (c) => c.notNull())
    .addColumn("data", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
    .addPrimaryKeyConstraint("search_postings_pk", ["term", "entity_type", "block"])
    // SQLite: the rows live in the key's B-tree, so a key's blocks are read in one range scan.
    .$call((b) => (dialect === "sqlite" ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema
    .createTable("search_documents")
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("terms", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("search_documents_pk", ["entity_type", "entity_id"])
    .$call((b) => (dialect === "sqlite" ? b.modifyEnd(sql`without rowid`) : b))
    .execute();

  const udb = db as unknown as Untyped;
  const stamp = 1;
  for (const entityType of ["cluster", "enterprise", "institution"]) {
    let from = await firstIdFrom(udb, entityType, 0);
    while (from !== null) {
      const block = Math.floor(from / BLOCK_SPAN);
      const to = (block + 1) * BLOCK_SPAN;
      const rows = await udb
        .selectFrom("search_terms")
        .select(["entity_id", "term", "weight"])
        .where("entity_type", "=", entityType)
        .where("entity_id", ">=", from)
        .where("entity_id", "<", to)
        .orderBy("entity_id")
        .execute();
      const documents = new Map<number, Map<string, number>>();
      for (const row of rows) {
        const id = Number(row.entity_id);
        let terms = documents.get(id);
        if (!terms) documents.set(id, (terms = new Map()));
        const t = String(row.term);
        terms.set(t, Math.max(Number(row.weight), terms.get(t) ?? 0));
      }
      const postings = new Map<string, { ids: number[]; weights: number[] }>();
      for (const [id, terms] of documents) {
        for (const [key, weight] of postingKeysOf(terms)) {
          let list = postings.get(key);
          if (!list) postings.set(key, (list = { ids: [], weights: [] }));
          list.ids.push(id);
          list.weights.push(weight);
        }
      }
      const postingRows = [...postings].map(([key, list]) => ({
        term: key,
        entity_type: entityType,
        block,
        count: list.ids.length,
        stamp,
        data: encodePostings(list.ids, list.weights),
      }));
      for (let i = 0; i < postingRows.length; i += 100)
        await udb
          .insertInto("search_postings")
          .values(postingRows.slice(i, i + 100))
          .execute();
      const documentRows = [...documents].map(([id, terms]) => ({
        entity_type: entityType,
        entity_id: id,
        terms: JSON.stringify(Object.fromEntries(terms)),
      }));
      for (let i = 0; i < documentRows.length; i += 200)
        await udb
          .insertInto("search_documents")
          .values(documentRows.slice(i, i + 200))
          .execute();
      from = await firstIdFrom(udb, entityType, to);
    }
  }
  await db.schema.dropTable("search_terms").execute();
}

async function firstIdFrom(db: Untyped, entityType: string, from: number): Promise<number | null> {
  const row = await db
    .selectFrom("search_terms")
    .select((eb) => eb.fn.min("entity_id").as("id"))
    .where("entity_type", "=", entityType)
    .where("entity_id", ">=", from)
    .executeTakeFirst();
  return row?.id === null || row?.id === undefined ? null : Number(row.id);
}
