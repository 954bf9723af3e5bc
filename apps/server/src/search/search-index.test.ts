import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql, type Kysely, type Migration } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit, type Actor } from "@sainam/core";
import { enterpriseImport, migrateToLatest, nowIso, openDatabase, search, seedReferenceData, type Database } from "@sainam/db";
import * as m0001 from "../../../../packages/db/src/migrations/0001-foundation.ts";
import * as m0002 from "../../../../packages/db/src/migrations/0002-registry.ts";
import * as m0003 from "../../../../packages/db/src/migrations/0003-monitoring.ts";
import * as m0008 from "../../../../packages/db/src/migrations/0008-programme-figures.ts";
import { BLOCK_SPAN, decodePostings } from "../../../../packages/db/src/search-postings.ts";
import { createContext } from "../context.ts";
import { loadConfig } from "../config.ts";
import { ADMIN, createTestApp, freshDatabaseUrl, type Client, type TestApp } from "../test-support/test-app.ts";
import { enterpriseTerms } from "./search.indexer.ts";
import { searchAll, type SearchTuning } from "./search.service.ts";

const system: Actor = { kind: "system" };
const anyone: Actor = { kind: "public" };

type Firm = { id: number; nameEn: string; nameTh?: string; product?: string; published?: 0 | 1; province?: string };

/** Inserts firms with the given ids and indexes them through the bulk path (an import's), in one transaction. */
async function addFirms(database: Database, firms: Firm[]): Promise<void> {
  const db = database.db;
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < firms.length; i += 200) {
      await trx
        .insertInto("enterprises")
        .values(
          firms.slice(i, i + 200).map((f) => ({
            id: f.id, juristic_id: null, ce_registration_no: `t-${f.id}`, name_th: f.nameTh ?? null, name_en: f.nameEn, legal_form: "company_limited", size_class: null, revenue: null, employees: null,
            capital: null, tsic_code: null, business_type: null, address: null, province_code: f.province ?? "10", district_code: null, postcode: null, registered_on: null, published: f.published ?? 1,
            is_example: 0, created_at: now, updated_at: now,
          })),
        )
        .execute();
    }
    await search.writeEnterpriseDocuments(
      trx,
      firms.map((f) => ({ id: f.id, terms: enterpriseTerms({ name_th: f.nameTh ?? null, name_en: f.nameEn, juristic_id: null, business_type: null, products: f.product ? [{ name: f.product }] : [] }) })),
      database.sqlite,
    );
  });
}

async function find(ctx: TestApp["ctx"], q: string, options: { actor?: Actor; pageSize?: number; tuning?: SearchTuning; province?: string } = {}) {
  const result = await searchAll(ctx, options.actor ?? system, { q, page: 1, pageSize: options.pageSize ?? 100, province: options.province }, options.tuning);
  return { ...result, ids: result.items.map((i) => i.id).sort((a, b) => a - b) };
}

const range = (from: number, count: number, step = 1) => Array.from({ length: count }, (_, i) => from + i * step);

describe("search index: blocks, prefixes and counts", () => {
  let t: TestApp;
  // Ids around block boundaries, and far apart.
  const roasteries = [BLOCK_SPAN - 2, BLOCK_SPAN - 1, BLOCK_SPAN, BLOCK_SPAN + 1, 3 * BLOCK_SPAN + 5, 7 * BLOCK_SPAN];
  const mango = range(20_000, 300, 2);
  const durian = range(20_001, 300, 2);
  const longan = range(2 * BLOCK_SPAN - 200, 620);

  beforeAll(async () => {
    t = await createTestApp();
    await addFirms(t.ctx.database, [
      ...roasteries.map((id, i) => ({ id, nameEn: `Roastery ${i % 2 ? "Alpha" : "Beta"} ${id}`, nameTh: "โรงคั่วกาแฟ" })),
      { id: 5 * BLOCK_SPAN, nameEn: "Roaster Hidden", published: 0 as const },
      { id: 5 * BLOCK_SPAN + 1, nameEn: "Toast Roa" },
      ...mango.map((id) => ({ id, nameEn: `Mango Orchard ${id}` })),
      ...durian.map((id) => ({ id, nameEn: `Durian Orchard ${id}` })),
      ...longan.map((id) => ({ id, nameEn: `Longan Farm ${id}`, product: id % 5 === 0 ? "longan" : "dried fruit", province: id % 100 === 0 ? "50" : "10" })),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("matches a prefix across block boundaries, whether it is a short prefix list or a range of terms", async () => {
    const all = [...roasteries, 5 * BLOCK_SPAN, 5 * BLOCK_SPAN + 1].sort((a, b) => a - b);
    expect((await find(t.ctx, "ro")).ids).toEqual(all);
    expect((await find(t.ctx, "roa")).ids).toEqual(all);
    expect((await find(t.ctx, "roast")).ids).toEqual([...roasteries, 5 * BLOCK_SPAN].sort((a, b) => a - b));
    expect((await find(t.ctx, "roastery alp")).ids).toEqual(roasteries.filter((_, i) => i % 2));
    expect((await find(t.ctx, "alpha roaste")).ids).toEqual(roasteries.filter((_, i) => i % 2));
    expect((await find(t.ctx, "โรงคั่ว")).ids).toEqual(roasteries);
    // A whole word ranks above the words it starts.
    expect((await find(t.ctx, "roa")).items[0]?.nameEn).toBe("Toast Roa");
  });

  it("keeps unpublished firms from the public, and counts exactly what it checked", async () => {
    const open = await find(t.ctx, "roaster hidd", { actor: anyone });
    expect(open.ids).toEqual([]);
    expect(open).toMatchObject({ total: 0, totalIsEstimate: false });
    const admin = await find(t.ctx, "roaster hidd");
    expect(admin.ids).toEqual([5 * BLOCK_SPAN]);
    expect(admin).toMatchObject({ total: 1, totalIsEstimate: false });
  });

  it("answers two common words that no firm has together with nothing, exactly", async () => {
    const none = await find(t.ctx, "mango durian");
    expect(none).toMatchObject({ items: [], total: 0, totalIsEstimate: false });
    expect(await find(t.ctx, "durian mango orch")).toMatchObject({ items: [], total: 0, totalIsEstimate: false });
    const mangoes = await find(t.ctx, "mango orchard");
    expect(mangoes).toMatchObject({ total: 300, totalIsEstimate: false });
    expect(mangoes.ids).toEqual(mango.slice(0, 100));
  });

  it("estimates the total of a word too common to check every match, and says so", async () => {
    const longans = await find(t.ctx, "longan", { pageSize: 20 });
    expect(longans.totalIsEstimate).toBe(true);
    expect(longans.total).toBe(620);
    expect(longans.items.map((i) => i.id)).toEqual(longan.slice(0, 20));
    // A facet that few matches pass: checked to the end, so exact.
    const chiangMai = await find(t.ctx, "longan", { province: "50" });
    expect(chiangMai).toMatchObject({ total: longan.filter((id) => id % 100 === 0).length, totalIsEstimate: false });
    expect(chiangMai.ids).toEqual(longan.filter((id) => id % 100 === 0));
  });

  it("finds the same firms when a long prefix is checked on each candidate instead of expanded", async () => {
    const wide: SearchTuning = { rangeRows: 1, wideRows: 1, wideCountCap: 1000, maxChecked: 200_000 };
    for (const q of ["alpha roast", "beta roaste", "orchard mang", "farm longa"]) {
      const expanded = await find(t.ctx, q, { pageSize: 100 });
      const checked = await find(t.ctx, q, { pageSize: 100, tuning: wide });
      expect(checked.ids).toEqual(expanded.ids);
      expect(checked.items.map((i) => i.id)).toEqual(expanded.items.map((i) => i.id));
    }
    // A wide prefix alone reads its first rows only: every firm found matches, and the total is an estimate.
    const alone = await find(t.ctx, "roast", { tuning: wide });
    expect(alone.ids.length).toBeGreaterThan(0);
    expect(alone.items.every((i) => /roast/i.test(i.nameEn ?? ""))).toBe(true);
    expect(alone.totalIsEstimate).toBe(true);
  });
});

describe("search index: writes reach the next search", () => {
  let t: TestApp;
  let admin: Client;
  const dir = mkdtempSync(join(tmpdir(), "sainam-search-"));
  const lychee = range(100, 400);
  let second: Database;

  beforeAll(async () => {
    // A file database on SQLite, so a second connection — another process, as far as the cache can tell — sees it.
    t = await createTestApp({ SAINAM_DATA_DIR: dir });
    admin = await t.signIn(ADMIN.email, ADMIN.password);
    await addFirms(t.ctx.database, lychee.map((id) => ({ id, nameEn: `Lychee Grove ${id}`, nameTh: "ลิ้นจี่" })));
    second = openDatabase({ dataDir: t.ctx.config.dataDir, databaseUrl: t.ctx.config.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows an edited name at once, though the word's postings were cached", async () => {
    expect((await find(t.ctx, "lychee")).total).toBe(400);
    expect(search.cachedPostings(t.ctx.database.db)).toBeGreaterThanOrEqual(400);
    const edited = await admin.request("PATCH", "/api/enterprises/150", { nameEn: "Rambutan House", nameTh: "เงาะ" });
    expect(edited.statusCode).toBe(200);
    const after = await find(t.ctx, "lychee");
    expect(after.total).toBe(399);
    expect(after.ids).not.toContain(150);
    expect((await find(t.ctx, "ลิ้นจี่")).total).toBe(399);
    expect((await find(t.ctx, "rambutan")).ids).toEqual([150]);
    expect((await find(t.ctx, "เงาะ")).ids).toEqual([150]);
    expect((await find(t.ctx, "ra")).ids).toEqual([150]);
  });

  it("drops a removed firm from the index, and the cache of another connection notices writes it did not make", async () => {
    const other = createContext(loadConfig({ SAINAM_DATA_DIR: t.ctx.config.dataDir, SAINAM_LOG_LEVEL: "silent", ...(t.ctx.config.databaseUrl ? { DATABASE_URL: t.ctx.config.databaseUrl } : {}) }), second);
    expect((await find(other, "lychee")).total).toBe(399);
    expect(search.cachedPostings(second.db)).toBeGreaterThanOrEqual(399);
    await t.ctx.database.db.transaction().execute(async (trx) => {
      expect(await search.removeSearchDocuments(trx, "enterprise", [200, 201, 99_999])).toBe(2);
      await trx.deleteFrom("enterprises").where("id", "in", [200, 201]).execute();
    });
    for (const ctx of [t.ctx, other]) {
      const after = await find(ctx, "lychee grove");
      expect(after.total).toBe(397);
      expect(after.ids).not.toContain(200);
      expect(after.ids).not.toContain(201);
    }
    expect(await search.documentsOf(t.ctx.database.db, "enterprise", [200, 202])).toEqual(new Map([[202, expect.any(Map)]]));
  });

  it("re-indexes a firm an import writes again (upsert by juristic ID), all in the import's transaction", async () => {
    const jid = (n: number) => `0105${String(n).padStart(8, "0")}${juristicIdCheckDigit(`0105${String(n).padStart(8, "0")}`)}`;
    const record = (n: number, nameEn: string) => ({
      juristicId: jid(n), ceRegistrationNo: null, nameTh: null, nameEn, legalForm: "company_limited", registeredOn: null, capital: null, revenue: null, employees: null, tsicCode: null,
      businessType: null, address: null, provinceCode: "10", districtCode: null, postcode: null, products: [], contact: null,
    });
    const upsert = (names: string[]) =>
      t.ctx.database.db.transaction().execute((trx) =>
        enterpriseImport.upsertEnterpriseChunk(
          trx,
          names.map((name, i) => ({ record: record(i + 1, name), sizeClass: null, terms: () => enterpriseTerms({ name_th: null, name_en: name, juristic_id: jid(i + 1), business_type: null, products: [] }) })),
          nowIso(),
          t.ctx.database.sqlite,
        ),
      );
    await upsert(["Papaya Works", "Guava Works"]);
    expect((await find(t.ctx, "works")).total).toBe(2);
    const again = await upsert(["Papaya Works", "Pomelo Works"]);
    expect([...again.values()].map((v) => v.status)).toEqual(["updated", "updated"]);
    expect((await find(t.ctx, "guava")).total).toBe(0);
    expect((await find(t.ctx, "pomelo works")).total).toBe(1);
    expect((await find(t.ctx, jid(2))).total).toBe(1);
    // A failed import leaves the index as it was.
    await expect(
      t.ctx.database.db.transaction().execute(async (trx) => {
        await enterpriseImport.upsertEnterpriseChunk(trx, [{ record: record(3, "Starfruit Works"), sizeClass: null, terms: () => enterpriseTerms({ name_th: null, name_en: "Starfruit Works", juristic_id: null, business_type: null, products: [] }) }], nowIso(), t.ctx.database.sqlite);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await find(t.ctx, "starfruit")).total).toBe(0);
    expect((await find(t.ctx, "works")).total).toBe(2);
  });
});

describe("search index: an import's buffered postings", () => {
  let direct: TestApp;
  let buffered: TestApp;
  // Three blocks' worth of ids in chunks; shared words and prefixes (every firm), words of every 7th and
  // 1000th firm, and a word unique to each.
  const firmTerms = (id: number, name = `Orchard ${id % 7 === 0 ? "Durian" : "Mango"} ${id % 1000 === 0 ? "Rare" : "Common"} f${id}`) =>
    enterpriseTerms({ name_th: id % 2 ? "สวนผลไม้" : "สวนทุเรียน", name_en: name, juristic_id: null, business_type: null, products: id % 3 ? [{ name: "dried fruit" }] : [] });
  const chunks = [range(5, 3000), range(3005, 20_000), range(23_005, 12_000), range(35_005, 15_000)];

  const contents = async (database: Database) => {
    const postings = await database.db.selectFrom("search_postings").select(["term", "entity_type", "block", "count", "data"]).orderBy("term").orderBy("entity_type").orderBy("block").execute();
    const documents = await database.db.selectFrom("search_documents").select(["entity_type", "entity_id", "terms"]).orderBy("entity_type").orderBy("entity_id").execute();
    return {
      postings: postings.map((r) => ({ term: r.term, entityType: r.entity_type, block: Number(r.block), count: Number(r.count), ...decodePostings(new Uint8Array(r.data)) })),
      documents: documents.map((r) => ({ entityType: r.entity_type, id: Number(r.entity_id), terms: JSON.parse(r.terms) as unknown })),
    };
  };

  beforeAll(async () => {
    direct = await createTestApp();
    buffered = await createTestApp();
  });
  afterAll(async () => {
    await direct.close();
    await buffered.close();
  });

  it("leaves exactly the index the unbuffered path writes, with updates and a small budget mixed in", async () => {
    const updates = [10, 3004, 16_000];
    const write = async (database: Database, useBuffer: boolean) => {
      await database.db.transaction().execute(async (trx) => {
        // A budget far below a block's worth of ids: flushes mid-block as well as at block ends.
        const buffer = useBuffer ? search.createPostingBuffer("enterprise", 40_000) : null;
        for (const [i, ids] of chunks.entries()) {
          await search.writeEnterpriseDocuments(trx, ids.map((id) => ({ id, terms: firmTerms(id) })), database.sqlite, buffer);
          // After the second chunk, a chunk re-indexing firms written (buffered) by earlier chunks.
          if (i === 1) await search.writeEnterpriseDocuments(trx, updates.map((id) => ({ id, terms: firmTerms(id, `Renamed Lychee ${id}`) })), database.sqlite, buffer);
        }
        if (buffer) {
          expect(buffer.pendingIds).toBeGreaterThan(0);
          await search.flushPostingBuffer(trx, buffer, database.sqlite);
          expect(buffer.pendingIds).toBe(0);
        }
      });
    };
    await write(direct.ctx.database, false);
    await write(buffered.ctx.database, true);
    const expected = await contents(direct.ctx.database);
    expect(expected.documents).toHaveLength(50_000);
    expect(expected.postings.some((p) => p.count > 10_000)).toBe(true);
    expect(await contents(buffered.ctx.database)).toEqual(expected);
    const postingsOf = (term: string) => expected.postings.filter((p) => p.term === term).flatMap((p) => [...p.ids]);
    expect(postingsOf("lychee")).toEqual(updates);
    expect(postingsOf("rare")).toHaveLength(49); // every 1000th of 5..50,004 but 16,000, renamed
  });

  it("leaves the same index when sealed appends are written part by part in transactions of their own", async () => {
    const parted = await createTestApp();
    try {
      const database = parted.ctx.database;
      const buffer = search.createPostingBuffer("enterprise", 40_000);
      let parts = 0;
      const drain = async () => {
        while (search.hasSealedPostings(buffer)) {
          await database.db.transaction().execute((trx) => search.flushPostingBufferPart(trx, buffer, database.sqlite, 300));
          parts++;
        }
      };
      const updates = [10, 3004, 16_000];
      for (const [i, ids] of chunks.entries()) {
        await database.db.transaction().execute(async (trx) => {
          await search.writeEnterpriseDocuments(trx, ids.map((id) => ({ id, terms: firmTerms(id) })), database.sqlite, buffer);
          if (i === 1) await search.writeEnterpriseDocuments(trx, updates.map((id) => ({ id, terms: firmTerms(id, `Renamed Lychee ${id}`) })), database.sqlite, buffer);
        });
        await drain();
      }
      search.sealPostingBuffer(buffer);
      await drain();
      expect(parts).toBeGreaterThan(10);
      expect(await contents(database)).toEqual(await contents(direct.ctx.database));
    } finally {
      await parted.close();
    }
  });

  it("writes nothing of a buffered import that rolls back", async () => {
    const before = await contents(buffered.ctx.database);
    await expect(
      buffered.ctx.database.db.transaction().execute(async (trx) => {
        const buffer = search.createPostingBuffer("enterprise");
        await search.writeEnterpriseDocuments(trx, range(60_000, 2000).map((id) => ({ id, terms: firmTerms(id) })), buffered.ctx.database.sqlite, buffer);
        await search.writeEnterpriseDocuments(trx, range(70_000, 20_000).map((id) => ({ id, terms: firmTerms(id) })), buffered.ctx.database.sqlite, buffer);
        await search.flushPostingBuffer(trx, buffer, buffered.ctx.database.sqlite);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(before.documents).toHaveLength(50_000);
    expect(await contents(buffered.ctx.database)).toEqual(before);
  });
});

describe("migration 0004", () => {
  it("converts an existing database's search terms (at 0008, without 0004) into postings and documents", async () => {
    const fresh = await freshDatabaseUrl();
    const dir = mkdtempSync(join(tmpdir(), "sainam-migrate-"));
    const database = openDatabase({ dataDir: dir, databaseUrl: fresh.url });
    try {
      const old: Record<string, { up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> }> = { "0001-foundation": m0001, "0002-registry": m0002, "0003-monitoring": m0003, "0008-programme-figures": m0008 };
      const migrations: Record<string, Migration> = Object.fromEntries(Object.entries(old).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, database.dialect) }]));
      const result = await new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
      expect(result.error).toBeUndefined();
      await seedReferenceData(database.db);
      // As the previous index wrote them: one row per (term, field), a word in two fields twice.
      const firms = [
        { id: 3, name: "Teak Carving 3", terms: [["teak", "name", 10], ["carving", "name", 10], ["teak", "product", 5]] },
        { id: BLOCK_SPAN + 9, name: "Teak Furniture", terms: [["teak", "name", 10], ["furniture", "name", 10]] },
        { id: 4 * BLOCK_SPAN, name: "Bamboo Carving", terms: [["bamboo", "name", 10], ["carving", "name", 10], ["teak", "product", 5]] },
      ] as const;
      const now = nowIso();
      for (const f of firms) {
        await database.db
          .insertInto("enterprises")
          .values({ id: f.id, juristic_id: null, ce_registration_no: `m-${f.id}`, name_th: null, name_en: f.name, legal_form: "company_limited", size_class: null, revenue: null, employees: null, capital: null, tsic_code: null, business_type: null, address: null, province_code: "10", district_code: null, postcode: null, registered_on: null, published: 1, is_example: 0, created_at: now, updated_at: now })
          .execute();
        for (const [term, field, weight] of f.terms) {
          await sql`INSERT INTO search_terms (term, entity_type, entity_id, field, weight) VALUES (${term}, 'enterprise', ${f.id}, ${field}, ${weight})`.execute(database.db);
        }
      }
      // Migrations numbered after 0008 (added later) apply too; of those before it, only the missing 0004.
      expect((await migrateToLatest(database)).filter((name) => name < "0008")).toEqual(["0004-search-index"]);
      await expect(sql`SELECT count(*) FROM search_terms`.execute(database.db)).rejects.toThrow();
      const docs = await search.documentsOf(database.db, "enterprise", firms.map((f) => f.id));
      expect(docs.get(3)).toEqual(new Map([["teak", 10], ["carving", 10]]));
      expect(docs.get(4 * BLOCK_SPAN)).toEqual(new Map([["bamboo", 10], ["carving", 10], ["teak", 5]]));
      const ctx = createContext(loadConfig({ SAINAM_DATA_DIR: dir, SAINAM_LOG_LEVEL: "silent", ...(fresh.url ? { DATABASE_URL: fresh.url } : {}) }), database);
      const teak = await searchAll(ctx, system, { q: "teak", page: 1, pageSize: 10 });
      expect(teak.items.map((i) => i.id)).toEqual([3, BLOCK_SPAN + 9, 4 * BLOCK_SPAN]);
      expect((await searchAll(ctx, system, { q: "teak carv", page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([3, 4 * BLOCK_SPAN]);
      expect((await searchAll(ctx, system, { q: "fu", page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([BLOCK_SPAN + 9]);
      // Writes after the migration merge into the converted blocks.
      await database.db.transaction().execute((trx) => search.replaceSearchTerms(trx, "enterprise", 3, [{ term: "carving", field: "name", weight: 10 }]));
      expect((await searchAll(ctx, system, { q: "teak", page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([BLOCK_SPAN + 9, 4 * BLOCK_SPAN]);
      expect(await migrateToLatest(database)).toEqual([]);
    } finally {
      await database.close();
      await fresh.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
