import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { DateInput } from "../../../components/DateInput";
import { datesReady } from "../../../components/date-input-text";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { localName, pickLocalized } from "../../../lib/bilingual";
import { useAgencies } from "../../agencies/queries";
import type { User } from "../../auth/model";
import { useClusterOptions } from "../../clusters/queries";
import { useProvincialClusters } from "../../provincial-clusters/queries";
import { CREATABLE_PLAN_LEVELS, isCreatablePlanLevel, type CreatablePlanLevel } from "../model";
import { useCreatePlanMutation } from "../mutations";

/** The fields this form shows the server's errors under. */
const PLACED = [
  "code",
  "level",
  "ownerAgencyId",
  "clusterId",
  "provincialClusterId",
  "periodStart",
  "periodEnd",
  "titleTh",
  "titleEn",
];

/** A new plan: level, owner, cluster or provincial cluster, period and titles. The server decides who may. */
export function PlanCreateForm({ user, onCancel }: { user: User; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const clusters = useClusterOptions();
  const provincialClusters = useProvincialClusters();
  const create = useCreatePlanMutation();
  const errors = fieldErrorsOf(create.error);
  const headingId = useId();
  const [level, setLevel] = useState<CreatablePlanLevel>(
    user.role === "cluster_coordinator" ? "cluster_plan" : "agency_programme",
  );
  const [form, setForm] = useState({
    code: "",
    ownerAgencyId: user.agencyId ?? "",
    clusterId: user.clusterIds[0] ?? "",
    provincialClusterId: "",
    periodStart: "",
    periodEnd: "",
    titleEn: "",
    titleTh: "",
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  // A cluster plan's owner is the cluster's coordinating agency (the server's rule): a coordinator, who has no
  // agency of their own, should not have to guess it. A choice made in the select still wins.
  const chosenCluster = clusters.data?.find((cluster) => String(cluster.id) === String(form.clusterId));
  const ownerAgencyId =
    form.ownerAgencyId !== "" || level !== "cluster_plan"
      ? form.ownerAgencyId
      : (chosenCluster?.coordinatingAgencyId ?? "");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A date that does not read is shown under its field; the plan is not sent until it does.
    if (!datesReady(form.periodStart, form.periodEnd)) return;
    create.mutate(
      {
        code: form.code.trim(),
        level,
        ownerAgencyId: Number(ownerAgencyId),
        clusterId: level === "cluster_plan" && form.clusterId ? Number(form.clusterId) : null,
        provincialClusterId:
          level === "provincial_cluster_plan" && form.provincialClusterId ? Number(form.provincialClusterId) : null,
        periodStart: form.periodStart,
        periodEnd: form.periodEnd,
        titleEn: form.titleEn.trim() || null,
        titleTh: form.titleTh.trim() || null,
      },
      // The router shows a failed navigation in its error element: nothing to await.
      { onSuccess: (plan) => void navigate(`/plans/${plan.id}`) },
    );
  };

  const text = (key: keyof typeof form, label: string) => (
    <FormField label={label} error={errors[key] ?? null}>
      {(control) => <input {...control} value={form[key]} onChange={(event) => set(key)(event.target.value)} />}
    </FormField>
  );
  const date = (key: "periodStart" | "periodEnd", label: string) => (
    <DateInput label={label} value={form[key]} onChange={set(key)} error={errors[key] ?? null} required />
  );

  return (
    <form className="inline-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId} className="form-title">
        {t("planEdit.newPlan")}
      </h2>
      {create.error !== null && <ErrorMessage error={create.error} placed={PLACED} />}
      <div className="form-grid">
        <ChoiceField
          label={t("plans.level")}
          error={errors.level ?? null}
          value={level}
          options={CREATABLE_PLAN_LEVELS}
          isOption={isCreatablePlanLevel}
          labelOf={(option) => t(`plans.levels.${option}`)}
          onChange={setLevel}
        />
        {text("code", t("common.code"))}
        <FormField label={t("plans.owner")} error={errors.ownerAgencyId ?? null}>
          {(control) => (
            <select {...control} value={ownerAgencyId} onChange={(event) => set("ownerAgencyId")(event.target.value)}>
              <option value="">{t("planEdit.choose")}</option>
              {agencies.data?.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {pickLocalized(locale, agency.nameTh, agency.nameEn)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {level === "cluster_plan" && (
          <FormField label={t("planEdit.cluster")} error={errors.clusterId ?? null}>
            {(control) => (
              <select {...control} value={form.clusterId} onChange={(event) => set("clusterId")(event.target.value)}>
                <option value="">{t("planEdit.choose")}</option>
                {clusters.data?.map((cluster) => (
                  <option key={cluster.id} value={cluster.id}>
                    {localName(locale, cluster) || cluster.code}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {level === "provincial_cluster_plan" && (
          <FormField label={t("planEdit.provincialCluster")} error={errors.provincialClusterId ?? null}>
            {(control) => (
              <select
                {...control}
                value={form.provincialClusterId}
                onChange={(event) => set("provincialClusterId")(event.target.value)}
              >
                <option value="">{t("planEdit.choose")}</option>
                {provincialClusters.data?.map((pc) => (
                  <option key={pc.id} value={pc.id}>
                    {pickLocalized(locale, pc.nameTh, pc.nameEn)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {date("periodStart", t("planEdit.periodStart"))}
        {date("periodEnd", t("planEdit.periodEnd"))}
        {text("titleTh", t("planEdit.titleTh"))}
        {text("titleEn", t("common.optionalField", { field: t("planEdit.titleEn") }))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t("common.saving") : t("planEdit.createPlan")}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
