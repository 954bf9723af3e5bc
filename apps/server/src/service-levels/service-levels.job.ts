import type { AppContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { checkServiceLevels } from "./check-service-levels.ts";

export const SERVICE_LEVELS_JOB = "service-levels";

/**
 * The service-level check as a recurring job (every 15 minutes): warnings go to the expert as a reminder, breaches
 * to the provider's managers, each notified in the transaction that stamps the flag (so a flag is told once, and
 * never stamped untold). The check is idempotent, as the runner asks of handlers.
 */
export function registerServiceLevelJob(
  ctx: Pick<AppContext, "database" | "mailer" | "now" | "config" | "jobs">,
): void {
  ctx.jobs.registerJob(SERVICE_LEVELS_JOB, async (job) => {
    await checkServiceLevels(ctx.database.db, job.now, async (trx, flags) => {
      for (const flag of flags)
        await notify(
          ctx,
          {
            userIds: flag.recipientUserIds,
            kind: flag.kind.endsWith("warning") ? "request_reminder" : "request_breach",
            entity: { type: "service_request", id: flag.requestId },
            params: { code: flag.code, dueDate: flag.dueOn },
          },
          trx,
        );
    });
  });
  ctx.jobs.every(SERVICE_LEVELS_JOB, 15);
}
