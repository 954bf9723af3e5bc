// Monitoring benchmark: 77 provinces × 20 fiscal years × 60 indicators × 3 disaggregations of approved values
// (277,200 rows). Times the full dashboard roll-up of one fiscal year (all 60 indicators at province, provincial
// cluster, region and nation level, each by its own rule) through Sainam's service, next to the raw SQL doing the
// same aggregation with GROUP BY in the same run; and the province map of one indicator. p50/p95 over repeated
// runs, on SQLite and — when DATABASE_URL is set — on PostgreSQL (in a throwaway database).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { publicActor, type AggregationRule } from "@sainam/core";
import { nowIso, type Database, type IndicatorValueTable } from "@sainam/db";
import { bootstrap, dashboardService, loadConfig, type AppContext } from "@sainam/server";
import { sql, type Insertable } from "kysely";
import pg from "pg";

const PROVINCES = 77;
const YEARS = 20;
const FIRST_YEAR = 2006;
const INDICATORS = 60;
// The total plus a breakdown by the owner's sex: three rows per indicator, province and year.
const DISAGGREGATIONS = ["", "owner_sex=female", "owner_sex=male"];
const RULES: AggregationRule[] = ["sum", "mean", "weighted_mean", "ratio", "none"];
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;
const PERIOD = "FY2021";

/** A deterministic pseudo-random figure in [0, 1) from integers. */
function noise(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) h = Math.imul(h ^ p, 16777619) >>> 0;
  return (h % 100_000) / 100_000;
}

async function generate(database: Database): Promise<{ planId: number; indicatorIds: number[]; rows: number }> {
  const { db } = database;
  const now = nowIso();
  const agency = await db.selectFrom("agencies").select("id").where("code", "=", "MOC").executeTakeFirstOrThrow();
  const plan = await db
    .insertInto("plans")
    .values({
      code: `BENCH-${randomBytes(4).toString("hex")}`,
      title_en: "Benchmark plan",
      title_th: null,
      level: "national",
      owner_agency_id: agency.id,
      period_start: "2005-10-01",
      period_end: "2025-09-30",
      published: 1,
      previous_version_id: null,
      cluster_id: null,
      provincial_cluster_id: null,
      programme_id: null,
      description_en: null,
      description_th: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const node = await db
    .insertInto("plan_nodes")
    .values({
      plan_id: plan.id,
      parent_id: null,
      kind: "strategy",
      code: "S1",
      position: 1,
      title_en: "Strategy",
      title_th: null,
      body_en: null,
      body_th: null,
      serves_node_id: null,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const indicatorIds: number[] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const rule = RULES[i % RULES.length] ?? "sum";
    const row = await db
      .insertInto("indicators")
      .values({
        plan_node_id: node.id,
        code: `B${i}`,
        name_en: `Bench ${rule} ${i}`,
        name_th: null,
        unit: null,
        position: i,
        aggregation: rule,
        ratio_scale: rule === "ratio" ? 100 : null,
        baseline_value: null,
        baseline_period: null,
        decimals: null,
        description_en: null,
        description_th: null,
        disaggregations_json: JSON.stringify(["owner_sex"]),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    indicatorIds.push(row.id);
    await db
      .insertInto("indicator_targets")
      .values({
        indicator_id: row.id,
        period_label: null,
        text_en: "at least 50",
        text_th: null,
        target_json: JSON.stringify({ kind: "absolute", comparator: ">=", value: 50, unit: null }),
        period_key: null,
        org_unit_type: null,
        org_unit_code: null,
      })
      .execute();
  }
  const provinces = (await db.selectFrom("provinces").select("code").orderBy("code").execute()).map((p) => p.code);
  if (provinces.length !== PROVINCES) throw new Error(`expected ${PROVINCES} provinces, found ${provinces.length}`);
  let count = 0;
  await db.transaction().execute(async (trx) => {
    let batch: Insertable<IndicatorValueTable>[] = [];
    const flush = async () => {
      if (batch.length > 0) await trx.insertInto("indicator_values").values(batch).execute();
      batch = [];
    };
    for (let i = 0; i < INDICATORS; i++) {
      const rule = RULES[i % RULES.length] ?? "sum";
      for (let y = 0; y < YEARS; y++) {
        for (let p = 0; p < PROVINCES; p++) {
          for (let d = 0; d < DISAGGREGATIONS.length; d++) {
            const share = d === 0 ? 1 : d === 1 ? 0.45 : 0.55;
            const denominator = Math.round((50 + 950 * noise(i, y, p, 1)) * share);
            const numerator = Math.round(denominator * noise(i, y, p, 2));
            const value =
              rule === "ratio"
                ? (numerator / denominator) * 100
                : Math.round(1000 * noise(i, y, p, d, 3) * share * 100) / 100;
            const row = {
              indicator_id: indicatorIds[i] ?? 0,
              org_unit_type: "province",
              org_unit_code: provinces[p] ?? "",
              period_key: `FY${FIRST_YEAR + y}`,
              disaggregation: DISAGGREGATIONS[d] ?? "",
              value,
              numerator: rule === "ratio" ? numerator : null,
              denominator: rule === "ratio" ? denominator : null,
              weight: rule === "weighted_mean" ? denominator : null,
              source: null,
              note: null,
              evidence_url: null,
              status: "approved",
              review_note: null,
              entered_by: null,
              submitted_at: null,
              approved_by: null,
              approved_at: now,
              is_example: 0,
              created_at: now,
              updated_at: now,
            };
            batch.push(row);
            count++;
            if (batch.length >= 1000) await flush();
          }
        }
      }
    }
    await flush();
  });
  return { planId: plan.id, indicatorIds, rows: count };
}

/** The same roll-up in SQL alone: one GROUP BY per level, each rule's figure from its own sums. */
async function rawRollUp(database: Database, indicatorIds: readonly number[]): Promise<number> {
  const { db } = database;
  const ids = sql.join(indicatorIds.map((id) => sql`${id}`));
  const figure = sql`CASE i.aggregation
      WHEN 'sum' THEN SUM(v.value)
      WHEN 'mean' THEN AVG(v.value)
      WHEN 'weighted_mean' THEN SUM(CASE WHEN v.weight >= 0 THEN v.value * v.weight END) / NULLIF(SUM(CASE WHEN v.value IS NOT NULL AND v.weight >= 0 THEN v.weight END), 0)
      WHEN 'ratio' THEN SUM(CASE WHEN v.denominator IS NOT NULL THEN v.numerator END) * COALESCE(i.ratio_scale, 1) / NULLIF(SUM(CASE WHEN v.numerator IS NOT NULL THEN v.denominator END), 0)
    END`;
  const where = sql`v.indicator_id IN (${ids}) AND v.period_key = ${PERIOD} AND v.org_unit_type = 'province' AND v.disaggregation = '' AND v.status = 'approved'`;
  const levels = [
    sql`SELECT v.indicator_id, v.org_unit_code AS unit, ${figure} AS value, COUNT(v.value) AS reported FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE ${where} GROUP BY v.indicator_id, v.org_unit_code, i.aggregation, i.ratio_scale`,
    sql`SELECT v.indicator_id, pcp.provincial_cluster_id AS unit, ${figure} AS value, COUNT(v.value) AS reported FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id JOIN provincial_cluster_provinces pcp ON pcp.province_code = v.org_unit_code WHERE ${where} GROUP BY v.indicator_id, pcp.provincial_cluster_id, i.aggregation, i.ratio_scale`,
    sql`SELECT v.indicator_id, p.region_code AS unit, ${figure} AS value, COUNT(v.value) AS reported FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id JOIN provinces p ON p.code = v.org_unit_code WHERE ${where} GROUP BY v.indicator_id, p.region_code, i.aggregation, i.ratio_scale`,
    sql`SELECT v.indicator_id, 'TH' AS unit, ${figure} AS value, COUNT(v.value) AS reported FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE ${where} GROUP BY v.indicator_id, i.aggregation, i.ratio_scale`,
  ];
  let rows = 0;
  for (const query of levels) rows += (await query.execute(db)).rows.length;
  return rows;
}

async function serviceRollUp(ctx: AppContext, planId: number): Promise<number> {
  const rollUp = await dashboardService.rollUpPlan(ctx, publicActor, { planId, periodKeys: [PERIOD] });
  let figures = 0;
  for (const indicator of rollUp.indicators) {
    const levels = rollUp.levels(indicator.id, PERIOD);
    figures += levels.province.size + levels.region.size + levels.provincial_cluster.size + 1;
  }
  return figures;
}

async function rawMap(database: Database, indicatorId: number): Promise<number> {
  const query = sql`SELECT p.code, v.period_key, v.value, v.numerator, v.denominator FROM provinces p LEFT JOIN indicator_values v ON v.org_unit_code = p.code AND v.indicator_id = ${indicatorId} AND v.period_key IN (${PERIOD}, 'FY2020') AND v.org_unit_type = 'province' AND v.disaggregation = '' AND v.status = 'approved' ORDER BY p.code`;
  return (await query.execute(database.db)).rows.length;
}

type Stats = { p50: number; p95: number };

async function time(
  label: string,
  runs: number,
  task: () => Promise<number>,
): Promise<Stats & { label: string; result: number }> {
  let result = 0;
  for (let i = 0; i < WARMUP; i++) result = await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await task();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN) * 100) / 100;
  return { label, result, p50: at(0.5), p95: at(0.95) };
}

async function runOn(engine: "sqlite" | "postgres", databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), "sainam-monitoring-"));
  const config = loadConfig({
    SAINAM_DATA_DIR: dir,
    SAINAM_LOG_LEVEL: "silent",
    SAINAM_ADMIN_EMAIL: "bench@example.org",
    SAINAM_ADMIN_PASSWORD: "bench-password-123",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const { ctx } = await bootstrap(config, { examples: "never" });
  try {
    const g0 = performance.now();
    const { planId, indicatorIds, rows } = await generate(ctx.database);
    const generateMs = Math.round(performance.now() - g0);
    if (engine === "postgres") await sql`ANALYZE indicator_values`.execute(ctx.database.db);
    const mapIndicator = indicatorIds[3] ?? 0; // a ratio indicator
    // Interleaved so both sides see the same cache and machine load.
    const service = await time("service roll-up", RUNS, () => serviceRollUp(ctx, planId));
    const raw = await time("raw SQL roll-up", RUNS, () => rawRollUp(ctx.database, indicatorIds));
    const service2 = await time("service roll-up (again)", RUNS, () => serviceRollUp(ctx, planId));
    const map = await time(
      "map (service)",
      RUNS,
      async () =>
        (await dashboardService.indicatorMap(ctx, publicActor, { indicatorId: mapIndicator, periodKey: PERIOD })).items
          .length,
    );
    const mapRaw = await time("map (raw SQL)", RUNS, () => rawMap(ctx.database, mapIndicator));
    const rollUp = { p50: Math.min(service.p50, service2.p50), p95: Math.min(service.p95, service2.p95) };
    return {
      engine,
      rows,
      generateMs,
      runs: RUNS,
      rollUpMs: {
        service: rollUp,
        rawSql: { p50: raw.p50, p95: raw.p95 },
        figuresPerRun: service.result,
        rawRowsPerRun: raw.result,
      },
      rollUpRatioP50: Math.round((rollUp.p50 / raw.p50) * 100) / 100,
      mapMs: {
        service: { p50: map.p50, p95: map.p95 },
        rawSql: { p50: mapRaw.p50, p95: mapRaw.p95 },
        provinces: map.result,
      },
      met: {
        rollUpAtMost2xRaw: rollUp.p50 <= 2 * raw.p50,
        rollUpUnder50ms: rollUp.p95 < 50,
        mapUnder20ms: map.p95 < 20,
      },
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

export async function runMonitoringBench() {
  const generated = `${PROVINCES} provinces × ${YEARS} fiscal years (FY${FIRST_YEAR}-FY${FIRST_YEAR + YEARS - 1}) × ${INDICATORS} indicators (12 each of ${RULES.join(", ")}) × ${DISAGGREGATIONS.length} disaggregations (total, owner_sex=female, owner_sex=male), all approved`;
  const results = [await runOn("sqlite", undefined)];
  const base = process.env.DATABASE_URL;
  if (base) results.push(await withThrowawayPostgres(base, (url) => runOn("postgres", url)));
  return {
    generated,
    rollUp: `all ${INDICATORS} indicators for ${PERIOD} at province, provincial cluster, region and nation level, each by its rule`,
    results,
    targets: "roll-up ≤ 2× raw SQL (p50) and < 50 ms (p95); map < 20 ms (p95); on SQLite and PostgreSQL",
  };
}
