import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/QueryState";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { RequireRole } from "../features/auth/components/RequireRole";
import { STAFF_ROLES } from "../features/auth/model";
import { ValueEntry } from "../features/indicator-values/components/ValueEntry";
import { usePlans } from "../features/plans/queries";
import { useLocale } from "../i18n";
import { pickLocalized } from "../lib/bilingual";

export function ValueEntryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("values.title"));
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const planFieldId = useId();
  const planId = params.get("plan") ?? plans.data?.[0]?.id ?? null;
  return (
    <>
      <h1>{t("values.title")}</h1>
      <p className="lead">{t("values.intro")}</p>
      <RequireRole roles={STAFF_ROLES} deniedText={t("values.staffOnly")}>
        <p className="toolbar toolbar-start">
          <Link to="/values/queue">{t("values.queueTitle")}</Link>
          <Link to={planId ? `/values/import?plan=${encodeURIComponent(planId)}` : "/values/import"}>
            {t("values.importTitle")}
          </Link>
        </p>
        {plans.isPending ? (
          <Loading />
        ) : plans.isError ? (
          <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />
        ) : (
          <>
            <div className="field">
              <label htmlFor={planFieldId}>{t("values.plan")}</label>
              <select id={planFieldId} value={planId ?? ""} onChange={(e) => setParams({ plan: e.target.value })}>
                {plans.data.map((p) => (
                  <option
                    key={p.id}
                    value={p.id}
                  >{`${p.code} — ${pickLocalized(locale, p.titleTh, p.titleEn)}`}</option>
                ))}
              </select>
            </div>
            {planId && <ValueEntry key={planId} planId={planId} />}
          </>
        )}
      </RequireRole>
    </>
  );
}
