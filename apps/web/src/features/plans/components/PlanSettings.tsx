import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { DateInput } from "../../../components/DateInput";
import { datesReady } from "../../../components/date-input-text";
import { ErrorMessage } from "../../../components/ErrorMessage";
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

/** Status (draft, active, archived), publication, approval levels and period of a plan, for those who may edit it. */
export function PlanSettings({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const update = useUpdatePlanMutation(plan.id);
  const errors = fieldErrorsOf(update.error);
  const headingId = useId();
  const [status, setStatus] = useState<PlanStatus>(isPlanStatus(plan.status) ? plan.status : "active");
  const [published, setPublished] = useState(plan.published);
  const current = String(plan.approvalLevels);
  const [levels, setLevels] = useState<ApprovalLevels>(isApprovalLevels(current) ? current : "1");
  const [periodStart, setPeriodStart] = useState(plan.periodStart);
  const [periodEnd, setPeriodEnd] = useState(plan.periodEnd);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A date that does not read is shown under its field; nothing is sent until it does.
    if (!datesReady(periodStart, periodEnd) || periodStart === "" || periodEnd === "") return;
    update.mutate({
      status,
      published,
      approvalLevels: Number(levels),
      // Only a changed period is sent, so saving the status never rewrites the dates.
      ...(periodStart !== plan.periodStart && { periodStart }),
      ...(periodEnd !== plan.periodEnd && { periodEnd }),
    });
  };
  return (
    <form className="inline-form plan-settings" aria-labelledby={headingId} onSubmit={submit} noValidate>
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
        <DateInput
          label={t("planEdit.periodStart")}
          value={periodStart}
          onChange={setPeriodStart}
          error={errors.periodStart ?? (periodStart === "" ? t("dateInput.malformed") : null)}
          required
        />
        <DateInput
          label={t("planEdit.periodEnd")}
          value={periodEnd}
          onChange={setPeriodEnd}
          error={errors.periodEnd ?? (periodEnd === "" ? t("dateInput.malformed") : null)}
          required
        />
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
    // A date that does not read is shown under its field; the version is not sent until it does.
    if (!datesReady(period.periodStart, period.periodEnd)) return;
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
              <DateInput
                label={t("planEdit.periodStart")}
                value={period.periodStart}
                onChange={(periodStart) => setPeriod((current) => ({ ...current, periodStart }))}
                error={errors.periodStart ?? null}
                required
              />
              <DateInput
                label={t("planEdit.periodEnd")}
                value={period.periodEnd}
                onChange={(periodEnd) => setPeriod((current) => ({ ...current, periodEnd }))}
                error={errors.periodEnd ?? null}
                required
              />
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
