import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import {
  createEnterpriseBody,
  enterpriseDetailSchema,
  enterpriseExportParams,
  enterpriseExportQuery,
  enterprisePageSchema,
  errorResponses,
  idParams as params,
  listEnterprisesQuery,
  updateEnterpriseBody,
} from "@sainam/contract";
import { createEnterprise, getEnterprise, listEnterprises, updateEnterprise } from "./enterprise.service.ts";
import { exportEnterprises } from "./enterprise.export.ts";

export function enterpriseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/enterprises",
      {
        schema: {
          tags: ["enterprises"],
          summary: "Enterprises, filtered by province, region, size class, TSIC prefix or cluster",
          querystring: listEnterprisesQuery,
          response: { 200: enterprisePageSchema, ...errorResponses(400) },
        },
      },
      async (request) => listEnterprises(ctx, request.actor, request.query),
    );

    app.get(
      "/exports/enterprises.:format",
      {
        schema: {
          tags: ["enterprises"],
          summary: "Export the enterprises you may list, with the list's filters, as CSV (UTF-8 with BOM) or XLSX",
          params: enterpriseExportParams,
          querystring: enterpriseExportQuery,
        },
      },
      async (request, reply) => {
        const { format } = request.params;
        const stream = exportEnterprises(ctx, request.actor, format, request.query);
        const type =
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return reply
          .type(type)
          .header("content-disposition", `attachment; filename="sainam-enterprises.${format}"`)
          .send(stream);
      },
    );

    app.get(
      "/enterprises/:id",
      {
        schema: {
          tags: ["enterprises"],
          summary: "One enterprise with products, memberships and contacts (masked unless you work with it)",
          params,
          response: { 200: enterpriseDetailSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getEnterprise(ctx, request.actor, request.params.id),
    );

    app.post(
      "/enterprises",
      {
        schema: {
          tags: ["enterprises"],
          summary: "Register an enterprise (one record per juristic ID)",
          body: createEnterpriseBody,
          response: { 201: enterpriseDetailSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await createEnterprise(ctx, request.actor, request.body)),
    );

    app.patch(
      "/enterprises/:id",
      {
        schema: {
          tags: ["enterprises"],
          summary: "Edit an enterprise (admins, officers, its coordinators, the firm itself)",
          params,
          body: updateEnterpriseBody,
          response: { 200: enterpriseDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateEnterprise(ctx, request.actor, request.params.id, request.body),
    );
  };
}
