import { existsSync, statSync } from "node:fs";
import type { Actor } from "@sainam/core";
import { audit, clusters, importBatches, nowIso, plans, reference, search, tsicCodes, type PlanRow } from "@sainam/db";
import { checkMapping, parseColumnMapping, ReadTableError, resolveMapping, type ColumnMapping } from "@sainam/importer";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, canImportValues } from "../policies/policy.ts";
import { readPreparedChunks, type ReaderInput } from "./import-reader.ts";
import { importIndicatorValues, widePeriodColumns } from "../indicator-values/indicator-value-import.ts";
import { planValuesResource } from "../indicator-values/value-scope.ts";
import {
  actorId,
  finishBatch,
  removeUpload,
  requireBatch,
  revertBatch,
  yieldToEventLoop,
  isImportKind,
  type BatchFile,
  type ImportProgress,
} from "./import-batches.ts";
import { preview, readErrorMessage, sourceKey } from "./import-preview.ts";
import { describeError, EnterpriseRows, ReportBuilder, type ImportReportView } from "./import-report.ts";
import { writeSlice, type RowImport } from "./import-writers.ts";
import { importExperts, importProviders } from "../providers/provider-import.ts";

const CHUNK = 2000;
// An import writes in short transactions (a few tens of milliseconds each), giving the event loop back between
// them, so other requests' queries and writes run while a big file is imported. While nobody has used the app for
// QUIET_MS, a slice doubles from SLICE_ROWS up to LONG_SLICE_ROWS; the first request brings it back to SLICE_ROWS.
// Fewer commits when nobody is waiting: each commit flushes a new search-index segment (merged later) and writes
// the write-ahead log, about a third of the writer's time at 250 rows a slice.
const SLICE_ROWS = 250;
const LONG_SLICE_ROWS = 2000;
export const QUIET_MS = 1000;
const PROGRESS_EVERY_MS = 1000;
// An import that wrote at least this many firms compacts the search index when it is done.
const COMPACT_AFTER_ROWS = 10_000;
// Between slices an import waits while other requests are being answered, at most this long each time: people's
// sign-ins and lists come first, and the import still moves on under a steady load.
const GIVE_WAY_MS = 250;

type RunHooks = {
  /** Called after each slice is committed, with its number and its rows (tests: a failure or a stop part-way). */
  afterSlice?: (slice: number, rows: number) => Promise<void>;
};

/**
 * What a run does, by kind. Row files (firms, memberships, links) are read on the reader and written a slice at a
 * time (`strict`: a first pass refuses the whole file if a row is unusable; `clusterCode`: the cluster a
 * membership or link file goes into, when one was given). Indicator values fill one plan's indicators, from a long
 * or a wide file.
 */
type ImportJob =
  | { kind: "enterprises"; strict: boolean }
  | { kind: "memberships"; strict: boolean; clusterCode: string | null }
  | { kind: "linkages"; strict: boolean; clusterCode: string | null }
  | { kind: "indicator_values"; plan: PlanRow; layout: "long" | "wide" }
  | { kind: "providers" }
  | { kind: "experts" };
type RowJob = Exclude<ImportJob, { kind: "indicator_values" | "providers" | "experts" }>;

/**
 * Lets what waits on the event loop run, then waits while other requests are being answered (GIVE_WAY_MS at most).
 * Tells whether anyone is using the app (a request answered in the last QUIET_MS): the next slice is then short.
 */
async function giveWay(ctx: AppContext): Promise<{ busy: boolean }> {
  await yieldToEventLoop();
  const busy = ctx.foreground.quietForMs() < QUIET_MS;
  await ctx.foreground.whenQuiet(GIVE_WAY_MS);
  return { busy };
}

/** The rows of the slice after one of `previous` rows: twice as many while the app is quiet, SLICE_ROWS once it is not. */
export function nextSliceRows(previous: number, busy: boolean): number {
  return busy ? SLICE_ROWS : Math.min(LONG_SLICE_ROWS, previous * 2);
}

/**
 * Starts importing an uploaded batch with a column mapping (saved for the next file from the same
 * source). The work runs in the background; `importStatus` reports progress and then the row report.
 * `wait` makes the call return when done (CLI and tests). A batch interrupted by a restart runs again
 * while its file is kept.
 */
export async function runImport(
  ctx: AppContext,
  actor: Actor,
  batchId: number,
  input: {
    mapping: unknown;
    clusterId?: number | undefined;
    strict?: boolean | undefined;
    planId?: number | undefined;
    layout?: "long" | "wide" | undefined;
    wait?: boolean;
  },
  hooks: RunHooks = {},
) {
  authorize(actor, "create", { type: "import" });
  const row = await requireBatch(ctx, actor, batchId);
  const interrupted = row.status === "failed" && row.error_code === "interrupted";
  if ((row.status !== "uploaded" && !interrupted) || ctx.imports.running.has(batchId))
    throw errors.conflict(`import batch ${batchId} is ${row.status}`, "", "import_state", { status: row.status });
  if (row.upload_path === null || !existsSync(row.upload_path) || !isImportKind(row.kind))
    throw errors.conflict("the uploaded file is no longer kept: upload it again", "", "upload_gone");
  const batch: BatchFile = { id: row.id, kind: row.kind, path: row.upload_path, fileName: row.file_name };
  const given = parseColumnMapping(batch.kind, input.mapping);
  if (!given) throw errors.validation("mapping", "must be an object of field → column header", "invalid_type");
  const look = await preview(batch.path);
  // A mapping made for another month of the same source names its columns as that month spelt them.
  const mapping = resolveMapping(given, look.headers);
  const problems = checkMapping(batch.kind, mapping, look.headers, { clusterGiven: input.clusterId !== undefined });
  const first = problems[0];
  if (first) {
    const message =
      first.code === "required"
        ? `one of ${first.fields.join(", ")} must be mapped`
        : first.code === "missing_header"
          ? `column "${first.header}" is not in the file`
          : first.code === "duplicate_header"
            ? `column "${first.header}" feeds two fields`
            : "is not a field of this kind";
    throw errors.validation(
      first.code === "required" ? `mapping.${first.fields[0] ?? ""}` : `mapping.${first.field}`,
      message,
      first.code === "required"
        ? "not_mapped"
        : first.code === "missing_header"
          ? "not_in_file"
          : first.code === "duplicate_header"
            ? "mapped_twice"
            : "unknown_field",
      "header" in first
        ? { header: first.header }
        : first.code === "unknown_field"
          ? { keys: [first.field] }
          : undefined,
    );
  }
  let clusterCode: string | null = null;
  if (input.clusterId !== undefined) {
    const cluster = await clusters.findCluster(ctx.database.db, input.clusterId);
    if (!cluster) throw errors.missing("clusterId", "cluster", input.clusterId);
    authorize(actor, "update", {
      type: "cluster",
      clusterId: cluster.id,
      coordinatingAgencyId: cluster.coordinating_agency_id,
      published: cluster.published === 1,
    });
    clusterCode = cluster.code;
  }
  let valuePlan: PlanRow | null = null;
  if (batch.kind === "indicator_values") {
    if (input.planId === undefined)
      throw errors.validation(
        "planId",
        "is required for indicator values: the plan whose indicators the file fills",
        "required",
      );
    const plan = await plans.findPlan(ctx.database.db, input.planId);
    if (!plan) throw errors.missing("planId", "plan", input.planId);
    const resource = await planValuesResource(ctx.database.db, plan);
    // Plan-wide entry rights, or a coordinator's own clusters: each row is checked again when read.
    if (!canImportValues(actor, resource)) authorize(actor, "enter", resource);
    if ((input.layout ?? "long") === "long") {
      if (mapping.period === undefined)
        throw errors.validation(
          "mapping.period",
          "must be mapped in a long file (or choose the wide layout)",
          "not_mapped",
        );
      if (mapping.value === undefined && mapping.numerator === undefined)
        throw errors.validation(
          "mapping.value",
          "value (or numerator and denominator) must be mapped in a long file",
          "not_mapped",
        );
    } else if (widePeriodColumns(look.headers, mapping).length === 0) {
      throw errors.validation(
        "layout",
        "a wide file needs columns headed by periods (2563, FY2021, ปีงบประมาณ 2564)",
        "no_period_columns",
      );
    }
    valuePlan = plan;
  }
  const key = sourceKey(batch.kind, look.headers);
  await importBatches.saveMapping(ctx.database.db, batch.kind, key, JSON.stringify(mapping), nowIso());
  const progress: ImportProgress = { rowsRead: 0, bytesRead: 0, totalBytes: statSync(batch.path).size };
  // Claimed with a conditional update, so two requests (or two processes) never run the same batch.
  const claimed = await importBatches.claimBatch(ctx.database.db, batchId, row.status, {
    status: "running",
    started_at: nowIso(),
    finished_at: null,
    error_code: null,
    error_message: null,
    report_json: null,
    counts_json: null,
    progress_json: JSON.stringify(progress),
  });
  if (!claimed || ctx.imports.running.has(batchId))
    throw errors.conflict(`import batch ${batchId} is running`, "", "import_state", { status: "running" });
  const job = { progress };
  ctx.imports.running.set(batchId, job);
  const what = jobOf(batch, {
    clusterCode,
    strict: input.strict === true,
    plan: valuePlan,
    layout: input.layout ?? "long",
  });
  const work = (
    what.kind === "indicator_values"
      ? executeValueImport(ctx, actor, batch, job, mapping, what.plan, what.layout)
      : what.kind === "providers" || what.kind === "experts"
        ? executeServiceImport(ctx, actor, batch, job, mapping, what.kind)
        : executeImport(ctx, actor, batch, job, mapping, what, hooks)
  )
    .catch(async (error: unknown) => {
      const unreadable = error instanceof ReadTableError;
      if (!unreadable) ctx.imports.log({ batchId, ...describeError(error) }, "import failed");
      const kept = await revertBatch(ctx, batchId);
      await finishBatch(
        ctx,
        batch,
        "failed",
        kept.length > 0
          ? {
              counts: { imported: 0, updated: 0, skipped: 0, errors: 0 },
              rows: [],
              truncated: false,
              keptAfterRevert: kept.slice(0, 1000),
            }
          : null,
        unreadable ? "unreadable_file" : "import_failed",
        undefined,
        unreadable ? readErrorMessage(error) : undefined,
      );
    })
    .catch((error: unknown) =>
      ctx.imports.log({ batchId, ...describeError(error) }, "import failure could not be recorded"),
    )
    .finally(() => ctx.imports.running.delete(batchId));
  if (input.wait) await work;
  const after = await importBatches.findBatch(ctx.database.db, batchId);
  return { batchId, status: after?.status ?? "running" };
}

async function executeImport(
  ctx: AppContext,
  actor: Actor,
  batch: BatchFile,
  job: { progress: ImportProgress },
  mapping: ColumnMapping,
  options: RowJob,
  hooks: RunHooks,
) {
  const { db } = ctx.database;
  const reader: ReaderInput = {
    path: batch.path,
    kind: options.kind,
    mapping,
    gazetteer: options.kind === "linkages" ? null : await reference.loadGazetteer(db),
    tsicCodes: options.kind === "enterprises" ? tsicCodes() : null,
    chunkSize: CHUNK,
    errorsOnly: false,
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
      await finishBatch(
        ctx,
        batch,
        "failed",
        { counts: report.counts, rows: report.rows, truncated: report.truncated },
        "rows_unusable",
        report.counts.errors,
      );
      return;
    }
  }

  const report = new ReportBuilder();
  const rowImport: RowImport =
    options.kind === "enterprises"
      ? { kind: "enterprises", seen: new EnterpriseRows() }
      : { kind: options.kind, seen: new Map(), clusterCode: options.clusterCode };
  // Every row this batch writes carries this updated_at: a revert leaves rows whose updated_at has changed since.
  const now = nowIso();
  let slice = 0;
  let sliceRows = SLICE_ROWS;
  let progressWritten = Date.now();
  // The worker reads and prepares the next chunks while this thread writes the current one, a slice at a time.
  for await (const chunk of readPreparedChunks(reader)) {
    job.progress = { rowsRead: chunk.rowsRead, bytesRead: chunk.bytesRead, totalBytes: chunk.totalBytes };
    for (let i = 0; i < chunk.rows.length;) {
      const rows = chunk.rows.slice(i, i + sliceRows);
      i += rows.length;
      const writeProgress = Date.now() - progressWritten >= PROGRESS_EVERY_MS;
      await db.transaction().execute(async (trx) => {
        if (ctx.database.dialect === "postgres") await importBatches.commitSliceWithoutWaitingForDisk(trx);
        const undo = importBatches.emptyUndo(now);
        await writeSlice(ctx, trx, rowImport, rows, report, now, undo, actor);
        if (!importBatches.isEmptyUndo(undo)) await importBatches.appendJournal(trx, batch.id, slice, undo);
        if (writeProgress)
          await importBatches.updateBatch(trx, batch.id, { progress_json: JSON.stringify(job.progress) });
      });
      if (writeProgress) progressWritten = Date.now();
      slice++;
      await hooks.afterSlice?.(slice, rows.length);
      sliceRows = nextSliceRows(sliceRows, (await giveWay(ctx)).busy);
    }
  }
  const view: ImportReportView = {
    counts: report.counts,
    rows: report.rows.sort((a, b) => a.rowNumber - b.rowNumber),
    truncated: report.truncated,
  };
  await db.transaction().execute(async (trx) => {
    await importBatches.updateBatch(trx, batch.id, {
      status: "done",
      counts_json: JSON.stringify(report.counts),
      report_json: JSON.stringify(view),
      progress_json: JSON.stringify(job.progress),
      finished_at: nowIso(),
      upload_path: null,
    });
    await importBatches.deleteJournal(trx, batch.id);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: `import.${batch.kind}`,
      entityType: "import_batch",
      entityId: batch.id,
      after: { fileName: batch.fileName, counts: report.counts },
    });
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

async function executeValueImport(
  ctx: AppContext,
  actor: Actor,
  batch: BatchFile,
  job: { progress: ImportProgress },
  mapping: ColumnMapping<"indicator_values">,
  plan: PlanRow,
  layout: "long" | "wide",
) {
  const { report, failed } = await importIndicatorValues(ctx, actor, {
    path: batch.path,
    plan,
    mapping,
    layout,
    onRow: () => {
      job.progress = { ...job.progress, rowsRead: job.progress.rowsRead + 1 };
    },
    onProgress: (bytesRead, totalBytes) => {
      job.progress = { ...job.progress, bytesRead, totalBytes };
    },
  });
  await finishBatch(
    ctx,
    batch,
    failed ? "failed" : "done",
    report,
    failed ? "rows_unusable" : null,
    failed ? report.counts.errors : undefined,
  );
}

/** The job a batch's kind makes of what the run was given (checked by runImport before). */
function jobOf(
  batch: BatchFile,
  given: { clusterCode: string | null; strict: boolean; plan: PlanRow | null; layout: "long" | "wide" },
): ImportJob {
  switch (batch.kind) {
    case "enterprises":
      return { kind: "enterprises", strict: given.strict };
    case "memberships":
    case "linkages":
      return { kind: batch.kind, strict: given.strict, clusterCode: given.clusterCode };
    case "indicator_values":
      if (given.plan === null) throw new Error("an indicator-value import runs with its plan");
      return { kind: "indicator_values", plan: given.plan, layout: given.layout };
    case "providers":
      return { kind: "providers" };
    case "experts":
      return { kind: "experts" };
  }
}

/** A providers or experts file: read and checked whole, written in one transaction or not at all. */
async function executeServiceImport(
  ctx: AppContext,
  actor: Actor,
  batch: BatchFile,
  job: { progress: ImportProgress },
  mapping: ColumnMapping,
  kind: "providers" | "experts",
) {
  const hooks = {
    batchId: batch.id,
    path: batch.path,
    onRow: () => {
      job.progress = { ...job.progress, rowsRead: job.progress.rowsRead + 1 };
    },
    onProgress: (bytesRead: number, totalBytes: number | null) => {
      job.progress = { ...job.progress, bytesRead, totalBytes };
    },
  };
  const { report, failed } =
    kind === "providers"
      ? await importProviders(ctx, actor, { ...hooks, mapping: parseColumnMapping("providers", mapping) ?? {} })
      : await importExperts(ctx, actor, { ...hooks, mapping: parseColumnMapping("experts", mapping) ?? {} });
  await finishBatch(
    ctx,
    batch,
    failed ? "failed" : "done",
    report,
    failed ? "rows_unusable" : null,
    failed ? report.counts.errors : undefined,
  );
}
