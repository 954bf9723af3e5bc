import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { AgencyTree } from "../features/agencies/components/AgencyTree";
import { useCurrentUser } from "../features/auth/queries";

export function AgenciesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("agencies.title"));
  const user = useCurrentUser();
  const canEdit = user?.role === "admin" || user?.role === "agency_officer";
  return (
    <>
      <h1>{t("agencies.title")}</h1>
      <p className="lead">{t("agencies.intro")}</p>
      <AgencyTree canEdit={canEdit} />
    </>
  );
}
