import type { Notification } from "@sainam/contract";
import { notificationPath } from "@sainam/core";

/**
 * Where a notification leads in the app (core's `notificationPath`, which the e-mails link to as well): a service
 * request to its page, a meeting to the member's meetings, a buyer's request for a quote to the firm's list of them,
 * a deal to its page; other records have no page to open yet.
 */
export function notificationLink(
  notification: Pick<Notification, "entityType" | "entityId"> & { kind?: Notification["kind"] },
): string | null {
  return notificationPath(notification);
}
