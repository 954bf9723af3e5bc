import type { RecordId } from "../../clusters/queries";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { flattenNodes, planLevelRank, type PlanNode } from "../model";
import { useUpdateNodeMutation } from "../mutations";
import { useOptionalPlan, usePlans } from "../queries";
import { useNodeKindLabel } from "./useNodeLabel";

interface ServesPickerProps {
  planId: RecordId;
  planLevel: string;
  node: PlanNode;
  onDone: () => void;
}

/** Links a node to the node of a higher plan it serves: choose the plan, then the node. */
export function ServesPicker({ planId, planLevel, node, onDone }: ServesPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kindLabel = useNodeKindLabel();
  const plans = usePlans();
  const [targetPlanId, setTargetPlanId] = useState<string>("");
  const [targetNodeId, setTargetNodeId] = useState<string>(node.servesNodeId === null ? "" : String(node.servesNodeId));
  const targetPlan = useOptionalPlan(targetPlanId || null);
  const update = useUpdateNodeMutation(planId, node.id);
  const errors = fieldErrorsOf(update.error);
  const headingId = useId();
  const rank = planLevelRank(planLevel);
  const higher = (plans.data ?? []).filter((plan) => planLevelRank(plan.level) > rank);
  const candidates = targetPlan.data ? flattenNodes(targetPlan.data.nodes) : [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!targetNodeId) return;
    update.mutate({ servesNodeId: Number(targetNodeId) }, { onSuccess: onDone });
  };

  return (
    <form className="inline-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} className="form-title">
        {t("planEdit.linkTitle")}
      </h3>
      <p className="hint">{t("planEdit.linkHint")}</p>
      {update.error !== null && <ErrorMessage error={update.error} />}
      {higher.length === 0 && !plans.isLoading ? (
        <p className="state state-empty">{t("planEdit.noHigherPlans")}</p>
      ) : (
        <div className="form-grid">
          <FormField label={t("planEdit.higherPlan")}>
            {(control) => (
              <select
                {...control}
                value={targetPlanId}
                onChange={(event) => {
                  setTargetPlanId(event.target.value);
                  setTargetNodeId("");
                }}
              >
                <option value="">{t("planEdit.choose")}</option>
                {higher.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {pickLocalized(locale, plan.titleTh, plan.titleEn)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("planEdit.higherNode")} error={errors.servesNodeId ?? null}>
            {(control) => (
              <select
                {...control}
                value={targetNodeId}
                disabled={!targetPlanId}
                onChange={(event) => setTargetNodeId(event.target.value)}
              >
                <option value="">{t("planEdit.choose")}</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {kindLabel(candidate.kind)} {candidate.code} —{" "}
                    {pickLocalized(locale, candidate.titleTh, candidate.titleEn)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!targetNodeId || update.isPending}>
          {update.isPending ? t("common.saving") : t("planEdit.link")}
        </button>
        {node.servesNodeId !== null && (
          <button
            type="button"
            className="button button-secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ servesNodeId: null }, { onSuccess: onDone })}
          >
            {t("planEdit.unlink")}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
