import type { Actor } from "@sainam/core";
import {
  audit,
  clusters,
  indicators as indicatorRepo,
  nowIso,
  plans,
  programmes,
  reference,
  type DB,
  type PlanRow,
} from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { keepNameInOneLanguage } from "../names/names.ts";
import { authorize, can, planVisibility, type Resource } from "../policies/policy.ts";
import { assembleTree, presentPlan } from "./plan.presenter.ts";
import type { CreatePlanBody, ListPlansQuery, NewVersionBody, UpdatePlanBody } from "@sainam/contract";

type Executor = Kysely<DB> | Transaction<DB>;

export function planResource(plan: Pick<PlanRow, "owner_agency_id" | "cluster_id" | "published">): Resource {
  return {
    type: "plan",
    ownerAgencyId: plan.owner_agency_id,
    clusterId: plan.cluster_id,
    published: plan.published === 1,
  };
}

export function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

/** The plan, if the actor may read it; 404 for a plan they may not see, so its existence is not revealed. */
export async function readablePlan(db: Executor, actor: Actor, planId: number): Promise<PlanRow> {
  const plan = await plans.findPlan(db, planId);
  if (!plan || !can(actor, "read", planResource(plan))) throw errors.notFound("plan", planId);
  return plan;
}

/** The plan, if the actor may edit it (its tree, indicators and targets). */
export async function editablePlan(db: Executor, actor: Actor, planId: number): Promise<PlanRow> {
  const plan = await readablePlan(db, actor, planId);
  authorize(actor, "update", planResource(plan));
  return plan;
}

export async function listPlans(ctx: AppContext, actor: Actor, query: ListPlansQuery) {
  const { items, total } = await plans.listPlans(ctx.database.db, {
    level: query.level,
    agencyId: query.agency,
    clusterId: query.cluster,
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
    visibility: planVisibility(actor),
  });
  return { items: items.map(presentPlan), total, page: query.page, pageSize: query.pageSize };
}

/** A plan with its whole tree (nodes in order, each with its indicators and their targets) and whether the caller may edit it. */
export async function getPlanTree(ctx: AppContext, actor: Actor, id: number) {
  const { db } = ctx.database;
  const plan = await readablePlan(db, actor, id);
  const { nodes, indicators, targets } = await plans.loadPlanContents(db, id);
  return {
    ...presentPlan(plan),
    canEdit: can(actor, "update", planResource(plan)),
    nodes: assembleTree(plan.id, nodes, indicators, targets),
  };
}

/**
 * What the policy needs to place a plan (create it, move it to a cluster, version it): its owner agency, its
 * cluster and that cluster's coordinating agency (a cluster plan is owned by it).
 */
async function placement(
  db: Executor,
  ownerAgencyId: number,
  clusterId: number | null,
  published: boolean,
): Promise<Resource> {
  const cluster = clusterId === null ? undefined : await clusters.findCluster(db, clusterId);
  return {
    type: "plan",
    ownerAgencyId,
    clusterId,
    published,
    clusterAgencyId: cluster ? cluster.coordinating_agency_id : undefined,
  };
}

async function checkReferences(
  db: Executor,
  actor: Actor,
  input: {
    ownerAgencyId?: number | undefined;
    clusterId?: number | null | undefined;
    provincialClusterId?: number | null | undefined;
    programmeId?: number | null | undefined;
  },
): Promise<void> {
  if (input.ownerAgencyId !== undefined && !(await reference.findAgency(db, input.ownerAgencyId))) {
    throw errors.validation("ownerAgencyId", "no such agency", "not_found", { id: input.ownerAgencyId });
  }
  // A cluster or programme the caller may not see is refused as if it did not exist.
  if (typeof input.clusterId === "number") {
    const cluster = await clusters.findCluster(db, input.clusterId);
    if (
      !cluster ||
      !can(actor, "read", {
        type: "cluster",
        clusterId: cluster.id,
        coordinatingAgencyId: cluster.coordinating_agency_id,
        published: cluster.published === 1,
      })
    ) {
      throw errors.validation("clusterId", "no such cluster", "not_found", { id: input.clusterId });
    }
  }
  if (
    typeof input.provincialClusterId === "number" &&
    !(await reference.findProvincialCluster(db, input.provincialClusterId))
  ) {
    throw errors.validation("provincialClusterId", "no such provincial cluster", "not_found", {
      id: input.provincialClusterId,
    });
  }
  if (typeof input.programmeId === "number") {
    const programme = await programmes.findProgramme(db, input.programmeId);
    const resource = programme
      ? {
          type: "programme" as const,
          agencyId: programme.agency_id,
          published: programme.published === 1,
          clusterIds: await programmes.clusterIdsOfProgramme(db, programme.id),
        }
      : null;
    if (!resource || !(can(actor, "read", resource) || can(actor, "read_records", resource))) {
      throw errors.validation("programmeId", "no such programme", "not_found", { id: input.programmeId });
    }
  }
}

function checkShape(
  level: string,
  clusterId: number | null,
  provincialClusterId: number | null,
  periodStart: string,
  periodEnd: string,
): void {
  if (level === "cluster_plan" && clusterId === null)
    throw errors.validation("clusterId", "a cluster plan needs its cluster", "required");
  if (level === "provincial_cluster_plan" && provincialClusterId === null) {
    throw errors.validation(
      "provincialClusterId",
      "a provincial-cluster plan needs its provincial cluster",
      "required",
    );
  }
  if (periodEnd < periodStart) throw errors.notBefore("periodEnd", "periodStart");
}

export async function createPlan(ctx: AppContext, actor: Actor, input: CreatePlanBody) {
  const { db } = ctx.database;
  const clusterId = input.clusterId ?? null;
  const published = input.published ?? false;
  await checkReferences(db, actor, input);
  // The owner must be an agency the caller acts for; a cluster plan's owner is the cluster's coordinating agency.
  authorize(actor, "create", await placement(db, input.ownerAgencyId, clusterId, published));
  const provincialClusterId = input.provincialClusterId ?? null;
  checkShape(input.level, clusterId, provincialClusterId, input.periodStart, input.periodEnd);
  return db.transaction().execute(async (trx) => {
    if (await plans.findPlanByCode(trx, input.code))
      throw errors.conflict(`A plan with code ${input.code} exists.`, "code", "duplicate");
    const now = nowIso();
    const plan = await plans.insertPlan(trx, {
      code: input.code,
      title_en: input.titleEn ?? null,
      title_th: input.titleTh ?? null,
      description_en: input.descriptionEn ?? null,
      description_th: input.descriptionTh ?? null,
      level: input.level,
      owner_agency_id: input.ownerAgencyId,
      cluster_id: clusterId,
      provincial_cluster_id: provincialClusterId,
      programme_id: input.programmeId ?? null,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      status: input.status ?? "draft",
      version: 1,
      previous_version_id: null,
      published: published ? 1 : 0,
      approval_levels: input.approvalLevels ?? 1,
      created_at: now,
      updated_at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "plan.create",
      entityType: "plan",
      entityId: plan.id,
      after: presentPlan(plan),
    });
    return presentPlan(plan);
  });
}

export async function updatePlan(ctx: AppContext, actor: Actor, planId: number, input: UpdatePlanBody) {
  const { db } = ctx.database;
  const before = await editablePlan(db, actor, planId);
  keepNameInOneLanguage(
    { th: "titleTh", en: "titleEn" },
    { th: before.title_th, en: before.title_en },
    { th: input.titleTh, en: input.titleEn },
  );
  const clusterId = input.clusterId === undefined ? before.cluster_id : input.clusterId;
  await checkReferences(db, actor, input);
  // Moving a plan to another cluster needs the right to place a plan there, with its owner agency.
  if (clusterId !== before.cluster_id)
    authorize(actor, "create", await placement(db, before.owner_agency_id, clusterId, false));
  const provincialClusterId =
    input.provincialClusterId === undefined ? before.provincial_cluster_id : input.provincialClusterId;
  checkShape(
    before.level,
    clusterId,
    provincialClusterId,
    input.periodStart ?? before.period_start,
    input.periodEnd ?? before.period_end,
  );
  return db.transaction().execute(async (trx) => {
    const after = await plans.updatePlan(trx, planId, {
      ...(input.titleEn !== undefined && { title_en: input.titleEn }),
      ...(input.titleTh !== undefined && { title_th: input.titleTh }),
      ...(input.descriptionEn !== undefined && { description_en: input.descriptionEn }),
      ...(input.descriptionTh !== undefined && { description_th: input.descriptionTh }),
      ...(input.periodStart !== undefined && { period_start: input.periodStart }),
      ...(input.periodEnd !== undefined && { period_end: input.periodEnd }),
      ...(input.programmeId !== undefined && { programme_id: input.programmeId }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.published !== undefined && { published: input.published ? 1 : 0 }),
      ...(input.approvalLevels !== undefined && { approval_levels: input.approvalLevels }),
      cluster_id: clusterId,
      provincial_cluster_id: provincialClusterId,
      updated_at: nowIso(),
    });
    if (!after) throw errors.notFound("plan", planId);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "plan.update",
      entityType: "plan",
      entityId: planId,
      before: presentPlan(before),
      after: presentPlan(after),
    });
    return presentPlan(after);
  });
}

/** Every version of the plan's line that the caller may read, oldest first. */
export async function listVersions(ctx: AppContext, actor: Actor, planId: number) {
  const { db } = ctx.database;
  let first = await readablePlan(db, actor, planId);
  const seen = new Set([first.id]);
  while (first.previous_version_id !== null && !seen.has(first.previous_version_id)) {
    const previous = await plans.findPlan(db, first.previous_version_id);
    if (!previous) break;
    seen.add(previous.id);
    first = previous;
  }
  const line: PlanRow[] = [first];
  for (
    let next = await plans.findNextVersion(db, first.id);
    next && !line.some((p) => p.id === next?.id);
    next = await plans.findNextVersion(db, next.id)
  ) {
    line.push(next);
  }
  return { items: line.filter((p) => can(actor, "read", planResource(p))).map(presentPlan) };
}

/**
 * A new version of a plan for another period: version + 1, pointing back at this one, with a copy of the whole
 * tree — nodes (with their links to higher plans), indicators and the targets set for the whole plan period —
 * but not values nor per-period targets, which belong to the old period. Drafted and unpublished until its owner
 * publishes it.
 */
export async function createVersion(ctx: AppContext, actor: Actor, planId: number, input: NewVersionBody) {
  const { db } = ctx.database;
  const source = await editablePlan(db, actor, planId);
  if (input.periodEnd < input.periodStart) throw errors.notBefore("periodEnd", "periodStart");
  const version = source.version + 1;
  const code = input.code ?? `${source.code.replace(/-v\d+$/, "")}-v${version}`;
  return db.transaction().execute(async (trx) => {
    const newer = await plans.findNextVersion(trx, source.id);
    if (newer)
      throw errors.conflict(
        `Plan ${source.code} already has a newer version (${newer.code}); version that one.`,
        "",
        "newer_version",
        { plan: source.code, newer: newer.code },
      );
    if (await plans.findPlanByCode(trx, code))
      throw errors.conflict(`A plan with code ${code} exists.`, "code", "duplicate");
    const now = nowIso();
    const plan = await plans.insertPlan(trx, {
      code,
      title_en: source.title_en,
      title_th: source.title_th,
      description_en: source.description_en,
      description_th: source.description_th,
      level: source.level,
      owner_agency_id: source.owner_agency_id,
      cluster_id: source.cluster_id,
      provincial_cluster_id: source.provincial_cluster_id,
      programme_id: source.programme_id,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      status: "draft",
      version,
      previous_version_id: source.id,
      published: 0,
      approval_levels: source.approval_levels,
      created_at: now,
      updated_at: now,
    });
    const { nodes, indicators, targets } = await plans.loadPlanContents(trx, source.id);
    const newNodeId = new Map<number, number>();
    // Parents are copied before children: nodes come in position order, so walk the tree from the roots.
    const pending = [...nodes];
    while (pending.length) {
      const index = pending.findIndex((n) => n.parent_id === null || newNodeId.has(n.parent_id));
      if (index < 0) break;
      const [n] = pending.splice(index, 1);
      if (!n) break;
      const copy = await plans.insertPlanNode(trx, {
        plan_id: plan.id,
        parent_id: n.parent_id === null ? null : (newNodeId.get(n.parent_id) ?? null),
        kind: n.kind,
        code: n.code,
        position: n.position,
        title_en: n.title_en,
        title_th: n.title_th,
        body_en: n.body_en,
        body_th: n.body_th,
        serves_node_id: n.serves_node_id,
        updated_at: now,
      });
      newNodeId.set(n.id, copy.id);
    }
    let indicatorCount = 0;
    let targetCount = 0;
    for (const i of indicators) {
      const nodeId = newNodeId.get(i.plan_node_id);
      if (nodeId === undefined) continue;
      const { id: _id, plan_node_id: _node, ...fields } = i;
      const copy = await indicatorRepo.insertIndicator(trx, { ...fields, plan_node_id: nodeId });
      indicatorCount++;
      for (const t of targets) {
        if (t.indicator_id !== i.id || t.period_key !== null) continue;
        const { id: _tid, indicator_id: _ind, ...targetFields } = t;
        await indicatorRepo.insertTarget(trx, { ...targetFields, indicator_id: copy.id });
        targetCount++;
      }
    }
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "plan.version",
      entityType: "plan",
      entityId: plan.id,
      after: {
        ...presentPlan(plan),
        copied: { nodes: newNodeId.size, indicators: indicatorCount, targets: targetCount },
      },
    });
    return presentPlan(plan);
  });
}
