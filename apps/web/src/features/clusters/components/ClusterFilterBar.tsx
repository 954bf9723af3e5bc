import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { useProvinces, useRegions } from "../../provinces/queries";
import { useProvincialClusters } from "../../provincial-clusters/queries";
import { CLUSTER_KINDS, CLUSTER_STATUSES, type ClusterFilters } from "../model";
import { useClusterLabels } from "../useClusterLabels";

interface ClusterFilterBarProps {
  filters: ClusterFilters;
  onChange: (next: Partial<ClusterFilters>) => void;
  onClear: () => void;
}

/** The directory's filters; each change applies at once and is kept in the address. */
export function ClusterFilterBar({ filters, onChange, onClear }: ClusterFilterBarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClusterLabels();
  const regions = useRegions();
  const provinces = useProvinces(filters.region || null);
  const provincialClusters = useProvincialClusters();
  const ids = {
    kind: useId(),
    region: useId(),
    province: useId(),
    pc: useId(),
    status: useId(),
    top: useId(),
    heading: useId(),
  };
  const sortedProvinces = [...(provinces.data ?? [])].sort((a, b) =>
    localName(locale, a).localeCompare(localName(locale, b), locale),
  );
  const active = Object.values(filters).some((value) => value !== "" && value !== false);

  return (
    <section className="filter-bar" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="visually-hidden">
        {t("registry.filters")}
      </h2>
      <div className="field">
        <label htmlFor={ids.kind}>{t("registry.kind")}</label>
        <select id={ids.kind} value={filters.kind} onChange={(event) => onChange({ kind: event.target.value })}>
          <option value="">{t("registry.allKinds")}</option>
          {CLUSTER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {labels.kind(kind)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.region}>{t("registry.region")}</label>
        <select
          id={ids.region}
          value={filters.region}
          onChange={(event) => onChange({ region: event.target.value, province: "" })}
        >
          <option value="">{t("registry.allRegions")}</option>
          {regions.data?.map((region) => (
            <option key={region.code} value={region.code}>
              {localName(locale, region)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.province}>{t("registry.province")}</label>
        <select
          id={ids.province}
          value={filters.province}
          onChange={(event) => onChange({ province: event.target.value })}
        >
          <option value="">{t("registry.allProvinces")}</option>
          {sortedProvinces.map((province) => (
            <option key={province.code} value={province.code}>
              {localName(locale, province)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.pc}>{t("registry.provincialCluster")}</label>
        <select
          id={ids.pc}
          value={filters.provincialCluster}
          onChange={(event) => onChange({ provincialCluster: event.target.value })}
        >
          <option value="">{t("registry.allProvincialClusters")}</option>
          {provincialClusters.data?.map((cluster) => (
            <option key={cluster.id} value={cluster.id}>
              {`${formatNumber(cluster.number, locale)}. ${pickLocalized(locale, cluster.nameTh, cluster.nameEn)}`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.status}>{t("registry.status")}</label>
        <select id={ids.status} value={filters.status} onChange={(event) => onChange({ status: event.target.value })}>
          <option value="">{t("registry.allStatuses")}</option>
          {CLUSTER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {labels.status(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-checkbox">
        <input
          id={ids.top}
          type="checkbox"
          checked={filters.topLevel}
          onChange={(event) => onChange({ topLevel: event.target.checked })}
        />
        <label htmlFor={ids.top}>{t("registry.topLevel")}</label>
      </div>
      {active && (
        <div className="filter-actions">
          <button type="button" className="button button-secondary button-small" onClick={onClear}>
            {t("registry.clearFilters")}
          </button>
        </div>
      )}
    </section>
  );
}
