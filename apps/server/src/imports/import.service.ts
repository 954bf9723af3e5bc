import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import type { Actor, Gazetteer } from "@sainam/core";
import { audit, enterpriseImport, nowIso, plans, privateDir, search, type DB, type PlanRow } from "@sainam/db";
import {
  checkMapping, enterpriseKey, headerKey, linkageKey, membershipKey, parseColumnMapping, planBatch, readTable, ReadTableError, suggestMapping,
  type ColumnMapping, type EnterpriseRecord, type ImportKind, type LinkageRecord, type MembershipRecord, type ReadTableErrorCode, type ReportRow, type RowIssue,
} from "@sainam/importer";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors, type FieldErrorCode } from "../errors.ts";
import { authorize, can } from "../policies/policy.ts";
import { readPreparedChunks, type PreparedRow, type ReaderInput } from "./import-reader.ts";
import { importIndicatorValues, widePeriodColumns } from "../indicator-values/indicator-value-import.ts";
import { planValuesResource } from "../indicator-values/value-scope.ts";

const CHUNK = 2000;
// Every row is reported up to this many; past it only skipped rows (up to MAX_SKIPPED_ROWS), so a
// million-row file's report stays small; counts are always complete.
const FULL_REPORT_ROWS = 50_000;
const MAX_SKIPPED_ROWS = 100_000;
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export type ImportProgress = { rowsRead: number; bytesRead: number; totalBytes: number | null };
export type ImportReportView = {
  counts: { imported: number; updated: number; skipped: number; errors: number };
  rows: ReportRow[];
  truncated: boolean;
};
type BatchState = {
  id: number;
  kind: ImportKind;
  path: string;
  fileName: string;
  actorUserId: number | null;
  status: "uploaded" | "running" | "done" | "failed";
  progress: ImportProgress;
  report: ImportReportView | null;
  error: string | null;
  createdAt: number;
};

// Running and finished batches of this process; the database keeps the status and counts for good.
const batches = new Map<number, BatchState>();
const KEEP_BATCHES = 200;
const ABANDONED_AFTER_MS = 24 * 3_600_000;

/** Forgets old finished batches and deletes the files of uploads never run, so a long-lived server stays small. */
async function pruneBatches(): Promise<void> {
  const now = Date.now();
  for (const batch of batches.values()) {
    if (batch.status === "uploaded" && now - batch.createdAt > ABANDONED_AFTER_MS) {
      batches.delete(batch.id);
      await rm(batch.path, { force: true });
    }
  }
  const finished = [...batches.values()].filter((b) => b.status === "done" || b.status === "failed");
  for (const batch of finished.slice(0, Math.max(0, batches.size - KEEP_BATCHES))) batches.delete(batch.id);
}

function uploadDir(ctx: AppContext): string {
  const dir = ctx.config.dataDir === ":memory:" ? join(tmpdir(), "sainam-imports") : join(ctx.config.dataDir, "imports");
  // Uploads hold personal data: only the server's user may list or read them (0700 folder, 0600 files).
  privateDir(dir);
  return dir;
}

function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

/** A stable key for the "same source": the kind and the file's header row. Mappings are saved under it. */
function sourceKey(kind: ImportKind, headers: ReadonlyArray<string>): string {
  return createHash("sha256").update(`${kind}\n${headers.map(headerKey).join("\u0001")}`).digest("hex").slice(0, 32);
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
    if (error instanceof ReadTableError) throw errors.validation("file", error.message, fileErrorCode(error.code), { reason: error.code });
    throw error;
  }
  if (!header) throw errors.validation("file", "no header row was found", "no_header");
  return { ...header, sampleRows };
}

/** Stores an uploaded file and answers what it looks like: format, encoding, header, sample rows and a mapping. */
export async function uploadImport(ctx: AppContext, actor: Actor, input: { kind: ImportKind; fileName: string; body: Readable | { path: string } }) {
  authorize(actor, "create", { type: "import" });
  await pruneBatches();
  const { db } = ctx.database;
  const ext = extname(input.fileName).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx" && ext !== ".txt") throw errors.validation("fileName", "must end in .csv or .xlsx", "wrong_file_type");
  let path: string;
  if ("path" in input.body) {
    path = input.body.path;
  } else {
    path = join(uploadDir(ctx), `${randomUUID()}${ext}`);
    await pipeline(input.body, createWriteStream(path, { mode: 0o600 }));
  }
  const size = statSync(path).size;
  if (size === 0) throw errors.validation("file", "the file is empty", "empty_file");
  const look = await preview(path);
  const key = sourceKey(input.kind, look.headers);
  const saved = await db.selectFrom("import_mappings").select("mapping_json").where("kind", "=", input.kind).where("source_key", "=", key).executeTakeFirst();
  const { id } = await db
    .insertInto("import_batches")
    .values({ kind: input.kind, file_name: input.fileName, status: "uploaded", counts_json: null, actor_user_id: actorId(actor), created_at: nowIso(), finished_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  batches.set(id, { id, kind: input.kind, path, fileName: input.fileName, actorUserId: actorId(actor), status: "uploaded", progress: { rowsRead: 0, bytesRead: 0, totalBytes: size }, report: null, error: null, createdAt: Date.now() });
  let suggestedMapping: ColumnMapping = suggestMapping(input.kind, look.headers, look.sampleRows);
  let valueLayout: { suggestedLayout: "long" | "wide"; periodColumns: string[] } | null = null;
  if (input.kind === "indicator_values") {
    // Two or more headers naming periods ("2563", "ปีงบประมาณ 2564") make a wide file: those columns hold values.
    const periods = widePeriodColumns(look.headers, {});
    const wide = periods.length >= 2;
    const periodHeaders = new Set(periods.map((p) => p.header));
    if (wide) suggestedMapping = Object.fromEntries(Object.entries(suggestedMapping).filter(([field, header]) => field !== "period" && field !== "value" && !periodHeaders.has(header ?? "")));
    valueLayout = { suggestedLayout: wide ? "wide" : "long", periodColumns: wide ? [...periodHeaders] : [] };
  }
  return {
    ...(valueLayout ?? {}),
    batchId: id,
    format: look.format,
    encoding: look.encoding,
    headers: look.headers,
    headerRowNumber: look.headerRowNumber,
    suggestedMapping,
    savedMapping: saved ? parseColumnMapping(input.kind, JSON.parse(saved.mapping_json)) : null,
    sampleRows: look.sampleRows,
  };
}

function requireBatch(actor: Actor, batchId: number): BatchState {
  const batch = batches.get(batchId);
  if (!batch) throw errors.notFound("import batch", batchId);
  const isAdmin = actor.kind === "system" || (actor.kind === "user" && actor.role === "admin");
  if (!isAdmin && actorId(actor) !== batch.actorUserId) throw errors.notFound("import batch", batchId);
  return batch;
}

export function importStatus(_ctx: AppContext, actor: Actor, batchId: number) {
  const batch = requireBatch(actor, batchId);
  const report = batch.report
    ? { counts: batch.report.counts, truncated: batch.report.truncated, rows: batch.report.rows.map((r) => ({ rowNumber: r.rowNumber, status: r.status, key: r.key, issues: r.issues.map((i) => ({ ...i })) })) }
    : null;
  return { batchId, kind: batch.kind, fileName: batch.fileName, status: batch.status, progress: batch.progress, report, error: batch.error };
}

/**
 * Starts importing an uploaded batch with a column mapping (saved for the next file from the same
 * source). The work runs in the background; `importStatus` reports progress and then the row report.
 * `wait` makes the call return when done (CLI and tests).
 */
export async function runImport(ctx: AppContext, actor: Actor, batchId: number, input: { mapping: unknown; clusterId?: number | undefined; strict?: boolean | undefined; planId?: number | undefined; layout?: "long" | "wide" | undefined; wait?: boolean }) {
  authorize(actor, "create", { type: "import" });
  const batch = requireBatch(actor, batchId);
  if (batch.status !== "uploaded") throw errors.conflict(`import batch ${batchId} is ${batch.status}`, "", "import_state", { status: batch.status });
  const mapping = parseColumnMapping(batch.kind, input.mapping);
  if (!mapping) throw errors.validation("mapping", "must be an object of field → column header", "invalid_type");
  const look = await preview(batch.path);
  const problems = checkMapping(batch.kind, mapping, look.headers);
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
    if (!can(actor, "enter", resource) && !(actor.kind === "user" && actor.role === "cluster_coordinator")) authorize(actor, "enter", resource);
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
  batch.status = "running";
  await ctx.database.db.updateTable("import_batches").set({ status: "running" }).where("id", "=", batchId).execute();
  const work = (valuePlan ? executeValueImport(ctx, actor, batch, mapping, valuePlan, input.layout ?? "long") : executeImport(ctx, actor, batch, mapping, { clusterCode, strict: input.strict === true })).catch(async (error: unknown) => {
    batch.status = "failed";
    batch.error = error instanceof Error ? error.message : String(error);
    await ctx.database.db.updateTable("import_batches").set({ status: "failed", finished_at: nowIso() }).where("id", "=", batchId).execute();
    await discardUpload(ctx, batch);
  });
  if (input.wait) await work;
  return { batchId, status: batch.status };
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

async function executeImport(ctx: AppContext, actor: Actor, batch: BatchState, mapping: ColumnMapping, options: { clusterCode: string | null; strict: boolean }) {
  const { db } = ctx.database;
  if (batch.kind === "indicator_values") throw new Error("indicator values are imported by executeValueImport");
  const reader: ReaderInput = { path: batch.path, kind: batch.kind, mapping, gazetteer: batch.kind === "enterprises" ? await gazetteerOf(db) : null, chunkSize: CHUNK, errorsOnly: false };

  if (options.strict) {
    // First pass: one unusable row is enough to stop the batch before anything is written.
    const report = new ReportBuilder();
    for await (const chunk of readPreparedChunks({ ...reader, errorsOnly: true })) {
      for (const { rowNumber, outcome } of chunk.rows) {
        if (!outcome.ok) report.add({ rowNumber, status: "error", key: null, issues: outcome.issues });
      }
    }
    if (report.counts.errors > 0) {
      batch.status = "failed";
      batch.error = `${report.counts.errors} rows cannot be imported; nothing was written (strict mode)`;
      batch.report = { counts: report.counts, rows: report.rows, truncated: report.truncated };
      await db.updateTable("import_batches").set({ status: "failed", counts_json: JSON.stringify(report.counts), finished_at: nowIso() }).where("id", "=", batch.id).execute();
      await discardUpload(ctx, batch);
      return;
    }
  }

  const report = new ReportBuilder();
  const seen = batch.kind === "enterprises" ? new EnterpriseRows() : new Map<string, { rowNumber: number; status: "imported" | "updated" }>();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    // New firms' postings are appended in memory across chunks and written once per block (a common
    // prefix's tail block is otherwise rewritten every chunk); written below, before the commit, and
    // dropped with the transaction if it rolls back.
    const postings = search.createPostingBuffer("enterprise");
    // The worker reads and prepares the next chunks while this thread writes the current one.
    for await (const chunk of readPreparedChunks(reader)) {
      batch.progress = { rowsRead: chunk.rowsRead, bytesRead: chunk.bytesRead, totalBytes: chunk.totalBytes };
      if (chunk.rows.length > 0) await writeChunk(ctx, trx, batch.kind, chunk.rows, report, seen, now, options.clusterCode, postings);
    }
    await search.flushPostingBuffer(trx, postings, ctx.database.sqlite);
    await trx.updateTable("import_batches").set({ status: "done", counts_json: JSON.stringify(report.counts), finished_at: nowIso() }).where("id", "=", batch.id).execute();
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: `import.${batch.kind}`, entityType: "import_batch", entityId: batch.id, after: { fileName: batch.fileName, counts: report.counts } });
  });
  batch.status = "done";
  batch.report = { counts: report.counts, rows: report.rows.sort((a, b) => a.rowNumber - b.rowNumber), truncated: report.truncated };
  await discardUpload(ctx, batch);
}

async function executeValueImport(ctx: AppContext, actor: Actor, batch: BatchState, mapping: ColumnMapping<"indicator_values">, plan: PlanRow, layout: "long" | "wide") {
  const { report, failed } = await importIndicatorValues(ctx, actor, {
    path: batch.path,
    plan,
    mapping,
    layout,
    onRow: () => { batch.progress = { ...batch.progress, rowsRead: batch.progress.rowsRead + 1 }; },
    onProgress: (bytesRead, totalBytes) => { batch.progress = { ...batch.progress, bytesRead, totalBytes }; },
  });
  batch.status = failed ? "failed" : "done";
  batch.error = failed;
  batch.report = report;
  await ctx.database.db.updateTable("import_batches").set({ status: batch.status, counts_json: JSON.stringify(report.counts), finished_at: nowIso() }).where("id", "=", batch.id).execute();
  await discardUpload(ctx, batch);
}

/** Deletes an uploaded copy once its batch has run (files imported from a path, by the CLI, stay). */
async function discardUpload(ctx: AppContext, batch: BatchState): Promise<void> {
  if (batch.path.startsWith(uploadDir(ctx))) await rm(batch.path, { force: true });
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
  postings: search.PostingAppendBuffer,
): Promise<void> {
  const keyOf = (record: EnterpriseRecord | MembershipRecord | LinkageRecord): string =>
    isEnterprise(kind, record) ? enterpriseKey(record) : isMembership(kind, record) ? membershipKey({ ...record, clusterCode: clusterCode ?? record.clusterCode }) : isLinkage(kind, record) ? linkageKey(record) : "";
  const plan = planBatch(chunk, keyOf);
  const statusByRow = new Map<number, { status: "imported" | "updated" } | { status: "skipped"; issue: RowIssue }>();
  if (kind === "enterprises") {
    const prepared = new Map(chunk.map((row) => [row.rowNumber, row]));
    const upserts = plan.records.flatMap((p) => (isEnterprise(kind, p.record) ? [{ planned: p, record: p.record }] : []));
    const results = await enterpriseImport.upsertEnterpriseChunk(
      trx,
      upserts.map(({ planned, record }) => {
        const row = prepared.get(planned.rowNumber);
        const terms = row?.terms ?? [];
        return { record, sizeClass: row?.sizeClass ?? null, terms: () => terms };
      }),
      now,
      ctx.database.sqlite,
      postings,
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
    for (const planned of plan.records) {
      const outcome = await writeRelation(trx, kind, planned.record, now, clusterCode);
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

async function writeRelation(trx: Transaction<DB>, kind: ImportKind, record: EnterpriseRecord | MembershipRecord | LinkageRecord, now: string, clusterCode: string | null): Promise<{ status: "imported" | "updated" } | { status: "skipped"; issue: RowIssue }> {
  const enterpriseId = async (juristicId: string) => (await trx.selectFrom("enterprises").select("id").where("juristic_id", "=", juristicId).executeTakeFirst())?.id ?? null;
  if (isMembership(kind, record)) {
    const code = clusterCode ?? record.clusterCode;
    const cluster = await trx.selectFrom("clusters").select("id").where("code", "=", code).executeTakeFirst();
    if (!cluster) return { status: "skipped", issue: { field: "clusterCode", message: `no cluster with code ${code}`, value: code, code: "not_found" } };
    const id = await enterpriseId(record.juristicId);
    if (id === null) return { status: "skipped", issue: { field: "juristicId", message: "no enterprise with this juristic ID; import the enterprises first", value: record.juristicId, code: "not_found" } };
    const existing = await trx.selectFrom("memberships").select("id").where("cluster_id", "=", cluster.id).where("enterprise_id", "=", id).executeTakeFirst();
    if (existing) {
      await trx.updateTable("memberships").set({ stage: record.stage, joined_on: record.joinedOn, left_on: record.leftOn, updated_at: now }).where("id", "=", existing.id).execute();
      return { status: "updated" };
    }
    await trx.insertInto("memberships").values({ cluster_id: cluster.id, enterprise_id: id, stage: record.stage, joined_on: record.joinedOn, left_on: record.leftOn, created_at: now, updated_at: now }).execute();
    return { status: "imported" };
  }
  if (!isLinkage(kind, record)) return { status: "skipped", issue: { field: "", message: "not a relation", code: "not_a_relation" } };
  const link = record;
  const from = await enterpriseId(link.fromJuristicId);
  if (from === null) return { status: "skipped", issue: { field: "fromJuristicId", message: "no enterprise with this juristic ID", value: link.fromJuristicId, code: "not_found" } };
  const to = await enterpriseId(link.toJuristicId);
  if (to === null) return { status: "skipped", issue: { field: "toJuristicId", message: "no enterprise with this juristic ID", value: link.toJuristicId, code: "not_found" } };
  const code = clusterCode ?? link.clusterCode;
  const cluster = code ? await trx.selectFrom("clusters").select("id").where("code", "=", code).executeTakeFirst() : undefined;
  if (code && !cluster) return { status: "skipped", issue: { field: "clusterCode", message: `no cluster with code ${code}`, value: code, code: "not_found" } };
  const existing = await trx
    .selectFrom("linkages").select("id")
    .where("from_type", "=", "enterprise").where("from_id", "=", from).where("to_type", "=", "enterprise").where("to_id", "=", to).where("kind", "=", link.kind)
    .where((eb) => (link.product === null ? eb("product", "is", null) : eb("product", "=", link.product)))
    .executeTakeFirst();
  if (existing) {
    await trx.updateTable("linkages").set({ annual_value: link.annualValue, cluster_id: cluster?.id ?? null, updated_at: now }).where("id", "=", existing.id).execute();
    return { status: "updated" };
  }
  await trx.insertInto("linkages").values({ cluster_id: cluster?.id ?? null, from_type: "enterprise", from_id: from, to_type: "enterprise", to_id: to, kind: link.kind, product: link.product, annual_value: link.annualValue, is_example: 0, created_at: now, updated_at: now }).execute();
  return { status: "imported" };
}
