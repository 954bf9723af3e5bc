import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useAgencyName } from "../features/agencies/useAgencyName";
import { isStaff } from "../features/auth/model";
import { useCurrentUser } from "../features/auth/queries";
import { PlanCreateForm } from "../features/plans/components/PlanCreateForm";
import { PlanFilterBar, PlanList } from "../features/plans/components/PlanList";
import { EMPTY_PLAN_FILTERS, type PlanFilters } from "../features/plans/queries";

const FILTER_KEYS = ["level", "status", "agency", "cluster"] as const;

export function PlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("plans.title"));
  const agencyName = useAgencyName();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters: PlanFilters = { ...EMPTY_PLAN_FILTERS };
  for (const key of FILTER_KEYS) filters[key] = params.get(key) ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);

  const update = (next: Partial<PlanFilters> & { page?: number }) => {
    const search = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === "" || value === 1 || value === undefined) search.delete(key);
      else search.set(key, String(value));
    }
    if (next.page === undefined) search.delete("page");
    setParams(search, { replace: true });
  };

  return (
    <>
      <h1>{t("plans.title")}</h1>
      <p className="lead">{t("plans.intro")}</p>
      {isStaff(user) &&
        user !== null &&
        (creating ? (
          <PlanCreateForm user={user} onCancel={() => setCreating(false)} />
        ) : (
          <p>
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t("planEdit.newPlan")}
            </button>
          </p>
        ))}
      <PlanFilterBar filters={filters} onChange={update} />
      <PlanList filters={filters} page={page} onPage={(next) => update({ page: next })} agencyName={agencyName} />
    </>
  );
}
