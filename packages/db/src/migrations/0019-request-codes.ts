import type { Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * The last sequence number given to a request for help in each Thai fiscal year (B.E.), for codes like
 * `SR2570-000123`. Taken with one upsert that returns the new number: PostgreSQL locks the year's row until the
 * filing transaction ends and SQLite has one writer, so two requests filed at once never get the same code, and a
 * filing that rolls back gives its number back.
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("request_code_counters")
    .addColumn("fiscal_year", "integer", (c) => c.primaryKey())
    .addColumn("last_sequence", "integer", (c) => c.notNull())
    .execute();
}
