import { scheduledJobs } from "@sainam/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { JobRegistry, nextPeriod, runDueJobs, scheduleJob, type JobRun } from "./job-runner.ts";

// Issue 13, point 6: scheduled work kept in the database survives restarts and runs once across processes.
// Two JobRegistry values over one database stand for two server processes (or one before and after a restart).

const T0 = new Date("2026-12-07T03:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let t: TestApp;
let runs: JobRun[];

function processWith(register: (jobs: JobRegistry) => void) {
  const jobs = new JobRegistry();
  register(jobs);
  return { database: t.ctx.database, jobs };
}

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

beforeEach(async () => {
  runs = [];
  await t.ctx.database.db.deleteFrom("scheduled_jobs").execute();
});

const record = async (job: JobRun) => {
  runs.push(job);
};

describe("one-off jobs", () => {
  it("runs a job when due, once, with its payload, and never queues the same key twice", async () => {
    const a = processWith((jobs) => jobs.registerJob("reminder", record));
    expect(
      await scheduleJob(t.ctx.database.db, {
        name: "reminder",
        key: "reminder:7",
        runAt: at(10),
        payload: { requestId: 7 },
      }),
    ).toBe(true);
    expect(await scheduleJob(t.ctx.database.db, { name: "reminder", key: "reminder:7", runAt: at(20) })).toBe(false);

    expect(await runDueJobs(a, at(5))).toEqual([]);
    expect(await runDueJobs(a, at(10))).toEqual(["reminder:7"]);
    expect(await runDueJobs(a, at(30))).toEqual([]);
    expect(runs.map((run) => run.payload)).toEqual([{ requestId: 7 }]);
    expect((await scheduledJobs.findByKey(t.ctx.database.db, "reminder:7"))?.done_at).toBe(at(10).toISOString());
  });

  it("does not run a job claimed by another runner until that runner's lock runs out", async () => {
    await scheduleJob(t.ctx.database.db, { name: "escalate", key: "escalate:1", runAt: at(0) });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const a = processWith((jobs) =>
      jobs.registerJob("escalate", async (job) => {
        runs.push(job);
        await held;
      }),
    );
    const b = processWith((jobs) => jobs.registerJob("escalate", record));

    const first = runDueJobs(a, at(0));
    await expect.poll(() => runs.length).toBe(1);
    expect(await runDueJobs(b, at(1))).toEqual([]);
    release();
    expect(await first).toEqual(["escalate:1"]);
    expect(await runDueJobs(b, at(2))).toEqual([]);
    expect(runs).toHaveLength(1);
  });

  it("runs again a job whose runner died mid-run, once its lock ran out", async () => {
    await scheduleJob(t.ctx.database.db, { name: "escalate", key: "escalate:2", runAt: at(0) });
    const job = await scheduledJobs.findByKey(t.ctx.database.db, "escalate:2");
    if (!job) throw new Error("not queued");
    // Runner "dead" claims it for five minutes and never finishes.
    await scheduledJobs.claim(t.ctx.database.db, job.id, "dead", at(0).toISOString(), at(5).toISOString());
    const b = processWith((jobs) => jobs.registerJob("escalate", record));
    expect(await runDueJobs(b, at(4))).toEqual([]);
    expect(await runDueJobs(b, at(5))).toEqual(["escalate:2"]);
    expect(runs[0]?.attempt).toBe(2);
  });

  it("retries a failing job with backoff, recording only the error's class", async () => {
    await scheduleJob(t.ctx.database.db, { name: "flaky", key: "flaky:1", runAt: at(0) });
    let calls = 0;
    const a = processWith((jobs) =>
      jobs.registerJob("flaky", async () => {
        calls += 1;
        if (calls === 1) throw new TypeError("somebody@example.org is not reachable");
      }),
    );
    expect(await runDueJobs(a, at(0))).toEqual(["flaky:1"]);
    const failed = await scheduledJobs.findByKey(t.ctx.database.db, "flaky:1");
    expect(failed).toMatchObject({ done_at: null, last_error: "TypeError", run_at: at(1).toISOString() });
    expect(await runDueJobs(a, at(0.5))).toEqual([]);
    expect(await runDueJobs(a, at(1))).toEqual(["flaky:1"]);
    expect(await scheduledJobs.findByKey(t.ctx.database.db, "flaky:1")).toMatchObject({
      done_at: at(1).toISOString(),
      last_error: null,
    });
  });

  it("leaves a job to a process that has its handler", async () => {
    await scheduleJob(t.ctx.database.db, { name: "unknown-here", key: "u:1", runAt: at(0) });
    const a = processWith(() => {});
    expect(await runDueJobs(a, at(1))).toEqual([]);
    expect((await scheduledJobs.findByKey(t.ctx.database.db, "u:1"))?.locked_by).toBeNull();
  });
});

describe("recurring schedules", () => {
  it("run once per period across two runners, and continue from where they were after a restart", async () => {
    const register = (jobs: JobRegistry) => {
      jobs.registerJob("service-levels", record);
      jobs.every("service-levels", 15);
    };
    const a = processWith(register);
    const b = processWith(register);

    const both = await Promise.all([runDueJobs(a, at(0)), runDueJobs(b, at(0))]);
    expect(both.flat()).toEqual(["every:service-levels"]);
    expect(await runDueJobs(b, at(14))).toEqual([]);
    const second = await Promise.all([runDueJobs(a, at(15)), runDueJobs(b, at(15.1))]);
    expect(second.flat()).toEqual(["every:service-levels"]);

    // A restart: a new process registers the same schedule; it neither runs early nor resets the period.
    const restarted = processWith(register);
    expect(await runDueJobs(restarted, at(20))).toEqual([]);
    // After a long stop the missed periods run once, not once each.
    expect(await runDueJobs(restarted, at(100))).toEqual(["every:service-levels"]);
    expect(await runDueJobs(restarted, at(101))).toEqual([]);
    expect(runs).toHaveLength(3);
    const rows = await t.ctx.database.db.selectFrom("scheduled_jobs").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.run_at).toBe(at(105).toISOString());
  });
});

describe("nextPeriod", () => {
  it("is the first period boundary after now", () => {
    expect(nextPeriod(at(0), 900, at(0))).toEqual(at(15));
    expect(nextPeriod(at(0), 900, at(31))).toEqual(at(45));
  });
});
