import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { LoginForm } from "../features/auth/components/LoginForm";
import { safeRedirect } from "../features/auth/model";
import { useCurrentUser } from "../features/auth/queries";

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("login.title"));
  const location = useLocation();
  const [params] = useSearchParams();
  const user = useCurrentUser();
  const state: unknown = location.state;
  // The guard that sent the visitor here leaves `{ from }` in the history state; a shared link has `?next=`.
  const from = typeof state === "object" && state !== null && "from" in state ? state.from : params.get("next");
  const redirectTo = safeRedirect(from);

  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      {user && (
        <div className="alert alert-info" role="status">
          <p>
            {t("login.alreadySignedIn", { name: user.displayName || user.email })}{" "}
            <Link to={redirectTo}>{t("nav.home")}</Link>
          </p>
        </div>
      )}
      <LoginForm redirectTo={redirectTo} />
    </section>
  );
}
