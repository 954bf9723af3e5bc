import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  attendanceBody,
  bulkMeetingBody,
  bulkMeetingResultSchema,
  cancelMeetingBody,
  checkInBody,
  createMeetingBody,
  declineMeetingBody,
  errorResponses,
  idParams as params,
  meetingListQuery,
  meetingPageSchema,
  meetingPartySchema,
  meetingSchema,
  meetingSuggestionListSchema,
  myMeetingsSchema,
  noShowListSchema,
  participantParams,
  suggestionQuery,
} from "@sainam/contract";
import type { AppContext } from "../context.ts";
import {
  answerMeeting,
  cancelMeeting,
  checkIn,
  listEventMeetings,
  listMyMeetings,
  listNoShows,
  listSuggestions,
  recordAttendance,
  requestInBulk,
  requestMeeting,
} from "./meeting.service.ts";

/** Matchmaking (issue 14 point 3): suggestions, meeting requests and answers, check-in, attendance, no-shows. */
export function meetingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["market"];

    app.get(
      "/events/:id/suggestions",
      {
        schema: {
          tags,
          summary: "Suggested meetings with their reasons: keepers the event's (or ?participantId=), a firm its own",
          params,
          querystring: suggestionQuery,
          response: { 200: meetingSuggestionListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => listSuggestions(ctx, request.actor, request.params.id, request.query),
    );

    app.post(
      "/events/:id/meetings",
      {
        schema: {
          tags,
          summary: "Request a meeting (from a suggestion, freely, or by the organiser on a participant's behalf)",
          params,
          body: createMeetingBody,
          response: { 201: meetingSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await requestMeeting(ctx, request.actor, request.params.id, request.body)),
    );

    app.post(
      "/events/:id/meetings/bulk",
      {
        schema: {
          tags,
          summary: "Keepers request the top suggestions of many participants at once",
          params,
          body: bulkMeetingBody,
          response: { 200: bulkMeetingResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => requestInBulk(ctx, request.actor, request.params.id, request.body),
    );

    app.get(
      "/events/:id/meetings",
      {
        schema: {
          tags,
          summary: "An event's meetings: keepers all (filters, pages), a participating firm its own",
          params,
          querystring: meetingListQuery,
          response: { 200: meetingPageSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => listEventMeetings(ctx, request.actor, request.params.id, request.query),
    );

    app.get(
      "/events/:id/no-shows",
      {
        schema: {
          tags,
          summary: "Meetings someone missed, and participants with meetings due who have not checked in (keepers)",
          params,
          response: { 200: noShowListSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => listNoShows(ctx, request.actor, request.params.id),
    );

    app.post(
      "/events/:id/participants/:participantId/check-in",
      {
        schema: {
          tags,
          summary: "Check a participant in on the day, or undo it (keepers)",
          params: participantParams,
          body: checkInBody,
          response: { 200: meetingPartySchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        checkIn(ctx, request.actor, request.params.id, request.params.participantId, request.body.checkedIn),
    );

    app.get(
      "/my/meetings",
      {
        schema: {
          tags,
          summary: "The member firm's events and its meetings across them",
          response: { 200: myMeetingsSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => listMyMeetings(ctx, request.actor),
    );

    app.post(
      "/meetings/:id/accept",
      {
        schema: {
          tags,
          summary: "The side asked (or a keeper on its behalf) accepts; contacts are then shown to both sides",
          params,
          response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => answerMeeting(ctx, request.actor, request.params.id, { accept: true }),
    );

    app.post(
      "/meetings/:id/decline",
      {
        schema: {
          tags,
          summary: "The side asked (or a keeper on its behalf) declines, with a reason",
          params,
          body: declineMeetingBody,
          response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        answerMeeting(ctx, request.actor, request.params.id, { accept: false, reason: request.body.reason }),
    );

    app.post(
      "/meetings/:id/cancel",
      {
        schema: {
          tags,
          summary: "Either side or a keeper cancels a requested or accepted meeting",
          params,
          body: cancelMeetingBody,
          response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => cancelMeeting(ctx, request.actor, request.params.id, request.body.reason),
    );

    app.post(
      "/meetings/:id/attendance",
      {
        schema: {
          tags,
          summary: "Keepers record who came to a scheduled, accepted meeting, on or after its day",
          params,
          body: attendanceBody,
          response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => recordAttendance(ctx, request.actor, request.params.id, request.body.attendance),
    );
  };
}
