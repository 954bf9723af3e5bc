import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { planReportParams, planReportQuery } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { planReport } from "./plan-report.service.ts";

export function planReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/plans/:id/report.:format",
      {
        schema: {
          tags: ["plans"],
          summary:
            "A plan's performance report for one period as XLSX or PDF, in Thai (B.E. dates) or English; readable as the plan's dashboard is",
          description:
            "Errors are JSON: 400 naming the field (e.g. `period`), 404 for a plan that does not exist or that the caller may not see.",
          params: planReportParams,
          querystring: planReportQuery,
        },
      },
      async (request, reply) => {
        const { unitType, unitCode } = request.query;
        const file = await planReport(ctx, request.actor, {
          planId: request.params.id,
          periodKey: request.query.period,
          orgUnit: unitType !== undefined && unitCode !== undefined ? { type: unitType, code: unitCode } : undefined,
          locale: request.query.locale,
          includeUnapproved: request.query.includeUnapproved ?? false,
          format: request.params.format,
        });
        return reply
          .type(file.contentType)
          .header("content-disposition", `attachment; filename="${file.filename}"`)
          .header("cache-control", "private, no-store")
          .send(file.body);
      },
    );
  };
}
