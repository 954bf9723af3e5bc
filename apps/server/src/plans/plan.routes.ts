import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { errorResponses } from "../http/common.schema.ts";
import { getPlanTree, listPlans, updatePlanNode, type PlanNodeView } from "./plan.service.ts";

const planSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  titleEn: z.string(),
  titleTh: z.string().nullable(),
  level: z.string(),
  ownerAgencyId: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
});

const nodeFields = z.object({
  id: z.number().int(),
  kind: z.string(),
  code: z.string(),
  titleEn: z.string(),
  titleTh: z.string().nullable(),
  bodyEn: z.string().nullable(),
  bodyTh: z.string().nullable(),
});

const indicatorSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameEn: z.string(),
  nameTh: z.string().nullable(),
  unit: z.string().nullable(),
  targets: z.array(z.object({ id: z.number().int(), period: z.string().nullable(), textEn: z.string(), textTh: z.string().nullable(), target: z.unknown() })),
});

const nodeSchema: z.ZodType<PlanNodeView> = nodeFields.extend({
  indicators: z.array(indicatorSchema),
  get children() {
    return z.array(nodeSchema);
  },
});

export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/plans", {
      schema: { tags: ["plans"], summary: "Plans (national strategies, programmes, cluster plans)", response: { 200: z.object({ items: z.array(planSchema) }) } },
    }, async (request) => ({ items: await listPlans(ctx, request.actor) }));

    app.get("/plans/:id", {
      schema: {
        tags: ["plans"],
        summary: "A plan with its tree of nodes, indicators and targets",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: planSchema.extend({ nodes: z.array(nodeSchema) }), ...errorResponses(400, 404) },
      },
    }, async (request) => getPlanTree(ctx, request.actor, request.params.id));

    app.patch("/plans/:id/nodes/:nodeId", {
      schema: {
        tags: ["plans"],
        summary: "Edit a plan node's wording (admins, or officers of the plan's owner agency)",
        params: z.object({ id: z.coerce.number().int().positive(), nodeId: z.coerce.number().int().positive() }),
        body: z.object({
          titleEn: z.string().trim().min(1, "must not be empty").max(2000).optional(),
          titleTh: z.string().trim().min(1, "must not be empty").max(2000).nullable().optional(),
          bodyEn: z.string().trim().max(20000).nullable().optional(),
          bodyTh: z.string().trim().max(20000).nullable().optional(),
        }).strict(),
        response: { 200: nodeFields, ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => updatePlanNode(ctx, request.actor, request.params.id, request.params.nodeId, request.body));
  };
}
