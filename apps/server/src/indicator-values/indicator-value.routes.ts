import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import {
  approvalQueueQuery,
  approvalQueueSchema,
  enterValuesBody,
  errorResponses,
  idParams,
  indicatorValuesSchema,
  lockListSchema,
  lockPeriodBody,
  lockSchema,
  okSchema,
  periodLockParams,
  planValuesQuery,
  planValuesSchema,
  valueListQuery,
  valuesEnteredSchema,
  valuesTransitionedSchema,
  type SelectionBody,
  selectionBody,
} from "@sainam/contract";
import { enterValues, listIndicatorValues, listPlanValues } from "./indicator-value.service.ts";
import { listPeriodLocks, lockPeriod, unlockPeriod } from "./period-lock.service.ts";
import { approvalQueue, transitionValues, type Transition, type ValueSelection } from "./value-workflow.service.ts";

function selectionOf(body: SelectionBody): ValueSelection {
  return "ids" in body
    ? { ids: body.ids }
    : { indicatorId: body.indicatorId, periodKey: body.periodKey, orgUnitType: body.orgUnitType };
}

export function indicatorValueRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/indicators/:id/values",
      {
        schema: {
          tags: ["indicator values"],
          summary:
            "An indicator's values per org unit, period and breakdown (drafts only for those who enter the plan's values)",
          params: idParams,
          querystring: valueListQuery,
          response: {
            200: indicatorValuesSchema,
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => listIndicatorValues(ctx, request.actor, request.params.id, request.query),
    );

    app.put(
      "/indicators/:id/values",
      {
        schema: {
          tags: ["indicator values"],
          summary: "Enter or correct a batch of values (all or nothing); new and edited values are drafts",
          params: idParams,
          body: enterValuesBody,
          response: {
            200: valuesEnteredSchema,
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => enterValues(ctx, request.actor, request.params.id, request.body.rows),
    );

    app.get(
      "/plans/:id/values",
      {
        schema: {
          tags: ["indicator values"],
          summary: "The values of every indicator of a plan, optionally for one period",
          params: idParams,
          querystring: planValuesQuery,
          response: { 200: planValuesSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { period, ...rest } = request.query;
        return listPlanValues(ctx, request.actor, request.params.id, { ...rest, periodKey: period });
      },
    );

    for (const step of ["submit", "approve", "reject", "reopen"] satisfies Transition[]) {
      app.post(
        `/values/${step}`,
        {
          schema: {
            tags: ["indicator values"],
            summary:
              step === "submit"
                ? "Submit draft or rejected values for approval (ids, or an indicator and period)"
                : step === "approve"
                  ? "Approve submitted values (owner agency; never your own entries)"
                  : step === "reject"
                    ? "Reject submitted values with a note saying what to correct"
                    : "Reopen approved values as drafts (owner agency)",
            body: selectionBody,
            response: { 200: valuesTransitionedSchema, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) => transitionValues(ctx, request.actor, step, selectionOf(request.body), request.body.note),
      );
    }

    app.get(
      "/values/queue",
      {
        schema: {
          tags: ["indicator values"],
          summary: "Submitted values awaiting your approval",
          querystring: approvalQueueQuery,
          response: {
            200: approvalQueueSchema,
            ...errorResponses(400, 401),
          },
        },
      },
      async (request) => approvalQueue(ctx, request.actor, request.query),
    );

    app.get(
      "/plans/:id/locks",
      {
        schema: {
          tags: ["indicator values"],
          summary: "Locked periods of a plan",
          params: idParams,
          response: { 200: lockListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => listPeriodLocks(ctx, request.actor, request.params.id),
    );

    app.post(
      "/plans/:id/locks",
      {
        schema: {
          tags: ["indicator values"],
          summary:
            "Lock a period of a plan (owner agency): its values can no longer be written or moved in the workflow",
          params: idParams,
          body: lockPeriodBody,
          response: { 201: lockSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await lockPeriod(ctx, request.actor, request.params.id, request.body.periodKey)),
    );

    app.delete(
      "/plans/:id/locks/:periodKey",
      {
        schema: {
          tags: ["indicator values"],
          summary: "Unlock a period of a plan (owner agency)",
          params: periodLockParams,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => unlockPeriod(ctx, request.actor, request.params.id, request.params.periodKey),
    );
  };
}
