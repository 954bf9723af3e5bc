import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import {
  createIndicator,
  createTarget,
  deleteIndicator,
  deleteTarget,
  getIndicator,
  listTargets,
  moveIndicator,
  parseTargetText,
  updateIndicator,
  updateTarget,
} from "./indicator.service.ts";
import { createNode, deleteNode, moveNode, traceNode, updateNode } from "./plan-node.service.ts";
import {
  errorResponses,
  okSchema,
  createIndicatorBody,
  createNodeBody,
  createPlanBody,
  createTargetBody,
  idParams,
  indicatorViewSchema,
  listPlansQuery,
  nodeDeletedSchema,
  moveIndicatorBody,
  moveNodeBody,
  newVersionBody,
  nodeFieldsSchema,
  parsedTargetSchema,
  parseTargetQuery,
  planNodeParams,
  planPageSchema,
  planSchema,
  planTreeSchema,
  planVersionsSchema,
  targetListSchema,
  targetViewSchema,
  traceSchema,
  updateIndicatorBody,
  updateNodeBody,
  updatePlanBody,
  updateTargetBody,
} from "@sainam/contract";
import { createPlan, createVersion, getPlanTree, listPlans, listVersions, updatePlan } from "./plan.service.ts";

const tags = ["plans"];

export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // ----- plans -----
    app.get(
      "/plans",
      {
        schema: {
          tags,
          summary: "Plans of every level (published ones for everyone; unpublished ones for their keepers)",
          querystring: listPlansQuery,
          response: { 200: planPageSchema, ...errorResponses(400) },
        },
      },
      async (request) => listPlans(ctx, request.actor, request.query),
    );

    app.post(
      "/plans",
      {
        schema: {
          tags,
          summary: "Create a plan (admins; officers for their agency; coordinators for their cluster)",
          body: createPlanBody,
          response: { 201: planSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await createPlan(ctx, request.actor, request.body)),
    );

    app.get(
      "/plans/:id",
      {
        schema: {
          tags,
          summary: "A plan with its tree of nodes, indicators and targets, and whether the caller may edit it",
          params: idParams,
          response: { 200: planTreeSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getPlanTree(ctx, request.actor, request.params.id),
    );

    app.patch(
      "/plans/:id",
      {
        schema: {
          tags,
          summary: "Edit, publish or archive a plan (its keepers)",
          params: idParams,
          body: updatePlanBody,
          response: { 200: planSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updatePlan(ctx, request.actor, request.params.id, request.body),
    );

    app.get(
      "/plans/:id/versions",
      {
        schema: {
          tags,
          summary: "Every version of the plan, oldest first",
          params: idParams,
          response: { 200: planVersionsSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => listVersions(ctx, request.actor, request.params.id),
    );

    app.post(
      "/plans/:id/versions",
      {
        schema: {
          tags,
          summary:
            "A new version for another period: copies nodes, links, indicators and whole-period targets (not values)",
          params: idParams,
          body: newVersionBody,
          response: { 201: planSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createVersion(ctx, request.actor, request.params.id, request.body)),
    );

    // ----- nodes -----
    app.post(
      "/plans/:id/nodes",
      {
        schema: {
          tags,
          summary: "Add a node under a parent (null: a root)",
          params: idParams,
          body: createNodeBody,
          response: { 201: nodeFieldsSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createNode(ctx, request.actor, request.params.id, request.body)),
    );

    app.patch(
      "/plans/:id/nodes/:nodeId",
      {
        schema: {
          tags,
          summary: "Edit a node's kind, code, wording or the higher-plan node it serves",
          params: planNodeParams,
          body: updateNodeBody,
          response: { 200: nodeFieldsSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateNode(ctx, request.actor, request.params.id, request.params.nodeId, request.body),
    );

    app.delete(
      "/plans/:id/nodes/:nodeId",
      {
        schema: {
          tags,
          summary: "Delete a node and its subtree (409 when values, activities or other plans' links depend on it)",
          params: planNodeParams,
          response: { 200: nodeDeletedSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => deleteNode(ctx, request.actor, request.params.id, request.params.nodeId),
    );

    app.post(
      "/plans/:id/nodes/:nodeId/move",
      {
        schema: {
          tags,
          summary: "Move a node under another parent of the same plan, at a position (no cycles)",
          params: planNodeParams,
          body: moveNodeBody,
          response: { 200: nodeFieldsSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => moveNode(ctx, request.actor, request.params.id, request.params.nodeId, request.body),
    );

    app.get(
      "/plan-nodes/:id/trace",
      {
        schema: {
          tags,
          summary: "The chain from a node up through its parents and the higher-plan nodes it serves",
          params: idParams,
          response: { 200: traceSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => traceNode(ctx, request.actor, request.params.id),
    );

    // ----- indicators -----
    app.post(
      "/plan-nodes/:id/indicators",
      {
        schema: {
          tags,
          summary: "Add an indicator to a node",
          params: idParams,
          body: createIndicatorBody,
          response: { 201: indicatorViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createIndicator(ctx, request.actor, request.params.id, request.body)),
    );

    app.get(
      "/indicators/:id",
      {
        schema: {
          tags,
          summary: "An indicator with its targets",
          params: idParams,
          response: { 200: indicatorViewSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getIndicator(ctx, request.actor, request.params.id),
    );

    app.patch(
      "/indicators/:id",
      {
        schema: {
          tags,
          summary: "Edit an indicator",
          params: idParams,
          body: updateIndicatorBody,
          response: { 200: indicatorViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateIndicator(ctx, request.actor, request.params.id, request.body),
    );

    app.delete(
      "/indicators/:id",
      {
        schema: {
          tags,
          summary: "Delete an indicator and its targets (409 once values are recorded)",
          params: idParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => deleteIndicator(ctx, request.actor, request.params.id),
    );

    app.post(
      "/indicators/:id/move",
      {
        schema: {
          tags,
          summary: "Reorder an indicator among its node's indicators",
          params: idParams,
          body: moveIndicatorBody,
          response: { 200: indicatorViewSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => moveIndicator(ctx, request.actor, request.params.id, request.body.position),
    );

    // ----- targets -----
    app.get(
      "/indicators/:id/targets",
      {
        schema: {
          tags,
          summary: "The targets of an indicator",
          params: idParams,
          response: { 200: targetListSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => listTargets(ctx, request.actor, request.params.id),
    );

    app.post(
      "/indicators/:id/targets",
      {
        schema: {
          tags,
          summary: "Add a target per period and org unit, as text (Thai and/or English) or structured",
          params: idParams,
          body: createTargetBody,
          response: { 201: targetViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTarget(ctx, request.actor, request.params.id, request.body)),
    );

    app.patch(
      "/indicator-targets/:id",
      {
        schema: {
          tags,
          summary: "Edit a target, or set the threshold of a direction-only target",
          params: idParams,
          body: updateTargetBody,
          response: { 200: targetViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateTarget(ctx, request.actor, request.params.id, request.body),
    );

    app.delete(
      "/indicator-targets/:id",
      {
        schema: {
          tags,
          summary: "Delete a target",
          params: idParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => deleteTarget(ctx, request.actor, request.params.id),
    );

    app.get(
      "/targets/parse",
      {
        schema: {
          tags,
          summary: "Read a target text (the editor's live preview); labels in both languages",
          querystring: parseTargetQuery,
          response: { 200: parsedTargetSchema, ...errorResponses(400) },
        },
      },
      async (request) => parseTargetText(request.query.text),
    );
  };
}
