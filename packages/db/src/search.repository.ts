import { enterpriseSearchText, type SearchText } from "@sainam/core";
import { PostgresAdapter, sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type Transaction } from "kysely";
import type { Dialect } from "./database.ts";
import type { NodeSqliteDatabase } from "./node-sqlite-adapter.ts";
import type { DB } from "./schema.ts";
import { copyRows } from "./pg-copy.ts";

// The search index is the engine's own trigram index over each record's folded text (core's search-text.ts):
// an FTS5 table with the trigram tokenizer on SQLite (the row's rowid is the record's id), a table with a
// pg_trgm GIN index on PostgreSQL. One table per record type, written in the transaction that writes the
// record. Every query word is a substring: ≥ 3 characters are found through the index, shorter ones are
// checked on the rows the others found. See migration 0011 and docs/INTERNALS.md (Search).

type Executor = Kysely<DB> | Transaction<DB>;

export type SearchEntityType = "enterprise" | "cluster" | "institution";
/** Every record type with a trigram index: the registry's, and the catalogue's products (migration 0025). */
export type SearchIndexType = SearchEntityType | "product";
export type { SearchText } from "@sainam/core";

const TABLES: Record<SearchIndexType, string> = {
  enterprise: "search_enterprise",
  cluster: "search_cluster",
  institution: "search_institution",
  product: "search_product",
};
/**
 * SQLite keeps the body's characters apart from the name's: those below U+1800 (Latin, Thai and the rest of the
 * alphabets a registry holds) move into the Private Use Area (+ 0xE000, three bytes in UTF-8 as Thai is; folding
 * strips private-use characters from every text), so the body's trigrams never share a doclist with the name's.
 * FTS5 lists a trigram's rows across columns: a name-only query for a word common in products or objectives
 * ("จำหน่าย") would otherwise walk every row whose body has it. PostgreSQL's multi-column GIN index keeps the columns
 * apart by itself.
 */
const BODY_SHIFT = 0xe000;
const SHIFTED_BELOW = 0x1800;
export function bodyForIndex(body: string): string {
  let out = "";
  for (const char of body) {
    const c = char.codePointAt(0) ?? 0;
    out += c < SHIFTED_BELOW ? String.fromCharCode(BODY_SHIFT + c) : char;
  }
  return out;
}
function bodyFromIndex(stored: string): string {
  let out = "";
  for (const char of stored) {
    const c = char.codePointAt(0) ?? 0;
    out += c >= BODY_SHIFT && c < BODY_SHIFT + SHIFTED_BELOW ? String.fromCharCode(c - BODY_SHIFT) : char;
  }
  return out;
}

/** The shortest text the trigram index can find. */
export const INDEXED_LENGTH = 3;
const IN_LIST = 500;

export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** The index table of a record type, and its id column (FTS5's rowid on SQLite). */
export function searchTable(type: SearchIndexType, dialect: Dialect): { table: string; id: string } {
  return { table: TABLES[type], id: dialect === "sqlite" ? "rowid" : "id" };
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const statements = new WeakMap<NodeSqliteDatabase, Map<string, ReturnType<NodeSqliteDatabase["raw"]["prepare"]>>>();
function prepared(sqlite: NodeSqliteDatabase, text: string) {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.raw.prepare(text)));
  return statement;
}

/**
 * Writes the search text of records of one type, replacing what they had; a record with no text at all is
 * taken out. `fresh`: the records are new (an import's new firms), so there is nothing to replace.
 * `sqlite`: on SQLite, the connection the transaction runs on, whose prepared statements a bulk write uses.
 */
export async function writeSearchTexts(
  db: Executor,
  type: SearchIndexType,
  entries: ReadonlyArray<{ id: number; text: SearchText; indexBody?: string | undefined }>,
  options: { sqlite?: NodeSqliteDatabase | null; fresh?: boolean } = {},
): Promise<void> {
  if (entries.length === 0) return;
  const dialect = dialectOf(db);
  const { table } = searchTable(type, dialect);
  const kept = entries.filter((e) => e.text.name !== "" || e.text.body !== "");
  if (!options.fresh) {
    const emptied = entries.filter((e) => e.text.name === "" && e.text.body === "").map((e) => e.id);
    await removeSearchTexts(db, type, dialect === "sqlite" ? entries.map((e) => e.id) : emptied);
  }
  if (kept.length === 0) return;
  if (dialect === "postgres") {
    if (options.fresh && type !== "product") {
      // New records have no row to replace: copied in. A product's row also takes its filters from the facets view
      // (below), which COPY cannot join.
      await copyRows(
        db,
        table,
        ["id", "name", "body"],
        kept.map((e) => [e.id, e.text.name, e.text.body]),
      );
      return;
    }
    for (const part of slices(kept, 2_000)) {
      const rows = sql`unnest(${part.map((e) => e.id)}::integer[], ${part.map((e) => e.text.name)}::text[], ${part.map((e) => e.text.body)}::text[])`;
      if (type === "product")
        // A product's row carries its filters too (migration 0030), as the facets view computes them now; rows go
        // in in id order (the join would not keep it), the order the catalogue's bitmap scans read them back in.
        await sql`INSERT INTO search_product (id, name, body, facets)
          SELECT u.id, u.name, u.body, coalesce(f.facets, '{}') FROM ${rows} AS u(id, name, body)
          LEFT JOIN product_facets f ON f.id = u.id ORDER BY u.id
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body, facets = excluded.facets`.execute(
          db,
        );
      else
        await sql`INSERT INTO ${sql.table(table)} (id, name, body) SELECT * FROM ${rows}
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body`.execute(db);
    }
    return;
  }
  if (type === "product") {
    // With the product's filters (migration 0030), as the facets view computes them now.
    for (const part of slices(kept, 300)) {
      const values = sql.join(part.map((e) => sql`(${e.id}, ${e.text.name}, ${bodyForIndex(e.text.body)})`));
      // A correlated subquery: SQLite looks the view up per row (joined, it would compute the whole view first).
      await sql`INSERT INTO search_product (rowid, name, body, facets)
        SELECT v.column1, v.column2, v.column3,
          coalesce((SELECT f.facets FROM product_facets f WHERE f.id = v.column1), '')
        FROM (VALUES ${values}) AS v`.execute(db);
    }
    return;
  }
  const sqlite = options.sqlite;
  if (sqlite) {
    // One row a statement: a multi-row INSERT into an FTS5 table flushes its pending terms into a new segment
    // at every statement (the statement's savepoint), which then costs merging; one-row statements let the
    // terms pile up until the commit (measured: the index's writing ~3× faster, the slice ~20 %).
    const one = prepared(sqlite, `INSERT INTO ${table} (rowid, name, body) VALUES (?, ?, ?)`);
    for (const e of kept) one.run(e.id, e.text.name, e.indexBody ?? bodyForIndex(e.text.body));
    return;
  }
  for (const part of slices(kept, 300)) {
    await sql`INSERT INTO ${sql.table(table)} (rowid, name, body) VALUES ${sql.join(part.map((e) => sql`(${e.id}, ${e.text.name}, ${bodyForIndex(e.text.body)})`))}`.execute(
      db,
    );
  }
}

/** Takes records out of the index (they are being deleted, or have no text), in the caller's transaction. Returns how many were indexed. */
export async function removeSearchTexts(db: Executor, type: SearchIndexType, ids: readonly number[]): Promise<number> {
  const { table, id } = searchTable(type, dialectOf(db));
  let removed = 0;
  for (const part of slices([...new Set(ids)], IN_LIST)) {
    const result = await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(id)} IN (${sql.join(part)})`.execute(db);
    removed += Number(result.numAffectedRows ?? 0);
  }
  return removed;
}

/** The indexed text of the given records of one type. */
export async function searchTextsOf(
  db: Executor,
  type: SearchIndexType,
  ids: readonly number[],
): Promise<Map<number, SearchText>> {
  const dialect = dialectOf(db);
  const { table, id } = searchTable(type, dialect);
  const out = new Map<number, SearchText>();
  for (const part of slices([...new Set(ids)], IN_LIST)) {
    const rows = await sql<{
      id: number;
      name: string;
      body: string;
    }>`SELECT ${sql.ref(id)} AS id, name, body FROM ${sql.table(table)} WHERE ${sql.ref(id)} IN (${sql.join(part)})`.execute(
      db,
    );
    for (const row of rows.rows)
      out.set(Number(row.id), { name: row.name, body: dialect === "sqlite" ? bodyFromIndex(row.body) : row.body });
  }
  return out;
}

/** The search text of firms as the registry holds them now (their row and products). */
export async function enterpriseSearchTextsOf(
  db: Executor,
  ids: readonly number[],
): Promise<Array<{ id: number; text: SearchText }>> {
  const out: Array<{ id: number; text: SearchText }> = [];
  for (const part of slices([...new Set(ids)], IN_LIST)) {
    const firms = await db
      .selectFrom("enterprises")
      .select(["id", "name_th", "name_en", "business_type"])
      .where("id", "in", part)
      .execute();
    const products = await db
      .selectFrom("enterprise_products")
      .select(["enterprise_id", "name"])
      .where("enterprise_id", "in", part)
      .orderBy("id")
      .execute();
    const byFirm = new Map<number, Array<{ name: string }>>();
    for (const p of products) {
      const list = byFirm.get(p.enterprise_id);
      if (list) list.push({ name: p.name });
      else byFirm.set(p.enterprise_id, [{ name: p.name }]);
    }
    for (const f of firms)
      out.push({ id: f.id, text: enterpriseSearchText({ ...f, products: byFirm.get(f.id) ?? [] }) });
  }
  return out;
}

/** How many records of a type are indexed. */
export async function countIndexed(db: Executor, type: SearchIndexType): Promise<number> {
  const { table } = searchTable(type, dialectOf(db));
  const row = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** Text a matching record must contain: in its name, or anywhere (name or the rest). */
export type SearchPattern = { readonly text: string; readonly in: "name" | "any" };

const indexed = (p: SearchPattern) => [...p.text].length >= INDEXED_LENGTH;

/** An FTS5 string: the text as one quoted phrase (for the trigram tokenizer, a substring). */
export const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The condition that the index row aliased `alias` contains every pattern, checked on the row (instr/strpos) without
 * the trigram index: for a query driven by a selective filter, which reads few rows and looks each one up.
 */
export function containsAll(dialect: Dialect, alias: string, patterns: readonly SearchPattern[]): RawBuilder<boolean> {
  const column = (c: "name" | "body") => sql.ref(`${alias}.${c}`);
  const contains = (c: "name" | "body", text: string) => {
    const stored = dialect === "sqlite" && c === "body" ? bodyForIndex(text) : text;
    return dialect === "sqlite" ? sql`instr(${column(c)}, ${stored}) > 0` : sql`strpos(${column(c)}, ${stored}) > 0`;
  };
  return sql<boolean>`${sql.join(
    patterns.map((p) =>
      p.in === "name" ? contains("name", p.text) : sql`(${contains("name", p.text)} OR ${contains("body", p.text)})`,
    ),
    sql` AND `,
  )}`;
}

/**
 * The condition that the index row aliased `alias` contains every pattern; patterns of at least three
 * characters are looked up in the trigram index, shorter ones checked on the rows found (instr/strpos, which
 * neither engine takes for an index condition). Null when no pattern can be looked up.
 */
export function matchCondition(
  dialect: Dialect,
  type: SearchIndexType,
  alias: string,
  patterns: readonly SearchPattern[],
  /**
   * Facets the row must hold too (the catalogue's, migration 0030), looked up in the same index: on SQLite FTS5
   * tokens, on PostgreSQL elements of the `facets` array, ANDed into each branch of the words' lookup so that one
   * GIN scan intersects both.
   */
  facets: readonly string[] = [],
): RawBuilder<boolean> | null {
  const looked = patterns.filter(indexed);
  if (looked.length === 0) return null;
  const column = (c: "name" | "body") => sql.ref(`${alias}.${c}`);
  const checks = patterns
    .filter((p) => !indexed(p))
    .map((p) => {
      const contains = (c: "name" | "body") => {
        const text = dialect === "sqlite" && c === "body" ? bodyForIndex(p.text) : p.text;
        return dialect === "sqlite" ? sql`instr(${column(c)}, ${text}) > 0` : sql`strpos(${column(c)}, ${text}) > 0`;
      };
      return p.in === "name" ? contains("name") : sql`(${contains("name")} OR ${contains("body")})`;
    });
  let lookup: RawBuilder<unknown>;
  if (dialect === "sqlite") {
    // The name's and the body's trigrams are apart (bodyForIndex): a term is in one or the other, no column filter needed.
    const expression = [
      ...looked.map((p) =>
        p.in === "name" ? phrase(p.text) : `(${phrase(p.text)} OR ${phrase(bodyForIndex(p.text))})`,
      ),
      ...facets.map(phrase),
    ].join(" AND ");
    lookup = sql`${sql.ref(`${alias}.${TABLES[type]}`)} MATCH ${expression}`;
  } else {
    const held = facets.length > 0 ? sql` AND ${sql.ref(`${alias}.facets`)} @> ${sql`${[...facets]}::text[]`}` : sql``;
    lookup = sql.join(
      looked.map((p) =>
        p.in === "name"
          ? sql`${sql.ref(`${alias}.name`)} LIKE ${likePattern(p.text)}${held}`
          : sql`((${sql.ref(`${alias}.name`)} LIKE ${likePattern(p.text)}${held}) OR (${sql.ref(`${alias}.body`)} LIKE ${likePattern(p.text)}${held}))`,
      ),
      sql` AND `,
    );
  }
  return sql<boolean>`${sql.join([lookup, ...checks], sql` AND `)}`;
}

/** What a search may show: the facets asked for and the caller's visibility (the policy decides the latter). */
/** The facets a search may be narrowed by (the search box's filters). */
export type SearchFacets = {
  province?: string | undefined;
  region?: string | undefined;
  provincialCluster?: number | undefined;
  stage?: string | undefined;
  size?: string | undefined;
  sector?: string | undefined;
};

export type SearchFilters = SearchFacets & {
  /** Unpublished records too (officers, admins). */
  unpublishedToo: boolean;
  /** Clusters the caller keeps, shown though unpublished. */
  ownClusters: readonly number[];
  /** Unpublished institutions: all, or those of this agency and this registrant. */
  institutions: { all: true } | { all: false; agencyId: number | null; userId: number | null };
};

/** A match as a result shows it, with the indexed name field it is ranked by. */
export type MatchRow = {
  id: number;
  name_th: string | null;
  name_en: string | null;
  snippet: string | null;
  province_code: string | null;
  search_name: string;
};

/**
 * The visible matches of one record type: the index row aliased "s" joined to the record aliased "e", with the
 * facets and visibility as conditions on the record. The index drives: SQLite keeps a CROSS JOIN's order, so
 * the trigram lookup runs once, never once per record. Null when nothing can match (no pattern the index can
 * look up, or firm facets asked of another type).
 */
function visibleMatches(
  db: Executor,
  dialect: Dialect,
  type: SearchEntityType,
  f: SearchFilters,
  patterns: readonly SearchPattern[] | { juristicId: string },
) {
  const { table, id } = searchTable(type, dialect);
  const s = sql.table(table).as("s");
  const joined = sql<boolean>`e.id = ${sql.ref(`s.${id}`)}`;
  const searchName = sql<string>`s.name`.as("search_name");
  if (!Array.isArray(patterns)) {
    // A juristic ID is looked up in the registry's own unique index, not the trigram one.
    if (type !== "enterprise") return null;
    const byId = db
      .selectFrom("enterprises as e")
      .innerJoin(s, (join) => join.on(joined))
      .where("e.juristic_id", "=", (patterns as { juristicId: string }).juristicId);
    return firmFilters(db, byId, f).select([
      "e.id",
      "e.name_th",
      "e.name_en",
      "e.business_type as snippet",
      "e.province_code",
      searchName,
    ]);
  }
  const match = matchCondition(dialect, type, "s", patterns as readonly SearchPattern[]);
  if (!match) return null;
  if (type === "enterprise") {
    const q = firmFilters(db, db.selectFrom(s).crossJoin("enterprises as e").where(joined).where(match), f);
    return q.select(["e.id", "e.name_th", "e.name_en", "e.business_type as snippet", "e.province_code", searchName]);
  }
  if (f.stage || f.size || f.sector) return null;
  if (type === "cluster") {
    let q = db.selectFrom(s).crossJoin("clusters as e").where(joined).where(match);
    const own = [...f.ownClusters];
    if (!f.unpublishedToo)
      q = q.where((eb) =>
        own.length ? eb.or([eb("e.published", "=", 1), eb("e.id", "in", own)]) : eb("e.published", "=", 1),
      );
    if (f.province || f.region || f.provincialCluster !== undefined) {
      let provinces = db.selectFrom("provinces").select("code");
      if (f.province) provinces = provinces.where("code", "=", f.province);
      if (f.region) provinces = provinces.where("region_code", "=", f.region);
      if (f.provincialCluster !== undefined)
        provinces = provinces.where(
          "code",
          "in",
          db
            .selectFrom("provincial_cluster_provinces")
            .select("province_code")
            .where("provincial_cluster_id", "=", f.provincialCluster ?? 0),
        );
      q = q.where(
        "e.id",
        "in",
        db.selectFrom("cluster_provinces").select("cluster_id").where("province_code", "in", provinces),
      );
    }
    return q.select([
      "e.id",
      "e.name_th",
      "e.name_en",
      sql<string | null>`coalesce(e.description_th, e.description_en)`.as("snippet"),
      sql<string | null>`null`.as("province_code"),
      searchName,
    ]);
  }
  let q = db.selectFrom(s).crossJoin("institutions as e").where(joined).where(match);
  const v = f.institutions;
  if (!v.all) {
    // Unpublished institutions only for their keepers: their agency's officers and whoever registered them.
    q = q.where((eb) =>
      eb.or([
        eb("e.published", "=", 1),
        ...(v.agencyId !== null ? [eb("e.agency_id", "=", v.agencyId)] : []),
        ...(v.userId !== null ? [eb("e.created_by", "=", v.userId)] : []),
      ]),
    );
  }
  if (f.province) q = q.where("e.province_code", "=", f.province);
  return q.select(["e.id", "e.name_th", "e.name_en", "e.description as snippet", "e.province_code", searchName]);
}

/** A firm's facets and visibility, as conditions on the firm aliased "e". */
function firmFilters<Q extends SelectQueryBuilder<DB & { e: DB["enterprises"] }, "e", object>>(
  db: Executor,
  query: Q,
  f: SearchFilters,
): Q {
  let q = query as SelectQueryBuilder<DB & { e: DB["enterprises"] }, "e", object>;
  if (!f.unpublishedToo) q = q.where("e.published", "=", 1);
  if (f.province) q = q.where("e.province_code", "=", f.province);
  if (f.size) q = q.where("e.size_class", "=", f.size);
  if (f.sector) q = q.where("e.tsic_code", "like", `${f.sector}%`);
  if (f.region)
    q = q.where(
      "e.province_code",
      "in",
      db
        .selectFrom("provinces")
        .select("code")
        .where("region_code", "=", f.region ?? ""),
    );
  if (f.provincialCluster !== undefined) {
    q = q.where(
      "e.province_code",
      "in",
      db
        .selectFrom("provincial_cluster_provinces")
        .select("province_code")
        .where("provincial_cluster_id", "=", f.provincialCluster ?? 0),
    );
  }
  if (f.stage)
    q = q.where(
      "e.id",
      "in",
      db
        .selectFrom("memberships")
        .select("enterprise_id")
        .where("stage", "=", f.stage ?? "")
        .where("left_on", "is", null),
    );
  return q as Q;
}

/** The visible firm with this juristic ID, as a match (at most one). */
export async function readJuristicId(
  db: Executor,
  dialect: Dialect,
  filters: SearchFilters,
  juristicId: string,
): Promise<TierRead | null> {
  const q = visibleMatches(db, dialect, "enterprise", filters, { juristicId });
  if (!q) return null;
  const rows = (await q.execute()).map((r) => ({ ...r, id: Number(r.id) }));
  return { type: "enterprise", rows, truncated: false };
}

/** The matches of one type read for a tier: at most the limit, `truncated` when there were more. */
export type TierRead = { type: SearchEntityType; rows: MatchRow[]; truncated: boolean };

/** The visible matches of every pattern, per type, at most `limit` each in id order. Null when no type can be looked up. */
export async function readMatches(
  db: Kysely<DB>,
  dialect: Dialect,
  types: readonly SearchEntityType[],
  filters: SearchFilters,
  patterns: readonly SearchPattern[],
  limit: number,
): Promise<TierRead[] | null> {
  if (dialect === "postgres" && patterns.length > 1) {
    // With a LIMIT, PostgreSQL's planner takes the matches of several common Thai words to be everywhere and scans
    // the table for the first few; when the words are never together it reads every row (300 ms at 1 M firms).
    // Bitmap scans only: the trigram index decides the candidates. (One word alone it estimates well.)
    return db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`SET LOCAL enable_indexscan = off`.execute(trx);
      return readEachType(trx, dialect, types, filters, patterns, limit);
    });
  }
  return readEachType(db, dialect, types, filters, patterns, limit);
}

async function readEachType(
  db: Executor,
  dialect: Dialect,
  types: readonly SearchEntityType[],
  filters: SearchFilters,
  patterns: readonly SearchPattern[],
  limit: number,
): Promise<TierRead[] | null> {
  const out: TierRead[] = [];
  for (const type of types) {
    const q = visibleMatches(db, dialect, type, filters, patterns);
    if (!q) continue;
    const rows = (await q.limit(limit + 1).execute()).map((r) => ({ ...r, id: Number(r.id) }));
    const truncated = rows.length > limit;
    if (truncated) rows.length = limit;
    out.push({ type, rows, truncated });
  }
  return out.length > 0 ? out : null;
}

/**
 * The total of matches read only in part: per type, the matches read when they were all, else estimated from
 * their density over the ids they span (the index hands matches out in id order on SQLite, near it on
 * PostgreSQL), carried to the type's highest id: read × (highest id − first read + 1) ÷ (last read − first read + 1).
 */
export async function estimateTotal(db: Executor, reads: readonly TierRead[], limit: number): Promise<number> {
  let total = 0;
  for (const { type, rows, truncated } of reads) {
    if (!truncated) {
      total += rows.length;
      continue;
    }
    const table = type === "enterprise" ? "enterprises" : type === "cluster" ? "clusters" : "institutions";
    const max = Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.max("id").as("max"))
          .executeTakeFirst()
      )?.max ?? 0,
    );
    const first = rows.reduce((m, r) => Math.min(m, r.id), Infinity);
    const last = rows.reduce((m, r) => Math.max(m, r.id), 0);
    total += Math.round((limit * (Math.max(max, last) - first + 1)) / Math.max(1, last - first + 1));
  }
  return total;
}

/**
 * One step of compacting a record type's index on SQLite: FTS5 merges up to `pages` pages of its segments (an
 * import writes one small segment a slice; a query reads every segment, so a fragmented index answers slower).
 * Answers whether there is more to do. Each step is a short statement of its own, so requests run in between.
 * PostgreSQL's GIN index merges its pending list itself: nothing to do there.
 */
export async function compactSearchIndexStep(db: Executor, type: SearchIndexType, pages = 100): Promise<boolean> {
  if (dialectOf(db) !== "sqlite") return false;
  const table = TABLES[type];
  const segments = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(DISTINCT segid) AS n FROM ${sql.table(`${table}_idx`)}`.execute(db))
        .rows[0]?.n ?? 0,
    );
  if ((await segments()) <= 1) return false;
  // A negative page count merges whatever segments there are, down to one in the end.
  await sql`INSERT INTO ${sql.table(table)} (${sql.ref(table)}, rank) VALUES ('merge', ${-Math.abs(pages)})`.execute(
    db,
  );
  return (await segments()) > 1;
}
