import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { AuditLog } from "../features/audit/components/AuditLog";
import { RequireRole } from "../features/auth/components/RequireRole";

export function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("audit.title"));
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      <RequireRole roles={["admin"]}>
        <AuditLog />
      </RequireRole>
    </>
  );
}
