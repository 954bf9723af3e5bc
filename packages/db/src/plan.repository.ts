import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { DB, IndicatorRow, PlanNodeRow, PlanNodeTable, PlanRow, PlanTable } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** Who may see unpublished plans in a list: everyone's (admins), or those of an agency and of some clusters. */
export type PlanVisibility = { all: true } | { all: false; agencyId: number | null; clusterIds: readonly number[] };

export type PlanListFilter = {
  level?: string | undefined;
  agencyId?: number | undefined;
  clusterId?: number | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
  visibility: PlanVisibility;
};

export async function listPlans(db: Executor, filter: PlanListFilter): Promise<{ items: PlanRow[]; total: number }> {
  let q = db.selectFrom("plans");
  if (filter.level) q = q.where("level", "=", filter.level);
  if (filter.agencyId !== undefined) q = q.where("owner_agency_id", "=", filter.agencyId);
  if (filter.clusterId !== undefined) q = q.where("cluster_id", "=", filter.clusterId);
  if (filter.status) q = q.where("status", "=", filter.status);
  const v = filter.visibility;
  if (!v.all) {
    q = q.where((eb) => {
      const ors = [eb("published", "=", 1)];
      if (v.agencyId !== null) ors.push(eb("owner_agency_id", "=", v.agencyId));
      if (v.clusterIds.length) ors.push(eb("cluster_id", "in", [...v.clusterIds]));
      return eb.or(ors);
    });
  }
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .orderBy("period_start", "desc")
      .orderBy("id")
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findPlan(db: Executor, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findPlanByCode(db: Executor, code: string): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function insertPlan(db: Transaction<DB>, row: Insertable<PlanTable>): Promise<PlanRow> {
  const { id } = await db.insertInto("plans").values(row).returning("id").executeTakeFirstOrThrow();
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function updatePlan(
  db: Transaction<DB>,
  id: number,
  patch: Updateable<PlanTable>,
): Promise<PlanRow | undefined> {
  await db.updateTable("plans").set(patch).where("id", "=", id).execute();
  return findPlan(db, id);
}

/** The plan that names this one as its previous version, if any. */
export async function findNextVersion(db: Executor, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("previous_version_id", "=", id).orderBy("id").executeTakeFirst();
}

type TreeNode = Pick<PlanNodeRow, "id" | "parent_id" | "position">;
type PlacedIndicator = Pick<IndicatorRow, "id" | "plan_node_id" | "position">;

/**
 * Indicators in the order of the plan tree: depth-first through the nodes (siblings by position, then id),
 * each node's own indicators (by position, then id) before those of the nodes below it. The one order every
 * list of a plan's indicators uses (value entry, value lists, dashboards, reports). Indicators of nodes not
 * among `nodes` go last, by id.
 */
export function inPlanOrder<I extends PlacedIndicator>(nodes: readonly TreeNode[], indicators: readonly I[]): I[] {
  const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) =>
    a.position - b.position || a.id - b.id;
  const known = new Set(nodes.map((n) => n.id));
  const isRoot = (n: TreeNode) => n.parent_id === null || !known.has(n.parent_id);
  const childrenOf = Map.groupBy(
    nodes.filter((n) => !isRoot(n)),
    (n) => n.parent_id,
  );
  const roots = nodes.filter(isRoot).sort(byPosition);
  const indicatorsOf = Map.groupBy(indicators, (i) => i.plan_node_id);
  const out: I[] = [];
  const visited = new Set<number>();
  const visit = (node: TreeNode) => {
    if (visited.has(node.id)) return;
    visited.add(node.id);
    out.push(...[...(indicatorsOf.get(node.id) ?? [])].sort(byPosition));
    for (const child of [...(childrenOf.get(node.id) ?? [])].sort(byPosition)) visit(child);
  };
  for (const root of roots) visit(root);
  out.push(...indicators.filter((i) => !visited.has(i.plan_node_id)).sort((a, b) => a.id - b.id));
  return out;
}

/** Every indicator of a plan, in plan order (`inPlanOrder`). */
export async function listIndicatorsInPlanOrder(db: Executor, planId: number): Promise<IndicatorRow[]> {
  const nodes = await db
    .selectFrom("plan_nodes")
    .select(["id", "parent_id", "position"])
    .where("plan_id", "=", planId)
    .execute();
  const indicators = await db
    .selectFrom("indicators")
    .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
    .selectAll("indicators")
    .where("plan_nodes.plan_id", "=", planId)
    .execute();
  return inPlanOrder(nodes, indicators);
}

/** Every node, indicator and target of a plan, flat (nodes by position, indicators in plan order); the caller assembles the tree. */
export async function loadPlanContents(db: Executor, planId: number) {
  const nodes = await db
    .selectFrom("plan_nodes")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const unordered = await db
    .selectFrom("indicators")
    .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
    .selectAll("indicators")
    .where("plan_nodes.plan_id", "=", planId)
    .execute();
  const indicators = inPlanOrder(nodes, unordered);
  const targets = indicators.length
    ? await db
        .selectFrom("indicator_targets")
        .selectAll()
        .where(
          "indicator_id",
          "in",
          indicators.map((i) => i.id),
        )
        .orderBy("id")
        .execute()
    : [];
  return { nodes, indicators, targets };
}

export async function findPlanNode(db: Executor, planId: number, nodeId: number): Promise<PlanNodeRow | undefined> {
  return db
    .selectFrom("plan_nodes")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("id", "=", nodeId)
    .executeTakeFirst();
}

export async function findNode(db: Executor, nodeId: number): Promise<PlanNodeRow | undefined> {
  return db.selectFrom("plan_nodes").selectAll().where("id", "=", nodeId).executeTakeFirst();
}

/** A node with the plan it belongs to, for cross-plan links and traces. */
export async function findNodeWithPlan(db: Executor, nodeId: number) {
  return db
    .selectFrom("plan_nodes")
    .innerJoin("plans", "plans.id", "plan_nodes.plan_id")
    .selectAll("plan_nodes")
    .select([
      "plans.title_en as plan_title_en",
      "plans.title_th as plan_title_th",
      "plans.level as plan_level",
      "plans.code as plan_code",
      "plans.owner_agency_id as plan_owner_agency_id",
      "plans.cluster_id as plan_cluster_id",
      "plans.published as plan_published",
    ])
    .where("plan_nodes.id", "=", nodeId)
    .executeTakeFirst();
}

export async function nodeCodeTaken(
  db: Executor,
  planId: number,
  code: string,
  exceptNodeId?: number,
): Promise<boolean> {
  let q = db.selectFrom("plan_nodes").select("id").where("plan_id", "=", planId).where("code", "=", code);
  if (exceptNodeId !== undefined) q = q.where("id", "<>", exceptNodeId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The children of a parent (null: the plan's roots), in order. */
export async function siblings(db: Executor, planId: number, parentId: number | null): Promise<PlanNodeRow[]> {
  let q = db.selectFrom("plan_nodes").selectAll().where("plan_id", "=", planId);
  q = parentId === null ? q.where("parent_id", "is", null) : q.where("parent_id", "=", parentId);
  return q.orderBy("position").orderBy("id").execute();
}

export async function insertPlanNode(db: Transaction<DB>, row: Insertable<PlanNodeTable>): Promise<PlanNodeRow> {
  const { id } = await db.insertInto("plan_nodes").values(row).returning("id").executeTakeFirstOrThrow();
  return db.selectFrom("plan_nodes").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function updatePlanNode(
  db: Transaction<DB>,
  nodeId: number,
  patch: Updateable<PlanNodeTable>,
): Promise<PlanNodeRow | undefined> {
  await db.updateTable("plan_nodes").set(patch).where("id", "=", nodeId).execute();
  return db.selectFrom("plan_nodes").selectAll().where("id", "=", nodeId).executeTakeFirst();
}

/** Writes positions 0..n-1 in the order given: positions stay dense after every insert, move and delete. */
export async function renumber(db: Transaction<DB>, orderedIds: readonly number[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db
      .updateTable("plan_nodes")
      .set({ position })
      .where("id", "=", id)
      .where("position", "<>", position)
      .execute();
  }
}

/** Ids of a node and every node below it, parents before children. */
export async function subtreeIds(db: Executor, planId: number, nodeId: number): Promise<number[]> {
  const rows = await db.selectFrom("plan_nodes").select(["id", "parent_id"]).where("plan_id", "=", planId).execute();
  const childrenOf = new Map<number, number[]>();
  for (const r of rows) {
    if (r.parent_id === null) continue;
    const list = childrenOf.get(r.parent_id) ?? [];
    list.push(r.id);
    childrenOf.set(r.parent_id, list);
  }
  const out: number[] = [];
  const queue = [nodeId];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    out.push(next);
    queue.push(...(childrenOf.get(next) ?? []));
  }
  return out;
}

/** What keeps a set of nodes from being deleted: recorded values, activities, nodes of other plans serving them. */
export async function nodeDependents(db: Executor, nodeIds: readonly number[]) {
  const ids = [...nodeIds];
  const values = await db
    .selectFrom("indicator_values")
    .innerJoin("indicators", "indicators.id", "indicator_values.indicator_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("indicators.plan_node_id", "in", ids)
    .executeTakeFirstOrThrow();
  const activities = await db
    .selectFrom("activities")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("plan_node_id", "in", ids)
    .executeTakeFirstOrThrow();
  const servedBy = await db
    .selectFrom("plan_nodes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("serves_node_id", "in", ids)
    .where("id", "not in", ids)
    .executeTakeFirstOrThrow();
  return { values: Number(values.n), activities: Number(activities.n), servedBy: Number(servedBy.n) };
}

/** Deletes nodes with their indicators and targets; children go before parents (ids given parents first). */
export async function deleteNodes(db: Transaction<DB>, idsParentsFirst: readonly number[]): Promise<void> {
  const ids = [...idsParentsFirst];
  if (!ids.length) return;
  const indicatorIds = db.selectFrom("indicators").select("id").where("plan_node_id", "in", ids);
  await db.deleteFrom("indicator_targets").where("indicator_id", "in", indicatorIds).execute();
  await db.deleteFrom("indicators").where("plan_node_id", "in", ids).execute();
  // Links inside the subtree would block deleting the nodes they point at.
  await db.updateTable("plan_nodes").set({ serves_node_id: null }).where("id", "in", ids).execute();
  for (const id of [...ids].reverse()) await db.deleteFrom("plan_nodes").where("id", "=", id).execute();
}
