import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * The Thai working-day calendar that service clocks count on: one row per day off other than a weekend.
 * kind: public (a public holiday on its own date), substitution (วันหยุดชดเชย, given when a holiday falls on a
 * weekend) or special (a one-off day the Cabinet adds). date is ISO yyyy-mm-dd (C.E.), one row per date.
 * The current and next year come from the reference data; admins keep them.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();

  await db.schema
    .createTable("public_holidays")
    .addColumn("id", "integer", id)
    .addColumn("date", "text", (c) => c.notNull().unique())
    .addColumn("name_th", "text", (c) => c.notNull())
    .addColumn("name_en", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
