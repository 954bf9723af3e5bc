import { isPeriodKey, type Actor } from "@sainam/core";
import { audit, nowIso, periodLocks, plans, type PeriodLockRow } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, seesWhoActed } from "../policies/policy.ts";
import { planValuesResource } from "./value-scope.ts";

function presentLock(l: PeriodLockRow, showPeople: boolean) {
  return {
    planId: l.plan_id,
    periodKey: l.period_key,
    lockedBy: showPeople ? l.locked_by : null,
    lockedAt: l.locked_at,
  };
}

async function requirePlan(ctx: AppContext, planId: number) {
  const plan = await plans.findPlan(ctx.database.db, planId);
  if (!plan) throw errors.notFound("plan", planId);
  return { plan, resource: await planValuesResource(ctx.database.db, plan) };
}

export async function listPeriodLocks(ctx: AppContext, actor: Actor, planId: number) {
  const { resource } = await requirePlan(ctx, planId);
  authorize(actor, "read", resource);
  const showPeople = seesWhoActed(actor);
  return { items: (await periodLocks.listLocks(ctx.database.db, planId)).map((l) => presentLock(l, showPeople)) };
}

/** Locks a period of a plan: its values (and, for a fiscal year, its quarters' values) can no longer change. */
export async function lockPeriod(ctx: AppContext, actor: Actor, planId: number, periodKey: string) {
  const { resource } = await requirePlan(ctx, planId);
  authorize(actor, "lock", resource);
  if (!isPeriodKey(periodKey))
    throw errors.validation(
      "periodKey",
      `"${periodKey}" is not a period key such as FY2021, CY2021 or FY2021-Q1`,
      "invalid_format",
      { format: "period_key" },
    );
  return ctx.database.db.transaction().execute(async (trx) => {
    const [existing] = await periodLocks.findLocks(trx, planId, [periodKey]);
    if (existing)
      throw errors.conflict(`period ${periodKey} of plan ${planId} is already locked`, "periodKey", "already_locked", {
        period: periodKey,
      });
    const lock = await periodLocks.insertLock(
      trx,
      planId,
      periodKey,
      actor.kind === "user" ? actor.id : null,
      nowIso(),
    );
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "period_lock.create",
      entityType: "plan",
      entityId: planId,
      after: { periodKey },
    });
    return presentLock(lock, true);
  });
}

export async function unlockPeriod(ctx: AppContext, actor: Actor, planId: number, periodKey: string) {
  const { resource } = await requirePlan(ctx, planId);
  authorize(actor, "lock", resource);
  return ctx.database.db.transaction().execute(async (trx) => {
    const deleted = await periodLocks.deleteLock(trx, planId, periodKey);
    if (deleted === 0) throw errors.notFound("period lock", periodKey);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "period_lock.delete",
      entityType: "plan",
      entityId: planId,
      before: { periodKey },
    });
    return { ok: true as const };
  });
}
