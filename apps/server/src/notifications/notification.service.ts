import { isNotificationKind, readNotificationParams, type Actor } from "@sainam/core";
import type { InboxQuery, Notification } from "@sainam/contract";
import { notifications, type NotificationRow } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize } from "../policies/policy.ts";

// Reading one's inbox (and marking entries read) is not audited: the inbox is the user's own, nobody else sees or
// relies on its read marks, and an audit entry per click would bury the entries that matter. What a notification
// reports is audited where it happened (the request's own write).

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    // Rows are written by `notify` from core's list; an unknown kind (a newer version's) reads as the generic one.
    kind: isNotificationKind(row.kind) ? row.kind : "request_new",
    entityType: row.entity_type,
    entityId: row.entity_id,
    params: readNotificationParams(parseJson(row.params_json)),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

function userOf(actor: Actor): number {
  authorize(actor, "read", { type: "self" });
  if (actor.kind !== "user") throw errors.unauthenticated();
  return actor.id;
}

/** The caller's notifications, newest first, with their unread count. */
export async function listInbox(ctx: AppContext, actor: Actor, query: InboxQuery) {
  const userId = userOf(actor);
  const db = ctx.database.db;
  const unreadOnly = query.unread === "1" || query.unread === "true";
  const [rows, total, unread] = await Promise.all([
    notifications.listForUser(db, userId, {
      unreadOnly,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    notifications.countForUser(db, userId, unreadOnly),
    notifications.countForUser(db, userId, true),
  ]);
  return { items: rows.map(presentNotification), total, unread, page: query.page, pageSize: query.pageSize };
}

export async function inboxCount(ctx: AppContext, actor: Actor) {
  const userId = userOf(actor);
  return { unread: await notifications.countForUser(ctx.database.db, userId, true) };
}

/** Marks one of the caller's notifications read; another user's is not found (it is not theirs to know of). */
export async function markNotificationRead(ctx: AppContext, actor: Actor, id: number): Promise<Notification> {
  const userId = userOf(actor);
  const db = ctx.database.db;
  await notifications.markRead(db, userId, id, new Date(ctx.now()).toISOString());
  const row = await notifications.findForUser(db, userId, id);
  if (!row) throw errors.notFound("notification", id);
  return presentNotification(row);
}

export async function markAllNotificationsRead(ctx: AppContext, actor: Actor) {
  const userId = userOf(actor);
  return { marked: await notifications.markAllRead(ctx.database.db, userId, new Date(ctx.now()).toISOString()) };
}
