import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "./config.ts";
import { bootstrap } from "./bootstrap.ts";
import { buildApp } from "./app.ts";
import type { AppContext } from "./context.ts";
import { ADMIN } from "./test-support/test-app.ts";
import { xlsxBomb } from "../../../packages/importer/src/test-support/xlsx-bomb.ts";

// The files of an embedded database on disk: always SQLite in a temporary folder, whatever DATABASE_URL says
// (PostgreSQL keeps its own files).
let dir: string;
let ctx: AppContext;
let app: FastifyInstance;

const mode = (path: string) => statSync(path).mode & 0o777;

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), "sainam-files-")), "data");
  ({ ctx } = await bootstrap(
    loadConfig({
      SAINAM_DATA_DIR: dir,
      SAINAM_ADMIN_EMAIL: ADMIN.email,
      SAINAM_ADMIN_PASSWORD: ADMIN.password,
      SAINAM_LOG_LEVEL: "silent",
    }),
    { examples: "never" },
  ));
  app = await buildApp(ctx, { logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await ctx.database.close();
  rmSync(join(dir, ".."), { recursive: true, force: true });
});

describe("#data files", () => {
  it("keeps the data folder 0700 and the database with its -wal and -shm 0600 after a start", () => {
    expect(mode(dir)).toBe(0o700);
    const names = readdirSync(dir);
    expect(names).toEqual(expect.arrayContaining(["sainam.sqlite", "sainam.sqlite-wal", "sainam.sqlite-shm"]));
    for (const name of ["sainam.sqlite", "sainam.sqlite-wal", "sainam.sqlite-shm"])
      expect(mode(join(dir, name)), name).toBe(0o600);
  });

  it("stores an uploaded import file 0600 in a 0700 folder", async () => {
    const response = await upload(
      "firms.csv",
      Buffer.from("เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล\n0105561000001,บริษัท ทดสอบ จำกัด\n"),
    );
    expect(response.statusCode, response.body).toBe(201);
    const uploads = join(dir, "imports");
    expect(mode(uploads)).toBe(0o700);
    const files = readdirSync(uploads);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(mode(join(uploads, file)), file).toBe(0o600);
  });

  it("answers an XLSX that inflates past the limit with 400 too_large_uncompressed, naming no path", async () => {
    const response = await upload("bomb.xlsx", xlsxBomb(300));
    expect(response.statusCode).toBe(400);
    const detail = response.json().error.details[0];
    expect(detail).toMatchObject({ path: "file", code: "too_large_uncompressed" });
    expect(response.body).not.toContain(dir);
    expect(response.body).not.toContain("/imports/");
  });

  it("turns secure_delete on, so a deleted value no longer appears in the file's bytes", () => {
    const sqlite = ctx.database.sqlite;
    if (!sqlite) throw new Error("expected the embedded database");
    expect(sqlite.raw.prepare("PRAGMA secure_delete").get()).toEqual({ secure_delete: 1 });
    const secret = "erased-person-0x5A1NAM-ลบแล้ว";
    expect(linger(sqlite.raw, join(dir, "sainam.sqlite"), secret)).toBe(false);
  });

  it("(control) finds the same deleted value in the file when secure_delete is off", () => {
    const controlPath = join(dir, "..", "control.sqlite");
    const control = new DatabaseSync(controlPath);
    control.exec("PRAGMA journal_mode = WAL");
    control.exec("PRAGMA secure_delete = OFF");
    try {
      expect(linger(control, controlPath, "erased-person-0x5A1NAM-ลบแล้ว")).toBe(true);
    } finally {
      control.close();
    }
  });
});

async function upload(fileName: string, bytes: Buffer) {
  const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: ADMIN });
  const cookie = `sainam_session=${login.cookies.find((c) => c.name === "sainam_session")?.value ?? ""}`;
  return app.inject({
    method: "POST",
    url: `/api/imports?kind=enterprises&fileName=${encodeURIComponent(fileName)}`,
    payload: bytes,
    headers: { "content-type": "application/octet-stream", cookie, "x-csrf-token": login.json().csrfToken },
  });
}

/** Writes a value among others, deletes it, checkpoints the WAL into the file and says whether its bytes remain. */
function linger(db: DatabaseSync, path: string, secret: string): boolean {
  db.exec("CREATE TABLE IF NOT EXISTS erase_probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO erase_probe (note) VALUES (?)");
  for (let i = 0; i < 20; i++) insert.run(`keep-${i}`);
  insert.run(secret);
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!readFileSync(path).includes(Buffer.from(secret))) throw new Error("the probe never reached the file");
  db.prepare("DELETE FROM erase_probe WHERE note = ?").run(secret);
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return readFileSync(path).includes(Buffer.from(secret));
}
