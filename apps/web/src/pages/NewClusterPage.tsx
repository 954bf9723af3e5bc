import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { ClusterForm } from "../features/clusters/components/ClusterForm";

export function NewClusterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t("registry.createTitle"));
  return (
    <>
      <h1>{t("registry.createTitle")}</h1>
      <RequireRole roles={["admin", "agency_officer"]} deniedText={t("registry.editorsOnly")}>
        {/* The router shows a failed navigation in its error element: nothing to await. */}
        <ClusterForm
          cluster={null}
          onDone={(saved) => void navigate(saved ? `/clusters/${encodeURIComponent(saved.id)}` : "/clusters")}
        />
      </RequireRole>
    </>
  );
}
