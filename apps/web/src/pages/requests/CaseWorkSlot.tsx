import type { ServiceRequestDetail } from "@sainam/contract";

/**
 * THE PLACE FOR THE CASE-WORK PANEL (issue 13, point 5: consultations, follow-up tasks, closure with a result,
 * the firm's rating). The request page renders this below the request; the "casework" work replaces this file's
 * body with the panel. It gets the request as the page loaded it (with `can.update` for who may work it).
 */
export function CaseWorkSlot(_props: { request: ServiceRequestDetail }) {
  return <></>;
}
