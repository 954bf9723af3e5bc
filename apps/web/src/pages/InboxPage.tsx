import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { ROLES } from "../features/auth/model";
import { RequireRole } from "../features/auth/components/RequireRole";
import { InboxList } from "../features/inbox/components/InboxList";

/** กล่องข้อความ: every signed-in user's notifications. */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("inbox.title"));
  return (
    <RequireRole roles={ROLES}>
      <h1>{t("inbox.title")}</h1>
      <p className="lead">{t("inbox.intro")}</p>
      <InboxList />
    </RequireRole>
  );
}
