import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { STAFF_ROLES } from "../features/auth/model";
import { EnterpriseForm } from "../features/enterprises/components/EnterpriseForm";

export function NewEnterprisePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("enterprises.newTitle"));
  return (
    <>
      <h1>{t("enterprises.newTitle")}</h1>
      <RequireRole roles={STAFF_ROLES} deniedText={t("enterprises.staffOnly")}>
        <EnterpriseForm
          enterprise={null}
          // The router shows a failed navigation in its error element: nothing to await.
          onDone={(saved) => void navigate(saved ? `/enterprises/${encodeURIComponent(saved.id)}` : "/enterprises")}
        />
      </RequireRole>
    </>
  );
}
