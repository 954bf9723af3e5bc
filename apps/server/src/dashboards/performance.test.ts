import { publicActor, systemActor, type Actor, type Target } from "@sainam/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardFactory, province, type DashboardFactory } from "../test-support/dashboard-factory.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { planPerformance } from "./performance.service.ts";
import type { IndicatorPerformance, PlanPerformance } from "./performance.types.ts";

let t: TestApp;
let f: DashboardFactory;
let moc: number;
let planId: number;
let nodeId: number;
let officer: Actor;
let otherOfficer: Actor;
let upperNorth1: string;

const FY = "FY2021";
const PREV = "FY2020";

beforeAll(async () => {
  t = await createTestApp();
  f = dashboardFactory(t.ctx.database);
  moc = await f.agencyId("MOC");
  const dip = await f.agencyId("DIP");
  const pco = await f.agencyId("MOC-PCO");
  ({ planId, nodeId } = await f.plan({ ownerAgencyId: moc }));
  officer = { kind: "user", id: 9001, role: "agency_officer", agencyId: pco, clusterIds: [], enterpriseId: null };
  otherOfficer = { kind: "user", id: 9002, role: "agency_officer", agencyId: dip, clusterIds: [], enterpriseId: null };
  const pc = await t.ctx.database.db
    .selectFrom("provincial_clusters")
    .select("id")
    .where("number", "=", 15)
    .executeTakeFirstOrThrow();
  upperNorth1 = String(pc.id);
});
afterAll(async () => {
  await t.close();
});

async function indicatorWith(
  code: string,
  target: Target | null,
  options: Partial<Parameters<DashboardFactory["indicator"]>[0]> = {},
) {
  const id = await f.indicator({ nodeId, code, aggregation: "sum", ...options });
  await f.target({ indicatorId: id, target });
  return id;
}

function find(performance: PlanPerformance, indicatorId: number): IndicatorPerformance {
  const all = performance.nodes.flatMap(function walk(n): IndicatorPerformance[] {
    return [...n.indicators, ...n.children.flatMap(walk)];
  });
  const found = all.find((i) => i.indicatorId === indicatorId);
  if (!found) throw new Error(`indicator ${indicatorId} not in the performance`);
  return found;
}

const nation = (actor: Actor = publicActor, includeUnapproved?: boolean) =>
  planPerformance(t.ctx, actor, {
    planId,
    periodKey: FY,
    ...(includeUnapproved === undefined ? {} : { includeUnapproved }),
  });

describe("#planPerformance achievement for every target form", () => {
  it("judges an absolute target on the sum of the provinces' approved values", async () => {
    const id = await indicatorWith("ABS", { kind: "absolute", comparator: ">=", value: 100, unit: null });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 70 });
    await f.value({ indicatorId: id, unit: province("51"), periodKey: FY, value: 50 });
    await f.value({ indicatorId: id, unit: province("10"), periodKey: FY, value: 500, status: "rejected" });
    const result = find(await nation(), id);
    expect(result.value).toBe(120);
    expect(result.valueSource).toBe("computed");
    expect(result.coverage).toEqual({ reported: 2, expected: 77 });
    expect(result.achievement).toEqual({ status: "achieved", reason: "target_met", figure: 120 });
  });

  it("recomputes a ratio indicator from the provinces' counts, where averaging their percentages would pass the range", async () => {
    const id = await indicatorWith(
      "RANGE",
      { kind: "range", min: 80, max: 90, better: "higher", unit: "%" },
      { aggregation: "ratio", ratioScale: 100 },
    );
    // 95 %, 85 % and 60 %: their average is 80 % (in range), but 336 of 540 is 62.2 %.
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 95, numerator: 19, denominator: 20 });
    await f.value({ indicatorId: id, unit: province("51"), periodKey: FY, value: 85, numerator: 17, denominator: 20 });
    await f.value({
      indicatorId: id,
      unit: province("10"),
      periodKey: FY,
      value: 60,
      numerator: 300,
      denominator: 500,
    });
    const result = find(await nation(), id);
    expect(result.value).toBeCloseTo((336 / 540) * 100, 8);
    expect(result.achievement.status).toBe("not_achieved");
    // In the provincial cluster of Chiang Mai and Lamphun only: 36 of 40 = 90 %.
    const cluster = find(
      await planPerformance(t.ctx, publicActor, {
        planId,
        periodKey: FY,
        orgUnit: { type: "provincial_cluster", code: upperNorth1 },
      }),
      id,
    );
    expect(cluster.value).toBe(90);
    expect(cluster.coverage).toEqual({ reported: 2, expected: 4 });
    expect(cluster.achievement).toEqual({ status: "achieved", reason: "within_range", figure: 90 });
  });

  it("judges a change on the previous period's actual", async () => {
    const id = await indicatorWith("CHG", {
      kind: "change",
      direction: "increase",
      measure: "percent",
      against: "previous_period",
      min: 5,
      max: null,
    });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: PREV, value: 100 });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 106 });
    const result = find(await nation(), id);
    expect(result.previousValue).toBe(100);
    expect(result.previousPeriodKey).toBe(PREV);
    expect(result.achievement).toEqual({ status: "achieved", reason: "target_met", figure: 6 });
  });

  it("says not assessable when the previous period has no value", async () => {
    const id = await indicatorWith("CHG-NOPREV", {
      kind: "change",
      direction: "increase",
      measure: "percent",
      against: "previous_period",
      min: 1,
      max: 2,
    });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 10 });
    expect(find(await nation(), id).achievement).toEqual({
      status: "not_assessable",
      reason: "missing_previous_value",
      figure: null,
    });
  });

  it("says not assessable for a percent change on a zero previous value", async () => {
    const id = await indicatorWith("CHG-ZERO", {
      kind: "change",
      direction: "increase",
      measure: "percent",
      against: "previous_period",
      min: 5,
      max: null,
    });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: PREV, value: 0 });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 10 });
    expect(find(await nation(), id).achievement).toEqual({
      status: "not_assessable",
      reason: "zero_previous_value",
      figure: null,
    });
  });

  it("judges a negative change: achieved for a decrease target, not achieved for an increase target", async () => {
    const down = await indicatorWith(
      "CHG-DOWN",
      { kind: "change", direction: "decrease", measure: "percent", against: "previous_period", min: 10, max: null },
      { direction: "decrease" },
    );
    const up = await indicatorWith("CHG-UP", {
      kind: "change",
      direction: "increase",
      measure: "percent",
      against: "previous_period",
      min: 1,
      max: null,
    });
    for (const id of [down, up]) {
      await f.value({ indicatorId: id, unit: province("50"), periodKey: PREV, value: 200 });
      await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 170 });
    }
    const performance = await nation();
    expect(find(performance, down).achievement).toEqual({ status: "achieved", reason: "target_met", figure: -15 });
    expect(find(performance, up).achievement).toEqual({ status: "not_achieved", reason: "no_progress", figure: -15 });
  });

  it("says not assessable for a change on the baseline when the indicator has none", async () => {
    const id = await indicatorWith("CHG-NOBASE", {
      kind: "change",
      direction: "increase",
      measure: "percent",
      against: "baseline",
      min: 5,
      max: null,
    });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 10 });
    const result = find(await nation(), id);
    expect(result.baselineValue).toBeNull();
    expect(result.achievement).toEqual({ status: "not_assessable", reason: "missing_baseline_value", figure: null });
  });

  it("reads the baseline from the baseline period's actual when only the period is set", async () => {
    const id = await indicatorWith(
      "CHG-BASEPERIOD",
      { kind: "change", direction: "increase", measure: "percent", against: "baseline", min: 10, max: null },
      { baselinePeriod: "FY2017" },
    );
    await f.value({ indicatorId: id, unit: province("50"), periodKey: "FY2017", value: 50 });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 60 });
    const result = find(await nation(), id);
    expect(result.baselineValue).toBe(50);
    expect(result.achievement).toEqual({ status: "achieved", reason: "target_met", figure: 20 });
  });

  it("judges a band on the mean of the provinces", async () => {
    const id = await indicatorWith(
      "BAND",
      { kind: "band", reference: 2.5, tolerance: 1.5, unit: "%" },
      { aggregation: "mean" },
    );
    const rows: [string, number][] = [
      ["50", 2],
      ["51", 3],
      ["10", 5],
    ];
    for (const [code, value] of rows) await f.value({ indicatorId: id, unit: province(code), periodKey: FY, value });
    const result = find(await nation(), id);
    expect(result.value).toBeCloseTo(10 / 3, 9);
    expect(result.achievement.reason).toBe("inside_band");
  });

  it("judges a share target on a weighted mean, partly achieved just short of the bar", async () => {
    const id = await indicatorWith("SHARE", { kind: "share", min: 90, max: 100 }, { aggregation: "weighted_mean" });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 80, weight: 1 });
    await f.value({ indicatorId: id, unit: province("51"), periodKey: FY, value: 90, weight: 3 });
    await f.value({ indicatorId: id, unit: province("10"), periodKey: FY, value: 10 });
    const result = find(await nation(), id);
    expect(result.value).toBe(87.5);
    expect(result.aggregationIssue).toBe("units_excluded");
    expect(result.achievement).toEqual({ status: "partly_achieved", reason: "within_tolerance", figure: 87.5 });
  });

  it("says not assessable for a direction without threshold, and judges one with a threshold", async () => {
    const bare = await indicatorWith("DIR", {
      kind: "direction",
      direction: "increase",
      significant: true,
      threshold: null,
    });
    const set = await indicatorWith("DIR-SET", {
      kind: "direction",
      direction: "increase",
      significant: true,
      threshold: { measure: "percent", against: "previous_period", amount: 5 },
    });
    for (const id of [bare, set]) {
      await f.value({ indicatorId: id, unit: province("50"), periodKey: PREV, value: 100 });
      await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 103 });
    }
    const performance = await nation();
    expect(find(performance, bare).achievement).toEqual({
      status: "not_assessable",
      reason: "no_threshold",
      figure: null,
    });
    expect(find(performance, set).achievement).toEqual({
      status: "partly_achieved",
      reason: "right_direction",
      figure: 3,
    });
  });

  it("says not assessable, no target, for an indicator whose target has no structured form", async () => {
    const id = await indicatorWith("NOTARGET", null);
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 1 });
    expect(find(await nation(), id).achievement).toEqual({
      status: "not_assessable",
      reason: "no_target",
      figure: null,
    });
  });

  it("says no data when nothing was reported", async () => {
    const id = await indicatorWith("EMPTY", { kind: "absolute", comparator: ">=", value: 1, unit: null });
    const result = find(await nation(), id);
    expect(result).toMatchObject({
      value: null,
      valueSource: "none",
      achievement: { status: "no_data", reason: "missing_value" },
    });
    expect(result.aggregationIssue).toBe("no_units_reported");
  });

  it("gives no figure for a not-aggregable indicator unless reported at the unit itself", async () => {
    const id = await indicatorWith(
      "RANK",
      { kind: "absolute", comparator: "<=", value: 3, unit: null },
      { aggregation: "none" },
    );
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 1 });
    expect(find(await nation(), id)).toMatchObject({ value: null, aggregationIssue: "not_aggregable" });
    await f.value({ indicatorId: id, unit: { type: "nation", code: "TH" }, periodKey: FY, value: 2 });
    expect(find(await nation(), id)).toMatchObject({
      value: 2,
      valueSource: "reported",
      achievement: { status: "achieved" },
    });
  });
});

describe("#planPerformance targets and units", () => {
  it("uses the most specific target: this period and unit, then this period, then the whole plan", async () => {
    const id = await f.indicator({ nodeId, code: "SPECIFIC", aggregation: "sum" });
    await f.target({ indicatorId: id, target: { kind: "absolute", comparator: ">=", value: 1, unit: null } });
    await f.target({
      indicatorId: id,
      target: { kind: "absolute", comparator: ">=", value: 2, unit: null },
      periodKey: FY,
    });
    await f.target({
      indicatorId: id,
      target: { kind: "absolute", comparator: ">=", value: 3, unit: null },
      periodKey: FY,
      unit: province("50"),
    });
    await f.target({
      indicatorId: id,
      target: { kind: "absolute", comparator: ">=", value: 4, unit: null },
      periodKey: "FY2022",
    });
    const value = (p: PlanPerformance) => find(p, id).target;
    expect(
      value(await planPerformance(t.ctx, publicActor, { planId, periodKey: FY, orgUnit: province("50") })),
    ).toMatchObject({ value: 3 });
    expect(
      value(await planPerformance(t.ctx, publicActor, { planId, periodKey: FY, orgUnit: province("51") })),
    ).toMatchObject({ value: 2 });
    expect(value(await planPerformance(t.ctx, publicActor, { planId, periodKey: "FY2020" }))).toMatchObject({
      value: 1,
    });
  });

  it("prefers a value reported at a region over the roll-up of its provinces, and rolls up otherwise", async () => {
    const id = await indicatorWith("REGION", { kind: "absolute", comparator: ">=", value: 1, unit: null });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 4 });
    await f.value({ indicatorId: id, unit: province("51"), periodKey: FY, value: 6 });
    const north = () =>
      planPerformance(t.ctx, publicActor, { planId, periodKey: FY, orgUnit: { type: "region", code: "north" } });
    expect(find(await north(), id)).toMatchObject({ value: 10, valueSource: "computed" });
    await f.value({ indicatorId: id, unit: { type: "region", code: "north" }, periodKey: FY, value: 11 });
    expect(find(await north(), id)).toMatchObject({ value: 11, valueSource: "reported", coverage: null });
  });

  it("names the unit and the plan, and counts indicators per status", async () => {
    const performance = await planPerformance(t.ctx, publicActor, { planId, periodKey: FY, orgUnit: province("50") });
    expect(performance.orgUnit).toEqual({ type: "province", code: "50", nameEn: "Chiang Mai", nameTh: "เชียงใหม่" });
    expect(performance.plan.ownerAgencyCode).toBe("MOC");
    const total = Object.values(performance.summary).reduce((a, b) => a + b, 0);
    const indicators = performance.nodes.flatMap((n) => n.indicators).length;
    expect(total).toBe(indicators);
  });

  it("refuses a malformed period and an unknown unit with 400 naming the field, an unknown plan with 404", async () => {
    await expect(planPerformance(t.ctx, publicActor, { planId, periodKey: "2021" })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "period" }],
    });
    await expect(
      planPerformance(t.ctx, publicActor, { planId, periodKey: FY, orgUnit: province("99") }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "unitCode", message: "no province with code 99" }],
    });
    await expect(planPerformance(t.ctx, publicActor, { planId: 999_999, periodKey: FY })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("#planPerformance access", () => {
  it("counts drafts and submitted values for an officer of an agency under the owner, approved only for the public", async () => {
    const id = await indicatorWith("DRAFTS", { kind: "absolute", comparator: ">=", value: 1, unit: null });
    await f.value({ indicatorId: id, unit: province("50"), periodKey: FY, value: 5 });
    await f.value({ indicatorId: id, unit: province("51"), periodKey: FY, value: 7, status: "draft" });
    await f.value({ indicatorId: id, unit: province("52"), periodKey: FY, value: 9, status: "submitted" });
    expect(find(await nation(), id).value).toBe(5);
    expect((await nation()).includesUnapproved).toBe(false);
    expect(find(await nation(officer), id).value).toBe(21);
    expect(find(await nation(officer, false), id).value).toBe(5);
    expect(find(await nation(otherOfficer), id).value).toBe(5);
    expect(find(await nation(systemActor), id).value).toBe(21);
  });

  it("refuses unapproved values to readers outside the plan's scope", async () => {
    await expect(nation(otherOfficer, true)).rejects.toMatchObject({ code: "forbidden" });
    await expect(nation(publicActor, true)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("hides an unpublished plan from the public and other agencies, not from its owner's officers", async () => {
    const hidden = await f.plan({ ownerAgencyId: moc, published: false });
    await expect(planPerformance(t.ctx, publicActor, { planId: hidden.planId, periodKey: FY })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(planPerformance(t.ctx, otherOfficer, { planId: hidden.planId, periodKey: FY })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await planPerformance(t.ctx, officer, { planId: hidden.planId, periodKey: FY })).plan.id).toBe(
      hidden.planId,
    );
  });
});
