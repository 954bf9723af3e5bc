import type { MyBusiness } from "@sainam/contract";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { TableScroll } from "../../../components/TableScroll";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { fiscalYearLabel, formatDate, formatNumber } from "../../../lib/format";
import { EnterpriseForm } from "../../enterprises/components/EnterpriseForm";
import { formatJuristicId } from "../../enterprises/juristic-id";
import { useEnterpriseLabels } from "../../enterprises/useEnterpriseLabels";
import { isActivityKind } from "../../programmes/model";
import { useProvince } from "../../provinces/queries";
import { useValueChainLabels } from "../../value-chain/useValueChainLabels";
import { useMyBusiness } from "../queries";
import { ProductsEditor } from "./ProductsEditor";

/** A member's home: their firm, its products, clusters, programmes and activities, from one call. */
export function MyBusinessView({ userId }: { userId: number }) {
  const { t } = useTranslation();
  useDocumentTitle(t("myBusiness.title"));
  const home = useMyBusiness(userId);
  return <QueryState query={home}>{(data) => <MyBusinessContent home={data} />}</QueryState>;
}

type Firm = NonNullable<MyBusiness["enterprise"]>;

function MyBusinessContent({ home }: { home: MyBusiness }) {
  const { t } = useTranslation();
  if (!home.enterprise) {
    return (
      <section>
        <h1>{t("myBusiness.title")}</h1>
        <div className="alert alert-info" role="status">
          <p>{t("myBusiness.notLinked")}</p>
        </div>
      </section>
    );
  }
  return <FirmHome home={home} firm={home.enterprise} />;
}

function FirmHome({ home, firm }: { home: MyBusiness; firm: Firm }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const name = localName(locale, firm) || (firm.juristicId ? formatJuristicId(firm.juristicId) : `#${firm.id}`);

  return (
    <article className="my-business">
      <header>
        <p className="eyebrow">
          <span>{t("myBusiness.title")}</span>
          {!firm.published && <span className="tag tag-off">{t("enterprises.notPublished")}</span>}
        </p>
        <h1>{name}</h1>
        <p className="muted">{t("myBusiness.intro")}</p>
        <p className="button-row">
          <Link className="button button-primary" to="/requests/new">
            {t("myBusiness.askForHelp")}
          </Link>{" "}
          <Link to="/requests">{t("myBusiness.myRequests")}</Link>{" "}
          <Link to={`/enterprises/${firm.id}/products`}>{t("products.title")}</Link>{" "}
          <Link to={`/enterprises/${firm.id}/inquiries`}>{t("products.inquiries")}</Link>
        </p>
      </header>
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {home.can.edit && editing ? (
        <EnterpriseForm
          enterprise={firm}
          identityLocked
          onDone={(saved) => {
            setEditing(false);
            setNotice(saved ? t("enterprises.saved") : null);
          }}
        />
      ) : (
        <Profile firm={firm}>
          {home.can.edit && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t("myBusiness.editProfile")}
            </button>
          )}{" "}
          <Link to={`/enterprises/${firm.id}`}>{t("myBusiness.publicPage")}</Link>
        </Profile>
      )}
      <ProductsEditor enterpriseId={firm.id} products={firm.products} canEdit={home.can.edit} />
      <Clusters clusters={home.clusters} />
      <Programmes programmes={home.programmes} />
      <Activities activities={home.activities} />
    </article>
  );
}

function Profile({ firm, children }: { firm: Firm; children: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useEnterpriseLabels();
  const province = useProvince(firm.provinceCode ?? "");
  const none = t("common.none");
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("myBusiness.profile")}</h2>
      <dl className="fact-list">
        <dt>{t("enterprises.juristicId")}</dt>
        <dd className="num">{firm.juristicId ? formatJuristicId(firm.juristicId) : none}</dd>
        {firm.ceRegistrationNo && (
          <>
            <dt>{t("enterprises.ceRegistrationNo")}</dt>
            <dd>{firm.ceRegistrationNo}</dd>
          </>
        )}
        <dt>{t("enterprises.legalForm")}</dt>
        <dd>{labels.legalForm(firm.legalForm)}</dd>
        <dt>{t("enterprises.size")}</dt>
        <dd>{labels.size(firm.sizeClass)}</dd>
        <dt>{t("enterprises.businessType")}</dt>
        <dd>{firm.businessType ?? none}</dd>
        <dt>{t("enterprises.tsic")}</dt>
        <dd>{firm.tsicCode ?? none}</dd>
        <dt>{t("enterprises.employees")}</dt>
        <dd>
          {firm.employees === null
            ? none
            : t("enterprises.people", { count: firm.employees, n: formatNumber(firm.employees, locale) })}
        </dd>
        <dt>{t("enterprises.address")}</dt>
        <dd>{firm.address ?? none}</dd>
        <dt>{t("enterprises.province")}</dt>
        <dd>{firm.provinceCode ? (province.data ? localName(locale, province.data) : firm.provinceCode) : none}</dd>
        <dt>{t("enterprises.contacts")}</dt>
        <dd>{firm.contacts.length === 0 ? none : firm.contacts.map((c) => c.name ?? c.email ?? c.phone).join(", ")}</dd>
      </dl>
      <p>{children}</p>
    </section>
  );
}

/** A record's name, linked to its page when the member may open it. */
function Tie({
  to,
  item,
}: {
  to: string;
  item: { code: string; nameTh: string | null; nameEn: string | null; canOpen: boolean };
}) {
  const locale = useLocale();
  const text = localName(locale, item) || item.code;
  return item.canOpen ? <Link to={to}>{text}</Link> : <span>{text}</span>;
}

function Clusters({ clusters }: { clusters: MyBusiness["clusters"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const chain = useValueChainLabels();
  return (
    <section aria-labelledby="my-clusters-heading">
      <h2 id="my-clusters-heading">{t("myBusiness.clusters")}</h2>
      {clusters.length === 0 ? (
        <p className="muted">{t("myBusiness.noClusters")}</p>
      ) : (
        <ul className="membership-list">
          {clusters.map((m, index) => (
            <li key={`${m.clusterId}-${index}`} data-cluster-id={m.clusterId}>
              <Tie to={`/clusters/${m.clusterId}`} item={m} />{" "}
              <span className={`tag stage-tag stage-${m.stage}`}>{chain.stage(m.stage)}</span>{" "}
              {!m.approved && <span className="tag tag-off">{t("myBusiness.pending")}</span>}
              {m.leftOn && <span className="tag tag-off">{t("myBusiness.left")}</span>}
              <span className="muted small">
                {m.joinedOn && ` ${t("members.joinedOn", { date: formatDate(m.joinedOn, locale) })}`}
                {m.leftOn && ` · ${t("members.leftOn", { date: formatDate(m.leftOn, locale) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {clusters.some((m) => !m.approved) && <p className="muted small">{t("myBusiness.pendingHint")}</p>}
    </section>
  );
}

function Programmes({ programmes }: { programmes: MyBusiness["programmes"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="my-programmes-heading">
      <h2 id="my-programmes-heading">{t("myBusiness.programmes")}</h2>
      {programmes.length === 0 ? (
        <p className="muted">{t("myBusiness.noProgrammes")}</p>
      ) : (
        <ul>
          {programmes.map((p) => (
            <li key={p.programmeId} data-programme-id={p.programmeId}>
              <Tie to={`/programmes/${p.programmeId}`} item={p} />{" "}
              <span className="muted small">
                {p.fiscalYears.map((year) => fiscalYearLabel(year, locale)).join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Activities({ activities }: { activities: MyBusiness["activities"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="my-activities-heading">
      <h2 id="my-activities-heading">{t("myBusiness.activities")}</h2>
      {activities.length === 0 ? (
        <p className="muted">{t("myBusiness.noActivities")}</p>
      ) : (
        <TableScroll label={t("myBusiness.activities")}>
          <table className="table">
            <caption className="visually-hidden">{t("myBusiness.activities")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("myBusiness.activityDate")}</th>
                <th scope="col">{t("myBusiness.activity")}</th>
                <th scope="col">{t("programmes.activityKind")}</th>
                <th scope="col">{t("myBusiness.activityUnder")}</th>
              </tr>
            </thead>
            <tbody>
              {activities.map((a) => (
                <tr key={a.activityId}>
                  <td>{formatDate(a.startsOn, locale)}</td>
                  <td>{pickLocalized(locale, a.titleTh, a.titleEn)}</td>
                  <td>{isActivityKind(a.kind) ? t(`programmes.kinds.${a.kind}`) : a.kind}</td>
                  <td>
                    {a.programme && <Tie to={`/programmes/${a.programme.id}`} item={a.programme} />}
                    {a.programme && a.cluster && " · "}
                    {a.cluster && <Tie to={`/clusters/${a.cluster.id}`} item={a.cluster} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
