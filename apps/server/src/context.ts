import type { Database } from "@sainam/db";
import type { Config } from "./config.ts";
import { LoginThrottle } from "./auth/login-throttle.ts";
import { SessionCache } from "./auth/session-cache.ts";
import { ImportJobs } from "./imports/import-jobs.ts";

/** What every use case may need, built once at start-up and passed down explicitly. */
export type AppContext = {
  config: Config;
  database: Database;
  loginThrottle: LoginThrottle;
  sessionCache: SessionCache;
  /** Imports running in this process. */
  imports: ImportJobs;
  startedAt: number;
  version: string;
};

export function createContext(config: Config, database: Database): AppContext {
  return { config, database, loginThrottle: new LoginThrottle(), sessionCache: new SessionCache(), imports: new ImportJobs(), startedAt: Date.now(), version: "0.1.0" };
}
