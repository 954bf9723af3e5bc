import type { RoutingReason, ServiceRequestDetail } from "@sainam/contract";
import type { TFunction } from "i18next";

export type { RoutingReason, ServiceRequestDetail };

/**
 * Why an expert was chosen, in words: "ผู้เชี่ยวชาญด้านโลจิสติกส์ ให้บริการจังหวัดเชียงราย งานค้าง 2 จาก 5 งาน" /
 * "logistics expert serving Chiang Rai, 2 of 5 open cases". The area part says how the province matched (the
 * province itself, its region, or wherever the provider serves).
 */
export function reasonInWords(reason: RoutingReason, t: TFunction, provinceName: (code: string) => string): string {
  return t(`serviceRequests.reason.${reason.areaMatch}`, {
    field: t(`expertFields.${reason.field}`),
    province: provinceName(reason.provinceCode),
    open: reason.openCases,
    capacity: reason.capacity,
  });
}

/** A readable file size: "820 KB", "3.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const attachmentUrl = (requestId: number, attachmentId: number) =>
  `/api/service-requests/${requestId}/attachments/${attachmentId}`;

/** Who files requests from the web: a firm's member, officers, coordinators, admins (the server decides per firm). */
export function mayFileRequests(user: { role: string } | null): boolean {
  return (
    user !== null &&
    (user.role === "member" ||
      user.role === "agency_officer" ||
      user.role === "cluster_coordinator" ||
      user.role === "admin")
  );
}
