import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useLocale } from "../../../i18n";
import { localName, otherLocale, otherName, pickLocalized } from "../../../lib/bilingual";
import { fiscalYearLabel, formatNumber } from "../../../lib/format";
import { useAgencyName } from "../../agencies/useAgencyName";
import { useProvinceName } from "../../provinces/useProvinceName";
import { useValueChainLabels } from "../../value-chain/useValueChainLabels";
import { STAGES } from "../../value-chain/model";
import type { ClusterDetail } from "../model";
import { useCluster, useSubClusters } from "../queries";
import { useClusterLabels } from "../useClusterLabels";
import { ClusterBadges } from "./ClusterTable";

/** Policy tags as chips, each with its full name as a tooltip and for screen readers. */
export function PolicyTags({ tags }: { tags: readonly string[] }) {
  const labels = useClusterLabels();
  return (
    <ul className="chip-list policy-tags">
      {tags.map((tag) => {
        const { label, title } = labels.policyTag(tag);
        return (
          <li key={tag}>
            <span className="chip chip-policy" title={title} data-policy-tag={tag}>
              {label}
              {title !== label && <span className="visually-hidden"> ({title})</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Names, kind, policy, agencies, provinces, programme years and the cluster's place among its parent and children. */
export function ClusterHeader({ cluster }: { cluster: ClusterDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useClusterLabels();
  const chain = useValueChainLabels();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();
  const parent = useCluster(cluster.parentId);
  const children = useSubClusters(cluster.id);
  const name = localName(locale, cluster) || cluster.code;
  const other = otherName(locale, cluster);
  const description = pickLocalized(locale, cluster.descriptionTh, cluster.descriptionEn);
  const participations = [...cluster.participations].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const agency = (id: number | null) => (id === null ? t("common.none") : (agencyName(String(id)) ?? t("common.none")));

  return (
    <header className="cluster-header">
      <p className="eyebrow">
        <span>{labels.kind(cluster.kind)}</span>
        <ClusterBadges cluster={cluster} />
      </p>
      <h1>
        {name}
        {other && (
          <span className="subtitle" lang={otherLocale(locale)}>
            {other}
          </span>
        )}
      </h1>
      {parent.data && (
        <p className="parent-link">
          {t("registry.parent")}:{" "}
          <Link to={`/clusters/${encodeURIComponent(parent.data.id)}`}>
            {localName(locale, parent.data) || parent.data.code}
          </Link>
        </p>
      )}
      {description && <p className="lead">{description}</p>}
      {cluster.policyTags.length > 0 && (
        <div className="header-row">
          <h2 className="inline-heading">{t("registry.policyTags")}</h2>
          <PolicyTags tags={cluster.policyTags} />
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>{t("registry.coordinatingAgency")}</dt>
          <dd>{agency(cluster.coordinatingAgencyId)}</dd>
        </div>
        <div>
          <dt>{t("registry.cooperatingAgency")}</dt>
          <dd>{agency(cluster.cooperatingAgencyId)}</dd>
        </div>
        <div>
          <dt>{t("registry.members")}</dt>
          <dd>
            {t("registry.memberCount", { count: cluster.memberCount, n: formatNumber(cluster.memberCount, locale) })}
            {cluster.memberCount > 0 && (
              <span className="muted small">
                {" "}
                (
                {STAGES.map(
                  (stage) => `${chain.stage(stage)} ${formatNumber(cluster.stageCounts[stage] ?? 0, locale)}`,
                ).join(" · ")}
                )
              </span>
            )}
          </dd>
        </div>
        {cluster.tsicCode && (
          <div>
            <dt>{t("registry.tsic")}</dt>
            <dd>{cluster.tsicCode}</dd>
          </div>
        )}
        {cluster.maturity && (
          <div>
            <dt>{t("registry.maturity")}</dt>
            <dd>{labels.maturity(cluster.maturity)}</dd>
          </div>
        )}
        <div>
          <dt>{t("registry.code")}</dt>
          <dd>
            <code>{cluster.code}</code>
          </dd>
        </div>
      </dl>
      <div className="header-row">
        <h2 className="inline-heading">{t("registry.provinces")}</h2>
        {cluster.provinceCodes.length === 0 ? (
          <span className="muted">{t("registry.noProvinces")}</span>
        ) : (
          <ul className="chip-list">
            {cluster.provinceCodes.map((code) => (
              <li key={code}>
                <Link className="chip" to={`/provinces/${code}`}>
                  {provinceName(code)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="header-row">
        <h2 className="inline-heading">{t("registry.participation")}</h2>
        {participations.length === 0 ? (
          <span className="muted">{t("registry.noParticipation")}</span>
        ) : (
          <ul className="participation-list">
            {participations.map((p, index) => (
              <li key={`${p.agencyId}-${p.fiscalYear}-${index}`}>
                <span className="fy">{fiscalYearLabel(p.fiscalYear, locale)}</span> · {agency(p.agencyId)}
                {p.programme && <span className="muted"> · {p.programme}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {children.data && children.data.items.length > 0 && (
        <div className="header-row">
          <h2 className="inline-heading">{t("registry.subClusters")}</h2>
          <ul className="chip-list">
            {children.data.items.map((child) => (
              <li key={child.id}>
                <Link className="chip" to={`/clusters/${encodeURIComponent(child.id)}`}>
                  {localName(locale, child) || child.code}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </header>
  );
}
