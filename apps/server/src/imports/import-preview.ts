import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, existsSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import type { Actor } from "@sainam/core";
import { importBatches, nowIso } from "@sainam/db";
import {
  parseColumnMapping,
  readTable,
  ReadTableError,
  resolveMapping,
  sourceSignature,
  suggestMapping,
  type ColumnMapping,
  type ImportKind,
  type ReadTableErrorCode,
} from "@sainam/importer";
import type { AppContext } from "../context.ts";
import { errors, type FieldErrorCode } from "../errors.ts";
import { authorize } from "../policies/policy.ts";
import { widePeriodColumns } from "../indicator-values/indicator-value-import.ts";
import {
  actorId,
  isImportKind,
  removeUpload,
  requireBatch,
  runnable,
  sweepImports,
  uploadDir,
  type ImportProgress,
} from "./import-batches.ts";

// Uploading a file and answering what it looks like (format, encoding, header, sample rows, a mapping), again
// when the wizard resumes.

/**
 * Words for a file that cannot be read, from its code: the reader's own message may name the server's copy of
 * the file or quote a parser's exception, neither of which a user should see.
 */
export function readErrorMessage(error: ReadTableError): string {
  const line = error.line;
  switch (error.code) {
    case "empty_file":
      return "the file is empty";
    case "no_header_row":
      return "no header row was found near the top of the file: a header is a row of column names";
    case "unsupported_format":
      return "must be an .xlsx workbook or a CSV file (legacy .xls files are not supported: save as .xlsx or CSV UTF-8)";
    case "sheet_not_found":
      return "the workbook has no worksheet to import";
    case "malformed_xlsx":
      return "the workbook cannot be read; is it a complete .xlsx file?";
    case "malformed_csv":
      return line !== undefined ? `the CSV cannot be read from line ${line}` : "the CSV cannot be read";
    case "too_large_uncompressed":
      return "the workbook unpacks to far more data than a spreadsheet of its size holds, so it is refused";
  }
}

/**
 * A stable key for the "same source": the kind and the file's header row compared by headerKey (see
 * sourceSignature). Mappings are saved under it, and found again for any month whose headers differ only in
 * spelling, line breaks or spaces; resolveMapping then points them at this file's own header texts.
 */
export function sourceKey(kind: ImportKind, headers: ReadonlyArray<string>): string {
  return createHash("sha256").update(sourceSignature(kind, headers)).digest("hex").slice(0, 32);
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

export async function preview(path: string) {
  let header: { headers: string[]; headerRowNumber: number; encoding: string; format: string } | null = null;
  const sampleRows: string[][] = [];
  try {
    for await (const event of readTable({ path })) {
      if (event.type === "header")
        header = {
          headers: [...event.headers],
          headerRowNumber: event.headerRowNumber,
          encoding: event.encoding,
          format: event.format,
        };
      else sampleRows.push([...event.cells]);
      if (sampleRows.length >= 10) break;
    }
  } catch (error) {
    if (error instanceof ReadTableError)
      throw errors.validation("file", readErrorMessage(error), fileErrorCode(error.code), { reason: error.code });
    throw error;
  }
  if (!header) throw errors.validation("file", "no header row was found", "no_header");
  return { ...header, sampleRows };
}

/** Stores an uploaded file and answers what it looks like: format, encoding, header, sample rows and a mapping. */
export async function uploadImport(
  ctx: AppContext,
  actor: Actor,
  input: { kind: ImportKind; fileName: string; body: Readable | { path: string } },
) {
  authorize(actor, "create", { type: "import" });
  await sweepImports(ctx);
  const { db } = ctx.database;
  const ext = extname(input.fileName).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx" && ext !== ".txt")
    throw errors.validation("fileName", "must end in .csv or .xlsx", "wrong_file_type");
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
  const id = await importBatches.insertBatch(db, {
    kind: input.kind,
    file_name: input.fileName,
    status: "uploaded",
    counts_json: null,
    actor_user_id: actorId(actor),
    created_at: nowIso(),
    finished_at: null,
    upload_path: path,
    progress_json: JSON.stringify(progress),
  });
  return previewAnswer(ctx, id, input.kind, look);
}

/** What an upload answers: the file's look, a suggested mapping and the one saved for the same source. */
async function previewAnswer(
  ctx: AppContext,
  batchId: number,
  kind: ImportKind,
  look: Awaited<ReturnType<typeof preview>>,
) {
  const key = sourceKey(kind, look.headers);
  const saved = await importBatches.findSavedMapping(ctx.database.db, kind, key);
  const savedMapping = saved !== undefined ? parseColumnMapping(kind, JSON.parse(saved)) : null;
  let suggestedMapping: ColumnMapping = suggestMapping(kind, look.headers, look.sampleRows);
  let valueLayout: { suggestedLayout: "long" | "wide"; periodColumns: string[] } | null = null;
  if (kind === "indicator_values") {
    // Two or more headers naming periods ("2563", "ปีงบประมาณ 2564") make a wide file: those columns hold values.
    const periods = widePeriodColumns(look.headers, {});
    const wide = periods.length >= 2;
    const periodHeaders = new Set(periods.map((p) => p.header));
    if (wide)
      suggestedMapping = Object.fromEntries(
        Object.entries(suggestedMapping).filter(
          ([field, header]) => field !== "period" && field !== "value" && !periodHeaders.has(header ?? ""),
        ),
      );
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
  if (!runnable(row.status, row.error_code, row.upload_path !== null) || ctx.imports.running.has(batchId))
    throw errors.conflict(`import batch ${batchId} is ${row.status}`, "", "import_state", { status: row.status });
  if (row.upload_path === null || !existsSync(row.upload_path) || !isImportKind(row.kind))
    throw errors.conflict("the uploaded file is no longer kept: upload it again", "", "upload_gone");
  return previewAnswer(ctx, batchId, row.kind, await preview(row.upload_path));
}
