import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import type { Actor, Gazetteer } from "@sainam/core";
import { audit, enterpriseImport, enterprises, importBatches, nowIso, plans, privateDir, search, tsicCodes, type DB, type ImportBatchRow, type KeptRow, type PlanRow, type SliceUndo } from "@sainam/db";
import {
  checkMapping, enterpriseKey, importKinds, linkageKey, membershipKey, parseColumnMapping, planBatch, readTable, ReadTableError, resolveMapping, sourceSignature, suggestMapping,
  type ColumnMapping, type EnterpriseRecord, type ImportKind, type LinkageRecord, type MembershipRecord, type ReadTableErrorCode, type ReportRow, type RowIssue,
} from "@sainam/importer";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors, type FieldErrorCode } from "../errors.ts";
import { authorize, can, canImportValues } from "../policies/policy.ts";
import { enterpriseExtras, readPreparedChunks, type PreparedRow, type ReaderInput } from "./import-reader.ts";
import { importIndicatorValues, widePeriodColumns } from "../indicator-values/indicator-value-import.ts";
import { planValuesResource } from "../indicator-values/value-scope.ts";

const CHUNK = 2000;
// An import writes in short transactions of this many rows (a few tens of milliseconds each), giving the
// event loop back between them, so other requests' queries and writes run while a big file is imported.
const SLICE_ROWS = 250;
const PROGRESS_EVERY_MS = 1000;
// An import that wrote at least this many firms compacts the search index when it is done.
const COMPACT_AFTER_ROWS = 10_000;
// Between slices an import waits while other requests are being answered, at most this long each time: people's
// sign-ins and lists come first, and the import still moves on under a steady load.
const GIVE_WAY_MS = 250;
// Every row is reported up to this many; past it only skipped rows (up to MAX_SKIPPED_ROWS), so a
// million-row file's report stays small; counts are always complete.
const FULL_REPORT_ROWS = 50_000;
const MAX_SKIPPED_ROWS = 100_000;
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const ABANDONED_AFTER_MS = 24 * 3_600_000;

export type ImportProgress = { rowsRead: number; bytesRead: number; totalBytes: number | null };
export type ImportReportView = {
  counts: { imported: number; updated: number; skipped: number; errors: number };
  rows: ReportRow[];
  truncated: boolean;
  /** Rows a failed batch's revert left in place because someone edited (or referred to) them after the import wrote them. */
  keptAfterRevert?: KeptRow[];
};
/**
 * Why a batch failed, as a stable code the web words in Thai and English: never a path or an exception's text.
 * rows_unusable: strict mode found bad rows; unreadable_file: the file stops being readable part-way; import_failed: an error on the server (logged there);
 * interrupted: the server stopped while it ran (it can be run again); abandoned: its upload was kept 24 h unused.
 */
export type ImportFailure = "rows_unusable" | "unreadable_file" | "import_failed" | "interrupted" | "abandoned";
const failureMessages: Record<ImportFailure, string> = {
  rows_unusable: "rows cannot be imported; nothing was written (strict mode)",
  unreadable_file: "the file cannot be read to its end; what the import had written was taken back",
  import_failed: "the import stopped because of an error on the server; what it had written was taken back",
  interrupted: "the server stopped while the import ran; what it had written was taken back, and it can be run again",
  abandoned: "the uploaded file was not imported within 24 hours and was deleted; upload it again",
};
type BatchState = {
  id: number;
  kind: ImportKind;
  path: string;
  fileName: string;
};
type RunHooks = {
  /** Called after each slice is committed (tests: a failure or a stop part-way). */
  afterSlice?: (slice: number) => Promise<void>;
};

function uploadDir(ctx: AppContext): string {
  const dir = ctx.config.dataDir === ":memory:" ? join(tmpdir(), "sainam-imports") : join(ctx.config.dataDir, "imports");
  // Uploads hold personal data: only the server's user may list or read them (0700 folder, 0600 files).
  privateDir(dir);
  return dir;
}

function isUpload(ctx: AppContext, path: string | null): path is string {
  return path !== null && path.startsWith(uploadDir(ctx) + sep);
}

/** Deletes an uploaded copy (files imported from a path, by the CLI, stay where they are). */
async function removeUpload(ctx: AppContext, path: string | null): Promise<void> {
  if (isUpload(ctx, path)) await rm(path, { force: true });
}

function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Lets what waits on the event loop run, then waits while other requests are being answered (GIVE_WAY_MS at most). */
async function giveWay(ctx: AppContext): Promise<void> {
  await yieldToEventLoop();
  await ctx.foreground.whenQuiet(GIVE_WAY_MS);
}

/** What the server log may say about an error: its kind and code and where it was thrown, never its message (it may quote row values). */
function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = "code" in error && (typeof error.code === "string" || typeof error.code === "number") ? error.code : undefined;
  return { error: error.name, ...(code !== undefined ? { code } : {}), at: error.stack?.split("\n").slice(1, 6).map((l) => l.trim()) };
}

/**
 * Words for a file that cannot be read, from its code: the reader's own message may name the server's copy of
 * the file or quote a parser's exception, neither of which a user should see.
 */
function readErrorMessage(error: ReadTableError): string {
  const line = error.line;
  switch (error.code) {
    case "empty_file": return "the file is empty";
    case "no_header_row": return "no header row was found near the top of the file: a header is a row of column names";
    case "unsupported_format": return "must be an .xlsx workbook or a CSV file (legacy .xls files are not supported: save as .xlsx or CSV UTF-8)";
    case "sheet_not_found": return "the workbook has no worksheet to import";
    case "malformed_xlsx": return "the workbook cannot be read; is it a complete .xlsx file?";
    case "malformed_csv": return line !== undefined ? `the CSV cannot be read from line ${line}` : "the CSV cannot be read";
    case "too_large_uncompressed": return "the workbook unpacks to far more data than a spreadsheet of its size holds, so it is refused";
  }
}

/**
 * A stable key for the "same source": the kind and the file's header row compared by headerKey (see
 * sourceSignature). Mappings are saved under it, and found again for any month whose headers differ only in
 * spelling, line breaks or spaces; resolveMapping then points them at this file's own header texts.
 */
function sourceKey(kind: ImportKind, headers: ReadonlyArray<string>): string {
  return createHash("sha256").update(sourceSignature(kind, headers)).digest("hex").slice(0, 32);
}

async function gazetteerOf(db: Kysely<DB>): Promise<Gazetteer> {
  const provinces = await db.selectFrom("provinces").select(["code", "name_th", "name_en"]).execute();
  const districts = await db.selectFrom("districts").select(["code", "province_code", "name_th", "name_en"]).execute();
  return {
    provinces: provinces.map((p) => ({ code: p.code, nameTh: p.name_th, nameEn: p.name_en })),
    districts: districts.map((d) => ({ code: d.code, provinceCode: d.province_code, nameTh: d.name_th, nameEn: d.name_en })),
  };
}

/** The field error a file the importer cannot read is answered with (its message never names a path). */
function fileErrorCode(code: ReadTableErrorCode): FieldErrorCode {
  switch (code) {
    case "empty_file":
      return "empty_file";
    case "no_header_row":
      return "no_header";
    case "unsupported_format":
      return "wrong_file_type";
    case "too_large_uncompressed":
      return "too_large_uncompressed";
    default:
      return "unreadable_file";
  }
}

async function preview(path: string) {
  let header: { headers: string[]; headerRowNumber: number; encoding: string; format: string } | null = null;
  const sampleRows: string[][] = [];
  try {
    for await (const event of readTable({ path })) {
      if (event.type === "header") header = { headers: [...event.headers], headerRowNumber: event.headerRowNumber, encoding: event.encoding, format: event.format };
      else sampleRows.push([...event.cells]);
      if (sampleRows.length >= 10) break;
    }
  } catch (error) {
    if (error instanceof ReadTableError) throw errors.validation("file", readErrorMessage(error), fileErrorCode(error.code), { reason: error.code });
    throw error;
  }
  if (!header) throw errors.validation("file", "no header row was found", "no_header");
  return { ...header, sampleRows };
}

/** Stores an uploaded file and answers what it looks like: format, encoding, header, sample rows and a mapping. */
export async function uploadImport(ctx: AppContext, actor: Actor, input: { kind: ImportKind; fileName: string; body: Readable | { path: string } }) {
  authorize(actor, "create", { type: "import" });
  await sweepImports(ctx);
  const { db } = ctx.database;
  const ext = extname(input.fileName).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx" && ext !== ".txt") throw errors.validation("fileName", "must end in .csv or .xlsx", "wrong_file_type");
  let path: string;
  if ("path" in input.body) {
    path = input.body.path;
  } else {
    path = join(uploadDir(ctx), `${randomUUID()}${ext}`);
    try {
      await pipeline(input.body, createWriteStream(path, { mode: 0o600 }));
    } catch (error) {
      await removeUpload(ctx, path);
      throw error;
    }
  }
  let look: Awaited<ReturnType<typeof preview>>;
  let size: number;
  try {
    size = statSync(path).size;
    if (size === 0) throw errors.validation("file", "the file is empty", "empty_file");
    look = await preview(path);
  } catch (error) {
    // A file that cannot be read as a table is not kept: no batch will ever run it.
    await removeUpload(ctx, path);
    throw error;
  }
  const progress: ImportProgress = { rowsRead: 0, bytesRead: 0, totalBytes: size };
  const { id } = await db
    .insertInto("import_batches")
    .values({ kind: input.kind, file_name: input.fileName, status: "uploaded", counts_json: null, actor_user_id: actorId(actor), created_at: nowIso(), finished_at: null, upload_path: path, progress_json: JSON.stringify(progress) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return previewAnswer(ctx, id, input.kind, look);
}

/** What an upload answers: the file's look, a suggested mapping and the one saved for the same source. */
async function previewAnswer(ctx: AppContext, batchId: number, kind: ImportKind, look: Awaited<ReturnType<typeof preview>>) {
  const key = sourceKey(kind, look.headers);
  const saved = await ctx.database.db.selectFrom("import_mappings").select("mapping_json").where("kind", "=", kind).where("source_key", "=", key).executeTakeFirst();
  const savedMapping = saved ? parseColumnMapping(kind, JSON.parse(saved.mapping_json)) : null;
  let suggestedMapping: ColumnMapping = suggestMapping(kind, look.headers, look.sampleRows);
  let valueLayout: { suggestedLayout: "long" | "wide"; periodColumns: string[] } | null = null;
  if (kind === "indicator_values") {
    // Two or more headers naming periods ("2563", "ปีงบประมาณ 2564") make a wide file: those columns hold values.
    const periods = widePeriodColumns(look.headers, {});
    const wide = periods.length >= 2;
    const periodHeaders = new Set(periods.map((p) => p.header));
    if (wide) suggestedMapping = Object.fromEntries(Object.entries(suggestedMapping).filter(([field, header]) => field !== "period" && field !== "value" && !periodHeaders.has(header ?? "")));
    valueLayout = { suggestedLayout: wide ? "wide" : "long", periodColumns: wide ? [...periodHeaders] : [] };
  }
  return {
    ...(valueLayout ?? {}),
    batchId,
    format: look.format,
    encoding: look.encoding,
    headers: look.headers,
    headerRowNumber: look.headerRowNumber,
    suggestedMapping,
    // Saved from an earlier file of the same source, named by this file's own header texts.
    savedMapping: savedMapping ? resolveMapping(savedMapping, look.headers) : null,
    sampleRows: look.sampleRows,
  };
}

/**
 * The upload's answer again, for a batch of the caller's that can run (uploaded and not yet run, or interrupted
 * with its file kept): the wizard resumes from it after the user left, or after an admin took the batch over.
 */
export async function importPreview(ctx: AppContext, actor: Actor, batchId: number) {
  authorize(actor, "create", { type: "import" });
  const row = await requireBatch(ctx, actor, batchId);
  if (!runnable(row.status, row.error_code, row.upload_path !== null) || ctx.imports.running.has(batchId)) throw errors.conflict(`import batch ${batchId} is ${row.status}`, "", "import_state", { status: row.status });
  if (row.upload_path === null || !existsSync(row.upload_path) || !isImportKind(row.kind)) throw errors.conflict("the uploaded file is no longer kept: upload it again", "", "upload_gone");
  return previewAnswer(ctx, batchId, row.kind, await preview(row.upload_path));
}

/** The batch, when it belongs to the caller: anyone else (admins included, until they take it over) is told it does not exist. */
async function requireBatch(ctx: AppContext, actor: Actor, batchId: number): Promise<ImportBatchRow> {
  const batch = await importBatches.findBatch(ctx.database.db, batchId);
  if (!batch || batch.actor_user_id !== actorId(actor)) throw errors.notFound("import batch", batchId);
  return batch;
}

function isImportKind(kind: string): kind is ImportKind {
  return (importKinds as ReadonlyArray<string>).includes(kind);
}

export async function importStatus(ctx: AppContext, actor: Actor, batchId: number) {
  const batch = await requireBatch(ctx, actor, batchId);
  const live = ctx.imports.running.get(batchId);
  const progress: ImportProgress = live?.progress ?? (batch.progress_json ? (JSON.parse(batch.progress_json) as ImportProgress) : { rowsRead: 0, bytesRead: 0, totalBytes: null });
  const stored = batch.report_json ? (JSON.parse(batch.report_json) as ImportReportView) : null;
  const report = stored
    ? {
        counts: stored.counts,
        truncated: stored.truncated,
        rows: stored.rows.map((r) => ({ rowNumber: r.rowNumber, status: r.status, key: r.key, issues: r.issues.map((i) => ({ ...i })) })),
        ...(stored.keptAfterRevert ? { keptAfterRevert: stored.keptAfterRevert } : {}),
      }
    : null;
  // A batch marked running that this process is not running was left by another process, or is being
  // reverted at start-up: it is answered as it stands.
  return {
    batchId,
    kind: batch.kind,
    fileName: batch.file_name,
    status: batch.status,
    progress,
    report,
    error: batch.error_message,
    errorCode: batch.error_code,
    canRunAgain: runnable(batch.status, batch.error_code, batch.upload_path !== null),
  };
}

export type ImportListQuery = { page: number; pageSize: number; status?: string | undefined; kind?: string | undefined; owner: "mine" | "all" };

/**
 * The caller's batches, newest first; an admin may ask for every user's (`owner: "all"`), and may take over
 * those of others. Never the upload's path.
 */
export async function listImports(ctx: AppContext, actor: Actor, query: ImportListQuery) {
  authorize(actor, "list", { type: "import", others: query.owner === "all" });
  const me = actorId(actor);
  const mayTakeOver = can(actor, "update", { type: "import", others: true });
  const { items, total } = await importBatches.listBatches(ctx.database.db, { ownerUserId: query.owner === "all" ? null : me, status: query.status, kind: query.kind, page: query.page, pageSize: query.pageSize });
  return {
    items: items.map((batch) => {
      const mine = batch.actor_user_id === me;
      const counts = batch.counts_json ? (JSON.parse(batch.counts_json) as ImportReportView["counts"]) : null;
      return {
        batchId: batch.id,
        kind: batch.kind,
        fileName: batch.file_name,
        status: batch.status,
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
function runnable(status: string, errorCode: string | null, hasUpload: boolean): boolean {
  return hasUpload && (status === "uploaded" || (status === "failed" && errorCode === "interrupted"));
}

/** An admin takes over someone else's batch (R3): it is then theirs to see and run. Audited. */
export async function takeOverImport(ctx: AppContext, actor: Actor, batchId: number) {
  authorize(actor, "update", { type: "import", others: true });
  const batch = await importBatches.findBatch(ctx.database.db, batchId);
  if (!batch) throw errors.notFound("import batch", batchId);
  const newOwner = actorId(actor);
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.updateTable("import_batches").set({ actor_user_id: newOwner }).where("id", "=", batchId).execute();
    await audit.appendAudit(trx, { actorUserId: newOwner, action: "import.take_over", entityType: "import_batch", entityId: batchId, before: { ownerUserId: batch.actor_user_id }, after: { ownerUserId: newOwner } });
  });
  return importStatus(ctx, actor, batchId);
}

/**
 * Starts importing an uploaded batch with a column mapping (saved for the next file from the same
 * source). The work runs in the background; `importStatus` reports progress and then the row report.
 * `wait` makes the call return when done (CLI and tests). A batch interrupted by a restart runs again
 * while its file is kept.
 */
export async function runImport(ctx: AppContext, actor: Actor, batchId: number, input: { mapping: unknown; clusterId?: number | undefined; strict?: boolean | undefined; planId?: number | undefined; layout?: "long" | "wide" | undefined; wait?: boolean }, hooks: RunHooks = {}) {
  authorize(actor, "create", { type: "import" });
  const row = await requireBatch(ctx, actor, batchId);
  const interrupted = row.status === "failed" && row.error_code === "interrupted";
  if ((row.status !== "uploaded" && !interrupted) || ctx.imports.running.has(batchId)) throw errors.conflict(`import batch ${batchId} is ${row.status}`, "", "import_state", { status: row.status });
  if (row.upload_path === null || !existsSync(row.upload_path) || !isImportKind(row.kind)) throw errors.conflict("the uploaded file is no longer kept: upload it again", "", "upload_gone");
  const batch: BatchState = { id: row.id, kind: row.kind, path: row.upload_path, fileName: row.file_name };
  const given = parseColumnMapping(batch.kind, input.mapping);
  if (!given) throw errors.validation("mapping", "must be an object of field → column header", "invalid_type");
  const look = await preview(batch.path);
  // A mapping made for another month of the same source names its columns as that month spelt them.
  const mapping = resolveMapping(given, look.headers);
  const problems = checkMapping(batch.kind, mapping, look.headers, { clusterGiven: input.clusterId !== undefined });
  const first = problems[0];
  if (first) {
    const message = first.code === "required" ? `one of ${first.fields.join(", ")} must be mapped` : first.code === "missing_header" ? `column "${first.header}" is not in the file` : first.code === "duplicate_header" ? `column "${first.header}" feeds two fields` : "is not a field of this kind";
    throw errors.validation(first.code === "required" ? `mapping.${first.fields[0] ?? ""}` : `mapping.${first.field}`, message, first.code === "required" ? "not_mapped" : first.code === "missing_header" ? "not_in_file" : first.code === "duplicate_header" ? "mapped_twice" : "unknown_field", "header" in first ? { header: first.header } : first.code === "unknown_field" ? { keys: [first.field] } : undefined);
  }
  let clusterCode: string | null = null;
  if (input.clusterId !== undefined) {
    const cluster = await ctx.database.db.selectFrom("clusters").select(["code", "id", "coordinating_agency_id", "published"]).where("id", "=", input.clusterId).executeTakeFirst();
    if (!cluster) throw errors.missing("clusterId", "cluster", input.clusterId);
    authorize(actor, "update", { type: "cluster", clusterId: cluster.id, coordinatingAgencyId: cluster.coordinating_agency_id, published: cluster.published === 1 });
    clusterCode = cluster.code;
  }
  let valuePlan: PlanRow | null = null;
  if (batch.kind === "indicator_values") {
    if (input.planId === undefined) throw errors.validation("planId", "is required for indicator values: the plan whose indicators the file fills", "required");
    const plan = await plans.findPlan(ctx.database.db, input.planId);
    if (!plan) throw errors.missing("planId", "plan", input.planId);
    const resource = await planValuesResource(ctx.database.db, plan);
    // Plan-wide entry rights, or a coordinator's own clusters: each row is checked again when read.
    if (!canImportValues(actor, resource)) authorize(actor, "enter", resource);
    if ((input.layout ?? "long") === "long") {
      if (mapping.period === undefined) throw errors.validation("mapping.period", "must be mapped in a long file (or choose the wide layout)", "not_mapped");
      if (mapping.value === undefined && mapping.numerator === undefined) throw errors.validation("mapping.value", "value (or numerator and denominator) must be mapped in a long file", "not_mapped");
    } else if (widePeriodColumns(look.headers, mapping).length === 0) {
      throw errors.validation("layout", "a wide file needs columns headed by periods (2563, FY2021, ปีงบประมาณ 2564)", "no_period_columns");
    }
    valuePlan = plan;
  }
  const key = sourceKey(batch.kind, look.headers);
  await ctx.database.db
    .insertInto("import_mappings")
    .values({ kind: batch.kind, source_key: key, mapping_json: JSON.stringify(mapping), updated_at: nowIso() })
    .onConflict((oc) => oc.columns(["kind", "source_key"]).doUpdateSet({ mapping_json: JSON.stringify(mapping), updated_at: nowIso() }))
    .execute();
  const progress: ImportProgress = { rowsRead: 0, bytesRead: 0, totalBytes: statSync(batch.path).size };
  // Claimed with a conditional update, so two requests (or two processes) never run the same batch.
  const claimed = await ctx.database.db
    .updateTable("import_batches")
    .set({ status: "running", started_at: nowIso(), finished_at: null, error_code: null, error_message: null, report_json: null, counts_json: null, progress_json: JSON.stringify(progress) })
    .where("id", "=", batchId)
    .where("status", "=", row.status)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1 || ctx.imports.running.has(batchId)) throw errors.conflict(`import batch ${batchId} is running`, "", "import_state", { status: "running" });
  const job = { progress };
  ctx.imports.running.set(batchId, job);
  const work = (valuePlan ? executeValueImport(ctx, actor, batch, job, mapping, valuePlan, input.layout ?? "long") : executeImport(ctx, actor, batch, job, mapping, { clusterCode, strict: input.strict === true }, hooks))
    .catch(async (error: unknown) => {
      const unreadable = error instanceof ReadTableError;
      if (!unreadable) ctx.imports.log({ batchId, ...describeError(error) }, "import failed");
      const kept = await revertBatch(ctx, batchId);
      await finishBatch(ctx, batch, "failed", kept.length > 0 ? { counts: { imported: 0, updated: 0, skipped: 0, errors: 0 }, rows: [], truncated: false, keptAfterRevert: kept.slice(0, 1000) } : null, unreadable ? "unreadable_file" : "import_failed", undefined, unreadable ? readErrorMessage(error) : undefined);
    })
    .catch((error: unknown) => ctx.imports.log({ batchId, ...describeError(error) }, "import failure could not be recorded"))
    .finally(() => ctx.imports.running.delete(batchId));
  if (input.wait) await work;
  const after = await importBatches.findBatch(ctx.database.db, batchId);
  return { batchId, status: after?.status ?? "running" };
}

/** Marks a batch finished with its report (and failure code), and deletes its uploaded file. */
async function finishBatch(ctx: AppContext, batch: BatchState, status: "done" | "failed", report: ImportReportView | null, failure: ImportFailure | null, count?: number, detail?: string) {
  await ctx.database.db
    .updateTable("import_batches")
    .set({
      status,
      counts_json: report ? JSON.stringify(report.counts) : null,
      report_json: report ? JSON.stringify(report) : null,
      error_code: failure,
      error_message: failure ? `${detail ? `${detail}: ` : ""}${count !== undefined ? `${count} ` : ""}${failureMessages[failure]}` : null,
      progress_json: JSON.stringify(ctx.imports.running.get(batch.id)?.progress ?? null),
      finished_at: nowIso(),
      upload_path: null,
    })
    .where("id", "=", batch.id)
    .execute();
  await removeUpload(ctx, batch.path);
}

/**
 * Takes back what a batch wrote, newest slice first, each slice in its own short transaction; answers the
 * rows kept because someone edited or referred to them meanwhile. A slice a foreign key refuses as a whole is
 * reverted row by row, keeping the rows still referred to.
 */
async function revertBatch(ctx: AppContext, batchId: number): Promise<KeptRow[]> {
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
          kept.push(...(await db.transaction().execute((trx) => importBatches.revertSlice(trx, entry.undo, (e, i) => e === entity && i === id))));
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
  const running = await db.selectFrom("import_batches").select("id").where("status", "=", "running").execute();
  for (const { id } of running) {
    const kept = await revertBatch(ctx, id);
    await db
      .updateTable("import_batches")
      .set({
        status: "failed", error_code: "interrupted", error_message: failureMessages.interrupted, finished_at: nowIso(),
        report_json: kept.length > 0 ? JSON.stringify({ counts: { imported: 0, updated: 0, skipped: 0, errors: 0 }, rows: [], truncated: false, keptAfterRevert: kept.slice(0, 1000) } satisfies ImportReportView) : null,
      })
      .where("id", "=", id)
      .execute();
  }
  // Journals of batches that are not running are leftovers of a stop between a batch's end and their deletion.
  await db.deleteFrom("import_journal").where("batch_id", "not in", db.selectFrom("import_batches").select("id").where("status", "=", "running")).execute();
  const ended = await db.selectFrom("import_batches").select(["id", "upload_path"]).where("upload_path", "is not", null).where("status", "in", ["done", "failed"]).where((eb) => eb.or([eb("error_code", "is", null), eb("error_code", "!=", "interrupted")])).execute();
  for (const batch of ended) {
    await removeUpload(ctx, batch.upload_path);
    await db.updateTable("import_batches").set({ upload_path: null }).where("id", "=", batch.id).execute();
  }
  if (ctx.config.dataDir !== ":memory:") {
    // Files no batch names: a stop between a batch's end and its file's deletion, or an upload cut off.
    const kept = new Set((await db.selectFrom("import_batches").select("upload_path").where("upload_path", "is not", null).execute()).map((b) => b.upload_path));
    const dir = uploadDir(ctx);
    for (const name of readdirSync(dir)) if (!kept.has(join(dir, name))) await rm(join(dir, name), { force: true });
  }
  await sweepImports(ctx);
  return { interrupted: running.map((r) => r.id) };
}

/** Deletes uploads left unused for 24 hours (never run, or interrupted and not run again); their batches fail as abandoned. */
export async function sweepImports(ctx: AppContext, now = Date.now()): Promise<number> {
  const { db } = ctx.database;
  const before = new Date(now - ABANDONED_AFTER_MS).toISOString();
  const stale = await db
    .selectFrom("import_batches")
    .select(["id", "upload_path"])
    .where("upload_path", "is not", null)
    .where((eb) => eb.or([
      eb.and([eb("status", "=", "uploaded"), eb("created_at", "<", before)]),
      eb.and([eb("status", "=", "failed"), eb("error_code", "=", "interrupted"), eb("finished_at", "<", before)]),
    ]))
    .execute();
  let swept = 0;
  for (const batch of stale) {
    if (ctx.imports.running.has(batch.id)) continue;
    await removeUpload(ctx, batch.upload_path);
    await db.updateTable("import_batches").set({ status: "failed", error_code: "abandoned", error_message: failureMessages.abandoned, upload_path: null, finished_at: nowIso() }).where("id", "=", batch.id).execute();
    swept++;
  }
  return swept;
}

/**
 * Which row of this file last wrote each enterprise, in 4 bytes a row: firms new to the registry get
 * consecutive ids during the batch, so a typed array indexed by id − first id holds them; firms that
 * existed before (usually few) sit in a Map. A million-row file costs megabytes, not a Map of strings.
 */
class EnterpriseRows {
  #base: number | null = null;
  #rows = new Int32Array(4096);
  readonly #existing = new Map<number, number>();

  /** Records that row `rowNumber` wrote enterprise `id`; demotes an earlier row of the file that wrote it. */
  record(id: number, rowNumber: number, status: "imported" | "updated", report: ReportBuilder): "imported" | "updated" {
    if (status === "imported") {
      this.#base ??= id;
      this.#set(id, rowNumber);
      return "imported";
    }
    const newInBatch = this.#base !== null && id >= this.#base ? this.#get(id) : 0;
    if (newInBatch > 0) {
      report.demote(newInBatch, rowNumber, "imported");
      this.#set(id, rowNumber);
      return "imported";
    }
    const earlier = this.#existing.get(id);
    if (earlier !== undefined) report.demote(earlier, rowNumber, "updated");
    this.#existing.set(id, rowNumber);
    return "updated";
  }

  #get(id: number): number {
    const i = id - (this.#base ?? id);
    return i >= 0 && i < this.#rows.length ? (this.#rows[i] ?? 0) : 0;
  }

  #set(id: number, rowNumber: number): void {
    const i = id - (this.#base ?? id);
    if (i >= this.#rows.length) {
      const grown = new Int32Array(Math.max(this.#rows.length * 2, i + 1));
      grown.set(this.#rows);
      this.#rows = grown;
    }
    this.#rows[i] = rowNumber;
  }
}

class ReportBuilder {
  readonly rows: ReportRow[] = [];
  readonly #byRow = new Map<number, ReportRow>();
  readonly counts = { imported: 0, updated: 0, skipped: 0, errors: 0 };
  truncated = false;
  add(row: ReportRow): void {
    if (row.status === "imported") this.counts.imported++;
    else if (row.status === "updated") this.counts.updated++;
    else if (row.status === "skipped") this.counts.skipped++;
    else this.counts.errors++;
    const keep = this.rows.length < FULL_REPORT_ROWS || ((row.status === "skipped" || row.status === "error") && this.rows.length < MAX_SKIPPED_ROWS);
    if (keep) {
      this.rows.push(row);
      this.#byRow.set(row.rowNumber, row);
    } else {
      this.truncated = true;
    }
  }
  /** A row reported earlier (as `was`) turns out to be overwritten by a later duplicate in the same file. */
  demote(rowNumber: number, winner: number, was: "imported" | "updated"): void {
    const row = this.#byRow.get(rowNumber);
    const issue: RowIssue = { field: "", message: `duplicate of row ${winner}`, code: "duplicate_row", params: { row: winner } };
    if (was === "imported") this.counts.imported--;
    else this.counts.updated--;
    if (row) {
      Object.assign(row, { status: "skipped", issues: [...row.issues, issue] });
    } else {
      const skipped: ReportRow = { rowNumber, status: "skipped", key: null, issues: [issue] };
      this.rows.push(skipped);
      this.#byRow.set(rowNumber, skipped);
    }
    this.counts.skipped++;
  }
}

async function executeImport(ctx: AppContext, actor: Actor, batch: BatchState, job: { progress: ImportProgress }, mapping: ColumnMapping, options: { clusterCode: string | null; strict: boolean }, hooks: RunHooks) {
  const { db } = ctx.database;
  if (batch.kind === "indicator_values") throw new Error("indicator values are imported by executeValueImport");
  const reader: ReaderInput = {
    path: batch.path, kind: batch.kind, mapping, gazetteer: batch.kind === "linkages" ? null : await gazetteerOf(db), tsicCodes: batch.kind === "enterprises" ? tsicCodes() : null, chunkSize: CHUNK, errorsOnly: false,
  };

  if (options.strict) {
    // First pass: one unusable row is enough to stop the batch before anything is written.
    const report = new ReportBuilder();
    for await (const chunk of readPreparedChunks({ ...reader, errorsOnly: true })) {
      for (const { rowNumber, outcome } of chunk.rows) {
        if (!outcome.ok) report.add({ rowNumber, status: "error", key: null, issues: outcome.issues });
      }
    }
    if (report.counts.errors > 0) {
      await finishBatch(ctx, batch, "failed", { counts: report.counts, rows: report.rows, truncated: report.truncated }, "rows_unusable", report.counts.errors);
      return;
    }
  }

  const report = new ReportBuilder();
  const seen = batch.kind === "enterprises" ? new EnterpriseRows() : new Map<string, { rowNumber: number; status: "imported" | "updated" }>();
  // Every row this batch writes carries this updated_at: a revert leaves rows whose updated_at has changed since.
  const now = nowIso();
  let slice = 0;
  let progressWritten = Date.now();
  // The worker reads and prepares the next chunks while this thread writes the current one, a slice at a time.
  for await (const chunk of readPreparedChunks(reader)) {
    job.progress = { rowsRead: chunk.rowsRead, bytesRead: chunk.bytesRead, totalBytes: chunk.totalBytes };
    for (let i = 0; i < chunk.rows.length; i += SLICE_ROWS) {
      const rows = chunk.rows.slice(i, i + SLICE_ROWS);
      const writeProgress = Date.now() - progressWritten >= PROGRESS_EVERY_MS;
      await db.transaction().execute(async (trx) => {
        if (ctx.database.dialect === "postgres") await importBatches.commitSliceWithoutWaitingForDisk(trx);
        const undo = importBatches.emptyUndo(now);
        await writeChunk(ctx, trx, batch.kind, rows, report, seen, now, options.clusterCode, undo, actor);
        if (!importBatches.isEmptyUndo(undo)) await importBatches.appendJournal(trx, batch.id, slice, undo);
        if (writeProgress) await trx.updateTable("import_batches").set({ progress_json: JSON.stringify(job.progress) }).where("id", "=", batch.id).execute();
      });
      if (writeProgress) progressWritten = Date.now();
      slice++;
      await hooks.afterSlice?.(slice);
      await giveWay(ctx);
    }
  }
  const view: ImportReportView = { counts: report.counts, rows: report.rows.sort((a, b) => a.rowNumber - b.rowNumber), truncated: report.truncated };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("import_batches").set({ status: "done", counts_json: JSON.stringify(report.counts), report_json: JSON.stringify(view), progress_json: JSON.stringify(job.progress), finished_at: nowIso(), upload_path: null }).where("id", "=", batch.id).execute();
    await importBatches.deleteJournal(trx, batch.id);
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: `import.${batch.kind}`, entityType: "import_batch", entityId: batch.id, after: { fileName: batch.fileName, counts: report.counts } });
  });
  await removeUpload(ctx, batch.path);
  if (report.counts.imported + report.counts.updated >= COMPACT_AFTER_ROWS) await compactSearchIndex(ctx);
}

/**
 * Compacts the firms' search index after a large import, a short step at a time with the give-way between
 * (search.compactSearchIndexStep): the import wrote a small index segment per slice, and a query reads them all.
 */
async function compactSearchIndex(ctx: AppContext): Promise<void> {
  while (await search.compactSearchIndexStep(ctx.database.db, "enterprise")) await giveWay(ctx);
}

async function executeValueImport(ctx: AppContext, actor: Actor, batch: BatchState, job: { progress: ImportProgress }, mapping: ColumnMapping<"indicator_values">, plan: PlanRow, layout: "long" | "wide") {
  const { report, failed } = await importIndicatorValues(ctx, actor, {
    path: batch.path,
    plan,
    mapping,
    layout,
    onRow: () => { job.progress = { ...job.progress, rowsRead: job.progress.rowsRead + 1 }; },
    onProgress: (bytesRead, totalBytes) => { job.progress = { ...job.progress, bytesRead, totalBytes }; },
  });
  await finishBatch(ctx, batch, failed ? "failed" : "done", report, failed ? "rows_unusable" : null, failed ? report.counts.errors : undefined);
}

function isEnterprise(kind: ImportKind, _record: unknown): _record is EnterpriseRecord { return kind === "enterprises"; }
function isMembership(kind: ImportKind, _record: unknown): _record is MembershipRecord { return kind === "memberships"; }
function isLinkage(kind: ImportKind, _record: unknown): _record is LinkageRecord { return kind === "linkages"; }

async function writeChunk(
  ctx: AppContext,
  trx: Transaction<DB>,
  kind: ImportKind,
  chunk: ReadonlyArray<PreparedRow>,
  report: ReportBuilder,
  seen: EnterpriseRows | Map<string, { rowNumber: number; status: "imported" | "updated" }>,
  now: string,
  clusterCode: string | null,
  undo: SliceUndo,
  actor: Actor,
): Promise<void> {
  const keyOf = (record: EnterpriseRecord | MembershipRecord | LinkageRecord): string =>
    isEnterprise(kind, record) ? enterpriseKey(record) : isMembership(kind, record) ? membershipKey({ ...record, clusterCode: clusterCode ?? record.clusterCode }) : isLinkage(kind, record) ? linkageKey(record) : "";
  const plan = planBatch(chunk, keyOf);
  const statusByRow = new Map<number, { status: "imported" | "updated" } | { status: "skipped"; issue: RowIssue }>();
  if (kind === "enterprises") {
    const prepared = new Map(chunk.map((row) => [row.rowNumber, row]));
    const planned = plan.records.flatMap((p) => (isEnterprise(kind, p.record) ? [{ planned: p, record: p.record }] : []));
    // A row may update a firm already in the registry only where the importer may edit that firm (officers and
    // admins any; a coordinator the firms of their approved memberships; a member its own): otherwise the file
    // would overwrite other people's firms by juristic ID.
    const refused = await firmsNotEditable(trx, actor, planned.map((p) => p.record));
    const upserts = planned.filter(({ planned: p, record }) => {
      if (!refused.has(enterpriseKey(record))) return true;
      statusByRow.set(p.rowNumber, { status: "skipped", issue: { field: record.juristicId ? "juristicId" : "ceRegistrationNo", message: "this firm is already in the registry and you may not change it", value: record.juristicId ?? record.ceRegistrationNo ?? "", code: "not_permitted" } });
      return false;
    });
    const results = await enterpriseImport.upsertEnterpriseChunk(
      trx,
      upserts.map(({ planned, record }) => {
        const row = prepared.get(planned.rowNumber);
        return { record, sizeClass: row?.sizeClass ?? null, searchText: row?.searchText ?? enterpriseExtras(record).searchText };
      }),
      now,
      ctx.database.sqlite,
      actorId(actor),
      undo,
    );
    for (const { planned, record } of upserts) {
      const r = results.get(enterpriseKey(record));
      if (!r) continue;
      // Duplicates across chunks: the later row wins and the earlier is reported skipped; a firm first
      // written by this file still counts as imported.
      const status = seen instanceof EnterpriseRows ? seen.record(r.id, planned.rowNumber, r.status, report) : r.status;
      statusByRow.set(planned.rowNumber, { status });
    }
  } else {
    if (kind === "memberships") await addNewFirms(ctx, trx, actor, plan.records.flatMap((p) => (isMembership(kind, p.record) ? [p.record] : [])), clusterCode, now, undo);
    for (const planned of plan.records) {
      const outcome = await writeRelation(trx, actor, kind, planned.record, now, clusterCode, undo);
      if (outcome.status !== "skipped" && seen instanceof Map) {
        const earlier = seen.get(planned.key);
        if (earlier) report.demote(earlier.rowNumber, planned.rowNumber, earlier.status);
        const status = earlier?.status === "imported" ? "imported" : outcome.status;
        seen.set(planned.key, { rowNumber: planned.rowNumber, status });
        statusByRow.set(planned.rowNumber, { status });
        continue;
      }
      statusByRow.set(planned.rowNumber, outcome);
    }
  }
  for (const row of plan.report.rows) {
    const result = statusByRow.get(row.rowNumber);
    if (!result || row.status === "skipped" || row.status === "error") {
      report.add(row.status === "error" ? { ...row, status: "skipped" } : row);
      continue;
    }
    report.add(result.status === "skipped" ? { ...row, status: "skipped", issues: [...row.issues, result.issue] } : { ...row, status: result.status });
  }
}

/**
 * Adds the firms a membership file describes whose juristic IDs are not in the registry yet, registered by the
 * importer (so a coordinator's membership of a firm they added is approved at once), with their search text
 * and undo entries like an enterprise import's. Firms already in the registry are left as they are (an enterprise
 * import updates them); an importer who may not register firms adds none, and their rows are skipped as before.
 */
async function addNewFirms(ctx: AppContext, trx: Transaction<DB>, actor: Actor, records: readonly MembershipRecord[], clusterCode: string | null, now: string, undo: SliceUndo): Promise<void> {
  const described = records.filter((r) => r.firm !== null);
  if (described.length === 0 || !can(actor, "create", { type: "enterprise", enterpriseId: null, clusterIds: [], published: false })) return;
  // Only for a row whose membership can be written: a cluster the importer may change (the one given was checked).
  const codes = clusterCode !== null ? [] : [...new Set(described.flatMap((r) => (r.clusterCode === null ? [] : [r.clusterCode])))];
  const clusters = codes.length === 0 ? [] : await trx.selectFrom("clusters").select(["id", "code", "coordinating_agency_id", "published"]).where("code", "in", codes).execute();
  const usable = new Set(clusters.filter((c) => can(actor, "update", { type: "cluster", clusterId: c.id, coordinatingAgencyId: c.coordinating_agency_id, published: c.published === 1 })).map((c) => c.code));
  const byId = new Map<string, EnterpriseRecord>();
  for (const r of described) {
    const code = clusterCode ?? r.clusterCode;
    if (r.firm && (clusterCode !== null || (code !== null && usable.has(code)))) byId.set(r.juristicId, r.firm);
  }
  if (byId.size === 0) return;
  const known = await trx.selectFrom("enterprises").select("juristic_id").where("juristic_id", "in", [...byId.keys()]).execute();
  for (const { juristic_id: id } of known) if (id) byId.delete(id);
  if (byId.size === 0) return;
  const rows = [...byId.values()].map((record) => {
    const { sizeClass, searchText } = enterpriseExtras(record);
    return { record, sizeClass, searchText };
  });
  await enterpriseImport.upsertEnterpriseChunk(trx, rows, now, ctx.database.sqlite, actorId(actor), undo);
}

/** The keys of the records that name a firm already in the registry which the actor may not edit. */
async function firmsNotEditable(trx: Transaction<DB>, actor: Actor, records: readonly EnterpriseRecord[]): Promise<Set<string>> {
  const refused = new Set<string>();
  // Whoever may edit a firm they have no tie to (officers, admins, the system) may edit every firm.
  if (can(actor, "update", { type: "enterprise", enterpriseId: null, clusterIds: [], published: false })) return refused;
  const existing = await enterprises.findByRegistrationKeys(trx, records.flatMap((r) => (r.juristicId ? [r.juristicId] : [])), records.flatMap((r) => (!r.juristicId && r.ceRegistrationNo ? [r.ceRegistrationNo] : [])));
  for (const firm of existing) {
    const memberOf = await enterprises.clusterIdsOfEnterprise(trx, firm.id);
    const resource = { type: "enterprise" as const, enterpriseId: firm.id, clusterIds: memberOf.approved, pendingClusterIds: memberOf.pending, published: firm.published === 1, createdBy: firm.created_by };
    if (!can(actor, "update", resource)) refused.add(firm.juristic_id ?? `ce:${firm.ce_registration_no ?? ""}`);
  }
  return refused;
}

async function writeRelation(trx: Transaction<DB>, actor: Actor, kind: ImportKind, record: EnterpriseRecord | MembershipRecord | LinkageRecord, now: string, clusterCode: string | null, undo: SliceUndo): Promise<{ status: "imported" | "updated" } | { status: "skipped"; issue: RowIssue }> {
  // A row names firms and clusters: each must be one the importer may see (a firm) or change (a cluster), else
  // the row is skipped exactly as for one that does not exist, so that a file cannot probe the registry.
  const visibleEnterprise = async (juristicId: string) => {
    const row = await trx.selectFrom("enterprises").select(["id", "published", "created_by"]).where("juristic_id", "=", juristicId).executeTakeFirst();
    if (!row) return null;
    const facts = { type: "enterprise" as const, enterpriseId: row.id, published: row.published === 1, createdBy: row.created_by };
    if (can(actor, "read", { ...facts, clusterIds: [] })) return row;
    const memberOf = await enterprises.clusterIdsOfEnterprise(trx, row.id);
    return can(actor, "read", { ...facts, clusterIds: memberOf.approved, pendingClusterIds: memberOf.pending }) ? row : null;
  };
  const changeableCluster = async (code: string) => {
    const cluster = await trx.selectFrom("clusters").select(["id", "coordinating_agency_id", "published"]).where("code", "=", code).executeTakeFirst();
    return cluster && can(actor, "update", { type: "cluster", clusterId: cluster.id, coordinatingAgencyId: cluster.coordinating_agency_id, published: cluster.published === 1 }) ? cluster : null;
  };
  if (isMembership(kind, record)) {
    const code = clusterCode ?? record.clusterCode;
    if (code === null) return { status: "skipped", issue: { field: "clusterCode", message: "cluster code is required", code: "required" } };
    const cluster = await changeableCluster(code);
    if (!cluster) return { status: "skipped", issue: { field: "clusterCode", message: `no cluster with code ${code}`, value: code, code: "not_found" } };
    const firm = await visibleEnterprise(record.juristicId);
    if (firm === null) return { status: "skipped", issue: { field: "juristicId", message: "no enterprise with this juristic ID; map the firm's name to add it, or import the enterprises first", value: record.juristicId, code: "not_found" } };
    const id = firm.id;
    const existing = await trx.selectFrom("memberships").select(["id", "stage", "joined_on", "left_on", "updated_at"]).where("cluster_id", "=", cluster.id).where("enterprise_id", "=", id).executeTakeFirst();
    if (existing) {
      undo.memberships.updated.push(existing);
      await trx.updateTable("memberships").set({ stage: record.stage, joined_on: record.joinedOn, left_on: record.leftOn, updated_at: now }).where("id", "=", existing.id).execute();
      return { status: "updated" };
    }
    // Approved at once when the importer may vouch for it: an officer of the cluster's agency, an admin, the
    // system, or the coordinator whose own import registered the firm (new to the registry); else pending.
    const approved = can(actor, "approve", { type: "membership", clusterId: cluster.id, clusterAgencyId: cluster.coordinating_agency_id, enterpriseId: id, enterpriseCreatedBy: firm.created_by });
    const inserted = await trx.insertInto("memberships").values({
      cluster_id: cluster.id, enterprise_id: id, stage: record.stage, joined_on: record.joinedOn, left_on: record.leftOn, created_at: now, updated_at: now,
      created_by: actorId(actor), approved_at: approved ? now : null, approved_by: approved ? actorId(actor) : null,
    }).returning("id").executeTakeFirstOrThrow();
    undo.memberships.inserted.push(inserted.id);
    return { status: "imported" };
  }
  if (!isLinkage(kind, record)) return { status: "skipped", issue: { field: "", message: "not a relation", code: "not_a_relation" } };
  const link = record;
  const from = (await visibleEnterprise(link.fromJuristicId))?.id ?? null;
  if (from === null) return { status: "skipped", issue: { field: "fromJuristicId", message: "no enterprise with this juristic ID", value: link.fromJuristicId, code: "not_found" } };
  const to = (await visibleEnterprise(link.toJuristicId))?.id ?? null;
  if (to === null) return { status: "skipped", issue: { field: "toJuristicId", message: "no enterprise with this juristic ID", value: link.toJuristicId, code: "not_found" } };
  const code = clusterCode ?? link.clusterCode;
  const cluster = code ? await changeableCluster(code) : undefined;
  if (code && !cluster) return { status: "skipped", issue: { field: "clusterCode", message: `no cluster with code ${code}`, value: code, code: "not_found" } };
  const existing = await trx
    .selectFrom("linkages").select(["id", "annual_value", "cluster_id", "updated_at"])
    .where("from_type", "=", "enterprise").where("from_id", "=", from).where("to_type", "=", "enterprise").where("to_id", "=", to).where("kind", "=", link.kind)
    .where((eb) => (link.product === null ? eb("product", "is", null) : eb("product", "=", link.product)))
    .executeTakeFirst();
  if (existing) {
    // An existing link is changed (value, cluster) only by someone who keeps it: the editors of its cluster, or
    // for a link of no cluster those who edit every firm; a file cannot pull another cluster's link into its own.
    const keeper = existing.cluster_id === null ? null : await trx.selectFrom("clusters").select(["id", "coordinating_agency_id", "published"]).where("id", "=", existing.cluster_id).executeTakeFirst();
    const mayChange = keeper
      ? can(actor, "update", { type: "cluster", clusterId: keeper.id, coordinatingAgencyId: keeper.coordinating_agency_id, published: keeper.published === 1 })
      : can(actor, "update", { type: "enterprise", enterpriseId: null, clusterIds: [], published: false });
    if (!mayChange) return { status: "skipped", issue: { field: "", message: "this link is already in the registry and you may not change it", code: "not_permitted" } };
    undo.linkages.updated.push(existing);
    await trx.updateTable("linkages").set({ annual_value: link.annualValue, cluster_id: cluster?.id ?? null, updated_at: now }).where("id", "=", existing.id).execute();
    return { status: "updated" };
  }
  const inserted = await trx.insertInto("linkages").values({ cluster_id: cluster?.id ?? null, from_type: "enterprise", from_id: from, to_type: "enterprise", to_id: to, kind: link.kind, product: link.product, annual_value: link.annualValue, is_example: 0, created_at: now, updated_at: now }).returning("id").executeTakeFirstOrThrow();
  undo.linkages.inserted.push(inserted.id);
  return { status: "imported" };
}
