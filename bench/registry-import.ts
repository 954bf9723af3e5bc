// Child process of registry.bench.ts: imports a generated registry file through Sainam's import use case
// into a fresh database (embedded SQLite in DATA_DIR, or the PostgreSQL database DATABASE_URL names when
// given), then measures search (bench/search-queries.ts) and cluster analysis on it. Prints one JSON line.
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { migrateToLatest, openDatabase, seedReferenceData } from "@sainam/db";
import { createContext, importService, loadConfig } from "@sainam/server";
import { searchAll } from "../apps/server/src/search/search.service.ts";
import { analyseCluster } from "../apps/server/src/value-chain/analysis.service.ts";
import { SEARCH_QUERY_SETS, timeSearches } from "./search-queries.ts";

const [file, dataDir, rowsText, databaseUrl] = process.argv.slice(2);
if (!file || !dataDir || !rowsText) throw new Error("usage: registry-import.ts FILE DATA_DIR ROWS [DATABASE_URL]");
const system = { kind: "system" } as const;

const config = loadConfig({
  SAINAM_DATA_DIR: dataDir,
  SAINAM_LOG_LEVEL: "silent",
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
await migrateToLatest(database);
await seedReferenceData(database.db);
const ctx = createContext(config, database);

// Rows per table, so the parent can replay exactly the rows the import wrote (its second baseline).
// FTS5's shadow tables (…_data, …_idx, …_content, …_config) are written through their virtual table: the replay does the same.
const tableNames =
  database.dialect === "sqlite"
    ? (
        await sql<{
          name: string;
        }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`.execute(
          database.db,
        )
      ).rows
        .map((r) => r.name)
        .filter((name) => !/_(data|idx|content|docsize|config)$/.test(name))
    : (
        await sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(
          database.db,
        )
      ).rows.map((r) => r.name);
const countRows = async () => {
  const counts = new Map<string, number>();
  for (const name of tableNames)
    counts.set(
      name,
      Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(database.db)).rows[0]?.n ?? 0,
      ),
    );
  return counts;
};
const before = await countRows();

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const mainCpu0 = process.threadCpuUsage();
const preview = await importService.uploadImport(ctx, system, {
  kind: "enterprises",
  fileName: file,
  body: { path: file },
});
await importService.runImport(ctx, system, preview.batchId, { mapping: preview.suggestedMapping, wait: true });
const importMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const mainCpu = process.threadCpuUsage(mainCpu0);
const after = await countRows();
const written = Object.fromEntries(
  tableNames.flatMap((name) => {
    const grown = (after.get(name) ?? 0) - (before.get(name) ?? 0);
    return grown > 0 ? [[name, { before: before.get(name) ?? 0, rows: grown }]] : [];
  }),
);
const status = await importService.importStatus(ctx, system, preview.batchId);
if (status.status !== "done") throw new Error(`import ${status.status}: ${status.error}`);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// The first search after the import, before any word's postings are cached in the process.
const c0 = performance.now();
await searchAll(ctx, system, { q: "กาแฟ", page: 1, pageSize: 20 });
const coldFirstQueryMs = Math.round((performance.now() - c0) * 100) / 100;
const searchRun = (q: string) => searchAll(ctx, system, { q, page: 1, pageSize: 20 });
const thai = await timeSearches(searchRun, SEARCH_QUERY_SETS.thai, 20);
const english = await timeSearches(searchRun, SEARCH_QUERY_SETS.english, 20);
const neverTogether = await timeSearches(searchRun, SEARCH_QUERY_SETS.neverTogether, 20);

// A 5,000-member cluster: members across the three stages, with products and a link for every tenth member.
const now = new Date().toISOString();
const { id: clusterId } = await database.db
  .insertInto("clusters")
  .values({
    code: "bench-5000",
    kind: "industry_cluster",
    name_th: "คลัสเตอร์ทดสอบ",
    name_en: "Bench",
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
const stages = ["upstream", "midstream", "downstream"];
const ids = (await database.db.selectFrom("enterprises").select("id").orderBy("id").limit(5000).execute()).map(
  (r) => r.id,
);
await database.db.transaction().execute(async (trx) => {
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .insertInto("memberships")
      .values(
        ids.slice(i, i + 500).map((enterprise_id, k) => ({
          cluster_id: clusterId,
          enterprise_id,
          stage: stages[(i + k) % 3] ?? "upstream",
          joined_on: null,
          left_on: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto("enterprise_products")
      .values(
        ids.slice(i, i + 500).map((enterprise_id, k) => ({
          enterprise_id,
          direction: "input",
          name: `product ${(i + k) % 40}`,
          tsic_code: null,
        })),
      )
      .execute();
  }
  const links = ids
    .filter((_, k) => k % 10 === 0)
    .map((from, k) => ({
      cluster_id: clusterId,
      from_type: "enterprise",
      from_id: from,
      to_type: "enterprise",
      to_id: ids[(k * 10 + 1) % ids.length] ?? from,
      kind: "supplies",
      product: `product ${k % 40}`,
      annual_value: 100_000,
      is_example: 0,
      created_at: now,
      updated_at: now,
    }));
  for (let i = 0; i < links.length; i += 200)
    await trx
      .insertInto("linkages")
      .values(links.slice(i, i + 200))
      .execute();
});
await analyseCluster(ctx, system, clusterId, { suggestionLimit: 20 });
const analysisTimes: number[] = [];
for (let r = 0; r < 5; r++) {
  const s = performance.now();
  await analyseCluster(ctx, system, clusterId, { suggestionLimit: 20 });
  analysisTimes.push(performance.now() - s);
}
analysisTimes.sort((a, b) => a - b);

await database.close();
console.log(
  JSON.stringify({
    engine: database.dialect,
    rows: Number(rowsText),
    import: {
      ms: Math.round(importMs),
      rowsPerSecond: Math.round(Number(rowsText) / (importMs / 1000)),
      counts: status.report?.counts,
      peakRssMb: Math.round(peakRssMb),
      // CPU per row: the main thread writes; the rest is the reading thread (and V8's helper threads).
      cpuUsPerRow: {
        writer: Math.round((mainCpu.user + mainCpu.system) / Number(rowsText)),
        readerAndOthers: Math.round((cpu.user + cpu.system - mainCpu.user - mainCpu.system) / Number(rowsText)),
      },
    },
    written,
    search: { coldFirstQueryMs, thai, english, neverTogether },
    analysis5000: { medianMs: Math.round((analysisTimes[2] ?? NaN) * 10) / 10, members: ids.length },
  }),
);
