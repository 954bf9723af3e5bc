import { mayServe, planLevels, type Actor } from "@sainam/core";
import { audit, nowIso, plans, type DB, type PlanRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { keepNameInOneLanguage } from "../names/names.ts";
import { can } from "../policies/policy.ts";
import { presentNode } from "./plan.presenter.ts";
import type { CreateNodeBody, MoveNodeBody, UpdateNodeBody } from "@sainam/contract";
import { actorId, editablePlan, readablePlan } from "./plan.service.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Checks a cross-plan link: the served node exists, its plan is readable by the actor and of a strictly
 * higher level than the serving node's plan (national strategy > agency programme > provincial-cluster plan >
 * cluster plan).
 */
async function checkServes(db: Executor, actor: Actor, plan: PlanRow, servesNodeId: number): Promise<void> {
  // The national strategy is the top level: nothing is above it to link to.
  if (!planLevels.some((higher) => mayServe(plan.level, higher))) {
    throw errors.validation(
      "servesNodeId",
      `a ${plan.level.replaceAll("_", " ")} is the top level: there is no higher plan for its nodes to serve`,
      "no_higher_plan",
      { level: plan.level },
    );
  }
  const target = await plans.findNodeWithPlan(db, servesNodeId);
  const visible =
    target !== undefined &&
    can(actor, "read", {
      type: "plan",
      ownerAgencyId: target.plan_owner_agency_id,
      clusterId: target.plan_cluster_id,
      published: target.plan_published === 1,
    });
  if (!target || !visible)
    throw errors.validation("servesNodeId", `no plan node ${servesNodeId}`, "not_found", { id: servesNodeId });
  if (!mayServe(plan.level, target.plan_level)) {
    throw errors.validation(
      "servesNodeId",
      `a node of a ${plan.level} plan may serve only a node of a higher-level plan, not of a ${target.plan_level} plan`,
      "not_higher_level",
      { level: plan.level, targetLevel: target.plan_level },
    );
  }
}

async function nodeOf(db: Executor, planId: number, nodeId: number) {
  const node = await plans.findPlanNode(db, planId, nodeId);
  if (!node) throw errors.notFound("plan node", nodeId);
  return node;
}

export async function createNode(ctx: AppContext, actor: Actor, planId: number, input: CreateNodeBody) {
  const { db } = ctx.database;
  const plan = await editablePlan(db, actor, planId);
  const parentId = input.parentId ?? null;
  if (parentId !== null && !(await plans.findPlanNode(db, planId, parentId)))
    throw errors.validation("parentId", `no node ${parentId} in this plan`, "not_found", { id: parentId });
  if (input.servesNodeId != null) await checkServes(db, actor, plan, input.servesNodeId);
  return db.transaction().execute(async (trx) => {
    if (await plans.nodeCodeTaken(trx, planId, input.code))
      throw errors.conflict(`Code ${input.code} is already used in this plan.`, "code", "duplicate");
    const siblings = await plans.siblings(trx, planId, parentId);
    const position = Math.min(input.position ?? siblings.length, siblings.length);
    const node = await plans.insertPlanNode(trx, {
      plan_id: planId,
      parent_id: parentId,
      kind: input.kind,
      code: input.code,
      position,
      title_en: input.titleEn ?? null,
      title_th: input.titleTh ?? null,
      body_en: input.bodyEn ?? null,
      body_th: input.bodyTh ?? null,
      serves_node_id: input.servesNodeId ?? null,
      updated_at: nowIso(),
    });
    const order = siblings.map((s) => s.id);
    order.splice(position, 0, node.id);
    await plans.renumber(trx, order);
    const after = await nodeOf(trx, planId, node.id);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "plan_node.create",
      entityType: "plan_node",
      entityId: node.id,
      after: presentNode(after),
    });
    return presentNode(after);
  });
}

export async function updateNode(ctx: AppContext, actor: Actor, planId: number, nodeId: number, input: UpdateNodeBody) {
  const { db } = ctx.database;
  const plan = await editablePlan(db, actor, planId);
  const before = await nodeOf(db, planId, nodeId);
  if (input.servesNodeId != null) await checkServes(db, actor, plan, input.servesNodeId);
  keepNameInOneLanguage(
    { th: "titleTh", en: "titleEn" },
    { th: before.title_th, en: before.title_en },
    { th: input.titleTh, en: input.titleEn },
  );
  return db.transaction().execute(async (trx) => {
    if (input.code !== undefined && (await plans.nodeCodeTaken(trx, planId, input.code, nodeId))) {
      throw errors.conflict(`Code ${input.code} is already used in this plan.`, "code", "duplicate");
    }
    const after = await plans.updatePlanNode(trx, nodeId, {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.code !== undefined && { code: input.code }),
      ...(input.titleEn !== undefined && { title_en: input.titleEn }),
      ...(input.titleTh !== undefined && { title_th: input.titleTh }),
      ...(input.bodyEn !== undefined && { body_en: input.bodyEn }),
      ...(input.bodyTh !== undefined && { body_th: input.bodyTh }),
      ...(input.servesNodeId !== undefined && { serves_node_id: input.servesNodeId }),
      updated_at: nowIso(),
    });
    if (!after) throw errors.notFound("plan node", nodeId);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "plan_node.update",
      entityType: "plan_node",
      entityId: nodeId,
      before: presentNode(before),
      after: presentNode(after),
    });
    return presentNode(after);
  });
}

/**
 * Deletes a node and everything below it (nodes, indicators, targets). Refused while anything depends on the
 * subtree: values recorded against its indicators, activities recorded against its nodes, or nodes of other
 * plans that serve it — those are history and links others keep, not ours to drop silently.
 */
export async function deleteNode(ctx: AppContext, actor: Actor, planId: number, nodeId: number) {
  const { db } = ctx.database;
  await editablePlan(db, actor, planId);
  const node = await nodeOf(db, planId, nodeId);
  return db.transaction().execute(async (trx) => {
    const ids = await plans.subtreeIds(trx, planId, nodeId);
    const dependents = await plans.nodeDependents(trx, ids);
    if (dependents.values > 0)
      throw errors.conflict(
        `Values are recorded against ${dependents.values} indicator value(s) in this branch; it cannot be deleted.`,
        "",
        "has_values",
        { count: dependents.values },
      );
    if (dependents.activities > 0)
      throw errors.conflict(
        `${dependents.activities} activity record(s) refer to this branch; it cannot be deleted.`,
        "",
        "has_activities",
        { count: dependents.activities },
      );
    if (dependents.servedBy > 0)
      throw errors.conflict(
        `${dependents.servedBy} node(s) of other plans serve this branch; unlink them first.`,
        "",
        "served_by",
        { count: dependents.servedBy },
      );
    await plans.deleteNodes(trx, ids);
    await plans.renumber(
      trx,
      (await plans.siblings(trx, planId, node.parent_id)).map((s) => s.id),
    );
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "plan_node.delete",
      entityType: "plan_node",
      entityId: nodeId,
      before: { ...presentNode(node), subtreeNodes: ids.length },
    });
    return { ok: true as const, deletedNodes: ids.length };
  });
}

/** Moves a node under another parent of the same plan (null: to the roots) at a position; positions stay dense. */
export async function moveNode(ctx: AppContext, actor: Actor, planId: number, nodeId: number, input: MoveNodeBody) {
  const { db } = ctx.database;
  await editablePlan(db, actor, planId);
  const before = await nodeOf(db, planId, nodeId);
  return db.transaction().execute(async (trx) => {
    if (input.parentId !== null) {
      if (!(await plans.findPlanNode(trx, planId, input.parentId)))
        throw errors.validation("parentId", `no node ${input.parentId} in this plan`, "not_found", {
          id: input.parentId,
        });
      const below = await plans.subtreeIds(trx, planId, nodeId);
      if (below.includes(input.parentId))
        throw errors.conflict("A node cannot be moved under itself or one of its descendants.", "parentId", "cycle");
    }
    const oldSiblings = (await plans.siblings(trx, planId, before.parent_id))
      .map((s) => s.id)
      .filter((id) => id !== nodeId);
    const newSiblings =
      input.parentId === before.parent_id
        ? oldSiblings
        : (await plans.siblings(trx, planId, input.parentId)).map((s) => s.id);
    const position = Math.min(input.position, newSiblings.length);
    newSiblings.splice(position, 0, nodeId);
    await plans.updatePlanNode(trx, nodeId, { parent_id: input.parentId, updated_at: nowIso() });
    if (input.parentId !== before.parent_id) await plans.renumber(trx, oldSiblings);
    await plans.renumber(trx, newSiblings);
    const after = await nodeOf(trx, planId, nodeId);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "plan_node.move",
      entityType: "plan_node",
      entityId: nodeId,
      before: presentNode(before),
      after: presentNode(after),
    });
    return presentNode(after);
  });
}

type TraceStep = {
  nodeId: number;
  kind: string;
  code: string;
  titleEn: string | null;
  titleTh: string | null;
  planId: number;
  planCode: string;
  planLevel: string;
  planTitleEn: string | null;
  planTitleTh: string | null;
  via: "start" | "parent" | "serves";
};

/**
 * The chain from a node to the top: up through its parents until a node serves a node of a higher plan, then
 * on from that node, and so on (activity → project → cluster strategy → serves MOC sub-strategy 4.1 →
 * strategy 4). Stops, marked truncated, where the next plan is one the caller may not read.
 */
export async function traceNode(ctx: AppContext, actor: Actor, nodeId: number) {
  const { db } = ctx.database;
  const start = await plans.findNodeWithPlan(db, nodeId);
  if (!start) throw errors.notFound("plan node", nodeId);
  await readablePlan(db, actor, start.plan_id).catch(() => {
    throw errors.notFound("plan node", nodeId);
  });
  const items: TraceStep[] = [];
  const seen = new Set<number>();
  let truncated = false;
  let current: typeof start | undefined = start;
  let via: TraceStep["via"] = "start";
  while (current && !seen.has(current.id)) {
    const readable = can(actor, "read", {
      type: "plan",
      ownerAgencyId: current.plan_owner_agency_id,
      clusterId: current.plan_cluster_id,
      published: current.plan_published === 1,
    });
    if (!readable) {
      truncated = true;
      break;
    }
    seen.add(current.id);
    items.push({
      nodeId: current.id,
      kind: current.kind,
      code: current.code,
      titleEn: current.title_en,
      titleTh: current.title_th,
      planId: current.plan_id,
      planCode: current.plan_code,
      planLevel: current.plan_level,
      planTitleEn: current.plan_title_en,
      planTitleTh: current.plan_title_th,
      via,
    });
    const nextId: number | null = current.serves_node_id ?? current.parent_id;
    via = current.serves_node_id !== null ? "serves" : "parent";
    current = nextId === null ? undefined : await plans.findNodeWithPlan(db, nextId);
  }
  return { items, truncated };
}
