import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB, PeriodLockTable } from "./schema.ts";

export type PeriodLockRow = Selectable<PeriodLockTable>;

type Executor = Kysely<DB> | Transaction<DB>;

export async function listLocks(db: Executor, planId: number): Promise<PeriodLockRow[]> {
  return db.selectFrom("period_locks").selectAll().where("plan_id", "=", planId).orderBy("period_key").execute();
}

/** The locks of a plan among the given period keys. */
export async function findLocks(db: Executor, planId: number, periodKeys: readonly string[]): Promise<PeriodLockRow[]> {
  if (periodKeys.length === 0) return [];
  return db
    .selectFrom("period_locks")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("period_key", "in", [...new Set(periodKeys)])
    .execute();
}

export async function insertLock(
  db: Transaction<DB>,
  planId: number,
  periodKey: string,
  lockedBy: number | null,
  now: string,
): Promise<PeriodLockRow> {
  return db
    .insertInto("period_locks")
    .values({ plan_id: planId, period_key: periodKey, locked_by: lockedBy, locked_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteLock(db: Transaction<DB>, planId: number, periodKey: string): Promise<number> {
  const result = await db
    .deleteFrom("period_locks")
    .where("plan_id", "=", planId)
    .where("period_key", "=", periodKey)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
