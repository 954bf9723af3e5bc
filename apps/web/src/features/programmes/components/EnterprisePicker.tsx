import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useDebouncedValue } from "../../../components/useDebouncedValue";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatJuristicId } from "../../enterprises/juristic-id";
import { useEnterpriseFinder, type EnterpriseMatch } from "../../enterprises/queries";

interface EnterprisePickerProps {
  label: string;
  value: EnterpriseMatch | null;
  onChange: (enterprise: EnterpriseMatch | null) => void;
  error?: string | null;
}

/** Chooses one enterprise through the enterprise search (name or juristic ID). */
export function EnterprisePicker({ label, value, onChange, error }: EnterprisePickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [query, setQuery] = useState("");
  const debounced = useDebouncedValue(query, 300);
  const finder = useEnterpriseFinder(debounced);
  const matches = debounced.trim().length >= 2 ? (finder.data ?? []) : [];
  const nameOf = (m: EnterpriseMatch) =>
    localName(locale, m) || (m.juristicId ? formatJuristicId(m.juristicId) : `#${m.id}`);
  return (
    <div className="enterprise-picker">
      <FormField
        label={label}
        hint={value ? t("programmeAdmin.chosen", { name: nameOf(value) }) : t("members.findHint")}
        error={error ?? null}
      >
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
      </FormField>
      {value && (
        <button type="button" className="button-link small" onClick={() => onChange(null)}>
          {t("programmeAdmin.clearChoice", { name: nameOf(value) })}
        </button>
      )}
      <div className="finder-results" aria-live="polite">
        {finder.isFetching && <p className="muted small">{t("members.searching")}</p>}
        {finder.isError && <ErrorMessage error={finder.error} onRetry={() => void finder.refetch()} />}
        {matches.length > 0 && (
          <ul className="finder-list" aria-label={t("members.matches")}>
            {matches.map((m) => (
              <li key={m.id}>
                <span>{nameOf(m)}</span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={value?.id === m.id}
                  aria-label={t("members.chooseTitle", { name: nameOf(m) })}
                  onClick={() => {
                    onChange(m);
                    setQuery("");
                  }}
                >
                  {t("members.choose")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
