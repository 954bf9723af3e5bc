// Search latency on a registry imported once into a kept folder, to iterate on search without re-importing:
//   node bench/search-iterate.ts import DIR N     generate N enterprises and import them into DIR (once)
//   node bench/search-iterate.ts query DIR        migrate DIR if needed, then time the query sets
// The query sets are those of `npm run bench -- registry` (registry-import.ts).
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { migrateToLatest, openDatabase, seedReferenceData } from "@sainam/db";
import { createContext, importService, loadConfig } from "@sainam/server";
import { searchAll } from "../apps/server/src/search/search.service.ts";
import { writeRegistryCsv } from "./registry-data.ts";
import { SEARCH_QUERY_SETS, timeSearches } from "./search-queries.ts";

const [command, dir, rowsText] = process.argv.slice(2);
if (!dir || (command !== "import" && command !== "query"))
  throw new Error("usage: search-iterate.ts import DIR N | query DIR");
const system = { kind: "system" } as const;
mkdirSync(dir, { recursive: true });
const config = loadConfig({ SAINAM_DATA_DIR: join(dir, "db"), SAINAM_LOG_LEVEL: "silent" });
const database = openDatabase({ dataDir: config.dataDir });
const m0 = performance.now();
const applied = await migrateToLatest(database);
const migrateMs = Math.round(performance.now() - m0);
const ctx = createContext(config, database);

if (command === "import") {
  const count = Number(rowsText ?? 100_000);
  await seedReferenceData(database.db);
  const file = join(dir, "registry.csv");
  if (!existsSync(file)) await writeRegistryCsv(file, count);
  const t0 = performance.now();
  const preview = await importService.uploadImport(ctx, system, {
    kind: "enterprises",
    fileName: file,
    body: { path: file },
  });
  await importService.runImport(ctx, system, preview.batchId, { mapping: preview.suggestedMapping, wait: true });
  const status = await importService.importStatus(ctx, system, preview.batchId);
  console.log(
    JSON.stringify({
      imported: count,
      ms: Math.round(performance.now() - t0),
      status: status.status,
      counts: status.report?.counts,
    }),
  );
  rmSync(file, { force: true });
} else {
  const results: Record<string, unknown> = { migrationsApplied: applied, migrateMs };
  const c0 = performance.now();
  await searchAll(ctx, system, { q: "กาแฟ", page: 1, pageSize: 20 });
  results.coldFirstQueryMs = Math.round((performance.now() - c0) * 100) / 100;
  for (const [name, queries] of Object.entries(SEARCH_QUERY_SETS)) {
    results[name] = await timeSearches((q) => searchAll(ctx, system, { q, page: 1, pageSize: 20 }), queries, 20);
  }
  console.log(JSON.stringify(results, null, 2));
}
await database.close();
