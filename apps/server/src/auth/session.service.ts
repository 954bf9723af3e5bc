import { createHash, randomBytes } from "node:crypto";
import { isRole, type Actor } from "@sainam/core";
import { audit, sessions, users, type UserWithScopes } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { verifyPassword } from "./password.ts";

// A session's last-seen time is written at most this often, so reads do not each cost a write; with a
// short idle limit more often (touchIntervalMs), so a session in use never reaches it.
const TOUCH_INTERVAL_MS = 60_000;

/**
 * How long after the last recorded use a session's last-seen time is written again: a minute, or a
 * quarter of the idle limit when that is shorter. A session used at intervals under the idle limit is
 * then always touched well before it would expire, whether its request was served from the 5-second
 * cache or from the database.
 */
export function touchIntervalMs(sessionIdleMs: number): number {
  return Math.min(TOUCH_INTERVAL_MS, Math.floor(sessionIdleMs / 4));
}

export type ResolvedSession = {
  sessionId: string;
  csrfToken: string;
  expiresAt: number;
  /** When the session's use was last written to the database (ms). */
  lastSeenAt: number;
  user: UserWithScopes;
  actor: Actor;
};

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The policy's view of a user: role and scopes, nothing personal. */
export function actorOf(user: UserWithScopes): Actor {
  if (!isRole(user.role) || user.active !== 1) return { kind: "public" };
  return {
    kind: "user",
    id: user.id,
    role: user.role,
    agencyId: user.agency_id,
    clusterIds: user.cluster_ids,
    enterpriseId: user.enterprise_id,
  };
}

/**
 * Checks e-mail and password, throttling repeated failures per e-mail and per client address (see
 * LoginThrottle), and opens a session. The same message answers an unknown e-mail and a wrong password,
 * so accounts cannot be enumerated. `clientAddress` is the request's address as the trusted proxies
 * report it (SAINAM_TRUST_PROXY), never a header a client may set.
 */
export async function login(ctx: AppContext, input: { email: string; password: string; clientAddress: string }) {
  const attempt = { email: input.email, address: input.clientAddress };
  const wait = ctx.loginThrottle.retryAfterSeconds(attempt);
  if (wait > 0) throw errors.tooManyRequests(wait);

  const { db } = ctx.database;
  const user = await users.findUserByEmail(db, input.email);
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.active !== 1) {
    ctx.loginThrottle.fail(attempt);
    throw errors.loginFailed();
  }
  ctx.loginThrottle.succeed(attempt);

  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = new Date(ctx.now());
  await db.transaction().execute(async (trx) => {
    await sessions.insertSession(trx, {
      id: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ctx.config.sessionAbsoluteMs).toISOString(),
    });
    await users.recordLogin(trx, user.id, now.toISOString());
    await audit.appendAudit(trx, { actorUserId: user.id, action: "auth.login", entityType: "user", entityId: user.id });
  });
  return { token, csrfToken, user };
}

// A valid Argon2id hash of a random string: verifying against it costs what a real check costs.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FpbmFtLWR1bW15LXNhbHQ$2LV6zOZWf6vZ0bq7x9bF0q3PH4lq0ZkQ6n0m0v7i3kU";

/** Finds the live session behind a cookie token, ending it if it is past its idle or absolute limit. */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | null> {
  const { db } = ctx.database;
  const id = hashToken(token);
  const now = ctx.now();
  const touchEvery = touchIntervalMs(ctx.config.sessionIdleMs);
  const cached = ctx.sessionCache.get(id);
  if (cached && cached.expiresAt > now && cached.lastSeenAt + ctx.config.sessionIdleMs > now) {
    // A cached hit is a use too: record it when due, or a session served from the cache could go idle.
    if (now - cached.lastSeenAt > touchEvery) {
      await sessions.touchSession(db, id, new Date(now).toISOString());
      cached.lastSeenAt = now;
    }
    return cached;
  }
  const session = await sessions.findSession(db, id);
  if (!session) return null;
  const idleExpired = Date.parse(session.last_seen_at) + ctx.config.sessionIdleMs <= now;
  if (idleExpired || Date.parse(session.expires_at) <= now) {
    await sessions.deleteSession(db, id);
    return null;
  }
  const user = await users.findUserById(db, session.user_id);
  if (!user || user.active !== 1) return null;
  let lastSeenAt = Date.parse(session.last_seen_at);
  if (now - lastSeenAt > touchEvery) {
    await sessions.touchSession(db, id, new Date(now).toISOString());
    lastSeenAt = now;
  }
  const resolved = {
    sessionId: id,
    csrfToken: session.csrf_token,
    expiresAt: Date.parse(session.expires_at),
    lastSeenAt,
    user,
    actor: actorOf(user),
  };
  ctx.sessionCache.set(resolved);
  return resolved;
}

/** Ends a session for good: the token is worthless afterwards. */
export async function logout(ctx: AppContext, session: ResolvedSession): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await sessions.deleteSession(trx, session.sessionId);
    await audit.appendAudit(trx, {
      actorUserId: session.user.id,
      action: "auth.logout",
      entityType: "user",
      entityId: session.user.id,
    });
  });
  ctx.sessionCache.delete(session.sessionId);
}

/** Clears expired sessions; run periodically by the server. */
export async function purgeExpiredSessions(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  return sessions.deleteExpiredSessions(
    ctx.database.db,
    new Date(now).toISOString(),
    new Date(now - ctx.config.sessionIdleMs).toISOString(),
  );
}
