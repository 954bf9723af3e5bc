import type { ServiceRequestDetail } from "@sainam/contract";
import { CaseWorkPanel } from "../../features/case-work/components/CaseWorkPanel";

/**
 * The case-work panel of the request page (issue 13, point 5): consultations, follow-up tasks, closure with a
 * result, the firm's rating and the claim. Only once the request reached an expert: before that there is no case.
 */
export function CaseWorkSlot({ request }: { request: ServiceRequestDetail }) {
  if (request.status === "unassigned") return null;
  return <CaseWorkPanel requestId={request.id} />;
}
