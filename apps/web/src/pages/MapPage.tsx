import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { ProvincialClusterMap } from "../features/provincial-clusters/components/ProvincialClusterMap";

export function MapPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("map.title"));
  return (
    <>
      <h1>{t("map.title")}</h1>
      <p className="lead">{t("map.intro")}</p>
      <ProvincialClusterMap />
    </>
  );
}
