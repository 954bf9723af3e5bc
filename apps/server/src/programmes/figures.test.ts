import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleData, removeExampleData } from "../examples/examples.service.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  buildClaim,
  createActivity,
  createBudget,
  createCluster,
  createEnterprise,
  createProgramme,
  ok,
  signInAs,
} from "../test-support/factories.ts";

type Figures = {
  clusters: number;
  firms: number;
  anonymousParticipants: number;
  budgetAllocated: number;
  budgetSpent: number;
  value: { verified: number; claimed: number };
  budgetPerFirm: { value: number | null; reason: string | null };
  valuePerBaht: { value: number | null; reason: string | null };
  valuePerBahtIncludingClaimed: { value: number | null; reason: string | null };
};

let t: TestApp;
let admin: Client;
let dipOfficer: Client;
let dipOfficer2: Client;
let osmepOfficer: Client;
let ids: { dip: number; osmep: number; dipA: number; dipB: number; osmepP: number; empty: number; firm: number };

async function recorded(path: string): Promise<Figures> {
  const body = (await t.anonymous.request("GET", path)).json();
  return "years" in body ? body.years[0].recorded : body.recorded;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const { DIP: dip, OSMEP: osmep } = await agencyIds(t, "DIP", "OSMEP");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  dipOfficer2 = await signInAs(t, "agency_officer", { agencyId: dip });
  osmepOfficer = await signInAs(t, "agency_officer", { agencyId: osmep });

  const cluster = async () => (await createCluster(admin, { published: true })).id;
  const firm = async () => (await createEnterprise(admin)).id;
  const [coffee, rubber, herbs] = [await cluster(), await cluster(), await cluster()];
  const [shared, onlyA, onlyB, viaActivity] = [await firm(), await firm(), await firm(), await firm()];
  const programme = async (client: Client, agencyId: number, code?: string) =>
    (await createProgramme(client, { agencyId, firstFiscalYear: 2021, published: true, ...(code ? { code } : {}) })).id;
  const dipA = await programme(dipOfficer, dip, "fig-dip-a");
  const dipB = await programme(dipOfficer, dip);
  const osmepP = await programme(osmepOfficer, osmep);
  const empty = await programme(dipOfficer, dip);

  // The shared firm is supported by DIP programme A through the coffee cluster, by DIP programme B through the
  // rubber cluster, by OSMEP through herbs, and takes part in an activity of programme A as well.
  const support = async (client: Client, p: number, enterpriseId: number, clusterId: number) => {
    // 409 when the cluster is already supported that year: fine here.
    await client.request("POST", `/api/programmes/${p}/clusters`, { clusterId, fiscalYear: 2021 });
    const r = await client.request("POST", `/api/programmes/${p}/enterprises`, {
      enterpriseId,
      fiscalYear: 2021,
      clusterId,
    });
    if (r.statusCode !== 201) throw new Error(r.body);
  };
  await support(dipOfficer, dipA, shared, coffee);
  await support(dipOfficer, dipA, onlyA, coffee);
  await support(dipOfficer, dipB, shared, rubber);
  await support(osmepOfficer, osmepP, shared, herbs);
  await support(osmepOfficer, osmepP, onlyB, herbs);
  await createActivity(dipOfficer, {
    programmeId: dipA,
    clusterId: coffee,
    kind: "trade_fair",
    startsOn: "2021-03-01",
    participantIds: [shared, viaActivity],
    participantCount: 40,
  });
  // An activity in FY2020 (30 Sep 2020) must not count in FY2021.
  await createActivity(dipOfficer, {
    programmeId: dipA,
    clusterId: coffee,
    startsOn: "2020-09-30",
    participantIds: [onlyB],
  });

  await createBudget(dipOfficer, dipA, { clusterId: coffee, fiscalYear: 2021, allocated: 300_000, spent: 250_000 });
  await createBudget(dipOfficer, dipB, { fiscalYear: 2021, allocated: 100_000 });
  await createBudget(osmepOfficer, osmepP, { fiscalYear: 2021, allocated: 200_000, spent: 260_000 });

  // One claim shared by DIP A and OSMEP (recorded twice, linked once), verified; one only DIP B's, claimed;
  // one rejected.
  const claim = (
    programmeId: number,
    amount: number,
    method: "sales_increase" | "cost_reduction" | "other" = "sales_increase",
  ) => buildClaim({ programmeIds: [programmeId], enterpriseId: shared, fiscalYear: 2021, amount, method });
  const sharedClaim = await ok(dipOfficer.request("POST", "/api/value-claims", claim(dipA, 1_000_000)), 201);
  expect((await ok(osmepOfficer.request("POST", "/api/value-claims", claim(osmepP, 1_000_000)), 200)).outcome).toBe(
    "linked",
  );
  await ok(
    dipOfficer2.request("POST", `/api/value-claims/${sharedClaim.claim.id}/verification`, { decision: "verified" }),
  );
  await ok(dipOfficer.request("POST", "/api/value-claims", claim(dipB, 400_000, "cost_reduction")), 201);
  const rejected = await ok(dipOfficer.request("POST", "/api/value-claims", claim(dipB, 9_999_999, "other")), 201);
  await ok(
    dipOfficer2.request("POST", `/api/value-claims/${rejected.claim.id}/verification`, { decision: "rejected" }),
  );

  ids = { dip, osmep, dipA, dipB, osmepP, empty, firm: onlyA };
});
afterAll(async () => {
  await t.close();
});

describe("#figures de-duplication", () => {
  it("counts each programme's own firms once, whether listed or met in an activity", async () => {
    const a = await recorded(`/api/programmes/${ids.dipA}/figures?fiscalYear=2021`);
    // shared + onlyA (listed) + viaActivity; shared appears twice (listed and in the fair) but counts once.
    expect(a.firms).toBe(3);
    expect(a.clusters).toBe(1);
    expect(a.anonymousParticipants).toBe(40);
    expect((await recorded(`/api/programmes/${ids.dipB}/figures?fiscalYear=2021`)).firms).toBe(1);
    expect((await recorded(`/api/programmes/${ids.osmepP}/figures?fiscalYear=2021`)).firms).toBe(2);
  });

  it("counts a firm in two programmes and two clusters once in an agency's and the nation's totals", async () => {
    const dip = await recorded(`/api/figures?agencyId=${ids.dip}&fiscalYear=2021`);
    expect(dip.firms).toBe(3);
    expect(dip.clusters).toBe(2);
    const nation = await recorded("/api/figures?fiscalYear=2021");
    // shared, onlyA, onlyB, viaActivity: 4 firms, although the programmes' own figures add up to 3 + 1 + 2 = 6.
    expect(nation.firms).toBe(4);
    expect(nation.clusters).toBe(3);
  });

  it("buckets by fiscal year: the activity of 30 Sep 2020 counts in FY2020 only", async () => {
    expect((await recorded(`/api/programmes/${ids.dipA}/figures?fiscalYear=2020`)).firms).toBe(1);
    const all = (await t.anonymous.request("GET", `/api/programmes/${ids.dipA}/figures`)).json();
    expect(all.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2020, 2021]);
  });

  it("counts a claim shared by two programmes in full in each, once in the total, and leaves rejected claims out", async () => {
    expect((await recorded(`/api/programmes/${ids.dipA}/figures?fiscalYear=2021`)).value).toMatchObject({
      verified: 1_000_000,
      claimed: 0,
    });
    expect((await recorded(`/api/programmes/${ids.osmepP}/figures?fiscalYear=2021`)).value).toMatchObject({
      verified: 1_000_000,
      claimed: 0,
    });
    expect((await recorded(`/api/programmes/${ids.dipB}/figures?fiscalYear=2021`)).value).toMatchObject({
      verified: 0,
      claimed: 400_000,
    });
    const nation = await recorded("/api/figures?fiscalYear=2021");
    expect(nation.value).toMatchObject({ verified: 1_000_000, claimed: 400_000, claimsVerified: 1, claimsClaimed: 1 });
  });

  it("derives budget per firm and value per baht from the de-duplicated totals", async () => {
    const nation = await recorded("/api/figures?fiscalYear=2021");
    expect(nation.budgetAllocated).toBe(600_000);
    expect(nation.budgetSpent).toBe(510_000);
    expect(nation.budgetPerFirm).toEqual({ value: 150_000, reason: null });
    expect(nation.valuePerBaht.value).toBeCloseTo(1_000_000 / 600_000, 10);
    expect(nation.valuePerBahtIncludingClaimed.value).toBeCloseTo(1_400_000 / 600_000, 10);
  });

  it("gives null with a reason, not a division by zero, for zero firms or zero budget", async () => {
    const empty = await recorded(`/api/programmes/${ids.empty}/figures?fiscalYear=2021`);
    expect(empty).toMatchObject({
      firms: 0,
      budgetAllocated: 0,
      budgetPerFirm: { value: null, reason: "no_firms" },
      valuePerBaht: { value: null, reason: "no_budget" },
    });
    await createBudget(dipOfficer, ids.empty, { fiscalYear: 2021, allocated: 0 });
    const zeroBudget = await recorded(`/api/programmes/${ids.empty}/figures?fiscalYear=2021`);
    expect(zeroBudget).toMatchObject({
      budgetAllocated: 0,
      valuePerBaht: { value: null, reason: "no_budget" },
      budgetPerFirm: { value: null, reason: "no_firms" },
    });
    await dipOfficer.request("POST", `/api/programmes/${ids.empty}/enterprises`, {
      enterpriseId: ids.firm,
      fiscalYear: 2021,
    });
    const firmsNoBudget = await recorded(`/api/programmes/${ids.empty}/figures?fiscalYear=2021`);
    expect(firmsNoBudget).toMatchObject({ firms: 1, budgetPerFirm: { value: null, reason: "no_budget" } });
  });

  it("keeps unpublished programmes out of the public's totals", async () => {
    const before = await recorded("/api/figures?fiscalYear=2021");
    await dipOfficer.request("PATCH", `/api/programmes/${ids.dipB}`, { published: false });
    const publicAfter = await recorded("/api/figures?fiscalYear=2021");
    expect(publicAfter.value.claimed).toBe(0);
    expect(publicAfter.budgetAllocated).toBe(before.budgetAllocated - 100_000);
    const officer = (await dipOfficer.request("GET", "/api/figures?fiscalYear=2021")).json().recorded;
    expect(officer.value.claimed).toBe(400_000);
    expect((await t.anonymous.request("GET", `/api/programmes/${ids.dipB}/figures`)).statusCode).toBe(404);
    await dipOfficer.request("PATCH", `/api/programmes/${ids.dipB}`, { published: true });
  });

  it("answers 404 for an unknown agency and 400 for a B.E. year given as C.E.", async () => {
    expect((await t.anonymous.request("GET", "/api/figures?agencyId=99999")).statusCode).toBe(404);
    const be = await t.anonymous.request("GET", "/api/figures?fiscalYear=2564");
    expect(be.statusCode).toBe(400);
    expect(be.json().error.details[0].path).toBe("fiscalYear");
  });
});

describe("#figures of the DIP example (seed 001)", () => {
  it("shows the agency's reported figures exactly as the seed states, beside what Sainam recorded", async () => {
    await loadExampleData(t.ctx, { kind: "system" });
    const list = (await t.anonymous.request("GET", `/api/programmes?agencyId=${ids.dip}`)).json();
    const dip = list.items.find((p: { code: string }) => p.code === "dip-industrial-cluster-development");
    expect(dip).toMatchObject({ isExample: true, agencyId: ids.dip, firstFiscalYear: 2021, lastFiscalYear: 2022 });
    const figures = (await t.anonymous.request("GET", `/api/programmes/${dip.id}/figures`)).json();
    const fy2021 = figures.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2021);
    const fy2022 = figures.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2022);
    expect(fy2021.reported).toMatchObject({
      clusters: 29,
      firms: 680,
      budget: 19_000_000,
      budgetKind: "allocated",
      value: 1_200_000_000,
      valueKind: "expected",
    });
    expect(fy2021.reported.budgetPerFirm.value).toBeCloseTo(27_941.18, 2);
    expect(fy2021.reported.valuePerBaht.value).toBeCloseTo(63.158, 3);
    expect(fy2022.reported).toMatchObject({
      clusters: 34,
      firms: null,
      budget: 17_000_000,
      budgetKind: "planned",
      value: null,
    });
    expect(fy2022.reported.budgetPerFirm).toEqual({ value: null, reason: "no_firms" });
    // Recorded: the 7 clusters the seed names, and only the example firms that exist — never 680 invented ones.
    expect(fy2021.recorded.clusters).toBe(7);
    expect(fy2021.recorded.firms).toBeGreaterThan(0);
    expect(fy2021.recorded.firms).toBeLessThan(680);
    expect(fy2022.recorded.clusters).toBe(7);
  });

  it("is removed with the other examples, leaving real programmes and their figures", async () => {
    const report = await removeExampleData(t.ctx, { kind: "system" });
    expect(report.programmes).toMatchObject({ programmes: 2, reportedFigures: 2 });
    const codes = (await admin.request("GET", "/api/programmes?pageSize=200"))
      .json()
      .items.map((p: { code: string }) => p.code);
    expect(codes).not.toContain("dip-industrial-cluster-development");
    expect(codes).toContain("fig-dip-a");
    expect((await recorded(`/api/programmes/${ids.dipA}/figures?fiscalYear=2021`)).firms).toBe(3);
  });
});
