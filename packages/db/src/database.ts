import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from "kysely";
import pg from "pg";
import { NodeSqliteDatabase } from "./node-sqlite-adapter.ts";
import type { DB } from "./schema.ts";
import * as m0001 from "./migrations/0001-foundation.ts";
import * as m0002 from "./migrations/0002-registry.ts";
import * as m0003 from "./migrations/0003-monitoring.ts";
import * as m0004 from "./migrations/0004-search-index.ts";
import * as m0008 from "./migrations/0008-programme-figures.ts";
import * as m0009 from "./migrations/0009-access.ts";
import * as m0010 from "./migrations/0010-import-batches.ts";
import * as m0011 from "./migrations/0011-search-text.ts";
import * as m0012 from "./migrations/0012-accounts.ts";
import * as m0013 from "./migrations/0013-thai-first.ts";
import * as m0014 from "./migrations/0014-approval-levels.ts";
import * as m0015 from "./migrations/0015-service-providers.ts";
import * as m0016 from "./migrations/0016-public-holidays.ts";
import * as m0017 from "./migrations/0017-service-requests.ts";
import * as m0018 from "./migrations/0018-notifications.ts";
import * as m0019 from "./migrations/0019-request-codes.ts";
import * as m0020 from "./migrations/0020-computed-satisfaction.ts";
import * as m0021 from "./migrations/0021-service-figures-index.ts";
import * as m0022 from "./migrations/0022-expert-records.ts";
import * as m0023 from "./migrations/0023-working-day-calendar.ts";
import * as m0024 from "./migrations/0024-market-linkage.ts";
import * as m0025 from "./migrations/0025-product-catalogue.ts";
import * as m0029 from "./migrations/0029-service-figure-rollup.ts";
import * as m0030 from "./migrations/0030-catalogue-facets.ts";
import * as m0033 from "./migrations/0033-mail-attempts.ts";
import * as m0034 from "./migrations/0034-service-request-reads.ts";

export type Dialect = "sqlite" | "postgres";

export type DatabaseConfig = {
  /** `postgres://…` selects PostgreSQL; absent selects the embedded SQLite file. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database file; `:memory:` for a throwaway in-memory database. */
  dataDir: string;
  /** Largest number of pooled PostgreSQL connections. */
  poolSize?: number;
};

export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The SQLite file path, when embedded (for backups). */
  sqlitePath: string | null;
  /** The underlying SQLite handle, when embedded (for backups and bulk work). */
  sqlite: NodeSqliteDatabase | null;
  close(): Promise<void>;
};

type MigrationModule = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

// Numbered, never edited after they land; each runs on both engines. A number may land after a higher one
// (0004 after 0008): the migrator then applies it to databases that are already past it.
const migrations: Record<string, MigrationModule> = {
  "0001-foundation": m0001,
  "0002-registry": m0002,
  "0003-monitoring": m0003,
  "0004-search-index": m0004,
  "0008-programme-figures": m0008,
  "0009-access": m0009,
  "0010-import-batches": m0010,
  "0011-search-text": m0011,
  "0012-accounts": m0012,
  "0013-thai-first": m0013,
  "0014-approval-levels": m0014,
  "0015-service-providers": m0015,
  "0016-public-holidays": m0016,
  "0017-service-requests": m0017,
  "0018-notifications": m0018,
  "0019-request-codes": m0019,
  "0020-computed-satisfaction": m0020,
  "0021-service-figures-index": m0021,
  "0022-expert-records": m0022,
  "0023-working-day-calendar": m0023,
  "0024-market-linkage": m0024,
  "0025-product-catalogue": m0025,
  "0029-service-figure-rollup": m0029,
  "0030-catalogue-facets": m0030,
  "0033-mail-attempts": m0033,
  "0034-service-request-reads": m0034,
};

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Opens the configured database: PostgreSQL when a URL is given, else SQLite in `dataDir`. */
export function openDatabase(config: DatabaseConfig): Database {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      types: {
        getTypeParser: (oid: number, format?: "text" | "binary") => {
          // Counts and amounts come back as numbers, as they do from SQLite.
          if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
          return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
        },
      },
    });
    pool.on("error", (error) => console.error("postgres pool error:", error.message));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", sqlitePath: null, sqlite: null, close: () => db.destroy() };
  }
  let path = ":memory:";
  if (config.dataDir !== ":memory:") {
    privateDir(config.dataDir);
    path = join(config.dataDir, "sainam.sqlite");
    privateFile(path);
    // SQLite gives its -wal and -shm files the database file's permissions; older ones are tightened too.
    for (const companion of [`${path}-wal`, `${path}-shm`]) if (existsSync(companion)) chmodSync(companion, 0o600);
  }
  const sqlite = new NodeSqliteDatabase(path);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", sqlitePath: path === ":memory:" ? null : path, sqlite, close: () => db.destroy() };
}

/**
 * Makes (or tightens) a folder only the server's user may enter: 0700. Explicit modes rather than the
 * process umask, which is shared with everything else in the process.
 */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates the file if missing and makes it readable and writable by the server's user only: 0600. */
export function privateFile(path: string): void {
  closeSync(openSync(path, "a", 0o600));
  chmodSync(path, 0o600);
}

/** Brings the schema up to date; safe to call on every start. Returns the names of migrations applied now. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async () => {
      const out: Record<string, Migration> = {};
      for (const [name, module] of Object.entries(migrations)) {
        out[name] = { up: (db) => module.up(db, database.dialect) };
      }
      return out;
    },
  };
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
