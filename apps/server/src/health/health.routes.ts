import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { databaseReachable } from "./health.service.ts";

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/health", {
      schema: {
        tags: ["health"],
        summary: "Liveness and database reachability",
        response: {
          200: z.object({ status: z.literal("ok"), db: z.enum(["sqlite", "postgres"]), version: z.string(), uptimeSeconds: z.number() }),
          503: z.object({ status: z.literal("unavailable"), db: z.enum(["sqlite", "postgres"]), version: z.string(), uptimeSeconds: z.number() }),
        },
      },
    }, async (_request, reply) => {
      const base = { db: ctx.database.dialect, version: ctx.version, uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000) };
      if (await databaseReachable(ctx)) return { status: "ok" as const, ...base };
      return reply.status(503).send({ status: "unavailable" as const, ...base });
    });
  };
}
