import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { usePlans } from "../queries";
import { PlanMeta } from "./PlanMeta";

interface PlanListProps {
  agencyName?: (id: string) => string | null;
}

export function PlanList({ agencyName }: PlanListProps) {
  const locale = useLocale();
  const { t } = useTranslation();
  const plans = usePlans();
  return (
    <QueryState query={plans} isEmpty={(items) => items.length === 0}>
      {(items) => (
        <ul className="card-list">
          {items.map((plan) => (
            <li key={plan.id} className="card">
              <h2 className="card-title">
                <Link to={`/plans/${plan.id}`}>{pickLocalized(locale, plan.titleTh, plan.titleEn)}</Link>
              </h2>
              {plan.code && <p className="muted small">{t("common.code")}: {plan.code}</p>}
              <PlanMeta
                level={plan.level}
                periodStart={plan.periodStart}
                periodEnd={plan.periodEnd}
                ownerName={plan.ownerAgencyId && agencyName ? agencyName(plan.ownerAgencyId) : null}
              />
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
