import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { ProvinceShapes } from "../../provinces/components/ProvinceShapes";
import type { ProvinceFeature } from "../../provinces/model";
import { useProvinceBoundaries } from "../../provinces/queries";
import type { ProvincialCluster } from "../model";
import { clusterColour } from "../palette";

const OTHER_PROVINCE = "#e6e9ec";

/** A small map of one cluster's provinces, zoomed to them with their neighbours in pale grey. */
export function ClusterMiniMap({ cluster }: { cluster: ProvincialCluster }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const boundaries = useProvinceBoundaries();
  const codes = useMemo(() => new Set(cluster.provinces.map((p) => p.code)), [cluster.provinces]);
  const inCluster = useCallback(
    (feature: ProvinceFeature) =>
      feature.properties.provincialClusterId === cluster.id || codes.has(feature.properties.code),
    [cluster.id, codes],
  );
  // The map is a visual extra: while loading or on error the province list beside it carries the information.
  if (!boundaries.data) return null;
  return (
    <figure className="mini-map">
      <ProvinceShapes
        boundaries={boundaries.data}
        title={t("clusters.mapLabel", { name: pickLocalized(locale, cluster.nameTh, cluster.nameEn) })}
        width={400}
        height={400}
        fitTo={inCluster}
        fill={(feature) => (inCluster(feature) ? clusterColour(cluster.number) : OTHER_PROVINCE)}
        label={(feature) => localName(locale, feature.properties)}
      />
      <figcaption className="map-credit">{t("map.credit")}</figcaption>
    </figure>
  );
}
