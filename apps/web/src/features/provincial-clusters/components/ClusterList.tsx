import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized, otherLocale } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { localIssues } from "../model";
import { clusterColour } from "../palette";
import { useProvincialClusters } from "../queries";

export function ClusterList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const clusters = useProvincialClusters();
  return (
    <QueryState query={clusters} isEmpty={(items) => items.length === 0}>
      {(items) => (
        <ol className="card-list cluster-list">
          {items.map((cluster) => (
            <li key={cluster.id} className="card">
              <span className="card-stripe" style={{ background: clusterColour(cluster.number) }} aria-hidden="true" />
              <h2 className="card-title">
                <Link to={`/provincial-clusters/${cluster.id}`}>
                  <span className="muted">
                    {t("clusters.number", { number: formatNumber(cluster.number, locale) })}
                  </span>{" "}
                  {pickLocalized(locale, cluster.nameTh, cluster.nameEn)}
                </Link>
              </h2>
              {(locale === "th" ? cluster.nameEn : cluster.nameTh) && (
                <p className="card-subtitle" lang={otherLocale(locale)}>
                  {locale === "th" ? cluster.nameEn : cluster.nameTh}
                </p>
              )}
              <p className="card-meta">
                <span className="visually-hidden">{t("clusters.provinces")}: </span>
                {cluster.provinces.map((province) => localName(locale, province)).join(locale === "th" ? " " : ", ")}
              </p>
              {pickLocalized(locale, cluster.positionTh, cluster.positionEn) && (
                <p>
                  <span className="label">{t("clusters.position")}: </span>
                  {pickLocalized(locale, cluster.positionTh, cluster.positionEn)}
                </p>
              )}
              {localIssues(cluster, locale).length > 0 && (
                <>
                  <p className="label card-label">{t("clusters.issues")}:</p>
                  <ul className="bullets compact">
                    {localIssues(cluster, locale).map((issue, index) => (
                      <li key={index}>{issue}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </QueryState>
  );
}
