import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { STAFF_ROLES } from "../features/auth/model";
import { ImportWizard } from "../features/imports/components/ImportWizard";

export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("imports.title"));
  return (
    <>
      <h1>{t("imports.title")}</h1>
      <p className="lead">{t("imports.intro")}</p>
      <RequireRole roles={STAFF_ROLES} deniedText={t("imports.staffOnly")}>
        <ImportWizard />
      </RequireRole>
    </>
  );
}
