import type { Kysely } from "kysely";
import type { DB } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { todayOf } from "./deal.service.ts";

export const DEAL_FOLLOW_UPS_JOB = "deal-follow-ups";

/** Follow-ups not done, due on or before `today`, not yet reminded, with whom to tell. */
async function dueFollowUps(db: Kysely<DB>, today: string) {
  return db
    .selectFrom("deal_follow_ups as f")
    .innerJoin("deals as d", "d.id", "f.deal_id")
    .leftJoin("trade_events as e", "e.id", "d.event_id")
    .select(["f.id", "f.deal_id", "f.months", "f.due_on", "d.enterprise_id", "e.created_by", "e.title_th"])
    .where("f.done_at", "is", null)
    .where("f.reminded_at", "is", null)
    .where("f.due_on", "<=", today)
    .orderBy("f.due_on")
    .limit(500)
    .execute();
}

/**
 * Reminds of due deal follow-ups, each once: the stamp (reminded_at, set only where still null) and the
 * notifications share a transaction, so a follow-up is never stamped untold nor told twice when two processes
 * run the job. The firm's active members and the event's organiser (who created it) are told.
 */
export async function remindDueFollowUps(
  ctx: Pick<AppContext, "database" | "mailer" | "now" | "config">,
): Promise<number> {
  const { db } = ctx.database;
  const today = todayOf(ctx);
  const now = new Date(ctx.now()).toISOString();
  let reminded = 0;
  for (const f of await dueFollowUps(db, today)) {
    await db.transaction().execute(async (trx) => {
      const stamped = await trx
        .updateTable("deal_follow_ups")
        .set({ reminded_at: now })
        .where("id", "=", f.id)
        .where("reminded_at", "is", null)
        .executeTakeFirst();
      if (Number(stamped.numUpdatedRows) === 0) return;
      const members = await trx
        .selectFrom("users")
        .select("id")
        .where("role", "=", "member")
        .where("enterprise_id", "=", f.enterprise_id)
        .execute();
      const userIds = [...members.map((m) => m.id), ...(f.created_by === null ? [] : [f.created_by])];
      await notify(
        ctx,
        {
          userIds,
          kind: "deal_follow_up_due",
          entity: { type: "deal", id: f.deal_id },
          params: { code: String(f.deal_id), dueDate: f.due_on, ...(f.title_th ? { title: f.title_th } : {}) },
        },
        trx,
      );
      reminded += 1;
    });
  }
  return reminded;
}

/** The reminders as a recurring job (hourly); idempotent, as the runner asks of handlers. */
export function registerDealJobs(ctx: Pick<AppContext, "database" | "mailer" | "now" | "config" | "jobs">): void {
  ctx.jobs.registerJob(DEAL_FOLLOW_UPS_JOB, async () => {
    await remindDueFollowUps(ctx);
  });
  ctx.jobs.every(DEAL_FOLLOW_UPS_JOB, 60);
}
