import { migrateToLatest, openDatabase, seedReferenceData, type Database } from "@sainam/db";
import type { Config } from "./config.ts";
import { createContext, type AppContext } from "./context.ts";
import { generatePassword } from "./auth/password.ts";
import { ensureFirstAdmin } from "./users/user.service.ts";

export type BootReport = {
  migrationsApplied: string[];
  referenceLoaded: boolean;
  /** Set when the first admin was created now; `password` only when it was generated. */
  firstAdmin: { email: string; password: string | null } | null;
};

/** Opens the database, migrates it, loads reference data and makes sure an admin exists. Idempotent. */
export async function bootstrap(config: Config): Promise<{ ctx: AppContext; report: BootReport }> {
  const database: Database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const migrationsApplied = await migrateToLatest(database);
  const { loaded } = await seedReferenceData(database.db);
  const ctx = createContext(config, database);
  const email = config.adminEmail ?? "admin@sainam.local";
  const generated = config.adminPassword ? null : generatePassword();
  const created = await ensureFirstAdmin(ctx, { email, password: config.adminPassword ?? generated ?? "" });
  return {
    ctx,
    report: { migrationsApplied, referenceLoaded: loaded, firstAdmin: created ? { email, password: generated } : null },
  };
}
