import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { STAFF_ROLES } from "../features/auth/model";
import { ApprovalQueue } from "../features/indicator-values/components/ApprovalQueue";

export function ApprovalQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("values.queueTitle"));
  return (
    <>
      <h1>{t("values.queueTitle")}</h1>
      <p className="lead">{t("values.queueIntro")}</p>
      <RequireRole roles={STAFF_ROLES} deniedText={t("values.staffOnly")}>
        <ApprovalQueue />
      </RequireRole>
    </>
  );
}
