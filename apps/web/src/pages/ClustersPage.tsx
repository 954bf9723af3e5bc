import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { ClusterDirectory } from "../features/clusters/components/ClusterDirectory";

export function ClustersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("registry.title"));
  return (
    <>
      <h1>{t("registry.title")}</h1>
      <p className="lead">{t("registry.intro")}</p>
      <ClusterDirectory />
    </>
  );
}
