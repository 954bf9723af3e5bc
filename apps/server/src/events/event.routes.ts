import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  addParticipantBody,
  createTradeEventBody,
  errorResponses,
  eventLayoutSchema,
  eventPublishBody,
  eventStatusBody,
  generateSlotsBody,
  idParams as params,
  interestsBody,
  listTradeEventsQuery,
  okSchema,
  participantImportQuery,
  participantImportReportSchema,
  eventParticipantListSchema,
  participantParams,
  eventParticipantSchema,
  setTablesBody,
  tradeEventPageSchema,
  tradeEventSchema,
  unavailableSlotsBody,
  updateParticipantBody,
  updateTradeEventBody,
} from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { createEvent, getEvent, listEvents, setEventPublished, setEventStatus, updateEvent } from "./event.service.ts";
import { generateSlots, getLayout, setTables } from "./event-layout.ts";
import {
  addParticipant,
  getParticipant,
  listParticipants,
  removeParticipant,
  setInterests,
  setUnavailableSlots,
  updateParticipant,
} from "./event-participants.ts";
import { importParticipants, MAX_PARTICIPANT_FILE_BYTES } from "./participant-import.ts";

const tags = ["events"];

/** Trade events, their slots and tables, and their participants (issue 14, point 2). */
export function eventRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // The bulk-add file arrives as raw bytes (like the import wizard's uploads), read whole: it is small.
    app.addContentTypeParser(
      ["application/octet-stream", "text/csv"],
      { parseAs: "buffer", bodyLimit: MAX_PARTICIPANT_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );
    app.get(
      "/events",
      {
        schema: {
          tags,
          summary: "Trade events the caller may read (the public: published ones)",
          querystring: listTradeEventsQuery,
          response: { 200: tradeEventPageSchema, ...errorResponses(400) },
        },
      },
      async (request) => listEvents(ctx, request.actor, request.query),
    );
    app.post(
      "/events",
      {
        schema: {
          tags,
          summary: "Create a trade event (officers, coordinators, admins), audited",
          body: createTradeEventBody,
          response: { 201: tradeEventSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.code(201).send(await createEvent(ctx, request.actor, request.body)),
    );
    app.get(
      "/events/:id",
      {
        schema: {
          tags,
          summary: "One trade event",
          params,
          response: { 200: tradeEventSchema, ...errorResponses(401, 404) },
        },
      },
      async (request) => getEvent(ctx, request.actor, request.params.id),
    );
    app.patch(
      "/events/:id",
      {
        schema: {
          tags,
          summary: "Change a trade event (its keepers), audited",
          params,
          body: updateTradeEventBody,
          response: { 200: tradeEventSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateEvent(ctx, request.actor, request.params.id, request.body),
    );
    app.post(
      "/events/:id/status",
      {
        schema: {
          tags,
          summary: "Move an event draft → open → scheduled → closed (or one step back), audited",
          params,
          body: eventStatusBody,
          response: { 200: tradeEventSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => setEventStatus(ctx, request.actor, request.params.id, request.body.status),
    );
    app.post(
      "/events/:id/published",
      {
        schema: {
          tags,
          summary: "Publish or unpublish an event, audited",
          params,
          body: eventPublishBody,
          response: { 200: tradeEventSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => setEventPublished(ctx, request.actor, request.params.id, request.body.published),
    );

    app.get(
      "/events/:id/layout",
      {
        schema: {
          tags,
          summary: "An event's meeting slots and tables",
          params,
          response: { 200: eventLayoutSchema, ...errorResponses(401, 404) },
        },
      },
      async (request) => getLayout(ctx, request.actor, request.params.id),
    );
    app.put(
      "/events/:id/slots",
      {
        schema: {
          tags,
          summary: "Generate an event's slots from days, sessions and minutes per meeting (keeps slots that stay)",
          params,
          body: generateSlotsBody,
          response: { 200: eventLayoutSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => generateSlots(ctx, request.actor, request.params.id, request.body),
    );
    app.put(
      "/events/:id/tables",
      {
        schema: {
          tags,
          summary: "Set the number of tables (and their labels); never below tables scheduled meetings use",
          params,
          body: setTablesBody,
          response: { 200: eventLayoutSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => setTables(ctx, request.actor, request.params.id, request.body),
    );

    app.get(
      "/events/:id/participants",
      {
        schema: {
          tags,
          summary: "Participants: all for the event's keepers (with buyers' contacts), a member's own firm otherwise",
          params,
          response: { 200: eventParticipantListSchema, ...errorResponses(401, 404) },
        },
      },
      async (request) => ({ items: await listParticipants(ctx, request.actor, request.params.id) }),
    );
    app.post(
      "/events/:id/participants",
      {
        schema: {
          tags,
          summary: "Add a member firm or a buyer (found again by name and country), audited",
          params,
          body: addParticipantBody,
          response: { 201: eventParticipantSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addParticipant(ctx, request.actor, request.params.id, request.body)),
    );
    app.post(
      "/events/:id/participants/import",
      {
        bodyLimit: MAX_PARTICIPANT_FILE_BYTES,
        schema: {
          tags,
          summary:
            "Add participants from a CSV or XLSX file (raw bytes): all rows checked first, then all written or none",
          params,
          querystring: participantImportQuery,
          response: { 200: participantImportReportSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        importParticipants(ctx, request.actor, request.params.id, request.query.fileName, request.body as Buffer),
    );
    app.get(
      "/events/:id/participants/:participantId",
      {
        schema: {
          tags,
          summary: "One participant (keepers; a member user their own firm's)",
          params: participantParams,
          response: { 200: eventParticipantSchema, ...errorResponses(401, 404) },
        },
      },
      async (request) => getParticipant(ctx, request.actor, request.params.id, request.params.participantId),
    );
    app.patch(
      "/events/:id/participants/:participantId",
      {
        schema: {
          tags,
          summary: "Change a participant's role or agenda language, audited",
          params: participantParams,
          body: updateParticipantBody,
          response: { 200: eventParticipantSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        updateParticipant(ctx, request.actor, request.params.id, request.params.participantId, request.body),
    );
    app.delete(
      "/events/:id/participants/:participantId",
      {
        schema: {
          tags,
          summary: "Remove a participant (refused once they have meetings with recorded attendance), audited",
          params: participantParams,
          response: { 200: okSchema, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => {
        await removeParticipant(ctx, request.actor, request.params.id, request.params.participantId);
        return { ok: true as const };
      },
    );
    app.put(
      "/events/:id/participants/:participantId/unavailable",
      {
        schema: {
          tags,
          summary: "The slots a participant cannot meet in, audited",
          params: participantParams,
          body: unavailableSlotsBody,
          response: { 200: eventParticipantSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) =>
        setUnavailableSlots(ctx, request.actor, request.params.id, request.params.participantId, request.body.slotIds),
    );
    app.put(
      "/events/:id/participants/:participantId/interests",
      {
        schema: {
          tags,
          summary: "What a participant offers and needs (products, TSIC or HS codes, words), audited",
          params: participantParams,
          body: interestsBody,
          response: { 200: eventParticipantSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) =>
        setInterests(ctx, request.actor, request.params.id, request.params.participantId, request.body.items),
    );
  };
}
