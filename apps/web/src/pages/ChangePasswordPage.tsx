import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router-dom";
import { Loading } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { ChangePasswordForm } from "../features/auth/components/ChangePasswordForm";
import { CHANGE_PASSWORD_PATH } from "../features/auth/components/PasswordChangeGuard";
import { useMe } from "../features/auth/queries";

export function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("account.passwordTitle"));
  const me = useMe();
  const [changed, setChanged] = useState(false);
  if (me.isPending) return <Loading />;
  const user = me.data ?? null;
  if (!user) return <Navigate to="/login" replace state={{ from: CHANGE_PASSWORD_PATH }} />;
  return (
    <section className="narrow">
      <h1>{t("account.passwordTitle")}</h1>
      {changed ? (
        <div className="alert alert-success" role="status">
          <p>
            {t("account.changed")} <Link to="/">{t("account.continue")}</Link>
          </p>
        </div>
      ) : (
        <>
          {user.mustChangePassword ? (
            <div className="alert alert-info" role="status">
              <p>{t("account.mustChangeIntro")}</p>
            </div>
          ) : (
            <p className="muted">{t("account.passwordIntro")}</p>
          )}
          <ChangePasswordForm onChanged={() => setChanged(true)} />
        </>
      )}
    </section>
  );
}
