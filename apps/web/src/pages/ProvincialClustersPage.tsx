import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { ClusterList } from "../features/provincial-clusters/components/ClusterList";

export function ProvincialClustersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("clusters.title"));
  return (
    <>
      <h1>{t("clusters.title")}</h1>
      <p className="lead">
        {t("clusters.intro")} <Link to="/map">{t("home.mapLink")}</Link>
      </p>
      <ClusterList />
    </>
  );
}
