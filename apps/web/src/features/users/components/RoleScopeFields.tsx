import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import { useEnterpriseDetails } from "../../enterprises/queries";
import { EnterprisePicker } from "../../programmes/components/EnterprisePicker";
import { ROLES, emptyScope, isRole, type RoleScope } from "../model";
import { ClusterPicker } from "./ClusterPicker";
import { FieldsChoice } from "../../providers/components/FieldsChoice";
import { ExpertRecordFields } from "./ExpertRecordFields";

interface RoleScopeFieldsProps {
  scope: RoleScope;
  onChange: (scope: RoleScope) => void;
}

/**
 * The role, and the scope that role works in: an officer's agency, a coordinator's clusters, a member's firm, an
 * expert's provider and fields. The server scopes the user to exactly these (and refuses a role without them).
 */
export function RoleScopeFields({ scope, onChange }: RoleScopeFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencies();
  const ids = { role: useId(), agency: useId(), agencyHint: useId() };
  // A stored firm arrives as its id only: its names come from its record.
  const unnamed = scope.enterprise && !scope.enterprise.nameTh && !scope.enterprise.nameEn ? [scope.enterprise.id] : [];
  const [firm] = useEnterpriseDetails(unnamed);
  const enterprise =
    scope.enterprise && firm?.data
      ? { ...scope.enterprise, nameTh: firm.data.nameTh, nameEn: firm.data.nameEn, juristicId: firm.data.juristicId }
      : scope.enterprise;
  const sorted = [...(agencies.data ?? [])].sort((a, b) =>
    pickLocalized(locale, a.nameTh, a.nameEn).localeCompare(pickLocalized(locale, b.nameTh, b.nameEn), locale),
  );
  const withAgency = scope.role === "agency_officer";

  return (
    <>
      <div className="field">
        <label htmlFor={ids.role}>{t("users.role")}</label>
        <select
          id={ids.role}
          value={scope.role}
          onChange={(event) => {
            const next = event.target.value;
            // A new role starts from its own empty scope; an officer who becomes an expert keeps the agency.
            if (isRole(next))
              onChange({
                ...emptyScope(next),
                agencyId: withAgency || scope.role === "expert" ? scope.agencyId : null,
              });
          }}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {withAgency && (
        <div className="field">
          <label htmlFor={ids.agency}>{t("users.agency")}</label>
          <select
            id={ids.agency}
            required
            aria-describedby={ids.agencyHint}
            value={scope.agencyId ?? ""}
            onChange={(event) =>
              onChange({ ...scope, agencyId: event.target.value ? Number(event.target.value) : null })
            }
          >
            <option value="">{t("users.chooseAgency")}</option>
            {sorted.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {pickLocalized(locale, agency.nameTh, agency.nameEn)}
                {agency.abbreviation ? ` (${agency.abbreviation})` : ""}
              </option>
            ))}
          </select>
          <p id={ids.agencyHint} className="hint">
            {t("users.agencyRequired")}
          </p>
        </div>
      )}
      {scope.role === "cluster_coordinator" && (
        <ClusterPicker value={scope.clusterIds} onChange={(clusterIds) => onChange({ ...scope, clusterIds })} />
      )}
      {scope.role === "member" && (
        <EnterprisePicker
          label={t("users.firm")}
          value={enterprise}
          onChange={(chosen) => onChange({ ...scope, enterprise: chosen })}
        />
      )}
      {scope.role === "expert" && (
        <>
          <ExpertRecordFields scope={scope} onChange={onChange} />
          <FieldsChoice
            legend={t("users.expertFields")}
            value={scope.expertFields}
            onChange={(expertFields) => onChange({ ...scope, expertFields })}
          />
        </>
      )}
    </>
  );
}
