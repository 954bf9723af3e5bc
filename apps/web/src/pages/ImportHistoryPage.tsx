import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { STAFF_ROLES } from "../features/auth/model";
import { ImportHistory } from "../features/imports/components/ImportHistory";

export function ImportHistoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("imports.history.title"));
  return (
    <>
      <h1>{t("imports.history.title")}</h1>
      <p className="lead">{t("imports.history.intro")}</p>
      <RequireRole roles={STAFF_ROLES} deniedText={t("imports.staffOnly")}>
        <p>
          <Link to="/import">{t("imports.history.newImport")}</Link>
        </p>
        <ImportHistory />
      </RequireRole>
    </>
  );
}
