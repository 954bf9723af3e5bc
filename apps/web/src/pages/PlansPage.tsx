import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { PlanList } from "../features/plans/components/PlanList";
import { useAgencyName } from "../features/agencies/useAgencyName";

export function PlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("plans.title"));
  const agencyName = useAgencyName();
  return (
    <>
      <h1>{t("plans.title")}</h1>
      <p className="lead">{t("plans.intro")}</p>
      <PlanList agencyName={agencyName} />
    </>
  );
}
