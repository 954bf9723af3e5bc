import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// A new embedded database meets its first user with the seeds' clusters; PostgreSQL only when asked.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { examples: "auto" });
});
afterAll(async () => {
  await t.close();
});

describe("example data on first start", () => {
  it("is loaded on a new embedded database, and not on PostgreSQL", async () => {
    const { total, items } = (await t.anonymous.request("GET", "/api/clusters?pageSize=200")).json();
    if (t.ctx.database.dialect === "postgres") {
      expect(total).toBe(0);
      return;
    }
    expect(total).toBe(20);
    expect(items.every((c: { isExample: boolean }) => c.isExample)).toBe(true);
  });

  it("gives the Health and Wellness Economy cluster its 5 sub-clusters and THTI as co-operating agency", async () => {
    if (t.ctx.database.dialect === "postgres") return;
    const { items } = (await t.anonymous.request("GET", "/api/clusters?pageSize=200&parent=none")).json();
    const hw = items.find((c: { nameEn: string | null }) => c.nameEn?.includes("Health and Wellness"));
    const detail = (await t.anonymous.request("GET", `/api/clusters/${hw.id}`)).json();
    expect(detail.childIds).toHaveLength(5);
    const agencies: Array<{ id: number; code: string }> = (await t.anonymous.request("GET", "/api/agencies")).json()
      .items;
    expect(agencies.find((a) => a.id === detail.cooperatingAgencyId)?.code).toBe("THTI");
  });

  it("is searchable in Thai and analysable, with suggestions that say why", async () => {
    if (t.ctx.database.dialect === "postgres") return;
    const found = (await t.anonymous.request("GET", `/api/search?q=${encodeURIComponent("กาแฟ")}&type=cluster`)).json();
    expect(found.items.length).toBeGreaterThan(0);
    const coffee = found.items[0];
    const analysis = (await t.anonymous.request("GET", `/api/clusters/${coffee.id}/analysis`)).json();
    expect(analysis.membersPerStage.upstream).toBeGreaterThan(0);
    expect(analysis.unlinkedMemberIds.length).toBeGreaterThan(0);
    expect(analysis.suggestions.length).toBeGreaterThan(0);
    expect(analysis.suggestions[0].reasons[0].detail.length).toBeGreaterThan(10);
  });

  it("counts a firm in two clusters once", async () => {
    if (t.ctx.database.dialect === "postgres") return;
    const rows = await t.ctx.database.db
      .selectFrom("memberships")
      .select(["enterprise_id"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .groupBy("enterprise_id")
      .having((eb) => eb.fn.countAll(), ">", 1)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    const firm = rows[0]?.enterprise_id ?? 0;
    const detail = (await t.anonymous.request("GET", `/api/enterprises/${firm}`)).json();
    expect(detail.memberships.length).toBeGreaterThan(1);
  });
});
