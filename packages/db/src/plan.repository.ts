import type { Kysely, Transaction } from "kysely";
import type { DB, PlanNodeRow, PlanRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export async function listPlans(db: Executor): Promise<PlanRow[]> {
  return db.selectFrom("plans").selectAll().orderBy("period_start", "desc").orderBy("id").execute();
}

export async function findPlan(db: Executor, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every node, indicator and target of a plan, flat; the caller assembles the tree. */
export async function loadPlanContents(db: Executor, planId: number) {
  const nodes = await db.selectFrom("plan_nodes").selectAll().where("plan_id", "=", planId).orderBy("position").orderBy("id").execute();
  const indicators = await db
    .selectFrom("indicators")
    .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
    .selectAll("indicators")
    .where("plan_nodes.plan_id", "=", planId)
    .orderBy("indicators.position")
    .execute();
  const targets = indicators.length
    ? await db.selectFrom("indicator_targets").selectAll().where("indicator_id", "in", indicators.map((i) => i.id)).orderBy("id").execute()
    : [];
  return { nodes, indicators, targets };
}

export async function findPlanNode(db: Executor, planId: number, nodeId: number): Promise<PlanNodeRow | undefined> {
  return db.selectFrom("plan_nodes").selectAll().where("plan_id", "=", planId).where("id", "=", nodeId).executeTakeFirst();
}

export async function updatePlanNode(
  db: Transaction<DB>,
  nodeId: number,
  patch: { title_en?: string; title_th?: string | null; body_en?: string | null; body_th?: string | null; updated_at: string },
): Promise<PlanNodeRow | undefined> {
  await db.updateTable("plan_nodes").set(patch).where("id", "=", nodeId).execute();
  return db.selectFrom("plan_nodes").selectAll().where("id", "=", nodeId).executeTakeFirst();
}
