import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import { ROLES, isRole, type Role } from "../model";

interface RoleAgencyFieldsProps {
  role: Role;
  agencyId: number | null;
  onRole: (role: Role) => void;
  onAgency: (agencyId: number | null) => void;
}

/** Role select, and for agency officers the agency they act for (the server scopes them to it). */
export function RoleAgencyFields({ role, agencyId, onRole, onAgency }: RoleAgencyFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencies();
  const roleId = useId();
  const agencyFieldId = useId();
  const hintId = useId();
  const sorted = [...(agencies.data ?? [])].sort((a, b) =>
    pickLocalized(locale, a.nameTh, a.nameEn).localeCompare(pickLocalized(locale, b.nameTh, b.nameEn), locale),
  );

  return (
    <>
      <div className="field">
        <label htmlFor={roleId}>{t("users.role")}</label>
        <select
          id={roleId}
          value={role}
          onChange={(event) => {
            const next = event.target.value;
            if (!isRole(next)) return;
            onRole(next);
            if (next !== "agency_officer") onAgency(null);
          }}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {role === "agency_officer" && (
        <div className="field">
          <label htmlFor={agencyFieldId}>{t("users.agency")}</label>
          <select
            id={agencyFieldId}
            required
            aria-describedby={hintId}
            value={agencyId ?? ""}
            onChange={(event) => onAgency(event.target.value ? Number(event.target.value) : null)}
          >
            <option value="">{t("users.chooseAgency")}</option>
            {sorted.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {pickLocalized(locale, agency.nameTh, agency.nameEn)}
                {agency.abbreviation ? ` (${agency.abbreviation})` : ""}
              </option>
            ))}
          </select>
          <p id={hintId} className="hint">
            {t("users.agencyRequired")}
          </p>
        </div>
      )}
    </>
  );
}
