import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import type { Indicator, PlanDetail, PlanNode } from "../model";
import { IndicatorEditor } from "./IndicatorEditor";
import { NodeToolbar } from "./NodeToolbar";
import { TracePanel } from "./TracePanel";
import { useTargetText } from "./TargetView";
import { useNodeKindLabel, useNodeTitle } from "./useNodeLabel";
import { TableScroll } from "../../../components/TableScroll";

interface NodeDetailProps {
  node: PlanNode;
  /** The plan the node is in; its `canEdit` (the server's answer) decides whether edit controls show. */
  plan?: PlanDetail;
  onDeleted?: () => void;
}

/** The selected node: its kind, title, body, how it traces up, and its indicators with their targets. */
export function NodeDetail({ node, plan, onDeleted }: NodeDetailProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kindLabel = useNodeKindLabel();
  const title = useNodeTitle();
  const body = pickLocalized(locale, node.bodyTh, node.bodyEn);

  return (
    <article className="node-detail" aria-labelledby="node-heading" data-detail-node-code={node.code}>
      <p className="eyebrow">
        <span className={`kind-badge kind-${node.kind}`}>{kindLabel(node.kind)}</span>
        {node.code && <span className="node-code">{node.code}</span>}
      </p>
      <h2 id="node-heading" tabIndex={-1}>
        {title(node)}
      </h2>
      {body ? (
        body
          .split(/\n{2,}|\r?\n/)
          .filter((paragraph) => paragraph.trim() !== "")
          .map((paragraph, index) => <p key={index}>{paragraph}</p>)
      ) : (
        <p className="muted">{t("plans.noBody")}</p>
      )}
      {node.children.length > 0 && (
        <p className="muted small">{t("plans.children", { count: node.children.length, n: node.children.length })}</p>
      )}
      {plan?.canEdit && (
        <NodeToolbar
          planId={plan.id}
          planLevel={plan.level}
          nodes={plan.nodes}
          node={node}
          onDeleted={onDeleted ?? (() => {})}
        />
      )}
      <TracePanel nodeId={node.id} />
      {plan?.canEdit ? (
        <IndicatorEditor node={node} plan={plan} />
      ) : (
        <section aria-labelledby="indicators-heading">
          <h3 id="indicators-heading">{t("plans.indicators")}</h3>
          {node.indicators.length === 0 ? (
            <p className="state state-empty">{t("plans.noIndicators")}</p>
          ) : (
            <IndicatorTable indicators={node.indicators} />
          )}
        </section>
      )}
    </article>
  );
}

function IndicatorTable({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const targetText = useTargetText();
  // Most plans set one target for the whole period; a period column only earns its width when targets differ.
  const showPeriod = indicators.some((indicator) => indicator.targets.some((target) => target.period));
  return (
    <TableScroll label={t("plans.indicators")}>
      <table className="table indicator-table">
        <caption className="visually-hidden">{t("plans.indicators")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("plans.indicator")}</th>
            {showPeriod && <th scope="col">{t("plans.targetPeriod")}</th>}
            <th scope="col">{t("plans.targetText")}</th>
            <th scope="col">{t("plans.targetStructured")}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.flatMap((indicator) => {
            const name = pickLocalized(locale, indicator.nameTh, indicator.nameEn);
            const targets = indicator.targets.length > 0 ? indicator.targets : [null];
            return targets.map((target, index) => {
              const text = target ? pickLocalized(locale, target.textTh, target.textEn) : "";
              const structured = target ? targetText(target.target) : null;
              return (
                <tr key={`${indicator.id}-${target?.id ?? "none"}`} data-indicator-code={indicator.code}>
                  {index === 0 && (
                    <th scope="row" rowSpan={targets.length}>
                      {indicator.code && <span className="node-code">{indicator.code}</span>} {name}
                      {indicator.unit && (
                        <span className="indicator-unit">
                          {t("plans.unit")}: {indicator.unit}
                        </span>
                      )}
                    </th>
                  )}
                  {showPeriod && <td>{target?.period || t("plans.wholePlan")}</td>}
                  <td>{text || t("common.none")}</td>
                  <td className="target-structured">
                    {structured ?? (
                      <span className="muted">
                        {target && target.target === null ? t("plans.notStructured") : text || t("common.none")}
                      </span>
                    )}
                  </td>
                </tr>
              );
            });
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
