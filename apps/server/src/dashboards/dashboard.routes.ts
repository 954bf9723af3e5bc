import { nationUnit, type OrgUnit } from "@sainam/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { errorResponses } from "@sainam/contract";
import {
  indicatorDrilldown,
  indicatorMap,
  indicatorTrend,
  listDashboardPlans,
  provincialClusterMatrix,
} from "./dashboard.service.ts";
import {
  dashboardPlansSchema,
  drilldownQuery,
  drilldownSchema,
  idParams,
  mapQuery,
  mapSchema,
  matrixSchema,
  performanceQuery,
  periodQuery,
  planPerformanceSchema,
  trendQuery,
  trendSchema,
} from "@sainam/contract";
import { planPerformance } from "./performance.service.ts";

/** unitType and unitCode come together; neither means the nation. */
function unitOf(query: { unitType?: OrgUnit["type"] | undefined; unitCode?: string | undefined }): OrgUnit {
  if (query.unitType === undefined && query.unitCode === undefined) return nationUnit;
  if (query.unitType === undefined)
    throw errors.validation("unitType", "is required with unitCode", "required_together", { other: "unitCode" });
  // The nation needs no code; one given must be the nation's (checked with the unit).
  if (query.unitType === "nation")
    return query.unitCode === undefined ? nationUnit : { type: "nation", code: query.unitCode };
  if (query.unitCode === undefined)
    throw errors.validation("unitCode", "is required with unitType", "required_together", { other: "unitType" });
  return { type: query.unitType, code: query.unitCode };
}

const flag = (value: boolean | undefined) => (value === undefined ? {} : { includeUnapproved: value });

export function dashboardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/dashboards/plans",
      {
        schema: {
          tags: ["dashboards"],
          summary: "Plans whose figures the caller may read, with their fiscal years",
          response: { 200: dashboardPlansSchema },
        },
      },
      async (request) => ({ items: await listDashboardPlans(ctx, request.actor) }),
    );

    app.get(
      "/dashboards/plans/:id",
      {
        schema: {
          tags: ["dashboards"],
          summary: "Targets against actuals per strategy for a period at an org unit (the nation by default)",
          params: idParams,
          querystring: performanceQuery,
          response: { 200: planPerformanceSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        planPerformance(ctx, request.actor, {
          planId: request.params.id,
          periodKey: request.query.period,
          orgUnit: unitOf(request.query),
          includeUnapproved: request.query.includeUnapproved ?? false,
        }),
    );

    app.get(
      "/dashboards/plans/:id/provincial-clusters",
      {
        schema: {
          tags: ["dashboards"],
          summary: "Indicators × the 18 provincial clusters for a period: value, target and status",
          params: idParams,
          querystring: periodQuery,
          response: { 200: matrixSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        provincialClusterMatrix(ctx, request.actor, {
          planId: request.params.id,
          periodKey: request.query.period,
          includeUnapproved: request.query.includeUnapproved ?? false,
        }),
    );

    app.get(
      "/indicators/:id/map",
      {
        schema: {
          tags: ["dashboards"],
          summary: "An indicator's 77 provinces for a period: value, status and class breaks for shading",
          params: idParams,
          querystring: mapQuery,
          response: { 200: mapSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        indicatorMap(ctx, request.actor, {
          indicatorId: request.params.id,
          periodKey: request.query.period,
          breakdown: request.query.breakdown,
          includeUnapproved: request.query.includeUnapproved ?? false,
        }),
    );

    app.get(
      "/indicators/:id/trend",
      {
        schema: {
          tags: ["dashboards"],
          summary: "An indicator's actual and target per fiscal year at an org unit",
          params: idParams,
          querystring: trendQuery,
          response: { 200: trendSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        indicatorTrend(ctx, request.actor, {
          indicatorId: request.params.id,
          unit: unitOf(request.query),
          from: request.query.from,
          to: request.query.to,
          ...flag(request.query.includeUnapproved ?? false),
        }),
    );

    app.get(
      "/indicators/:id/drilldown",
      {
        schema: {
          tags: ["dashboards"],
          summary:
            "An indicator at a unit and the units one level down (nation → regions and provincial clusters → provinces → clusters)",
          params: idParams,
          querystring: drilldownQuery,
          response: { 200: drilldownSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        indicatorDrilldown(ctx, request.actor, {
          indicatorId: request.params.id,
          periodKey: request.query.period,
          unit: unitOf(request.query),
          ...flag(request.query.includeUnapproved ?? false),
        }),
    );
  };
}
