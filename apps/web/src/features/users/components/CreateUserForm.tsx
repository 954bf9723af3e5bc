import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { NewPasswordField } from "../../../components/NewPasswordField";
import { useLocale } from "../../../i18n";
import { LOCALES, isLocale, type Locale } from "../../../lib/format";
import { emptyScope, missingScope, scopeBody, type MissingScope, type RoleScope } from "../model";
import { useCreateUserMutation } from "../mutations";
import { RoleScopeFields } from "./RoleScopeFields";

export function CreateUserForm({ onCreated }: { onCreated: (email: string) => void }) {
  const { t } = useTranslation();
  const uiLocale = useLocale();
  const create = useCreateUserMutation();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [scope, setScope] = useState<RoleScope>(emptyScope("member"));
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [missing, setMissing] = useState<MissingScope | null>(null);
  const ids = {
    email: useId(),
    name: useId(),
    locale: useId(),
    heading: useId(),
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const lacking = missingScope(scope);
    setMissing(lacking);
    if (lacking) return;
    const input = {
      email: email.trim(),
      displayName: displayName.trim(),
      password,
      role: scope.role,
      locale,
      ...scopeBody(scope),
    };
    create.mutate(input, {
      onSuccess: () => {
        onCreated(input.email);
        setEmail("");
        setDisplayName("");
        setPassword("");
        setScope(emptyScope("member"));
      },
    });
  };

  return (
    <form className="form panel" onSubmit={submit} aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t("users.createTitle")}</h2>
      {missing && (
        <div className="alert alert-error" role="alert">
          <p>{t(missing)}</p>
        </div>
      )}
      {create.isError && <ErrorMessage error={create.error} />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.email}>{t("users.email")}</label>
          <input
            id={ids.email}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.name}>{t("users.displayName")}</label>
          <input id={ids.name} required value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
        </div>
        <RoleScopeFields scope={scope} onChange={setScope} />
        <div className="field">
          <label htmlFor={ids.locale}>{t("users.locale")}</label>
          <select
            id={ids.locale}
            value={locale}
            onChange={(event) => {
              if (isLocale(event.target.value)) setLocale(event.target.value);
            }}
          >
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {t(`language.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <NewPasswordField label={t("users.password")} value={password} onChange={setPassword} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t("common.saving") : t("users.create")}
        </button>
      </div>
    </form>
  );
}
