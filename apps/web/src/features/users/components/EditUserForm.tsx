import { PASSWORD_MIN_LENGTH } from "@sainam/contract/choices";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { isRole, type Role, type User } from "../model";
import { useUpdateUserMutation, type UserChanges } from "../mutations";
import { RoleAgencyFields } from "./RoleAgencyFields";

interface EditUserFormProps {
  user: User;
  onDone: (saved: boolean) => void;
}

export function EditUserForm({ user, onDone }: EditUserFormProps) {
  const { t } = useTranslation();
  const update = useUpdateUserMutation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(isRole(user.role) ? user.role : "member");
  const [agencyId, setAgencyId] = useState<number | null>(user.agencyId);
  const [active, setActive] = useState(user.active);
  const [password, setPassword] = useState("");
  const [agencyMissing, setAgencyMissing] = useState(false);
  const ids = { name: useId(), active: useId(), password: useId(), heading: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (role === "agency_officer" && !agencyId) {
      setAgencyMissing(true);
      return;
    }
    setAgencyMissing(false);
    const changes: UserChanges = {};
    if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
    if (role !== user.role) changes.role = role;
    if (agencyId !== user.agencyId) changes.agencyId = agencyId;
    if (active !== user.active) changes.active = active;
    if (password) changes.password = password;
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    update.mutate({ id: user.id, changes }, { onSuccess: () => onDone(true) });
  };

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="form-title">
        {t("users.editTitle", { email: user.email })}
      </h3>
      {agencyMissing && (
        <div className="alert alert-error" role="alert">
          <p>{t("users.agencyRequired")}</p>
        </div>
      )}
      {update.isError && <ErrorMessage error={update.error} />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.name}>{t("users.displayName")}</label>
          <input id={ids.name} required value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
        </div>
        <RoleAgencyFields role={role} agencyId={agencyId} onRole={setRole} onAgency={setAgencyId} />
        <div className="field">
          <label htmlFor={ids.password}>{t("users.newPassword")}</label>
          <input
            id={ids.password}
            type="password"
            minLength={PASSWORD_MIN_LENGTH}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="field field-checkbox">
          <input
            id={ids.active}
            type="checkbox"
            checked={active}
            onChange={(event) => setActive(event.target.checked)}
          />
          <label htmlFor={ids.active}>{t("users.activeLabel")}</label>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
