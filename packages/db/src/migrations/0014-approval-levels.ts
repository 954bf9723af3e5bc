import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Approval where the work is: by the office serving a value's province, and level by level up the agency tree
 * when a plan asks for more than one level.
 *
 * agency_provinces: the provinces an agency serves (a Provincial Commerce Office serves its province; an office
 * may serve more than one). Officers of such an agency below a plan's owner approve that plan's values of
 * those provinces.
 *
 * plans.approval_levels: how many approvals a value needs (1 by default: what every plan needed so far).
 * indicator_values.approval_level: how many levels of the current submission are approved; the value turns
 * approved after the last. Reset to 0 whenever the value is submitted again, rejected, reopened or edited.
 *
 * indicator_value_approvals: every approval step (value, level, the approver and the agency they acted for,
 * when), kept as history; the last `approval_level` rows of a value are those of its current submission.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();

  await db.schema
    .createTable("agency_provinces")
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id").onDelete("cascade"))
    .addColumn("province_code", "text", (c) => c.notNull().references("provinces.code"))
    .addPrimaryKeyConstraint("agency_provinces_pk", ["agency_id", "province_code"])
    .execute();
  await db.schema.createIndex("agency_provinces_province_idx").on("agency_provinces").column("province_code").execute();

  await db.schema
    .alterTable("plans")
    .addColumn("approval_levels", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("indicator_values")
    .addColumn("approval_level", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("indicator_value_approvals")
    .addColumn("id", "integer", id)
    .addColumn("value_id", "integer", (c) => c.notNull().references("indicator_values.id").onDelete("cascade"))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("approved_by", "integer", (c) => c.references("users.id"))
    .addColumn("approved_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("indicator_value_approvals_value_idx")
    .on("indicator_value_approvals")
    .columns(["value_id", "id"])
    .execute();
}
