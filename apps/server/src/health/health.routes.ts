import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { healthSchema, healthUnavailableSchema } from "@sainam/contract";
import type { AppContext } from "../context.ts";

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/health", {
      schema: {
        tags: ["health"],
        summary: "Liveness and database reachability",
        response: {
          200: healthSchema,
          503: healthUnavailableSchema,
        },
      },
    }, async (_request, reply) => {
      const base = { db: ctx.database.dialect, version: ctx.version, uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000) };
      try {
        await sql`select 1`.execute(ctx.database.db);
        return { status: "ok" as const, ...base };
      } catch {
        return reply.status(503).send({ status: "unavailable" as const, ...base });
      }
    });
  };
}
