import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { STAFF_ROLES } from "../features/auth/model";
import { ImportWizard } from "../features/imports/components/ImportWizard";

export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("imports.title"));
  const [params, setParams] = useSearchParams();
  const batchId = params.get("batch");
  return (
    <>
      <h1>{t("imports.title")}</h1>
      <p className="lead">{t("imports.intro")}</p>
      <RequireRole roles={STAFF_ROLES} deniedText={t("imports.staffOnly")}>
        <p>
          <Link to="/import/history">{t("imports.history.link")}</Link>
        </p>
        <ImportWizard
          key={batchId ?? ""}
          resumeBatchId={batchId}
          onStartOver={() => {
            if (batchId) setParams({}, { replace: true });
          }}
        />
      </RequireRole>
    </>
  );
}
