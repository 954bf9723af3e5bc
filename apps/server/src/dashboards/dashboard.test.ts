import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planLevelRank } from "@sainam/core";
import { loadExampleData } from "../examples/examples.service.ts";
import { dashboardFactory, province, type DashboardFactory } from "../test-support/dashboard-factory.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import { createCluster, signInAs } from "../test-support/factories.ts";

let t: TestApp;
let f: DashboardFactory;
let admin: Client;
let mocOfficer: Client;
let dipOfficer: Client;
let planId: number;
let ratio: number;
let total: number;
let hiddenIndicator: number;
let upperNorth1: number;
let clusterId: number;

const FY = "FY2021";

beforeAll(async () => {
  t = await createTestApp();
  f = dashboardFactory(t.ctx.database);
  const moc = await f.agencyId("MOC");
  const dip = await f.agencyId("DIP");
  const plan = await f.plan({ ownerAgencyId: moc });
  planId = plan.planId;
  ratio = await f.indicator({ nodeId: plan.nodeId, code: "R1", aggregation: "ratio", ratioScale: 100 });
  await f.target({ indicatorId: ratio, target: { kind: "range", min: 80, max: 90, better: "higher", unit: "%" } });
  total = await f.indicator({ nodeId: plan.nodeId, code: "T1", aggregation: "sum" });
  await f.target({
    indicatorId: total,
    target: {
      kind: "change",
      direction: "increase",
      measure: "percent",
      against: "previous_period",
      min: 5,
      max: null,
    },
  });
  // Chiang Mai 19/20 (95 %), Lamphun 17/20 (85 %), Bangkok 300/500 (60 %); Lampang a draft.
  await f.value({ indicatorId: ratio, unit: province("50"), periodKey: FY, value: 95, numerator: 19, denominator: 20 });
  await f.value({ indicatorId: ratio, unit: province("51"), periodKey: FY, value: 85, numerator: 17, denominator: 20 });
  await f.value({
    indicatorId: ratio,
    unit: province("10"),
    periodKey: FY,
    value: 60,
    numerator: 300,
    denominator: 500,
  });
  await f.value({
    indicatorId: ratio,
    unit: province("52"),
    periodKey: FY,
    value: 0,
    numerator: 0,
    denominator: 1000,
    status: "draft",
  });
  const totals: [string, number, number][] = [
    ["50", 100, 110],
    ["51", 50, 51],
    ["10", 1000, 1100],
  ];
  for (const [code, before, now] of totals) {
    await f.value({ indicatorId: total, unit: province(code), periodKey: "FY2020", value: before });
    await f.value({ indicatorId: total, unit: province(code), periodKey: FY, value: now });
  }
  await f.value({
    indicatorId: total,
    unit: province("50"),
    periodKey: FY,
    value: 30,
    disaggregation: "owner_sex=female",
  });

  const hidden = await f.plan({ ownerAgencyId: moc, published: false });
  hiddenIndicator = await f.indicator({ nodeId: hidden.nodeId, code: "H1", aggregation: "sum" });
  await f.value({ indicatorId: hiddenIndicator, unit: province("50"), periodKey: FY, value: 1 });

  const pc = await t.ctx.database.db
    .selectFrom("provincial_clusters")
    .select("id")
    .where("number", "=", 15)
    .executeTakeFirstOrThrow();
  upperNorth1 = pc.id;
  admin = await signInAs(t, "admin");
  clusterId = (
    await createCluster(admin, {
      code: "cm-coffee",
      nameEn: "Chiang Mai coffee",
      provinceCodes: ["50"],
      published: true,
    })
  ).id;
  await f.value({ indicatorId: total, unit: { type: "cluster", code: String(clusterId) }, periodKey: FY, value: 7 });

  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
});
afterAll(async () => {
  await t.close();
});

async function get(client: Client, url: string) {
  const response = await client.request("GET", url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
}

describe("GET /api/dashboards/plans", () => {
  it("lists the published plans with the fiscal years their dates fall in", async () => {
    const { items } = await get(t.anonymous, "/api/dashboards/plans");
    const moc2017 = items.find((p: { fiscalYears: number[] }) => p.fiscalYears[0] === 2017);
    // The 2017-2021 plan runs 1 October 2016 → 30 September 2021: fiscal years 2017 to 2021.
    expect(moc2017.fiscalYears).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(items.some((p: { id: number }) => p.id === planId)).toBe(true);
    expect(items.every((p: { canSeeUnapproved: boolean }) => !p.canSeeUnapproved)).toBe(true);
  });

  it("lists the highest plans first, so the dashboard opens on the nation's plan and not a newer cluster plan", async () => {
    // Loaded explicitly: "auto" loads them on a new embedded database only, and this runs on PostgreSQL too.
    const withExamples = await createTestApp();
    try {
      await loadExampleData(withExamples.ctx, { kind: "system" });
      const response = await withExamples.anonymous.request("GET", "/api/dashboards/plans");
      const items: Array<{ code: string; fiscalYears: number[] }> = response.json().items;
      const levels = await withExamples.ctx.database.db.selectFrom("plans").select(["code", "level"]).execute();
      const levelOf = new Map(levels.map((p) => [p.code, p.level]));
      // The example cluster plan starts in 2020, after the national plan (2016): newer, yet listed after it.
      expect(items.map((p) => levelOf.get(p.code))).toContain("cluster_plan");
      expect(levelOf.get(items[0]?.code ?? "")).toBe("national_strategy");
      const ranks = items.map((p) => planLevelRank(levelOf.get(p.code) ?? ""));
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    } finally {
      await withExamples.close();
    }
  });

  it("shows an unpublished plan to its owner's officers only", async () => {
    const publicCount = (await get(t.anonymous, "/api/dashboards/plans")).items.length;
    expect((await get(mocOfficer, "/api/dashboards/plans")).items.length).toBe(publicCount + 1);
    expect((await get(dipOfficer, "/api/dashboards/plans")).items.length).toBe(publicCount);
  });
});

describe("GET /api/dashboards/plans/:id", () => {
  it("answers the plan's performance at the nation with approved values only for the public", async () => {
    const body = await get(t.anonymous, `/api/dashboards/plans/${planId}?period=${FY}`);
    const r1 = body.nodes[0].indicators.find((i: { code: string }) => i.code === "R1");
    expect(r1.value).toBeCloseTo((336 / 540) * 100, 8);
    expect(r1.coverage).toEqual({ reported: 3, expected: 77 });
    expect(body.includesUnapproved).toBe(false);
  });

  it("counts drafts for the plan's officer only when asked", async () => {
    const url = `/api/dashboards/plans/${planId}?period=${FY}`;
    const plain = await get(mocOfficer, url);
    expect(plain.nodes[0].indicators[0].coverage.reported).toBe(3);
    const withDrafts = await get(mocOfficer, `${url}&includeUnapproved=true`);
    expect(withDrafts.includesUnapproved).toBe(true);
    expect(withDrafts.nodes[0].indicators[0].value).toBeCloseTo((336 / 1540) * 100, 8);
    expect((await dipOfficer.request("GET", `${url}&includeUnapproved=true`)).statusCode).toBe(403);
    expect((await t.anonymous.request("GET", `${url}&includeUnapproved=true`)).statusCode).toBe(401);
  });

  it("answers at a province when asked", async () => {
    const body = await get(t.anonymous, `/api/dashboards/plans/${planId}?period=${FY}&unitType=province&unitCode=50`);
    expect(body.orgUnit.nameEn).toBe("Chiang Mai");
    expect(body.nodes[0].indicators[0]).toMatchObject({
      value: 95,
      valueSource: "reported",
      achievement: { status: "achieved" },
    });
  });

  it("answers 400 naming the field for a bad period, a unit code without type and a bad flag", async () => {
    const bad = async (query: string, path: string) => {
      const response = await t.anonymous.request("GET", `/api/dashboards/plans/${planId}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details[0].path).toBe(path);
    };
    await bad("period=2021", "period");
    await bad("period=FY2021&unitCode=50", "unitType");
    await bad("period=FY2021&includeUnapproved=yes", "includeUnapproved");
    await bad("period=FY2021&unitType=planet&unitCode=1", "unitType");
  });

  it("answers 404 for an unpublished plan to the public and to other agencies", async () => {
    const hidden = await t.ctx.database.db
      .selectFrom("plans")
      .select("id")
      .where("published", "=", 0)
      .executeTakeFirstOrThrow();
    expect((await t.anonymous.request("GET", `/api/dashboards/plans/${hidden.id}?period=${FY}`)).statusCode).toBe(404);
    expect((await dipOfficer.request("GET", `/api/dashboards/plans/${hidden.id}?period=${FY}`)).statusCode).toBe(404);
    expect((await mocOfficer.request("GET", `/api/dashboards/plans/${hidden.id}?period=${FY}`)).statusCode).toBe(200);
  });
});

describe("GET /api/dashboards/plans/:id/provincial-clusters", () => {
  it("answers every indicator against the 18 provincial clusters, the ratio recomputed per cluster", async () => {
    const body = await get(t.anonymous, `/api/dashboards/plans/${planId}/provincial-clusters?period=${FY}`);
    expect(body.provincialClusters).toHaveLength(18);
    const r1 = body.indicators.find((i: { code: string }) => i.code === "R1");
    expect(r1.cells).toHaveLength(18);
    const cell = r1.cells.find((c: { provincialClusterId: number }) => c.provincialClusterId === upperNorth1);
    // 36 of 40, not the mean of 95 % and 85 % (which happens to agree here) nor anything from Bangkok.
    expect(cell).toMatchObject({
      value: 90,
      source: "computed",
      coverage: { reported: 2, expected: 4 },
      achievement: { status: "achieved", reason: "within_range" },
    });
    const t1 = body.indicators
      .find((i: { code: string }) => i.code === "T1")
      .cells.find((c: { provincialClusterId: number }) => c.provincialClusterId === upperNorth1);
    // 161 against 150: +7.33 % on the previous year.
    expect(t1).toMatchObject({ value: 161, previousValue: 150, achievement: { status: "achieved" } });
    const empty = r1.cells.find((c: { provincialClusterId: number }) => c.provincialClusterId !== upperNorth1);
    expect(empty).toMatchObject({ value: null, source: "none", achievement: { status: "no_data" } });
  });
});

describe("GET /api/indicators/:id/map", () => {
  it("answers 77 provinces with values, statuses and class breaks", async () => {
    const body = await get(t.anonymous, `/api/indicators/${ratio}/map?period=${FY}`);
    expect(body.items).toHaveLength(77);
    const chiangMai = body.items.find((p: { code: string }) => p.code === "50");
    expect(chiangMai).toMatchObject({ value: 95, achievement: { status: "achieved" } });
    expect(body.items.find((p: { code: string }) => p.code === "52")).toMatchObject({
      value: null,
      classIndex: null,
      achievement: { status: "no_data" },
    });
    expect(body.items.find((p: { code: string }) => p.code === "10").achievement.status).toBe("not_achieved");
    expect(body.classes.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(3);
    expect(body.items.filter((p: { classIndex: number | null }) => p.classIndex !== null)).toHaveLength(3);
  });

  it("maps one breakdown when asked, and refuses a dimension the indicator does not break down by", async () => {
    await t.ctx.database.db
      .updateTable("indicators")
      .set({ disaggregations_json: JSON.stringify(["owner_sex"]) })
      .where("id", "=", total)
      .execute();
    const body = await get(t.anonymous, `/api/indicators/${total}/map?period=${FY}&breakdown=owner_sex%3Dfemale`);
    expect(body.breakdown).toBe("owner_sex=female");
    expect(body.indicator.disaggregations).toEqual(["owner_sex"]);
    expect(body.items.filter((p: { value: number | null }) => p.value !== null)).toEqual([
      expect.objectContaining({ code: "50", value: 30 }),
    ]);
    const bad = await t.anonymous.request(
      "GET",
      `/api/indicators/${total}/map?period=${FY}&breakdown=stage%3Dupstream`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("breakdown");
  });

  it("answers 404 for an indicator of an unpublished plan to the public", async () => {
    expect((await t.anonymous.request("GET", `/api/indicators/${hiddenIndicator}/map?period=${FY}`)).statusCode).toBe(
      404,
    );
    expect((await mocOfficer.request("GET", `/api/indicators/${hiddenIndicator}/map?period=${FY}`)).statusCode).toBe(
      200,
    );
  });
});

describe("GET /api/indicators/:id/trend", () => {
  it("answers one point per fiscal year with the target and its status", async () => {
    const body = await get(t.anonymous, `/api/indicators/${total}/trend?from=2019&to=2021`);
    expect(body.items.map((i: { periodKey: string }) => i.periodKey)).toEqual(["FY2019", "FY2020", "FY2021"]);
    expect(body.items.map((i: { value: number | null }) => i.value)).toEqual([null, 1150, 1261]);
    expect(body.items[2]).toMatchObject({
      previousValue: 1150,
      targetTextEn: expect.stringContaining("5%"),
      achievement: { status: "achieved" },
    });
    expect(body.items[1].achievement.reason).toBe("missing_previous_value");
  });

  it("answers 400 when the range runs backwards", async () => {
    const response = await t.anonymous.request("GET", `/api/indicators/${total}/trend?from=2021&to=2019`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe("to");
  });
});

describe("GET /api/indicators/:id/drilldown", () => {
  it("goes from the nation to regions and provincial clusters, to provinces, to the clusters in a province", async () => {
    const nation = await get(t.anonymous, `/api/indicators/${total}/drilldown?period=${FY}`);
    expect(nation.unit).toMatchObject({ type: "nation", value: 1261 });
    expect(nation.children.filter((c: { type: string }) => c.type === "region")).toHaveLength(6);
    expect(nation.children.filter((c: { type: string }) => c.type === "provincial_cluster")).toHaveLength(18);
    expect(nation.children.find((c: { code: string }) => c.code === "north")).toMatchObject({
      value: 161,
      source: "computed",
    });

    const region = await get(
      t.anonymous,
      `/api/indicators/${total}/drilldown?period=${FY}&unitType=region&unitCode=north`,
    );
    expect(region.parents).toEqual([expect.objectContaining({ type: "nation" })]);
    expect(region.children.find((c: { code: string }) => c.code === "50")).toMatchObject({
      type: "province",
      value: 110,
    });

    const chiangMai = await get(
      t.anonymous,
      `/api/indicators/${total}/drilldown?period=${FY}&unitType=province&unitCode=50`,
    );
    expect(chiangMai.parents.map((p: { type: string }) => p.type)).toEqual(["nation", "provincial_cluster"]);
    expect(chiangMai.children).toEqual([
      expect.objectContaining({
        type: "cluster",
        code: String(clusterId),
        nameEn: "Chiang Mai coffee",
        value: 7,
        source: "reported",
      }),
    ]);
  });
});

describe("unknown org units and ids", () => {
  const unknownUnits: Array<[string, string, string]> = [
    ["province", "99", "no province with code 99"],
    ["region", "atlantis", "no region with code atlantis"],
    ["provincial_cluster", "77", "no provincial cluster with code 77"],
    ["cluster", "987654", "no cluster with code 987654"],
    ["programme", "987654", "no programme with code 987654"],
    ["nation", "XX", "the nation's code is TH, not XX"],
  ];
  const routes = (unit: string) => [
    `/api/dashboards/plans/${planId}?period=${FY}&${unit}`,
    `/api/indicators/${total}/drilldown?period=${FY}&${unit}`,
    `/api/indicators/${total}/trend?${unit}`,
    `/api/plans/${planId}/report.xlsx?period=${FY}&${unit}`,
    `/api/plans/${planId}/report.pdf?period=${FY}&${unit}`,
  ];

  it.each(unknownUnits)(
    "answers 400 naming unitCode for an unknown %s (%s) on dashboards, drill-down, trend and reports",
    async (type, code, message) => {
      for (const url of routes(`unitType=${type}&unitCode=${code}`)) {
        const response = await t.anonymous.request("GET", url);
        expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
        // A unit that does not exist (or a nation code other than TH) is not_found (the web words it); the message explains.
        expect(response.json().error.details, url).toEqual([
          { path: "unitCode", message, code: "not_found", params: { id: code } },
        ]);
      }
    },
  );

  it("answers 400 naming unitCode for a cluster or programme code that is not an id", async () => {
    const response = await t.anonymous.request(
      "GET",
      `/api/indicators/${total}/drilldown?period=${FY}&unitType=cluster&unitCode=coffee`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: "unitCode" })]);
  });

  it("answers 404 for an unknown plan or indicator id on every route", async () => {
    for (const url of [
      `/api/dashboards/plans/999999?period=${FY}`,
      `/api/dashboards/plans/999999/provincial-clusters?period=${FY}`,
      `/api/indicators/999999/map?period=${FY}`,
      `/api/indicators/999999/trend`,
      `/api/indicators/999999/drilldown?period=${FY}`,
      `/api/plans/999999/report.xlsx?period=${FY}`,
      `/api/plans/999999/report.pdf?period=${FY}`,
    ]) {
      const response = await t.anonymous.request("GET", url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe("not_found");
    }
  });
});
