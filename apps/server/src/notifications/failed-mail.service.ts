import type { FailedMail, FailedMailQuery } from "@sainam/contract";
import { isNotificationKind, type Actor } from "@sainam/core";
import { audit, mailOutbox, nowIso } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize } from "../policies/policy.ts";

/**
 * An address an admin may see on the failed-mail page: the first two characters of the mailbox, then dots, then the
 * domain ("so•••@example.org"), enough to tell a typo in a domain without showing whose mail it was.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 0) return "•••";
  const mailbox = address.slice(0, at);
  return `${mailbox.slice(0, Math.min(2, Math.max(0, mailbox.length - 1)))}•••${address.slice(at)}`;
}

/** Mail that gave up, newest first, for an admin: the recipient masked, never the body. */
export async function listFailedMail(ctx: AppContext, actor: Actor, query: FailedMailQuery) {
  authorize(actor, "list", { type: "mail" });
  const { items, total } = await mailOutbox.listFailed(ctx.database.db, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: items.map((m): FailedMail => ({
      id: m.id,
      recipient: maskAddress(m.to_address),
      kind: m.kind !== null && isNotificationKind(m.kind) ? m.kind : null,
      subject: m.subject,
      attempts: m.attempts,
      lastError: m.last_error,
      createdAt: m.created_at,
      lastAttemptAt: m.last_attempt_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * An admin sends a failed mail again: it goes back to the queue, due now, with a fresh round of attempts (the outbox
 * job sends it within a minute). Audited with what it had been through, never the address. 404 for no such mail,
 * 409 for one that is not failed (sent, or already queued again).
 */
export async function retryFailedMail(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, "update", { type: "mail" });
  return ctx.database.db.transaction().execute(async (trx) => {
    const before = await mailOutbox.requeueFailed(trx, id, nowIso());
    if (!before) {
      const mail = await mailOutbox.find(trx, id);
      if (!mail) throw errors.notFound("mail", id);
      throw errors.conflict(`Mail ${id} is ${mail.status}, not failed.`, "status", "wrong_status", {
        status: mail.status,
      });
    }
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "mail.retry",
      entityType: "mail",
      entityId: id,
      before: { status: "failed", attempts: before.attempts, lastError: before.last_error },
      after: { status: "queued", attempts: 0 },
    });
    return { id, status: "queued" as const };
  });
}
