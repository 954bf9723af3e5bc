import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses, searchQuery, searchResultsSchema } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { searchAll } from "./search.service.ts";

export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/search",
      {
        schema: {
          tags: ["search"],
          summary: "Thai-aware search over enterprises, products, clusters and institutions",
          querystring: searchQuery,
          response: { 200: searchResultsSchema, ...errorResponses(400) },
        },
      },
      async (request) => searchAll(ctx, request.actor, request.query),
    );
  };
}
