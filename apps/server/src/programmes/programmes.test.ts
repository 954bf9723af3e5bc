import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  buildActivity,
  buildBudget,
  buildClaim,
  buildProgramme,
  createCluster,
  createEnterprise,
  createProgramme,
  signInAs,
} from "../test-support/factories.ts";

let t: TestApp;
let admin: Client;
let dipOfficer: Client;
let dipOfficer2: Client;
let osmepOfficer: Client;
let coordinator: Client;
let member: Client;
let ids: {
  dip: number;
  osmep: number;
  coffee: number;
  rubber: number;
  firmA: number;
  firmB: number;
  programme: number;
  draft: number;
};

async function auditActions(entityType: string, entityId: number): Promise<string[]> {
  const rows = await t.ctx.database.db
    .selectFrom("audit_log")
    .select("action")
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const { DIP: dip, OSMEP: osmep } = await agencyIds(t, "DIP", "OSMEP");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  dipOfficer2 = await signInAs(t, "agency_officer", { agencyId: dip });
  osmepOfficer = await signInAs(t, "agency_officer", { agencyId: osmep });
  const coffee = await createCluster(dipOfficer, { code: "prog-coffee", nameEn: "Coffee", published: true });
  const rubber = await createCluster(dipOfficer, { code: "prog-rubber", nameEn: "Rubber", published: true });
  const firmA = await createEnterprise(dipOfficer, { nameTh: "บริษัท กาแฟเอ จำกัด", provinceCode: "50" });
  const firmB = await createEnterprise(dipOfficer, { nameTh: "บริษัท ยางบี จำกัด", provinceCode: "90" });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [coffee.id] });
  member = await signInAs(t, "member", { enterpriseId: firmA.id });
  const programme = await createProgramme(dipOfficer, {
    code: "dip-test",
    agencyId: dip,
    nameTh: "โครงการทดสอบ",
    firstFiscalYear: 2021,
    published: true,
  });
  const draft = await createProgramme(dipOfficer, { code: "dip-draft", agencyId: dip, firstFiscalYear: 2022 });
  await dipOfficer.request("POST", `/api/programmes/${programme.id}/clusters`, {
    clusterId: coffee.id,
    fiscalYear: 2021,
  });
  ids = {
    dip,
    osmep,
    coffee: coffee.id,
    rubber: rubber.id,
    firmA: firmA.id,
    firmB: firmB.id,
    programme: programme.id,
    draft: draft.id,
  };
});
afterAll(async () => {
  await t.close();
});

describe("#programmes.create / update / list", () => {
  it("creates a programme for the officer's agency and audits it", async () => {
    const p = (await t.anonymous.request("GET", `/api/programmes/${ids.programme}`)).json();
    expect(p).toMatchObject({
      code: "dip-test",
      agencyId: ids.dip,
      nameTh: "โครงการทดสอบ",
      firstFiscalYear: 2021,
      published: true,
      isExample: false,
      can: { edit: false, readRecords: false },
    });
    expect(await auditActions("programme", ids.programme)).toEqual(["programme.create", "programme.cluster.add"]);
  });

  it("fails with 400 naming the field for bad input and 409 for a code in use", async () => {
    const base = buildProgramme({ agencyId: ids.dip });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, code: "Bad Code" }, "code"],
      [{ ...base, firstFiscalYear: 2564 }, "firstFiscalYear"],
      [{ ...base, lastFiscalYear: 2020 }, "lastFiscalYear"],
      [{ ...base, agencyId: 99999 }, "agencyId"],
    ];
    for (const [body, field] of cases) {
      const response = await admin.request("POST", "/api/programmes", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    expect((await admin.request("POST", "/api/programmes", { ...base, code: "dip-test" })).statusCode).toBe(409);
  });

  it("lets only admins and the agency's officers create and edit its programmes", async () => {
    const body = buildProgramme({ agencyId: ids.dip });
    expect((await t.anonymous.request("POST", "/api/programmes", body)).statusCode).toBe(401);
    expect((await osmepOfficer.request("POST", "/api/programmes", body)).statusCode).toBe(403);
    expect((await coordinator.request("POST", "/api/programmes", body)).statusCode).toBe(403);
    expect((await member.request("POST", "/api/programmes", body)).statusCode).toBe(403);
    expect(
      (await osmepOfficer.request("PATCH", `/api/programmes/${ids.programme}`, { nameEn: "Taken" })).statusCode,
    ).toBe(403);
    expect(
      (await dipOfficer.request("PATCH", `/api/programmes/${ids.programme}`, { agencyId: ids.osmep })).statusCode,
    ).toBe(403);
    const edited = await dipOfficer2.request("PATCH", `/api/programmes/${ids.programme}`, { descriptionEn: "Edited" });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().descriptionEn).toBe("Edited");
  });

  it("hides unpublished programmes from the public and other agencies, and pages the list", async () => {
    expect((await t.anonymous.request("GET", `/api/programmes/${ids.draft}`)).statusCode).toBe(404);
    expect((await osmepOfficer.request("GET", `/api/programmes/${ids.draft}`)).statusCode).toBe(404);
    expect((await dipOfficer.request("GET", `/api/programmes/${ids.draft}`)).statusCode).toBe(200);
    const publicCodes = (await t.anonymous.request("GET", "/api/programmes"))
      .json()
      .items.map((p: { code: string }) => p.code);
    expect(publicCodes).toContain("dip-test");
    expect(publicCodes).not.toContain("dip-draft");
    const officerList = (await dipOfficer.request("GET", `/api/programmes?agencyId=${ids.dip}&pageSize=1`)).json();
    expect(officerList).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(officerList.items).toHaveLength(1);
    const fy2021 = (await dipOfficer.request("GET", "/api/programmes?fiscalYear=2021"))
      .json()
      .items.map((p: { code: string }) => p.code);
    expect(fy2021).toEqual(["dip-test"]);
  });

  it("tells the list's caller whether they may create a programme: admins and officers yes, others no", async () => {
    const createFlag = async (client: Client) =>
      (await client.request("GET", "/api/programmes?pageSize=1")).json().can.create;
    expect(await createFlag(admin)).toBe(true);
    expect(await createFlag(dipOfficer)).toBe(true);
    expect(await createFlag(coordinator)).toBe(false);
    expect(await createFlag(member)).toBe(false);
    expect(await createFlag(t.anonymous)).toBe(false);
  });
});

describe("#programmes clusters and firms supported", () => {
  it("adds and removes a supported cluster per fiscal year, refusing a duplicate", async () => {
    const added = await dipOfficer.request("POST", `/api/programmes/${ids.programme}/clusters`, {
      clusterId: ids.rubber,
      fiscalYear: 2022,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().items.map((c: { code: string; fiscalYear: number }) => `${c.code}/${c.fiscalYear}`)).toEqual([
      "prog-coffee/2021",
      "prog-rubber/2022",
    ]);
    expect(
      (
        await dipOfficer.request("POST", `/api/programmes/${ids.programme}/clusters`, {
          clusterId: ids.rubber,
          fiscalYear: 2022,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await dipOfficer.request("POST", `/api/programmes/${ids.programme}/clusters`, {
          clusterId: 99999,
          fiscalYear: 2022,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await dipOfficer.request("DELETE", `/api/programmes/${ids.programme}/clusters/${ids.rubber}?fiscalYear=2022`))
        .statusCode,
    ).toBe(200);
    expect(
      (await dipOfficer.request("DELETE", `/api/programmes/${ids.programme}/clusters/${ids.rubber}?fiscalYear=2022`))
        .statusCode,
    ).toBe(404);
  });

  it("lists the programmes supporting a cluster, for the cluster's page, within what the caller may see", async () => {
    const codesFor = async (client: Client, clusterId: number) =>
      (await client.request("GET", `/api/programmes?clusterId=${clusterId}`))
        .json()
        .items.map((p: { code: string }) => p.code);
    expect(await codesFor(t.anonymous, ids.coffee)).toEqual(["dip-test"]);
    expect(await codesFor(t.anonymous, ids.rubber)).toEqual([]);
    // The draft supports rubber too: its agency sees it, the public does not.
    const added = await dipOfficer.request("POST", `/api/programmes/${ids.draft}/clusters`, {
      clusterId: ids.rubber,
      fiscalYear: 2022,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(await codesFor(dipOfficer, ids.rubber)).toEqual(["dip-draft"]);
    expect(await codesFor(t.anonymous, ids.rubber)).toEqual([]);
    expect(
      (await dipOfficer.request("DELETE", `/api/programmes/${ids.draft}/clusters/${ids.rubber}?fiscalYear=2022`))
        .statusCode,
    ).toBe(200);
    expect(await codesFor(dipOfficer, ids.rubber)).toEqual([]);
    expect((await t.anonymous.request("GET", "/api/programmes?clusterId=abc")).json()).toMatchObject({
      error: { code: "validation_failed", details: [{ path: "clusterId" }] },
    });
  });

  it("lists supported firms only to the programme's agency and its clusters' coordinators", async () => {
    expect(
      (
        await dipOfficer.request("POST", `/api/programmes/${ids.programme}/enterprises`, {
          enterpriseId: ids.firmA,
          fiscalYear: 2021,
          clusterId: ids.coffee,
        })
      ).statusCode,
    ).toBe(201);
    const listed = (
      await coordinator.request("GET", `/api/programmes/${ids.programme}/enterprises?fiscalYear=2021`)
    ).json();
    expect(listed.items.map((e: { enterpriseId: number }) => e.enterpriseId)).toEqual([ids.firmA]);
    expect((await t.anonymous.request("GET", `/api/programmes/${ids.programme}/enterprises`)).statusCode).toBe(401);
    expect((await member.request("GET", `/api/programmes/${ids.programme}/enterprises`)).statusCode).toBe(403);
    expect((await osmepOfficer.request("GET", `/api/programmes/${ids.programme}/enterprises`)).statusCode).toBe(403);
  });
});

describe("#programmes budgets", () => {
  it("records allocations ≥ 0 per fiscal year and cluster, flagging spending above the allocation", async () => {
    const line = await dipOfficer.request(
      "POST",
      `/api/programmes/${ids.programme}/budgets`,
      buildBudget({ clusterId: ids.coffee, fiscalYear: 2021, allocated: 500_000, spent: 650_000 }),
    );
    expect(line.statusCode).toBe(201);
    expect(line.json()).toMatchObject({
      clusterCode: "prog-coffee",
      allocated: 500_000,
      spent: 650_000,
      overspent: true,
    });
    const edited = await dipOfficer.request("PATCH", `/api/programmes/${ids.programme}/budgets/${line.json().id}`, {
      spent: 400_000,
    });
    expect(edited.json()).toMatchObject({ spent: 400_000, overspent: false });
    expect(await auditActions("budget_allocation", line.json().id)).toEqual(["budget.create", "budget.update"]);
  });

  it("refuses negative amounts with 400 naming the field, and other agencies with 403", async () => {
    const negative = await dipOfficer.request(
      "POST",
      `/api/programmes/${ids.programme}/budgets`,
      buildBudget({ allocated: -1 }),
    );
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].path).toBe("allocated");
    const negativeSpent = await dipOfficer.request(
      "POST",
      `/api/programmes/${ids.programme}/budgets`,
      buildBudget({ spent: -5 }),
    );
    expect(negativeSpent.json().error.details[0].path).toBe("spent");
    expect(
      (await osmepOfficer.request("POST", `/api/programmes/${ids.programme}/budgets`, buildBudget())).statusCode,
    ).toBe(403);
    expect(
      (await coordinator.request("POST", `/api/programmes/${ids.programme}/budgets`, buildBudget())).statusCode,
    ).toBe(403);
  });
});

describe("#activities", () => {
  const activity = (over: Record<string, unknown>) => ({
    ...buildActivity({ programmeId: ids.programme, clusterId: ids.coffee, startsOn: "2020-10-01" }),
    ...over,
  });

  it("buckets an activity by the Thai fiscal year of its start: 30 Sep 2020 is FY2020, 1 Oct 2020 is FY2021", async () => {
    const last = (
      await dipOfficer.request(
        "POST",
        "/api/activities",
        activity({ startsOn: "2020-09-30", titleEn: "Last day of FY2020" }),
      )
    ).json();
    const first = (
      await dipOfficer.request(
        "POST",
        "/api/activities",
        activity({ startsOn: "2020-10-01", titleEn: "First day of FY2021" }),
      )
    ).json();
    expect(last.fiscalYear).toBe(2020);
    expect(first.fiscalYear).toBe(2021);
    const moved = (await dipOfficer.request("PATCH", `/api/activities/${last.id}`, { startsOn: "2020-10-02" })).json();
    expect(moved.fiscalYear).toBe(2021);
  });

  it("records participants and outcomes, and lets the cluster's coordinator record activities of their cluster", async () => {
    const created = await coordinator.request(
      "POST",
      "/api/activities",
      activity({
        kind: "business_matching",
        participantIds: [ids.firmA, ids.firmB],
        participantCount: 12,
        budget: 50_000,
      }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ participants: 2, participantCount: 12, can: { edit: true } });
    const withOutcome = await coordinator.request("POST", `/api/activities/${created.json().id}/outcomes`, {
      kind: "deals",
      enterpriseId: ids.firmA,
      count: 2,
      amount: 300_000,
    });
    expect(withOutcome.statusCode).toBe(201);
    expect(withOutcome.json().outcomes).toMatchObject([
      { kind: "deals", count: 2, amount: 300_000, enterpriseId: ids.firmA },
    ]);
    // The public sees the activity, but neither named participants nor per-firm outcomes.
    const seenByPublic = (await t.anonymous.request("GET", `/api/activities/${created.json().id}`)).json();
    expect(seenByPublic).toMatchObject({ participants: 2, participantList: null, outcomes: [] });
    expect(await auditActions("activity", created.json().id)).toEqual(["activity.create", "activity.outcome.add"]);
  });

  it("refuses bad input with 400 naming the field", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [activity({ kind: "party" }), "kind"],
      [activity({ startsOn: "2021-02-29" }), "startsOn"],
      [activity({ startsOn: "1/10/2563" }), "startsOn"],
      [activity({ endsOn: "2020-09-01" }), "endsOn"],
      [activity({ budget: -1 }), "budget"],
      [activity({ participantIds: [ids.firmA, 99999] }), "participantIds.1"],
      [activity({ programmeId: null, clusterId: null }), "programmeId"],
    ];
    for (const [body, field] of cases) {
      const response = await dipOfficer.request("POST", "/api/activities", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
  });

  it("refuses activities from officers of another agency, other clusters' coordinators and members", async () => {
    expect((await osmepOfficer.request("POST", "/api/activities", activity({}))).statusCode).toBe(403);
    expect((await coordinator.request("POST", "/api/activities", activity({ clusterId: ids.rubber }))).statusCode).toBe(
      403,
    );
    expect((await member.request("POST", "/api/activities", activity({}))).statusCode).toBe(403);
    expect((await t.anonymous.request("POST", "/api/activities", activity({}))).statusCode).toBe(401);
  });

  it("lists a programme's activities by fiscal year, with paging", async () => {
    const list = (
      await t.anonymous.request("GET", `/api/activities?programmeId=${ids.programme}&fiscalYear=2021&pageSize=2`)
    ).json();
    expect(list.total).toBe(3);
    expect(list.items).toHaveLength(2);
    expect((await t.anonymous.request("GET", `/api/activities?programmeId=${ids.draft}`)).statusCode).toBe(404);
    expect((await t.anonymous.request("GET", "/api/activities")).statusCode).toBe(400);
  });
});

describe("#value-claims", () => {
  const claim = (over: Record<string, unknown> = {}) => ({
    ...buildClaim({
      programmeIds: [ids.programme],
      enterpriseId: ids.firmB,
      fiscalYear: 2021,
      amount: 1_000_000,
      evidenceNote: "Sales ledger FY2021 vs FY2020",
    }),
    ...over,
  });

  it("separates duties: the officer who recorded a claim cannot verify it, another officer of the agency can", async () => {
    const created = await dipOfficer.request("POST", "/api/value-claims", claim({ amount: 750_000 }));
    expect(created.statusCode).toBe(201);
    const id = created.json().claim.id;
    expect(created.json().claim).toMatchObject({ verification: "claimed", canVerify: false });
    expect(
      (await dipOfficer.request("POST", `/api/value-claims/${id}/verification`, { decision: "verified" })).statusCode,
    ).toBe(403);
    expect(
      (await osmepOfficer.request("POST", `/api/value-claims/${id}/verification`, { decision: "verified" })).statusCode,
    ).toBe(403);
    expect(
      (await coordinator.request("POST", `/api/value-claims/${id}/verification`, { decision: "verified" })).statusCode,
    ).toBe(403);
    const listed = (await dipOfficer2.request("GET", `/api/value-claims?programmeId=${ids.programme}`))
      .json()
      .items.find((c: { id: number }) => c.id === id);
    expect(listed.canVerify).toBe(true);
    const verified = await dipOfficer2.request("POST", `/api/value-claims/${id}/verification`, {
      decision: "verified",
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ verification: "verified", canVerify: false });
    expect(
      (await admin.request("POST", `/api/value-claims/${id}/verification`, { decision: "rejected" })).statusCode,
    ).toBe(409);
    expect(await auditActions("value_claim", id)).toEqual(["value_claim.create", "value_claim.verify"]);
  });

  it("holds an admin who recorded a claim to the same rule", async () => {
    const created = (await admin.request("POST", "/api/value-claims", claim({ amount: 10_000 }))).json();
    expect(
      (await admin.request("POST", `/api/value-claims/${created.claim.id}/verification`, { decision: "verified" }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await dipOfficer.request("POST", `/api/value-claims/${created.claim.id}/verification`, { decision: "rejected" })
      ).json().verification,
    ).toBe("rejected");
  });

  it("links a second programme to an identical claim instead of duplicating it, and says so", async () => {
    const osmepProgramme = await createProgramme(osmepOfficer, {
      agencyId: ids.osmep,
      firstFiscalYear: 2021,
      published: true,
    });
    const first = await dipOfficer.request("POST", "/api/value-claims", claim({ amount: 2_500_000 }));
    expect(first.json().outcome).toBe("created");
    const second = await osmepOfficer.request(
      "POST",
      "/api/value-claims",
      claim({ programmeIds: [osmepProgramme.id], amount: 2_500_000, evidenceNote: "OSMEP's own survey" }),
    );
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      outcome: "linked",
      claim: { id: first.json().claim.id, programmeIds: [ids.programme, osmepProgramme.id] },
    });
    expect(second.json().message).toMatch(/identical claim/);
    // A different amount is a different claim.
    expect(
      (
        await osmepOfficer.request(
          "POST",
          "/api/value-claims",
          claim({ programmeIds: [osmepProgramme.id], amount: 2_500_001 }),
        )
      ).json().outcome,
    ).toBe("created");
    // An officer of the second programme's agency may now verify the shared claim too.
    expect(
      (
        await osmepOfficer.request("POST", `/api/value-claims/${first.json().claim.id}/verification`, {
          decision: "verified",
        })
      ).statusCode,
    ).toBe(200);
  });

  it("refuses a claim without evidence or attributed to another agency's programme", async () => {
    const noEvidence = await dipOfficer.request("POST", "/api/value-claims", claim({ evidenceNote: undefined }));
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.details[0].path).toBe("evidenceNote");
    expect((await osmepOfficer.request("POST", "/api/value-claims", claim())).statusCode).toBe(403);
    const badUrl = await dipOfficer.request("POST", "/api/value-claims", claim({ evidenceUrl: "not a url" }));
    expect(badUrl.json().error.details[0].path).toBe("evidenceUrl");
  });

  it("shows claims firm by firm only to the programme's scope", async () => {
    expect((await t.anonymous.request("GET", `/api/value-claims?programmeId=${ids.programme}`)).statusCode).toBe(401);
    expect((await member.request("GET", `/api/value-claims?programmeId=${ids.programme}`)).statusCode).toBe(403);
  });
});
