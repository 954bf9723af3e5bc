import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { NewPasswordField } from "../../../components/NewPasswordField";
import type { User } from "../model";
import { useResetPasswordMutation } from "../mutations";

/** An admin types a temporary password for a user, who must change it at next sign-in (their sessions end). */
export function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPasswordMutation();
  const [password, setPassword] = useState("");
  const ids = { heading: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset.mutate({ id: user.id, temporaryPassword: password }, { onSuccess: onDone });
  };

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="form-title">
        {t("users.resetTitle", { email: user.email })}
      </h3>
      <p className="hint">{t("users.resetIntro")}</p>
      {reset.isError && <ErrorMessage error={reset.error} />}
      <NewPasswordField label={t("users.temporaryPassword")} value={password} onChange={setPassword} shown />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={reset.isPending}>
          {reset.isPending ? t("users.resetting") : t("users.resetPassword")}
        </button>
      </div>
    </form>
  );
}
