import type { Actor } from "@sainam/core";
import {
  audit,
  indicatorValues,
  nowIso,
  periodLocks,
  plans,
  type DB,
  type IndicatorRow,
  type IndicatorValueRow,
} from "@sainam/db";
import type { Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors, type ErrorDetail } from "../errors.ts";
import { authorize, can, valueVisibility, type PlanValuesResource } from "../policies/policy.ts";
import { describeApprovals, pendingApprovals } from "./approval-chain.ts";
import { auditedValue, presentIndicatorForValues, presentValue } from "./indicator-value.presenter.ts";
import { checkValueRow, type CheckedValueRow, type ValueRowInput } from "./value-rules.ts";
import { assertKnownUnitFilter, assertUnlocked, planValuesResource } from "./value-scope.ts";

function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

export type ValueListQuery = {
  periodKey?: string | undefined;
  orgUnitType?: string | undefined;
  orgUnitCode?: string | undefined;
  disaggregation?: string | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
};

/** What the actor may do with a plan's values, for the entry screens. */
function accessOf(actor: Actor, resource: PlanValuesResource) {
  return {
    enter: can(actor, "enter", resource),
    approve: can(actor, "approve", resource),
    lock: can(actor, "lock", resource),
  };
}

/** One indicator's values, filtered and paged; drafts and submitted values only for those in the plan's scope. */
export async function listIndicatorValues(ctx: AppContext, actor: Actor, indicatorId: number, query: ValueListQuery) {
  const { db } = ctx.database;
  const found = await indicatorValues.findIndicatorInPlan(db, indicatorId);
  if (!found) throw errors.notFound("indicator", indicatorId);
  const resource = await planValuesResource(db, found.plan);
  authorize(actor, "read", resource);
  await assertKnownUnitFilter(db, query);
  const visibility = valueVisibility(actor, resource);
  const { items, total } = await indicatorValues.listValues(db, {
    indicatorIds: [indicatorId],
    ...query,
    ...visibility,
  });
  const locks = await periodLocks.listLocks(db, found.plan.id);
  const showPeople = visibility.visibleStatuses === undefined;
  // Who approves the submitted values (agencies, officers' names): for those who work on the plan's values.
  const submitted = showPeople ? items.filter((v) => v.status === "submitted") : [];
  const approvals = await describeApprovals(db, await pendingApprovals(db, found.plan, submitted));
  return {
    indicator: presentIndicatorForValues(found.indicator, found.plan.id),
    access: accessOf(actor, resource),
    lockedPeriods: locks.map((l) => l.period_key),
    items: items.map((v) => presentValue(v, showPeople)),
    approvals: [...approvals.values()],
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every indicator's values of a plan, optionally for one period. */
export async function listPlanValues(ctx: AppContext, actor: Actor, planId: number, query: ValueListQuery) {
  const { db } = ctx.database;
  const plan = await plans.findPlan(db, planId);
  if (!plan) throw errors.notFound("plan", planId);
  const resource = await planValuesResource(db, plan);
  authorize(actor, "read", resource);
  await assertKnownUnitFilter(db, query);
  const visibility = valueVisibility(actor, resource);
  const indicators = await indicatorValues.listPlanIndicators(db, planId);
  const { items, total } = await indicatorValues.listValues(db, {
    indicatorIds: indicators.map((i) => i.id),
    ...query,
    ...visibility,
  });
  const showPeople = visibility.visibleStatuses === undefined;
  return { items: items.map((v) => presentValue(v, showPeople)), total, page: query.page, pageSize: query.pageSize };
}

export type WriteOutcome = { row: IndicatorValueRow; status: "imported" | "updated" | "unchanged" };

function sameFigures(existing: IndicatorValueRow, row: CheckedValueRow): boolean {
  return (
    existing.value === row.value &&
    existing.numerator === row.numerator &&
    existing.denominator === row.denominator &&
    existing.weight === row.weight &&
    existing.source === row.source &&
    existing.note === row.note &&
    existing.evidence_url === row.evidenceUrl
  );
}

/**
 * Upserts checked rows of one indicator on their unique key, in the caller's transaction: new values and
 * edited ones are drafts (an approved value edited goes back to draft), each write audited with before and
 * after; a row identical to what is stored is left alone.
 */
export async function writeCheckedRows(
  trx: Transaction<DB>,
  actor: Actor,
  indicatorId: number,
  rows: readonly CheckedValueRow[],
  options: { isExample?: boolean; auditAction?: string } = {},
): Promise<WriteOutcome[]> {
  const now = nowIso();
  const keyOf = (r: CheckedValueRow) => ({
    orgUnitType: r.orgUnitType,
    orgUnitCode: r.orgUnitCode,
    periodKey: r.periodKey,
    disaggregation: r.disaggregation,
  });
  const existing = await indicatorValues.findValuesByKeys(trx, indicatorId, rows.map(keyOf));
  const outcomes: WriteOutcome[] = [];
  for (const row of rows) {
    const before = existing.get(indicatorValues.valueKeyText(keyOf(row)));
    const fields = {
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      weight: row.weight,
      source: row.source,
      note: row.note,
      evidence_url: row.evidenceUrl,
    };
    // A person writing over an example value makes it theirs, even with the same figures: it loses the label.
    const adopted = before !== undefined && before.is_example === 1 && !options.isExample;
    if (before && sameFigures(before, row) && !adopted) {
      outcomes.push({ row: before, status: "unchanged" });
      continue;
    }
    const after = before
      ? await indicatorValues.updateValueFields(trx, before.id, fields, actorId(actor), now, options.isExample ? 1 : 0)
      : await indicatorValues.insertValue(trx, {
          ...fields,
          indicator_id: indicatorId,
          org_unit_type: row.orgUnitType,
          org_unit_code: row.orgUnitCode,
          period_key: row.periodKey,
          disaggregation: row.disaggregation,
          status: "draft",
          entered_by: actorId(actor),
          is_example: options.isExample ? 1 : 0,
          now,
        });
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: options.auditAction ?? (before ? "indicator_value.update" : "indicator_value.create"),
      entityType: "indicator_value",
      entityId: after.id,
      ...(before ? { before: auditedValue(before) } : {}),
      after: auditedValue(after),
    });
    outcomes.push({ row: after, status: before ? "updated" : "imported" });
  }
  return outcomes;
}

/**
 * Checks a batch of rows for one indicator against the database: each org unit exists, no two rows share a
 * key. Answers the problems by row index and field; empty when the batch is usable.
 */
export async function checkRowsAgainstDatabase(
  db: AppContext["database"]["db"],
  rows: ReadonlyArray<{ index: number; row: CheckedValueRow }>,
): Promise<
  Array<{ index: number; field: string; message: string; code: "not_found" | "duplicate"; params?: { row: number } }>
> {
  const problems: Array<{
    index: number;
    field: string;
    message: string;
    code: "not_found" | "duplicate";
    params?: { row: number };
  }> = [];
  const byType = new Map<string, string[]>();
  for (const { row } of rows) byType.set(row.orgUnitType, [...(byType.get(row.orgUnitType) ?? []), row.orgUnitCode]);
  const existing = new Map<string, Set<string>>();
  for (const [type, codes] of byType) existing.set(type, await indicatorValues.existingOrgUnitCodes(db, type, codes));
  const seen = new Map<string, number>();
  for (const { index, row } of rows) {
    if (!existing.get(row.orgUnitType)?.has(row.orgUnitCode))
      problems.push({
        index,
        field: "orgUnitCode",
        message: `no ${row.orgUnitType.replace("_", " ")} with code "${row.orgUnitCode}"`,
        code: "not_found",
      });
    const key = indicatorValues.valueKeyText({
      orgUnitType: row.orgUnitType,
      orgUnitCode: row.orgUnitCode,
      periodKey: row.periodKey,
      disaggregation: row.disaggregation,
    });
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problems.push({
        index,
        field: "periodKey",
        message: `same org unit, period and breakdown as row ${earlier}`,
        code: "duplicate",
        params: { row: earlier },
      });
    else seen.set(key, index);
  }
  return problems;
}

/**
 * Enters a batch of values for one indicator, all or nothing: every invalid row is reported (400, details
 * `rows.N.field`) and nothing is written; a locked period refuses the batch (409 `period_locked`).
 */
export async function enterValues(ctx: AppContext, actor: Actor, indicatorId: number, rows: readonly ValueRowInput[]) {
  const { db } = ctx.database;
  const found = await indicatorValues.findIndicatorInPlan(db, indicatorId);
  if (!found) throw errors.notFound("indicator", indicatorId);
  // A value computed by the system (e.g. satisfaction from service ratings) is not typed over by hand.
  if (found.indicator.computed_from !== null)
    throw errors.conflict(
      `indicator ${found.indicator.code} is computed from ${found.indicator.computed_from}; compute its values instead`,
      "rows",
      "not_applicable",
      { computedFrom: found.indicator.computed_from },
    );
  const resource = await planValuesResource(db, found.plan);
  for (const row of rows)
    authorize(actor, "enter", { ...resource, orgUnit: { type: row.orgUnitType, code: row.orgUnitCode } });
  const checked = checkRows(found.indicator, rows);
  const dbProblems = await checkRowsAgainstDatabase(db, checked.rows);
  const details: ErrorDetail[] = [
    ...checked.details,
    ...dbProblems.map((p) => ({
      path: `rows.${p.index}.${p.field}`,
      message: p.message,
      code: p.code,
      ...(p.params ? { params: p.params } : {}),
    })),
  ];
  if (details.length > 0) {
    details.sort((a, b) => a.path.localeCompare(b.path, "en", { numeric: true }));
    throw errors.invalid(
      `${new Set(details.map((d) => d.path.split(".")[1])).size} of ${rows.length} rows are invalid; nothing was saved`,
      details,
    );
  }
  await assertUnlocked(
    db,
    found.plan.id,
    checked.rows.map((r) => r.row.periodKey),
  );
  const outcomes = await db.transaction().execute(async (trx) => {
    // Checked again inside the transaction, so a lock taken meanwhile is not written past.
    await assertUnlocked(
      trx,
      found.plan.id,
      checked.rows.map((r) => r.row.periodKey),
    );
    return writeCheckedRows(
      trx,
      actor,
      indicatorId,
      checked.rows.map((r) => r.row),
    );
  });
  return {
    items: outcomes.map((o) => presentValue(o.row, true)),
    counts: {
      created: outcomes.filter((o) => o.status === "imported").length,
      updated: outcomes.filter((o) => o.status === "updated").length,
      unchanged: outcomes.filter((o) => o.status === "unchanged").length,
    },
  };
}

function checkRows(indicator: IndicatorRow, rows: readonly ValueRowInput[]) {
  const details: ErrorDetail[] = [];
  const good: Array<{ index: number; row: CheckedValueRow }> = [];
  rows.forEach((row, index) => {
    const result = checkValueRow(indicator, row);
    if (result.ok) good.push({ index, row: result.row });
    else
      for (const issue of result.issues)
        details.push({
          path: `rows.${index}.${issue.field}`,
          message: issue.message,
          code: issue.code,
          ...(issue.params ? { params: issue.params } : {}),
        });
  });
  return { rows: good, details };
}
