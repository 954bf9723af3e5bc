import { Transform } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import {
  batchIdParams,
  errorResponses,
  importBatchPageSchema,
  importBatchSchema,
  importPreviewSchema,
  importStartedSchema,
  listImportsQuery,
  runImportBody,
  uploadImportQuery,
} from "@sainam/contract";
import {
  importPreview,
  importStatus,
  listImports,
  MAX_UPLOAD_BYTES,
  runImport,
  takeOverImport,
  uploadImport,
} from "./import.service.ts";

/** Counts bytes as they pass and stops an upload past the limit, so a huge body never fills the disk. */
function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max)
        callback(
          errors.validation("file", `must be at most ${Math.round(max / 1024 / 1024)} MB`, "file_too_large", {
            maxMb: Math.round(max / 1024 / 1024),
          }),
        );
      else callback(null, chunk);
    },
  });
}

export function importRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // The file arrives as the raw body and is streamed to disk, never held whole in memory.
    app.addContentTypeParser("application/octet-stream", (_request, payload, done) => done(null, payload));

    app.post(
      "/imports",
      {
        schema: {
          tags: ["imports"],
          summary:
            "Upload a CSV or XLSX file (raw bytes, application/octet-stream) for import; answers a preview and a suggested column mapping",
          querystring: uploadImportQuery,
          response: { 201: importPreviewSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        if (!(body && typeof body === "object" && "pipe" in body && typeof body.pipe === "function" && "on" in body)) {
          throw errors.validation(
            "body",
            "send the file's bytes with Content-Type: application/octet-stream",
            "wrong_content_type",
          );
        }
        const limited = request.raw.pipe(limitBytes(MAX_UPLOAD_BYTES));
        const result = await uploadImport(ctx, request.actor, {
          kind: request.query.kind,
          fileName: request.query.fileName,
          body: limited,
        });
        return reply.status(201).send(result);
      },
    );

    app.get(
      "/imports",
      {
        schema: {
          tags: ["imports"],
          summary:
            "The caller's import batches, newest first; admins may list every user's (owner=all) and take others' over",
          querystring: listImportsQuery,
          response: { 200: importBatchPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => listImports(ctx, request.actor, request.query),
    );

    app.get(
      "/imports/:batchId/preview",
      {
        schema: {
          tags: ["imports"],
          summary:
            "The upload's preview and mapping again, for a batch that can run (uploaded, or interrupted with its file kept)",
          params: batchIdParams,
          response: { 200: importPreviewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => importPreview(ctx, request.actor, request.params.batchId),
    );

    app.post(
      "/imports/:batchId/run",
      {
        schema: {
          tags: ["imports"],
          summary:
            "Import an uploaded file with a column mapping; runs in the background (poll GET /api/imports/{batchId})",
          params: batchIdParams,
          body: runImportBody,
          response: { 202: importStartedSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await runImport(ctx, request.actor, request.params.batchId, request.body)),
    );

    app.get(
      "/imports/:batchId",
      {
        schema: {
          tags: ["imports"],
          summary: "Progress of an import and, when done, its row-level report",
          params: batchIdParams,
          response: { 200: importBatchSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => importStatus(ctx, request.actor, request.params.batchId),
    );

    app.post(
      "/imports/:batchId/takeover",
      {
        schema: {
          tags: ["imports"],
          summary:
            "An admin takes over another user's import batch (audited): it then belongs to the admin, who may see and run it",
          params: batchIdParams,
          response: { 200: importBatchSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => takeOverImport(ctx, request.actor, request.params.batchId),
    );
  };
}
