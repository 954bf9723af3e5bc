import { PASSWORD_MIN_LENGTH } from "@sainam/contract/choices";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/**
 * A password being set (a new account's, a temporary one, one's own new one), with the length rule the server
 * checks stated under it. A temporary password is shown as typed, for the admin to pass on.
 */
export function NewPasswordField({
  label,
  value,
  onChange,
  shown = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  shown?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={shown ? "text" : "password"}
        required
        minLength={PASSWORD_MIN_LENGTH}
        autoComplete={shown ? "off" : "new-password"}
        aria-describedby={hintId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className="hint">
        {t("users.passwordHint", { min: PASSWORD_MIN_LENGTH })}
      </p>
    </div>
  );
}
