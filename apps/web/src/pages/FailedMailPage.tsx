import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { FailedMailTable } from "../features/mail/components/FailedMailTable";

/** Notification e-mail that could not be sent, for admins to see and send again. */
export function FailedMailPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("failedMail.title"));
  return (
    <>
      <h1>{t("failedMail.title")}</h1>
      <p className="lead">{t("failedMail.intro")}</p>
      <RequireRole roles={["admin"]}>
        <FailedMailTable />
      </RequireRole>
    </>
  );
}
