import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Programme figures as the agency reported them, and who recorded an economic-value claim.
 *
 * Agencies often publish a programme's results as aggregates ("29 clusters with 680 businesses, 19 M baht")
 * without the list of firms. Those aggregates are kept here, one row per programme and fiscal year, and shown
 * beside the figures Sainam computes from its own records — never turned into invented firm records.
 * budget_kind: allocated | planned. value_kind: expected | actual.
 *
 * value_claims.created_by: the user who recorded a claim, so that another officer verifies it (separation of
 * duties); null for claims written by the system (examples, CLI).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const real = dialect === "postgres" ? "double precision" : "real";

  await db.schema
    .createTable("programme_reported_figures")
    .addColumn("id", "integer", id)
    .addColumn("programme_id", "integer", (c) => c.notNull().references("programmes.id").onDelete("cascade"))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("clusters", "integer")
    .addColumn("firms", "integer")
    .addColumn("budget", real)
    .addColumn("budget_kind", "text")
    .addColumn("value", real)
    .addColumn("value_kind", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("programme_reported_figures_uq", ["programme_id", "fiscal_year"])
    .execute();

  await db.schema
    .alterTable("value_claims")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .execute();
  // The identical-claim check looks a claim up by enterprise, fiscal year, method and amount.
  await db.schema
    .createIndex("value_claims_identity_idx")
    .on("value_claims")
    .columns(["enterprise_id", "fiscal_year", "method", "amount"])
    .execute();
}
