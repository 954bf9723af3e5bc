import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit, type Actor } from "@sainam/core";
import { buildApp } from "./app.ts";
import { createContext, type AppContext } from "./context.ts";
import { loadGeography } from "./dashboards/geography.ts";
import { AppError } from "./errors.ts";
import { importStatus, runImport, uploadImport } from "./imports/import.service.ts";
import { ADMIN, createTestApp, type TestApp } from "./test-support/test-app.ts";

// Two apps in one process on one database (as in tests, or a second server): what each keeps between requests
// (running imports, the sign-in throttle, caches) hangs off its own context, so neither sees the other's.
const system: Actor = { kind: "system" };
const id = (first12: string) => `${first12}${juristicIdCheckDigit(first12)}`;

let first: TestApp;
let second: { app: FastifyInstance; ctx: AppContext };

beforeAll(async () => {
  first = await createTestApp();
  first.ctx.imports.log = () => {};
  const ctx = createContext(first.ctx.config, first.ctx.database);
  ctx.imports.log = () => {};
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  second = { app, ctx };
});

afterAll(async () => {
  await second.app.close();
  await first.close();
});

describe("#AppContext", () => {
  it("keeps a running import batch in the app that runs it: the other app runs none and may not start it", async () => {
    const lines = ["เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล"];
    for (let i = 0; i < 300; i++) lines.push(`${id(`0105690${String(i).padStart(5, "0")}`)},บจ. สองแอป ${i}`);
    const upload = await uploadImport(first.ctx, system, {
      kind: "enterprises",
      fileName: "two-apps.csv",
      body: Readable.from([Buffer.from(lines.join("\n"))]),
    });
    let sliceWritten!: () => void;
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (sliceWritten = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    await runImport(
      first.ctx,
      system,
      upload.batchId,
      { mapping: upload.suggestedMapping },
      {
        afterSlice: async (slice) => {
          if (slice !== 1) return;
          sliceWritten();
          await released;
        },
      },
    );
    await paused;

    expect(first.ctx.imports.running.has(upload.batchId)).toBe(true);
    expect(second.ctx.imports.running.size).toBe(0);
    // The batch is claimed in the database: the other app is refused, not handed the same run.
    const refused = await runImport(second.ctx, system, upload.batchId, { mapping: upload.suggestedMapping }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "conflict", details: [{ code: "import_state" }] });
    expect(second.ctx.imports.running.size).toBe(0);

    release();
    for (let i = 0; i < 400 && first.ctx.imports.running.has(upload.batchId); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(await importStatus(second.ctx, system, upload.batchId)).toMatchObject({
      status: "done",
      report: { counts: { imported: 300 } },
    });
  });

  it("throttles sign-ins per app: the other app still answers a wrong password with 401", async () => {
    const attempt = (app: FastifyInstance) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: ADMIN.email, password: "wrong-password-1" },
      });
    let status = 0;
    for (let i = 0; i < 30 && status !== 429; i++) status = (await attempt(first.app)).statusCode;
    expect(status).toBe(429);
    expect((await attempt(second.app)).statusCode).toBe(401);
  });

  it("caches the reference geography per app", async () => {
    const { db } = first.ctx.database;
    const province = await db
      .selectFrom("provinces")
      .select(["code", "name_en"])
      .orderBy("code")
      .executeTakeFirstOrThrow();
    expect((await loadGeography(first.ctx)).provinceByCode.get(province.code)?.name_en).toBe(province.name_en);
    await db
      .updateTable("provinces")
      .set({ name_en: "Renamed for the test" })
      .where("code", "=", province.code)
      .execute();
    try {
      // The first app answers from its cache; the second, which never loaded it, reads the database.
      expect((await loadGeography(first.ctx)).provinceByCode.get(province.code)?.name_en).toBe(province.name_en);
      expect((await loadGeography(second.ctx)).provinceByCode.get(province.code)?.name_en).toBe("Renamed for the test");
    } finally {
      await db.updateTable("provinces").set({ name_en: province.name_en }).where("code", "=", province.code).execute();
    }
  });
});
