/**
 * The scheduled work of requests for help, registered on an app's job registry (jobs/job-runner.ts): telling
 * people what happened (request-notifications.ts), moving on offers nobody answered in time
 * (`expireUnansweredAssignments`), and recomputing satisfaction indicators from ratings (case-work).
 */
import type { AppContext } from "../context.ts";
import { refreshComputedValues } from "../case-work/satisfaction.service.ts";
import { registerRequestNotificationJobs } from "./request-notifications.ts";
import { expireUnansweredAssignments } from "./request.service.ts";

export const EXPIRE_OFFERS_JOB = "expire-offers";
export const SATISFACTION_JOB = "satisfaction-values";

export function registerServiceJobs(ctx: Pick<AppContext, "database" | "mailer" | "now" | "config" | "jobs">): void {
  registerRequestNotificationJobs(ctx);
  ctx.jobs.registerJob(EXPIRE_OFFERS_JOB, async (job) => {
    await expireUnansweredAssignments(ctx.database.db, job.now);
  });
  ctx.jobs.every(EXPIRE_OFFERS_JOB, 15);
  ctx.jobs.registerJob(SATISFACTION_JOB, async (job) => {
    await refreshComputedValues(ctx.database.db, job.now);
  });
  ctx.jobs.every(SATISFACTION_JOB, 60);
}
