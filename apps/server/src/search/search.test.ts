import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterprises, nowIso, type EnterpriseDetail } from "@sainam/db";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { indexEnterprises } from "./search.indexer.ts";

// A common word with more matches than the search reads at once (500): the tighter tiers and the estimate.
let t: TestApp;
const COMMON = 2_500;
beforeAll(async () => {
  t = await createTestApp();
  const now = nowIso();
  await t.ctx.database.db.transaction().execute(async (trx) => {
    const details: EnterpriseDetail[] = [];
    for (let i = 0; i < COMMON + 1; i++) {
      const last = i === COMMON;
      const id = await enterprises.insertEnterprise(trx, {
        juristic_id: null,
        ce_registration_no: `9-99-99-99/1-${String(i).padStart(5, "0")}`,
        name_th: last ? "กาแฟดอยตุง" : `กาแฟ ${i}`,
        name_en: last ? "Doi Tung Coffee" : `Coffee ${i}`,
        legal_form: "community_enterprise",
        size_class: null,
        revenue: null,
        employees: null,
        capital: null,
        tsic_code: null,
        business_type: null,
        address: null,
        province_code: last ? "57" : "50",
        district_code: null,
        postcode: null,
        registered_on: null,
        published: 1,
        is_example: 0,
        created_at: now,
        updated_at: now,
      });
      const detail = await enterprises.loadEnterpriseDetail(trx, id);
      if (detail) details.push(detail);
    }
    await indexEnterprises(trx, details);
  });
});
afterAll(async () => {
  await t.close();
});

describe("#search over a common word", () => {
  it("finds the one firm that has both words, however late it comes in the index", async () => {
    const found = (await t.anonymous.request("GET", `/api/search?q=${encodeURIComponent("กาแฟดอยตุง")}`)).json();
    expect(found.items.map((i: { nameEn: string }) => i.nameEn)).toEqual(["Doi Tung Coffee"]);
    const english = (await t.anonymous.request("GET", "/api/search?q=doi%20tung%20coffee")).json();
    expect(english.items[0].nameEn).toBe("Doi Tung Coffee");
  });

  it("answers a common word with at least 100 ranked matches, every one of them a match", async () => {
    const found = (await t.anonymous.request("GET", `/api/search?q=${encodeURIComponent("กาแฟ")}&pageSize=50`)).json();
    expect(found.total).toBeGreaterThanOrEqual(100);
    expect(found.items).toHaveLength(50);
    expect(found.items.every((i: { nameTh: string }) => i.nameTh.includes("กาแฟ"))).toBe(true);
  });

  it("keeps facets exact while walking: the province filter finds the one firm in Chiang Rai", async () => {
    const found = (await t.anonymous.request("GET", `/api/search?q=${encodeURIComponent("กาแฟ")}&province=57`)).json();
    expect(found.items.map((i: { nameEn: string }) => i.nameEn)).toEqual(["Doi Tung Coffee"]);
  });

  it("pages beyond the first matches", async () => {
    const page7 = (await t.anonymous.request("GET", "/api/search?q=coffee&page=7&pageSize=50")).json();
    expect(page7.items).toHaveLength(50);
    const page6 = (await t.anonymous.request("GET", "/api/search?q=coffee&page=6&pageSize=50")).json();
    expect(
      page6.items
        .map((i: { id: number }) => i.id)
        .filter((id: number) => page7.items.some((j: { id: number }) => j.id === id)),
    ).toEqual([]);
  });

  it("refuses a page past the first 10,000 results, naming the page", async () => {
    const deep = await t.anonymous.request("GET", "/api/search?q=coffee&page=201&pageSize=50");
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error.details[0]).toMatchObject({ path: "page", message: expect.stringContaining("10,000") });
    expect((await t.anonymous.request("GET", "/api/search?q=coffee&page=200&pageSize=50")).statusCode).toBe(200);
  });
});
