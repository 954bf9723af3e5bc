import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

// proxy-addr's names for address ranges, accepted in SAINAM_TRUST_PROXY beside addresses and CIDRs.
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies in front of the server may say who the client is (X-Forwarded-For) and whether it came over
 * HTTPS (X-Forwarded-Proto): `false` (none, the default: the socket's address counts), a number of hops, or
 * a comma list of addresses, CIDRs and the names loopback, linklocal, uniquelocal. `true` (trust anyone) is
 * refused: any client could then pick its own address and escape the sign-in throttle.
 */
const trustProxySchema = z
  .string()
  .trim()
  .default("false")
  .transform((value, context): false | number | string[] => {
    if (value === "" || value === "false") return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops >= 1 && hops <= 10) return hops;
      context.addIssue({ code: "custom", message: "a hop count must be between 1 and 10" });
      return z.NEVER;
    }
    if (value === "true") {
      context.addIssue({
        code: "custom",
        message: "true would trust any client's X-Forwarded-For; give the proxies' addresses or a hop count",
      });
      return z.NEVER;
    }
    const entries = value
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    const wrong = entries.filter((entry) => !isAddressOrRange(entry));
    if (entries.length === 0 || wrong.length > 0) {
      context.addIssue({
        code: "custom",
        message: `must be false, a hop count, or addresses/CIDRs of the proxies (not: ${wrong.join(", ")})`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * The address people reach Sainam at (https://sainam.example.go.th, or under a path: https://example.go.th/sainam),
 * for links in e-mail; stored without a trailing slash. Unset: e-mails carry no link rather than a wrong one.
 */
const publicUrlSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, context): string | undefined => {
    if (value === undefined || value === "") return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "must be an http:// or https:// address" });
      return z.NEVER;
    }
    if (
      (url.protocol !== "http:" && url.protocol !== "https:") ||
      url.search !== "" ||
      url.hash !== "" ||
      url.username
    ) {
      context.addIssue({
        code: "custom",
        message: "must be an http:// or https:// address without credentials, query or fragment",
      });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  });

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  SAINAM_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SAINAM_ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SAINAM_ADMIN_PASSWORD: z
    .string()
    .min(12, "must be at least 12 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SAINAM_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SAINAM_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SAINAM_SECURE_COOKIES: z.enum(["true", "false", "auto"]).default("auto"),
  SAINAM_TRUST_PROXY: trustProxySchema,
  SAINAM_QUOTE_REQUESTS_PER_10_MIN: z.coerce.number().int().min(1).default(5),
  SAINAM_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SAINAM_LOG_REQUESTS: z.enum(["true", "false"]).default("false"),
  SAINAM_WEB_DIST: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, "must look like smtp://user:pass@host:587 or smtps://host:465")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3).max(200).default("Sainam <no-reply@localhost>"),
  SAINAM_PUBLIC_URL: publicUrlSchema,
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
  /** Fastify's trustProxy: which proxies' X-Forwarded-For/-Proto are believed (see SAINAM_TRUST_PROXY). */
  trustProxy: false | number | ReadonlyArray<string>;
  /** Requests for a quote one client address may send in ten minutes without signing in. */
  quoteRequestsPer10Min: number;
  logLevel: string;
  logRequests: boolean;
  webDist: string;
  /** Where e-mail goes out (smtp:// or smtps://, credentials in the URL); unset: no e-mail, the inbox only. */
  smtpUrl: string | undefined;
  /** The From of every e-mail, e.g. `Sainam <no-reply@example.go.th>`. */
  mailFrom: string;
  /** Where people reach the web app, without a trailing slash, for links in e-mail; unset: no links. */
  publicUrl: string | undefined;
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
    trustProxy: e.SAINAM_TRUST_PROXY,
    quoteRequestsPer10Min: e.SAINAM_QUOTE_REQUESTS_PER_10_MIN,
    logLevel: e.SAINAM_LOG_LEVEL,
    logRequests: e.SAINAM_LOG_REQUESTS === "true",
    webDist: resolve(e.SAINAM_WEB_DIST ?? new URL("../../web/dist", import.meta.url).pathname),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.SAINAM_PUBLIC_URL,
  });
}
