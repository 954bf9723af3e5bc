import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { ProvinceShapes } from "../../provinces/components/ProvinceShapes";
import type { ProvinceFeature } from "../../provinces/model";
import { useProvinceBoundaries } from "../../provinces/queries";
import type { ClusterFilters } from "../model";
import { useClusterProvinceCounts } from "../queries";
import { countBuckets, countColour, ZERO_COLOUR } from "../shading";

interface ClusterProvinceMapProps {
  filters: ClusterFilters;
  onProvince: (code: string) => void;
}

/** Provinces shaded by how many clusters (matching the other filters) they hold; a province click filters the list. */
export function ClusterProvinceMap({ filters, onProvince }: ClusterProvinceMapProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const boundaries = useProvinceBoundaries();
  const counts = useClusterProvinceCounts(filters, true);

  if (boundaries.isPending) return <Loading />;
  if (boundaries.isError) return <ErrorMessage error={boundaries.error} onRetry={() => void boundaries.refetch()} />;
  if (counts.isError) return <ErrorMessage error={counts.error} onRetry={() => void counts.refetch()} />;

  const data = counts.data;
  const max = data ? Math.max(0, ...data.counts.values()) : 0;
  const countOf = (feature: ProvinceFeature) => data?.counts.get(feature.properties.code) ?? 0;
  const n = (value: number) => formatNumber(value, locale);

  return (
    <figure className="map-figure cluster-map">
      {counts.isPending && <Loading label={t("registry.mapCounting")} />}
      <ProvinceShapes
        boundaries={boundaries.data}
        title={t("registry.mapLabel")}
        width={420}
        height={760}
        fill={(feature) => (data ? countColour(countOf(feature), max) : ZERO_COLOUR)}
        label={(feature) =>
          t("registry.mapProvince", {
            province: localName(locale, feature.properties),
            count: countOf(feature),
            n: n(countOf(feature)),
          })
        }
        onActivate={(feature) => onProvince(feature.properties.code)}
        dimmed={filters.province ? (feature) => feature.properties.code !== filters.province : undefined}
      />
      <figcaption>
        <p className="muted small">{t("registry.mapHint")}</p>
        {data && (
          <div className="count-legend" aria-label={t("registry.mapLegend")} role="group">
            <span className="muted small">{t("registry.mapLegend")}:</span>
            <span className="legend-item">
              <span className="swatch" style={{ background: ZERO_COLOUR }} aria-hidden="true" />
              {t("registry.mapNone")}
            </span>
            {countBuckets(max).map((bucket) => (
              <span key={bucket.from} className="legend-item">
                <span className="swatch" style={{ background: bucket.colour }} aria-hidden="true" />
                {bucket.from === bucket.to ? n(bucket.from) : `${n(bucket.from)}–${n(bucket.to)}`}
              </span>
            ))}
          </div>
        )}
        {data && data.counted < data.total && (
          <p className="muted small">{t("registry.mapPartial", { n: n(data.counted) })}</p>
        )}
        <p className="map-credit">{t("map.credit")}</p>
      </figcaption>
    </figure>
  );
}
