import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { importBatchStatuses } from "@sainam/contract";
import type { Actor } from "@sainam/core";
import { audit, importBatches, nowIso, privateDir, type ImportBatchRow, type KeptRow } from "@sainam/db";
import { importKinds, type ImportKind } from "@sainam/importer";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, can } from "../policies/policy.ts";
import type { ImportReportView } from "./import-report.ts";

// The batches' life outside a run: where uploads are kept, who owns a batch, listing, status, take-over, finishing,
// taking back what a failed run wrote, and the clean-up at start-up and of abandoned uploads.

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const ABANDONED_AFTER_MS = 24 * 3_600_000;

export type ImportProgress = { rowsRead: number; bytesRead: number; totalBytes: number | null };
/**
 * Why a batch failed, as a stable code the web words in Thai and English: never a path or an exception's text.
 * rows_unusable: strict mode found bad rows; unreadable_file: the file stops being readable part-way; import_failed: an error on the server (logged there);
 * interrupted: the server stopped while it ran (it can be run again); abandoned: its upload was kept 24 h unused.
 */
export type ImportFailure = "rows_unusable" | "unreadable_file" | "import_failed" | "interrupted" | "abandoned";
export const failureMessages: Record<ImportFailure, string> = {
  rows_unusable: "rows cannot be imported; nothing was written (strict mode)",
  unreadable_file: "the file cannot be read to its end; what the import had written was taken back",
  import_failed: "the import stopped because of an error on the server; what it had written was taken back",
  interrupted: "the server stopped while the import ran; what it had written was taken back, and it can be run again",
  abandoned: "the uploaded file was not imported within 24 hours and was deleted; upload it again",
};
/** A batch's file while it is being run: what finishing or reverting it needs. */
export type BatchFile = {
  id: number;
  kind: ImportKind;
  path: string;
  fileName: string;
};

export function uploadDir(ctx: AppContext): string {
  const dir =
    ctx.config.dataDir === ":memory:" ? join(tmpdir(), "sainam-imports") : join(ctx.config.dataDir, "imports");
  // Uploads hold personal data: only the server's user may list or read them (0700 folder, 0600 files).
  privateDir(dir);
  return dir;
}

function isUpload(ctx: AppContext, path: string | null): path is string {
  return path !== null && path.startsWith(uploadDir(ctx) + sep);
}

/** Deletes an uploaded copy (files imported from a path, by the CLI, stay where they are). */
export async function removeUpload(ctx: AppContext, path: string | null): Promise<void> {
  if (isUpload(ctx, path)) await rm(path, { force: true });
}

export function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The batch, when it belongs to the caller: anyone else (admins included, until they take it over) is told it does not exist. */
export async function requireBatch(ctx: AppContext, actor: Actor, batchId: number): Promise<ImportBatchRow> {
  const batch = await importBatches.findBatch(ctx.database.db, batchId);
  if (!batch || batch.actor_user_id !== actorId(actor)) throw errors.notFound("import batch", batchId);
  return batch;
}

export function isImportKind(kind: string): kind is ImportKind {
  return (importKinds as ReadonlyArray<string>).includes(kind);
}

export async function importStatus(ctx: AppContext, actor: Actor, batchId: number) {
  const batch = await requireBatch(ctx, actor, batchId);
  const live = ctx.imports.running.get(batchId);
  const progress: ImportProgress =
    live?.progress ??
    (batch.progress_json
      ? (JSON.parse(batch.progress_json) as ImportProgress)
      : { rowsRead: 0, bytesRead: 0, totalBytes: null });
  const stored = batch.report_json ? (JSON.parse(batch.report_json) as ImportReportView) : null;
  const report = stored
    ? {
        counts: stored.counts,
        truncated: stored.truncated,
        rows: stored.rows.map((r) => ({
          rowNumber: r.rowNumber,
          status: r.status,
          key: r.key,
          issues: r.issues.map((i) => ({ ...i })),
        })),
        ...(stored.keptAfterRevert ? { keptAfterRevert: stored.keptAfterRevert } : {}),
      }
    : null;
  // A batch marked running that this process is not running was left by another process, or is being
  // reverted at start-up: it is answered as it stands.
  return {
    batchId,
    kind: storedKind(batch.kind),
    fileName: batch.file_name,
    status: storedStatus(batch.status),
    progress,
    report,
    error: batch.error_message,
    errorCode: batch.error_code,
    canRunAgain: runnable(batch.status, batch.error_code, batch.upload_path !== null),
  };
}

/** A stored kind or status as the contract names it; every writer stores a listed one, so another is a bug to surface. */
function storedKind(kind: string): ImportKind {
  const known = importKinds.find((k) => k === kind);
  if (known === undefined) throw new Error(`Import batch kind "${kind}" is not one the contract lists`);
  return known;
}

function storedStatus(status: string): (typeof importBatchStatuses)[number] {
  const known = importBatchStatuses.find((s) => s === status);
  if (known === undefined) throw new Error(`Import batch status "${status}" is not one the contract lists`);
  return known;
}

export type ImportListQuery = {
  page: number;
  pageSize: number;
  status?: string | undefined;
  kind?: string | undefined;
  owner: "mine" | "all";
};

/**
 * The caller's batches, newest first; an admin may ask for every user's (`owner: "all"`), and may take over
 * those of others. Never the upload's path.
 */
export async function listImports(ctx: AppContext, actor: Actor, query: ImportListQuery) {
  authorize(actor, "list", { type: "import", others: query.owner === "all" });
  const me = actorId(actor);
  const mayTakeOver = can(actor, "update", { type: "import", others: true });
  const { items, total } = await importBatches.listBatches(ctx.database.db, {
    ownerUserId: query.owner === "all" ? null : me,
    status: query.status,
    kind: query.kind,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: items.map((batch) => {
      const mine = batch.actor_user_id === me;
      const counts = batch.counts_json ? (JSON.parse(batch.counts_json) as ImportReportView["counts"]) : null;
      return {
        batchId: batch.id,
        kind: storedKind(batch.kind),
        fileName: batch.file_name,
        status: storedStatus(batch.status),
        errorCode: batch.error_code,
        counts,
        createdAt: batch.created_at,
        startedAt: batch.started_at,
        finishedAt: batch.finished_at,
        mine,
        owner: mine ? null : { userId: batch.actor_user_id, displayName: batch.owner_name },
        canRunAgain: mine && runnable(batch.status, batch.error_code, batch.has_upload),
        canTakeOver: !mine && mayTakeOver,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** An upload not yet run, or a batch interrupted by a restart, while its file is kept. */
export function runnable(status: string, errorCode: string | null, hasUpload: boolean): boolean {
  return hasUpload && (status === "uploaded" || (status === "failed" && errorCode === "interrupted"));
}

/** An admin takes over someone else's batch (R3): it is then theirs to see and run. Audited. */
export async function takeOverImport(ctx: AppContext, actor: Actor, batchId: number) {
  authorize(actor, "update", { type: "import", others: true });
  const batch = await importBatches.findBatch(ctx.database.db, batchId);
  if (!batch) throw errors.notFound("import batch", batchId);
  const newOwner = actorId(actor);
  await ctx.database.db.transaction().execute(async (trx) => {
    await importBatches.updateBatch(trx, batchId, { actor_user_id: newOwner });
    await audit.appendAudit(trx, {
      actorUserId: newOwner,
      action: "import.take_over",
      entityType: "import_batch",
      entityId: batchId,
      before: { ownerUserId: batch.actor_user_id },
      after: { ownerUserId: newOwner },
    });
  });
  return importStatus(ctx, actor, batchId);
}

/** Marks a batch finished with its report (and failure code), and deletes its uploaded file. */
export async function finishBatch(
  ctx: AppContext,
  batch: BatchFile,
  status: "done" | "failed",
  report: ImportReportView | null,
  failure: ImportFailure | null,
  count?: number,
  detail?: string,
) {
  await importBatches.updateBatch(ctx.database.db, batch.id, {
    status,
    counts_json: report ? JSON.stringify(report.counts) : null,
    report_json: report ? JSON.stringify(report) : null,
    error_code: failure,
    error_message: failure
      ? `${detail ? `${detail}: ` : ""}${count !== undefined ? `${count} ` : ""}${failureMessages[failure]}`
      : null,
    progress_json: JSON.stringify(ctx.imports.running.get(batch.id)?.progress ?? null),
    finished_at: nowIso(),
    upload_path: null,
  });
  await removeUpload(ctx, batch.path);
}

/**
 * Takes back what a batch wrote, newest slice first, each slice in its own short transaction; answers the
 * rows kept because someone edited or referred to them meanwhile. A slice a foreign key refuses as a whole is
 * reverted row by row, keeping the rows still referred to.
 */
export async function revertBatch(ctx: AppContext, batchId: number): Promise<KeptRow[]> {
  const { db } = ctx.database;
  const kept: KeptRow[] = [];
  for (;;) {
    const entry = await importBatches.lastJournalEntry(db, batchId);
    if (!entry) return kept;
    try {
      const sliceKept = await db.transaction().execute(async (trx) => {
        const rows = await importBatches.revertSlice(trx, entry.undo);
        await importBatches.deleteJournalEntry(trx, entry.id);
        return rows;
      });
      kept.push(...sliceKept);
    } catch {
      const targets: Array<[KeptRow["entity"], number]> = [
        ...entry.undo.linkages.inserted.map((id) => ["linkage", id] as [KeptRow["entity"], number]),
        ...entry.undo.linkages.updated.map((b) => ["linkage", b.id] as [KeptRow["entity"], number]),
        ...entry.undo.memberships.inserted.map((id) => ["membership", id] as [KeptRow["entity"], number]),
        ...entry.undo.memberships.updated.map((b) => ["membership", b.id] as [KeptRow["entity"], number]),
        ...entry.undo.enterprises.updated.map((b) => ["enterprise", b.row.id] as [KeptRow["entity"], number]),
        ...entry.undo.enterprises.inserted.map((id) => ["enterprise", id] as [KeptRow["entity"], number]),
      ];
      for (const [entity, id] of targets) {
        try {
          kept.push(
            ...(await db
              .transaction()
              .execute((trx) => importBatches.revertSlice(trx, entry.undo, (e, i) => e === entity && i === id))),
          );
        } catch {
          kept.push({ entity, id, reason: "referenced" });
        }
      }
      await importBatches.deleteJournalEntry(db, entry.id);
    }
    await yieldToEventLoop();
  }
}

/**
 * At start-up: a batch still marked running was cut off by the stop, so what it wrote is taken back and it is
 * marked failed (interrupted), its file kept to run again; uploads of finished batches are deleted. Assumes
 * one server process per database (a second process starting would interrupt the first one's imports).
 */
export async function recoverImports(ctx: AppContext): Promise<{ interrupted: number[] }> {
  const { db } = ctx.database;
  const running = await importBatches.listBatchIdsWithStatus(db, "running");
  for (const id of running) {
    const kept = await revertBatch(ctx, id);
    await importBatches.updateBatch(db, id, {
      status: "failed",
      error_code: "interrupted",
      error_message: failureMessages.interrupted,
      finished_at: nowIso(),
      report_json:
        kept.length > 0
          ? JSON.stringify({
              counts: { imported: 0, updated: 0, skipped: 0, errors: 0 },
              rows: [],
              truncated: false,
              keptAfterRevert: kept.slice(0, 1000),
            } satisfies ImportReportView)
          : null,
    });
  }
  // Journals of batches that are not running are leftovers of a stop between a batch's end and their deletion.
  await importBatches.deleteJournalsOfIdleBatches(db);
  const ended = await importBatches.listEndedBatchUploads(db);
  for (const batch of ended) {
    await removeUpload(ctx, batch.upload_path);
    await importBatches.updateBatch(db, batch.id, { upload_path: null });
  }
  if (ctx.config.dataDir !== ":memory:") {
    // Files no batch names: a stop between a batch's end and its file's deletion, or an upload cut off.
    const kept = new Set(await importBatches.listUploadPaths(db));
    const dir = uploadDir(ctx);
    for (const name of readdirSync(dir)) if (!kept.has(join(dir, name))) await rm(join(dir, name), { force: true });
  }
  await sweepImports(ctx);
  return { interrupted: running };
}

/** Deletes uploads left unused for 24 hours (never run, or interrupted and not run again); their batches fail as abandoned. */
export async function sweepImports(ctx: AppContext, now = Date.now()): Promise<number> {
  const { db } = ctx.database;
  const before = new Date(now - ABANDONED_AFTER_MS).toISOString();
  const stale = await importBatches.listStaleUploads(db, before);
  let swept = 0;
  for (const batch of stale) {
    if (ctx.imports.running.has(batch.id)) continue;
    await removeUpload(ctx, batch.upload_path);
    await importBatches.updateBatch(db, batch.id, {
      status: "failed",
      error_code: "abandoned",
      error_message: failureMessages.abandoned,
      upload_path: null,
      finished_at: nowIso(),
    });
    swept++;
  }
  return swept;
}
