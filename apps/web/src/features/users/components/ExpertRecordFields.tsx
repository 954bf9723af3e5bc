import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { useExperts, useProviders } from "../../providers/queries";
import { isExpertField, type RoleScope } from "../model";

interface ExpertRecordFieldsProps {
  scope: RoleScope;
  onChange: (scope: RoleScope) => void;
}

/**
 * An expert's service provider and their expert record there: one not yet linked to a user (its fields become the
 * form's), or a new one made with the fields chosen below. The record is where an expert's fields are kept.
 */
export function ExpertRecordFields({ scope, onChange }: ExpertRecordFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ids = { provider: useId(), providerHint: useId(), record: useId(), recordHint: useId() };
  const providers = useProviders();
  const experts = useExperts(String(scope.providerId ?? ""), scope.providerId !== null);
  const sorted = [...(providers.data ?? [])].sort((a, b) =>
    pickLocalized(locale, a.nameTh, a.nameEn).localeCompare(pickLocalized(locale, b.nameTh, b.nameEn), locale),
  );
  // Records free to link, and the one this user already has.
  const choices = (experts.data ?? []).filter((e) => e.userId === null || e.id === scope.expertId);

  return (
    <>
      <div className="field">
        <label htmlFor={ids.provider}>{t("users.provider")}</label>
        <select
          id={ids.provider}
          required
          aria-describedby={ids.providerHint}
          value={scope.providerId ?? ""}
          onChange={(event) =>
            onChange({
              ...scope,
              providerId: event.target.value ? Number(event.target.value) : null,
              // A record belongs to its provider: another provider starts from a new record.
              expertId: null,
            })
          }
        >
          <option value="">{t("users.chooseProvider")}</option>
          {sorted.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {`${pickLocalized(locale, provider.nameTh, provider.nameEn)} (${provider.code})`}
            </option>
          ))}
        </select>
        <p id={ids.providerHint} className="hint">
          {t("users.providerHint")}
        </p>
      </div>
      {scope.providerId !== null && (
        <div className="field">
          <label htmlFor={ids.record}>{t("users.expertRecord")}</label>
          <select
            id={ids.record}
            aria-describedby={ids.recordHint}
            value={scope.expertId ?? ""}
            onChange={(event) => {
              const chosen = choices.find((e) => String(e.id) === event.target.value);
              onChange({
                ...scope,
                expertId: chosen ? chosen.id : null,
                expertFields: chosen ? chosen.fields.filter(isExpertField) : scope.expertFields,
              });
            }}
          >
            <option value="">{t("users.newExpertRecord")}</option>
            {choices.map((expert) => (
              <option key={expert.id} value={expert.id}>
                {expert.contactEmail ? `${expert.displayName} (${expert.contactEmail})` : expert.displayName}
              </option>
            ))}
          </select>
          <p id={ids.recordHint} className="hint">
            {t("users.expertRecordHint")}
          </p>
        </div>
      )}
    </>
  );
}
