import { useParams } from "react-router-dom";
import { ClusterView } from "../features/clusters/components/ClusterView";

export function ClusterPage() {
  const { id = "" } = useParams();
  return <ClusterView key={id} id={id} />;
}
