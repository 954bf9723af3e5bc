import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  claimOrderResponse,
  dealPageSchema,
  dealSchema,
  errorResponses,
  eventOutcomesSchema,
  followUpParams,
  idParams as params,
  listDealsQuery,
  marketFiguresQuery,
  marketFiguresSchema,
  meetingOutcomeBody,
  recordFollowUpBody,
  recordOrderBody,
  updateDealBody,
} from "@sainam/contract";
import { locales } from "@sainam/core";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import {
  claimOrder,
  getDeal,
  listEventOutcomes,
  listDeals,
  recordFollowUp,
  recordMeetingOutcome,
  recordOrder,
  updateDeal,
} from "./deal.service.ts";
import { marketFigures, marketFiguresXlsx } from "./market-figures.service.ts";

const xlsxQuery = marketFiguresQuery.extend({ locale: z.enum(locales).optional() });

/** Deals followed to value and the market figures (issue 14, points 4 and 5). */
export function dealRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/meetings/:id/outcome",
      {
        schema: {
          tags: ["market"],
          summary:
            "Record a held meeting's outcome and expected value: opens (or updates) its deal with 3/6/12-month follow-ups",
          params,
          body: meetingOutcomeBody,
          response: { 200: dealSchema, 201: dealSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const { deal, created } = await recordMeetingOutcome(ctx, request.actor, request.params.id, request.body);
        return reply.code(created ? 201 : 200).send(deal);
      },
    );

    app.get(
      "/events/:id/outcomes",
      {
        schema: {
          tags: ["market"],
          summary: "An event's held meetings whose outcome the caller may record, with their deals",
          params,
          response: { 200: eventOutcomesSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => listEventOutcomes(ctx, request.actor, request.params.id),
    );

    app.get(
      "/deals",
      {
        schema: {
          tags: ["market"],
          summary: "Deals the caller keeps (a member: its firm's), by event, programme, stage, follow-ups due",
          querystring: listDealsQuery,
          response: { 200: dealPageSchema, ...errorResponses(400, 401) },
        },
      },
      async (request) => listDeals(ctx, request.actor, request.query),
    );

    app.get(
      "/deals/:id",
      {
        schema: {
          tags: ["market"],
          summary: "One deal with its follow-ups, orders and the claims they became",
          params,
          response: { 200: dealSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getDeal(ctx, request.actor, request.params.id),
    );

    app.patch(
      "/deals/:id",
      {
        schema: {
          tags: ["market"],
          summary: "Move a deal's stage or change its expected value",
          params,
          body: updateDealBody,
          response: { 200: dealSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateDeal(ctx, request.actor, request.params.id, request.body),
    );

    app.post(
      "/deals/:id/follow-ups/:months",
      {
        schema: {
          tags: ["market"],
          summary: "Record the 3-, 6- or 12-month follow-up of a deal",
          params: followUpParams,
          body: recordFollowUpBody,
          response: { 200: dealSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => recordFollowUp(ctx, request.actor, request.params.id, request.params.months, request.body),
    );

    app.post(
      "/deals/:id/orders",
      {
        schema: {
          tags: ["market"],
          summary: "Record a realised order (refused when the same order is already recorded on any deal)",
          params,
          body: recordOrderBody,
          response: { 201: dealSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordOrder(ctx, request.actor, request.params.id, request.body)),
    );

    app.post(
      "/deal-orders/:id/claim",
      {
        schema: {
          tags: ["market"],
          summary: "Claim a realised order as economic value of the programme that funded the event (once)",
          params,
          response: { 201: claimOrderResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await claimOrder(ctx, request.actor, request.params.id)),
    );

    app.get(
      "/market/figures",
      {
        schema: {
          tags: ["market"],
          summary:
            "Participants, meetings, deals by stage, expected vs realised value at 3/6/12 months, value per baht, funnel (public: published events)",
          querystring: marketFiguresQuery,
          response: { 200: marketFiguresSchema, ...errorResponses(400) },
        },
      },
      async (request) => marketFigures(ctx, request.actor, request.query),
    );

    app.get(
      "/market/figures.xlsx",
      {
        schema: {
          tags: ["market"],
          summary: "The market figures as an XLSX workbook, headed in Thai (B.E. years) or English",
          description: "Errors are JSON: 400 naming the field.",
          querystring: xlsxQuery,
        },
      },
      async (request, reply) => {
        const { locale, ...query } = request.query;
        const { body, filename } = await marketFiguresXlsx(ctx, request.actor, query, locale);
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${filename}"`)
          .header("cache-control", "private, no-store")
          .send(body);
      },
    );
  };
}
