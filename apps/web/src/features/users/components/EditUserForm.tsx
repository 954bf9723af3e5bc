import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import {
  isExpertField,
  isRole,
  missingScope,
  scopeBody,
  scopeOfUser,
  type MissingScope,
  type RoleScope,
  type User,
} from "../model";
import { useUpdateUserMutation, type UserChanges } from "../mutations";
import { RoleScopeFields } from "./RoleScopeFields";

interface EditUserFormProps {
  user: User;
  onDone: (saved: boolean) => void;
}

const sameIds = (a: readonly (number | string)[], b: readonly (number | string)[]) =>
  a.length === b.length && [...a].sort().join(",") === [...b].sort().join(",");

export function EditUserForm({ user, onDone }: EditUserFormProps) {
  const { t } = useTranslation();
  const update = useUpdateUserMutation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [scope, setScope] = useState<RoleScope>(() =>
    scopeOfUser(user, isRole(user.role) ? user.role : "member", user.expertFields.filter(isExpertField)),
  );
  const [active, setActive] = useState(user.active);
  const [missing, setMissing] = useState<MissingScope | null>(null);
  const ids = { name: useId(), active: useId(), heading: useId() };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const lacking = missingScope(scope);
    setMissing(lacking);
    if (lacking) return;
    const body = scopeBody(scope);
    const changes: UserChanges = {};
    if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
    if (scope.role !== user.role) changes.role = scope.role;
    if (body.agencyId !== user.agencyId) changes.agencyId = body.agencyId;
    if (!sameIds(body.clusterIds, user.clusterIds)) changes.clusterIds = body.clusterIds;
    if (body.enterpriseId !== user.enterpriseId) changes.enterpriseId = body.enterpriseId;
    if (body.expertId !== null && body.expertId !== user.expertId) changes.expertId = body.expertId;
    else if (body.providerId !== null && body.providerId !== user.providerId) changes.providerId = body.providerId;
    if (!sameIds(body.expertFields, user.expertFields)) changes.expertFields = body.expertFields;
    if (active !== user.active) changes.active = active;
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
      {missing && (
        <div className="alert alert-error" role="alert">
          <p>{t(missing)}</p>
        </div>
      )}
      {update.isError && <ErrorMessage error={update.error} />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.name}>{t("users.displayName")}</label>
          <input id={ids.name} required value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
        </div>
        <RoleScopeFields scope={scope} onChange={setScope} />
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
