import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses, myBusinessSchema } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { getMyBusiness } from "./my-business.service.ts";

export function myBusinessRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/my-business",
      {
        schema: {
          tags: ["enterprises"],
          summary:
            "The signed-in member's firm, its clusters, supporting programmes and activities (members only; edits go through PATCH /enterprises/{id})",
          response: { 200: myBusinessSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => getMyBusiness(ctx, request.actor),
    );
  };
}
