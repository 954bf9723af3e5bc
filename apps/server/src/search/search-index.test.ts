import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql, type Kysely, type Migration } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseSearchText, juristicIdCheckDigit, type Actor } from "@sainam/core";
import {
  enterpriseImport,
  migrateToLatest,
  nowIso,
  openDatabase,
  search,
  seedReferenceData,
  type Database,
} from "@sainam/db";
import * as m0001 from "../../../../packages/db/src/migrations/0001-foundation.ts";
import * as m0002 from "../../../../packages/db/src/migrations/0002-registry.ts";
import * as m0003 from "../../../../packages/db/src/migrations/0003-monitoring.ts";
import * as m0008 from "../../../../packages/db/src/migrations/0008-programme-figures.ts";
import { createContext } from "../context.ts";
import { loadConfig } from "../config.ts";
import { ADMIN, createTestApp, freshDatabaseUrl, type Client, type TestApp } from "../test-support/test-app.ts";
import { searchAll, type SearchTuning } from "./search.service.ts";

const system: Actor = { kind: "system" };
const anyone: Actor = { kind: "public" };

type Firm = {
  id: number;
  nameTh?: string | null;
  nameEn?: string | null;
  product?: string;
  business?: string;
  published?: 0 | 1;
  province?: string;
};

/** Inserts firms with the given ids and indexes them as an import does (new firms, one bulk write), in one transaction. */
async function addFirms(database: Database, firms: Firm[]): Promise<void> {
  const now = nowIso();
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < firms.length; i += 200) {
      await trx
        .insertInto("enterprises")
        .values(
          firms.slice(i, i + 200).map((f) => ({
            id: f.id,
            ce_registration_no: `t-${f.id}`,
            name_th: f.nameTh ?? null,
            name_en: f.nameEn ?? null,
            legal_form: "company_limited",
            size_class: null,
            revenue: null,
            employees: null,
            capital: null,
            tsic_code: null,
            business_type: f.business ?? null,
            address: null,
            province_code: f.province ?? "10",
            district_code: null,
            postcode: null,
            registered_on: null,
            published: f.published ?? 1,
            is_example: 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    const texts = firms.map((f) => ({
      id: f.id,
      text: enterpriseSearchText({
        name_th: f.nameTh ?? null,
        name_en: f.nameEn ?? null,
        business_type: f.business ?? null,
        products: f.product ? [{ name: f.product }] : [],
      }),
    }));
    await search.writeSearchTexts(trx, "enterprise", texts, { sqlite: database.sqlite, fresh: true });
  });
}

async function find(
  ctx: TestApp["ctx"],
  q: string,
  options: { actor?: Actor; page?: number; pageSize?: number; tuning?: SearchTuning; province?: string } = {},
) {
  const result = await searchAll(
    ctx,
    options.actor ?? system,
    { q, page: options.page ?? 1, pageSize: options.pageSize ?? 100, province: options.province },
    options.tuning,
  );
  return {
    ...result,
    ids: result.items.map((i) => i.id).sort((a, b) => a - b),
    first: result.items[0]?.nameTh ?? result.items[0]?.nameEn,
  };
}

const range = (from: number, count: number, step = 1) => Array.from({ length: count }, (_, i) => from + i * step);

describe("search: what a person types finds the firm", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await addFirms(t.ctx.database, [
      { id: 1, nameTh: "ห้างหุ้นส่วนจำกัด โซล่าร์ เซลล์ เทคโนโลยี" },
      { id: 2, nameTh: "บริษัท คาเฟ่ลานนา จำกัด" },
      { id: 3, nameTh: "บริษัท สยามกาแฟ 3 จำกัด" },
      { id: 4, nameTh: "บริษัท สยามกาแฟ (1) จำกัด" },
      { id: 5, nameTh: "บริษัท สยามกาแฟ จำกัด" },
      { id: 6, nameTh: "บริษัท กาแฟสยามกาแฟพิเศษ จำกัด" },
      { id: 7, nameTh: "บริษัท เอ.พี.พี. เทรดดิ้ง จำกัด" },
      { id: 8, nameTh: "บริษัท ไทย Solar เอ็นเนอร์ยี่ จำกัด", nameEn: "Thai Solar Energy Co., Ltd." },
      { id: 9, nameTh: "บริษัท กาแฟ เชียงใหม่ จำกัด" },
      { id: 10, nameTh: "บริษัท ชา ดอย จำกัด" },
      { id: 11, nameTh: "บริษัท ชาวนาไทย จำกัด" },
      { id: 12, nameTh: "บริษัท น\u0E49\u0E4D\u0E32ทอง ๙๙ จำกัด" },
      { id: 13, nameTh: "บริษัท ลานนาคราฟท์ จำกัด", product: "ผ้าฝ้ายทอมือ", business: "ผลิตและจำหน่ายเครื่องปั้นดินเผา" },
      { id: 14, nameTh: "บริษัท ดินเผา จำกัด" },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("finds a word the dictionary would cut, whole or as it is being typed", async () => {
    expect((await find(t.ctx, "โซล่าร์")).ids).toEqual([1]);
    expect((await find(t.ctx, "โซล่")).ids).toEqual([1]);
    expect((await find(t.ctx, "โซล่าร์ เซลล์")).first).toBe("ห้างหุ้นส่วนจำกัด โซล่าร์ เซลล์ เทคโนโลยี");
    expect((await find(t.ctx, "เทคโน")).ids).toEqual([1]);
  });

  it("finds a word inside a Thai compound", async () => {
    expect((await find(t.ctx, "ลานนา")).ids).toEqual([2, 13]);
    // The word that begins a name ranks above the same word inside another.
    expect((await find(t.ctx, "ลานนา")).items.map((i) => i.id)).toEqual([13, 2]);
  });

  it("puts the exact name first, above longer names that contain it", async () => {
    expect((await find(t.ctx, "สยามกาแฟ")).items.map((i) => i.id)).toEqual([5, 3, 4, 6]);
    expect((await find(t.ctx, "บริษัท สยามกาแฟ จำกัด")).items[0]?.id).toBe(5);
    expect((await find(t.ctx, "บจก.สยามกาแฟ")).items[0]?.id).toBe(5);
  });

  it("tells names apart by a trailing number, in brackets or not", async () => {
    expect((await find(t.ctx, "สยามกาแฟ 3")).items.map((i) => i.id)).toEqual([3]);
    expect((await find(t.ctx, "สยามกาแฟ (1)")).items.map((i) => i.id)).toEqual([4]);
    expect((await find(t.ctx, "สยามกาแฟ 1")).items.map((i) => i.id)).toEqual([4]);
  });

  it("finds dotted initials, and English words inside a Thai name", async () => {
    expect((await find(t.ctx, "เอ.พี.พี")).items.map((i) => i.id)).toEqual([7]);
    expect((await find(t.ctx, "เอ.พี.พี. เทรดดิ้ง")).items.map((i) => i.id)).toEqual([7]);
    expect((await find(t.ctx, "solar")).ids).toEqual([8]);
    expect((await find(t.ctx, "ไทย solar")).ids).toEqual([8]);
    expect((await find(t.ctx, "Thai Solar Energy")).ids).toEqual([8]);
  });

  it("finds Thai typed without the spaces the name has, after the names that have it as typed", async () => {
    expect((await find(t.ctx, "กาแฟเชียงใหม่")).ids).toEqual([9]);
    expect((await find(t.ctx, "ดอยชา")).ids).toEqual([10]);
  });

  it("finds a short word as a whole word or a beginning", async () => {
    const tea = await find(t.ctx, "ชา");
    expect(tea.ids).toEqual([10, 11]);
    expect(tea.items[0]?.id).toBe(10);
    // One character: only as a whole word.
    expect((await find(t.ctx, "3")).ids).toEqual([3]);
  });

  it("folds Thai digits, the old spelling of SARA AM and repeated spaces, on either side", async () => {
    expect((await find(t.ctx, "น้ำทอง 99")).ids).toEqual([12]);
    expect((await find(t.ctx, "น\u0E4D\u0E49\u0E32ทอง   ๙๙")).ids).toEqual([12]);
  });

  it("finds products and business type, below the names that match", async () => {
    expect((await find(t.ctx, "ผ้าฝ้าย")).ids).toEqual([13]);
    expect((await find(t.ctx, "ดินเผา")).items.map((i) => i.id)).toEqual([14, 13]);
  });

  it("keeps a record's name and the rest apart: a word of the body is never taken for a word of the name", async () => {
    const [ceramics] = [...(await search.searchTextsOf(t.ctx.database.db, "enterprise", [13])).values()];
    expect(ceramics).toEqual({ name: " ลานนาคราฟท์ ", body: " ผ้าฝ้ายทอมือ | ผลิตและจำหน่ายเครื่องปั้นดินเผา " });
    // ดินเผา is a whole word of firm 14's name only; firm 13 has it in its business type, so it comes after.
    const found = await find(t.ctx, "ดินเผา");
    expect(found.items.map((i) => [i.id, Math.floor(i.score)])).toEqual([
      [14, 5],
      [13, 2],
    ]);
    // A word and a product together: one in the name, the other in the body.
    expect((await find(t.ctx, "ลานนา ผ้าฝ้าย")).ids).toEqual([13]);
  });

  it("needs every word, and finds nothing for words no firm has together", async () => {
    expect(await find(t.ctx, "โซล่าร์ กาแฟ")).toMatchObject({ items: [], total: 0, totalIsEstimate: false });
    expect(await find(t.ctx, "ไม่มีใครชื่อนี้")).toMatchObject({ items: [], total: 0 });
    expect(await find(t.ctx, "  ?! ")).toMatchObject({ items: [], total: 0 });
  });
});

describe("search: facets, visibility, counts and pages", () => {
  let t: TestApp;
  const mango = range(20_000, 300, 2);
  const durian = range(20_001, 300, 2);
  const longan = range(40_000, 620);

  beforeAll(async () => {
    t = await createTestApp();
    await addFirms(t.ctx.database, [
      { id: 5, nameEn: "Roaster Hidden", published: 0 },
      ...mango.map((id) => ({ id, nameEn: `Mango Orchard ${id}` })),
      ...durian.map((id) => ({ id, nameEn: `Durian Orchard ${id}` })),
      ...longan.map((id) => ({ id, nameEn: `Longan Farm ${id}`, province: id % 100 === 0 ? "50" : "10" })),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("keeps unpublished firms from the public, and counts only what the caller may see", async () => {
    expect(await find(t.ctx, "roaster hidd", { actor: anyone })).toMatchObject({
      items: [],
      total: 0,
      totalIsEstimate: false,
    });
    expect(await find(t.ctx, "roaster hidd")).toMatchObject({ ids: [5], total: 1, totalIsEstimate: false });
  });

  it("counts exactly up to the cap, and past it says the total is an estimate", async () => {
    expect(await find(t.ctx, "mango orchard", { pageSize: 20 })).toMatchObject({ total: 300, totalIsEstimate: false });
    const small: SearchTuning = { window: 100 };
    const estimated = await find(t.ctx, "orchard", { pageSize: 20, tuning: small });
    expect(estimated.totalIsEstimate).toBe(true);
    expect(estimated.total).toBeGreaterThanOrEqual(100);
    expect(estimated.items).toHaveLength(20);
    expect(estimated.items.every((i) => /orchard/i.test(i.nameEn ?? ""))).toBe(true);
  });

  it("keeps a facet exact: the province filter finds every firm there and only those", async () => {
    const chiangMai = await find(t.ctx, "longan", { province: "50", pageSize: 100 });
    expect(chiangMai).toMatchObject({ total: longan.filter((id) => id % 100 === 0).length, totalIsEstimate: false });
    expect(chiangMai.ids).toEqual(longan.filter((id) => id % 100 === 0));
  });

  it("pages through the matches without repeating or skipping one", async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 7; page++) {
      const result = await find(t.ctx, "longan farm", { page, pageSize: 100, tuning: { window: 200 } });
      seen.push(...result.items.map((i) => i.id));
    }
    expect(seen).toHaveLength(620);
    expect([...new Set(seen)].sort((a, b) => a - b)).toEqual(longan);
  });
});

describe("search: the estimate of a common word's total", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // A registry's ids run from 1 with the matches of a word spread through them: every third firm here.
    await addFirms(
      t.ctx.database,
      range(1, 900).map((id) => ({ id, nameEn: id % 3 === 0 ? `Spread Grove ${id}` : `Other Thing ${id}` })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("is near the true total when the matches are spread through the registry", async () => {
    const estimated = await find(t.ctx, "grove", { pageSize: 20, tuning: { window: 100 } });
    expect(estimated.totalIsEstimate).toBe(true);
    expect(estimated.total).toBeGreaterThanOrEqual(270);
    expect(estimated.total).toBeLessThanOrEqual(330);
    expect(await find(t.ctx, "grove", { pageSize: 20 })).toMatchObject({ total: 300, totalIsEstimate: false });
  });

  it("is near the true total when the matches start late in the ids (a word only later months have)", async () => {
    const late = await createTestApp();
    try {
      await addFirms(
        late.ctx.database,
        range(1, 900).map((id) => ({ id, nameEn: `Early Thing ${id}` })),
      );
      await addFirms(
        late.ctx.database,
        range(5_000, 900).map((id) => ({ id, nameEn: id % 3 === 0 ? `Late Meadow ${id}` : `Later Thing ${id}` })),
      );
      const estimated = await find(late.ctx, "meadow", { pageSize: 20, tuning: { window: 100 } });
      expect(estimated.totalIsEstimate).toBe(true);
      expect(estimated.total).toBeGreaterThanOrEqual(270);
      expect(estimated.total).toBeLessThanOrEqual(330);
    } finally {
      await late.close();
    }
  });
});

describe("search: writes reach the next search", () => {
  let t: TestApp;
  let admin: Client;
  const lychee = range(100, 250);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn(ADMIN.email, ADMIN.password);
    await addFirms(
      t.ctx.database,
      lychee.map((id) => ({ id, nameEn: `Lychee Grove ${id}`, nameTh: "ลิ้นจี่" })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("shows an edited name at once", async () => {
    expect((await find(t.ctx, "lychee")).total).toBe(250);
    const edited = await admin.request("PATCH", "/api/enterprises/150", { nameEn: "Rambutan House", nameTh: "เงาะ" });
    expect(edited.statusCode).toBe(200);
    const after = await find(t.ctx, "lychee");
    expect(after.total).toBe(249);
    expect(after.ids).not.toContain(150);
    expect((await find(t.ctx, "ลิ้นจี่")).total).toBe(249);
    expect((await find(t.ctx, "rambutan")).ids).toEqual([150]);
    expect((await find(t.ctx, "เงาะ")).ids).toEqual([150]);
  });

  it("drops a removed firm from the index", async () => {
    await t.ctx.database.db.transaction().execute(async (trx) => {
      expect(await search.removeSearchTexts(trx, "enterprise", [200, 201, 99_999])).toBe(2);
      await trx.deleteFrom("enterprises").where("id", "in", [200, 201]).execute();
    });
    const after = await find(t.ctx, "lychee grove");
    expect(after.total).toBe(247);
    expect(after.ids).not.toContain(200);
    expect([...(await search.searchTextsOf(t.ctx.database.db, "enterprise", [200, 202])).keys()]).toEqual([202]);
  });

  it("re-indexes a firm an import writes again (upsert by juristic ID) from what it holds, in the import's transaction", async () => {
    const jid = (n: number) =>
      `0105${String(n).padStart(8, "0")}${juristicIdCheckDigit(`0105${String(n).padStart(8, "0")}`)}`;
    const record = (n: number, nameEn: string | null, nameTh: string | null = null) => ({
      juristicId: jid(n),
      ceRegistrationNo: null,
      nameTh,
      nameEn,
      legalForm: "company_limited",
      registeredOn: null,
      capital: null,
      revenue: null,
      employees: null,
      tsicCode: null,
      businessType: null,
      address: null,
      provinceCode: "10",
      districtCode: null,
      postcode: null,
      products: [],
      contact: null,
    });
    const upsert = (rows: Array<ReturnType<typeof record>>) =>
      t.ctx.database.db.transaction().execute((trx) =>
        enterpriseImport.upsertEnterpriseChunk(
          trx,
          rows.map((r) => ({
            record: r,
            sizeClass: null,
            searchText: enterpriseSearchText({
              name_th: r.nameTh,
              name_en: r.nameEn,
              business_type: null,
              products: [],
            }),
          })),
          nowIso(),
          t.ctx.database.sqlite,
        ),
      );
    await upsert([record(1, "Papaya Works", "มะละกอ"), record(2, "Guava Works")]);
    expect((await find(t.ctx, "works")).total).toBe(2);
    const again = await upsert([record(1, null, "มะละกอทอง"), record(2, "Pomelo Works")]);
    expect([...again.values()].map((v) => v.status)).toEqual(["updated", "updated"]);
    expect((await find(t.ctx, "guava")).total).toBe(0);
    expect((await find(t.ctx, "pomelo works")).total).toBe(1);
    expect((await find(t.ctx, jid(2))).total).toBe(1);
    // A juristic ID typed with dashes is the same ID, found through the registry's own index; facets still apply.
    const dashed = `${jid(2).slice(0, 1)}-${jid(2).slice(1, 5)}-${jid(2).slice(5, 10)}-${jid(2).slice(10, 12)}-${jid(2).slice(12)}`;
    expect((await find(t.ctx, dashed)).items.map((i) => i.nameEn)).toEqual(["Pomelo Works"]);
    expect((await find(t.ctx, jid(2), { province: "50" })).total).toBe(0);
    // The file left the English name empty: the firm keeps it, and is still found by it.
    expect((await find(t.ctx, "papaya")).total).toBe(1);
    expect((await find(t.ctx, "มะละกอทอง")).total).toBe(1);
    // A failed import leaves the index as it was.
    await expect(
      t.ctx.database.db.transaction().execute(async (trx) => {
        await enterpriseImport.upsertEnterpriseChunk(
          trx,
          [
            {
              record: record(3, "Starfruit Works"),
              sizeClass: null,
              searchText: enterpriseSearchText({
                name_th: null,
                name_en: "Starfruit Works",
                business_type: null,
                products: [],
              }),
            },
          ],
          nowIso(),
          t.ctx.database.sqlite,
        );
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await find(t.ctx, "starfruit")).total).toBe(0);
    expect((await find(t.ctx, "works")).total).toBe(2);
  });
});

describe("search: compacting the index", () => {
  it("merges the segments an import leaves (one a slice) into one, and finds the same firms", async () => {
    const t = await createTestApp();
    try {
      // One transaction a slice, as an import writes.
      for (let from = 1; from <= 3_000; from += 100)
        await addFirms(
          t.ctx.database,
          range(from, 100).map((id) => ({ id, nameTh: id % 10 === 0 ? `โซล่าร์ เซลล์ ${id}` : `ลานนา ${id}` })),
        );
      const before = await find(t.ctx, "โซล่าร์", { pageSize: 100 });
      const segments = async () =>
        Number(
          (
            await sql<{ n: number }>`SELECT count(DISTINCT segid) AS n FROM search_enterprise_idx`.execute(
              t.ctx.database.db,
            )
          ).rows[0]?.n,
        );
      if (t.ctx.database.dialect === "sqlite") expect(await segments()).toBeGreaterThan(1);
      let steps = 0;
      while (await search.compactSearchIndexStep(t.ctx.database.db, "enterprise", 50)) steps++;
      if (t.ctx.database.dialect === "sqlite") expect(await segments()).toBe(1);
      else expect(steps).toBe(0);
      expect(await search.compactSearchIndexStep(t.ctx.database.db, "enterprise")).toBe(false);
      const after = await find(t.ctx, "โซล่าร์", { pageSize: 100 });
      expect(after.ids).toEqual(before.ids);
      expect(after.total).toBe(300);
    } finally {
      await t.close();
    }
  });
});

describe("migration 0011", () => {
  it("indexes an existing database's records (from before 0004 and 0011) in the trigram index, and drops the postings", async () => {
    const fresh = await freshDatabaseUrl();
    const dir = mkdtempSync(join(tmpdir(), "sainam-migrate-"));
    const database = openDatabase({ dataDir: dir, databaseUrl: fresh.url });
    try {
      const old: Record<string, { up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> }> = {
        "0001-foundation": m0001,
        "0002-registry": m0002,
        "0003-monitoring": m0003,
        "0008-programme-figures": m0008,
      };
      const migrations: Record<string, Migration> = Object.fromEntries(
        Object.entries(old).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, database.dialect) }]),
      );
      const result = await new Migrator({
        db: database.db,
        provider: { getMigrations: async () => migrations },
      }).migrateToLatest();
      expect(result.error).toBeUndefined();
      await seedReferenceData(database.db);
      const now = nowIso();
      const firms = [
        { id: 3, th: "บริษัท โซล่าร์ คาร์วิ่ง จำกัด", en: "Teak Carving 3", product: "teak table" },
        { id: 40_000, th: null, en: "Teak Furniture", product: null },
        { id: 70_001, th: "บริษัท คาเฟ่ลานนา จำกัด", en: null, product: "teak bowl" },
      ];
      for (const f of firms) {
        await database.db
          .insertInto("enterprises")
          .values({
            id: f.id,
            ce_registration_no: `m-${f.id}`,
            name_th: f.th,
            name_en: f.en,
            legal_form: "company_limited",
            size_class: null,
            revenue: null,
            employees: null,
            capital: null,
            tsic_code: null,
            business_type: null,
            address: null,
            province_code: "10",
            district_code: null,
            postcode: null,
            registered_on: null,
            published: 1,
            is_example: 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        if (f.product)
          await database.db
            .insertInto("enterprise_products")
            .values({ enterprise_id: f.id, direction: "output", name: f.product, tsic_code: null })
            .execute();
        await sql`INSERT INTO search_terms (term, entity_type, entity_id, field, weight) VALUES (${(f.en ?? "x").toLowerCase().split(" ")[0] ?? "x"}, 'enterprise', ${f.id}, 'name', 10)`.execute(
          database.db,
        );
      }
      const applied = await migrateToLatest(database);
      expect(applied).toEqual(expect.arrayContaining(["0004-search-index", "0011-search-text"]));
      for (const gone of ["search_terms", "search_postings", "search_documents"])
        await expect(sql`SELECT count(*) FROM ${sql.table(gone)}`.execute(database.db)).rejects.toThrow();
      expect(await search.countIndexed(database.db, "enterprise")).toBe(3);
      const ctx = createContext(
        loadConfig({
          SAINAM_DATA_DIR: dir,
          SAINAM_LOG_LEVEL: "silent",
          ...(fresh.url ? { DATABASE_URL: fresh.url } : {}),
        }),
        database,
      );
      const ids = async (q: string) =>
        (await searchAll(ctx, system, { q, page: 1, pageSize: 10 })).items.map((i) => i.id);
      expect(await ids("teak")).toEqual([3, 40_000, 70_001]);
      expect(await ids("โซล่าร์")).toEqual([3]);
      expect(await ids("ลานนา")).toEqual([70_001]);
      expect(await migrateToLatest(database)).toEqual([]);
    } finally {
      await database.close();
      await fresh.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
