import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { privateDir, privateFile } from "@sainam/db";

/**
 * A backup is one SQLite file: a VACUUM INTO copy of the database, plus the files of the request attachments it
 * names (kept under `<data>/attachments/`, outside the database) in the table `backup_attachments`. Only the files
 * the copy's `request_attachments` rows name go in: an upload writes its file before its row, so every row of a
 * consistent copy has its file, and a file uploaded after the copy was taken belongs to no row of it. Restoring
 * writes those files back, checked against their sha256, and drops the table.
 */
const FILES_TABLE = "backup_attachments";

type AttachmentRef = { storage_key: string; sha256: string };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The attachments a database names (none when it has no such table: a database from before 0017). */
function attachmentRefs(db: DatabaseSync): AttachmentRef[] {
  const table = db
    .prepare("SELECT 1 AS ok FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get("request_attachments");
  if (!table) return [];
  return db
    .prepare("SELECT storage_key, sha256 FROM request_attachments ORDER BY id")
    .all()
    .map((row) => ({ storage_key: String(row.storage_key), sha256: String(row.sha256) }));
}

/** A storage key as the server makes them (a UUID): nothing else is read from or written to the folder. */
const safeKey = (key: string) => /^[0-9a-f-]{36}$/i.test(key);

/**
 * Writes the backup of the open database to `target` (via `<target>.partial`, 0600, renamed when complete).
 * Answers the size and how many attachment files went in; a file the database names but the folder lacks is
 * counted as missing, not a failure (the backup still holds everything else).
 */
export function writeBackup(
  live: DatabaseSync,
  attachmentsDir: string,
  target: string,
): { bytes: number; attachments: number; missing: number } {
  const temporary = `${target}.partial`;
  rmSync(temporary, { force: true });
  // VACUUM INTO fills an existing empty file and keeps its mode: created 0600 first, never readable by others.
  privateFile(temporary);
  live.exec(`VACUUM INTO '${temporary.replaceAll("'", "''")}'`);
  const copy = new DatabaseSync(temporary);
  let attachments = 0;
  let missing = 0;
  try {
    copy.exec(`CREATE TABLE ${FILES_TABLE} (storage_key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes BLOB NOT NULL)`);
    const insert = copy.prepare(`INSERT INTO ${FILES_TABLE} (storage_key, sha256, bytes) VALUES (?, ?, ?)`);
    copy.exec("BEGIN");
    for (const ref of attachmentRefs(copy)) {
      const path = join(attachmentsDir, ref.storage_key);
      if (!safeKey(ref.storage_key) || !existsSync(path)) {
        missing += 1;
        continue;
      }
      insert.run(ref.storage_key, ref.sha256, readFileSync(path));
      attachments += 1;
    }
    copy.exec("COMMIT");
  } finally {
    copy.close();
  }
  renameSync(temporary, target);
  return { bytes: statSync(target).size, attachments, missing };
}

export type RestoreErrorCode = "not_a_backup" | "exists" | "damaged";

/** Why a restore was refused, with a stable code for `--json`. */
export class RestoreError extends Error {
  readonly code: RestoreErrorCode;

  constructor(code: RestoreErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** An intact SQLite file with Sainam's tables; false for any other file (SQLite refuses it on the first read). */
function isSainamDatabase(db: DatabaseSync): boolean {
  try {
    const integrity = db.prepare("PRAGMA integrity_check").get();
    const users = db.prepare("SELECT 1 AS ok FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
    return integrity?.integrity_check === "ok" && users !== undefined;
  } catch {
    return false;
  }
}

/**
 * Restores a backup into the data folder while the server is stopped: the attachment files back under
 * `attachmentsDir` (each checked against the sha256 its row keeps), then the database as `databasePath`. An existing
 * database is only replaced when asked (`replace`), and is then kept beside it as `<name>.before-restore-<stamp>`
 * with its -wal and -shm, so that a stale write-ahead log is never applied to the restored file. A backup from
 * before attachments were included restores the database alone; its attachments are counted as missing.
 */
export function restoreBackup(
  source: string,
  databasePath: string,
  attachmentsDir: string,
  options: { replace: boolean; now?: Date },
): { path: string; attachments: number; missing: number; previous: string | null } {
  if (!existsSync(source)) throw new RestoreError("not_a_backup", `${source} does not exist`);
  if (existsSync(databasePath) && !options.replace)
    throw new RestoreError(
      "exists",
      `${databasePath} exists: stop the server and pass --replace to restore over it (it is kept aside)`,
    );
  const restoring = `${databasePath}.restoring`;
  rmSync(restoring, { force: true });
  privateFile(restoring);
  writeFileSync(restoring, readFileSync(source));
  let attachments = 0;
  let missing = 0;
  const copy = new DatabaseSync(restoring);
  try {
    if (!isSainamDatabase(copy))
      throw new RestoreError("not_a_backup", `${source} is not a Sainam backup (or is damaged)`);
    const refs = attachmentRefs(copy);
    const hasFiles = copy
      .prepare("SELECT 1 AS ok FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(FILES_TABLE);
    const read = hasFiles ? copy.prepare(`SELECT bytes FROM ${FILES_TABLE} WHERE storage_key = ?`) : null;
    const bytesOf = (ref: AttachmentRef) => {
      const bytes = safeKey(ref.storage_key) ? read?.get(ref.storage_key)?.bytes : undefined;
      return bytes instanceof Uint8Array ? bytes : null;
    };
    // Every file is checked before any is written: a damaged backup leaves the data folder as it was.
    for (const ref of refs) {
      const bytes = bytesOf(ref);
      if (bytes !== null && sha256(bytes) !== ref.sha256)
        throw new RestoreError("damaged", `attachment ${ref.storage_key} does not match its sha256`);
    }
    if (refs.length > 0) privateDir(attachmentsDir);
    for (const ref of refs) {
      const bytes = bytesOf(ref);
      if (bytes === null) {
        missing += 1;
        continue;
      }
      writeFileSync(join(attachmentsDir, ref.storage_key), bytes, { mode: 0o600 });
      attachments += 1;
    }
    if (hasFiles) {
      copy.exec(`DROP TABLE ${FILES_TABLE}`);
      copy.exec("VACUUM");
    }
  } catch (error) {
    copy.close();
    rmSync(restoring, { force: true });
    throw error;
  }
  copy.close();
  let previous: string | null = null;
  if (existsSync(databasePath)) {
    previous = `${databasePath}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
    renameSync(databasePath, previous);
    for (const suffix of ["-wal", "-shm"])
      if (existsSync(`${databasePath}${suffix}`)) renameSync(`${databasePath}${suffix}`, `${previous}${suffix}`);
  }
  renameSync(restoring, databasePath);
  return { path: databasePath, attachments, missing, previous };
}
