import type { Notification } from "@sainam/contract";

/** Where a notification leads: a service request or a deal to its page; other records have no page to open yet. */
export function notificationLink(notification: Pick<Notification, "entityType" | "entityId">): string | null {
  if (notification.entityType === "service_request" && notification.entityId !== null) {
    return `/requests/${notification.entityId}`;
  }
  if (notification.entityType === "deal" && notification.entityId !== null) return `/deals/${notification.entityId}`;
  return null;
}
