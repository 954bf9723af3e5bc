import type { Notification } from "@sainam/contract";

/**
 * Where a notification leads: a service request to its page, a meeting to the member's meetings, a buyer's request
 * for a quote to the firm's list of them, a deal to its page; other records have no page to open yet.
 */
export function notificationLink(
  notification: Pick<Notification, "entityType" | "entityId"> & { kind?: Notification["kind"] },
): string | null {
  if (notification.entityType === "service_request" && notification.entityId !== null) {
    return `/requests/${notification.entityId}`;
  }
  // A meeting request or answer: the member's meetings (organisers act from the event's meetings page).
  if (notification.entityType === "meeting") return "/my-meetings";
  // A buyer's request for a quote: the firm's list of them.
  if (
    notification.kind === "product_inquiry" &&
    notification.entityType === "enterprise" &&
    notification.entityId !== null
  ) {
    return `/enterprises/${notification.entityId}/inquiries`;
  }
  if (notification.entityType === "deal" && notification.entityId !== null) return `/deals/${notification.entityId}`;
  return null;
}
