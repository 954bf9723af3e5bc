import type { Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Failed mail shown to admins (issue 13, point 6): when the last attempt to send a mail was made, so that an admin
 * sees when a mail gave up, not only when it was queued. Stamped by the outbox's claim; null for mail never tried
 * (and for mail tried before this migration).
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("mail_outbox").addColumn("last_attempt_at", "text").execute();
}
