import { sql, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Who vouched for a membership, and who created a firm or an institution.
 *
 * A coordinator who adds a firm to their cluster sees its contacts and may edit it only once the membership is
 * approved: by an officer of the cluster's coordinating agency, an admin, or the firm itself (its member user).
 * A membership is approved when `approved_at` is set; one the coordinator's own new firm gets is approved at once.
 * Memberships that exist already count as approved (at their creation), so nothing changes for existing data.
 *
 * enterprises.created_by / institutions.created_by: the user who registered the record (null for the system,
 * imports before this migration and reference data). An unpublished institution is visible to its keepers:
 * its agency's officers and whoever registered it.
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("memberships")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .alterTable("memberships")
    .addColumn("approved_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema.alterTable("memberships").addColumn("approved_at", "text").execute();
  await sql`UPDATE memberships SET approved_at = created_at`.execute(db);
  await db.schema
    .alterTable("enterprises")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .alterTable("institutions")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .execute();
}
