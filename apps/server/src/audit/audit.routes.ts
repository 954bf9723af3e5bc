import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { auditPageSchema, errorResponses, listAuditQuery } from "@sainam/contract";
import { listAuditEntries } from "./audit.service.ts";

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "Browse the append-only audit log (admins)",
          querystring: listAuditQuery,
          response: { 200: auditPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => listAuditEntries(ctx, request.actor, request.query),
    );
  };
}
