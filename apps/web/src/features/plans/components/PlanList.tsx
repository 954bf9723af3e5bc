import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import { useClusterOptions } from "../../clusters/queries";
import { CREATABLE_PLAN_LEVELS, PLAN_STATUSES } from "../model";
import { usePlanPage, type PlanFilters } from "../queries";
import { PlanMeta } from "./PlanMeta";
import { PlanStatusBadge } from "./PlanStatusBadge";

interface PlanListProps {
  filters: PlanFilters;
  page: number;
  onPage: (page: number) => void;
  agencyName?: (id: string) => string | null;
}

const PAGE_SIZE = 20;

/** One page of plans matching the filters, each with its level, period, owner, status and version. */
export function PlanList({ filters, page, onPage, agencyName }: PlanListProps) {
  const locale = useLocale();
  const { t } = useTranslation();
  const plans = usePlanPage(filters, page, PAGE_SIZE);
  return (
    <QueryState query={plans} isEmpty={(data) => data.items.length === 0} empty={t("planEdit.noPlans")}>
      {(data) => (
        <>
          <ul className="card-list" data-testid="plan-list">
            {data.items.map((plan) => (
              <li key={plan.id} className="card" data-plan-code={plan.code}>
                <h2 className="card-title">
                  <Link to={`/plans/${plan.id}`}>{pickLocalized(locale, plan.titleTh, plan.titleEn)}</Link>
                </h2>
                <p className="muted small">
                  {plan.code && (
                    <>
                      {t("common.code")}: {plan.code} ·{" "}
                    </>
                  )}
                  {t("planEdit.versionN", { n: plan.version })} ·{" "}
                  <PlanStatusBadge status={plan.status} published={plan.published} />
                </p>
                <PlanMeta
                  level={plan.level}
                  periodStart={plan.periodStart}
                  periodEnd={plan.periodEnd}
                  ownerName={agencyName ? agencyName(String(plan.ownerAgencyId)) : null}
                />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={onPage} />
        </>
      )}
    </QueryState>
  );
}

interface PlanFilterBarProps {
  filters: PlanFilters;
  onChange: (next: Partial<PlanFilters>) => void;
}

/** Level, status, owner agency and cluster filters; each change applies at once. */
export function PlanFilterBar({ filters, onChange }: PlanFilterBarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencies();
  const clusters = useClusterOptions();
  const ids = { level: useId(), status: useId(), agency: useId(), cluster: useId(), heading: useId() };
  return (
    <section className="filter-bar" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="visually-hidden">
        {t("planEdit.filters")}
      </h2>
      <div className="field">
        <label htmlFor={ids.level}>{t("plans.level")}</label>
        <select id={ids.level} value={filters.level} onChange={(event) => onChange({ level: event.target.value })}>
          <option value="">{t("common.all")}</option>
          {CREATABLE_PLAN_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`plans.levels.${level}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.status}>{t("planEdit.status")}</label>
        <select id={ids.status} value={filters.status} onChange={(event) => onChange({ status: event.target.value })}>
          <option value="">{t("common.all")}</option>
          {PLAN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`planEdit.statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.agency}>{t("plans.owner")}</label>
        <select id={ids.agency} value={filters.agency} onChange={(event) => onChange({ agency: event.target.value })}>
          <option value="">{t("common.all")}</option>
          {agencies.data?.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {pickLocalized(locale, agency.nameTh, agency.nameEn)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.cluster}>{t("planEdit.cluster")}</label>
        <select
          id={ids.cluster}
          value={filters.cluster}
          onChange={(event) => onChange({ cluster: event.target.value })}
        >
          <option value="">{t("common.all")}</option>
          {clusters.data?.map((cluster) => (
            <option key={cluster.id} value={cluster.id}>
              {localName(locale, cluster) || cluster.code}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
