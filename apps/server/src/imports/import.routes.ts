import { Transform } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { importKinds } from "@sainam/importer";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { errorResponses } from "../http/common.schema.ts";
import { importPreview, importStatus, listImports, MAX_UPLOAD_BYTES, runImport, takeOverImport, uploadImport } from "./import.service.ts";

/** `code` (with `params`) says why, for the report to be worded in Thai or English; reports stored before codes have none. */
const issue = z.object({
  field: z.string(),
  message: z.string(),
  value: z.string().optional(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
const reportSchema = z.object({
  counts: z.object({ imported: z.number().int(), updated: z.number().int(), skipped: z.number().int(), errors: z.number().int() }),
  rows: z.array(z.object({ rowNumber: z.number().int(), status: z.string(), key: z.string().nullable(), issues: z.array(issue) })),
  truncated: z.boolean(),
  /** Records a failed batch's revert kept because someone changed (or referred to) them after the import wrote them. */
  keptAfterRevert: z.array(z.object({ entity: z.enum(["enterprise", "membership", "linkage"]), id: z.number().int(), reason: z.enum(["edited", "referenced"]) })).optional(),
});
/** The batch as stored: `errorCode` says why it failed (rows_unusable | import_failed | interrupted | abandoned), `error` in English words. */
const batchSchema = z.object({
  batchId: z.number().int(), kind: z.string(), fileName: z.string(), status: z.string(),
  progress: z.object({ rowsRead: z.number().int(), bytesRead: z.number(), totalBytes: z.number().nullable() }),
  report: reportSchema.nullable(), error: z.string().nullable(), errorCode: z.string().nullable(),
  /** An upload not yet run, or a batch interrupted by a restart whose file is still kept. */
  canRunAgain: z.boolean(),
});

/** What an upload answers (and a runnable batch's preview, again). */
const previewSchema = z.object({
  batchId: z.number().int(), format: z.string(), encoding: z.string(), headers: z.array(z.string()), headerRowNumber: z.number().int(),
  suggestedMapping: z.record(z.string(), z.string()), savedMapping: z.record(z.string(), z.string()).nullable(), sampleRows: z.array(z.array(z.string())),
  suggestedLayout: z.enum(["long", "wide"]).optional(), periodColumns: z.array(z.string()).optional(),
});

const BATCH_STATUSES = ["uploaded", "running", "done", "failed"] as const;
const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  status: z.enum(BATCH_STATUSES).optional(),
  kind: z.enum(importKinds).optional(),
  /** `all`: every user's batches (admins only). */
  owner: z.enum(["mine", "all"]).default("mine"),
});
/** A batch in a list: what a history shows, never the upload's path. */
const batchListItem = z.object({
  batchId: z.number().int(), kind: z.string(), fileName: z.string(), status: z.string(), errorCode: z.string().nullable(),
  counts: reportSchema.shape.counts.nullable(),
  createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
  /** The caller's own batch; otherwise `owner` names whose it is (an admin listing every user's). */
  mine: z.boolean(),
  owner: z.object({ userId: z.number().int().nullable(), displayName: z.string().nullable() }).nullable(),
  canRunAgain: z.boolean(),
  /** Another user's batch the caller (an admin) may take over. */
  canTakeOver: z.boolean(),
});

/** Counts bytes as they pass and stops an upload past the limit, so a huge body never fills the disk. */
function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(errors.validation("file", `must be at most ${Math.round(max / 1024 / 1024)} MB`, "file_too_large", { maxMb: Math.round(max / 1024 / 1024) }));
      else callback(null, chunk);
    },
  });
}

export function importRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // The file arrives as the raw body and is streamed to disk, never held whole in memory.
    app.addContentTypeParser("application/octet-stream", (_request, payload, done) => done(null, payload));

    app.post("/imports", {
      schema: {
        tags: ["imports"],
        summary: "Upload a CSV or XLSX file (raw bytes, application/octet-stream) for import; answers a preview and a suggested column mapping",
        querystring: z.object({ kind: z.enum(importKinds), fileName: z.string().trim().min(1).max(255) }),
        response: { 201: previewSchema, ...errorResponses(400, 401, 403) },
      },
    }, async (request, reply) => {
      const body: unknown = request.body;
      if (!(body && typeof body === "object" && "pipe" in body && typeof body.pipe === "function" && "on" in body)) {
        throw errors.validation("body", "send the file's bytes with Content-Type: application/octet-stream", "wrong_content_type");
      }
      const limited = request.raw.pipe(limitBytes(MAX_UPLOAD_BYTES));
      const result = await uploadImport(ctx, request.actor, { kind: request.query.kind, fileName: request.query.fileName, body: limited });
      return reply.status(201).send(result);
    });

    app.get("/imports", {
      schema: {
        tags: ["imports"],
        summary: "The caller's import batches, newest first; admins may list every user's (owner=all) and take others' over",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(batchListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }), ...errorResponses(400, 401, 403) },
      },
    }, async (request) => listImports(ctx, request.actor, request.query));

    app.get("/imports/:batchId/preview", {
      schema: {
        tags: ["imports"],
        summary: "The upload's preview and mapping again, for a batch that can run (uploaded, or interrupted with its file kept)",
        params: z.object({ batchId: z.coerce.number().int().positive() }),
        response: { 200: previewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    }, async (request) => importPreview(ctx, request.actor, request.params.batchId));

    app.post("/imports/:batchId/run", {
      schema: {
        tags: ["imports"],
        summary: "Import an uploaded file with a column mapping; runs in the background (poll GET /api/imports/{batchId})",
        params: z.object({ batchId: z.coerce.number().int().positive() }),
        body: z.object({
          mapping: z.record(z.string(), z.string()), clusterId: z.number().int().positive().optional(), strict: z.boolean().optional(),
          planId: z.number().int().positive().optional(), layout: z.enum(["long", "wide"]).optional(),
        }).strict(),
        response: { 202: z.object({ batchId: z.number().int(), status: z.string() }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    }, async (request, reply) => reply.status(202).send(await runImport(ctx, request.actor, request.params.batchId, request.body)));

    app.get("/imports/:batchId", {
      schema: {
        tags: ["imports"],
        summary: "Progress of an import and, when done, its row-level report",
        params: z.object({ batchId: z.coerce.number().int().positive() }),
        response: { 200: batchSchema, ...errorResponses(400, 401, 404) },
      },
    }, async (request) => importStatus(ctx, request.actor, request.params.batchId));

    app.post("/imports/:batchId/takeover", {
      schema: {
        tags: ["imports"],
        summary: "An admin takes over another user's import batch (audited): it then belongs to the admin, who may see and run it",
        params: z.object({ batchId: z.coerce.number().int().positive() }),
        response: { 200: batchSchema, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => takeOverImport(ctx, request.actor, request.params.batchId));
  };
}
