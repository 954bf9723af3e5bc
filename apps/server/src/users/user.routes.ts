import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { errorResponses } from "@sainam/contract";
import { presentUser } from "./user.presenter.ts";
import {
  createUserBody,
  idParams,
  listUsersQuery,
  resetPasswordBody,
  updateUserBody,
  userListSchema,
  userSchema,
} from "@sainam/contract";
import { createUser, getUser, listUsers, updateUser } from "./user.service.ts";
import { resetPassword } from "./password.service.ts";

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/users",
      {
        schema: {
          tags: ["users"],
          summary: "List users (admins)",
          querystring: listUsersQuery,
          response: { 200: userListSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const { items, total } = await listUsers(ctx, request.actor, request.query);
        return { items: items.map(presentUser), total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );

    app.post(
      "/users",
      {
        schema: {
          tags: ["users"],
          summary: "Create a user (admins)",
          body: createUserBody,
          response: { 201: userSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const user = await createUser(ctx, request.actor, request.body);
        return reply.status(201).send(presentUser(user));
      },
    );

    app.get(
      "/users/:id",
      {
        schema: {
          tags: ["users"],
          summary: "One user (admins, or the user)",
          params: idParams,
          response: { 200: userSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => presentUser(await getUser(ctx, request.actor, request.params.id)),
    );

    app.patch(
      "/users/:id",
      {
        schema: {
          tags: ["users"],
          summary: "Change a user's role, scope, status or password (admins)",
          params: idParams,
          body: updateUserBody,
          response: { 200: userSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => presentUser(await updateUser(ctx, request.actor, request.params.id, request.body)),
    );

    app.post(
      "/users/:id/reset-password",
      {
        schema: {
          tags: ["users"],
          summary: "Give a user a temporary password they must change at next sign-in; ends their sessions (admins)",
          params: idParams,
          body: resetPasswordBody,
          response: { 200: userSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => presentUser(await resetPassword(ctx, request.actor, request.params.id, request.body)),
    );
  };
}
