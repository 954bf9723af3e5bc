import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { UserAdmin } from "../features/users/components/UserAdmin";

export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("users.title"));
  return (
    <>
      <h1>{t("users.title")}</h1>
      <p className="lead">{t("users.intro")}</p>
      <RequireRole roles={["admin"]}>
        <UserAdmin />
      </RequireRole>
    </>
  );
}
