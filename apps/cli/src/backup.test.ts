import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "./cli.ts";

// Backups hold the request attachments (kept under <data>/attachments, outside the database) and restore them:
// `sainam backup` then `sainam restore` into an empty data folder gives back the database and the files, byte for byte.
let root: string;
let live: string;
let backupFile: string;

async function run(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const code = await runCli(argv, env);
    return { code, body: JSON.parse(out.join("") || "{}") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const envOf = (dataDir: string) => ({ SAINAM_DATA_DIR: dataDir, SAINAM_LOG_LEVEL: "silent" });
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
// A 1×1 PNG and the start of a PDF: what the server keeps, typed by their bytes.
const PHOTO = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082",
  "hex",
);
const PDF = Buffer.from("%PDF-1.4\n% ใบเสนอราคา\n%%EOF\n", "utf8");
const files = [
  { key: randomUUID(), bytes: PHOTO, name: "โกดัง.png", type: "image/png" },
  { key: randomUUID(), bytes: PDF, name: "ใบเสนอราคา.pdf", type: "application/pdf" },
];
/** A row whose file was lost from the data folder before the backup: counted as missing, not a failure. */
const lostKey = randomUUID();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "sainam-backup-"));
  live = join(root, "live");
  backupFile = join(root, "kept", "backup.sqlite");
  expect((await run(envOf(live), "migrate", "--json")).code).toBe(0);
  expect((await run(envOf(live), "seed", "--json")).code).toBe(0);
  // A firm's request with two attachments (and one whose file is gone), as the server stores them.
  const db = new DatabaseSync(join(live, "sainam.sqlite"));
  db.exec("PRAGMA foreign_keys = ON");
  const now = new Date().toISOString();
  const firm = db
    .prepare(
      "INSERT INTO enterprises (name_th, legal_form, published, is_example, created_at, updated_at) VALUES (?, 'company', 1, 0, ?, ?) RETURNING id",
    )
    .get("บริษัท สำรองข้อมูล จำกัด", now, now);
  const request = db
    .prepare(
      `INSERT INTO service_requests (code, enterprise_id, field, need_text, province_code, mode, filed_via, filed_at,
        status, created_at, updated_at) VALUES ('SR2570-000001', ?, 'logistics', 'ต้องการลดต้นทุนขนส่ง', '57', 'visit',
        'member', ?, 'unassigned', ?, ?) RETURNING id`,
    )
    .get(firm?.id ?? null, now, now, now);
  const attach = db.prepare(
    `INSERT INTO request_attachments (request_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  mkdirSync(join(live, "attachments"), { recursive: true, mode: 0o700 });
  for (const f of files) {
    writeFileSync(join(live, "attachments", f.key), f.bytes, { mode: 0o600 });
    attach.run(request?.id ?? null, f.name, f.type, f.bytes.length, sha256(f.bytes), f.key, now);
  }
  attach.run(request?.id ?? null, "หาย.png", "image/png", 10, sha256(Buffer.from("gone")), lostKey, now);
  db.close();
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("sainam backup with attachments", () => {
  it("puts the files the database names into the one backup file, and counts a missing one", async () => {
    const result = await run(envOf(live), "backup", "--out", backupFile, "--json");
    expect(result.code).toBe(0);
    expect(result.body).toMatchObject({ ok: true, path: backupFile, attachments: 2, missing: 1 });
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const copy = new DatabaseSync(backupFile, { readOnly: true });
    const kept = copy.prepare("SELECT storage_key, sha256 FROM backup_attachments ORDER BY storage_key").all();
    copy.close();
    expect(kept).toEqual(
      files
        .map((f) => ({ storage_key: f.key, sha256: sha256(f.bytes) }))
        .sort((a, b) => a.storage_key.localeCompare(b.storage_key)),
    );
  });
});

describe("sainam restore", () => {
  it("restores the database and the attachment files into an empty data folder", async () => {
    const fresh = join(root, "fresh");
    const result = await run(envOf(fresh), "restore", backupFile, "--json");
    expect(result.code).toBe(0);
    expect(result.body).toMatchObject({ ok: true, attachments: 2, missing: 1, previous: null });
    for (const f of files) {
      const path = join(fresh, "attachments", f.key);
      expect(readFileSync(path).equals(f.bytes)).toBe(true);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    expect(existsSync(join(fresh, "attachments", lostKey))).toBe(false);
    const db = new DatabaseSync(join(fresh, "sainam.sqlite"), { readOnly: true });
    const rows = db.prepare("SELECT count(*) AS n FROM request_attachments").get();
    const leftover = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'backup_attachments'").get();
    const firm = db.prepare("SELECT name_th FROM enterprises WHERE name_th = ?").get("บริษัท สำรองข้อมูล จำกัด");
    db.close();
    expect(rows).toEqual({ n: 3 });
    expect(leftover).toEqual({ n: 0 });
    expect(firm).toEqual({ name_th: "บริษัท สำรองข้อมูล จำกัด" });
    // The restored folder serves the server again: migrating finds the schema up to date.
    expect((await run(envOf(fresh), "migrate", "--json")).body).toMatchObject({ ok: true, applied: [] });
  });

  it("restores over an existing database only with --replace, keeping the old one aside", async () => {
    const refused = await run(envOf(live), "restore", backupFile, "--json");
    expect(refused.code).toBe(2);
    expect(refused.body.error.code).toBe("exists");
    rmSync(join(live, "attachments"), { recursive: true, force: true });

    const replaced = await run(envOf(live), "restore", backupFile, "--replace", "--json");
    expect(replaced.code).toBe(0);
    expect(replaced.body).toMatchObject({ ok: true, attachments: 2 });
    expect(existsSync(replaced.body.previous)).toBe(true);
    for (const f of files) expect(readFileSync(join(live, "attachments", f.key)).equals(f.bytes)).toBe(true);
  });

  it("refuses what is not a backup, and a backup whose file does not match its checksum", async () => {
    const text = join(root, "notes.txt");
    writeFileSync(text, "ไม่ใช่ไฟล์สำรอง\n");
    const notBackup = await run(envOf(join(root, "empty-1")), "restore", text, "--json");
    expect(notBackup.body.error.code).toBe("not_a_backup");
    expect(existsSync(join(root, "empty-1", "sainam.sqlite"))).toBe(false);

    const tampered = join(root, "tampered.sqlite");
    writeFileSync(tampered, readFileSync(backupFile));
    const db = new DatabaseSync(tampered);
    db.prepare("UPDATE backup_attachments SET bytes = ? WHERE storage_key = ?").run(
      Buffer.from("changed"),
      files[1]!.key,
    );
    db.close();
    const damaged = await run(envOf(join(root, "empty-2")), "restore", tampered, "--json");
    expect(damaged.code).toBe(2);
    expect(damaged.body.error.code).toBe("damaged");
    expect(existsSync(join(root, "empty-2", "sainam.sqlite"))).toBe(false);
    // The first file was sound, but nothing is written when any file is damaged.
    expect(existsSync(join(root, "empty-2", "attachments", files[0]!.key))).toBe(false);
  });
});
