import { resolve } from "node:path";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  SAINAM_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SAINAM_ADMIN_EMAIL: z.email().optional().or(z.literal("").transform(() => undefined)),
  SAINAM_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional().or(z.literal("").transform(() => undefined)),
  SAINAM_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SAINAM_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SAINAM_SECURE_COOKIES: z.enum(["true", "false", "auto"]).default("auto"),
  SAINAM_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SAINAM_LOG_REQUESTS: z.enum(["true", "false"]).default("false"),
  SAINAM_WEB_DIST: z.string().optional(),
  NODE_ENV: z.string().optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  secureCookies: "true" | "false" | "auto";
  logLevel: string;
  logRequests: boolean;
  webDist: string;
}>;

/** Reads and validates the environment once; nothing else in Sainam reads `process.env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.SAINAM_DATA_DIR === ":memory:" ? ":memory:" : resolve(e.SAINAM_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminEmail: e.SAINAM_ADMIN_EMAIL,
    adminPassword: e.SAINAM_ADMIN_PASSWORD,
    sessionIdleMs: e.SAINAM_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SAINAM_SESSION_ABSOLUTE_HOURS * 3_600_000,
    secureCookies: e.SAINAM_SECURE_COOKIES,
    logLevel: e.SAINAM_LOG_LEVEL,
    logRequests: e.SAINAM_LOG_REQUESTS === "true",
    webDist: resolve(e.SAINAM_WEB_DIST ?? new URL("../../web/dist", import.meta.url).pathname),
  });
}
