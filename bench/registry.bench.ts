// Registry benchmark: a generated registry of N enterprises (BENCH_ENTERPRISES, default 1,000,000).
// Prints Sainam's import throughput and peak memory next to the raw engine inserting the same rows in
// the same run, search latency (the first query cold, then p50/p95 for Thai, English and two common words never
// found together), and the analysis time of a 5,000-member cluster.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { migrateToLatest, openDatabase, seedReferenceData } from "@sainam/db";
import { rowOf, writeRegistryCsv } from "./registry-data.ts";

// V8 flags for the importing child. A small young generation on the main thread (the writer) cut peak
// RSS at 200,000 rows from ~500 MB to ~380 MB at the same CPU per row (see docs/ARCHITECTURE.md).
const CHILD_FLAGS = ["--max-semi-space-size=8"];

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

type Written = Record<string, { before: number; rows: number }>;

/**
 * node:sqlite alone writing every row the import wrote — the enterprises, their products, their
 * search-index rows (whatever tables hold it) — one prepared INSERT per row, in one transaction, into
 * a fresh database. The rows are read from the imported database in batches outside the timing.
 */
async function rawInsertWritten(dir: string, importedFile: string, written: Written): Promise<{ ms: number; rows: Record<string, number>; enterprisesPerSecond: number }> {
  const database = openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  await seedReferenceData(database.db);
  const raw = database.sqlite?.raw;
  if (!raw) throw new Error("raw baseline needs SQLite");
  const source = new DatabaseSync(importedFile, { readOnly: true });
  // Parents first: a table is written after the written tables its foreign keys point to.
  const tables = Object.keys(written).filter((t) => t !== "audit_log" && t !== "import_batches" && t !== "import_mappings");
  const parents = new Map(tables.map((t) => [t, source.prepare(`PRAGMA foreign_key_list("${t}")`).all().map((fk) => String(fk.table)).filter((p) => p !== t && tables.includes(p))]));
  const ordered: string[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !ordered.includes(t) && (parents.get(t) ?? []).every((p) => ordered.includes(p)));
    if (!next) throw new Error("foreign keys form a cycle");
    ordered.push(next);
  }
  let ms = 0;
  raw.exec("BEGIN");
  for (const table of ordered) {
    const { before, rows } = written[table] ?? { before: 0, rows: 0 };
    // The import's rows are the last `rows` in rowid order; a table without rowid is read in key order,
    // which only works when it started empty.
    const hasRowid = (() => {
      try {
        source.prepare(`SELECT rowid FROM "${table}" LIMIT 0`);
        return true;
      } catch {
        return false;
      }
    })();
    if (!hasRowid && before > 0) throw new Error(`cannot tell which rows of ${table} (without rowid, ${before} rows before the import) the import wrote`);
    // An FTS5 table's rowid is the record's id, not a column: replayed as one.
    const isVirtual = Boolean(source.prepare("SELECT 1 AS v FROM sqlite_master WHERE name = ? AND sql LIKE 'CREATE VIRTUAL TABLE%'").get(table));
    const columns = [...(isVirtual ? ["rowid"] : []), ...source.prepare(`SELECT * FROM "${table}" LIMIT 0`).columns().map((c) => c.name)];
    const insert = raw.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    const select = source.prepare(`SELECT ${isVirtual ? "rowid, *" : "*"} FROM "${table}"${hasRowid ? " ORDER BY rowid" : ""} LIMIT ? OFFSET ?`);
    for (let offset = 0; offset < rows; offset += 50_000) {
      const batch = select.all(Math.min(50_000, rows - offset), before + offset).map((row) => columns.map((c): SQLInputValue => row[c] ?? null));
      const t0 = performance.now();
      for (const values of batch) insert.run(...values);
      ms += performance.now() - t0;
    }
  }
  const t0 = performance.now();
  raw.exec("COMMIT");
  ms += performance.now() - t0;
  source.close();
  await database.close();
  const enterprises = written.enterprises?.rows ?? 0;
  return { ms: Math.round(ms), rows: Object.fromEntries(ordered.map((t) => [t, written[t]?.rows ?? 0])), enterprisesPerSecond: Math.round(enterprises / (ms / 1000)) };
}

export async function runRegistryBench(count = Number(process.env.BENCH_ENTERPRISES ?? 1_000_000)) {
  const dir = mkdtempSync(join(tmpdir(), "sainam-registry-"));
  try {
    const file = join(dir, "registry.csv");
    const g0 = performance.now();
    await writeRegistryCsv(file, count);
    const generateMs = Math.round(performance.now() - g0);
    const raw = await rawInsert(join(dir, "raw"), count);
    const child = execFileSync(process.execPath, [...CHILD_FLAGS, new URL("./registry-import.ts", import.meta.url).pathname, file, join(dir, "sainam"), String(count)], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    const sainam: { import: { rowsPerSecond: number; peakRssMb: number }; written: Written } & Record<string, unknown> = JSON.parse(child.trim().split("\n").pop() ?? "{}");
    const rawAll = await rawInsertWritten(join(dir, "raw-all"), join(dir, "sainam", "sainam.sqlite"), sainam.written);
    const ratio = (baseline: number) => Math.round((sainam.import.rowsPerSecond / baseline) * 100) / 100;
    return {
      enterprises: count,
      fileMb: Math.round(statSync(file).size / 1024 / 1024),
      generateMs,
      childFlags: CHILD_FLAGS,
      rawEngineInsert: raw,
      rawEngineInsertAllRows: rawAll,
      ...sainam,
      importRatio: ratio(raw.rowsPerSecond),
      importRatioAllRows: ratio(rawAll.enterprisesPerSecond),
      targets: "import ≥ 0.7× raw with peak RSS < 500 MB; search p95 < 20 ms (Thai and English); analysis < 200 ms (importRatioAllRows: against the raw engine writing every row the import writes)",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
