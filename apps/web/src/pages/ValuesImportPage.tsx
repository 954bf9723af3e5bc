import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { STAFF_ROLES } from "../features/auth/model";
import { ValuesImport } from "../features/indicator-values/components/ValuesImport";

export function ValuesImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("values.importTitle"));
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("values.importTitle")}</h1>
      <p className="lead">{t("values.importIntro")}</p>
      <RequireRole roles={STAFF_ROLES} deniedText={t("values.staffOnly")}>
        <ValuesImport initialPlanId={params.get("plan")} />
      </RequireRole>
    </>
  );
}
