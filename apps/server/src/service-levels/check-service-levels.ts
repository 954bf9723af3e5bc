import { addWorkingDays, bangkokDateOf, holidayDates, toIsoDate } from "@sainam/core";
import { holidays, serviceLevels, type DB, type ServiceLevelFlagKind } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";

/** One flag raised by a run, and who must hear of it (the lead hands these to `notify`). */
export type ServiceLevelFlag = {
  requestId: number;
  code: string;
  kind: ServiceLevelFlagKind;
  /** The working day the response or closure was due (ISO date). */
  dueOn: string;
  providerId: number | null;
  /** The assigned expert's user, when the expert has signed in. */
  expertUserId: number | null;
  /** The provider's managers (provider_managers). */
  managerUserIds: number[];
  /**
   * Who is told: a warning goes to the expert (to the managers when no expert user can hear it); a breach is
   * escalated to the provider's managers.
   */
  recipientUserIds: number[];
};

const KINDS: readonly ServiceLevelFlagKind[] = [
  "response_breach",
  "response_warning",
  "closure_breach",
  "closure_warning",
];

/**
 * The periodic service-level check (issue 13, point 4), meant to run as a scheduled job: for open requests, flags
 * once each a response or closure about to breach (due today or the next working day) and one breached (its due
 * working day has passed), records a request event for each, and returns who must be told. Working days are the
 * Thai calendar (weekends and the admin-kept holidays); "today" is the date in Bangkok at `now`.
 *
 * Safe to run twice or concurrently: each flag's stamp is set by a conditional UPDATE (stamp IS NULL) in the same
 * transaction as its event, so a request is flagged by exactly one run. `tell`, when given, is called in that
 * transaction too (e.g. to notify), so a flag is never stamped without its message, nor told twice.
 */
export async function checkServiceLevels(
  db: Kysely<DB>,
  now: Date,
  tell?: (trx: Transaction<DB>, flags: readonly ServiceLevelFlag[]) => Promise<void>,
): Promise<ServiceLevelFlag[]> {
  const today = toIsoDate(bangkokDateOf(now));
  const calendar = holidayDates(await holidays.datesFrom(db, today));
  // "Within 1 working day": due today, or by the end of the next working day.
  const warnUntil = addWorkingDays(today, 1, calendar);
  const at = now.toISOString();
  const flags: ServiceLevelFlag[] = [];
  for (const kind of KINDS) {
    const told = await db.transaction().execute(async (trx) => {
      const stamped = await serviceLevels.stampDue(trx, kind, today, warnUntil, at);
      if (stamped.length === 0) return [];
      await serviceLevels.insertEvents(
        trx,
        stamped.map((r) => ({ requestId: r.id, kind, at, data: { dueOn: r.due_on } })),
      );
      const experts = await serviceLevels.expertUsers(
        trx,
        stamped.flatMap((r) => (r.expert_id === null ? [] : [r.expert_id])),
      );
      const managers = await serviceLevels.providerManagers(
        trx,
        stamped.flatMap((r) => (r.provider_id === null ? [] : [r.provider_id])),
      );
      const kindFlags = stamped.map((r): ServiceLevelFlag => {
        const expertUserId = r.expert_id === null ? null : (experts.get(r.expert_id) ?? null);
        const managerUserIds = r.provider_id === null ? [] : (managers.get(r.provider_id) ?? []);
        return {
          requestId: r.id,
          code: r.code,
          kind,
          dueOn: r.due_on,
          providerId: r.provider_id,
          expertUserId,
          managerUserIds,
          recipientUserIds: kind.endsWith("warning") && expertUserId !== null ? [expertUserId] : [...managerUserIds],
        };
      });
      if (tell) await tell(trx, kindFlags);
      return kindFlags;
    });
    flags.push(...told);
  }
  return flags;
}
