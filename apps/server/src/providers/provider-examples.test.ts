import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleData, removeExampleData } from "../examples/examples.service.ts";
import { ok, signInAs } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// The service providers of seed 001 load with the other examples, and go with them unless a user gave one an
// expert. Explicitly loaded, so it runs on PostgreSQL too.
let t: TestApp;
const system = { kind: "system" } as const;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Listed = { id: number; code: string; kind: string; nameTh: string | null; nameEn: string | null };

describe("#examples: service providers", () => {
  it("loads ITC (every province), TIDC, the SME Rescue Center and the regional mechanism, once", async () => {
    const report = await loadExampleData(t.ctx, system);
    expect(report.providers).toEqual({ providers: 4, providerProvinces: 77, providerServices: 8 });
    expect((await loadExampleData(t.ctx, system)).providers.providers).toBe(0);
    const { items } = await ok<{ items: (Listed & { provinceCodes: string[]; services: string[] })[] }>(
      t.anonymous.request("GET", "/api/service-providers"),
    );
    const examples = items.filter((p) => p.code.startsWith("EX-"));
    expect(examples.map((p) => [p.code, p.kind])).toEqual([
      ["EX-ITC", "itc_centre"],
      ["EX-RISPM", "sme_centre"],
      ["EX-SRC", "rescue_centre"],
      ["EX-TIDC", "design_centre"],
    ]);
    const itc = examples.find((p) => p.code === "EX-ITC");
    expect(itc?.provinceCodes).toHaveLength(77);
    expect(itc?.services).toEqual(["cost_reduction", "product_development", "technology"]);
    expect(itc?.nameTh).toBe("ศูนย์ปฏิรูปอุตสาหกรรมสู่อนาคต");
  });

  it("removes them, keeping one a user gave an expert as real data", async () => {
    const admin = await signInAs(t, "admin");
    const { items } = await ok<{ items: Listed[] }>(admin.request("GET", "/api/service-providers"));
    const tidc = items.find((p) => p.code === "EX-TIDC");
    if (!tidc) throw new Error("TIDC example missing");
    await ok(admin.request("POST", "/api/experts", { providerId: tidc.id, displayName: "นักออกแบบบรรจุภัณฑ์" }), 201);
    const report = await removeExampleData(t.ctx, system);
    expect(report.providers).toMatchObject({ providers: 3, kept: ["EX-TIDC"] });
    const after = await ok<{ items: (Listed & { isExample: boolean })[] }>(
      admin.request("GET", "/api/service-providers"),
    );
    expect(after.items.filter((p) => p.code.startsWith("EX-")).map((p) => [p.code, p.isExample])).toEqual([
      ["EX-TIDC", false],
    ]);
  });
});
