import { useParams } from "react-router-dom";
import { PlanView } from "../features/plans/components/PlanView";
import { useAgencyName } from "../features/agencies/useAgencyName";

export function PlanPage() {
  const { id = "" } = useParams();
  const agencyName = useAgencyName();
  return <PlanView key={id} id={id} agencyName={agencyName} />;
}
