import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isRole } from "../../auth/model";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useUserCandidates } from "../queries";

export interface UserCandidate {
  id: number;
  displayName: string;
  email: string;
  role: string;
  expertId: number | null;
}

interface UserPickerProps {
  providerId: number;
  purpose: "expert" | "manager";
  /** The search box's label. */
  label: string;
  /** Why a candidate cannot be picked (already linked, already a manager), or null. */
  refuse: (candidate: UserCandidate) => string | null;
  onPick: (candidate: UserCandidate) => void;
  disabled?: boolean;
}

/** Finds users by name or e-mail (two letters or more) and offers each with a "เลือก" button. */
export function UserPicker({ providerId, purpose, label, refuse, onPick, disabled = false }: UserPickerProps) {
  const { t } = useTranslation();
  const roleName = (role: string) => (isRole(role) ? t(`roles.${role}`) : role);
  const [q, setQ] = useState("");
  const ids = { search: useId(), hint: useId() };
  const found = useUserCandidates(String(providerId), q, purpose);
  return (
    <div className="field">
      <label htmlFor={ids.search}>{label}</label>
      <input
        id={ids.search}
        type="search"
        value={q}
        aria-describedby={ids.hint}
        onChange={(event) => setQ(event.target.value)}
      />
      <p id={ids.hint} className="hint">
        {t("providers.userSearchHint")}
      </p>
      {found.isError && <ErrorMessage error={found.error} />}
      {found.data && found.data.length === 0 && <p className="muted">{t("providers.noUsersFound")}</p>}
      {found.data && found.data.length > 0 && (
        <ul className="plain-list">
          {found.data.map((candidate) => {
            const why = refuse(candidate);
            return (
              <li key={candidate.id}>
                <span>
                  {candidate.displayName} ({candidate.email}) · {roleName(candidate.role)}
                </span>{" "}
                {why === null ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={disabled}
                    onClick={() => onPick(candidate)}
                  >
                    {t("providers.pickUser", { name: candidate.displayName })}
                  </button>
                ) : (
                  <span className="muted small">{why}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
