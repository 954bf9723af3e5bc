import { randomBytes } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { loadConfig } from "../config.ts";
import { bootstrap } from "../bootstrap.ts";
import { buildApp } from "../app.ts";
import type { AppContext } from "../context.ts";
import { createUser } from "../users/user.service.ts";
import type { CreateUserBody } from "@sainam/contract";

export const ADMIN = { email: "admin@example.org", password: "admin-password-123" };

/**
 * A fresh database for one test file: in-memory SQLite, or — when DATABASE_URL is set — a new PostgreSQL
 * database created for the test and dropped afterwards, so the same tests prove both engines.
 */
export async function freshDatabaseUrl(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `sainam_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function firstAgencyId(ctx: AppContext): Promise<number> {
  const row = await ctx.database.db.selectFrom("agencies").select("id").orderBy("id").executeTakeFirstOrThrow();
  return row.id;
}

/** A service provider of the agency for test experts: one it has, else one made for the tests. */
async function testProviderOf(ctx: AppContext, agencyId: number): Promise<number> {
  const { db } = ctx.database;
  const found = await db
    .selectFrom("service_providers")
    .select("id")
    .where("agency_id", "=", agencyId)
    .orderBy("id")
    .executeTakeFirst();
  if (found) return found.id;
  const now = new Date().toISOString();
  const made = await db
    .insertInto("service_providers")
    .values({
      code: `TEST-EXPERTS-${agencyId}`,
      name_th: "หน่วยบริการทดสอบ",
      name_en: "Test provider",
      kind: "other",
      agency_id: agencyId,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return made.id;
}

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  /** Signs in and returns a client that sends the session cookie and CSRF header. */
  signIn(email: string, password: string): Promise<Client>;
  anonymous: Client;
  addUser(
    input: Omit<CreateUserBody, "password"> & { password?: string },
  ): Promise<{ id: number; email: string; password: string }>;
  close(): Promise<void>;
};

export type Client = {
  request(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  cookie: string | null;
  csrfToken: string | null;
};

function makeClient(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Client {
  return {
    cookie,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(cookie ? { cookie } : {}),
          ...(csrfToken && method !== "GET" ? { "x-csrf-token": csrfToken } : {}),
          ...headers,
        },
      }),
  };
}

export async function createTestApp(
  env: Record<string, string> = {},
  options: { examples?: "auto" | "never"; now?: () => number } = { examples: "never" },
): Promise<TestApp> {
  const database = await freshDatabaseUrl();
  const config = loadConfig({
    SAINAM_DATA_DIR: ":memory:",
    SAINAM_ADMIN_EMAIL: ADMIN.email,
    SAINAM_ADMIN_PASSWORD: ADMIN.password,
    SAINAM_LOG_LEVEL: "silent",
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const { ctx } = await bootstrap(config, options);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const systemAdmin = { kind: "system" } as const;
  return {
    app,
    ctx,
    anonymous: makeClient(app, null, null),
    async signIn(email, password) {
      const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
      if (response.statusCode !== 200)
        throw new Error(`sign-in failed for test user: ${response.statusCode} ${response.body}`);
      const session = response.cookies.find((c) => c.name === "sainam_session");
      const body: { csrfToken: string } = response.json();
      return makeClient(app, session ? `sainam_session=${session.value}` : null, body.csrfToken);
    },
    async addUser(input) {
      const password = input.password ?? `pw-${randomBytes(8).toString("hex")}`;
      // An expert needs a record at a provider, with a field; tests that do not care get a provider of the first
      // agency (or the one given) and "marketing".
      const expertDefaults =
        input.role === "expert" && input.expertId === undefined
          ? {
              agencyId: input.agencyId ?? (await firstAgencyId(ctx)),
              providerId: input.providerId ?? (await testProviderOf(ctx, input.agencyId ?? (await firstAgencyId(ctx)))),
              expertFields: input.expertFields ?? ["marketing" as const],
            }
          : {};
      const user = await createUser(ctx, systemAdmin, { ...input, ...expertDefaults, password });
      return { id: user.id, email: user.email, password };
    },
    async close() {
      await app.close();
      await ctx.database.close();
      await database.drop();
    },
  };
}
