import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sizeClasses } from "@sainam/core";
import type { AppContext } from "../context.ts";
import { errorResponses } from "../http/common.schema.ts";
import { stages } from "../clusters/cluster.schema.ts";
import { MAX_RESULT_DEPTH, searchAll } from "./search.service.ts";

export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/search", {
      schema: {
        tags: ["search"],
        summary: "Thai-aware search over enterprises, products, clusters and institutions",
        querystring: z.object({
          q: z.string().trim().min(1, "is required").max(200),
          type: z.enum(["enterprise", "cluster", "institution"]).optional(),
          province: z.string().regex(/^\d{2}$/, "must be a 2-digit province code").optional(),
          region: z.string().trim().min(1).max(40).optional(),
          provincialCluster: z.coerce.number().int().positive().optional(),
          stage: z.enum(stages).optional(),
          size: z.enum(sizeClasses).optional(),
          sector: z.string().regex(/^\d{1,5}$/, "must be a TSIC code prefix").optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }).refine((q) => (q.page - 1) * q.pageSize < MAX_RESULT_DEPTH, { path: ["page"], message: `goes past the first ${MAX_RESULT_DEPTH.toLocaleString("en")} results: add words or filters to narrow the search` }),
        response: {
          200: z.object({
            items: z.array(z.object({ type: z.enum(["enterprise", "cluster", "institution"]), id: z.number().int(), nameTh: z.string().nullable(), nameEn: z.string().nullable(), snippet: z.string().nullable(), provinceCode: z.string().nullable(), score: z.number() })),
            total: z.number().int(), totalIsEstimate: z.boolean(), page: z.number().int(), pageSize: z.number().int(),
          }),
          ...errorResponses(400),
        },
      },
    }, async (request) => searchAll(ctx, request.actor, request.query));
  };
}
