import type { Actor } from "@sainam/core";
import { audit, nowIso, plans, type PlanNodeRow, type PlanRow } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize } from "../policies/policy.ts";

export function presentPlan(p: PlanRow) {
  return {
    id: p.id,
    code: p.code,
    titleEn: p.title_en,
    titleTh: p.title_th,
    level: p.level,
    ownerAgencyId: p.owner_agency_id,
    periodStart: p.period_start,
    periodEnd: p.period_end,
  };
}

function presentNodeFields(n: PlanNodeRow) {
  return { id: n.id, kind: n.kind, code: n.code, titleEn: n.title_en, titleTh: n.title_th, bodyEn: n.body_en, bodyTh: n.body_th };
}

export type TargetView = { id: number; period: string | null; textEn: string; textTh: string | null; target: unknown };
export type IndicatorView = { id: number; code: string; nameEn: string; nameTh: string | null; unit: string | null; targets: TargetView[] };
export type PlanNodeView = ReturnType<typeof presentNodeFields> & { indicators: IndicatorView[]; children: PlanNodeView[] };

export async function listPlans(ctx: AppContext, actor: Actor) {
  authorize(actor, "list", { type: "reference" });
  return (await plans.listPlans(ctx.database.db)).map(presentPlan);
}

/** A plan with its whole tree: nodes in order, each with its indicators and their targets. */
export async function getPlanTree(ctx: AppContext, actor: Actor, id: number) {
  const { db } = ctx.database;
  const plan = await plans.findPlan(db, id);
  if (!plan) throw errors.notFound("plan", id);
  authorize(actor, "read", { type: "plan", ownerAgencyId: plan.owner_agency_id });
  const { nodes, indicators, targets } = await plans.loadPlanContents(db, id);

  const targetsByIndicator = new Map<number, TargetView[]>();
  for (const t of targets) {
    const list = targetsByIndicator.get(t.indicator_id) ?? [];
    list.push({ id: t.id, period: t.period_label, textEn: t.text_en, textTh: t.text_th, target: t.target_json ? JSON.parse(t.target_json) : null });
    targetsByIndicator.set(t.indicator_id, list);
  }
  const indicatorsByNode = new Map<number, IndicatorView[]>();
  for (const i of indicators) {
    const list = indicatorsByNode.get(i.plan_node_id) ?? [];
    list.push({ id: i.id, code: i.code, nameEn: i.name_en, nameTh: i.name_th, unit: i.unit, targets: targetsByIndicator.get(i.id) ?? [] });
    indicatorsByNode.set(i.plan_node_id, list);
  }
  const views = new Map<number, PlanNodeView>();
  for (const n of nodes) views.set(n.id, { ...presentNodeFields(n), indicators: indicatorsByNode.get(n.id) ?? [], children: [] });
  const roots: PlanNodeView[] = [];
  for (const n of nodes) {
    const view = views.get(n.id);
    if (!view) continue;
    const parent = n.parent_id === null ? undefined : views.get(n.parent_id);
    if (parent) parent.children.push(view);
    else roots.push(view);
  }
  return { ...presentPlan(plan), nodes: roots };
}

export async function updatePlanNode(
  ctx: AppContext,
  actor: Actor,
  planId: number,
  nodeId: number,
  input: { titleEn?: string | undefined; titleTh?: string | null | undefined; bodyEn?: string | null | undefined; bodyTh?: string | null | undefined },
) {
  const { db } = ctx.database;
  const plan = await plans.findPlan(db, planId);
  if (!plan) throw errors.notFound("plan", planId);
  authorize(actor, "update", { type: "plan", ownerAgencyId: plan.owner_agency_id });
  const before = await plans.findPlanNode(db, planId, nodeId);
  if (!before) throw errors.notFound("plan node", nodeId);
  const patch: { title_en?: string; title_th?: string | null; body_en?: string | null; body_th?: string | null; updated_at: string } = { updated_at: nowIso() };
  if (input.titleEn !== undefined) patch.title_en = input.titleEn;
  if (input.titleTh !== undefined) patch.title_th = input.titleTh;
  if (input.bodyEn !== undefined) patch.body_en = input.bodyEn;
  if (input.bodyTh !== undefined) patch.body_th = input.bodyTh;
  return db.transaction().execute(async (trx) => {
    const after = await plans.updatePlanNode(trx, nodeId, patch);
    if (!after) throw errors.notFound("plan node", nodeId);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "plan_node.update",
      entityType: "plan_node",
      entityId: nodeId,
      before: presentNodeFields(before),
      after: presentNodeFields(after),
    });
    return presentNodeFields(after);
  });
}
