import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { audit } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { auditPageSchema, errorResponses, listAuditQuery } from "@sainam/contract";
import { authorize } from "../policies/policy.ts";

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/audit", {
      schema: {
        tags: ["audit"],
        summary: "Browse the append-only audit log (admins)",
        querystring: listAuditQuery,
        response: { 200: auditPageSchema, ...errorResponses(400, 401, 403) },
      },
    }, async (request) => {
      authorize(request.actor, "list", { type: "audit" });
      const { items, total } = await audit.listAudit(ctx.database.db, request.query);
      return {
        items: items.map((e) => ({
          id: e.id,
          at: e.at,
          actorId: e.actor_user_id,
          actorEmail: e.actor_email,
          action: e.action,
          entityType: e.entity_type,
          entityId: e.entity_id,
          before: e.before_json ? JSON.parse(e.before_json) : null,
          after: e.after_json ? JSON.parse(e.after_json) : null,
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    });
  };
}
