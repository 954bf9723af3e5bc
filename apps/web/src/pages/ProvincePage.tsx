import { useParams } from "react-router-dom";
import { ProvinceDetail } from "../features/provinces/components/ProvinceDetail";

export function ProvincePage() {
  const { code = "" } = useParams();
  return <ProvinceDetail key={code} code={code} />;
}
