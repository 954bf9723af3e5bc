import type { Database } from "@sainam/db";
import type { Config } from "./config.ts";
import { LoginThrottle } from "./auth/login-throttle.ts";
import { PublicWriteThrottle } from "./products/public-write-throttle.ts";
import { SessionCache } from "./auth/session-cache.ts";
import { ImportJobs } from "./imports/import-jobs.ts";
import { ForegroundRequests } from "./http/foreground.ts";
import { Memo } from "./http/memo.ts";
import type { Geography } from "./dashboards/geography.ts";
import { JobRegistry } from "./jobs/job-runner.ts";
import { smtpMailer, type Mailer } from "./notifications/mailer.ts";
import { registerMailJob } from "./notifications/mail-outbox.ts";
import { registerServiceJobs } from "./service-requests/service-jobs.ts";
import { registerServiceLevelJob } from "./service-levels/service-levels.job.ts";
import { registerDealJobs } from "./deals/deal-jobs.ts";

/** Values this app keeps for a while instead of querying each time: one set per app, never shared. */
export type AppCaches = {
  /** The reference geography figures roll up through (dashboards/geography.ts), kept a minute. */
  geography: Memo<Geography>;
};

/**
 * What every use case may need, built once at start-up and passed down explicitly. Everything a process keeps
 * between requests (sessions, the sign-in throttle, running imports, caches) hangs off it, never off a module, so
 * two apps in one process (tests, a "restart") share nothing.
 */
export type AppContext = {
  config: Config;
  database: Database;
  loginThrottle: LoginThrottle;
  /** Writes anyone may make without signing in (buyers' requests for a quote), per client address. */
  publicWriteThrottle: PublicWriteThrottle;
  sessionCache: SessionCache;
  /** Imports running in this process. */
  imports: ImportJobs;
  /** The API requests being answered: background work gives way to them. */
  foreground: ForegroundRequests;
  caches: AppCaches;
  /** Job handlers and recurring schedules of this app (jobs/job-runner.ts); main.ts runs them. */
  jobs: JobRegistry;
  /** The SMTP mailer when SMTP_URL is set; null: notifications stay in the inbox, no e-mail is queued. */
  mailer: Mailer | null;
  /** The clock sessions and the sign-in throttle go by (milliseconds since the epoch); tests inject one. */
  now: () => number;
  startedAt: number;
  version: string;
};

export function createContext(config: Config, database: Database, options: { now?: () => number } = {}): AppContext {
  const now = options.now ?? Date.now;
  const ctx: AppContext = {
    config,
    database,
    loginThrottle: new LoginThrottle({ now }),
    publicWriteThrottle: new PublicWriteThrottle({ now, limit: config.quoteRequestsPer10Min }),
    sessionCache: new SessionCache({ now }),
    imports: new ImportJobs(),
    foreground: new ForegroundRequests(),
    caches: { geography: new Memo({ ttlMs: 60_000, now }) },
    jobs: new JobRegistry(),
    mailer: config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null,
    now,
    startedAt: now(),
    version: "0.1.0",
  };
  registerMailJob(ctx);
  registerServiceJobs(ctx);
  registerServiceLevelJob(ctx);
  registerDealJobs(ctx);
  return ctx;
}
