import type { Kysely, Transaction } from "kysely";
import type { DB, MailOutboxRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type NewMail = {
  notification_id: number | null;
  to_address: string;
  subject: string;
  body_text: string;
  next_attempt_at: string;
  created_at: string;
};

export async function enqueue(db: Executor, rows: NewMail[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("mail_outbox")
    .values(rows.map((row) => ({ ...row, status: "queued" })))
    .execute();
}

/** Ids of mail that may be sent at `now`: queued and due, or stuck in `sending` past its lock (its sender died). */
export async function dueIds(db: Executor, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("status", "=", "sending"), eb("locked_until", "<=", now)]),
      ]),
    )
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Claims one mail for sending until `lockedUntil`, counting the attempt. One UPDATE whose WHERE repeats the due
 * test: of two senders racing for a row, the database lets one change it (SQLite serialises writers; PostgreSQL
 * re-checks the WHERE on the locked row), so the other gets undefined and a mail is sent once.
 */
export async function claim(
  db: Executor,
  id: number,
  now: string,
  lockedUntil: string,
): Promise<MailOutboxRow | undefined> {
  return db
    .updateTable("mail_outbox")
    .set((eb) => ({
      status: "sending",
      locked_until: lockedUntil,
      attempts: eb("attempts", "+", 1),
      last_attempt_at: now,
    }))
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("status", "=", "sending"), eb("locked_until", "<=", now)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function markSent(db: Executor, id: number, at: string): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ status: "sent", sent_at: at, locked_until: null, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Back to the queue for another attempt at `nextAttemptAt`, or `failed` for good; `error` holds no personal data. */
export async function markAttemptFailed(
  db: Executor,
  id: number,
  outcome: { retryAt: string } | { failed: true },
  error: string,
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set(
      "retryAt" in outcome
        ? { status: "queued", next_attempt_at: outcome.retryAt, locked_until: null, last_error: error }
        : { status: "failed", locked_until: null, last_error: error },
    )
    .where("id", "=", id)
    .execute();
}

export async function find(db: Executor, id: number): Promise<MailOutboxRow | undefined> {
  return db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A mail that gave up, as an admin reviews it: the notification's kind when it came from one. */
export type FailedMail = Pick<
  MailOutboxRow,
  "id" | "to_address" | "subject" | "attempts" | "last_error" | "created_at" | "last_attempt_at"
> & { kind: string | null };

/** Mail that exhausted its attempts (or was refused for good), newest first, a page at a time, with the total. */
export async function listFailed(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<{ items: FailedMail[]; total: number }> {
  const items = await db
    .selectFrom("mail_outbox")
    .leftJoin("notifications", "notifications.id", "mail_outbox.notification_id")
    .select([
      "mail_outbox.id",
      "mail_outbox.to_address",
      "mail_outbox.subject",
      "mail_outbox.attempts",
      "mail_outbox.last_error",
      "mail_outbox.created_at",
      "mail_outbox.last_attempt_at",
      "notifications.kind",
    ])
    .where("mail_outbox.status", "=", "failed")
    .orderBy("mail_outbox.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { total } = await db
    .selectFrom("mail_outbox")
    .select((eb) => eb.fn.countAll<number | string>().as("total"))
    .where("status", "=", "failed")
    .executeTakeFirstOrThrow();
  return { items, total: Number(total) };
}

/**
 * Puts a failed mail back in the queue for a fresh round of attempts, due at `now`; answers the row as it was, or
 * undefined when it is not (or no longer) failed. One UPDATE whose WHERE repeats `failed`, so two admins retrying at
 * once queue it once.
 */
export async function requeueFailed(db: Executor, id: number, now: string): Promise<MailOutboxRow | undefined> {
  const before = await db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  if (!before) return undefined;
  const changed = await db
    .updateTable("mail_outbox")
    .set({ status: "queued", attempts: 0, next_attempt_at: now, locked_until: null })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1 ? before : undefined;
}
