import { useParams } from "react-router-dom";
import { EnterpriseView } from "../features/enterprises/components/EnterpriseView";

export function EnterprisePage() {
  const { id = "" } = useParams();
  return <EnterpriseView key={id} id={id} />;
}
