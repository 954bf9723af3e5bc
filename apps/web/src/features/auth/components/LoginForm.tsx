import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { isApiError } from "../../../api/client";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { landingAfterSignIn } from "../model";
import { useLoginMutation } from "../mutations";

interface LoginFormProps {
  /** Where to go after signing in (already checked to be a same-site path). */
  redirectTo: string;
}

export function LoginForm({ redirectTo }: LoginFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useLoginMutation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState(false);
  const emailId = useId();
  const passwordId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate(
      { email: email.trim(), password },
      // The router shows a failed navigation in its error element: nothing to await.
      { onSuccess: (data) => void navigate(landingAfterSignIn(data.user, redirectTo), { replace: true }) },
    );
  };

  // A 401 on sign-in means the e-mail or the password is wrong; say so rather than "please sign in".
  const override =
    isApiError(login.error) && (login.error.code === "unauthenticated" || login.error.status === 401)
      ? t("login.wrongCredentials")
      : null;

  return (
    <form className="form login-form" onSubmit={submit} noValidate>
      {missing && (
        <div className="alert alert-error" role="alert">
          <p>{t("login.required")}</p>
        </div>
      )}
      {login.isError && <ErrorMessage error={login.error} override={override} />}
      <div className="field">
        <label htmlFor={emailId}>{t("login.email")}</label>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={missing && !email.trim() ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>{t("login.password")}</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={missing && !password ? true : undefined}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={login.isPending}>
        {login.isPending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
