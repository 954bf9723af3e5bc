import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Notifications, mail and durable jobs (issue 13, point 6).
 *
 * notifications: a user's inbox; kind is core `notificationKinds`; entity_type/entity_id name what it is about
 * (service_request 42); params_json what the message needs to be worded (a request's code, a firm's name: never
 * secrets); read_at null while unread. Listed per user newest first, unread first counted: index (user_id,
 * read_at, id).
 * mail_outbox: one e-mail per recipient, queued in the same transaction as its notification; status queued |
 * sending | sent | failed. A sender claims a row by moving it to `sending` with locked_until; a row whose lock ran
 * out (its sender died) is claimed again, so nothing is lost on restart. last_error holds no personal data.
 * scheduled_jobs: work that survives restarts and runs once across processes; `key` is unique so the same job
 * (one reminder of one request) is never queued twice. A runner claims a due row with one UPDATE … WHERE
 * (locked_until null or past), which both engines apply atomically. Recurring schedules are rows whose key is
 * `every:<name>` with interval_seconds set: after a run, run_at moves to the next period instead of done_at.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", id)
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("entity_type", "text")
    .addColumn("entity_id", "integer")
    .addColumn("params_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_user_read_idx")
    .on("notifications")
    .columns(["user_id", "read_at", "id"])
    .execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "integer", id)
    .addColumn("notification_id", "integer", (c) => c.references("notifications.id"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("mail_outbox_due_idx").on("mail_outbox").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .createTable("scheduled_jobs")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("payload_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("interval_seconds", "integer")
    .addColumn("locked_until", "text")
    .addColumn("locked_by", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .execute();
  await db.schema.createIndex("scheduled_jobs_due_idx").on("scheduled_jobs").columns(["done_at", "run_at"]).execute();
}
