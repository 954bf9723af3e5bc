import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses, serviceFiguresQuery, serviceFiguresSchema } from "@sainam/contract";
import { locales } from "@sainam/core";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { serviceFiguresFor, serviceFiguresXlsx } from "./service-figures.service.ts";

const xlsxQuery = serviceFiguresQuery.extend({ locale: z.enum(locales).optional() });

/** Service figures (issue 13, point 7): JSON for the dashboard, XLSX for the spreadsheet. */
export function serviceFiguresRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/service-figures",
      {
        schema: {
          tags: ["services"],
          summary:
            "Requests by field, province, provider and month; response and closure times; breach rates; satisfaction; caseload per expert for those who keep the providers",
          querystring: serviceFiguresQuery,
          response: { 200: serviceFiguresSchema, ...errorResponses(400) },
        },
      },
      async (request) => serviceFiguresFor(ctx, request.actor, request.query),
    );

    app.get(
      "/service-figures.xlsx",
      {
        schema: {
          tags: ["services"],
          summary: "The service figures as an XLSX workbook, headed in Thai (B.E. years) or English",
          description: "Errors are JSON: 400 naming the field.",
          querystring: xlsxQuery,
        },
      },
      async (request, reply) => {
        const { locale, ...query } = request.query;
        const { body, filename } = await serviceFiguresXlsx(ctx, request.actor, query, locale);
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${filename}"`)
          .header("cache-control", "private, no-store")
          .send(body);
      },
    );
  };
}
