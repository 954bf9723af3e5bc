// Catalogue benchmark (issue 14, point 8): 200,000 products of 20,000 firms, named from real Thai product words
// (ข้าวหอมมะลิ, ผ้าไหม, กาแฟอาราบิก้า, ทุเรียนหมอนทอง, น้ำพริกเผา, …) with a qualifier and a place written on as Thai
// writes (no spaces), English names beside them, certifications (some expired), categories and cluster memberships.
// Catalogue search p50/p95 through the use case (parse, index lookup, filters, ranking, cards) next to the raw SQL
// of the same index lookup and filters in the same run, per query and over the whole mix; target p95 < 20 ms.
// On SQLite and — when DATABASE_URL is set — on PostgreSQL (a throwaway database). `BENCH_PRODUCTS` sizes it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseSearchQuery, productSearchText, publicActor } from "@sainam/core";
import { nowIso, search, type Database } from "@sainam/db";
import { bootstrap, loadConfig, searchCatalogue, type AppContext } from "@sainam/server";
import type { CatalogueQuery } from "@sainam/contract";
import { sql, type RawBuilder } from "kysely";
import pg from "pg";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200_000);
const FIRMS = Math.max(100, Math.round(PRODUCTS / 10));
const CLUSTERS = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;
const TODAY = "2026-12-07";

/** A deterministic pseudo-random number in [0, 1) from integers (murmur3's finaliser). */
function noise(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ p, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 2 ** 32;
}
const pick = <T>(items: readonly T[], ...parts: number[]): T => items[Math.floor(noise(...parts) * items.length)] as T;

type Word = { th: string; en: string; tsic: string; hs: string };
// Products of the clusters the seeds name (food, coffee, fruit, textiles, herbs and spa, crafts, rubber, Betta fish).
const PRODUCTS_WORDS: readonly Word[] = [
  { th: "ข้าวหอมมะลิ", en: "Jasmine rice", tsic: "01111", hs: "100630" },
  { th: "ข้าวไรซ์เบอร์รี่", en: "Riceberry rice", tsic: "01111", hs: "100630" },
  { th: "ข้าวเหนียวเขี้ยวงู", en: "Khiao Ngu sticky rice", tsic: "01111", hs: "100630" },
  { th: "ผ้าไหม", en: "Thai silk", tsic: "13121", hs: "500720" },
  { th: "ผ้าไหมมัดหมี่", en: "Mudmee silk", tsic: "13121", hs: "500720" },
  { th: "ผ้าฝ้ายทอมือ", en: "Handwoven cotton", tsic: "13121", hs: "520812" },
  { th: "ผ้าย้อมคราม", en: "Indigo-dyed fabric", tsic: "13131", hs: "520832" },
  { th: "ผ้าบาติก", en: "Batik cloth", tsic: "13131", hs: "520852" },
  { th: "กาแฟอาราบิก้า", en: "Arabica coffee", tsic: "10792", hs: "090121" },
  { th: "กาแฟโรบัสต้า", en: "Robusta coffee", tsic: "10792", hs: "090121" },
  { th: "ชาอู่หลง", en: "Oolong tea", tsic: "10794", hs: "090230" },
  { th: "ทุเรียนหมอนทอง", en: "Monthong durian", tsic: "01221", hs: "081060" },
  { th: "ทุเรียนทอดกรอบ", en: "Crispy durian chips", tsic: "10303", hs: "200899" },
  { th: "มะม่วงอบแห้ง", en: "Dried mango", tsic: "10303", hs: "081340" },
  { th: "กล้วยตาก", en: "Sun-dried banana", tsic: "10303", hs: "080390" },
  { th: "มังคุด", en: "Mangosteen", tsic: "01222", hs: "080450" },
  { th: "น้ำพริกเผา", en: "Roasted chili paste", tsic: "10799", hs: "210390" },
  { th: "ปลาร้าบอง", en: "Fermented fish dip", tsic: "10799", hs: "160420" },
  { th: "น้ำผึ้งดอกลำไย", en: "Longan blossom honey", tsic: "10799", hs: "040900" },
  { th: "น้ำมันมะพร้าวสกัดเย็น", en: "Virgin coconut oil", tsic: "10799", hs: "151319" },
  { th: "เส้นหมี่ข้าวกล้อง", en: "Brown rice vermicelli", tsic: "10751", hs: "190219" },
  { th: "สบู่สมุนไพร", en: "Herbal soap", tsic: "20232", hs: "340111" },
  { th: "ลูกประคบสมุนไพร", en: "Herbal compress ball", tsic: "20232", hs: "330790" },
  { th: "กระเป๋าเส้นใยกล้วย", en: "Banana-fibre bag", tsic: "15121", hs: "420222" },
  { th: "เครื่องปั้นดินเผา", en: "Earthenware pottery", tsic: "23921", hs: "691200" },
  { th: "เฟอร์นิเจอร์ไม้สัก", en: "Teak furniture", tsic: "31001", hs: "940360" },
  { th: "เครื่องจักสานไม้ไผ่", en: "Bamboo basketry", tsic: "16292", hs: "460219" },
  { th: "เสื่อกก", en: "Reed mat", tsic: "16292", hs: "460129" },
  { th: "ยางพาราแผ่นรมควัน", en: "Ribbed smoked rubber sheet", tsic: "22199", hs: "400121" },
  { th: "ปลากัด", en: "Betta fish", tsic: "32909", hs: "030111" },
];
const QUALIFIERS = [
  { th: "", en: "" },
  { th: "อินทรีย์", en: "Organic" },
  { th: "พรีเมียม", en: "Premium" },
  { th: "แปรรูป", en: "Processed" },
  { th: "วิสาหกิจชุมชน", en: "Community" },
  { th: "เกรดส่งออก", en: "Export grade" },
  { th: "สูตรดั้งเดิม", en: "Traditional" },
];
const ORIGINS = [
  { th: "เชียงใหม่", en: "Chiang Mai" },
  { th: "น่าน", en: "Nan" },
  { th: "สุรินทร์", en: "Surin" },
  { th: "จันทบุรี", en: "Chanthaburi" },
  { th: "ขอนแก่น", en: "Khon Kaen" },
  { th: "อุบลราชธานี", en: "Ubon Ratchathani" },
  { th: "สกลนคร", en: "Sakon Nakhon" },
  { th: "ชุมพร", en: "Chumphon" },
  { th: "ตราด", en: "Trat" },
  { th: "เชียงราย", en: "Chiang Rai" },
];
const CERTS = ["fda", "tisi", "gmp", "halal", "organic", "gi", "otop"] as const;

export async function generate(database: Database) {
  const { db } = database;
  const now = nowIso();
  const provinces = (await db.selectFrom("provinces").select("code").orderBy("code").execute()).map((p) => p.code);
  const firms: Array<{ id: number; name: string; province: string }> = [];
  for (let i = 0; i < FIRMS; i += 500) {
    const batch = Array.from({ length: Math.min(500, FIRMS - i) }, (_, j) => {
      const n = i + j;
      return {
        name: `วิสาหกิจชุมชน${pick(PRODUCTS_WORDS, n, 1).th}${pick(ORIGINS, n, 2).th} ${n}`,
        province: pick(provinces, n, 3),
      };
    });
    const rows = await db
      .insertInto("enterprises")
      .values(
        batch.map((f) => ({
          juristic_id: null,
          ce_registration_no: null,
          name_th: f.name,
          name_en: null,
          legal_form: "community_enterprise",
          size_class: null,
          revenue: null,
          employees: null,
          capital: null,
          tsic_code: null,
          business_type: null,
          address: null,
          province_code: f.province,
          district_code: null,
          postcode: null,
          registered_on: null,
          published: 1,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning("id")
      .execute();
    rows.forEach((r, j) => firms.push({ id: r.id, ...(batch[j] as { name: string; province: string }) }));
  }
  const clusterIds: number[] = [];
  for (let c = 0; c < CLUSTERS; c++) {
    const row = await db
      .insertInto("clusters")
      .values({
        code: `bench-cat-${c}`,
        kind: "industry_cluster",
        name_th: `คลัสเตอร์ ${c}`,
        name_en: `Cluster ${c}`,
        description_th: null,
        description_en: null,
        tsic_code: null,
        isic_code: null,
        parent_id: null,
        coordinator_user_id: null,
        coordinating_agency_id: null,
        cooperating_agency_id: null,
        policy_tags_json: "[]",
        maturity: null,
        status: "active",
        published: 1,
        is_example: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    clusterIds.push(row.id);
  }
  // Half the firms are approved members of one cluster.
  const members = firms.filter((_, i) => noise(i, 4) < 0.5);
  for (let i = 0; i < members.length; i += 500)
    await db
      .insertInto("memberships")
      .values(
        members.slice(i, i + 500).map((f, j) => ({
          cluster_id: pick(clusterIds, i + j, 5),
          enterprise_id: f.id,
          stage: "upstream",
          joined_on: null,
          left_on: null,
          created_at: now,
          updated_at: now,
          created_by: null,
          approved_at: now,
          approved_by: null,
        })),
      )
      .execute();

  let published = 0;
  for (let i = 0; i < PRODUCTS; i += 400) {
    const batch = Array.from({ length: Math.min(400, PRODUCTS - i) }, (_, j) => {
      const n = i + j;
      const word = pick(PRODUCTS_WORDS, n, 10);
      const qualifier = pick(QUALIFIERS, n, 11);
      const origin = pick(ORIGINS, n, 12);
      const firm = pick(firms, n, 13);
      const isPublished = noise(n, 14) < 0.9;
      if (isPublished) published++;
      const price = 20 + Math.floor(noise(n, 15) * 2000);
      return {
        firm,
        row: {
          enterprise_id: firm.id,
          name_th: `${word.th}${qualifier.th}${origin.th}`,
          name_en: `${qualifier.en ? `${qualifier.en} ` : ""}${word.en} from ${origin.en}`,
          tsic_code: word.tsic,
          tsic_section: word.tsic.startsWith("0") ? "A" : "C",
          hs_code: word.hs,
          description_th: `${word.th}คุณภาพดีจาก${origin.th} ผลิตโดยกลุ่มชุมชน`,
          description_en: `${word.en} made by a community group in ${origin.en}.`,
          price_min: price,
          price_max: price + Math.floor(noise(n, 16) * 500),
          price_unit: "กิโลกรัม",
          min_order: 10,
          min_order_unit: "กิโลกรัม",
          capacity_per_month: 1000,
          capacity_unit: "กิโลกรัม",
          bcg_tags: "[]",
          export_markets: "[]",
          status: isPublished ? "published" : "draft",
          published_at: isPublished ? new Date(Date.parse("2026-01-01") + n * 60_000).toISOString() : null,
          created_by: null,
          created_at: now,
          updated_at: now,
        },
      };
    });
    const ids = await db
      .insertInto("products")
      .values(batch.map((b) => b.row))
      .returning("id")
      .execute();
    const certs = ids.flatMap((r, j) => {
      const n = i + j;
      if (noise(n, 20) > 0.35) return [];
      const kind = pick(CERTS, n, 21);
      return [
        {
          product_id: r.id,
          kind,
          number: `${kind.toUpperCase()}-${n}`,
          otop_stars: kind === "otop" ? 1 + Math.floor(noise(n, 22) * 5) : null,
          // A fifth have expired.
          expires_on: kind === "otop" || kind === "gi" ? null : noise(n, 23) < 0.2 ? "2025-06-30" : "2028-06-30",
          created_at: now,
          updated_at: now,
        },
      ];
    });
    if (certs.length > 0) await db.insertInto("product_certifications").values(certs).execute();
    await search.writeSearchTexts(
      db,
      "product",
      ids.map((r, j) => {
        const b = batch[j]!;
        return {
          id: r.id,
          text: productSearchText({ ...b.row, firm_name_th: b.firm.name, firm_name_en: null }),
        };
      }),
      { sqlite: database.sqlite, fresh: true },
    );
  }
  return { firms: firms.length, published, clusterIds, provinces };
}

type Stats = { p50: number; p95: number };
async function time(
  runs: number,
  task: (i: number) => Promise<number>,
): Promise<Stats & { samples: number[]; result: number }> {
  let result = 0;
  for (let i = 0; i < WARMUP; i++) result = await task(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await task(i);
    samples.push(performance.now() - t0);
  }
  return { ...stats(samples), samples, result };
}
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 100) / 100;
  return { p50: at(0.5), p95: at(0.95) };
}

type Case = { name: string; query: Omit<CatalogueQuery, "page" | "pageSize"> };

/** The raw SQL of one case: the same index lookup and filters, at most 401 rows (the use case's window + 1). */
function rawCase(engine: "sqlite" | "postgres", c: Case): RawBuilder<unknown> {
  const q = c.query;
  const filters: RawBuilder<unknown>[] = [sql`p.status = 'published'`];
  if (q.province)
    filters.push(sql`p.enterprise_id IN (SELECT id FROM enterprises WHERE province_code = ${q.province})`);
  if (q.cluster !== undefined)
    filters.push(
      sql`p.enterprise_id IN (SELECT enterprise_id FROM memberships WHERE cluster_id = ${q.cluster} AND approved_at IS NOT NULL AND left_on IS NULL)`,
    );
  if (q.certification)
    filters.push(
      sql`p.id IN (SELECT product_id FROM product_certifications WHERE kind = ${q.certification} AND (expires_on IS NULL OR expires_on >= ${TODAY}))`,
    );
  if (q.category) filters.push(sql`p.tsic_section = ${q.category}`);
  const where = sql.join(filters, sql` AND `);
  if (!q.q)
    return sql`SELECT p.id, (SELECT count(*) FROM products p WHERE ${where}) AS n FROM products p WHERE ${where}
      ORDER BY p.published_at DESC, p.id DESC LIMIT 24`;
  const parsed = parseSearchQuery(q.q);
  const terms = parsed.segmented && c.name.includes("segmented") ? parsed.segmented : parsed.terms;
  if (engine === "sqlite") {
    // Words of three characters or more through the trigram index; shorter ones checked on the rows it found.
    const long = terms.filter((t) => [...t].length >= 3);
    const short = terms.filter((t) => [...t].length < 3);
    const match = long.map((t) => `("${t}" OR "${search.bodyForIndex(t)}")`).join(" AND ");
    const checks = short.map(
      (t) => sql` AND (instr(s.name, ${t}) > 0 OR instr(s.body, ${search.bodyForIndex(t)}) > 0)`,
    );
    return sql`SELECT p.id FROM search_product s CROSS JOIN products p WHERE p.id = s.rowid AND search_product MATCH ${match}${sql.join(checks, sql``)} AND ${where} LIMIT 401`;
  }
  const like = sql.join(
    terms.map((t) => sql`(s.name LIKE ${`%${t}%`} OR s.body LIKE ${`%${t}%`})`),
    sql` AND `,
  );
  return sql`SELECT p.id FROM search_product s JOIN products p ON p.id = s.id WHERE ${like} AND ${where} LIMIT 401`;
}

async function runOn(engine: "sqlite" | "postgres", databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), "sainam-catalogue-"));
  const config = loadConfig({
    SAINAM_DATA_DIR: dir,
    SAINAM_LOG_LEVEL: "silent",
    SAINAM_ADMIN_EMAIL: "bench@example.org",
    SAINAM_ADMIN_PASSWORD: "bench-password-123",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const { ctx }: { ctx: AppContext } = await bootstrap(config, { examples: "never" });
  try {
    const g0 = performance.now();
    const data = await generate(ctx.database);
    const generateMs = Math.round(performance.now() - g0);
    const { db } = ctx.database;
    if (engine === "sqlite")
      while (await search.compactSearchIndexStep(db, "product", 2000)) {
        /* merge the index's segments as an import's compaction does */
      }
    // PostgreSQL: VACUUM too, as autovacuum would soon after: it merges the GIN indexes' pending entries, which a
    // bare ANALYZE leaves for every query to read (and to price: the planner then avoids the index).
    await sql.raw(engine === "postgres" ? "VACUUM ANALYZE" : "ANALYZE").execute(db);
    const cluster = data.clusterIds[3] as number;
    const cases: Case[] = [
      { name: "common Thai word (ทุเรียน)", query: { q: "ทุเรียน" } },
      { name: "Thai word + province (ผ้าไหม, Surin 32)", query: { q: "ผ้าไหม", province: "32" } },
      { name: "Thai compound, segmented (กาแฟอาราบิก้าเชียงใหม่)", query: { q: "กาแฟอาราบิก้าเชียงใหม่" } },
      { name: "English + certification (silk, organic)", query: { q: "silk", certification: "organic" } },
      { name: "Thai + category (น้ำพริกเผา, section C)", query: { q: "น้ำพริกเผา", category: "C" } },
      { name: "two words, one cluster (rice premium)", query: { q: "rice premium", cluster } },
      { name: "no words: certification + province (otop, 50)", query: { certification: "otop", province: "50" } },
    ];
    const perCase = [];
    const allService: number[] = [];
    const allRaw: number[] = [];
    for (const c of cases) {
      const service = await time(RUNS, async () => {
        const r = await searchCatalogue(ctx, publicActor, { ...c.query, page: 1, pageSize: 24 });
        return r.total;
      });
      const raw = await time(RUNS, async () => (await rawCase(engine, c).execute(db)).rows.length);
      allService.push(...service.samples);
      allRaw.push(...raw.samples);
      perCase.push({
        case: c.name,
        service: { p50: service.p50, p95: service.p95, total: service.result },
        rawSql: { p50: raw.p50, p95: raw.p95, rows: raw.result },
      });
    }
    const overall = { service: stats(allService), rawSql: stats(allRaw) };
    return {
      engine,
      products: PRODUCTS,
      published: data.published,
      firms: data.firms,
      generateMs,
      runs: RUNS,
      overall: { ...overall, met: overall.service.p95 < 20 },
      perCase,
    };
  } finally {
    await ctx.database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withThrowawayPostgres<T>(base: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `sainam_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}

export async function runCatalogueBench() {
  const results = [await runOn("sqlite", undefined)];
  const base = process.env.DATABASE_URL;
  if (base) results.push(await withThrowawayPostgres(base, (url) => runOn("postgres", url)));
  return {
    generated: `${PRODUCTS} products (90% published) of ${FIRMS} firms, ${PRODUCTS_WORDS.length} product words × ${QUALIFIERS.length} qualifiers × ${ORIGINS.length} places, ~35% certified (a fifth of those expired), half the firms in one of ${CLUSTERS} clusters`,
    results,
    targets:
      "catalogue search p95 < 20 ms (use case: lookup, filters, ranking and cards for a page of 24), beside the raw SQL of the lookup",
  };
}
