import type { Kysely, Transaction } from "kysely";
import type { DB, ScheduledJobRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Queues a one-off job unless one with the same key exists (done or not): the same reminder is never queued
 * twice. Answers true when this call queued it.
 */
export async function schedule(
  db: Executor,
  job: { name: string; key: string; payloadJson: string; runAt: string; createdAt: string },
): Promise<boolean> {
  const result = await db
    .insertInto("scheduled_jobs")
    .values({
      name: job.name,
      key: job.key,
      payload_json: job.payloadJson,
      run_at: job.runAt,
      interval_seconds: null,
      created_at: job.createdAt,
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Keeps a recurring schedule: the row `every:<name>` is made once (first run at `firstRunAt`) and kept across
 * restarts, so a restart neither resets its next run nor adds a second one; a changed interval is updated.
 */
export async function ensureRecurring(
  db: Executor,
  schedule: { name: string; intervalSeconds: number; firstRunAt: string; createdAt: string },
): Promise<void> {
  const key = `every:${schedule.name}`;
  await db
    .insertInto("scheduled_jobs")
    .values({
      name: schedule.name,
      key,
      run_at: schedule.firstRunAt,
      interval_seconds: schedule.intervalSeconds,
      created_at: schedule.createdAt,
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  await db
    .updateTable("scheduled_jobs")
    .set({ interval_seconds: schedule.intervalSeconds })
    .where("key", "=", key)
    .where("interval_seconds", "!=", schedule.intervalSeconds)
    .execute();
}

/** Jobs of the given names due at `now` and not held by a live lock, oldest first. */
export async function due(db: Executor, names: readonly string[], now: string, limit: number) {
  if (names.length === 0) return [];
  return db
    .selectFrom("scheduled_jobs")
    .select(["id", "name"])
    .where("done_at", "is", null)
    .where("run_at", "<=", now)
    .where("name", "in", [...names])
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .orderBy("run_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * Claims a due job for `runner` until `lockedUntil`, in one UPDATE whose WHERE repeats the due test: of two runners
 * racing, one changes the row and the other gets undefined (SQLite serialises writers; PostgreSQL re-checks the
 * WHERE on the row it locked). A lock that ran out (its runner died) may be claimed again.
 */
export async function claim(
  db: Executor,
  id: number,
  runner: string,
  now: string,
  lockedUntil: string,
): Promise<ScheduledJobRow | undefined> {
  return db
    .updateTable("scheduled_jobs")
    .set((eb) => ({ locked_until: lockedUntil, locked_by: runner, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("done_at", "is", null)
    .where("run_at", "<=", now)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .returningAll()
    .executeTakeFirst();
}

/**
 * Ends a run by `runner` (a runner whose lock was taken over changes nothing): a one-off job is done (`nextRunAt`
 * null), a recurring one waits for `nextRunAt`; `error` (no personal data) records a failed run, with its attempts
 * kept for the backoff, or cleared after a success.
 */
export async function release(
  db: Executor,
  id: number,
  runner: string,
  outcome: { nextRunAt: string | null; doneAt: string | null; error: string | null; resetAttempts: boolean },
): Promise<void> {
  await db
    .updateTable("scheduled_jobs")
    .set({
      locked_until: null,
      locked_by: null,
      last_error: outcome.error,
      done_at: outcome.doneAt,
      ...(outcome.nextRunAt ? { run_at: outcome.nextRunAt } : {}),
      ...(outcome.resetAttempts ? { attempts: 0 } : {}),
    })
    .where("id", "=", id)
    .where("locked_by", "=", runner)
    .execute();
}

export async function findByKey(db: Executor, key: string): Promise<ScheduledJobRow | undefined> {
  return db.selectFrom("scheduled_jobs").selectAll().where("key", "=", key).executeTakeFirst();
}
