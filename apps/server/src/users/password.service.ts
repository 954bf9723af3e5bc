import type { Actor } from "@sainam/core";
import { audit, nowIso, sessions, users, type UserWithScopes } from "@sainam/db";
import type { ChangePasswordBody, ResetPasswordBody } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { authorize } from "../policies/policy.ts";
import { auditUser } from "./user.presenter.ts";

/**
 * A signed-in user changes their own password: the current one is checked (throttled like sign-in, so a session
 * left open cannot be used to guess it), the new one must differ, and every other session of the user ends — this
 * one stays. Clears a reset's must-change flag. The audit records that it happened, never a password or hash.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  session: { sessionId: string; clientAddress: string },
  input: ChangePasswordBody,
): Promise<UserWithScopes> {
  authorize(actor, "update", { type: "self" });
  if (actor.kind !== "user") throw errors.unauthenticated();
  const { db } = ctx.database;
  const before = await users.findUserById(db, actor.id);
  if (!before) throw errors.unauthenticated();
  const attempt = { email: before.email, address: session.clientAddress };
  const wait = ctx.loginThrottle.retryAfterSeconds(attempt);
  if (wait > 0) throw errors.tooManyRequests(wait);
  if (!(await verifyPassword(input.currentPassword, before.password_hash))) {
    ctx.loginThrottle.fail(attempt);
    throw errors.validation("currentPassword", "is not your current password", "wrong_password");
  }
  ctx.loginThrottle.succeed(attempt);
  if (input.newPassword === input.currentPassword) {
    throw errors.validation("newPassword", "must differ from the current password", "same_password");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const updated = await db.transaction().execute(async (trx) => {
    const after = await users.updateUser(trx, actor.id, {
      password_hash: passwordHash,
      must_change_password: 0,
      updated_at: nowIso(),
    });
    if (!after) throw errors.unauthenticated();
    await sessions.deleteOtherSessionsOfUser(trx, actor.id, session.sessionId);
    await audit.appendAudit(trx, {
      actorUserId: actor.id,
      action: "user.change_password",
      entityType: "user",
      entityId: actor.id,
      before: auditUser(before),
      after: auditUser(after),
    });
    return after;
  });
  // After the commit: other processes' caches expire within their TTL, this one's at once.
  ctx.sessionCache.deleteUser(actor.id);
  return updated;
}

/**
 * An admin gives a user a temporary password: the user's sessions end, and at next sign-in they must choose their
 * own before anything else (must_change_password). An admin changes their own password the ordinary way.
 */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ResetPasswordBody,
): Promise<UserWithScopes> {
  authorize(actor, "update", { type: "user", userId: id });
  if (actor.kind === "user" && actor.id === id) {
    throw errors.validation("id", "change your own password with your current one instead", "self_change");
  }
  const { db } = ctx.database;
  const before = await users.findUserById(db, id);
  if (!before) throw errors.notFound("user", id);
  const passwordHash = await hashPassword(input.temporaryPassword);
  const updated = await db.transaction().execute(async (trx) => {
    const after = await users.updateUser(trx, id, {
      password_hash: passwordHash,
      must_change_password: 1,
      updated_at: nowIso(),
    });
    if (!after) throw errors.notFound("user", id);
    await sessions.deleteSessionsOfUser(trx, id);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "user.reset_password",
      entityType: "user",
      entityId: id,
      before: auditUser(before),
      after: auditUser(after),
    });
    return after;
  });
  ctx.sessionCache.deleteUser(id);
  return updated;
}
