import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useLocale } from "../../../i18n";
import { localName, otherName, pickLocalized, otherLocale } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { localIssues, type ProvincialCluster } from "../model";
import { clusterColour } from "../palette";
import { useProvincialCluster } from "../queries";
import { ClusterMiniMap } from "./ClusterMiniMap";

export function ClusterDetail({ id }: { id: string }) {
  const cluster = useProvincialCluster(id);
  return <QueryState query={cluster}>{(data) => <ClusterView cluster={data} />}</QueryState>;
}

function ClusterView({ cluster }: { cluster: ProvincialCluster }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = pickLocalized(locale, cluster.nameTh, cluster.nameEn);
  const other = locale === "th" ? cluster.nameEn : cluster.nameTh;
  useDocumentTitle(name);
  const position = pickLocalized(locale, cluster.positionTh, cluster.positionEn);
  const issues = localIssues(cluster, locale);

  return (
    <article className="cluster-detail">
      <p className="eyebrow">
        <span className="swatch" style={{ background: clusterColour(cluster.number) }} aria-hidden="true" />
        {t("clusters.number", { number: formatNumber(cluster.number, locale) })}
      </p>
      <h1>
        {name}
        {other && other !== name && (
          <span className="subtitle" lang={otherLocale(locale)}>
            {other}
          </span>
        )}
      </h1>
      <div className="detail-grid">
        <div>
          <section aria-labelledby="position-heading">
            <h2 id="position-heading">{t("clusters.position")}</h2>
            <p className="lead">{position || t("common.none")}</p>
          </section>
          <section aria-labelledby="issues-heading">
            <h2 id="issues-heading">{t("clusters.issues")}</h2>
            {issues.length === 0 ? (
              <p className="state state-empty">{t("clusters.noIssues")}</p>
            ) : (
              <ul className="bullets">
                {issues.map((issue, index) => (
                  <li key={index}>{issue}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="provinces-heading">
            <h2 id="provinces-heading">
              {t("clusters.provinces")}{" "}
              <span className="muted count">
                (
                {t("clusters.provinceCount", {
                  count: cluster.provinces.length,
                  n: formatNumber(cluster.provinces.length, locale),
                })}
                )
              </span>
            </h2>
            <ul className="chip-list">
              {cluster.provinces.map((province) => (
                <li key={province.code}>
                  <Link className="chip" to={`/provinces/${province.code}`}>
                    {localName(locale, province)}
                    {otherName(locale, province) && (
                      <span className="muted" lang={otherLocale(locale)}>
                        {" "}
                        · {otherName(locale, province)}
                      </span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <aside aria-label={t("clusters.map")}>
          <ClusterMiniMap cluster={cluster} />
        </aside>
      </div>
      <p>
        <Link to="/provincial-clusters">{t("common.backTo", { page: t("clusters.backToList") })}</Link>
      </p>
    </article>
  );
}
