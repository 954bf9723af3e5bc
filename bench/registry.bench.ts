// Registry benchmark: a generated registry of N enterprises (BENCH_ENTERPRISES, default 1,000,000).
// Prints Sainam's import throughput and peak memory next to the raw engine inserting the same rows in
// the same run, search latency (the first query cold, then p50/p95 for Thai, English and two common words never
// found together), and the analysis time of a 5,000-member cluster.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { migrateToLatest, openDatabase, seedReferenceData } from "@sainam/db";
import { rowOf, writeRegistryCsv } from "./registry-data.ts";

/** node:sqlite alone: one prepared INSERT per row inside one transaction, the same columns and values. */
async function rawInsert(dir: string, count: number): Promise<{ ms: number; rowsPerSecond: number }> {
  const database = openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  await seedReferenceData(database.db);
  const raw = database.sqlite?.raw;
  if (!raw) throw new Error("raw baseline needs SQLite");
  const insert = raw.prepare("INSERT INTO enterprises (juristic_id, name_th, name_en, legal_form, tsic_code, province_code, capital, registered_on, published, is_example, created_at, updated_at) VALUES (?, ?, ?, 'company_limited', ?, ?, ?, ?, 1, 0, ?, ?)");
  const now = new Date().toISOString();
  const t0 = performance.now();
  raw.exec("BEGIN");
  for (let i = 0; i < count; i++) {
    const r = rowOf(i);
    const [d, m, y] = r.registeredOn.split("/").map(Number);
    const iso = `${(y ?? 0) - 543}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    insert.run(r.juristicId, r.nameTh, r.nameEn, r.tsic, r.province, r.capital, iso, now, now);
  }
  raw.exec("COMMIT");
  const ms = performance.now() - t0;
  await database.close();
  return { ms: Math.round(ms), rowsPerSecond: Math.round(count / (ms / 1000)) };
}

export async function runRegistryBench(count = Number(process.env.BENCH_ENTERPRISES ?? 1_000_000)) {
  const dir = mkdtempSync(join(tmpdir(), "sainam-registry-"));
  try {
    const file = join(dir, "registry.csv");
    const g0 = performance.now();
    await writeRegistryCsv(file, count);
    const generateMs = Math.round(performance.now() - g0);
    const raw = await rawInsert(join(dir, "raw"), count);
    const child = execFileSync(process.execPath, [new URL("./registry-import.ts", import.meta.url).pathname, file, join(dir, "sainam"), String(count)], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    const sainam: { import: { rowsPerSecond: number; peakRssMb: number } } & Record<string, unknown> = JSON.parse(child.trim().split("\n").pop() ?? "{}");
    return {
      enterprises: count,
      fileMb: Math.round(statSync(file).size / 1024 / 1024),
      generateMs,
      rawEngineInsert: raw,
      ...sainam,
      importRatio: Math.round((sainam.import.rowsPerSecond / raw.rowsPerSecond) * 100) / 100,
      targets: "import ≥ 0.7× raw with peak RSS < 500 MB; search p95 < 20 ms (Thai and English); analysis < 200 ms",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
