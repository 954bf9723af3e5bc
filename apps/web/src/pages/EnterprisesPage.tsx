import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { EnterpriseList } from "../features/enterprises/components/EnterpriseList";

export function EnterprisesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("enterprises.title"));
  return (
    <>
      <h1>{t("enterprises.title")}</h1>
      <p className="lead">{t("enterprises.intro")}</p>
      <EnterpriseList />
    </>
  );
}
