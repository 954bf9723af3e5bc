import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import type { User } from "../../auth/model";

const TODAY_LINKS = [
  { to: "/clusters", key: "myWork.linkClusters" },
  { to: "/enterprises", key: "myWork.linkEnterprises" },
  { to: "/programmes", key: "myWork.linkProgrammes" },
  { to: "/search", key: "myWork.linkSearch" },
] as const;

/**
 * An expert's home: who they are in Sainam (name, e-mail, agency) and what they can do today. Assistance
 * requests are not taken by Sainam yet; the page says so rather than showing an empty list of something absent.
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
        <p className="state state-empty">{t("myWork.requestsNotYet")}</p>
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
