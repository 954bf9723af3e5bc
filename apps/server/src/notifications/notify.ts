/**
 * Telling users something happened: `notify` puts one row in each recipient's inbox and, when e-mail is
 * configured (SMTP_URL), queues one e-mail per recipient in their language, both in the caller's transaction.
 *
 *   await notify(ctx, {
 *     userIds: [expertUserId],
 *     kind: "request_assigned",                         // core notificationKinds
 *     entity: { type: "service_request", id: request.id }, // the web links service_request to /requests/:id
 *     params: { code: request.code, field: request.field, firmName },
 *   }, trx);                                            // optional: the use case's transaction
 *
 * Each e-mail links to the page of what it is about (core notificationPath; the inbox when it has no page) under
 * SAINAM_PUBLIC_URL, and to nothing when that is unset. Inactive users and unknown ids are skipped; a user listed twice is notified once. params must hold no secrets and
 * no contacts (they are shown to the recipient and kept as long as the inbox). Notifying is a consequence of the
 * caller's write, which the caller audits; it appends no audit entry of its own. The outbox sends the mail later
 * (mail-outbox.ts), so a slow or failing SMTP server never slows or fails the request that notified.
 */
import type { Kysely, Transaction } from "kysely";
import { notificationMail, notificationPath, type NotificationKind, type NotificationParams } from "@sainam/core";
import { mailOutbox, notifications, type DB } from "@sainam/db";
import type { AppContext } from "../context.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** What notifying needs of the app: the database, the mailer (null: no e-mail), the clock, the public address. */
export type NotifyContext = Pick<AppContext, "database" | "mailer" | "now"> & {
  config: Pick<AppContext["config"], "publicUrl">;
};

export type NotifyInput = {
  userIds: readonly number[];
  kind: NotificationKind;
  entity?: { type: string; id: number } | null;
  params?: NotificationParams;
};

/** Notifies the users; answers the ids of the inbox rows made and how many e-mails were queued. */
export async function notify(
  ctx: NotifyContext,
  input: NotifyInput,
  db: Executor = ctx.database.db,
): Promise<{ notificationIds: number[]; mailQueued: number }> {
  const recipients = await notifications.activeRecipients(db, [...new Set(input.userIds)]);
  if (recipients.length === 0) return { notificationIds: [], mailQueued: 0 };
  const at = new Date(ctx.now());
  const createdAt = at.toISOString();
  const params = input.params ?? {};
  const rows = await notifications.insertMany(
    db,
    recipients.map((user) => ({
      user_id: user.id,
      kind: input.kind,
      entity_type: input.entity?.type ?? null,
      entity_id: input.entity?.id ?? null,
      params_json: JSON.stringify(params),
      created_at: createdAt,
    })),
  );
  let mailQueued = 0;
  if (ctx.mailer) {
    // The page it is about (the inbox when it has none), only when the server knows the address people use.
    const path =
      notificationPath({
        kind: input.kind,
        entityType: input.entity?.type ?? null,
        entityId: input.entity?.id ?? null,
      }) ?? "/inbox";
    const link = ctx.config.publicUrl === undefined ? null : `${ctx.config.publicUrl}${path}`;
    const byUser = new Map(rows.map((row) => [row.user_id, row.id]));
    const mail = recipients
      .filter((user) => user.email.includes("@"))
      .map((user) => {
        const words = notificationMail(input.kind, params, user.locale === "en" ? "en" : "th", at, link);
        return {
          notification_id: byUser.get(user.id) ?? null,
          to_address: user.email,
          subject: words.subject,
          body_text: words.text,
          next_attempt_at: createdAt,
          created_at: createdAt,
        };
      });
    await mailOutbox.enqueue(db, mail);
    mailQueued = mail.length;
  }
  return { notificationIds: rows.map((row) => row.id), mailQueued };
}
