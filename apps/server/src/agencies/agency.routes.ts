import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { agencyListSchema, agencySchema, errorResponses, idParams as params, updateAgencyBody } from "@sainam/contract";
import { getAgency, listAgencies, updateAgency } from "./agency.service.ts";

export function agencyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/agencies",
      {
        schema: { tags: ["agencies"], summary: "Agencies, centres and networks", response: { 200: agencyListSchema } },
      },
      async (request) => ({ items: await listAgencies(ctx, request.actor) }),
    );

    app.get(
      "/agencies/:id",
      {
        schema: {
          tags: ["agencies"],
          summary: "One agency",
          params,
          response: { 200: agencySchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getAgency(ctx, request.actor, request.params.id),
    );

    app.patch(
      "/agencies/:id",
      {
        schema: {
          tags: ["agencies"],
          summary: "Rename an agency (admins, or officers of that agency)",
          params,
          body: updateAgencyBody,
          response: { 200: agencySchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateAgency(ctx, request.actor, request.params.id, request.body),
    );
  };
}
