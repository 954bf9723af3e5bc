// Search evaluation on real Thai company names: `npm run bench -- search-eval`.
// Reads DBD's monthly new-registration files (Jan 2015 – Jun 2016, ~90 k firms) from the shared mirror
// (never copied into the repository; when the mirror is absent the evaluation says so and returns), imports
// them through Sainam's import use case into a fresh SQLite data dir, derives query sets from the names as a
// person would type them, and runs each set through Sainam's search use case (its tiers over the engine's trigram
// index, see search.service.ts) and, as the bar, through a plain FTS5 trigram index built from the same names in
// the same run (terms as substrings, bm25) — and, with DATABASE_URL, through Sainam's search on PostgreSQL (the
// same files imported into a throwaway database) and a plain pg_trgm query (similarity order). Prints per set:
// size, hit rate, p50/p95 latency; and index sizes.
//   BENCH_EVAL_SAMPLE   queries per set at most (default 2,000; sampled evenly)
//   BENCH_EVAL_PAD      generated firms (bench/registry-data.ts) imported before the real ones (default 0)
//   BENCH_EVAL_DIR      keep the imported data dir there and reuse it on the next run (to iterate on queries;
//                       delete it after changing what is indexed)
//
// The query sets (names are the registry's Thai names; "base name" = legalFormFromName's, without
// บริษัท/จำกัด/หจก./…):
//   fullName         the base name; hit = the first result has that base name (same-named firms are equal).
//   word             a space-separated word of the base name (≥ 2 characters) that at most 20 firms have as a
//                    space-separated word; hit = the firm is in the first 20.
//   beginning        a beginning of ≥ 3 characters (and shorter than the word) of such a word, that begins a
//                    space-separated word of at most 20 firms; hit = in the first 20.
//   insideCompound   a word that ICU's Thai dictionary cuts out of a longer space-free Thai token, ≥ 4
//                    characters, not at the token's start (beginnings are the set above), and contained in
//                    at most 20 firms' names as a substring; hit = in the first 20.
//   trailingDigit / dottedInitials / englishInThai / exactAboveLonger  (DBD's Thai names carry no Latin
//                    letters, so englishInThai is empty on this data)
//                    full-name queries of the firms whose base name ends in a digit ("… 3", "(1)"), has dotted
//                    initials ("เอ.พี.พี"), has a Latin word among Thai, or is contained in a longer firm's
//                    base name; hit = the first result has that base name.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DatabaseSync } from "node:sqlite";
import { sql } from "kysely";
import { legalFormFromName } from "@sainam/core";
import { migrateToLatest, openDatabase, seedReferenceData } from "@sainam/db";
import { createContext, importService, loadConfig } from "@sainam/server";
import { searchAll } from "../apps/server/src/search/search.service.ts";
import { writeRegistryCsv } from "./registry-data.ts";

const MIRROR = "/work/.mirror/pwarawit+thai_newbusinessregistration_demo/repo/.git";
const system = { kind: "system" } as const;
const segmenter = new Intl.Segmenter("th", { granularity: "word" });
const THAI = /[\u0E01-\u0E5B]/;
const LATIN_WORD = /^[A-Za-z][A-Za-z0-9&'-]*$/;

type Firm = { id: number; name: string; base: string };
type Query = { q: string; firm: number; base: string };
type SetResult = { size: number; hitRate: number; p50Ms: number; p95Ms: number; misses: string[] };

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** Every k-th element, so a sample spreads over the whole (id-ordered) registry. */
function sample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)] as T);
}

const spaceWords = (base: string) => base.split(/\s+/).filter((w) => w !== "");

function deriveSets(firms: Firm[], substringCount: (s: string) => number, max: number) {
  // Firms per space-separated word, and the sorted distinct (word, firm) pairs for beginnings.
  const wordFirms = new Map<string, Set<number>>();
  for (const f of firms)
    for (const w of spaceWords(f.base)) {
      let s = wordFirms.get(w);
      if (!s) wordFirms.set(w, (s = new Set()));
      s.add(f.id);
    }
  const sortedWords = [...wordFirms.keys()].sort();
  const firmsStarting = (prefix: string): number => {
    let lo = 0;
    let hi = sortedWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sortedWords[mid] ?? "") < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids = new Set<number>();
    for (let i = lo; i < sortedWords.length && (sortedWords[i] ?? "").startsWith(prefix); i++) {
      for (const id of wordFirms.get(sortedWords[i] ?? "") ?? []) ids.add(id);
      if (ids.size > 20) return ids.size;
    }
    return ids.size;
  };
  const baseCount = new Map<string, number>();
  for (const f of firms) baseCount.set(f.base, (baseCount.get(f.base) ?? 0) + 1);

  const full: Query[] = [];
  const word: Query[] = [];
  const beginning: Query[] = [];
  const inside: Query[] = [];
  const trailingDigit: Query[] = [];
  const dotted: Query[] = [];
  const english: Query[] = [];
  for (const f of firms) {
    const q = (text: string): Query => ({ q: text, firm: f.id, base: f.base });
    full.push(q(f.base));
    if (/\d\)?$/.test(f.base)) trailingDigit.push(q(f.base));
    if (/[\u0E01-\u0E2E]\.[\u0E01-\u0E2E]/.test(f.base) || /\b[A-Za-z]\.[A-Za-z]\b/.test(f.base))
      dotted.push(q(f.base));
    const ws = spaceWords(f.base);
    if (THAI.test(f.base) && ws.some((w) => LATIN_WORD.test(w))) english.push(q(f.base));
    for (const w of ws) {
      if ([...w].length < 2 || (wordFirms.get(w)?.size ?? 0) > 20) continue;
      word.push(q(w));
      const chars = [...w];
      // One beginning per word, its length varying with the firm so every length from 3 is tried.
      if (chars.length > 3) {
        const len = 3 + (f.id % (chars.length - 3));
        const prefix = chars.slice(0, len).join("");
        if (firmsStarting(prefix) <= 20) beginning.push(q(prefix));
      }
    }
    for (const token of ws) {
      if (!THAI.test(token) || /[\s.]/.test(token)) continue;
      const segments = [...segmenter.segment(token)].filter((s) => s.isWordLike);
      if (segments.length < 2) continue;
      for (const s of segments) {
        if (s.index === 0 || [...s.segment].length < 4 || !THAI.test(s.segment)) continue;
        inside.push(q(s.segment));
        break;
      }
    }
  }
  // The costly conditions (substring counts) only on the sampled candidates.
  const insideSet = sample(inside, max * 3).filter((x) => substringCount(x.q) <= 20);
  const longerSet = sample(
    full.filter((x) => (baseCount.get(x.base) ?? 0) === 1 && [...x.base].length >= 3),
    max * 20,
  )
    .filter((x) => substringCount(x.base) > 1)
    .slice(0, max);
  return {
    fullName: sample(full, max),
    word: sample(word, max),
    beginning: sample(beginning, max),
    insideCompound: sample(insideSet, max),
    trailingDigit: sample(trailingDigit, max),
    dottedInitials: sample(dotted, max),
    englishInThai: sample(english, max),
    exactAboveLonger: longerSet,
  };
}

const FIRST_RESULT_SETS = new Set(["fullName", "trailingDigit", "dottedInitials", "englishInThai", "exactAboveLonger"]);

async function evaluate(
  name: string,
  queries: Query[],
  run: (q: string) => Promise<number[]> | number[],
  baseOf: (id: number) => string | undefined,
): Promise<SetResult> {
  const times: number[] = [];
  let hits = 0;
  const misses: string[] = [];
  for (const query of queries) {
    const s = performance.now();
    const ids = await run(query.q);
    times.push(performance.now() - s);
    const hit = FIRST_RESULT_SETS.has(name)
      ? ids.length > 0 && baseOf(ids[0] ?? 0) === query.base
      : ids.slice(0, 20).includes(query.firm);
    if (hit) hits++;
    else if (misses.length < 8) misses.push(query.q);
  }
  times.sort((a, b) => a - b);
  return {
    size: queries.length,
    hitRate: round((hits / Math.max(1, queries.length)) * 100, 1),
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    misses,
  };
}

/** FTS5 trigram, queried plainly: each space-separated term a quoted substring, all required, bm25 order. */
function fts5Query(q: string): string | null {
  const terms = q.split(/\s+/).filter((t) => [...t].length >= 3);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" ");
}

async function pgTrgm(
  url: string,
  firms: Firm[],
  sets: Record<string, Query[]>,
  baseOf: (id: number) => string | undefined,
) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const dbName = `sainam_eval_${process.pid}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  const client = new pg.Client({ connectionString: target.toString() });
  try {
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await client.query("CREATE TABLE names (id integer PRIMARY KEY, name text NOT NULL)");
    for (let i = 0; i < firms.length; i += 5000) {
      const chunk = firms.slice(i, i + 5000);
      await client.query("INSERT INTO names SELECT * FROM unnest($1::int[], $2::text[])", [
        chunk.map((f) => f.id),
        chunk.map((f) => f.name),
      ]);
    }
    const b0 = performance.now();
    await client.query("CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops)");
    const buildMs = Math.round(performance.now() - b0);
    await client.query("ANALYZE names");
    const size = Number((await client.query("SELECT pg_relation_size('names_trgm') AS n")).rows[0].n);
    const results: Record<string, SetResult> = {};
    for (const [name, queries] of Object.entries(sets)) {
      results[name] = await evaluate(
        name,
        queries,
        async (q) => {
          const terms = q.split(/\s+/).filter((t) => t !== "");
          const where = terms.map((_, i) => `name ILIKE '%' || $${i + 2} || '%'`).join(" AND ");
          const rows = await client.query(
            `SELECT id FROM names WHERE ${where} ORDER BY similarity(name, $1) DESC, id LIMIT 20`,
            [q, ...terms],
          );
          return rows.rows.map((r: { id: number }) => r.id);
        },
        baseOf,
      );
    }
    return { indexMb: round(size / 1024 / 1024, 1), buildMs, sets: results };
  } finally {
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}

/** Sainam's search on PostgreSQL: the real months imported into a throwaway database, the same query sets (its firm ids mapped by juristic ID). */
async function sainamOnPostgres(
  url: string,
  files: string[],
  sets: Record<string, Query[]>,
  idOfJuristic: Map<string, number>,
  baseOf: (id: number) => string | undefined,
) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const dbName = `sainam_eval_app_${process.pid}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  const config = loadConfig({ DATABASE_URL: target.toString(), SAINAM_DATA_DIR: tmpdir(), SAINAM_LOG_LEVEL: "silent" });
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: target.toString() });
  try {
    await migrateToLatest(database);
    await seedReferenceData(database.db);
    const ctx = createContext(config, database);
    const t0 = performance.now();
    for (const file of files) {
      const preview = await importService.uploadImport(ctx, system, {
        kind: "enterprises",
        fileName: file,
        body: { path: file },
      });
      await importService.runImport(ctx, system, preview.batchId, { mapping: preview.suggestedMapping, wait: true });
    }
    const importMs = Math.round(performance.now() - t0);
    const toLocal = new Map(
      (await database.db.selectFrom("enterprises").select(["id", "juristic_id"]).execute()).map((r) => [
        r.id,
        idOfJuristic.get(String(r.juristic_id)) ?? -1,
      ]),
    );
    await searchAll(ctx, system, { q: "กาแฟ", type: "enterprise", page: 1, pageSize: 20 });
    const results: Record<string, SetResult> = {};
    for (const [name, queries] of Object.entries(sets)) {
      results[name] = await evaluate(
        name,
        queries,
        async (q) =>
          (await searchAll(ctx, system, { q, type: "enterprise", page: 1, pageSize: 20 })).items.map(
            (i) => toLocal.get(i.id) ?? -1,
          ),
        baseOf,
      );
    }
    const size = await sql<{ n: string }>`SELECT pg_total_relation_size('search_enterprise') AS n`.execute(database.db);
    return { importMs, indexMb: round(Number(size.rows[0]?.n ?? 0) / 1024 / 1024, 1), sets: results };
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}

export async function runSearchEval() {
  if (!existsSync(MIRROR)) {
    return { skipped: `the evaluation needs the real DBD files in ${MIRROR}; not found, nothing measured` };
  }
  const max = Number(process.env.BENCH_EVAL_SAMPLE ?? 2_000);
  const pad = Number(process.env.BENCH_EVAL_PAD ?? 0);
  const kept = process.env.BENCH_EVAL_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), "sainam-search-eval-"));
  const reuse = kept !== undefined && existsSync(join(dir, "imported"));
  try {
    const config = loadConfig({ SAINAM_DATA_DIR: join(dir, "db"), SAINAM_LOG_LEVEL: "silent" });
    const database = openDatabase({ dataDir: config.dataDir });
    await migrateToLatest(database);
    await seedReferenceData(database.db);
    const ctx = createContext(config, database);
    const raw = database.sqlite?.raw;
    if (!raw) throw new Error("the evaluation runs on SQLite");

    const importFile = async (file: string) => {
      const preview = await importService.uploadImport(ctx, system, {
        kind: "enterprises",
        fileName: file,
        body: { path: file },
      });
      await importService.runImport(ctx, system, preview.batchId, { mapping: preview.suggestedMapping, wait: true });
      const status = await importService.importStatus(ctx, system, preview.batchId);
      if (status.status !== "done") throw new Error(`import of ${file} ${status.status}: ${status.error}`);
      return status.report?.counts;
    };
    const t0 = performance.now();
    if (!reuse && pad > 0) {
      const file = join(dir, "pad.csv");
      await writeRegistryCsv(file, pad);
      await importFile(file);
      rmSync(file);
    }
    const padMaxId = reuse
      ? Number(readFileSync(join(dir, "imported"), "utf8"))
      : Number(raw.prepare("SELECT coalesce(max(id), 0) AS n FROM enterprises").get()?.n ?? 0);
    const files = reuse
      ? []
      : execFileSync("git", ["-C", MIRROR, "ls-tree", "--name-only", "HEAD", "data_original/"], { encoding: "utf8" })
          .split("\n")
          .filter((f) => f.endsWith(".csv"));
    const counts: Record<string, unknown> = {};
    const monthFiles: string[] = [];
    for (const path of files) {
      const file = join(dir, path.split("/").pop() ?? "month.csv");
      writeFileSync(
        file,
        execFileSync("git", ["-C", MIRROR, "show", `HEAD:${path}`], { maxBuffer: 256 * 1024 * 1024 }),
      );
      counts[path] = await importFile(file);
      monthFiles.push(file);
    }
    const importMs = Math.round(performance.now() - t0);
    if (kept !== undefined) writeFileSync(join(dir, "imported"), String(padMaxId));

    const all = raw
      .prepare("SELECT id, name_th FROM enterprises WHERE name_th IS NOT NULL ORDER BY id")
      .all()
      .map((r) => ({ id: Number(r.id), name: String(r.name_th) }));
    const firms: Firm[] = all.map((f) => ({ ...f, base: legalFormFromName(f.name).baseName }));
    const baseById = new Map(firms.map((f) => [f.id, f.base]));
    const baseOf = (id: number) => baseById.get(id);
    const real = firms.filter((f) => f.id > padMaxId);

    // FTS5 trigram over the same names, in its own file so its size is the file's.
    const ftsFile = join(dir, "fts5.sqlite");
    rmSync(ftsFile, { force: true });
    const fts = new DatabaseSync(ftsFile);
    fts.exec("CREATE VIRTUAL TABLE names USING fts5(name, tokenize = 'trigram')");
    const f0 = performance.now();
    fts.exec("BEGIN");
    const insert = fts.prepare("INSERT INTO names (rowid, name) VALUES (?, ?)");
    for (const f of firms) insert.run(f.id, f.name);
    fts.exec("COMMIT");
    const ftsBuildMs = Math.round(performance.now() - f0);
    fts.exec("INSERT INTO names (names) VALUES ('optimize')");
    fts.exec("VACUUM");
    const countStmt = fts.prepare("SELECT count(*) AS n FROM names WHERE names MATCH ?");
    // A substring count over every firm's full name (trigram MATCH of one quoted term is exact for ≥ 3 characters).
    const substringCount = (s: string) => {
      const m = fts5Query(s);
      return m ? Number(countStmt.get(m)?.n ?? 0) : Infinity;
    };
    const sets = deriveSets(real, substringCount, max);

    const ftsSearch = fts.prepare(
      "SELECT rowid AS id FROM names WHERE names MATCH ? ORDER BY bm25(names), rowid LIMIT 20",
    );
    const results: Record<string, { sainam: SetResult; fts5Trigram: SetResult }> = {};
    // One warm-up query, so the first set does not pay for opening the index.
    await searchAll(ctx, system, { q: "กาแฟ", type: "enterprise", page: 1, pageSize: 20 });
    for (const [name, queries] of Object.entries(sets)) {
      const sainam = await evaluate(
        name,
        queries,
        async (q) =>
          (await searchAll(ctx, system, { q, type: "enterprise", page: 1, pageSize: 20 })).items.map((i) => i.id),
        baseOf,
      );
      const fts5Trigram = await evaluate(
        name,
        queries,
        (q) => {
          const m = fts5Query(q);
          return m ? ftsSearch.all(m).map((r) => Number(r.id)) : [];
        },
        baseOf,
      );
      results[name] = { sainam, fts5Trigram };
    }
    fts.close();

    const tableBytes = (like: string) =>
      Number(raw.prepare("SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat WHERE name LIKE ?").get(like)?.n ?? 0);
    const sainamIndexMb = round((tableBytes("search_%") + tableBytes("sqlite_autoindex_search_%")) / 1024 / 1024, 1);
    const pg = process.env.DATABASE_URL ? await pgTrgm(process.env.DATABASE_URL, firms, sets, baseOf) : undefined;
    const juristicOf = new Map(
      raw
        .prepare("SELECT id, juristic_id FROM enterprises")
        .all()
        .map((r) => [String(r.juristic_id), Number(r.id)]),
    );
    const sainamPg =
      process.env.DATABASE_URL && monthFiles.length > 0
        ? await sainamOnPostgres(process.env.DATABASE_URL, monthFiles, sets, juristicOf, baseOf)
        : undefined;
    for (const file of monthFiles) rmSync(file, { force: true });
    await database.close();

    const table = Object.entries(results).map(([set, r]) => ({
      set,
      size: r.sainam.size,
      rule: FIRST_RESULT_SETS.has(set) ? "first" : "top20",
      sainamHit: r.sainam.hitRate,
      fts5Hit: r.fts5Trigram.hitRate,
      ...(sainamPg ? { sainamPgHit: sainamPg.sets[set]?.hitRate } : {}),
      ...(pg ? { pgTrgmHit: pg.sets[set]?.hitRate } : {}),
      sainamP50: r.sainam.p50Ms,
      sainamP95: r.sainam.p95Ms,
      fts5P50: r.fts5Trigram.p50Ms,
      fts5P95: r.fts5Trigram.p95Ms,
      ...(sainamPg ? { sainamPgP95: sainamPg.sets[set]?.p95Ms } : {}),
      ...(pg ? { pgTrgmP95: pg.sets[set]?.p95Ms } : {}),
    }));
    console.table(table);
    return {
      firms: firms.length,
      realFirms: real.length,
      paddedFirms: padMaxId > 0 ? firms.length - real.length : 0,
      importMs,
      importCounts: counts,
      indexes: {
        sainamMb: sainamIndexMb,
        fts5TrigramMb: round(statSync(ftsFile).size / 1024 / 1024, 1),
        fts5BuildMs: ftsBuildMs,
        ...(sainamPg ? { sainamPgMb: sainamPg.indexMb, sainamPgImportMs: sainamPg.importMs } : {}),
        ...(pg ? { pgTrgmMb: pg.indexMb, pgTrgmBuildMs: pg.buildMs } : {}),
      },
      table,
      misses: Object.fromEntries(
        Object.entries(results).map(([set, r]) => [
          set,
          {
            sainam: r.sainam.misses,
            fts5Trigram: r.fts5Trigram.misses,
            ...(sainamPg ? { sainamPg: sainamPg.sets[set]?.misses } : {}),
            ...(pg ? { pgTrgm: pg.sets[set]?.misses } : {}),
          },
        ]),
      ),
      targets:
        "hit ≥ 99 % full names and words, ≥ 95 % beginnings and words inside compounds; Sainam p95 < 20 ms at 1 M firms",
    };
  } finally {
    if (kept === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
