import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isRole } from "../../auth/model";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { QueryState } from "../../../components/QueryState";
import { useManagerMutation } from "../mutations";
import { useManagers } from "../queries";
import { UserPicker } from "./UserPicker";

/**
 * A provider's managers (who reassign its requests and are told of breaches), by name for signed-in users; its
 * keepers add experts or agency officers found by name or e-mail, and remove them.
 */
export function ManagersSection({ providerId, canManage }: { providerId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const roleName = (role: string) => (isRole(role) ? t(`roles.${role}`) : role);
  const managers = useManagers(String(providerId), true);
  const change = useManagerMutation(providerId);
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const current = new Set((managers.data ?? []).map((m) => m.userId));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t("providers.managers")}</h2>
      {change.isError && <ErrorMessage error={change.error} />}
      <QueryState query={managers} isEmpty={(items) => items.length === 0} empty={t("providers.noManagers")}>
        {(items) => (
          <ul className="plain-list">
            {items.map((m) => (
              <li key={m.userId}>
                {m.displayName} <span className="muted small">({roleName(m.role)})</span>
                {canManage && (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={change.isPending}
                      onClick={() => change.mutate({ remove: m.userId })}
                    >
                      {t("providers.removeManager", { name: m.displayName })}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {canManage &&
        (adding ? (
          <div className="panel">
            <UserPicker
              providerId={providerId}
              purpose="manager"
              label={t("providers.findManager")}
              disabled={change.isPending}
              refuse={(c) => (current.has(c.id) ? t("providers.alreadyManager") : null)}
              onPick={(c) => change.mutate({ add: c.id }, { onSuccess: () => setAdding(false) })}
            />
            <button type="button" className="button button-secondary" onClick={() => setAdding(false)}>
              {t("providers.cancel")}
            </button>
          </div>
        ) : (
          <p>
            <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
              {t("providers.addManager")}
            </button>
          </p>
        ))}
    </section>
  );
}
