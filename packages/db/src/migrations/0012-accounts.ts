import type { Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Accounts for every role (issue 12).
 *
 * users.must_change_password: set when an admin resets a password (1); the user's sessions may then only change
 * it (or sign out) until they do. Existing users keep their passwords (0).
 * user_expert_fields: the fields an expert advises in, one row per field code (core `expertFields`).
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("user_expert_fields")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("field", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_expert_fields_pk", ["user_id", "field"])
    .execute();
}
