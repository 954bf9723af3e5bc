/**
 * Durable scheduled work: jobs that survive restarts and run once across processes (issue 13, point 6).
 *
 * Jobs live in the `scheduled_jobs` table; handlers live in this process, registered by name on the app's
 * `ctx.jobs` (a `JobRegistry`). Every process runs the same loop (`startJobRunner`, from main.ts; tests call
 * `runDueJobs(ctx, now)` with their own clock): it claims each due job with one atomic UPDATE, runs its handler,
 * and releases it. Two processes never run the same job at once; a process that dies mid-job leaves a lock that
 * runs out after `lockSeconds`, and the job is run again. Handlers must therefore be idempotent.
 *
 * The API:
 *
 *   ctx.jobs.registerJob("service-levels", async (job) => { … job.now, job.payload … });
 *   ctx.jobs.every("service-levels", 15);                  // a recurring schedule, every 15 minutes
 *   await scheduleJob(trx, { name: "request-reminder", key: `request-reminder:${id}:${due}`,
 *                            runAt: "2026-12-09T02:00:00.000Z", payload: { requestId: id } });
 *
 * - `registerJob(name, handler, { lockSeconds? })`: the handler of jobs of this name (one per name). A handler that
 *   throws is retried with backoff (1, 2, 4 … minutes, up to 5 attempts) for a one-off job; a recurring one simply
 *   runs at its next period. Errors are recorded by class name only (no personal data).
 * - `every(name, minutes)`: a recurring schedule kept in the database as the row `every:<name>`; after a restart it
 *   continues from its stored next run (a missed period runs once, not once per missed period). Takes effect when
 *   the runner next runs (`runDueJobs` writes the schedules first).
 * - `scheduleJob(db, { name, key, runAt, payload })`: queue a one-off job, in the caller's transaction if given one;
 *   a second call with the same key changes nothing (answers false).
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely, Transaction } from "kysely";
import { scheduledJobs, type Database, type DB } from "@sainam/db";

type Executor = Kysely<DB> | Transaction<DB>;

/** What a handler is given: the job's stored payload (parse it: it is JSON from the database) and the runner's clock. */
export type JobRun = { name: string; key: string; payload: unknown; now: Date; attempt: number };

export type JobHandler = (job: JobRun) => Promise<void>;

type Registered = { handler: JobHandler; lockSeconds: number };

const DEFAULT_LOCK_SECONDS = 300;
const MAX_ATTEMPTS = 5;

/** The job handlers and recurring schedules of one app (hung off its AppContext, never a module). */
export class JobRegistry {
  readonly runnerId = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  readonly handlers = new Map<string, Registered>();
  readonly schedules = new Map<string, number>();
  /** Where failures are reported (main.ts points it at the server log); records carry names, never personal data. */
  log: (record: Record<string, unknown>, message: string) => void = () => {};

  registerJob(name: string, handler: JobHandler, options: { lockSeconds?: number } = {}): void {
    if (this.handlers.has(name)) throw new Error(`job handler ${name} is registered twice`);
    this.handlers.set(name, { handler, lockSeconds: options.lockSeconds ?? DEFAULT_LOCK_SECONDS });
  }

  every(name: string, minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < 1) throw new RangeError(`every ${minutes} minutes: a whole number ≥ 1`);
    this.schedules.set(name, minutes * 60);
  }
}

/** Queues a one-off job (see the header); false when one with this key was queued before. */
export async function scheduleJob(
  db: Executor,
  job: { name: string; key: string; runAt: Date | string; payload?: unknown; now?: Date },
): Promise<boolean> {
  return scheduledJobs.schedule(db, {
    name: job.name,
    key: job.key,
    payloadJson: JSON.stringify(job.payload ?? {}),
    runAt: typeof job.runAt === "string" ? new Date(job.runAt).toISOString() : job.runAt.toISOString(),
    createdAt: (job.now ?? new Date()).toISOString(),
  });
}

/** The first run of a recurring schedule after `lastRunAt` that lies after `now`: missed periods collapse into one. */
export function nextPeriod(lastRunAt: Date, intervalSeconds: number, now: Date): Date {
  const step = intervalSeconds * 1000;
  const behind = Math.max(0, Math.floor((now.getTime() - lastRunAt.getTime()) / step));
  return new Date(lastRunAt.getTime() + (behind + 1) * step);
}

function backoff(attempt: number, now: Date): Date {
  return new Date(now.getTime() + 60_000 * 2 ** Math.min(attempt - 1, 6));
}

function parsePayload(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
}

/**
 * Runs every job due at `now` whose handler this process has, once each (claimed atomically), and answers the
 * keys of those it ran. `runner` names the claimant (two in one test stand for two processes).
 */
export async function runDueJobs(
  ctx: { database: Database; jobs: JobRegistry },
  now: Date,
  options: { runner?: string; limit?: number } = {},
): Promise<string[]> {
  const db = ctx.database.db;
  const runner = options.runner ?? ctx.jobs.runnerId;
  const at = now.toISOString();
  for (const [name, intervalSeconds] of ctx.jobs.schedules) {
    await scheduledJobs.ensureRecurring(db, { name, intervalSeconds, firstRunAt: at, createdAt: at });
  }
  const due = await scheduledJobs.due(db, [...ctx.jobs.handlers.keys()], at, options.limit ?? 50);
  const ran: string[] = [];
  for (const candidate of due) {
    const registered = ctx.jobs.handlers.get(candidate.name);
    if (!registered) continue;
    const lockedUntil = new Date(now.getTime() + registered.lockSeconds * 1000).toISOString();
    const job = await scheduledJobs.claim(db, candidate.id, runner, at, lockedUntil);
    if (!job) continue; // another runner took it
    let error: string | null = null;
    try {
      await registered.handler({
        name: job.name,
        key: job.key,
        payload: parsePayload(job.payload_json),
        now,
        attempt: job.attempts,
      });
    } catch (caught) {
      error = caught instanceof Error ? caught.name : "unknown error";
      ctx.jobs.log({ job: job.name, id: job.id, attempt: job.attempts, err: error }, "scheduled job failed");
    }
    if (job.interval_seconds !== null) {
      const next = nextPeriod(new Date(job.run_at), job.interval_seconds, now).toISOString();
      await scheduledJobs.release(db, job.id, runner, { nextRunAt: next, doneAt: null, error, resetAttempts: true });
    } else if (error === null) {
      await scheduledJobs.release(db, job.id, runner, { nextRunAt: null, doneAt: at, error, resetAttempts: false });
    } else if (job.attempts >= MAX_ATTEMPTS) {
      // Given up: kept (done, with its error) so the same key is not queued again.
      await scheduledJobs.release(db, job.id, runner, { nextRunAt: null, doneAt: at, error, resetAttempts: false });
    } else {
      const retry = backoff(job.attempts, now).toISOString();
      await scheduledJobs.release(db, job.id, runner, { nextRunAt: retry, doneAt: null, error, resetAttempts: false });
    }
    ran.push(job.key);
  }
  return ran;
}

/** Runs due jobs every `intervalMs` until stopped (main.ts); one pass at a time, failures logged by name. */
export function startJobRunner(
  ctx: { database: Database; jobs: JobRegistry; now: () => number },
  intervalMs = 15_000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = runDueJobs(ctx, new Date(ctx.now()))
      .catch((error: unknown) =>
        ctx.jobs.log({ err: error instanceof Error ? error.name : typeof error }, "job runner pass failed"),
      )
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
