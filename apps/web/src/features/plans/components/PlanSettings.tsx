import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatDateRange } from "../../../lib/format";
import { isPlanStatus, PLAN_STATUSES, type PlanDetail, type PlanStatus } from "../model";
import { useCreateVersionMutation, useUpdatePlanMutation } from "../mutations";
import { usePlanVersions } from "../queries";
import { PlanStatusBadge } from "./PlanStatusBadge";

/** How many approval levels a plan may ask for: province office, its parent, the ministry. */
const APPROVAL_LEVELS = ["1", "2", "3"] as const;
type ApprovalLevels = (typeof APPROVAL_LEVELS)[number];
const isApprovalLevels = (value: string): value is ApprovalLevels => APPROVAL_LEVELS.some((l) => l === value);

/** Status (draft, active, archived), publication and approval levels of a plan, for those who may edit it. */
export function PlanSettings({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const update = useUpdatePlanMutation(plan.id);
  const headingId = useId();
  const [status, setStatus] = useState<PlanStatus>(isPlanStatus(plan.status) ? plan.status : "active");
  const [published, setPublished] = useState(plan.published);
  const current = String(plan.approvalLevels);
  const [levels, setLevels] = useState<ApprovalLevels>(isApprovalLevels(current) ? current : "1");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ status, published, approvalLevels: Number(levels) });
  };
  return (
    <form className="inline-form plan-settings" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId} className="form-title">
        {t("planEdit.settings")}
      </h2>
      {update.error !== null && <ErrorMessage error={update.error} />}
      <div className="form-grid">
        <ChoiceField
          label={t("planEdit.status")}
          value={status}
          options={PLAN_STATUSES}
          isOption={isPlanStatus}
          labelOf={(option) => t(`planEdit.statuses.${option}`)}
          onChange={setStatus}
        />
        <ChoiceField
          label={t("planEdit.approvalLevels")}
          value={levels}
          options={APPROVAL_LEVELS}
          isOption={isApprovalLevels}
          labelOf={(option) => t(`planEdit.approvalLevelOptions.${option}`)}
          onChange={setLevels}
        />
        <label className="field-checkbox">
          <input type="checkbox" checked={published} onChange={(event) => setPublished(event.target.checked)} />
          {t("planEdit.publishedLabel")}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? t("common.saving") : t("common.save")}
        </button>
        {update.isSuccess && <span role="status">{t("common.saved")}</span>}
      </div>
    </form>
  );
}

/** Every version of the plan, and (for its editors) a new version for another period. */
export function VersionsPanel({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const versions = usePlanVersions(plan.id);
  const create = useCreateVersionMutation(plan.id);
  const errors = fieldErrorsOf(create.error);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState({ periodStart: "", periodEnd: "" });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(period, { onSuccess: () => setOpen(false) });
  };
  return (
    <section aria-labelledby={headingId} className="versions-panel">
      <h2 id={headingId}>{t("planEdit.versions")}</h2>
      <QueryState query={versions} isEmpty={(items) => items.length === 0}>
        {(items) => (
          <ol className="version-list">
            {items.map((version) => (
              <li key={version.id} aria-current={version.id === plan.id ? "page" : undefined}>
                {version.id === plan.id ? (
                  <strong>{t("planEdit.versionN", { n: version.version })}</strong>
                ) : (
                  <Link to={`/plans/${version.id}`}>{t("planEdit.versionN", { n: version.version })}</Link>
                )}{" "}
                <span className="muted small">
                  {version.periodStart && version.periodEnd
                    ? formatDateRange(version.periodStart, version.periodEnd, locale)
                    : ""}{" "}
                  ·{" "}
                </span>
                <PlanStatusBadge status={version.status} published={version.published} />
              </li>
            ))}
          </ol>
        )}
      </QueryState>
      {create.data && (
        <p role="status">
          <Link to={`/plans/${create.data.id}`}>{t("planEdit.openNewVersion", { n: create.data.version })}</Link>
        </p>
      )}
      {plan.canEdit &&
        (open ? (
          <form className="inline-form" onSubmit={submit} noValidate aria-label={t("planEdit.newVersion")}>
            <p className="hint">{t("planEdit.newVersionHint")}</p>
            {create.error !== null && <ErrorMessage error={create.error} />}
            <div className="form-grid">
              <FormField label={t("planEdit.periodStart")} error={errors.periodStart ?? null}>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={period.periodStart}
                    onChange={(event) => setPeriod({ ...period, periodStart: event.target.value })}
                  />
                )}
              </FormField>
              <FormField label={t("planEdit.periodEnd")} error={errors.periodEnd ?? null}>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={period.periodEnd}
                    onChange={(event) => setPeriod({ ...period, periodEnd: event.target.value })}
                  />
                )}
              </FormField>
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={create.isPending}>
                {create.isPending ? t("common.saving") : t("planEdit.newVersion")}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
                {t("common.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {t("planEdit.newVersion")}
          </button>
        ))}
    </section>
  );
}
