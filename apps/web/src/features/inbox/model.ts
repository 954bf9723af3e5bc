import type { Notification } from "@sainam/contract";

/** Where a notification leads: a service request to its page, a meeting to the member's meetings; other records have no page to open yet. */
export function notificationLink(notification: Pick<Notification, "entityType" | "entityId">): string | null {
  if (notification.entityType === "service_request" && notification.entityId !== null) {
    return `/requests/${notification.entityId}`;
  }
  // A meeting request or answer: the member's meetings (organisers act from the event's meetings page).
  if (notification.entityType === "meeting") return "/my-meetings";
  return null;
}
