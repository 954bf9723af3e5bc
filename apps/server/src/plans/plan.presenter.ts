import { formatTarget, isTarget, type Target } from "@sainam/core";
import type { IndicatorRow, IndicatorTargetRow, PlanNodeRow, PlanRow } from "@sainam/db";
import type { z } from "zod";
import type { indicatorViewSchema, targetViewSchema } from "@sainam/contract";

export function presentPlan(p: PlanRow) {
  return {
    id: p.id,
    code: p.code,
    titleEn: p.title_en,
    titleTh: p.title_th,
    descriptionEn: p.description_en,
    descriptionTh: p.description_th,
    level: p.level,
    ownerAgencyId: p.owner_agency_id,
    clusterId: p.cluster_id,
    provincialClusterId: p.provincial_cluster_id,
    programmeId: p.programme_id,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    status: p.status,
    version: p.version,
    previousVersionId: p.previous_version_id,
    published: p.published === 1,
    approvalLevels: p.approval_levels,
  };
}
export type PlanView = ReturnType<typeof presentPlan>;

export function presentNode(n: PlanNodeRow) {
  return {
    id: n.id,
    planId: n.plan_id,
    parentId: n.parent_id,
    position: n.position,
    kind: n.kind,
    code: n.code,
    titleEn: n.title_en,
    titleTh: n.title_th,
    bodyEn: n.body_en,
    bodyTh: n.body_th,
    servesNodeId: n.serves_node_id,
  };
}

/** A stored target's structure, or null when absent or (never expected) not a well-formed Target. */
export function storedTarget(json: string | null): Target | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return isTarget(value) ? value : null;
}

export function targetLabels(target: Target | null): { en: string; th: string } | null {
  return target === null ? null : { en: formatTarget(target, "en"), th: formatTarget(target, "th") };
}

export type TargetView = z.infer<typeof targetViewSchema>;

export function presentTarget(t: IndicatorTargetRow): TargetView {
  const target = storedTarget(t.target_json);
  return {
    id: t.id,
    indicatorId: t.indicator_id,
    periodKey: t.period_key,
    period: t.period_label,
    orgUnitType: t.org_unit_type,
    orgUnitCode: t.org_unit_code,
    textEn: t.text_en,
    textTh: t.text_th,
    target,
    kind: target?.kind ?? null,
    labels: targetLabels(target),
    needsThreshold: target?.kind === "direction" && target.threshold === null,
  };
}

function disaggregationsOf(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((d): d is string => typeof d === "string") : [];
}

export type IndicatorView = z.infer<typeof indicatorViewSchema>;

export function presentIndicator(
  i: IndicatorRow,
  planId: number,
  targets: readonly IndicatorTargetRow[],
): IndicatorView {
  return {
    id: i.id,
    nodeId: i.plan_node_id,
    planId,
    position: i.position,
    code: i.code,
    nameEn: i.name_en,
    nameTh: i.name_th,
    unit: i.unit,
    direction: i.direction,
    aggregation: i.aggregation,
    ratioScale: i.ratio_scale,
    baselineValue: i.baseline_value,
    baselinePeriod: i.baseline_period,
    disaggregations: disaggregationsOf(i.disaggregations_json),
    decimals: i.decimals,
    descriptionEn: i.description_en,
    descriptionTh: i.description_th,
    computedFrom: i.computed_from,
    targets: targets.map(presentTarget),
  };
}

export type PlanNodeView = ReturnType<typeof presentNode> & { indicators: IndicatorView[]; children: PlanNodeView[] };

/** Assembles the flat rows of a plan into its tree, siblings in position order. */
export function assembleTree(
  planId: number,
  nodes: readonly PlanNodeRow[],
  indicators: readonly IndicatorRow[],
  targets: readonly IndicatorTargetRow[],
): PlanNodeView[] {
  const targetsByIndicator = new Map<number, IndicatorTargetRow[]>();
  for (const t of targets) {
    const list = targetsByIndicator.get(t.indicator_id) ?? [];
    list.push(t);
    targetsByIndicator.set(t.indicator_id, list);
  }
  const indicatorsByNode = new Map<number, IndicatorView[]>();
  for (const i of indicators) {
    const list = indicatorsByNode.get(i.plan_node_id) ?? [];
    list.push(presentIndicator(i, planId, targetsByIndicator.get(i.id) ?? []));
    indicatorsByNode.set(i.plan_node_id, list);
  }
  const views = new Map<number, PlanNodeView>();
  for (const n of nodes)
    views.set(n.id, { ...presentNode(n), indicators: indicatorsByNode.get(n.id) ?? [], children: [] });
  const roots: PlanNodeView[] = [];
  for (const n of nodes) {
    const view = views.get(n.id);
    if (!view) continue;
    const parent = n.parent_id === null ? undefined : views.get(n.parent_id);
    if (parent) parent.children.push(view);
    else roots.push(view);
  }
  return roots;
}
