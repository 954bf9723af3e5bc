import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useLocale } from "../../../i18n";
import { localName, otherLocale, otherName } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { useAgencyName } from "../../agencies/useAgencyName";
import { useProvinceName } from "../../provinces/useProvinceName";
import type { Cluster } from "../model";
import { useClusterLabels } from "../useClusterLabels";
import { TableScroll } from "../../../components/TableScroll";

/** Badges for an example record, an unpublished or an archived cluster. */
export function ClusterBadges({ cluster }: { cluster: Pick<Cluster, "isExample" | "published" | "status"> }) {
  const { t } = useTranslation();
  return (
    <>
      {cluster.isExample && (
        <span className="tag tag-example" title={t("registry.exampleHint")}>
          {t("registry.example")}
        </span>
      )}
      {!cluster.published && <span className="tag tag-off">{t("registry.unpublished")}</span>}
      {cluster.status === "archived" && <span className="tag tag-off">{t("registry.archived")}</span>}
    </>
  );
}

/** One page of the directory. Provinces and member counts come from each cluster's detail when the list lacks them. */
export function ClusterTable({ clusters }: { clusters: readonly Cluster[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClusterLabels();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();

  return (
    <TableScroll label={t("registry.list")}>
      <table className="table cluster-table">
        <caption className="visually-hidden">{t("registry.list")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("common.name")}</th>
            <th scope="col">{t("registry.kind")}</th>
            <th scope="col">{t("registry.coordinatingAgency")}</th>
            <th scope="col">{t("registry.provinces")}</th>
            <th scope="col" className="num">
              {t("registry.members")}
            </th>
          </tr>
        </thead>
        <tbody>
          {clusters.map((cluster) => {
            const { provinceCodes, memberCount } = cluster;
            const other = otherName(locale, cluster);
            return (
              <tr key={cluster.id} data-cluster-id={cluster.id}>
                <th scope="row">
                  <Link to={`/clusters/${encodeURIComponent(cluster.id)}`}>
                    {localName(locale, cluster) || cluster.code}
                  </Link>{" "}
                  <ClusterBadges cluster={cluster} />
                  {other && (
                    <span className="muted small block" lang={otherLocale(locale)}>
                      {other}
                    </span>
                  )}
                </th>
                <td>{labels.kind(cluster.kind)}</td>
                <td>
                  {cluster.coordinatingAgencyId === null
                    ? t("common.none")
                    : (agencyName(String(cluster.coordinatingAgencyId)) ?? t("common.none"))}
                </td>
                <td>
                  {provinceCodes.length === 0 ? (
                    <span className="muted">{t("common.none")}</span>
                  ) : (
                    provinceCodes.map(provinceName).join(", ")
                  )}
                </td>
                <td className="num">{formatNumber(memberCount, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
