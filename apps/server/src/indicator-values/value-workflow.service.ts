import type { Actor } from "@sainam/core";
import {
  audit,
  indicatorValues,
  nowIso,
  valueApprovals,
  type IndicatorValueRow,
  type PlanRow,
  type StatusPatch,
} from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { approvalQueueScope, authorize, can, type PlanValuesResource } from "../policies/policy.ts";
import { ancestorsOf, describeApprovals, inChain, pendingApprovals, type PendingApproval } from "./approval-chain.ts";
import { auditedValue, presentValue } from "./indicator-value.presenter.ts";
import { assertUnlocked, planValuesResource } from "./value-scope.ts";

// The approval workflow of indicator values: draft → submitted → approved, or → rejected (with a note)
// and back to submitted once corrected; an approved value can be reopened to draft by the owner agency.
// A plan asking for more than one approval level keeps a value submitted until its last level is approved
// (approval-chain.ts says who approves each level); every step is stored and audited.

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
/** The approval step of a value for the policy: who may approve the level it waits on, who approved before. */
function approvalStep(pending: PendingApproval | undefined) {
  return pending
    ? { agencyIds: pending.agencyIds, priorApprovers: pending.approvals.map((a) => a.approved_by) }
    : { agencyIds: [], priorApprovers: [] };
}

/**
 * Moves the selected values one step, all or nothing: each value is authorized on its plan (entering for
 * submit; for approve and reject, the officers of the agency its level waits on — never the user who entered
 * it, nor one who approved an earlier level; the owner agency for reopen), must be in the step's start state
 * (else 409 naming it), and must not lie in a locked period (409 `period_locked`). Approving a level before the
 * last leaves the value submitted, one level further.
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
  const reviewing = step === "approve" || step === "reject";
  const pending = new Map<number, PendingApproval>();
  if (reviewing) {
    const tree = await valueApprovals.agencyTree(db);
    for (const { plan } of new Map([...plansByIndicator.values()].map((s) => [s.plan.id, s])).values()) {
      const ofPlan = rows.filter((r) => plansByIndicator.get(r.indicator_id)?.plan.id === plan.id);
      for (const [id, p] of await pendingApprovals(db, plan, ofPlan, tree)) pending.set(id, p);
    }
  }
  for (const row of rows) {
    const scope = plansByIndicator.get(row.indicator_id);
    if (!scope) continue;
    const orgUnit = { type: row.org_unit_type, code: row.org_unit_code };
    if (!can(actor, "read_unapproved", { ...scope.resource, orgUnit }))
      throw errors.notFound("indicator value", row.id);
    authorize(actor, rule.action, {
      ...scope.resource,
      orgUnit,
      ...(reviewing ? { enteredBy: row.entered_by, approvalStep: approvalStep(pending.get(row.id)) } : {}),
    });
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
  const userId = actor.kind === "user" ? actor.id : null;
  const patchOf = (row: IndicatorValueRow): StatusPatch => {
    switch (step) {
      case "submit":
        return { status: rule.to, submitted_at: now, review_note: null, approval_level: 0 };
      case "approve": {
        const level = row.approval_level + 1;
        const levels = pending.get(row.id)?.chain.levels ?? 1;
        return level >= levels
          ? { status: rule.to, approved_by: userId, approved_at: now, approval_level: level }
          : { status: "submitted", approval_level: level };
      }
      case "reject":
        return { status: rule.to, review_note: note?.trim() ?? null, approval_level: 0 };
      case "reopen":
        return { status: rule.to, approved_by: null, approved_at: null, submitted_at: null, approval_level: 0 };
    }
  };
  const updated = await db.transaction().execute(async (trx) => {
    for (const [planId, periods] of periodsByPlan) await assertUnlocked(trx, planId, periods);
    const after: IndicatorValueRow[] = [];
    // Values move together when their patch is the same (submit, reject, reopen); approval levels differ per value.
    const groups = new Map<string, { patch: StatusPatch; ids: number[] }>();
    for (const row of rows) {
      const patch = patchOf(row);
      const key = JSON.stringify(patch);
      groups.set(key, { patch, ids: [...(groups.get(key)?.ids ?? []), row.id] });
    }
    for (const { patch, ids } of groups.values())
      after.push(...(await indicatorValues.setStatus(trx, ids, patch, now)));
    after.sort((a, b) => a.id - b.id);
    const beforeById = new Map(rows.map((r) => [r.id, r]));
    for (const value of after) {
      const before = beforeById.get(value.id);
      let level: number | undefined;
      if (step === "approve" && before) {
        level = before.approval_level + 1;
        const approverAgency =
          actor.kind === "user" && actor.agencyId !== null && pending.get(value.id)?.agencyIds.includes(actor.agencyId)
            ? actor.agencyId
            : null;
        await valueApprovals.appendApproval(trx, {
          value_id: value.id,
          level,
          agency_id: approverAgency,
          approved_by: userId,
          approved_at: now,
        });
      }
      await audit.appendAudit(trx, {
        actorUserId: userId,
        action: `indicator_value.${step}`,
        entityType: "indicator_value",
        entityId: value.id,
        ...(before ? { before: auditedValue(before) } : {}),
        after: { ...auditedValue(value), ...(level !== undefined ? { approvedLevel: level } : {}) },
      });
    }
    return after;
  });
  return { items: updated.map((v) => presentValue(v, true)), count: updated.length };
}

type IndicatorInfo = {
  planId: number;
  planCode: string;
  code: string;
  nameEn: string | null;
  nameTh: string | null;
  unit: string | null;
};

/**
 * The submitted values in the actor's reach: of plans owned by their agency or one above it (every plan for an
 * admin), whose approval chain includes their agency, and the values they entered themselves. Each says whether
 * the actor may approve it now and, when not, why and who can (the level's agencies and their officers' names).
 */
export async function approvalQueue(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number }) {
  const { db } = ctx.database;
  if (actor.kind === "public") throw errors.unauthenticated();
  const scope = approvalQueueScope(actor);
  if (scope === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const tree = await valueApprovals.agencyTree(db);
  const owners = scope.agencyId === null ? null : [scope.agencyId, ...ancestorsOf(tree, scope.agencyId)];
  const reviewable: Array<{ plan: PlanRow; resource: PlanValuesResource }> = [];
  for (const plan of await indicatorValues.plansOwnedBy(db, owners)) {
    const resource = await planValuesResource(db, plan);
    if (can(actor, "read_unapproved", resource)) reviewable.push({ plan, resource });
  }
  const indicatorInfo = new Map<number, IndicatorInfo>();
  for (const { plan } of reviewable)
    for (const i of await indicatorValues.listPlanIndicators(db, plan.id))
      indicatorInfo.set(i.id, {
        planId: plan.id,
        planCode: plan.code,
        code: i.code,
        nameEn: i.name_en,
        nameTh: i.name_th,
        unit: i.unit,
      });
  // Every submitted value of these plans, then those in the actor's reach; the queue is a working list, small
  // next to the values stored.
  const { items: submitted } = await indicatorValues.listValues(db, {
    indicatorIds: [...indicatorInfo.keys()],
    status: "submitted",
    page: 1,
    pageSize: 1_000_000,
  });
  const pending = new Map<number, PendingApproval>();
  for (const { plan } of reviewable) {
    const ofPlan = submitted.filter((v) => indicatorInfo.get(v.indicator_id)?.planId === plan.id);
    for (const [id, p] of await pendingApprovals(db, plan, ofPlan, tree)) pending.set(id, p);
  }
  const inReach = submitted.filter((v) => {
    if (scope.agencyId === null) return true;
    const p = pending.get(v.id);
    return (
      (p !== undefined && inChain(p.chain, scope.agencyId)) || (actor.kind === "user" && v.entered_by === actor.id)
    );
  });
  const items = inReach.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const states = await describeApprovals(
    db,
    new Map(
      items.flatMap((v) => {
        const p = pending.get(v.id);
        return p ? [[v.id, p] as const] : [];
      }),
    ),
    tree,
  );
  // Clusters and programmes are named here (the web app knows the geography's names, not these).
  const codesOf = (type: string) => items.filter((v) => v.org_unit_type === type).map((v) => v.org_unit_code);
  const names = {
    cluster: await indicatorValues.namedUnits(db, "cluster", codesOf("cluster")),
    programme: await indicatorValues.namedUnits(db, "programme", codesOf("programme")),
  };
  const unitName = (type: string, code: string) =>
    type === "cluster" || type === "programme" ? (names[type].get(code) ?? null) : null;
  const resourceOfPlan = new Map(reviewable.map(({ plan, resource }) => [plan.id, resource]));
  return {
    items: items.map((v) => {
      const info = indicatorInfo.get(v.indicator_id);
      const resource = info ? resourceOfPlan.get(info.planId) : undefined;
      const p = pending.get(v.id);
      const step = approvalStep(p);
      const approvable =
        resource !== undefined && can(actor, "approve", { ...resource, enteredBy: v.entered_by, approvalStep: step });
      // Separation of duties first: a value is not approvable by whoever entered it, nor twice by one person.
      const because = approvable
        ? null
        : actor.kind === "user" && v.entered_by === actor.id
          ? ("own_entry" as const)
          : actor.kind === "user" && step.priorApprovers.includes(actor.id)
            ? ("approved_earlier_level" as const)
            : ("other_agency" as const);
      return {
        ...presentValue(v, true),
        indicator: info ?? null,
        unitName: unitName(v.org_unit_type, v.org_unit_code),
        approvable,
        notApprovableBecause: because,
        approval: states.get(v.id) ?? { valueId: v.id, level: 1, levels: 1, approvers: [], steps: [] },
      };
    }),
    total: inReach.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
