import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useLocale } from "../../../i18n";
import { localName, otherLocale, otherName } from "../../../lib/bilingual";
import { formatDate, formatNumber } from "../../../lib/format";
import { isStaff } from "../../auth/model";
import { useCurrentUser } from "../../auth/queries";
import { useClusterDetails } from "../../clusters/queries";
import { useProvince } from "../../provinces/queries";
import { useValueChainLabels } from "../../value-chain/useValueChainLabels";
import { formatJuristicId } from "../juristic-id";
import type { EnterpriseDetail } from "../model";
import { useEnterprise } from "../queries";
import { useEnterpriseLabels } from "../useEnterpriseLabels";
import { EnterpriseForm } from "./EnterpriseForm";
import { TableScroll } from "../../../components/TableScroll";

export function EnterpriseView({ id }: { id: string }) {
  const enterprise = useEnterprise(id);
  return <QueryState query={enterprise}>{(data) => <EnterpriseContent enterprise={data} />}</QueryState>;
}

/** One firm: registration, business, location, products, contacts (masked when the reader may not see them), clusters. */
function EnterpriseContent({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useEnterpriseLabels();
  const chain = useValueChainLabels();
  const user = useCurrentUser();
  const province = useProvince(enterprise.provinceCode ?? "");
  const clusters = useClusterDetails(enterprise.memberships.map((m) => String(m.clusterId)));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const name =
    localName(locale, enterprise) ||
    (enterprise.juristicId ? formatJuristicId(enterprise.juristicId) : `#${enterprise.id}`);
  const other = otherName(locale, enterprise);
  useDocumentTitle(name);
  // A coordinator works with the firm through a current membership of one of their clusters: approved, it lets them
  // edit the firm and see its contacts; pending, neither (until an officer of the cluster's agency or the firm approves).
  const coordinated = (approved: boolean) =>
    user?.role === "cluster_coordinator" &&
    enterprise.memberships.some(
      (m) => m.leftOn === null && m.approved === approved && user.clusterIds.includes(m.clusterId),
    );
  // Officers, admins, its approved coordinators and the member firm itself may edit; the server decides per record.
  const canEdit =
    (isStaff(user) && user?.role !== "cluster_coordinator") ||
    coordinated(true) ||
    (user?.role === "member" && user.enterpriseId === enterprise.id);
  const awaitingApproval = enterprise.contactsMasked && !coordinated(true) && coordinated(false);
  const none = t("common.none");
  const district = province.data?.districts.find((d) => d.code === enterprise.districtCode);
  const outputs = enterprise.products.filter((p) => p.direction === "output");
  const inputs = enterprise.products.filter((p) => p.direction === "input");
  const baht = (value: number | null) =>
    value === null ? none : t("enterprises.baht", { value: formatNumber(value, locale) });

  return (
    <article className="enterprise-page">
      <header>
        <p className="eyebrow">
          <span>{labels.legalForm(enterprise.legalForm)}</span>
          {enterprise.isExample && (
            <span className="tag tag-example" title={t("registry.exampleHint")}>
              {t("registry.example")}
            </span>
          )}
          {!enterprise.published && <span className="tag tag-off">{t("enterprises.notPublished")}</span>}
        </p>
        <h1>
          {name}
          {other && (
            <span className="subtitle" lang={otherLocale(locale)}>
              {other}
            </span>
          )}
        </h1>
      </header>
      {canEdit && !editing && (
        <p className="button-row">
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t("enterprises.edit")}
          </button>{" "}
          <Link to={`/enterprises/${enterprise.id}/products`}>{t("products.title")}</Link>
        </p>
      )}
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {canEdit && editing && (
        <EnterpriseForm
          enterprise={enterprise}
          onDone={(saved) => {
            setEditing(false);
            setNotice(saved ? t("enterprises.saved") : null);
          }}
        />
      )}
      <div className="detail-columns">
        <section aria-labelledby="identity-heading">
          <h2 id="identity-heading">{t("enterprises.identity")}</h2>
          <dl className="fact-list">
            <dt>{t("enterprises.juristicId")}</dt>
            <dd className="num" data-juristic-id={enterprise.juristicId ?? undefined}>
              {enterprise.juristicId ? formatJuristicId(enterprise.juristicId) : none}
            </dd>
            {enterprise.ceRegistrationNo && (
              <>
                <dt>{t("enterprises.ceRegistrationNo")}</dt>
                <dd>{enterprise.ceRegistrationNo}</dd>
              </>
            )}
            <dt>{t("enterprises.legalForm")}</dt>
            <dd>{labels.legalForm(enterprise.legalForm)}</dd>
            <dt>{t("enterprises.size")}</dt>
            <dd>{labels.size(enterprise.sizeClass)}</dd>
            <dt>{t("enterprises.registeredOn")}</dt>
            <dd>{enterprise.registeredOn ? formatDate(enterprise.registeredOn, locale) : none}</dd>
          </dl>
        </section>
        <section aria-labelledby="business-heading">
          <h2 id="business-heading">{t("enterprises.business")}</h2>
          <dl className="fact-list">
            <dt>{t("enterprises.tsic")}</dt>
            <dd>{enterprise.tsicCode ?? none}</dd>
            <dt>{t("enterprises.businessType")}</dt>
            <dd>{enterprise.businessType ?? none}</dd>
            <dt>{t("enterprises.capital")}</dt>
            <dd>{baht(enterprise.capital)}</dd>
            <dt>{t("enterprises.revenue")}</dt>
            <dd>{baht(enterprise.revenue)}</dd>
            <dt>{t("enterprises.employees")}</dt>
            <dd>
              {enterprise.employees === null
                ? none
                : t("enterprises.people", {
                    count: enterprise.employees,
                    n: formatNumber(enterprise.employees, locale),
                  })}
            </dd>
          </dl>
        </section>
        <section aria-labelledby="location-heading">
          <h2 id="location-heading">{t("enterprises.location")}</h2>
          <dl className="fact-list">
            <dt>{t("enterprises.address")}</dt>
            <dd>{enterprise.address ?? none}</dd>
            <dt>{t("enterprises.district")}</dt>
            <dd>{district ? localName(locale, district) : (enterprise.districtCode ?? none)}</dd>
            <dt>{t("enterprises.province")}</dt>
            <dd>
              {enterprise.provinceCode ? (
                <Link to={`/provinces/${enterprise.provinceCode}`}>
                  {province.data ? localName(locale, province.data) : enterprise.provinceCode}
                </Link>
              ) : (
                none
              )}
            </dd>
            <dt>{t("enterprises.postcode")}</dt>
            <dd>{enterprise.postcode ?? none}</dd>
          </dl>
        </section>
      </div>
      <section aria-labelledby="products-heading">
        <h2 id="products-heading">{t("enterprises.products")}</h2>
        {enterprise.products.length === 0 ? (
          <p className="muted">{t("enterprises.noProducts")}</p>
        ) : (
          <div className="detail-columns">
            {[
              { key: "outputs", title: t("enterprises.outputs"), items: outputs },
              { key: "inputs", title: t("enterprises.inputs"), items: inputs },
            ].map((group) => (
              <div key={group.key} data-products={group.key}>
                <h3>{group.title}</h3>
                {group.items.length === 0 ? (
                  <p className="muted">{none}</p>
                ) : (
                  <ul className="chip-list">
                    {group.items.map((p, index) => (
                      <li key={`${p.name}-${index}`}>
                        <span className="chip">
                          {p.name}
                          {p.tsicCode && <span className="muted small"> · TSIC {p.tsicCode}</span>}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{t("enterprises.contacts")}</h2>
        {enterprise.contactsMasked && enterprise.contacts.length > 0 && (
          <p className="alert alert-info" data-contacts-masked={awaitingApproval ? "pending" : "true"}>
            {t(awaitingApproval ? "enterprises.contactsMaskedPending" : "enterprises.contactsMasked")}
          </p>
        )}
        {enterprise.contacts.length === 0 ? (
          <p className="muted">{t("enterprises.noContacts")}</p>
        ) : (
          <TableScroll label={t("enterprises.contacts")}>
            <table className="table">
              <caption className="visually-hidden">{t("enterprises.contacts")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("enterprises.contactName")}</th>
                  <th scope="col">{t("enterprises.contactPosition")}</th>
                  <th scope="col">{t("enterprises.contactPhone")}</th>
                  <th scope="col">{t("enterprises.contactEmail")}</th>
                </tr>
              </thead>
              <tbody>
                {enterprise.contacts.map((c, index) => (
                  <tr key={index}>
                    <td>{c.name ?? none}</td>
                    <td>{c.position ?? none}</td>
                    <td>{c.phone ?? none}</td>
                    <td className="break">{c.email ?? none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{t("enterprises.memberships")}</h2>
        {enterprise.memberships.length === 0 ? (
          <p className="muted">{t("enterprises.noMemberships")}</p>
        ) : (
          <ul className="membership-list">
            {enterprise.memberships.map((m, index) => {
              const cluster = clusters[index]?.data;
              return (
                <li key={`${m.clusterId}-${index}`} data-cluster-id={m.clusterId}>
                  <Link to={`/clusters/${encodeURIComponent(m.clusterId)}`}>
                    {cluster
                      ? localName(locale, cluster) || cluster.code
                      : t("enterprises.clusterFallback", { id: m.clusterId })}
                  </Link>
                  <span className={`tag stage-tag stage-${m.stage}`}>{chain.stage(m.stage)}</span>
                  <span className="muted small">
                    {m.joinedOn && ` ${t("members.joinedOn", { date: formatDate(m.joinedOn, locale) })}`}
                    {m.leftOn && ` · ${t("members.leftOn", { date: formatDate(m.leftOn, locale) })}`}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <p>
        <Link to="/enterprises">{t("common.backTo", { page: t("enterprises.backToList") })}</Link>
      </p>
    </article>
  );
}
