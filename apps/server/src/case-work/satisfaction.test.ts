import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyIds, createEnterprise, ok, signInAs, type SignedIn } from "../test-support/factories.ts";
import { createPlanWithIndicator } from "../test-support/monitoring-factory.ts";
import { createServiceProvider, insertServiceRequest } from "../test-support/request-factory.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { refreshComputedValues } from "./satisfaction.service.ts";

// Satisfaction indicators computed from the firms' ratings (issue 13, point 5; seed 000 KPI 2.3): the mean rating
// in percent of the requests closed in a period, the period read in Bangkok days (30 Sep / 1 Oct is the fiscal-year
// boundary), written as a draft that goes through the plan's approval; never typed by hand.
let t: TestApp;
let admin: SignedIn;
let mocOfficer: SignedIn;
let mocApprover: SignedIn;
let member: SignedIn;
let moc: number;
let dip: number;
let dipProvider: number;
let otherProvider: number;
let firmId: number;

/** A request closed at `closedAt` (UTC instant) by a provider, rated `rating` (or not rated). */
async function closedRequest(providerId: number, closedAt: string, rating: number | null) {
  const id = await insertServiceRequest(t.ctx.database.db, { enterpriseId: firmId, providerId, status: "accepted" });
  await t.ctx.database.db
    .updateTable("service_requests")
    .set({
      status: "closed",
      closed_at: closedAt,
      outcome_kind: "sales",
      result_text: "ผลลัพธ์",
      rating,
      rated_at: rating === null ? null : closedAt,
    })
    .where("id", "=", id)
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  ({ MOC: moc, DIP: dip } = await agencyIds(t, "MOC", "DIP"));
  admin = await signInAs(t, "admin");
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  mocApprover = await signInAs(t, "agency_officer", { agencyId: moc });
  firmId = (await createEnterprise<{ id: number }>(admin)).id;
  member = await signInAs(t, "member", { enterpriseId: firmId });
  dipProvider = (await createServiceProvider(admin, { agencyId: dip })).id;
  otherProvider = (await createServiceProvider(admin, { agencyId: moc })).id;
  // The last second of FY2026 in Bangkok (23:59:59 on 30 Sep), and the first of FY2027 (00:00 on 1 Oct).
  await closedRequest(dipProvider, "2026-09-30T16:59:59.000Z", 5);
  await closedRequest(dipProvider, "2026-09-30T17:00:00.000Z", 3);
  await closedRequest(dipProvider, "2027-03-01T03:00:00.000Z", 4);
  // Closed but not rated: no figure of its own.
  await closedRequest(dipProvider, "2027-03-02T03:00:00.000Z", null);
  // Another agency's provider: counted only without a scope.
  await closedRequest(otherProvider, "2027-04-01T03:00:00.000Z", 1);
});
afterAll(async () => {
  await t.close();
});

async function computedIndicator(aggregation: "ratio" | "mean", agencyId: number | null) {
  const { indicatorId } = await createPlanWithIndicator(t.ctx.database.db, {
    ownerAgencyId: moc,
    aggregation,
    ratioScale: aggregation === "ratio" ? 100 : null,
    unit: "%",
  });
  const marked = await ok(
    mocOfficer.request("PUT", `/api/indicators/${indicatorId}/computed-source`, {
      source: "service_ratings",
      agencyId,
    }),
  );
  expect(marked).toEqual({ indicatorId, source: "service_ratings", agencyId });
  expect((await ok(mocOfficer.request("GET", `/api/indicators/${indicatorId}`))).computedFrom).toBe("service_ratings");
  return indicatorId;
}

const compute = (as: SignedIn, indicatorId: number, periodKey: string) =>
  as.request("POST", `/api/indicators/${indicatorId}/computed-values`, { periodKey });

describe("#satisfaction computed from ratings", () => {
  it("computes each fiscal year from the requests closed in it, split at midnight of 1 October in Bangkok", async () => {
    const id = await computedIndicator("ratio", dip);
    const fy2026 = await ok(compute(mocOfficer, id, "FY2026"));
    expect(fy2026).toMatchObject({ ratings: 1, percent: 100, outcome: "created" });
    const fy2027 = await ok(compute(mocOfficer, id, "FY2027"));
    // 3 and 4 of 5 each: 7 of 10 = 70%; the unrated request and the other agency's provider are left out.
    expect(fy2027).toMatchObject({ ratings: 2, percent: 70, outcome: "created" });
    expect(fy2027.value).toMatchObject({
      orgUnitType: "nation",
      orgUnitCode: "TH",
      periodKey: "FY2027",
      numerator: 7,
      denominator: 10,
      value: 70,
      source: "service_ratings",
      status: "draft",
    });
    expect(fy2027.value.note).toContain("2 rating(s)");
    // The first quarter (Oct-Dec 2026) holds only the request closed at 00:00 on 1 October.
    expect(await ok(compute(mocOfficer, id, "FY2027-Q1"))).toMatchObject({ ratings: 1, percent: 60 });
    expect(await ok(compute(mocOfficer, id, "FY2027"))).toMatchObject({ outcome: "unchanged" });
    expect(await ok(compute(mocOfficer, id, "FY2030"))).toEqual({
      value: null,
      ratings: 0,
      percent: null,
      outcome: "no_ratings",
    });
  });

  it("counts every provider without a scope, and writes a mean indicator's percentage as its value", async () => {
    const id = await computedIndicator("mean", null);
    const fy2027 = await ok(compute(mocOfficer, id, "FY2027"));
    // 3, 4 and 1 of 5 each: 8 of 15.
    expect(fy2027.percent).toBeCloseTo((8 / 15) * 100, 10);
    expect(fy2027.value).toMatchObject({ numerator: null, denominator: null, source: "service_ratings" });
    expect(fy2027.value.value).toBeCloseTo((8 / 15) * 100, 10);
  });

  it("goes through the ordinary approval and is never typed by hand", async () => {
    const id = await computedIndicator("ratio", dip);
    const { value } = await ok(compute(mocOfficer, id, "FY2027"));
    await ok(mocOfficer.request("POST", "/api/values/submit", { ids: [value.id] }));
    const approved = await ok(mocApprover.request("POST", "/api/values/approve", { ids: [value.id] }));
    expect(JSON.stringify(approved)).toContain("approved");
    const typed = await mocOfficer.request("PUT", `/api/indicators/${id}/values`, {
      rows: [
        { orgUnitType: "nation", orgUnitCode: "TH", periodKey: "FY2027", breakdown: {}, numerator: 9, denominator: 10 },
      ],
    });
    expect(typed.statusCode).toBe(409);
    const listed = await ok(mocOfficer.request("GET", `/api/indicators/${id}/values`));
    expect(listed.indicator.computedFrom).toBe("service_ratings");
  });

  it("is computed only for computed indicators, by those who enter the plan's values", async () => {
    const { indicatorId: plain } = await createPlanWithIndicator(t.ctx.database.db, {
      ownerAgencyId: moc,
      aggregation: "mean",
    });
    expect((await compute(mocOfficer, plain, "FY2027")).statusCode).toBe(409);
    const id = await computedIndicator("ratio", dip);
    expect((await compute(member, id, "FY2027")).statusCode).toBe(403);
    expect((await member.request("PUT", `/api/indicators/${id}/computed-source`, { source: null })).statusCode).toBe(
      403,
    );
    const bad = await compute(mocOfficer, id, "FY2570");
    expect(bad.statusCode).toBe(400);
  });

  it("refreshes the current and previous fiscal year as scheduled work, leaving submitted values alone", async () => {
    const id = await computedIndicator("ratio", dip);
    const { value } = await ok(compute(mocOfficer, id, "FY2026"));
    await ok(mocOfficer.request("POST", "/api/values/submit", { ids: [value.id] }));
    const written = await refreshComputedValues(t.ctx.database.db, new Date("2027-05-01T00:00:00Z"));
    expect(written).toBeGreaterThanOrEqual(1);
    const rows = await t.ctx.database.db
      .selectFrom("indicator_values")
      .select(["period_key", "status", "value"])
      .where("indicator_id", "=", id)
      .orderBy("period_key")
      .execute();
    expect(rows).toEqual([
      { period_key: "FY2026", status: "submitted", value: 100 },
      { period_key: "FY2027", status: "draft", value: 70 },
    ]);
  });
});
