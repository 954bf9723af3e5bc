import type { Actor } from "@sainam/core";
import { audit, indicatorValues, nowIso, type IndicatorValueRow, type PlanRow, type StatusPatch } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { approvalQueueScope, authorize, can, type PlanValuesResource } from "../policies/policy.ts";
import { auditedValue, presentValue } from "./indicator-value.presenter.ts";
import { assertUnlocked, planValuesResource } from "./value-scope.ts";

// The approval workflow of indicator values: draft → submitted → approved, or → rejected (with a note)
// and back to submitted once corrected; an approved value can be reopened to draft by the owner agency.

export const transitions = {
  submit: { from: ["draft", "rejected"], to: "submitted", action: "enter" },
  approve: { from: ["submitted"], to: "approved", action: "approve" },
  reject: { from: ["submitted"], to: "rejected", action: "approve" },
  reopen: { from: ["approved"], to: "draft", action: "approve" },
} as const;
export type Transition = keyof typeof transitions;

/** Which values a step applies to: a list of ids, or every value of an indicator and period in the step's start state. */
export type ValueSelection =
  { ids: number[] } | { indicatorId: number; periodKey: string; orgUnitType?: string | undefined };

async function selectValues(
  ctx: AppContext,
  selection: ValueSelection,
  from: readonly string[],
): Promise<IndicatorValueRow[]> {
  const { db } = ctx.database;
  if ("ids" in selection) {
    const ids = [...new Set(selection.ids)];
    const rows = await indicatorValues.findValuesByIds(db, ids);
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing !== undefined) throw errors.notFound("indicator value", missing);
    return rows;
  }
  const rows: IndicatorValueRow[] = [];
  for (const status of from) {
    const page = await indicatorValues.listValues(db, {
      indicatorIds: [selection.indicatorId],
      periodKey: selection.periodKey,
      orgUnitType: selection.orgUnitType,
      status,
      page: 1,
      pageSize: 100_000,
    });
    rows.push(...page.items);
  }
  return rows;
}

/**
 * Moves the selected values one step, all or nothing: each value is authorized on its plan (entering for
 * submit; the owner agency for approve, reject and reopen, and never by the user who entered it), must be
 * in the step's start state (else 409 naming it), and must not lie in a locked period (409 `period_locked`).
 */
export async function transitionValues(
  ctx: AppContext,
  actor: Actor,
  step: Transition,
  selection: ValueSelection,
  note?: string | undefined,
) {
  const { db } = ctx.database;
  const rule = transitions[step];
  if (step === "reject" && !note?.trim())
    throw errors.required("note", "is required when rejecting: say what must be corrected");
  if (!("ids" in selection)) {
    const found = await indicatorValues.findIndicatorInPlan(db, selection.indicatorId);
    if (!found) throw errors.notFound("indicator", selection.indicatorId);
  }
  const rows = await selectValues(ctx, selection, rule.from);
  const plansByIndicator = new Map<number, { plan: PlanRow; resource: PlanValuesResource }>();
  for (const row of rows) {
    if (plansByIndicator.has(row.indicator_id)) continue;
    const found = await indicatorValues.findIndicatorInPlan(db, row.indicator_id);
    if (!found) throw errors.notFound("indicator", row.indicator_id);
    plansByIndicator.set(row.indicator_id, { plan: found.plan, resource: await planValuesResource(db, found.plan) });
  }
  for (const row of rows) {
    const scope = plansByIndicator.get(row.indicator_id);
    if (!scope) continue;
    const orgUnit = { type: row.org_unit_type, code: row.org_unit_code };
    const reviewing = step === "approve" || step === "reject";
    if (!can(actor, "read_unapproved", { ...scope.resource, orgUnit }))
      throw errors.notFound("indicator value", row.id);
    authorize(actor, rule.action, { ...scope.resource, orgUnit, ...(reviewing ? { enteredBy: row.entered_by } : {}) });
  }
  for (const row of rows) {
    if (!rule.from.some((s) => s === row.status))
      throw errors.conflict(
        `value ${row.id} is ${row.status}; only ${rule.from.join(" or ")} values can be ${step === "submit" ? "submitted" : `${step}d`}`,
        "ids",
        "wrong_status",
        { id: row.id, status: row.status, step },
      );
  }
  const periodsByPlan = new Map<number, Set<string>>();
  for (const row of rows) {
    const plan = plansByIndicator.get(row.indicator_id)?.plan;
    if (plan) periodsByPlan.set(plan.id, (periodsByPlan.get(plan.id) ?? new Set()).add(row.period_key));
  }
  for (const [planId, periods] of periodsByPlan) await assertUnlocked(db, planId, periods);
  const now = nowIso();
  const patch: StatusPatch =
    step === "submit"
      ? { status: rule.to, submitted_at: now, review_note: null }
      : step === "approve"
        ? { status: rule.to, approved_by: actor.kind === "user" ? actor.id : null, approved_at: now }
        : step === "reject"
          ? { status: rule.to, review_note: note?.trim() ?? null }
          : { status: rule.to, approved_by: null, approved_at: null, submitted_at: null };
  const updated = await db.transaction().execute(async (trx) => {
    for (const [planId, periods] of periodsByPlan) await assertUnlocked(trx, planId, periods);
    const after = await indicatorValues.setStatus(
      trx,
      rows.map((r) => r.id),
      patch,
      now,
    );
    const beforeById = new Map(rows.map((r) => [r.id, r]));
    for (const value of after) {
      const before = beforeById.get(value.id);
      await audit.appendAudit(trx, {
        actorUserId: actor.kind === "user" ? actor.id : null,
        action: `indicator_value.${step}`,
        entityType: "indicator_value",
        entityId: value.id,
        ...(before ? { before: auditedValue(before) } : {}),
        after: auditedValue(value),
      });
    }
    return after;
  });
  return { items: updated.map((v) => presentValue(v, true)), count: updated.length };
}

/**
 * The submitted values the actor may approve: of every plan whose owner agency they are an officer of
 * (all plans for an admin), by indicator, period and org unit, with whether they may approve each (not their own).
 */
export async function approvalQueue(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number }) {
  const { db } = ctx.database;
  if (actor.kind === "public") throw errors.unauthenticated();
  const reviewable: Array<{ plan: PlanRow; resource: PlanValuesResource }> = [];
  const scope = approvalQueueScope(actor);
  if (scope === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  for (const plan of await indicatorValues.plansOwnedBy(db, scope.ownerAgencyId)) {
    const resource = await planValuesResource(db, plan);
    if (can(actor, "approve", resource)) reviewable.push({ plan, resource });
  }
  const indicatorsByPlan = new Map<
    number,
    Array<{ id: number; code: string; name_en: string | null; name_th: string | null; unit: string | null }>
  >();
  for (const { plan } of reviewable)
    indicatorsByPlan.set(plan.id, await indicatorValues.listPlanIndicators(db, plan.id));
  const resourceOfPlan = new Map(reviewable.map(({ plan, resource }) => [plan.id, resource]));
  const indicatorInfo = new Map<
    number,
    {
      planId: number;
      planCode: string;
      code: string;
      nameEn: string | null;
      nameTh: string | null;
      unit: string | null;
    }
  >();
  for (const { plan } of reviewable) {
    for (const i of indicatorsByPlan.get(plan.id) ?? [])
      indicatorInfo.set(i.id, {
        planId: plan.id,
        planCode: plan.code,
        code: i.code,
        nameEn: i.name_en,
        nameTh: i.name_th,
        unit: i.unit,
      });
  }
  const { items, total } = await indicatorValues.listValues(db, {
    indicatorIds: [...indicatorInfo.keys()],
    status: "submitted",
    page: query.page,
    pageSize: query.pageSize,
  });
  // Clusters and programmes are named here (the web app knows the geography's names, not these).
  const codesOf = (type: string) => items.filter((v) => v.org_unit_type === type).map((v) => v.org_unit_code);
  const names = {
    cluster: await indicatorValues.namedUnits(db, "cluster", codesOf("cluster")),
    programme: await indicatorValues.namedUnits(db, "programme", codesOf("programme")),
  };
  const unitName = (type: string, code: string) =>
    type === "cluster" || type === "programme" ? (names[type].get(code) ?? null) : null;
  return {
    items: items.map((v) => {
      const info = indicatorInfo.get(v.indicator_id);
      const resource = info ? resourceOfPlan.get(info.planId) : undefined;
      return {
        ...presentValue(v, true),
        indicator: info ?? null,
        unitName: unitName(v.org_unit_type, v.org_unit_code),
        // Separation of duties: a value is not approvable by whoever entered it.
        approvable: resource !== undefined && can(actor, "approve", { ...resource, enteredBy: v.entered_by }),
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
