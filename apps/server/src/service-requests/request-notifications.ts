/**
 * Who is told what when a request moves (issue 13, point 6). The request's timeline (`request_events`) is the
 * outbox: a recurring job reads the events after the last one it handled and notifies, in one transaction with
 * moving its cursor (`meta.request_events_notified_through`), so each event is told once, none is lost on a
 * restart, and a slow SMTP server never slows the request that moved. The job runner holds the job's lock, so two
 * processes never tell the same event twice.
 *
 *   routed, reassigned  → the expert it was offered to: request_assigned (with the response due date)
 *   filed               → the managers of the provider it reached: request_new
 *   unrouted            → that provider's managers, or the admins when it reached none: request_new
 *   declined, expired   → the provider's managers: request_declined
 *   closed              → the firm's member users (they rate it): request_closed
 *   rated               → the expert and the provider's managers: request_rated
 *   task_added (dated)  → a `task-due` job on the due day at 08:00 Bangkok; if the task is still open then,
 *                         the expert and the firm's members: task_due
 *
 * Service-level warnings and breaches are told by the service-level check itself (service-levels.job.ts).
 */
import type { Kysely, Transaction } from "kysely";
import type { NotificationKind, NotificationParams } from "@sainam/core";
import type { DB } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { scheduleJob } from "../jobs/job-runner.ts";
import { notify } from "../notifications/notify.ts";

export const REQUEST_NOTIFICATIONS_JOB = "request-notifications";
export const TASK_DUE_JOB = "task-due";
const CURSOR_KEY = "request_events_notified_through";
const BATCH = 500;

type NotifyContext = Pick<AppContext, "database" | "mailer" | "now" | "config">;
type Executor = Kysely<DB> | Transaction<DB>;

type EventRow = {
  id: number;
  kind: string;
  data_json: string | null;
  request_id: number;
  code: string;
  field: string;
  enterprise_id: number;
  provider_id: number | null;
  expert_id: number | null;
  response_due_on: string | null;
  rating: number | null;
  firm_name: string | null;
};

/** Tells the events recorded since the last run; answers how many events were handled. */
export async function notifyRequestEvents(ctx: NotifyContext, now: Date): Promise<number> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const cursor = await readCursor(trx);
    const events: EventRow[] = await trx
      .selectFrom("request_events as e")
      .innerJoin("service_requests as r", "r.id", "e.request_id")
      .innerJoin("enterprises as f", "f.id", "r.enterprise_id")
      .select([
        "e.id",
        "e.kind",
        "e.data_json",
        "r.id as request_id",
        "r.code",
        "r.field",
        "r.enterprise_id",
        "r.provider_id",
        "r.expert_id",
        "r.response_due_on",
        "r.rating",
        "f.name_th as firm_name",
      ])
      .where("e.id", ">", cursor)
      .orderBy("e.id")
      .limit(BATCH)
      .execute();
    for (const event of events) await tell(ctx, trx, event, now);
    const last = events.at(-1);
    if (last) await writeCursor(trx, last.id);
    return events.length;
  });
}

async function tell(ctx: NotifyContext, trx: Transaction<DB>, event: EventRow, now: Date): Promise<void> {
  const data = parseData(event.data_json);
  const params: NotificationParams = { code: event.code, field: event.field };
  if (event.firm_name) params.firmName = event.firm_name;
  const send = (kind: NotificationKind, userIds: readonly number[], extra: NotificationParams = {}) =>
    userIds.length === 0
      ? Promise.resolve()
      : notify(
          ctx,
          { userIds, kind, entity: { type: "service_request", id: event.request_id }, params: { ...params, ...extra } },
          trx,
        ).then(() => undefined);

  switch (event.kind) {
    case "routed":
    case "reassigned": {
      const expertId = typeof data.expertId === "number" ? data.expertId : event.expert_id;
      const due = event.response_due_on ? { dueDate: event.response_due_on } : {};
      return send("request_assigned", await expertUsers(trx, expertId), due);
    }
    case "filed":
      return send("request_new", await managers(trx, event.provider_id));
    case "unrouted": {
      const keepers = await managers(trx, event.provider_id);
      return send("request_new", keepers.length > 0 ? keepers : await admins(trx));
    }
    case "declined":
    case "expired":
      return send("request_declined", await managers(trx, event.provider_id));
    case "closed":
      return send("request_closed", await firmMembers(trx, event.enterprise_id));
    case "rated": {
      const people = [...(await expertUsers(trx, event.expert_id)), ...(await managers(trx, event.provider_id))];
      return send("request_rated", people, event.rating === null ? {} : { rating: event.rating });
    }
    case "task_added": {
      if (typeof data.taskId !== "number" || typeof data.dueOn !== "string") return;
      // 08:00 in Bangkok (UTC+7) on the due day: the start of a working day, not midnight.
      await scheduleJob(trx, {
        name: TASK_DUE_JOB,
        key: `task-due:${data.taskId}`,
        runAt: `${data.dueOn}T01:00:00.000Z`,
        payload: { taskId: data.taskId },
        now,
      });
      return;
    }
    default:
      return;
  }
}

/** The `task-due` job: tells the expert and the firm about a follow-up task still open on its due day. */
export async function notifyTaskDue(ctx: NotifyContext, taskId: number): Promise<boolean> {
  const db = ctx.database.db;
  const task = await db
    .selectFrom("request_tasks as t")
    .innerJoin("service_requests as r", "r.id", "t.request_id")
    .select(["t.title", "t.due_on", "t.done_at", "r.id as request_id", "r.code", "r.expert_id", "r.enterprise_id"])
    .where("t.id", "=", taskId)
    .executeTakeFirst();
  if (!task || task.done_at !== null) return false;
  const userIds = [...(await expertUsers(db, task.expert_id)), ...(await firmMembers(db, task.enterprise_id))];
  const params: NotificationParams = { code: task.code, title: task.title };
  if (task.due_on) params.dueDate = task.due_on;
  const { notificationIds } = await notify(ctx, {
    userIds,
    kind: "task_due",
    entity: { type: "service_request", id: task.request_id },
    params,
  });
  return notificationIds.length > 0;
}

/** Registers both jobs; request events are told every minute. */
export function registerRequestNotificationJobs(ctx: NotifyContext & Pick<AppContext, "jobs">): void {
  ctx.jobs.registerJob(REQUEST_NOTIFICATIONS_JOB, async (job) => {
    await notifyRequestEvents(ctx, job.now);
  });
  ctx.jobs.every(REQUEST_NOTIFICATIONS_JOB, 1);
  ctx.jobs.registerJob(TASK_DUE_JOB, async (job) => {
    const payload: unknown = job.payload;
    if (typeof payload === "object" && payload !== null && "taskId" in payload && typeof payload.taskId === "number")
      await notifyTaskDue(ctx, payload.taskId);
  });
}

function parseData(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null ? { ...value } : {};
  } catch {
    return {};
  }
}

async function readCursor(db: Executor): Promise<number> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", CURSOR_KEY).executeTakeFirst();
  const value = row ? Number(row.value) : 0;
  return Number.isInteger(value) ? value : 0;
}

async function writeCursor(db: Executor, id: number): Promise<void> {
  await db
    .insertInto("meta")
    .values({ key: CURSOR_KEY, value: String(id) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(id) }))
    .execute();
}

async function expertUsers(db: Executor, expertId: number | null): Promise<number[]> {
  if (expertId === null) return [];
  const row = await db.selectFrom("experts").select("user_id").where("id", "=", expertId).executeTakeFirst();
  return row?.user_id ? [row.user_id] : [];
}

async function managers(db: Executor, providerId: number | null): Promise<number[]> {
  if (providerId === null) return [];
  const rows = await db
    .selectFrom("provider_managers")
    .select("user_id")
    .where("provider_id", "=", providerId)
    .execute();
  return rows.map((r) => r.user_id);
}

async function admins(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom("users").select("id").where("role", "=", "admin").where("active", "=", 1).execute();
  return rows.map((r) => r.id);
}

async function firmMembers(db: Executor, enterpriseId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "member")
    .where("enterprise_id", "=", enterpriseId)
    .execute();
  return rows.map((r) => r.id);
}
