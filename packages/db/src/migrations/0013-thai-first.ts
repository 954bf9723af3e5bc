import { sql, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Thai first, English optional (issue 12): the English name of a programme, activity, agency, plan, plan node,
 * indicator and target's text becomes optional; a record needs a name in at least one language, a rule the
 * contract and the use cases keep (`@sainam/core` hasNameInOneLanguage), not the database.
 *
 * PostgreSQL drops the NOT NULL constraints in place. SQLite cannot, so each table is rebuilt the way SQLite's
 * documentation prescribes (https://sqlite.org/lang_altertable.html#otheralter): foreign keys off (a DROP TABLE
 * would otherwise delete, or cascade to, the rows that refer to it), one transaction, the new table created from
 * the stored definition minus those NOT NULLs, every row copied with its id, the old one dropped and the new one
 * renamed, its indexes and triggers recreated from their stored SQL, the AUTOINCREMENT counter kept (so a deleted
 * id is never handed out again), then a foreign-key check before commit. Kysely runs SQLite migrations outside a
 * transaction, which is what lets the foreign-key switch take effect.
 */
export const NULLABLE_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  agencies: ["name_en"],
  plans: ["title_en"],
  plan_nodes: ["title_en"],
  indicators: ["name_en"],
  indicator_targets: ["text_en"],
  programmes: ["name_en"],
  activities: ["title_en"],
};

export async function up(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === "postgres") {
    for (const [table, columns] of Object.entries(NULLABLE_ENGLISH))
      for (const column of columns)
        await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} DROP NOT NULL`.execute(db);
    return;
  }
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  // The rename only moves the new table into place: it must not re-check or rewrite other tables' triggers,
  // which may refer to a table that is dropped for that moment (https://sqlite.org/pragma.html#pragma_legacy_alter_table).
  await sql`PRAGMA legacy_alter_table = ON`.execute(db);
  const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
  if (Number(fk.rows[0]?.foreign_keys) !== 0)
    throw new Error("migration 0013 must run outside a transaction: foreign keys could not be switched off");
  try {
    await sql`BEGIN IMMEDIATE`.execute(db);
    try {
      for (const [table, columns] of Object.entries(NULLABLE_ENGLISH)) await rebuildWithoutNotNull(db, table, columns);
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length > 0)
        throw new Error(`migration 0013: ${broken.rows.length} rows fail their foreign keys after the rebuild`);
      await sql`COMMIT`.execute(db);
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
  } finally {
    await sql`PRAGMA legacy_alter_table = OFF`.execute(db);
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

type SchemaRow = { type: string; name: string; sql: string | null };

async function rebuildWithoutNotNull(db: Db, table: string, columns: readonly string[]): Promise<void> {
  const own = await sql<SchemaRow>`SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ${table}`.execute(db);
  const definition = own.rows.find((r) => r.type === "table")?.sql;
  if (!definition) throw new Error(`migration 0013: table ${table} not found`);
  const views = await sql<SchemaRow>`SELECT type, name, sql FROM sqlite_master WHERE type = 'view'`.execute(db);
  if (views.rows.some((v) => v.sql?.includes(table)))
    throw new Error(`migration 0013: a view refers to ${table}; drop and recreate it around the rebuild`);
  // Indexes made by UNIQUE / PRIMARY KEY constraints have no SQL: the table definition recreates them.
  const dependants = own.rows.filter((r) => (r.type === "index" || r.type === "trigger") && r.sql !== null);

  const staging = `${table}__0013`;
  let rewritten = definition.replace(/^CREATE TABLE\s+("[^"]+"|\S+)/i, `CREATE TABLE "${staging}"`);
  for (const column of columns) {
    const notNull = new RegExp(`("?${column}"?\\s+text)\\s+not\\s+null`, "i");
    if (!notNull.test(rewritten)) throw new Error(`migration 0013: ${table}.${column} is not a NOT NULL text column`);
    rewritten = rewritten.replace(notNull, "$1");
  }
  const sequence = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = ${table}`.execute(db);

  await sql.raw(rewritten).execute(db);
  await sql`INSERT INTO ${sql.table(staging)} SELECT * FROM ${sql.table(table)}`.execute(db);
  await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  await sql`ALTER TABLE ${sql.table(staging)} RENAME TO ${sql.table(table)}`.execute(db);
  const seq = sequence.rows[0]?.seq;
  if (seq !== undefined) {
    await sql`DELETE FROM sqlite_sequence WHERE name = ${table}`.execute(db);
    await sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table}, ${seq})`.execute(db);
  }
  for (const dependant of dependants) if (dependant.sql) await sql.raw(dependant.sql).execute(db);
}
