import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { search as indexSearch } from "@sainam/db";
import {
  createCluster,
  createEnterprise,
  createMembership,
  ok,
  signInAs,
  type SignedIn,
} from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// The catalogue's filters as facets of its search index (migration 0030, issue 14 point 8): the index narrows by
// province, section, certification kind and cluster together with the words, the catalogue checks each filter on
// what it found. Triggers keep the facets current whatever writes the firm, its memberships, the product or its
// certifications; every step below compares the index with the facets computed afresh, and searches through the
// route. On SQLite, and on PostgreSQL when DATABASE_URL is set.
let t: TestApp;
let admin: SignedIn;
let clock = Date.parse("2026-12-07T05:00:00Z");
let firmId: number;
let clusterId: number;
let otherClusterId: number;
let silkId: number;
let riceId: number;

beforeAll(async () => {
  t = await createTestApp({}, { examples: "never", now: () => clock });
  admin = await signInAs(t, "admin");
  firmId = (await createEnterprise<{ id: number }>(admin, { nameTh: "วิสาหกิจชุมชนทอผ้าบ้านเขวา", provinceCode: "36" })).id;
  clusterId = (await createCluster<{ id: number }>(admin)).id;
  otherClusterId = (await createCluster<{ id: number }>(admin)).id;
  const add = async (body: Record<string, unknown>) => {
    const product = await ok<{ id: number }>(admin.request("POST", `/api/enterprises/${firmId}/products`, body), 201);
    await ok(admin.request("POST", `/api/products/${product.id}/publish`));
    return product.id;
  };
  silkId = await add({ nameTh: "ผ้าไหมมัดหมี่บ้านเขวา", nameEn: "Ban Khwao mudmee silk", tsicCode: "13121" });
  riceId = await add({ nameTh: "ข้าวหอมมะลิบ้านเขวา", nameEn: "Ban Khwao jasmine rice", tsicCode: "01111" });
});
afterAll(async () => {
  await t?.close();
});

type Result = { items: Array<{ id: number }>; total: number; totalIsEstimate: boolean };
const search = async (query: Record<string, string | number>): Promise<number[]> => {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const result = await ok<Result>(t.anonymous.request("GET", `/api/catalogue?${params}`));
  return result.items.map((i) => i.id);
};

/** The facets each product's index row holds, next to the ones computed from the tables now. */
async function facetsInIndexAndAfresh() {
  const { db, dialect } = t.ctx.database;
  const id = dialect === "sqlite" ? sql.raw("rowid") : sql.raw("id");
  const indexed = await sql<{
    id: number;
    facets: string | string[];
  }>`SELECT ${id} AS id, facets FROM search_product`.execute(db);
  const afresh = await sql<{ id: number; facets: string | string[] }>`SELECT id, facets FROM product_facets`.execute(
    db,
  );
  // SQLite's are three-character tokens, PostgreSQL's array elements: compared as sorted lists either way.
  const tokens = (f: string | string[]) =>
    (Array.isArray(f) ? [...f] : ([...f].join("").match(/[\u{F0000}-\u{F000F}][^\u{F0000}-\u{F000F}]{2}/gu) ?? []))
      .sort()
      .join(" ");
  const byId = (rows: Array<{ id: number; facets: string | string[] }>) =>
    Object.fromEntries(rows.map((r) => [Number(r.id), tokens(r.facets)]));
  return { indexed: byId(indexed.rows), afresh: byId(afresh.rows) };
}
async function expectIndexCurrent() {
  const { indexed, afresh } = await facetsInIndexAndAfresh();
  expect(indexed).toEqual(afresh);
  return indexed;
}

describe("#catalogue facets", () => {
  it("indexes each product with its firm's province, its section and nothing more yet", async () => {
    const indexed = await expectIndexCurrent();
    expect(indexed[silkId]).not.toBe(indexed[riceId]);
    expect(await search({ q: "บ้านเขวา", province: "36" })).toEqual(expect.arrayContaining([silkId, riceId]));
    expect(await search({ q: "บ้านเขวา", category: "C" })).toEqual([silkId]);
    expect(await search({ q: "บ้านเขวา", category: "A" })).toEqual([riceId]);
  });

  it("gives rows written fresh, as an import writes a new firm's products, their facets too", async () => {
    const { db, dialect } = t.ctx.database;
    const id = dialect === "sqlite" ? sql.raw("rowid") : sql.raw("id");
    // The products' own texts, written again as new rows.
    const held = await sql<{ id: number; name: string; body: string }>`SELECT ${id} AS id, name, body
      FROM search_product WHERE ${id} IN (${silkId}, ${riceId})`.execute(db);
    expect(held.rows).toHaveLength(2);
    const texts = held.rows.map((r) => ({ id: Number(r.id), text: { name: r.name, body: r.body } }));
    await indexSearch.removeSearchTexts(db, "product", [silkId, riceId]);
    await indexSearch.writeSearchTexts(db, "product", texts, { sqlite: t.ctx.database.sqlite, fresh: true });
    await expectIndexCurrent();
    expect(await search({ q: "บ้านเขวา", province: "36" })).toEqual(expect.arrayContaining([silkId, riceId]));
    expect(await search({ q: "บ้านเขวา", category: "C" })).toEqual([silkId]);
  });

  it("follows the firm to another province", async () => {
    await ok(admin.request("PATCH", `/api/enterprises/${firmId}`, { provinceCode: "40" }));
    await expectIndexCurrent();
    expect(await search({ q: "บ้านเขวา", province: "36" })).toEqual([]);
    expect((await search({ q: "บ้านเขวา", province: "40" })).sort()).toEqual([silkId, riceId].sort());
    expect((await search({ province: "40" })).sort()).toEqual([silkId, riceId].sort());
  });

  it("follows a product into another category", async () => {
    await ok(admin.request("PATCH", `/api/products/${riceId}`, { tsicCode: "10612" }));
    await expectIndexCurrent();
    expect((await search({ q: "บ้านเขวา", category: "C" })).sort()).toEqual([silkId, riceId].sort());
    expect(await search({ q: "บ้านเขวา", category: "A" })).toEqual([]);
  });

  it("follows certifications added, changed and removed, and leaves one out the day after it expires", async () => {
    const cert = await ok<{ id: number }>(
      admin.request("POST", `/api/products/${silkId}/certifications`, { kind: "organic", expiresOn: "2026-12-08" }),
      201,
    );
    await expectIndexCurrent();
    expect(await search({ q: "mudmee", certification: "organic" })).toEqual([silkId]);
    expect(await search({ certification: "organic", province: "40" })).toEqual([silkId]);
    // Valid through its expiry day (Bangkok), gone the day after: the index keeps the kind, the check decides.
    clock = Date.parse("2026-12-08T16:59:00Z");
    expect(await search({ q: "mudmee", certification: "organic" })).toEqual([silkId]);
    clock = Date.parse("2026-12-08T17:00:00Z");
    expect(await search({ q: "mudmee", certification: "organic" })).toEqual([]);
    expect(await search({ certification: "organic", province: "40" })).toEqual([]);
    expect(await search({ certification: "organic" })).toEqual([]);
    clock = Date.parse("2026-12-07T05:00:00Z"); // back to the day the sessions were opened
    // Renewed; then its kind changed (no route does that: written straight to the table, as an import might); removed.
    await ok(admin.request("PATCH", `/api/products/${silkId}/certifications/${cert.id}`, { expiresOn: "2029-12-31" }));
    expect(await search({ q: "mudmee", certification: "organic" })).toEqual([silkId]);
    await t.ctx.database.db
      .updateTable("product_certifications")
      .set({ kind: "gmp" })
      .where("id", "=", cert.id)
      .execute();
    await expectIndexCurrent();
    expect(await search({ q: "mudmee", certification: "organic" })).toEqual([]);
    expect(await search({ q: "mudmee", certification: "gmp" })).toEqual([silkId]);
    await ok(admin.request("DELETE", `/api/products/${silkId}/certifications/${cert.id}`));
    await expectIndexCurrent();
    expect(await search({ q: "mudmee", certification: "gmp" })).toEqual([]);
  });

  it("follows the firm's cluster memberships: approved, left, removed", async () => {
    const officer = await signInAs(t, "cluster_coordinator", { clusterIds: [otherClusterId] });
    const pending = await createMembership(officer, otherClusterId, firmId, { stage: "upstream" });
    expect(pending.approved).toBe(false);
    await expectIndexCurrent();
    expect(await search({ q: "บ้านเขวา", cluster: otherClusterId })).toEqual([]);
    await ok(admin.request("POST", `/api/clusters/${otherClusterId}/members/${firmId}/approval`));
    await expectIndexCurrent();
    expect((await search({ q: "บ้านเขวา", cluster: otherClusterId })).sort()).toEqual([silkId, riceId].sort());

    await createMembership(admin, clusterId, firmId, { stage: "midstream" });
    await expectIndexCurrent();
    expect((await search({ q: "silk", cluster: clusterId, province: "40" })).sort()).toEqual([silkId]);
    expect((await search({ cluster: clusterId, province: "40" })).sort()).toEqual([silkId, riceId].sort());
    await ok(admin.request("PATCH", `/api/clusters/${clusterId}/members/${firmId}`, { leftOn: "2026-12-01" }));
    await expectIndexCurrent();
    expect(await search({ q: "silk", cluster: clusterId })).toEqual([]);
    expect(await search({ cluster: clusterId, province: "40" })).toEqual([]);
    await ok(admin.request("DELETE", `/api/clusters/${otherClusterId}/members/${firmId}`));
    await expectIndexCurrent();
    expect(await search({ q: "บ้านเขวา", cluster: otherClusterId })).toEqual([]);
  });

  it("pages filter-only results the same way whichever index drives them", async () => {
    await ok(admin.request("POST", `/api/products/${riceId}/certifications`, { kind: "otop", otopStars: 4 }));
    await ok(admin.request("POST", `/api/products/${silkId}/certifications`, { kind: "otop", otopStars: 5 }));
    // Two filters meet in the index's facets; one alone is read from the products' indexes.
    const both = await search({ certification: "otop", province: "40", pageSize: 1 });
    const second = await search({ certification: "otop", province: "40", pageSize: 1, page: 2 });
    const one = await search({ certification: "otop", pageSize: 2 });
    expect([...both, ...second]).toEqual(one);
    expect(one).toEqual([riceId, silkId].sort((a, b) => b - a));
    const result = await ok<Result>(
      t.anonymous.request("GET", "/api/catalogue?certification=otop&province=40&pageSize=1"),
    );
    expect(result).toMatchObject({ total: 2, totalIsEstimate: false });
  });
});
