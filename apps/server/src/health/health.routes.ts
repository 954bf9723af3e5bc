import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { healthSchema, healthUnavailableSchema } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { databaseReachable } from "./health.service.ts";

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/health",
      {
        schema: {
          tags: ["health"],
          summary: "Liveness and database reachability",
          response: {
            200: healthSchema,
            503: healthUnavailableSchema,
          },
        },
      },
      async (_request, reply) => {
        const base = {
          db: ctx.database.dialect,
          version: ctx.version,
          uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
        };
        if (await databaseReachable(ctx)) return { status: "ok" as const, ...base };
        return reply.status(503).send({ status: "unavailable" as const, ...base });
      },
    );
  };
}
