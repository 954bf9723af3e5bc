import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  errorResponses,
  failedMailPageSchema,
  failedMailQuery,
  idParams as params,
  inboxCountSchema,
  inboxPageSchema,
  inboxQuery,
  notificationSchema,
  readAllSchema,
  retriedMailSchema,
} from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { listFailedMail, retryFailedMail } from "./failed-mail.service.ts";
import { inboxCount, listInbox, markAllNotificationsRead, markNotificationRead } from "./notification.service.ts";

const tags = ["inbox"];

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/inbox",
      {
        schema: {
          tags,
          summary: "The caller's notifications, newest first, with the unread count (`unread=1`: unread only)",
          querystring: inboxQuery,
          response: { 200: inboxPageSchema, ...errorResponses(400, 401) },
        },
      },
      async (request) => listInbox(ctx, request.actor, request.query),
    );

    app.get(
      "/inbox/count",
      {
        schema: {
          tags,
          summary: "How many of the caller's notifications are unread (the bell)",
          response: { 200: inboxCountSchema, ...errorResponses(401) },
        },
      },
      async (request) => inboxCount(ctx, request.actor),
    );

    app.post(
      "/inbox/read-all",
      {
        schema: {
          tags,
          summary: "Mark all the caller's notifications read",
          response: { 200: readAllSchema, ...errorResponses(401) },
        },
      },
      async (request) => markAllNotificationsRead(ctx, request.actor),
    );

    app.post(
      "/inbox/:id/read",
      {
        schema: {
          tags,
          summary: "Mark one of the caller's notifications read (404 for another user's)",
          params,
          response: { 200: notificationSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => markNotificationRead(ctx, request.actor, request.params.id),
    );

    app.get(
      "/mail/failed",
      {
        schema: {
          tags,
          summary: "E-mail that exhausted its retries, newest first, recipients masked (admins)",
          querystring: failedMailQuery,
          response: { 200: failedMailPageSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => listFailedMail(ctx, request.actor, request.query),
    );

    app.post(
      "/mail/:id/retry",
      {
        schema: {
          tags,
          summary: "Queue a failed e-mail again for a fresh round of attempts (admins), audited",
          params,
          response: { 200: retriedMailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => retryFailedMail(ctx, request.actor, request.params.id),
    );
  };
}
