import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import {
  createHolidayBody,
  errorResponses,
  holidayListSchema,
  holidaySchema,
  holidayYearQuery,
  idParams as params,
  okSchema,
  updateHolidayBody,
  workingDaysQuery,
  workingDaysSchema,
} from "@sainam/contract";
import { createHoliday, deleteHoliday, listHolidays, updateHoliday, workingDaysAfter } from "./holiday.service.ts";

const tags = ["holidays"];

export function holidayRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/holidays",
      {
        schema: {
          tags,
          summary: "Thai public holidays of a C.E. year (the current year by default)",
          querystring: holidayYearQuery,
          response: { 200: holidayListSchema, ...errorResponses(400) },
        },
      },
      async (request) => listHolidays(ctx, request.actor, request.query.year),
    );

    app.post(
      "/holidays",
      {
        schema: {
          tags,
          summary: "Add a holiday (admins; 409 when the date is already one)",
          body: createHolidayBody,
          response: { 201: holidaySchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createHoliday(ctx, request.actor, request.body)),
    );

    app.patch(
      "/holidays/:id",
      {
        schema: {
          tags,
          summary: "Change a holiday (admins; 409 when the new date is already one)",
          params,
          body: updateHolidayBody,
          response: { 200: holidaySchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateHoliday(ctx, request.actor, request.params.id, request.body),
    );

    app.delete(
      "/holidays/:id",
      {
        schema: {
          tags,
          summary: "Remove a holiday (admins)",
          params,
          response: { 200: okSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => deleteHoliday(ctx, request.actor, request.params.id),
    );

    app.get(
      "/working-days",
      {
        schema: {
          tags,
          summary: "The date a number of working days after a date (weekends and kept holidays skipped)",
          querystring: workingDaysQuery,
          response: { 200: workingDaysSchema, ...errorResponses(400) },
        },
      },
      async (request) => workingDaysAfter(ctx, request.actor, request.query.from, request.query.days),
    );
  };
}
