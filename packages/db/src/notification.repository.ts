import type { Kysely, Transaction } from "kysely";
import type { DB, NotificationRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type NewNotification = {
  user_id: number;
  kind: string;
  entity_type: string | null;
  entity_id: number | null;
  params_json: string;
  created_at: string;
};

export async function insertMany(db: Executor, rows: NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto("notifications").values(rows).returningAll().execute();
}

/** The recipients of a notification as they may receive it: active users, with their e-mail and language. */
export async function activeRecipients(
  db: Executor,
  userIds: readonly number[],
): Promise<{ id: number; email: string; locale: string }[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("users")
    .select(["id", "email", "locale"])
    .where("id", "in", [...userIds])
    .where("active", "=", 1)
    .orderBy("id")
    .execute();
}

/** A user's notifications, newest first; `unreadOnly` keeps those not read yet. */
export async function listForUser(
  db: Executor,
  userId: number,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom("notifications").selectAll().where("user_id", "=", userId);
  if (options.unreadOnly) query = query.where("read_at", "is", null);
  return query.orderBy("id", "desc").limit(options.limit).offset(options.offset).execute();
}

export async function countForUser(db: Executor, userId: number, unreadOnly: boolean): Promise<number> {
  let query = db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId);
  if (unreadOnly) query = query.where("read_at", "is", null);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One of the user's notifications; another user's is not found, as a missing one is. */
export async function findForUser(db: Executor, userId: number, id: number): Promise<NotificationRow | undefined> {
  return db
    .selectFrom("notifications")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Marks one notification read (once: an already read one keeps its first read_at). */
export async function markRead(db: Executor, userId: number, id: number, at: string): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ read_at: at })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
}

/** Marks every unread notification of the user read; answers how many changed. */
export async function markAllRead(db: Executor, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable("notifications")
    .set({ read_at: at })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
