import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { periodOptionLabel } from "../../../components/PeriodSelect";
import {
  planFiscalSpan,
  type FiscalSpan,
  type Indicator,
  type IndicatorTarget,
  type PlanNode,
  type PlanPeriod,
} from "../model";
import { useDeleteIndicatorMutation, useDeleteTargetMutation, useMoveIndicatorMutation } from "../mutations";
import { IndicatorForm } from "./IndicatorForm";
import { TargetForm } from "./TargetForm";

type Editing =
  | { what: "none" }
  | { what: "newIndicator" }
  | { what: "indicator"; id: number }
  | { what: "deleteIndicator"; id: number }
  | { what: "newTarget"; indicatorId: number }
  | { what: "target"; indicatorId: number; id: number };

/** The indicators of a node for those who may edit the plan: add, edit, reorder and delete them and their targets. */
export function IndicatorEditor({ node, plan }: { node: PlanNode; plan: PlanPeriod }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const [editing, setEditing] = useState<Editing>({ what: "none" });
  const move = useMoveIndicatorMutation();
  const removeIndicator = useDeleteIndicatorMutation();
  const removeTarget = useDeleteTargetMutation();
  const done = () => setEditing({ what: "none" });
  const error = move.error ?? removeIndicator.error ?? removeTarget.error;
  const span = planFiscalSpan(plan.periodStart, plan.periodEnd);

  return (
    <section aria-labelledby={headingId} className="indicator-editor" data-testid="indicator-editor">
      <h3 id={headingId}>{t("plans.indicators")}</h3>
      {error !== null && <ErrorMessage error={error} />}
      {node.indicators.length === 0 && <p className="state state-empty">{t("plans.noIndicators")}</p>}
      <ol className="indicator-list">
        {node.indicators.map((indicator, index) => (
          <li key={indicator.id} className="indicator-item" data-indicator-code={indicator.code}>
            <p>
              <span className="node-code">{indicator.code}</span>{" "}
              <strong>{pickLocalized(locale, indicator.nameTh, indicator.nameEn)}</strong>
              <span className="muted small">
                {" "}
                · {t(`planEdit.aggregations.${aggregationKey(indicator.aggregation)}`)}
                {indicator.unit && ` · ${indicator.unit}`}
                {indicator.baselineValue !== null &&
                  ` · ${t("planEdit.baselineValue")}: ${indicator.baselineValue}${indicator.baselinePeriod ? ` (${periodOptionLabel(indicator.baselinePeriod, locale)})` : ""}`}
              </span>
            </p>
            <div
              className="button-row"
              role="group"
              aria-label={t("planEdit.indicatorActions", { code: indicator.code })}
            >
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => setEditing({ what: "indicator", id: indicator.id })}
              >
                {t("common.edit")}
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={index === 0 || move.isPending}
                onClick={() => move.mutate({ indicatorId: indicator.id, position: index - 1 })}
              >
                {t("planEdit.moveUp")}
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={index === node.indicators.length - 1 || move.isPending}
                onClick={() => move.mutate({ indicatorId: indicator.id, position: index + 1 })}
              >
                {t("planEdit.moveDown")}
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => setEditing({ what: "newTarget", indicatorId: indicator.id })}
              >
                {t("planEdit.addTarget")}
              </button>
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => setEditing({ what: "deleteIndicator", id: indicator.id })}
              >
                {t("planEdit.delete")}
              </button>
            </div>
            {editing.what === "deleteIndicator" && editing.id === indicator.id && (
              <div className="alert alert-warning" role="alertdialog" aria-label={t("planEdit.confirmDeleteTitle")}>
                <p>{t("planEdit.confirmDeleteIndicator", { code: indicator.code })}</p>
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button-danger"
                    disabled={removeIndicator.isPending}
                    onClick={() => removeIndicator.mutate(indicator.id, { onSuccess: done })}
                  >
                    {t("planEdit.confirmDeleteButton")}
                  </button>
                  <button type="button" className="button button-secondary" onClick={done}>
                    {t("common.cancel")}
                  </button>
                </div>
              </div>
            )}
            {editing.what === "indicator" && editing.id === indicator.id && (
              <IndicatorForm nodeId={node.id} indicator={indicator} span={span} onDone={done} />
            )}
            <TargetList
              indicator={indicator}
              editing={editing}
              setEditing={setEditing}
              onDelete={(id) => removeTarget.mutate(id)}
              deleting={removeTarget.isPending}
              span={span}
            />
            {editing.what === "newTarget" && editing.indicatorId === indicator.id && (
              <TargetForm indicatorId={indicator.id} target={null} span={span} onDone={done} />
            )}
          </li>
        ))}
      </ol>
      {editing.what === "newIndicator" ? (
        <IndicatorForm nodeId={node.id} indicator={null} span={span} onDone={done} />
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setEditing({ what: "newIndicator" })}>
          {t("planEdit.addIndicator")}
        </button>
      )}
    </section>
  );
}

const AGGREGATION_KEYS = ["sum", "mean", "weighted_mean", "ratio", "none"] as const;
function aggregationKey(value: string): (typeof AGGREGATION_KEYS)[number] {
  return AGGREGATION_KEYS.find((key) => key === value) ?? "none";
}

interface TargetListProps {
  indicator: Indicator;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  onDelete: (targetId: number) => void;
  deleting: boolean;
  span: FiscalSpan;
}

function TargetList({ indicator, editing, setEditing, onDelete, deleting, span }: TargetListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (indicator.targets.length === 0) return <p className="muted small">{t("planEdit.noTargets")}</p>;
  const label = (target: IndicatorTarget) =>
    target.labels
      ? locale === "th"
        ? target.labels.th
        : target.labels.en
      : pickLocalized(locale, target.textTh, target.textEn);
  // A period key in the interface's calendar; a source document's own wording as written.
  const periodText = (target: IndicatorTarget) =>
    target.periodKey ? periodOptionLabel(target.periodKey, locale) : (target.period ?? t("plans.wholePlan"));
  return (
    <ul className="target-list">
      {indicator.targets.map((target) => (
        <li key={target.id} data-target-kind={target.kind ?? ""}>
          <span className="target-period">{periodText(target)}</span>
          {target.orgUnitType && (
            <span className="muted small">
              {" "}
              ({t(`planEdit.orgUnits.${orgUnitKey(target.orgUnitType)}`)} {target.orgUnitCode})
            </span>
          )}{" "}
          <span className="target-label">{label(target)}</span>
          {target.needsThreshold && (
            <span className="status-badge status-draft"> {t("planEdit.needsThreshold")}</span>
          )}{" "}
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setEditing({ what: "target", indicatorId: indicator.id, id: target.id })}
          >
            {t("common.edit")}
          </button>{" "}
          <ConfirmButton
            label={t("planEdit.delete")}
            accessibleLabel={t("planEdit.deleteTarget")}
            question={t("planEdit.confirmDeleteTarget", {
              period: periodText(target),
              label: label(target),
            })}
            confirmLabel={t("planEdit.confirmDeleteButton")}
            pending={deleting}
            onConfirm={() => onDelete(target.id)}
          />
          {editing.what === "target" && editing.id === target.id && (
            <TargetForm
              indicatorId={indicator.id}
              target={target}
              span={span}
              onDone={() => setEditing({ what: "none" })}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

const ORG_UNIT_KEYS = ["nation", "region", "provincial_cluster", "province", "cluster", "programme"] as const;
function orgUnitKey(value: string): (typeof ORG_UNIT_KEYS)[number] {
  return ORG_UNIT_KEYS.find((key) => key === value) ?? "nation";
}
