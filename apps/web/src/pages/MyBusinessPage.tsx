import { useTranslation } from "react-i18next";
import { RequireRole } from "../features/auth/components/RequireRole";
import { useCurrentUser } from "../features/auth/queries";
import { MyBusinessView } from "../features/my-business/components/MyBusinessView";

export function MyBusinessPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <RequireRole roles={["member"]} deniedText={t("myBusiness.membersOnly")}>
      {user && <MyBusinessView key={user.id} userId={user.id} />}
    </RequireRole>
  );
}
