import { migrateToLatest, openDatabase, seedReferenceData, type Database } from "@sainam/db";
import type { Config } from "./config.ts";
import { createContext, type AppContext } from "./context.ts";
import { generatePassword } from "./auth/password.ts";
import { ensureFirstAdmin } from "./users/user.service.ts";
import { loadExampleData } from "./examples/examples.service.ts";
import { recoverImports } from "./imports/import.service.ts";

export type BootReport = {
  migrationsApplied: string[];
  referenceLoaded: boolean;
  /** Example clusters were loaded now (first start of a new embedded database). */
  examplesLoaded: boolean;
  /** Import batches a stop cut off: reverted now and marked failed (interrupted). */
  importsInterrupted: number[];
  /** Set when the first admin was created now; `password` only when it was generated. */
  firstAdmin: { email: string; password: string | null } | null;
};

/** Opens the database, migrates it, loads reference data and makes sure an admin exists. Idempotent. */
export async function bootstrap(
  config: Config,
  options: { examples?: "auto" | "never"; now?: () => number } = {},
): Promise<{ ctx: AppContext; report: BootReport }> {
  const database: Database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const migrationsApplied = await migrateToLatest(database);
  const { loaded } = await seedReferenceData(database.db);
  const ctx = createContext(config, database, options.now ? { now: options.now } : {});
  const email = config.adminEmail ?? "admin@sainam.local";
  const generated = config.adminPassword ? null : generatePassword();
  const created = await ensureFirstAdmin(ctx, { email, password: config.adminPassword ?? generated ?? "" });
  // A new embedded database meets its user with the seeds' clusters; PostgreSQL only when asked
  // (`sainam examples load`), since a shared server is usually someone's real registry.
  const freshRegistry = migrationsApplied.includes("0002-registry");
  const examplesLoaded =
    (options.examples ?? "auto") === "auto" && database.dialect === "sqlite" && freshRegistry
      ? (await loadExampleData(ctx, { kind: "system" })).loaded
      : false;
  const { interrupted } = await recoverImports(ctx);
  return {
    ctx,
    report: {
      importsInterrupted: interrupted,
      migrationsApplied,
      referenceLoaded: loaded,
      examplesLoaded,
      firstAdmin: created ? { email, password: generated } : null,
    },
  };
}
