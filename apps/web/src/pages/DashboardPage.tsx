import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { initialFiscalYear } from "../components/FiscalYearSelect";
import { QueryState } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useUrlFilters } from "../components/useUrlFilters";
import { PerformanceTables } from "../features/dashboards/components/PerformanceTables";
import { ProvincialClusterMatrix } from "../features/dashboards/components/ProvincialClusterMatrix";
import { StatusSummary } from "../features/dashboards/components/StatusSummary";
import { allIndicators, NATION, type DashboardPlan } from "../features/dashboards/model";
import { useDashboardPlans, usePlanPerformance } from "../features/dashboards/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";
import { fiscalYearLabel } from "../lib/format";
import { reportHref } from "../features/plans/report-links";

export function DashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("dashboard.title"));
  const plans = useDashboardPlans();
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.intro")}</p>
      <p>
        <Link to="/services/figures">{t("serviceFigures.link")}</Link>
      </p>
      <QueryState query={plans} isEmpty={(items) => items.length === 0} empty={t("dashboard.noPlans")}>
        {(items) => <PlanDashboard plans={items} />}
      </QueryState>
    </>
  );
}

function PlanDashboard({ plans }: { plans: DashboardPlan[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { params, setFilters: update } = useUrlFilters({ replace: true });
  const plan = plans.find((p) => String(p.id) === params.get("plan")) ?? plans[0];
  // The plan's id as the address and the API paths carry it.
  const planId = plan ? String(plan.id) : "";
  const years = plan?.fiscalYears ?? [];
  const requested = Number(params.get("year"));
  const year = years.includes(requested) ? requested : initialFiscalYear(years);
  const includeUnapproved = (plan?.canSeeUnapproved ?? false) && params.get("unapproved") === "1";
  const period = year === null ? "" : `FY${year}`;
  const performance = usePlanPerformance(planId, period, NATION, includeUnapproved);

  if (!plan) return null;
  return (
    <>
      <form className="filter-bar" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t("dashboard.plan")}
          <select value={plan.id} onChange={(event) => update({ plan: event.target.value, year: null })}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {pickLocalized(locale, p.titleTh, p.titleEn)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("dashboard.year")}
          <select value={year ?? ""} onChange={(event) => update({ year: event.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {fiscalYearLabel(y, locale)}
              </option>
            ))}
          </select>
        </label>
        {plan.canSeeUnapproved && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={includeUnapproved}
              onChange={(event) => update({ unapproved: event.target.checked ? "1" : null })}
            />
            {t("dashboard.includeUnapproved")}
          </label>
        )}
      </form>
      <QueryState query={performance}>
        {(data) => (
          <>
            <p className="muted small">
              {t(data.includesUnapproved ? "dashboard.withUnapproved" : "dashboard.approvedOnly")}
            </p>
            {year !== null && (
              <p className="plan-reports-row">
                <a
                  className="button button-secondary"
                  href={reportHref(planId, year, "xlsx", locale, includeUnapproved)}
                  download
                >
                  {t("plans.reports.xlsx")}
                </a>
                <a
                  className="button button-secondary"
                  href={reportHref(planId, year, "pdf", locale, includeUnapproved)}
                  download
                >
                  {t("plans.reports.pdf")}
                </a>
              </p>
            )}
            <StatusSummary summary={data.summary} />
            {allIndicators(data.nodes).every((i) => i.value === null) && (
              <p className="state state-empty">{t("dashboard.noValues")}</p>
            )}
            <h2>{t("dashboard.byStrategy")}</h2>
            <PerformanceTables performance={data} />
          </>
        )}
      </QueryState>
      <h2>{t("dashboard.byProvincialCluster")}</h2>
      {period !== "" && (
        <ProvincialClusterMatrix planId={planId} period={period} includeUnapproved={includeUnapproved} />
      )}
    </>
  );
}
