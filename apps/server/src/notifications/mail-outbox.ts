import { mailOutbox, type Database } from "@sainam/db";
import type { JobRegistry } from "../jobs/job-runner.ts";
import { isPermanentMailError, mailErrorSummary, type Mailer } from "./mailer.ts";

/** The outbox's job: sends due mail every minute (a mail queued by `notify` leaves within a minute or so). */
export const MAIL_JOB = "mail-outbox";

/** How long a claimed mail is held before another sender may take it (its sender is taken to have died). */
const SENDING_LOCK_MS = 5 * 60_000;
/** Attempts before a mail is marked failed; with the backoff below, about a day of retries. */
export const MAX_MAIL_ATTEMPTS = 8;
const BATCH = 20;

/** 1, 2, 4 … minutes after the nth failed attempt, at most four hours. */
export function mailRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** (attempts - 1), 4 * 3_600_000);
}

type OutboxContext = { database: Database; mailer: Mailer | null; jobs: JobRegistry };

/**
 * Sends the mail due at `now`: each claimed by one atomic UPDATE (so two processes never send the same mail), sent
 * through SMTP, then marked sent; a failure goes back to the queue with a growing delay until MAX_MAIL_ATTEMPTS, or
 * at once to `failed` when the server refused it for good (5xx). Mail stuck in `sending` by a sender that died is
 * due again once its lock ran out. Answers how many were sent and how many failed this pass.
 */
export async function sendDueMail(ctx: OutboxContext, now: Date): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  const mailer = ctx.mailer;
  if (!mailer) return result;
  const db = ctx.database.db;
  const at = now.toISOString();
  const lockedUntil = new Date(now.getTime() + SENDING_LOCK_MS).toISOString();
  for (const id of await mailOutbox.dueIds(db, at, BATCH)) {
    const mail = await mailOutbox.claim(db, id, at, lockedUntil);
    if (!mail) continue;
    try {
      await mailer.send({ to: mail.to_address, subject: mail.subject, text: mail.body_text });
      await mailOutbox.markSent(db, id, at);
      result.sent += 1;
    } catch (error) {
      const summary = mailErrorSummary(error);
      const giveUp = isPermanentMailError(error) || mail.attempts >= MAX_MAIL_ATTEMPTS;
      const outcome = giveUp
        ? ({ failed: true } as const)
        : { retryAt: new Date(now.getTime() + mailRetryDelayMs(mail.attempts)).toISOString() };
      await mailOutbox.markAttemptFailed(db, id, outcome, summary);
      // The outbox id and the error class only: no address, subject or body in the log.
      ctx.jobs.log({ mail: id, attempt: mail.attempts, err: summary, gaveUp: giveUp }, "mail not sent");
      if (giveUp) result.failed += 1;
    }
  }
  return result;
}

/** Registers the outbox's job and its schedule (every minute) on an app's registry. */
export function registerMailJob(ctx: OutboxContext): void {
  ctx.jobs.registerJob(MAIL_JOB, async (job) => {
    await sendDueMail(ctx, job.now);
  });
  ctx.jobs.every(MAIL_JOB, 1);
}
