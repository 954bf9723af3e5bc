import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { QueryState } from "../../../components/QueryState";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { findNode, type PlanDetail, type PlanNode } from "../model";
import { usePlan } from "../queries";
import { NodeDetail } from "./NodeDetail";
import { NodeForm } from "./NodeForm";
import { PlanMeta } from "./PlanMeta";
import { PlanSettings, VersionsPanel } from "./PlanSettings";
import { PlanStatusBadge } from "./PlanStatusBadge";
import { PlanReportDownloads } from "./PlanReportDownloads";
import { PlanTree } from "./PlanTree";

interface PlanViewProps {
  id: string;
  agencyName?: (id: string) => string | null;
}

export function PlanView({ id, agencyName }: PlanViewProps) {
  const plan = usePlan(id);
  return <QueryState query={plan}>{(data) => <PlanLoaded plan={data} agencyName={agencyName} />}</QueryState>;
}

function PlanLoaded({ plan, agencyName }: { plan: PlanDetail; agencyName?: (id: string) => string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const title = pickLocalized(locale, plan.titleTh, plan.titleEn);
  useDocumentTitle(title);
  const selectedKey = params.get("node");
  const selected = selectedKey ? findNode(plan.nodes, selectedKey) : null;

  const detailRef = useRef<HTMLElement>(null);
  const [addingRoot, setAddingRoot] = useState(false);
  const select = (node: PlanNode) => {
    const next = new URLSearchParams(params);
    next.set("node", String(node.id));
    setParams(next, { replace: true });
    // On narrow screens the details sit below a long tree; bring them into view.
    if (window.matchMedia("(max-width: 900px)").matches) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      requestAnimationFrame(() => detailRef.current?.scrollIntoView({ behavior: smooth ? "smooth" : "auto" }));
    }
  };

  return (
    <article className="plan">
      <h1>{title}</h1>
      <p className="muted small">
        {plan.code} · {t("planEdit.versionN", { n: plan.version })} ·{" "}
        <PlanStatusBadge status={plan.status} published={plan.published} />
        {plan.canEdit && <span className="edit-flag"> · {t("planEdit.youCanEdit")}</span>}
      </p>
      <PlanMeta
        level={plan.level}
        periodStart={plan.periodStart}
        periodEnd={plan.periodEnd}
        ownerName={agencyName ? agencyName(String(plan.ownerAgencyId)) : null}
      />
      <PlanReportDownloads planId={plan.id} periodStart={plan.periodStart} periodEnd={plan.periodEnd} />
      <div className="plan-layout">
        <section className="plan-structure" aria-labelledby="structure-heading">
          <h2 id="structure-heading">{t("plans.structure")}</h2>
          {plan.canEdit &&
            (addingRoot ? (
              <NodeForm planId={plan.id} node={null} parentId={null} onDone={() => setAddingRoot(false)} />
            ) : (
              <p>
                <button
                  type="button"
                  className="button button-small button-primary"
                  onClick={() => setAddingRoot(true)}
                >
                  {t("planEdit.addRoot")}
                </button>
              </p>
            ))}
          {plan.nodes.length === 0 ? (
            <p className="state state-empty">{t("common.empty")}</p>
          ) : (
            <PlanTree
              nodes={plan.nodes}
              label={t("plans.treeLabel", { title })}
              selectedId={selected?.id ?? null}
              onSelect={select}
            />
          )}
        </section>
        <section className="plan-detail" aria-label={t("common.details")} ref={detailRef}>
          {selected ? (
            <NodeDetail
              key={selected.id}
              node={selected}
              plan={plan}
              onDeleted={() => {
                const next = new URLSearchParams(params);
                next.delete("node");
                setParams(next, { replace: true });
              }}
            />
          ) : (
            <p className="state state-empty">{t("plans.selectNode")}</p>
          )}
        </section>
      </div>
      {plan.canEdit && (
        <PlanSettings key={`${plan.status}-${String(plan.published)}-${plan.approvalLevels}`} plan={plan} />
      )}
      <VersionsPanel plan={plan} />
      <p>
        <Link to="/plans">{t("common.backTo", { page: t("plans.backToList") })}</Link>
      </p>
    </article>
  );
}
