import {
  bangkokDayBounds,
  fiscalYearOf,
  NATION_CODE,
  parsePeriodKey,
  periodKey,
  periodRange,
  satisfactionFigures,
  systemActor,
  type Actor,
} from "@sainam/core";
import { audit, caseWork, indicators, indicatorValues, type DB, type IndicatorRow } from "@sainam/db";
import type { ComputedSourceBody } from "@sainam/contract";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize } from "../policies/policy.ts";
import { writeCheckedRows, type WriteOutcome } from "../indicator-values/indicator-value.service.ts";
import { presentValue } from "../indicator-values/indicator-value.presenter.ts";
import { checkValueRow } from "../indicator-values/value-rules.ts";
import { assertUnlocked, planValuesResource } from "../indicator-values/value-scope.ts";
import { editablePlan } from "../plans/plan.service.ts";

/*
 * Satisfaction indicators computed from the firms' ratings of closed requests (issue 13, point 5; seed 000's
 * KPI 2.3, "level of satisfaction of service users 80-90%").
 *
 * An indicator is marked `computed_from = service_ratings` (optionally only the requests of one agency's
 * providers). For a period (FY2027, FY2027-Q1, CY2027) its value is the mean satisfaction in percent of the
 * ratings of the requests CLOSED in that period — closure day read in Bangkok, so a request closed at 00:30 on
 * 1 October counts in the new fiscal year — for the whole country (org unit nation/TH).
 *
 * The least surprising way into the figures: the value is written like any other value, as a draft with
 * source `service_ratings` and a note saying how many ratings it comes from, and then goes through the plan's
 * ordinary submit/approve flow, so dashboards show it only once approved, and a period lock holds it. People do
 * not type it: entering a value of a computed indicator by hand is refused. Recomputing changes a draft or sent-
 * back value in place (an approved one goes back to draft, like any edit); `refreshComputedValues` (for the
 * scheduled-job runner) recomputes the current and previous fiscal year but leaves values waiting for, or past,
 * approval alone, so nobody's review is pulled from under them.
 */

export const SERVICE_RATINGS_SOURCE = "service_ratings";

/** Marks (or unmarks) an indicator as computed from service ratings: those who may edit the plan. */
export async function setComputedSource(ctx: AppContext, actor: Actor, indicatorId: number, input: ComputedSourceBody) {
  const { db } = ctx.database;
  const before = await indicators.findIndicator(db, indicatorId);
  if (!before) throw errors.notFound("indicator", indicatorId);
  await editablePlan(db, actor, before.plan_id);
  const agencyId = input.source === null ? null : (input.agencyId ?? null);
  if (
    agencyId !== null &&
    !(await db.selectFrom("agencies").select("id").where("id", "=", agencyId).executeTakeFirst())
  )
    throw errors.missing("agencyId", "agency", agencyId);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("indicators")
      .set({ computed_from: input.source, computed_agency_id: agencyId })
      .where("id", "=", indicatorId)
      .execute();
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "indicator.computed_source",
      entityType: "indicator",
      entityId: indicatorId,
      before: { source: before.computed_from, agencyId: before.computed_agency_id },
      after: { source: input.source, agencyId },
    });
  });
  return { indicatorId, source: input.source, agencyId };
}

/** The satisfaction figures of a period: the ratings of requests closed in it (Bangkok days). */
export async function satisfactionOfPeriod(
  db: Kysely<DB>,
  key: string,
  agencyId: number | null,
): Promise<ReturnType<typeof satisfactionFigures> & { count: number }> {
  const period = parsePeriodKey(key);
  if (!period) throw errors.validation("periodKey", `"${key}" is not a period key`, "invalid_format");
  const range = periodRange(period);
  const bounds = bangkokDayBounds(range.start, range.end);
  const ratings = await caseWork.ratingsClosedBetween(db, { ...bounds, agencyId });
  return { ...satisfactionFigures(ratings), count: ratings.length };
}

/** The row to write for the indicator's aggregation: a ratio keeps its parts, any other rule the percentage. */
function valueRow(
  indicator: IndicatorRow,
  key: string,
  figures: { numerator: number; denominator: number; percent: number; count: number },
) {
  const ratio = indicator.aggregation === "ratio";
  const checked = checkValueRow(indicator, {
    orgUnitType: "nation",
    orgUnitCode: NATION_CODE,
    periodKey: key,
    breakdown: {},
    ...(ratio ? { numerator: figures.numerator, denominator: figures.denominator } : { value: figures.percent }),
    ...(indicator.aggregation === "weighted_mean" ? { weight: figures.count } : {}),
    source: SERVICE_RATINGS_SOURCE,
    note: `Computed from ${figures.count} rating(s) of requests for help closed in ${key}`,
  });
  if (!checked.ok) throw errors.invalid("the computed value does not fit the indicator", []);
  return checked.row;
}

async function computedIndicator(db: Kysely<DB>, indicatorId: number) {
  const found = await indicatorValues.findIndicatorInPlan(db, indicatorId);
  if (!found) throw errors.notFound("indicator", indicatorId);
  if (found.indicator.computed_from !== SERVICE_RATINGS_SOURCE)
    throw errors.conflict(
      `indicator ${found.indicator.code} is entered by people, not computed from service ratings`,
      "",
      "not_applicable",
    );
  return found;
}

async function writeComputed(
  db: Kysely<DB>,
  actor: Actor,
  found: Awaited<ReturnType<typeof computedIndicator>>,
  key: string,
): Promise<{ outcome: WriteOutcome | null; count: number; percent: number | null }> {
  const figures = await satisfactionOfPeriod(db, key, found.indicator.computed_agency_id);
  if (figures.percent === null) return { outcome: null, count: 0, percent: null };
  const row = valueRow(found.indicator, key, { ...figures, percent: figures.percent });
  await assertUnlocked(db, found.plan.id, [key]);
  const [outcome] = await db.transaction().execute(async (trx) => {
    await assertUnlocked(trx, found.plan.id, [key]);
    return writeCheckedRows(trx, actor, found.indicator.id, [row], { auditAction: "indicator_value.compute" });
  });
  return { outcome: outcome ?? null, count: figures.count, percent: figures.percent };
}

/**
 * Computes one period's value of a ratings-computed indicator and writes it as a draft for the plan's approval:
 * those who may enter the plan's national values.
 */
export async function computeSatisfactionValue(ctx: AppContext, actor: Actor, indicatorId: number, key: string) {
  const { db } = ctx.database;
  const found = await computedIndicator(db, indicatorId);
  const resource = await planValuesResource(db, found.plan);
  authorize(actor, "enter", { ...resource, orgUnit: { type: "nation", code: NATION_CODE } });
  const result = await writeComputed(db, actor, found, key);
  if (!result.outcome) return { value: null, ratings: 0, percent: null, outcome: "no_ratings" as const };
  const status = result.outcome.status;
  return {
    value: presentValue(result.outcome.row, true),
    ratings: result.count,
    percent: result.percent,
    outcome: status === "imported" ? ("created" as const) : status,
  };
}

/**
 * Scheduled work (for the job runner, `(db, now)`): recomputes every ratings-computed
 * indicator for the fiscal year of `now` and the one before, skipping values already submitted or approved and
 * locked periods. Answers how many values it wrote.
 */
export async function refreshComputedValues(db: Kysely<DB>, now: Date): Promise<number> {
  const fy = fiscalYearOf(now);
  const keys = [fy - 1, fy].map((year) => periodKey({ type: "fiscal_year", year }));
  const rows = await db
    .selectFrom("indicators")
    .select("id")
    .where("computed_from", "=", SERVICE_RATINGS_SOURCE)
    .execute();
  let written = 0;
  for (const { id } of rows) {
    const found = await computedIndicator(db, id);
    for (const key of keys) {
      const existing = await indicatorValues.findValuesByKeys(db, id, [
        { orgUnitType: "nation", orgUnitCode: NATION_CODE, periodKey: key, disaggregation: "" },
      ]);
      const current = [...existing.values()][0];
      if (current && (current.status === "submitted" || current.status === "approved")) continue;
      try {
        const result = await writeComputed(db, systemActor, found, key);
        if (result.outcome && result.outcome.status !== "unchanged") written += 1;
      } catch (error) {
        // A locked period is left as it is; anything else is a real failure.
        if ((error as { code?: string }).code === "period_locked") continue;
        throw error;
      }
    }
  }
  return written;
}
