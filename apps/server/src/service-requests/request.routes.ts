import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses, idParams as params, serviceRequestDetailSchema } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { getServiceRequest } from "./request.service.ts";

/** Requests for help (issue 13): filing, routing, the experts' answers, lists per role and one request's page. */
export function serviceRequestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
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
  };
}
