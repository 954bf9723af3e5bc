import { foldSearchText } from "@sainam/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { useClusterOptions } from "../../clusters/queries";

interface ClusterPickerProps {
  value: readonly number[];
  onChange: (clusterIds: number[]) => void;
}

const SHOWN = 10;

/** Chooses a coordinator's clusters: search by name or code, add each, remove any. */
export function ClusterPicker({ value, onChange }: ClusterPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const options = useClusterOptions();
  const [query, setQuery] = useState("");
  const ids = { legend: useId(), search: useId(), hint: useId() };
  const all = options.data ?? [];
  const nameOf = (id: number) => {
    const cluster = all.find((c) => c.id === id);
    return cluster ? `${localName(locale, cluster) || cluster.code} (${cluster.code})` : `#${id}`;
  };
  const needle = foldSearchText(query);
  const matches =
    needle === ""
      ? []
      : all
          .filter((c) => !value.includes(c.id))
          .filter((c) => [c.code, c.nameTh ?? "", c.nameEn ?? ""].some((text) => foldSearchText(text).includes(needle)))
          .slice(0, SHOWN);

  return (
    <fieldset className="field cluster-picker" aria-describedby={ids.hint}>
      <legend id={ids.legend}>{t("users.clusters")}</legend>
      <p id={ids.hint} className="hint">
        {t("users.clustersHint")}
      </p>
      {value.length === 0 ? (
        <p className="muted small">{t("users.noClustersChosen")}</p>
      ) : (
        <ul className="chip-list" aria-labelledby={ids.legend}>
          {value.map((id) => (
            <li key={id} className="chip">
              <span>{nameOf(id)}</span>
              <button
                type="button"
                className="button-link small"
                aria-label={t("users.removeCluster", { name: nameOf(id) })}
                onClick={() => onChange(value.filter((other) => other !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={ids.search}>{t("users.clusterSearch")}</label>
      <input
        id={ids.search}
        type="search"
        autoComplete="off"
        placeholder={t("users.clusterSearchPlaceholder")}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="finder-results" aria-live="polite">
        {options.isError && <ErrorMessage error={options.error} onRetry={() => void options.refetch()} />}
        {needle !== "" && options.isSuccess && matches.length === 0 && (
          <p className="muted small">{t("users.noClusterMatches")}</p>
        )}
        {matches.length > 0 && (
          <ul className="finder-list" aria-label={t("users.clusterMatches")}>
            {matches.map((cluster) => (
              <li key={cluster.id}>
                <span>{nameOf(cluster.id)}</span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t("users.addCluster", { name: nameOf(cluster.id) })}
                  onClick={() => {
                    onChange([...value, cluster.id]);
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
    </fieldset>
  );
}
