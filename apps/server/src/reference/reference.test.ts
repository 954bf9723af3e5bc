import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provinceBoundariesSchema } from "@sainam/contract";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const get = async (url: string) => {
  const response = await t.anonymous.request("GET", url);
  expect(response.statusCode, url).toBe(200);
  return response.json();
};

describe("#health", () => {
  it("answers ok and names the engine it runs on", async () => {
    const health = await get("/api/health");
    expect(health.status).toBe("ok");
    expect(health.db).toBe(process.env.DATABASE_URL ? "postgres" : "sqlite");
  });
});

describe("#reference", () => {
  it("serves 6 regions whose province counts add up to 77", async () => {
    const { items } = await get("/api/regions");
    expect(items).toHaveLength(6);
    expect(items.reduce((n: number, r: { provinceCount: number }) => n + r.provinceCount, 0)).toBe(77);
  });

  it("serves 77 provinces with DOPA and ISO codes and Thai and English names", async () => {
    const { items } = await get("/api/provinces");
    expect(items).toHaveLength(77);
    expect(items.find((p: { code: string }) => p.code === "10")).toMatchObject({
      iso: "TH-10",
      nameTh: "กรุงเทพมหานคร",
      nameEn: "Bangkok",
      provincialClusterId: null,
    });
  });

  it("filters provinces by region", async () => {
    const { items } = await get("/api/provinces?region=northeast");
    expect(items.length).toBeGreaterThan(15);
    expect(items.every((p: { regionCode: string }) => p.regionCode === "northeast")).toBe(true);
  });

  it("serves a province with its districts and provincial cluster", async () => {
    const chiangMai = await get("/api/provinces/50");
    expect(chiangMai.nameEn).toBe("Chiang Mai");
    expect(chiangMai.districts.length).toBeGreaterThan(20);
    expect(chiangMai.provincialCluster.number).toBe(15);
  });

  it("answers 400 naming the field for a malformed province code and 404 for an unknown one", async () => {
    const bad = await t.anonymous.request("GET", "/api/provinces/abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("code");
    expect((await t.anonymous.request("GET", "/api/provinces/99")).statusCode).toBe(404);
  });

  it("serves 77 province boundaries as GeoJSON with each province's cluster", async () => {
    const response = await t.anonymous.request("GET", "/api/provinces/boundaries");
    expect(response.headers["content-type"]).toContain("geo+json");
    const geo = response.json();
    // The answer is sent pre-serialised, past the route's response check: the contract is checked here instead.
    expect(provinceBoundariesSchema.safeParse(geo).success).toBe(true);
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(77);
    const phuket = geo.features.find((f: { properties: { code: string } }) => f.properties.code === "83");
    expect(phuket.properties.provincialClusterId).not.toBeNull();
    expect(["Polygon", "MultiPolygon"]).toContain(phuket.geometry.type);
  });

  it("serves the 18 provincial clusters of the plan covering the 76 provinces outside Bangkok once each", async () => {
    const { items } = await get("/api/provincial-clusters");
    expect(items.map((c: { number: number }) => c.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const codes = items.flatMap((c: { provinces: Array<{ code: string }> }) => c.provinces.map((p) => p.code));
    expect(codes).toHaveLength(76);
    expect(new Set(codes).size).toBe(76);
    expect(codes).not.toContain("10");
  });

  it("keeps each provincial cluster's position and common trade issues in the plan's words", async () => {
    const { items } = await get("/api/provincial-clusters");
    const south = items.find((c: { number: number }) => c.number === 6);
    expect(south.positionEn).toContain("Rubber");
    expect(south.provinces.map((p: { nameEn: string }) => p.nameEn).sort()).toEqual([
      "Chumphon",
      "Nakhon Si Thammarat",
      "Phatthalung",
      "Surat Thani",
    ]);
    expect(south.issuesEn.length).toBeGreaterThanOrEqual(2);
    expect(south.nameTh).toMatch(/^กลุ่มจังหวัด/);
  });

  it("serves the agencies named in the seeds", async () => {
    const { items } = await get("/api/agencies");
    const codes = items.map((a: { code: string }) => a.code);
    for (const code of ["MOC", "DIP", "OSMEP", "THTI", "DIP-ITC", "DIP-TIDC", "DIP-SRC", "DIP-RISPM"])
      expect(codes).toContain(code);
    const itc = items.find((a: { code: string }) => a.code === "DIP-ITC");
    const dip = items.find((a: { code: string }) => a.code === "DIP");
    expect(itc.parentId).toBe(dip.id);
  });
});

describe("#plans", () => {
  it("serves the 2017-2021 plan as a tree of vision, missions, purposes, issues and strategies", async () => {
    const { items } = await get("/api/plans");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ code: "MOC-PCT-2017-2021", periodStart: "2016-10-01", periodEnd: "2021-09-30" });
    const plan = await get(`/api/plans/${items[0].id}`);
    const count = (kind: string) => plan.nodes.filter((n: { kind: string }) => n.kind === kind).length;
    expect([count("vision"), count("mission"), count("purpose"), count("strategic_issue"), count("strategy")]).toEqual([
      1, 4, 4, 4, 4,
    ]);
  });

  it("keeps every indicator's target as written, with a structured form where one exists", async () => {
    const { items } = await get("/api/plans");
    const plan = await get(`/api/plans/${items[0].id}`);
    type Node = {
      children: Node[];
      indicators: Array<{ code: string; targets: Array<{ textEn: string; target: { kind: string } | null }> }>;
    };
    const indicators = (nodes: Node[]): Node["indicators"] =>
      nodes.flatMap((n) => [...n.indicators, ...indicators(n.children)]);
    const all = indicators(plan.nodes);
    expect(all).toHaveLength(12);
    const byCode = new Map(all.map((i) => [i.code, i.targets[0]]));
    expect(byCode.get("2.3")?.textEn).toBe("80-90%");
    expect(byCode.get("2.3")?.target?.kind).toBe("range");
    expect(byCode.get("3.1")?.textEn).toBe("increase 5%");
    expect(byCode.get("2.1")?.textEn).toContain("2.5% (+/- 1.5%)");
    expect(byCode.get("2.1")?.target?.kind).toBe("band");
    expect(byCode.get("1.1")?.target?.kind).toBe("direction");
  });

  it("counts sub-strategies 2, 3, 2, 2 under the four strategies", async () => {
    const { items } = await get("/api/plans");
    const plan = await get(`/api/plans/${items[0].id}`);
    const strategies = plan.nodes.filter((n: { kind: string }) => n.kind === "strategy");
    expect(
      strategies.map(
        (s: { children: Array<{ kind: string }> }) => s.children.filter((c) => c.kind === "sub_strategy").length,
      ),
    ).toEqual([2, 3, 2, 2]);
  });
});
