import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { NewPasswordField } from "../../../components/NewPasswordField";
import { useChangePasswordMutation } from "../mutations";

/** The signed-in user's own password: the current one, then the new one twice. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const change = useChangePasswordMutation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const ids = { current: useId(), confirm: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMismatch(next !== confirm);
    if (next !== confirm) return;
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: onChanged });
  };

  return (
    <form className="form" onSubmit={submit}>
      {mismatch && (
        <div className="alert alert-error" role="alert">
          <p>{t("account.mismatch")}</p>
        </div>
      )}
      {change.isError && <ErrorMessage error={change.error} />}
      <div className="field">
        <label htmlFor={ids.current}>{t("account.currentPassword")}</label>
        <input
          id={ids.current}
          type="password"
          required
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
      </div>
      <NewPasswordField label={t("account.newPassword")} value={next} onChange={setNext} />
      <div className="field">
        <label htmlFor={ids.confirm}>{t("account.confirmPassword")}</label>
        <input
          id={ids.confirm}
          type="password"
          required
          autoComplete="new-password"
          aria-invalid={mismatch ? true : undefined}
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={change.isPending}>
        {change.isPending ? t("account.saving") : t("account.submit")}
      </button>
    </form>
  );
}
