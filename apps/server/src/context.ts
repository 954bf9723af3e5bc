import type { Database } from "@sainam/db";
import type { Config } from "./config.ts";
import { LoginThrottle } from "./auth/login-throttle.ts";
import { SessionCache } from "./auth/session-cache.ts";

/** What every use case may need, built once at start-up and passed down explicitly. */
export type AppContext = {
  config: Config;
  database: Database;
  loginThrottle: LoginThrottle;
  sessionCache: SessionCache;
  startedAt: number;
  version: string;
};

export function createContext(config: Config, database: Database): AppContext {
  return { config, database, loginThrottle: new LoginThrottle(), sessionCache: new SessionCache(), startedAt: Date.now(), version: "0.1.0" };
}
