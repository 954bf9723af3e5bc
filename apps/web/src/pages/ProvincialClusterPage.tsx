import { useParams } from "react-router-dom";
import { ClusterDetail } from "../features/provincial-clusters/components/ClusterDetail";

export function ProvincialClusterPage() {
  const { id = "" } = useParams();
  return <ClusterDetail key={id} id={id} />;
}
