import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import {
  changePasswordBody,
  errorResponses,
  loginBody,
  loginResultSchema,
  meSchema,
  okSchema,
  sessionSchema,
  updateMeBody,
} from "@sainam/contract";
import { clearAuthCookies, setAuthCookies } from "../http/auth-hook.ts";
import { errors } from "../errors.ts";
import { presentUser } from "../users/user.presenter.ts";
import { updateMe } from "../users/user.service.ts";
import { changeOwnPassword } from "../users/password.service.ts";
import { login, logout } from "./session.service.ts";

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in with e-mail and password; sets the session and CSRF cookies",
          body: loginBody,
          response: { 200: loginResultSchema, ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        const result = await login(ctx, {
          email: request.body.email,
          password: request.body.password,
          clientAddress: request.ip,
        });
        setAuthCookies(reply, ctx, result.token, result.csrfToken);
        return { user: presentUser(result.user), csrfToken: result.csrfToken };
      },
    );

    app.post(
      "/auth/logout",
      {
        schema: {
          tags: ["auth"],
          summary: "End the current session",
          response: { 200: okSchema, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        if (!request.session) throw errors.unauthenticated();
        await logout(ctx, request.session);
        clearAuthCookies(reply, ctx);
        return { ok: true as const };
      },
    );

    app.get(
      "/auth/me",
      {
        schema: { tags: ["auth"], summary: "The signed-in user, or null", response: { 200: sessionSchema } },
      },
      async (request) => ({
        user: request.session ? presentUser(request.session.user) : null,
        csrfToken: request.session?.csrfToken ?? null,
      }),
    );

    app.patch(
      "/auth/me",
      {
        schema: {
          tags: ["auth"],
          summary: "Change your own language or display name",
          body: updateMeBody,
          response: { 200: meSchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => ({ user: presentUser(await updateMe(ctx, request.actor, request.body)) }),
    );

    app.post(
      "/auth/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Change your own password (the current one is required); ends your other sessions",
          body: changePasswordBody,
          response: { 200: meSchema, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => {
        if (!request.session) throw errors.unauthenticated();
        const user = await changeOwnPassword(
          ctx,
          request.actor,
          { sessionId: request.session.sessionId, clientAddress: request.ip },
          request.body,
        );
        return { user: presentUser(user) };
      },
    );
  };
}
