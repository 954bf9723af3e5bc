import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { ProvinceShapes } from "../../provinces/components/ProvinceShapes";
import type { ProvinceFeature } from "../../provinces/model";
import { useProvinceBoundaries } from "../../provinces/queries";
import type { ProvincialCluster } from "../model";
import { clusterColour, NO_CLUSTER_COLOUR } from "../palette";
import { useProvincialClusters } from "../queries";

/** The country map: every province filled by its provincial cluster, with a legend; provinces open their cluster. */
export function ProvincialClusterMap() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const boundaries = useProvinceBoundaries();
  const clusters = useProvincialClusters();
  // A cluster's id, "none" for the provinces outside every cluster (Bangkok), or null for no highlight.
  const [highlight, setHighlight] = useState<number | "none" | null>(null);

  const byId = useMemo(() => {
    const map = new Map<number, ProvincialCluster>();
    for (const cluster of clusters.data ?? []) map.set(cluster.id, cluster);
    return map;
  }, [clusters.data]);

  const clusterOf = useCallback(
    (feature: ProvinceFeature) => {
      const id = feature.properties.provincialClusterId;
      return id === null ? null : (byId.get(id) ?? null);
    },
    [byId],
  );

  const clusterLabel = useCallback(
    (cluster: ProvincialCluster) =>
      `${t("clusters.number", { number: formatNumber(cluster.number, locale) })} · ${pickLocalized(locale, cluster.nameTh, cluster.nameEn)}`,
    [t, locale],
  );

  if (boundaries.isPending || clusters.isPending) return <Loading />;
  if (boundaries.isError) return <ErrorMessage error={boundaries.error} onRetry={() => void boundaries.refetch()} />;
  if (clusters.isError) return <ErrorMessage error={clusters.error} onRetry={() => void clusters.refetch()} />;

  const label = (feature: ProvinceFeature) => {
    const cluster = clusterOf(feature);
    return t("map.provinceAria", {
      province: localName(locale, feature.properties),
      cluster: cluster ? clusterLabel(cluster) : t("map.noCluster"),
    });
  };

  const activate = (feature: ProvinceFeature) => {
    const cluster = clusterOf(feature);
    // The router shows a failed navigation in its error element: nothing to await.
    void navigate(cluster ? `/provincial-clusters/${cluster.id}` : `/provinces/${feature.properties.code}`);
  };

  return (
    <div className="map-layout">
      <figure className="map-figure">
        <ProvinceShapes
          boundaries={boundaries.data}
          title={t("map.label")}
          fill={(feature) => clusterColour(clusterOf(feature)?.number)}
          label={label}
          onActivate={activate}
          dimmed={highlight === null ? undefined : (feature) => (clusterOf(feature)?.id ?? "none") !== highlight}
        />
        <figcaption className="map-credit">{t("map.credit")}</figcaption>
      </figure>
      <section className="map-legend" aria-labelledby="legend-heading">
        <h2 id="legend-heading">{t("map.legend")}</h2>
        <p className="muted small">{t("map.hint")}</p>
        <ul>
          {clusters.data.map((cluster) => (
            <li
              key={cluster.id}
              onPointerEnter={() => setHighlight(cluster.id)}
              onPointerLeave={() => setHighlight(null)}
            >
              <span className="swatch" style={{ background: clusterColour(cluster.number) }} aria-hidden="true" />
              <Link
                to={`/provincial-clusters/${cluster.id}`}
                onFocus={() => setHighlight(cluster.id)}
                onBlur={() => setHighlight(null)}
              >
                {clusterLabel(cluster)}
              </Link>
            </li>
          ))}
          <li onPointerEnter={() => setHighlight("none")} onPointerLeave={() => setHighlight(null)}>
            <span className="swatch" style={{ background: NO_CLUSTER_COLOUR }} aria-hidden="true" />
            <span>{t("map.noCluster")}</span>
          </li>
        </ul>
      </section>
    </div>
  );
}
