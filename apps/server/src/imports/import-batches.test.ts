import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit, type Actor } from "@sainam/core";
import { loadConfig } from "../config.ts";
import { bootstrap } from "../bootstrap.ts";
import { buildApp } from "../app.ts";
import type { AppContext } from "../context.ts";
import { search } from "@sainam/db";
import { createUser } from "../users/user.service.ts";
import { ADMIN, freshDatabaseUrl } from "../test-support/test-app.ts";
import { importStatus, runImport, sweepImports } from "./import.service.ts";
import { QUIET_MS } from "./import-run.ts";

// Import batches across restarts: a SQLite file in a temporary folder (or one PostgreSQL database) opened by
// one server after another, as a restart does.
const id = (first12: string) => `${first12}${juristicIdCheckDigit(first12)}`;
async function adminActor(s: Server): Promise<Actor> {
  const user = await s.ctx.database.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", ADMIN.email)
    .executeTakeFirstOrThrow();
  return { kind: "user", id: user.id, role: "admin", agencyId: null, clusterIds: [], enterpriseId: null };
}

type Server = { app: FastifyInstance; ctx: AppContext; close(): Promise<void> };
type Session = { cookie: string; csrf: string };

let dataDir: string;
let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
let servers: Server[] = [];

async function start(): Promise<Server> {
  const config = loadConfig({
    SAINAM_DATA_DIR: dataDir,
    SAINAM_ADMIN_EMAIL: ADMIN.email,
    SAINAM_ADMIN_PASSWORD: ADMIN.password,
    SAINAM_LOG_LEVEL: "silent",
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  });
  const { ctx } = await bootstrap(config, { examples: "never" });
  ctx.imports.log = () => {};
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const server = {
    app,
    ctx,
    close: async () => {
      await app.close();
      await ctx.database.close();
    },
  };
  servers.push(server);
  return server;
}

/** A restart: the running server is dropped mid-flight (its imports simply stop) and a new one opens the same database. */
async function restart(old: Server): Promise<Server> {
  await old.close();
  servers = servers.filter((s) => s !== old);
  return start();
}

async function signIn(s: Server, email: string, password: string): Promise<Session> {
  const response = await s.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  expect(response.statusCode, response.body).toBe(200);
  const session = response.cookies.find((c) => c.name === "sainam_session");
  return { cookie: `sainam_session=${session?.value ?? ""}`, csrf: response.json<{ csrfToken: string }>().csrfToken };
}

function call(s: Server, who: Session, method: "GET" | "POST" | "PATCH", url: string, body?: unknown) {
  return s.app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    headers: {
      cookie: who.cookie,
      "x-csrf-token": who.csrf,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
  });
}

async function upload(s: Server, who: Session, fileName: string, text: string) {
  const response = await s.app.inject({
    method: "POST",
    url: `/api/imports?kind=enterprises&fileName=${encodeURIComponent(fileName)}`,
    payload: Buffer.from(text),
    headers: { "content-type": "application/octet-stream", cookie: who.cookie, "x-csrf-token": who.csrf },
  });
  return response;
}

async function uploaded(
  s: Server,
  who: Session,
  fileName: string,
  text: string,
): Promise<{ batchId: number; suggestedMapping: Record<string, string> }> {
  const response = await upload(s, who, fileName, text);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function uploadPath(s: Server, batchId: number): Promise<string | null> {
  return (
    await s.ctx.database.db
      .selectFrom("import_batches")
      .select("upload_path")
      .where("id", "=", batchId)
      .executeTakeFirstOrThrow()
  ).upload_path;
}

async function waitFor(s: Server, who: Session, batchId: number) {
  for (let i = 0; i < 400; i++) {
    const status = (await call(s, who, "GET", `/api/imports/${batchId}`)).json();
    if (status.status === "done" || status.status === "failed") return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("import did not finish");
}

/** A file of `n` firms named "<word> <i>": 250 rows make one written slice. */
function firms(prefix: string, n: number, word: string, extra: string[] = []): string {
  const lines = ["เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล", ...extra];
  for (let i = 0; i < n; i++)
    lines.push(`${id(`${prefix}${String(i).padStart(12 - prefix.length, "0")}`)},บจ. ${word} ${i}`);
  return lines.join("\n");
}

async function searchIds(s: Server, who: Session, q: string): Promise<number[]> {
  const response = await call(s, who, "GET", `/api/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json<{ items: Array<{ id: number; type: string }> }>()
    .items.filter((i) => i.type === "enterprise")
    .map((i) => i.id);
}

async function firmsNamed(s: Server, word: string) {
  return s.ctx.database.db
    .selectFrom("enterprises")
    .select(["id", "name_th"])
    .where("name_th", "like", `บจ. ${word}%`)
    .execute();
}

/** Whether the file is gone: it is deleted just after its batch is marked finished, so a poll may see "done" a moment before. */
async function deleted(path: string | null): Promise<boolean> {
  for (let i = 0; i < 100 && path && existsSync(path); i++) await new Promise((r) => setTimeout(r, 20));
  return path !== null && !existsSync(path);
}

function uploadDirOf(s: Server): string {
  return join(s.ctx.config.dataDir, "imports");
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sainam-batches-"));
  database = await freshDatabaseUrl();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("#imports: batches survive restarts", () => {
  it("answers a finished batch's status and report after a restart, and deletes its upload", async () => {
    let s = await start();
    const me = await signIn(s, ADMIN.email, ADMIN.password);
    const batch = await uploaded(s, me, "restart.csv", firms("0105671", 300, "ก่อนเริ่มใหม่"));
    const path = await uploadPath(s, batch.batchId);
    expect(path && existsSync(path)).toBe(true);
    expect(
      (await call(s, me, "POST", `/api/imports/${batch.batchId}/run`, { mapping: batch.suggestedMapping })).statusCode,
    ).toBe(202);
    const done = await waitFor(s, me, batch.batchId);
    expect(done).toMatchObject({ status: "done", report: { counts: { imported: 300 } } });
    expect(await deleted(path)).toBe(true);
    expect(await uploadPath(s, batch.batchId)).toBeNull();
    expect(
      await s.ctx.database.db.selectFrom("import_journal").select("id").where("batch_id", "=", batch.batchId).execute(),
    ).toEqual([]);

    s = await restart(s);
    const again = await signIn(s, ADMIN.email, ADMIN.password);
    const status = (await call(s, again, "GET", `/api/imports/${batch.batchId}`)).json();
    expect(status).toMatchObject({
      status: "done",
      fileName: "restart.csv",
      error: null,
      report: { counts: { imported: 300, skipped: 0 } },
    });
    expect(status.report.rows).toHaveLength(300);
    expect(JSON.stringify(status)).not.toContain(uploadDirOf(s));
  });

  it("reverts a batch cut off by a stop, marks it interrupted, keeps its file and runs it again to the end", async () => {
    let s = await start();
    const me = await signIn(s, ADMIN.email, ADMIN.password);
    const batch = await uploaded(s, me, "cut.csv", firms("0105672", 1000, "ถูกตัดกลางทาง"));
    // The server "dies" after two slices: the run never continues (a stop between two short transactions).
    let written!: () => void;
    const twoSlices = new Promise<void>((resolve) => (written = resolve));
    const sliceRows: number[] = [];
    const actor = await adminActor(s);
    // Nobody uses the app from here on: the slices grow.
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    void runImport(
      s.ctx,
      actor,
      batch.batchId,
      { mapping: batch.suggestedMapping },
      {
        afterSlice: async (slice, rows) => {
          sliceRows.push(rows);
          if (slice === 2) {
            written();
            await new Promise(() => {});
          }
        },
      },
    );
    await twoSlices;
    // Nobody is using the app: the second slice is twice the first.
    expect(sliceRows).toEqual([250, 500]);
    expect(await firmsNamed(s, "ถูกตัดกลางทาง")).toHaveLength(750);
    // Indexed in the slice that writes them: the revert must take their index rows out with them.
    const writtenFirst = (
      await s.ctx.database.db.selectFrom("enterprises").select("id").where("juristic_id", "like", "0105672%").execute()
    ).map((r) => r.id);
    expect((await search.searchTextsOf(s.ctx.database.db, "enterprise", writtenFirst)).size).toBe(750);

    s = await restart(s);
    const again = await signIn(s, ADMIN.email, ADMIN.password);
    const status = (await call(s, again, "GET", `/api/imports/${batch.batchId}`)).json();
    expect(status).toMatchObject({ status: "failed", errorCode: "interrupted", canRunAgain: true });
    expect(await firmsNamed(s, "ถูกตัดกลางทาง")).toEqual([]);
    expect(await searchIds(s, again, "ถูกตัดกลางทาง")).toEqual([]);
    // No index row is left for a firm that is gone.
    expect((await search.searchTextsOf(s.ctx.database.db, "enterprise", writtenFirst)).size).toBe(0);
    expect(await search.countIndexed(s.ctx.database.db, "enterprise")).toBe(
      Number(
        (
          await s.ctx.database.db
            .selectFrom("enterprises")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    const path = await uploadPath(s, batch.batchId);
    expect(path && existsSync(path)).toBe(true);

    expect(
      (await call(s, again, "POST", `/api/imports/${batch.batchId}/run`, { mapping: batch.suggestedMapping }))
        .statusCode,
    ).toBe(202);
    const rerun = await waitFor(s, again, batch.batchId);
    expect(rerun).toMatchObject({
      status: "done",
      errorCode: null,
      error: null,
      report: { counts: { imported: 1000 } },
    });
    expect(await firmsNamed(s, "ถูกตัดกลางทาง")).toHaveLength(1000);
    // The firm named so comes first (others may have 999 in their juristic ID).
    const named999 = (await firmsNamed(s, "ถูกตัดกลางทาง 999")).map((f) => f.id);
    expect(named999).toHaveLength(1);
    expect((await searchIds(s, again, "ถูกตัดกลางทาง 999"))[0]).toBe(named999[0]);
    expect(await deleted(path)).toBe(true);
    expect(
      (await call(s, again, "POST", `/api/imports/${batch.batchId}/run`, { mapping: batch.suggestedMapping }))
        .statusCode,
    ).toBe(409);
  });

  it("writes longer slices while nobody uses the app, and short ones again from the first request", async () => {
    const s = servers[0] ?? (await start());
    const me = await signIn(s, ADMIN.email, ADMIN.password);
    const batch = await uploaded(s, me, "slices.csv", firms("0105679", 6000, "ชิ้นยาวสั้น"));
    const sliceRows: number[] = [];
    const actor = await adminActor(s);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    await runImport(
      s.ctx,
      actor,
      batch.batchId,
      { mapping: batch.suggestedMapping, wait: true },
      {
        afterSlice: async (slice, rows) => {
          sliceRows.push(rows);
          if (slice !== 4) return;
          // Someone's request arrives while the fourth slice is written, and is answered a moment later.
          s.ctx.foreground.begin();
          setTimeout(() => s.ctx.foreground.end(), 20);
        },
      },
    );
    // The reader hands over 2,000 rows at a time, so a slice ends with its chunk; after the request, short slices.
    expect(sliceRows.slice(0, 6)).toEqual([250, 500, 1000, 250, 250, 250]);
    expect(sliceRows.reduce((sum, rows) => sum + rows, 0)).toBe(6000);
    expect(await importStatus(s.ctx, actor, batch.batchId)).toMatchObject({
      status: "done",
      report: { counts: { imported: 6000 } },
    });
  });

  it("takes back every slice of a batch that fails part-way, search entries included, but keeps a firm someone edited meanwhile", async () => {
    const s = servers[0] ?? (await start());
    const me = await signIn(s, ADMIN.email, ADMIN.password);
    // A firm the registry already holds, which the failing file renames: the revert puts its name back.
    const first = await uploaded(s, me, "existing.csv", firms("0105673", 1, "เดิมมีอยู่แล้ว"));
    expect(
      (await call(s, me, "POST", `/api/imports/${first.batchId}/run`, { mapping: first.suggestedMapping })).statusCode,
    ).toBe(202);
    await waitFor(s, me, first.batchId);
    const [existing] = await firmsNamed(s, "เดิมมีอยู่แล้ว");
    const renamed = `${id("010567300000")},บจ. เปลี่ยนชื่อโดยไฟล์`;

    const batch = await uploaded(s, me, "fails.csv", firms("0105674", 1000, "ล้มกลางทาง", [renamed]));
    const path = await uploadPath(s, batch.batchId);
    await expect(
      runImport(
        s.ctx,
        await adminActor(s),
        batch.batchId,
        { mapping: batch.suggestedMapping, wait: true },
        {
          afterSlice: async (slice) => {
            if (slice === 2) {
              // Someone edits a firm the import wrote in its first slice, between two slices.
              const [edited] = await firmsNamed(s, "ล้มกลางทาง 10");
              const patched = await call(s, me, "PATCH", `/api/enterprises/${edited?.id ?? 0}`, {
                nameTh: "บจ. แก้ไขระหว่างนำเข้า",
              });
              expect(patched.statusCode, patched.body).toBe(200);
            }
            if (slice === 3)
              throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path ?? ""}'`), {
                code: "ENOENT",
              });
          },
        },
      ),
    ).resolves.toMatchObject({ status: "failed" });
    const status = (await call(s, me, "GET", `/api/imports/${batch.batchId}`)).json();
    expect(status).toMatchObject({ status: "failed", errorCode: "import_failed", canRunAgain: false });
    expect(status.report.keptAfterRevert).toEqual([
      expect.objectContaining({ entity: "enterprise", reason: "edited" }),
    ]);
    // No path and no exception text reaches the user.
    const answered = JSON.stringify(status);
    expect(answered).not.toContain("ENOENT");
    expect(answered).not.toContain(uploadDirOf(s));
    expect(status.error).not.toContain("/");

    expect(await firmsNamed(s, "ล้มกลางทาง")).toEqual([]);
    expect(await searchIds(s, me, "ล้มกลางทาง")).toEqual([]);
    const kept = await firmsNamed(s, "แก้ไขระหว่างนำเข้า");
    expect(kept).toHaveLength(1);
    expect(await searchIds(s, me, "แก้ไขระหว่างนำเข้า")).toEqual([kept[0]?.id]);
    expect(await firmsNamed(s, "เปลี่ยนชื่อโดยไฟล์")).toEqual([]);
    expect(await firmsNamed(s, "เดิมมีอยู่แล้ว")).toEqual([existing]);
    expect(await searchIds(s, me, "เดิมมีอยู่แล้ว")).toEqual([existing?.id]);
    expect(await searchIds(s, me, "เปลี่ยนชื่อโดยไฟล์")).toEqual([]);
    expect(await deleted(path)).toBe(true);
    expect(
      await s.ctx.database.db.selectFrom("import_journal").select("id").where("batch_id", "=", batch.batchId).execute(),
    ).toEqual([]);
  });

  it("updates known firms keeping what empty cells leave out, replaces their products and contacts, and a failing batch puts every one back", async () => {
    const s = servers[0] ?? (await start());
    const me = await signIn(s, ADMIN.email, ADMIN.password);
    const header = "เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล,ทุนจดทะเบียน,ผลิตภัณฑ์,ชื่อผู้ติดต่อ,อีเมล";
    const a = id("010567500001");
    const b = id("010567500002");
    const first = await uploaded(
      s,
      me,
      "with-contacts.csv",
      [
        header,
        `${a},บจ. ก่อนแก้ ก,1000000,กาแฟ,คุณเอ,a@example.org`,
        `${b},บจ. ก่อนแก้ ข,2000000,ข้าว,คุณบี,b@example.org`,
      ].join("\n"),
    );
    expect(
      (await call(s, me, "POST", `/api/imports/${first.batchId}/run`, { mapping: first.suggestedMapping })).statusCode,
    ).toBe(202);
    expect((await waitFor(s, me, first.batchId)).report.counts).toMatchObject({ imported: 2 });
    const { db } = s.ctx.database;
    const state = async () => {
      const firms = await db
        .selectFrom("enterprises")
        .select(["id", "juristic_id", "name_th", "capital", "updated_at"])
        .where("juristic_id", "in", [a, b])
        .orderBy("juristic_id")
        .execute();
      const ids = firms.map((f) => f.id);
      return {
        firms,
        products: await db
          .selectFrom("enterprise_products")
          .select(["enterprise_id", "name"])
          .where("enterprise_id", "in", ids)
          .where("direction", "=", "output")
          .orderBy("enterprise_id")
          .orderBy("name")
          .execute(),
        contacts: await db
          .selectFrom("enterprise_contacts")
          .select(["enterprise_id", "name", "email"])
          .where("enterprise_id", "in", ids)
          .orderBy("enterprise_id")
          .execute(),
      };
    };
    const before = await state();

    // Firm ก: a new name, capital left empty (kept), new products and contact; firm ข: only its name.
    const batch = await uploaded(
      s,
      me,
      "updates.csv",
      [
        header,
        `${a},บจ. หลังแก้ ก,,ชา;น้ำผึ้ง,คุณซี,c@example.org`,
        `${b},บจ. หลังแก้ ข,,,,`,
        ...firms("0105676", 300, "เติมให้ครบ").split("\n").slice(1),
      ].join("\n"),
    );
    let during: Awaited<ReturnType<typeof state>> | null = null;
    await expect(
      runImport(
        s.ctx,
        await adminActor(s),
        batch.batchId,
        { mapping: batch.suggestedMapping, wait: true },
        {
          afterSlice: async (slice) => {
            if (slice !== 1) return;
            during = await state();
            throw new Error("stop after the first slice");
          },
        },
      ),
    ).resolves.toMatchObject({ status: "failed" });
    const [ka, kb] = before.firms;
    expect(during).toMatchObject({
      firms: [
        { id: ka?.id, name_th: "บจ. หลังแก้ ก", capital: 1_000_000 },
        { id: kb?.id, name_th: "บจ. หลังแก้ ข", capital: 2_000_000 },
      ],
      products: expect.arrayContaining([
        { enterprise_id: ka?.id, name: "ชา" },
        { enterprise_id: ka?.id, name: "น้ำผึ้ง" },
        { enterprise_id: kb?.id, name: "ข้าว" },
      ]),
      contacts: [
        { enterprise_id: ka?.id, name: "คุณซี", email: "c@example.org" },
        { enterprise_id: kb?.id, name: "คุณบี", email: "b@example.org" },
      ],
    });
    expect((during as Awaited<ReturnType<typeof state>> | null)?.products).toHaveLength(3);
    expect(await state()).toEqual(before);
  });
  it("answers a file that cannot be read without naming the server's copy, and keeps no file for it", async () => {
    const s = servers[0] ?? (await start());
    const me = await signIn(s, ADMIN.email, ADMIN.password);
    const before = existsSync(uploadDirOf(s)) ? readdirSync(uploadDirOf(s)).length : 0;
    const response = await upload(s, me, "empty.csv", "\n\n");
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain(uploadDirOf(s));
    expect(response.body).not.toContain(".csv");
    expect(readdirSync(uploadDirOf(s))).toHaveLength(before);

    const batch = await uploaded(s, me, "vanishes.csv", firms("0105675", 2, "ไฟล์หาย"));
    const path = await uploadPath(s, batch.batchId);
    if (path) rmSync(path);
    const run = await call(s, me, "POST", `/api/imports/${batch.batchId}/run`, { mapping: batch.suggestedMapping });
    expect(run.statusCode).toBe(409);
    expect(run.json().error.details[0].code).toBe("upload_gone");
    expect(run.body).not.toContain(uploadDirOf(s));
    expect(run.body).not.toContain("ENOENT");
  });

  it("deletes uploads left unused for a day and marks their batches abandoned", async () => {
    const s = servers[0] ?? (await start());
    const me = await signIn(s, ADMIN.email, ADMIN.password);
    const batch = await uploaded(s, me, "forgotten.csv", firms("0105676", 2, "ลืมไว้"));
    const path = await uploadPath(s, batch.batchId);
    expect(await sweepImports(s.ctx)).toBe(0);
    expect(path && existsSync(path)).toBe(true);
    // (The upload whose file vanished in the test before is swept too.)
    expect(await sweepImports(s.ctx, Date.now() + 25 * 3_600_000)).toBeGreaterThanOrEqual(1);
    expect(await deleted(path)).toBe(true);
    expect((await call(s, me, "GET", `/api/imports/${batch.batchId}`)).json()).toMatchObject({
      status: "failed",
      errorCode: "abandoned",
      canRunAgain: false,
    });
    expect(
      (await call(s, me, "POST", `/api/imports/${batch.batchId}/run`, { mapping: batch.suggestedMapping })).statusCode,
    ).toBe(409);
  });
});

describe("#imports: a batch belongs to its uploader", () => {
  it("answers 404 to anyone else, admins included, until an admin takes it over (audited)", async () => {
    const s = servers[0] ?? (await start());
    const agency = await s.ctx.database.db.selectFrom("agencies").select("id").executeTakeFirstOrThrow();
    const system = { kind: "system" } as const;
    await createUser(s.ctx, system, {
      email: "officer@example.org",
      displayName: "Officer",
      role: "agency_officer",
      agencyId: agency.id,
      password: "officer-password-1",
    });
    await createUser(s.ctx, system, {
      email: "admin2@example.org",
      displayName: "Admin two",
      role: "admin",
      password: "admin2-password-1",
    });
    const officer = await signIn(s, "officer@example.org", "officer-password-1");
    const admin1 = await signIn(s, ADMIN.email, ADMIN.password);
    const admin2 = await signIn(s, "admin2@example.org", "admin2-password-1");
    const batch = await uploaded(s, officer, "officers.csv", firms("0105677", 2, "ของเจ้าหน้าที่"));

    expect((await call(s, officer, "GET", `/api/imports/${batch.batchId}`)).statusCode).toBe(200);
    expect((await call(s, admin1, "GET", `/api/imports/${batch.batchId}`)).statusCode).toBe(404);
    expect(
      (await call(s, admin1, "POST", `/api/imports/${batch.batchId}/run`, { mapping: batch.suggestedMapping }))
        .statusCode,
    ).toBe(404);
    expect((await call(s, officer, "POST", `/api/imports/${batch.batchId}/takeover`)).statusCode).toBe(403);
    expect((await call(s, admin1, "POST", `/api/imports/999999/takeover`)).statusCode).toBe(404);

    const taken = await call(s, admin1, "POST", `/api/imports/${batch.batchId}/takeover`);
    expect(taken.statusCode, taken.body).toBe(200);
    const audit = await s.ctx.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "import.take_over")
      .where("entity_id", "=", String(batch.batchId))
      .execute();
    expect(audit).toHaveLength(1);
    const takenBy = await adminActor(s);
    expect(JSON.parse(audit[0]?.after_json ?? "{}")).toEqual({
      ownerUserId: takenBy.kind === "user" ? takenBy.id : -1,
    });
    expect((await call(s, officer, "GET", `/api/imports/${batch.batchId}`)).statusCode).toBe(404);
    expect((await call(s, admin2, "GET", `/api/imports/${batch.batchId}`)).statusCode).toBe(404);
    expect(
      (await call(s, admin1, "POST", `/api/imports/${batch.batchId}/run`, { mapping: batch.suggestedMapping }))
        .statusCode,
    ).toBe(202);
    expect(await waitFor(s, admin1, batch.batchId)).toMatchObject({
      status: "done",
      report: { counts: { imported: 2 } },
    });
  });
});
