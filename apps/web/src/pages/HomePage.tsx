import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { StatCard } from "../components/StatCard";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useLocale, wholeCatalogue } from "../i18n";
import { fiscalYearOf, formatFiscalYear } from "../lib/format";
import { useAgencies } from "../features/agencies/queries";
import { useCurrentUser } from "../features/auth/queries";
import { usePlans } from "../features/plans/queries";
import { useProvinces } from "../features/provinces/queries";
import { useProvincialClusters } from "../features/provincial-clusters/queries";

// Only coordinators and admins have requests to review: the panel (and its wording) loads for a signed-in user.
const PendingMemberships = lazy(async () => {
  const [module] = await Promise.all([import("../features/clusters/components/PendingMemberships"), wholeCatalogue()]);
  return { default: module.PendingMemberships };
});

export function HomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(null);
  const provinces = useProvinces();
  const clusters = useProvincialClusters();
  const agencies = useAgencies();
  const plans = usePlans();
  const user = useCurrentUser();

  const links = [
    { to: "/clusters", title: t("home.registryLink"), hint: t("home.registryLinkHint") },
    { to: "/enterprises", title: t("home.enterprisesLink"), hint: t("home.enterprisesLinkHint") },
    { to: "/map", title: t("home.mapLink"), hint: t("home.mapLinkHint") },
    { to: "/provincial-clusters", title: t("home.clustersLink"), hint: t("home.clustersLinkHint") },
    { to: "/plans", title: t("home.plansLink"), hint: t("home.plansLinkHint") },
    { to: "/agencies", title: t("home.agenciesLink"), hint: t("home.agenciesLinkHint") },
  ];

  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
        <p className="fiscal-year">
          <span className="label">{t("home.fiscalYear")}: </span>
          {formatFiscalYear(fiscalYearOf(new Date()), locale)}
        </p>
      </section>
      {user && (
        <Suspense fallback={null}>
          <PendingMemberships user={user} />
        </Suspense>
      )}
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("home.figures")}</h2>
        <div className="stats">
          <StatCard label={t("home.provinces")} to="/provinces" query={provinces} />
          <StatCard label={t("home.provincialClusters")} to="/provincial-clusters" query={clusters} />
          <StatCard label={t("home.agencies")} to="/agencies" query={agencies} />
          <StatCard label={t("home.plans")} to="/plans" query={plans} />
        </div>
      </section>
      <section aria-labelledby="explore-heading">
        <h2 id="explore-heading">{t("home.explore")}</h2>
        <ul className="link-cards">
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} className="link-card">
                <span className="link-card-title">{link.title}</span>
                <span className="link-card-hint">{link.hint}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
