import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  attachmentParams,
  attachmentUploadQuery,
  createServiceRequestBody,
  declineBody,
  declineResultSchema,
  errorResponses,
  idParams as params,
  reassignBody,
  requestAttachmentSchema,
  requestCandidateListSchema,
  serviceRequestDetailSchema,
  serviceRequestListQuery,
  serviceRequestPageSchema,
  withdrawBody,
} from "@sainam/contract";
import type { Readable } from "node:stream";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { addAttachment, readAttachment } from "./request-attachments.ts";
import {
  acceptServiceRequest,
  declineServiceRequest,
  fileServiceRequest,
  getServiceRequest,
  listCandidates,
  listServiceRequests,
  reassignServiceRequest,
  withdrawServiceRequest,
} from "./request.service.ts";

/** Content-Disposition for a stored name: ASCII fallback plus the UTF-8 name (Thai file names survive). */
function disposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Requests for help (issue 13): filing, routing, the experts' answers, lists per role and one request's page. */
export function serviceRequestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // An attachment arrives as the raw body, read with a limit (request-attachments.ts), never parsed.
    app.addContentTypeParser("*", (_request, payload, done) => done(null, payload));

    app.get(
      "/service-requests",
      {
        schema: {
          tags: ["services"],
          summary:
            "Requests the caller may see: a firm its own, an expert those with them, managers and officers their providers', coordinators their clusters' firms', admins all",
          querystring: serviceRequestListQuery,
          response: { 200: serviceRequestPageSchema, ...errorResponses(400, 401) },
        },
      },
      async (request) => listServiceRequests(ctx, request.actor, request.query),
    );

    app.post(
      "/service-requests",
      {
        schema: {
          tags: ["services"],
          summary: "File a request for help for a firm; it is routed to an expert at once",
          body: createServiceRequestBody,
          response: { 201: serviceRequestDetailSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.code(201).send(await fileServiceRequest(ctx, request.actor, request.body)),
    );

    app.get(
      "/service-requests/:id",
      {
        schema: {
          tags: ["services"],
          summary: "One request for help: timeline, offers with their reasons, attachments (contacts masked per PDPA)",
          params,
          response: { 200: serviceRequestDetailSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => getServiceRequest(ctx, request.actor, request.params.id),
    );

    app.post(
      "/service-requests/:id/accept",
      {
        schema: {
          tags: ["services"],
          summary: "The assigned expert accepts the request",
          params,
          response: { 200: serviceRequestDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => acceptServiceRequest(ctx, request.actor, request.params.id),
    );

    app.post(
      "/service-requests/:id/decline",
      {
        schema: {
          tags: ["services"],
          summary: "The assigned expert declines with a reason; the request moves on to the next expert",
          params,
          body: declineBody,
          response: { 200: declineResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => declineServiceRequest(ctx, request.actor, request.params.id, request.body.reason),
    );

    app.get(
      "/service-requests/:id/candidates",
      {
        schema: {
          tags: ["services"],
          summary: "Experts who could take the request, ranked, with reasons (for reassigning)",
          params,
          response: { 200: requestCandidateListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => ({ items: await listCandidates(ctx, request.actor, request.params.id) }),
    );

    app.post(
      "/service-requests/:id/reassign",
      {
        schema: {
          tags: ["services"],
          summary: "Hand the request to a chosen expert (the provider's managers and agency officers, admins)",
          params,
          body: reassignBody,
          response: { 200: serviceRequestDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => reassignServiceRequest(ctx, request.actor, request.params.id, request.body.expertId),
    );

    app.post(
      "/service-requests/:id/withdraw",
      {
        schema: {
          tags: ["services"],
          summary: "The firm withdraws its request before it is closed",
          params,
          body: withdrawBody,
          response: { 200: serviceRequestDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => withdrawServiceRequest(ctx, request.actor, request.params.id, request.body.reason),
    );

    app.post(
      "/service-requests/:id/attachments",
      {
        schema: {
          tags: ["services"],
          summary: "Attach a photo (JPEG, PNG, WebP) or PDF, at most 10 MB, 5 per request: raw bytes, typed by content",
          params,
          querystring: attachmentUploadQuery,
          response: { 201: requestAttachmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        if (!(body && typeof body === "object" && "pipe" in body && typeof body.pipe === "function"))
          throw errors.validation(
            "file",
            "send the file's bytes with Content-Type: application/octet-stream",
            "wrong_content_type",
          );
        const attachment = await addAttachment(ctx, request.actor, request.params.id, {
          fileName: request.query.fileName,
          body: body as Readable,
        });
        return reply.code(201).send(attachment);
      },
    );

    app.get(
      "/service-requests/:id/attachments/:attachmentId",
      {
        schema: {
          tags: ["services"],
          summary: "An attachment's bytes, with the stored type, for those who may read the request",
          description:
            "Served with X-Content-Type-Options: nosniff and Content-Security-Policy: sandbox; PDFs as a download. Errors are JSON: 404 for an attachment or request the caller may not see.",
          params: attachmentParams,
        },
      },
      async (request, reply) => {
        const { row, bytes } = await readAttachment(ctx, request.actor, request.params.id, request.params.attachmentId);
        // The stored type only, never sniffed by the browser, never run: PDFs download, photos show.
        return reply
          .header("Content-Type", row.media_type)
          .header("X-Content-Type-Options", "nosniff")
          .header("Content-Security-Policy", "sandbox")
          .header("Cache-Control", "private, no-store")
          .header(
            "Content-Disposition",
            disposition(row.media_type === "application/pdf" ? "attachment" : "inline", row.file_name),
          )
          .send(bytes);
      },
    );
  };
}
