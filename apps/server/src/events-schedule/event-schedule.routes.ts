import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  agendaParams,
  agendaQuery,
  errorResponses,
  eventScheduleSchema,
  idParams,
  scheduleRunSchema,
} from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { eventSchedule, participantAgenda, scheduleEvent } from "./event-schedule.service.ts";

/** Scheduling an event's accepted meetings, its schedule grid, and each participant's agenda (issue 14, point 3). */
export function eventScheduleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/events/:id/schedule",
      {
        schema: {
          tags: ["events"],
          summary:
            "Schedules the event's accepted meetings into slots and tables (its keepers only); held or checked-in meetings stay where they are",
          params: idParams,
          response: { 200: scheduleRunSchema, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => scheduleEvent(ctx, request.actor, request.params.id),
    );

    app.get(
      "/events/:id/schedule",
      {
        schema: {
          tags: ["events"],
          summary: "The event's schedule grid: slots, tables, participants and accepted meetings (its keepers only)",
          params: idParams,
          response: { 200: eventScheduleSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => eventSchedule(ctx, request.actor, request.params.id),
    );

    app.get(
      "/events/:id/participants/:participantId/agenda.:format",
      {
        schema: {
          tags: ["events"],
          summary:
            "A participant's agenda as PDF or iCalendar, in Thai (B.E. dates) or English; for the participant's firm and the event's keepers",
          description:
            "Errors are JSON: 400 naming the field, 404 for an event or participant that does not exist or whose agenda the caller may not see.",
          params: agendaParams,
          querystring: agendaQuery,
        },
      },
      async (request, reply) => {
        const file = await participantAgenda(ctx, request.actor, {
          eventId: request.params.id,
          participantId: request.params.participantId,
          format: request.params.format,
          locale: request.query.lang,
          host: request.hostname.replace(/:\d+$/, "") || "sainam",
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
