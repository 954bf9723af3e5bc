import { clusterSearchText, enterpriseSearchText, institutionSearchText, type SearchText } from "@sainam/core";
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";
import { bodyForIndex } from "../search.repository.ts";

type Db = Kysely<unknown>;
type Untyped = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Search moves onto the engine's trigram index (issue 10): per record type, a table of the record's folded
 * text — its names, and the rest of what it is found by — indexed by trigrams: an FTS5 table with the
 * trigram tokenizer on SQLite (rowid = the record's id; columnsize=0, as no ranking function reads sizes; the body
 * in a character plane of its own, see bodyForIndex),
 * a table with one pg_trgm GIN index over both columns on PostgreSQL (pg_trgm is a trusted extension: a
 * database owner may create it). Every existing record is indexed here, a batch of ids at a time, and the
 * hand-written postings index of 0004 (search_postings, search_documents) is dropped.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const tables = ["search_enterprise", "search_cluster", "search_institution"];
  if (dialect === "postgres") {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    for (const table of tables) {
      await sql`CREATE TABLE ${sql.table(table)} (id integer PRIMARY KEY, name text NOT NULL, body text NOT NULL)`.execute(
        db,
      );
      await sql`CREATE INDEX ${sql.id(`${table}_trgm`)} ON ${sql.table(table)} USING gin (name gin_trgm_ops, body gin_trgm_ops)`.execute(
        db,
      );
    }
  } else {
    for (const table of tables) {
      await sql`CREATE VIRTUAL TABLE ${sql.table(table)} USING fts5(name, body, tokenize = 'trigram', columnsize = 0)`.execute(
        db,
      );
    }
  }

  const udb = db as unknown as Untyped;
  const write = async (table: string, rows: Array<{ id: number; text: SearchText }>) => {
    const kept = rows.filter((r) => r.text.name !== "" || r.text.body !== "");
    for (let i = 0; i < kept.length; i += 300) {
      const part = kept.slice(i, i + 300);
      const idColumn = dialect === "sqlite" ? sql`rowid` : sql`id`;
      const body = (text: string) => (dialect === "sqlite" ? bodyForIndex(text) : text);
      await sql`INSERT INTO ${sql.table(table)} (${idColumn}, name, body) VALUES ${sql.join(part.map((r) => sql`(${r.id}, ${r.text.name}, ${body(r.text.body)})`))}`.execute(
        db,
      );
    }
  };
  const BATCH = 5_000;
  for (let from = 0; ;) {
    const firms = await udb
      .selectFrom("enterprises")
      .select(["id", "name_th", "name_en", "business_type"])
      .where("id", ">", from)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (firms.length === 0) break;
    const ids = firms.map((f) => Number(f.id));
    const products = await udb
      .selectFrom("enterprise_products")
      .select(["enterprise_id", "name"])
      .where("enterprise_id", "in", ids)
      .orderBy("id")
      .execute();
    const byFirm = new Map<number, Array<{ name: string }>>();
    for (const p of products) {
      const list = byFirm.get(Number(p.enterprise_id)) ?? [];
      list.push({ name: String(p.name) });
      byFirm.set(Number(p.enterprise_id), list);
    }
    await write(
      "search_enterprise",
      firms.map((f) => ({
        id: Number(f.id),
        text: enterpriseSearchText({
          name_th: f.name_th as string | null,
          name_en: f.name_en as string | null,
          business_type: f.business_type as string | null,
          products: byFirm.get(Number(f.id)) ?? [],
        }),
      })),
    );
    from = ids[ids.length - 1] ?? from;
  }
  const clusters = await udb
    .selectFrom("clusters")
    .select(["id", "name_th", "name_en", "code", "description_th", "description_en"])
    .execute();
  await write(
    "search_cluster",
    clusters.map((c) => ({ id: Number(c.id), text: clusterSearchText(c as Parameters<typeof clusterSearchText>[0]) })),
  );
  const institutions = await udb
    .selectFrom("institutions")
    .select(["id", "name_th", "name_en", "description"])
    .execute();
  await write(
    "search_institution",
    institutions.map((i) => ({
      id: Number(i.id),
      text: institutionSearchText(i as Parameters<typeof institutionSearchText>[0]),
    })),
  );

  await db.schema.dropTable("search_postings").execute();
  await db.schema.dropTable("search_documents").execute();
}
