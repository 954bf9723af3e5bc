import { z } from "zod";
import { notificationKinds } from "./choices.ts";

export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKindValue = z.infer<typeof notificationKindSchema>;

/** What a message is worded with (core `NotificationParams`): each key optional, never secrets. */
export const notificationParamsSchema = z.object({
  code: z.string().optional(),
  field: z.string().optional(),
  firmName: z.string().optional(),
  /** YYYY-MM-DD, C.E. */
  dueDate: z.string().optional(),
  title: z.string().optional(),
  rating: z.number().optional(),
});
export type NotificationParamsValue = z.infer<typeof notificationParamsSchema>;

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: notificationKindSchema,
  /** What it is about: `service_request` links to /requests/:id; other types link nowhere yet. */
  entityType: z.string().nullable(),
  entityId: z.number().int().nullable(),
  params: notificationParamsSchema,
  createdAt: z.string(),
  /** Null while unread. */
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** GET /api/inbox: the caller's notifications, newest first; `unread=1` for the unread ones only. */
export const inboxQuery = z.object({
  unread: z.enum(["1", "0", "true", "false"], { message: "must be 1 or 0" }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const inboxPageSchema = z.object({
  items: z.array(notificationSchema),
  /** How many match the query (all, or the unread ones). */
  total: z.number().int(),
  /** The caller's unread notifications, whatever the query (the bell's count). */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InboxPage = z.infer<typeof inboxPageSchema>;

/** GET /api/inbox/count: the bell's number, cheap enough to ask on every page. */
export const inboxCountSchema = z.object({ unread: z.number().int() });
export type InboxCount = z.infer<typeof inboxCountSchema>;

export const readAllSchema = z.object({ marked: z.number().int() });
export type ReadAll = z.infer<typeof readAllSchema>;

/** GET /api/mail/failed: mail that exhausted its retries, newest first (admins). */
export const failedMailQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type FailedMailQuery = z.infer<typeof failedMailQuery>;

/**
 * A mail that gave up. `recipient` is masked (personal data: "so•••@example.org"); `kind` is the notification's,
 * null for mail not made from one; `lastError` an SMTP code or class of error, never the server's words.
 */
export const failedMailSchema = z.object({
  id: z.number().int(),
  recipient: z.string(),
  kind: notificationKindSchema.nullable(),
  subject: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
});
export type FailedMail = z.infer<typeof failedMailSchema>;

export const failedMailPageSchema = z.object({
  items: z.array(failedMailSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FailedMailPage = z.infer<typeof failedMailPageSchema>;

/** POST /api/mail/{id}/retry: the mail is queued again for a fresh round of attempts. */
export const retriedMailSchema = z.object({ id: z.number().int(), status: z.literal("queued") });
