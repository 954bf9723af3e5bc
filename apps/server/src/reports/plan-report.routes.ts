import { isPeriodKey, locales, orgUnitTypes } from "@sainam/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { planReport } from "./plan-report.service.ts";

const reportQuery = z
  .object({
    period: z.string().trim().toUpperCase().refine(isPeriodKey, { message: "must be a period key such as FY2021, CY2021 or FY2021-Q1", params: { code: "invalid_format", format: "period_key" } }),
    locale: z.enum(locales).default("th"),
    unitType: z.enum(orgUnitTypes).optional(),
    unitCode: z.string().trim().min(1).max(40).optional(),
    // As on the dashboard: approved values only unless a reader in the plan's scope asks for drafts too.
    includeUnapproved: z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true").optional(),
  })
  .refine((q) => (q.unitType === undefined) === (q.unitCode === undefined), { path: ["unitCode"], message: "give unitType and unitCode together", params: { code: "required_together", other: "unitType" } });

export function planReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/plans/:id/report.:format", {
      schema: {
        tags: ["plans"],
        summary: "A plan's performance report for one period as XLSX or PDF, in Thai (B.E. dates) or English; readable as the plan's dashboard is",
        description: "Errors are JSON: 400 naming the field (e.g. `period`), 404 for a plan that does not exist or that the caller may not see.",
        params: z.object({ id: z.coerce.number().int().positive(), format: z.enum(["xlsx", "pdf"]) }),
        querystring: reportQuery,
      },
    }, async (request, reply) => {
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
    });
  };
}
