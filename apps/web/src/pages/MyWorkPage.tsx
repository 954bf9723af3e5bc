import { useTranslation } from "react-i18next";
import { RequireRole } from "../features/auth/components/RequireRole";
import { useCurrentUser } from "../features/auth/queries";
import { MyWorkView } from "../features/my-work/components/MyWorkView";

export function MyWorkPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <RequireRole roles={["expert"]} deniedText={t("myWork.expertsOnly")}>
      {user && <MyWorkView user={user} />}
    </RequireRole>
  );
}
