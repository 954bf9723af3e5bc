import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { errorResponses } from "../http/common.schema.ts";
import { listAuditEntries } from "./audit.service.ts";

const query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: z.coerce.number().int().positive().optional(),
});

const entry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/audit", {
      schema: {
        tags: ["audit"],
        summary: "Browse the append-only audit log (admins)",
        querystring: query,
        response: { 200: z.object({ items: z.array(entry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }), ...errorResponses(400, 401, 403) },
      },
    }, async (request) => listAuditEntries(ctx, request.actor, request.query));
  };
}
