import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { DB, IndicatorRow, IndicatorTable, IndicatorTargetRow, IndicatorTargetTable } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** An indicator with the plan its node belongs to. */
export async function findIndicator(
  db: Executor,
  id: number,
): Promise<(IndicatorRow & { plan_id: number }) | undefined> {
  return db
    .selectFrom("indicators")
    .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
    .selectAll("indicators")
    .select("plan_nodes.plan_id")
    .where("indicators.id", "=", id)
    .executeTakeFirst();
}

export async function indicatorsOfNode(db: Executor, nodeId: number): Promise<IndicatorRow[]> {
  return db
    .selectFrom("indicators")
    .selectAll()
    .where("plan_node_id", "=", nodeId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** Whether an indicator code is used in the plan (codes are unique within a plan). */
export async function indicatorCodeTaken(
  db: Executor,
  planId: number,
  code: string,
  exceptId?: number,
): Promise<boolean> {
  let q = db
    .selectFrom("indicators")
    .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
    .select("indicators.id")
    .where("plan_nodes.plan_id", "=", planId)
    .where("indicators.code", "=", code);
  if (exceptId !== undefined) q = q.where("indicators.id", "<>", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertIndicator(db: Transaction<DB>, row: Insertable<IndicatorTable>): Promise<IndicatorRow> {
  const { id } = await db.insertInto("indicators").values(row).returning("id").executeTakeFirstOrThrow();
  return db.selectFrom("indicators").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function updateIndicator(
  db: Transaction<DB>,
  id: number,
  patch: Updateable<IndicatorTable>,
): Promise<IndicatorRow | undefined> {
  await db.updateTable("indicators").set(patch).where("id", "=", id).execute();
  return db.selectFrom("indicators").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Writes positions 0..n-1 in the order given. */
export async function renumberIndicators(db: Transaction<DB>, orderedIds: readonly number[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db
      .updateTable("indicators")
      .set({ position })
      .where("id", "=", id)
      .where("position", "<>", position)
      .execute();
  }
}

export async function countValues(db: Executor, indicatorId: number): Promise<number> {
  const row = await db
    .selectFrom("indicator_values")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("indicator_id", "=", indicatorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteIndicator(db: Transaction<DB>, id: number): Promise<void> {
  await db.deleteFrom("indicator_targets").where("indicator_id", "=", id).execute();
  await db.deleteFrom("indicators").where("id", "=", id).execute();
}

export async function targetsOf(db: Executor, indicatorId: number): Promise<IndicatorTargetRow[]> {
  return db
    .selectFrom("indicator_targets")
    .selectAll()
    .where("indicator_id", "=", indicatorId)
    .orderBy("period_key")
    .orderBy("id")
    .execute();
}

export async function findTarget(db: Executor, id: number): Promise<IndicatorTargetRow | undefined> {
  return db.selectFrom("indicator_targets").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Another target of the same indicator for the same period and org unit, if any. */
export async function findSameScopeTarget(
  db: Executor,
  indicatorId: number,
  scope: { period_key: string | null; org_unit_type: string | null; org_unit_code: string | null },
  exceptId?: number,
): Promise<IndicatorTargetRow | undefined> {
  let q = db.selectFrom("indicator_targets").selectAll().where("indicator_id", "=", indicatorId);
  q = scope.period_key === null ? q.where("period_key", "is", null) : q.where("period_key", "=", scope.period_key);
  q =
    scope.org_unit_type === null
      ? q.where("org_unit_type", "is", null)
      : q.where("org_unit_type", "=", scope.org_unit_type);
  q =
    scope.org_unit_code === null
      ? q.where("org_unit_code", "is", null)
      : q.where("org_unit_code", "=", scope.org_unit_code);
  if (exceptId !== undefined) q = q.where("id", "<>", exceptId);
  return q.executeTakeFirst();
}

export async function insertTarget(
  db: Transaction<DB>,
  row: Insertable<IndicatorTargetTable>,
): Promise<IndicatorTargetRow> {
  const { id } = await db.insertInto("indicator_targets").values(row).returning("id").executeTakeFirstOrThrow();
  return db.selectFrom("indicator_targets").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function updateTarget(
  db: Transaction<DB>,
  id: number,
  patch: Updateable<IndicatorTargetTable>,
): Promise<IndicatorTargetRow | undefined> {
  await db.updateTable("indicator_targets").set(patch).where("id", "=", id).execute();
  return findTarget(db, id);
}

export async function deleteTarget(db: Transaction<DB>, id: number): Promise<void> {
  await db.deleteFrom("indicator_targets").where("id", "=", id).execute();
}
