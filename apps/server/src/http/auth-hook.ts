import type { FastifyInstance, FastifyReply } from "fastify";
import { publicActor, type Actor } from "@sainam/core";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { resolveSession, type ResolvedSession } from "../auth/session.service.ts";

export const SESSION_COOKIE = "sainam_session";
export const CSRF_COOKIE = "sainam_csrf";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is calling; the public actor until a live session says otherwise. */
    actor: Actor;
    actorState: Actor | null;
    session: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Signing in has no session yet; SameSite cookies and the password itself guard it.
const CSRF_EXEMPT = new Set(["/api/auth/login"]);
// The only writes a caller without a session may make. Every other write answers 401 before its body is read or
// any record it names is looked up, so an anonymous caller learns nothing about what exists.
// A buyer's request for a quote is the catalogue's one public write (throttled per address: products/inquiry.service.ts).
export const ANONYMOUS_WRITES: ReadonlySet<string> = new Set([
  "/api/auth/login",
  "/api/catalogue/products/:id/inquiries",
]);
// The writes left to a user whose password an admin reset, until they choose a new one: changing it, signing out,
// and their language (so the change-password page can be read in Thai or English). Everything else answers 403
// password_change_required, whatever the web app shows.
const WRITES_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  "POST /api/auth/password",
  "POST /api/auth/logout",
  "PATCH /api/auth/me",
]);

/** Resolves the session cookie into `request.actor` and enforces CSRF tokens on cookie-authenticated writes. */
export function registerAuthHook(app: FastifyInstance, ctx: AppContext): void {
  // Fastify refuses object defaults on requests (they would be shared), hence the getter over a null slot.
  app.decorateRequest("actorState", null);
  app.decorateRequest("actor", {
    getter(): Actor {
      return this.actorState ?? publicActor;
    },
    setter(value: Actor) {
      this.actorState = value;
    },
  });
  app.decorateRequest("session", null);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(ctx, token);
      if (session) {
        request.session = session;
        request.actor = session.actor;
      } else {
        clearAuthCookies(reply, ctx);
      }
    }
    if (
      !SAFE_METHODS.has(request.method) &&
      !request.session &&
      !ANONYMOUS_WRITES.has(request.routeOptions.url ?? "") &&
      request.routeOptions.url !== undefined
    ) {
      throw errors.unauthenticated();
    }
    if (!SAFE_METHODS.has(request.method) && request.session && !CSRF_EXEMPT.has(request.routeOptions.url ?? "")) {
      const header = request.headers["x-csrf-token"];
      if (typeof header !== "string" || header !== request.session.csrfToken) throw errors.csrf();
    }
    if (
      !SAFE_METHODS.has(request.method) &&
      request.session?.user.must_change_password === 1 &&
      !WRITES_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url ?? ""}`)
    ) {
      throw errors.passwordChangeRequired();
    }
  });
}

function secure(ctx: AppContext, reply: FastifyReply): boolean {
  if (ctx.config.secureCookies === "auto") return reply.request.protocol === "https";
  return ctx.config.secureCookies === "true";
}

export function setAuthCookies(reply: FastifyReply, ctx: AppContext, token: string, csrfToken: string): void {
  const maxAge = Math.floor(ctx.config.sessionAbsoluteMs / 1000);
  const isSecure = secure(ctx, reply);
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: isSecure, path: "/", maxAge });
  // Readable by the page's own script, which echoes it in X-CSRF-Token; other sites cannot read it.
  void reply.setCookie(CSRF_COOKIE, csrfToken, {
    httpOnly: false,
    sameSite: "lax",
    secure: isSecure,
    path: "/",
    maxAge,
  });
}

export function clearAuthCookies(reply: FastifyReply, ctx: AppContext): void {
  const isSecure = secure(ctx, reply);
  void reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: isSecure });
  void reply.clearCookie(CSRF_COOKIE, { path: "/", sameSite: "lax", secure: isSecure });
}
