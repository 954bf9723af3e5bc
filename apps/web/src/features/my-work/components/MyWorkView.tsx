import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import type { User } from "../../auth/model";
import { RequestTable } from "../../service-requests/components/RequestTable";
import { useServiceRequests } from "../../service-requests/queries";

const TODAY_LINKS = [
  { to: "/clusters", key: "myWork.linkClusters" },
  { to: "/enterprises", key: "myWork.linkEnterprises" },
  { to: "/programmes", key: "myWork.linkProgrammes" },
  { to: "/search", key: "myWork.linkSearch" },
] as const;

/** The requests with the expert now: those awaiting their answer and those they work. */
function AssignedRequests() {
  const { t } = useTranslation();
  const requests = useServiceRequests({});
  return (
    <QueryState query={requests} isEmpty={(p) => p.items.length === 0} empty={t("myWork.requestsEmpty")}>
      {(p) => (
        <>
          {p.items.some((r) => r.awaitingAnswer) && (
            <p className="notice">{t("myWork.awaiting", { count: p.items.filter((r) => r.awaitingAnswer).length })}</p>
          )}
          <RequestTable items={p.items} caption={t("myWork.requests")} answer />
          {p.total > p.items.length && (
            <p>
              <Link to="/requests">{t("myWork.allRequests")}</Link>
            </p>
          )}
        </>
      )}
    </QueryState>
  );
}

/**
 * An expert's home: who they are in Sainam (name, e-mail, agency), the requests for help assigned to them, and what
 * else they can do today.
 */
export function MyWorkView({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencies();
  useDocumentTitle(t("myWork.title"));
  const agency = user.agencyId === null ? null : agencies.data?.find((a) => a.id === user.agencyId);
  const none = t("common.none");
  return (
    <article className="my-work">
      <header>
        <p className="eyebrow">{t("roles.expert")}</p>
        <h1>{t("myWork.title")}</h1>
      </header>
      <section aria-labelledby="expert-profile-heading">
        <h2 id="expert-profile-heading">{t("myWork.profile")}</h2>
        <dl className="fact-list">
          <dt>{t("myWork.name")}</dt>
          <dd>{user.displayName || none}</dd>
          <dt>{t("myWork.email")}</dt>
          <dd className="break">{user.email}</dd>
          <dt>{t("myWork.agency")}</dt>
          <dd data-agency-id={user.agencyId ?? undefined}>
            {user.agencyId === null
              ? t("myWork.noAgency")
              : agency
                ? localName(locale, agency) || agency.code
                : agencies.isPending
                  ? t("common.loading")
                  : `#${user.agencyId}`}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="expert-requests-heading">
        <h2 id="expert-requests-heading">{t("myWork.requests")}</h2>
        <AssignedRequests />
      </section>
      <section aria-labelledby="expert-today-heading">
        <h2 id="expert-today-heading">{t("myWork.today")}</h2>
        <ul>
          {TODAY_LINKS.map((link) => (
            <li key={link.to}>
              <Link to={link.to}>{t(link.key)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
