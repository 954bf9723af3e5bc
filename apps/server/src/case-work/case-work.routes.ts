import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  caseWorkSchema,
  claimRequestBody,
  claimRequestResponse,
  closeRequestBody,
  computedSourceBody,
  computedSourceSchema,
  computedValueResponse,
  computeValueBody,
  consultationSchema,
  createConsultationBody,
  createTaskBody,
  errorResponses,
  idParams as params,
  rateRequestBody,
  requestChildParams,
  requestTaskSchema,
  updateConsultationBody,
  updateTaskBody,
} from "@sainam/contract";
import type { AppContext } from "../context.ts";
import {
  addConsultation,
  addTask,
  claimRequestOutcome,
  closeRequest,
  getCaseWork,
  rateRequest,
  updateConsultation,
  updateTask,
} from "./case-work.service.ts";
import { computeSatisfactionValue, setComputedSource } from "./satisfaction.service.ts";

/** Case work on a request for help (issue 13, point 5), and indicators computed from the firms' ratings. */
export function caseWorkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/service-requests/:id/case-work",
      {
        schema: {
          tags: ["services"],
          summary: "A request's consultations, tasks, closure, rating and claim (for those who may read it)",
          params,
          response: { 200: caseWorkSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getCaseWork(ctx, request.actor, request.params.id),
    );

    app.post(
      "/service-requests/:id/consultations",
      {
        schema: {
          tags: ["services"],
          summary: "Record a consultation (the accepted expert, the provider's managers, admins)",
          params,
          body: createConsultationBody,
          response: { 201: consultationSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addConsultation(ctx, request.actor, request.params.id, request.body)),
    );

    app.patch(
      "/service-requests/:id/consultations/:itemId",
      {
        schema: {
          tags: ["services"],
          summary: "Change a consultation",
          params: requestChildParams,
          body: updateConsultationBody,
          response: { 200: consultationSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateConsultation(ctx, request.actor, request.params.id, request.params.itemId, request.body),
    );

    app.post(
      "/service-requests/:id/tasks",
      {
        schema: {
          tags: ["services"],
          summary: "Add a follow-up task",
          params,
          body: createTaskBody,
          response: { 201: requestTaskSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addTask(ctx, request.actor, request.params.id, request.body)),
    );

    app.patch(
      "/service-requests/:id/tasks/:itemId",
      {
        schema: {
          tags: ["services"],
          summary: "Change a follow-up task or mark it done",
          params: requestChildParams,
          body: updateTaskBody,
          response: { 200: requestTaskSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateTask(ctx, request.actor, request.params.id, request.params.itemId, request.body),
    );

    app.post(
      "/service-requests/:id/close",
      {
        schema: {
          tags: ["services"],
          summary: "Close an accepted request with its result",
          params,
          body: closeRequestBody,
          response: { 200: caseWorkSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => closeRequest(ctx, request.actor, request.params.id, request.body),
    );

    app.post(
      "/service-requests/:id/rating",
      {
        schema: {
          tags: ["services"],
          summary: "The firm rates the service once closed (1-5 and a comment; final)",
          params,
          body: rateRequestBody,
          response: { 200: caseWorkSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => rateRequest(ctx, request.actor, request.params.id, request.body),
    );

    app.post(
      "/service-requests/:id/claim",
      {
        schema: {
          tags: ["services"],
          summary: "Record a closed request's outcome as an economic-value claim of its funding programme (once)",
          params,
          body: claimRequestBody,
          response: { 201: claimRequestResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await claimRequestOutcome(ctx, request.actor, request.params.id, request.body)),
    );

    app.put(
      "/indicators/:id/computed-source",
      {
        schema: {
          tags: ["indicator values"],
          summary: "Mark an indicator as computed from the firms' service ratings (or entered by people again)",
          params,
          body: computedSourceBody,
          response: { 200: computedSourceSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => setComputedSource(ctx, request.actor, request.params.id, request.body),
    );

    app.post(
      "/indicators/:id/computed-values",
      {
        schema: {
          tags: ["indicator values"],
          summary: "Compute a period's value of a ratings-computed indicator (written as a draft for approval)",
          params,
          body: computeValueBody,
          response: { 200: computedValueResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => computeSatisfactionValue(ctx, request.actor, request.params.id, request.body.periodKey),
    );
  };
}
