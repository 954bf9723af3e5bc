import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { errorResponses } from "../http/common.schema.ts";
import { getAgency, listAgencies, updateAgency } from "./agency.service.ts";

const agencySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameEn: z.string(),
  nameTh: z.string().nullable(),
  abbreviation: z.string().nullable(),
  kind: z.string(),
  parentId: z.number().int().nullable(),
  descriptionEn: z.string().nullable(),
});
const params = z.object({ id: z.coerce.number().int().positive() });

export function agencyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/agencies", {
      schema: { tags: ["agencies"], summary: "Agencies, centres and networks", response: { 200: z.object({ items: z.array(agencySchema) }) } },
    }, async (request) => ({ items: await listAgencies(ctx, request.actor) }));

    app.get("/agencies/:id", {
      schema: { tags: ["agencies"], summary: "One agency", params, response: { 200: agencySchema, ...errorResponses(400, 404) } },
    }, async (request) => getAgency(ctx, request.actor, request.params.id));

    app.patch("/agencies/:id", {
      schema: {
        tags: ["agencies"],
        summary: "Rename an agency (admins, or officers of that agency)",
        params,
        body: z.object({
          nameEn: z.string().trim().min(1, "must not be empty").max(300).optional(),
          nameTh: z.string().trim().min(1, "must not be empty").max(300).nullable().optional(),
          abbreviation: z.string().trim().min(1).max(40).nullable().optional(),
        }).strict(),
        response: { 200: agencySchema, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => updateAgency(ctx, request.actor, request.params.id, request.body));
  };
}
