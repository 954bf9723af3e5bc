// Registry benchmark: a generated registry of N enterprises (BENCH_ENTERPRISES, default 1,000,000).
// Prints Sainam's import throughput and peak memory next to the raw engine inserting the same rows in
// the same run, search latency (the first query cold, then p50/p95 for Thai, English and two common words never
// found together), and the analysis time of a 5,000-member cluster. With DATABASE_URL set, the same file is
// also imported into a throwaway PostgreSQL database (created on that server for the run, dropped after) and
// printed beside the raw pg driver replaying the rows the import wrote. Both print the time 3.2 M firms take
// (projected from the rate, or measured when BENCH_ENTERPRISES=3200000).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { migrateToLatest, openDatabase, seedReferenceData } from "@sainam/db";
import { rowOf, writeRegistryCsv } from "./registry-data.ts";

// V8 flags for the importing child. A small young generation on the main thread (the writer) cut peak
// RSS at 200,000 rows from ~500 MB to ~380 MB at the same CPU per row (see bench/README.md).
const CHILD_FLAGS = ["--max-semi-space-size=8"];

/** node:sqlite alone: one prepared INSERT per row inside one transaction, the same columns and values. */
async function rawInsert(dir: string, count: number): Promise<{ ms: number; rowsPerSecond: number }> {
  const database = openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  await seedReferenceData(database.db);
  const raw = database.sqlite?.raw;
  if (!raw) throw new Error("raw baseline needs SQLite");
  const insert = raw.prepare(
    "INSERT INTO enterprises (juristic_id, name_th, name_en, legal_form, tsic_code, province_code, capital, registered_on, published, is_example, created_at, updated_at) VALUES (?, ?, ?, 'company_limited', ?, ?, ?, ?, 1, 0, ?, ?)",
  );
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
async function rawInsertWritten(
  dir: string,
  importedFile: string,
  written: Written,
): Promise<{ ms: number; rows: Record<string, number>; enterprisesPerSecond: number; cpuUsPerRow: number }> {
  const database = openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  await seedReferenceData(database.db);
  const raw = database.sqlite?.raw;
  if (!raw) throw new Error("raw baseline needs SQLite");
  const source = new DatabaseSync(importedFile, { readOnly: true });
  // Parents first: a table is written after the written tables its foreign keys point to.
  const tables = Object.keys(written).filter(
    (t) => t !== "audit_log" && t !== "import_batches" && t !== "import_mappings",
  );
  const parents = new Map(
    tables.map((t) => [
      t,
      source
        .prepare(`PRAGMA foreign_key_list("${t}")`)
        .all()
        .map((fk) => String(fk.table))
        .filter((p) => p !== t && tables.includes(p)),
    ]),
  );
  const ordered: string[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !ordered.includes(t) && (parents.get(t) ?? []).every((p) => ordered.includes(p)));
    if (!next) throw new Error("foreign keys form a cycle");
    ordered.push(next);
  }
  let ms = 0;
  let cpu = 0;
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
    if (!hasRowid && before > 0)
      throw new Error(
        `cannot tell which rows of ${table} (without rowid, ${before} rows before the import) the import wrote`,
      );
    // An FTS5 table's rowid is the record's id, not a column: replayed as one.
    const isVirtual = Boolean(
      source.prepare("SELECT 1 AS v FROM sqlite_master WHERE name = ? AND sql LIKE 'CREATE VIRTUAL TABLE%'").get(table),
    );
    const columns = [
      ...(isVirtual ? ["rowid"] : []),
      ...source
        .prepare(`SELECT * FROM "${table}" LIMIT 0`)
        .columns()
        .map((c) => c.name),
    ];
    const insert = raw.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    );
    const select = source.prepare(
      `SELECT ${isVirtual ? "rowid, *" : "*"} FROM "${table}"${hasRowid ? " ORDER BY rowid" : ""} LIMIT ? OFFSET ?`,
    );
    for (let offset = 0; offset < rows; offset += 50_000) {
      const batch = select
        .all(Math.min(50_000, rows - offset), before + offset)
        .map((row) => columns.map((c): SQLInputValue => row[c] ?? null));
      const t0 = performance.now();
      const c0 = process.threadCpuUsage();
      for (const values of batch) insert.run(...values);
      ms += performance.now() - t0;
      cpu += threadCpuMs(c0);
    }
  }
  const t0 = performance.now();
  const c0 = process.threadCpuUsage();
  raw.exec("COMMIT");
  ms += performance.now() - t0;
  cpu += threadCpuMs(c0);
  source.close();
  await database.close();
  const enterprises = written.enterprises?.rows ?? 0;
  return {
    ms: Math.round(ms),
    rows: Object.fromEntries(ordered.map((t) => [t, written[t]?.rows ?? 0])),
    enterprisesPerSecond: Math.round(enterprises / (ms / 1000)),
    // This thread's CPU time a firm: beside the import's writer CPU a row, a comparison the machine's load moves less.
    cpuUsPerRow: Math.round((cpu * 1000) / enterprises),
  };
}

/** Milliseconds of this thread's CPU time since `start`. */
function threadCpuMs(start: NodeJS.CpuUsage): number {
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
}

const NATIONAL_REGISTRY = 3_200_000;

/** Seconds 3.2 M firms take at this rate (the measured time when the run imported 3.2 M). */
function nationalSeconds(rows: number, ms: number, rowsPerSecond: number): { seconds: number; measured: boolean } {
  return rows === NATIONAL_REGISTRY
    ? { seconds: Math.round(ms / 1000), measured: true }
    : { seconds: Math.round(NATIONAL_REGISTRY / rowsPerSecond), measured: false };
}

/** The URL of database `name` on the server `url` names. */
function databaseUrlOf(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `work` with a throwaway database on the server of `url`, created before and dropped after. */
async function withThrowawayDatabase<T>(url: string, name: string, work: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      return await work(databaseUrlOf(url, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

const PG_ROWS_PER_INSERT = 5_000;

/** A value in COPY's text format (as the driver returns it: text, number, null). */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  return (value instanceof Date ? value.toISOString() : String(value)).replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/**
 * The raw pg driver writing every row the import wrote (read from the imported database outside the timing)
 * into a fresh database, in one transaction: one COPY … FROM STDIN (pg-copy-streams) per 5,000 rows of a table,
 * parents first, ids as the import gave them — the fastest way to write rows that the driver offers. (Until the
 * import copied its rows too, this was one INSERT … SELECT FROM unnest($1::type[], …) per 5,000 rows.)
 */
async function rawInsertWrittenPg(
  importedUrl: string,
  rawUrl: string,
  written: Written,
): Promise<{ ms: number; rows: Record<string, number>; enterprisesPerSecond: number; method: string }> {
  const database = openDatabase({ dataDir: ":memory:", databaseUrl: rawUrl });
  await migrateToLatest(database);
  await seedReferenceData(database.db);
  await database.close();
  const source = new pg.Client({ connectionString: importedUrl });
  const target = new pg.Client({ connectionString: rawUrl });
  await source.connect();
  await target.connect();
  try {
    const tables = Object.keys(written).filter(
      (t) => t !== "audit_log" && t !== "import_batches" && t !== "import_mappings",
    );
    const fks = (
      await source.query<{ child: string; parent: string }>(
        `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c WHERE c.contype = 'f'`,
      )
    ).rows;
    const ordered: string[] = [];
    while (ordered.length < tables.length) {
      const next = tables.find(
        (t) =>
          !ordered.includes(t) &&
          fks
            .filter((f) => f.child === t && f.parent !== t && tables.includes(f.parent))
            .every((f) => ordered.includes(f.parent)),
      );
      if (!next) throw new Error("foreign keys form a cycle");
      ordered.push(next);
    }
    let ms = 0;
    await target.query("BEGIN");
    for (const table of ordered) {
      const { before, rows } = written[table] ?? { before: 0, rows: 0 };
      const columns = (
        await source.query<{ name: string; type: string }>(
          `SELECT column_name AS name, udt_name AS type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows;
      // The import's rows are the last `rows` in key order (ids ascend); read through a cursor, a batch at a time.
      const key = (
        await source.query<{ name: string }>(
          `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
          [table],
        )
      ).rows.map((r) => `"${r.name}"`);
      if (key.length === 0) throw new Error(`${table} has no primary key to read it in order`);
      if (before > 0 && key.join() !== '"id"')
        throw new Error(
          `cannot tell which rows of ${table} (keyed by ${key.join()}, ${before} rows before the import) the import wrote`,
        );
      const list = columns.map((c) => `"${c.name}"`).join(", ");
      const copy = `COPY "${table}" (${list}) FROM STDIN`;
      await source.query("BEGIN");
      await source.query(
        `DECLARE written CURSOR FOR SELECT ${list} FROM "${table}" ORDER BY ${key.join(", ")} OFFSET ${before}`,
      );
      for (let offset = 0; offset < rows; offset += PG_ROWS_PER_INSERT) {
        const batch = (
          await source.query({
            text: `FETCH ${Math.min(PG_ROWS_PER_INSERT, rows - offset)} FROM written`,
            rowMode: "array",
          })
        ).rows as unknown[][];
        const t0 = performance.now();
        let text = "";
        for (const row of batch) text += `${row.map(copyValue).join("\t")}\n`;
        const stream = target.query(copyFrom(copy));
        stream.end(text);
        await finished(stream);
        ms += performance.now() - t0;
      }
      await source.query("COMMIT");
    }
    const t0 = performance.now();
    await target.query("COMMIT");
    ms += performance.now() - t0;
    const enterprises = written.enterprises?.rows ?? 0;
    return {
      ms: Math.round(ms),
      rows: Object.fromEntries(ordered.map((t) => [t, written[t]?.rows ?? 0])),
      enterprisesPerSecond: Math.round(enterprises / (ms / 1000)),
      method: `COPY … FROM STDIN, ${PG_ROWS_PER_INSERT} rows a statement, one transaction`,
    };
  } finally {
    await source.end();
    await target.end();
  }
}

type ChildResult = { import: { ms: number; rowsPerSecond: number; peakRssMb: number }; written: Written } & Record<
  string,
  unknown
>;

function runChild(file: string, dataDir: string, count: number, databaseUrl?: string): ChildResult {
  const args = [
    ...CHILD_FLAGS,
    new URL("./registry-import.ts", import.meta.url).pathname,
    file,
    dataDir,
    String(count),
    ...(databaseUrl ? [databaseUrl] : []),
  ];
  const out = execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as ChildResult;
}

/** The same file imported into a throwaway PostgreSQL database, beside the raw driver writing the same rows. */
async function postgresRun(serverUrl: string, file: string, count: number) {
  const tag = `${process.pid}_${Date.now()}`;
  return withThrowawayDatabase(serverUrl, `sainam_bench_registry_${tag}`, async (url) => {
    const dataDir = mkdtempSync(join(tmpdir(), "sainam-registry-pg-"));
    try {
      const sainam = runChild(file, dataDir, count, url);
      const rawAll = await withThrowawayDatabase(serverUrl, `sainam_bench_raw_${tag}`, (rawUrl) =>
        rawInsertWrittenPg(url, rawUrl, sainam.written),
      );
      return {
        rawEngineInsertAllRows: rawAll,
        ...sainam,
        importRatioAllRows: Math.round((sainam.import.rowsPerSecond / rawAll.enterprisesPerSecond) * 100) / 100,
        registry3_2M: nationalSeconds(count, sainam.import.ms, sainam.import.rowsPerSecond),
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

export async function runRegistryBench(count = Number(process.env.BENCH_ENTERPRISES ?? 1_000_000)) {
  const dir = mkdtempSync(join(tmpdir(), "sainam-registry-"));
  try {
    const file = join(dir, "registry.csv");
    const g0 = performance.now();
    await writeRegistryCsv(file, count);
    const generateMs = Math.round(performance.now() - g0);
    const raw = await rawInsert(join(dir, "raw"), count);
    const sainam = runChild(file, join(dir, "sainam"), count);
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
      registry3_2M: nationalSeconds(count, sainam.import.ms, sainam.import.rowsPerSecond),
      ...(process.env.DATABASE_URL ? { postgres: await postgresRun(process.env.DATABASE_URL, file, count) } : {}),
      targets:
        "import ≥ 0.7× raw with peak RSS < 500 MB; search p95 < 20 ms (Thai and English); analysis < 200 ms (importRatioAllRows: against the raw engine writing every row the import writes); 3.2 M firms < 120 s on SQLite and on PostgreSQL",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
