import { roles, type Actor, type Role } from "@sainam/core";
import {
  audit,
  clusters,
  enterprises,
  nowIso,
  reference,
  sessions,
  users,
  type UserUpdate,
  type UserWithScopes,
} from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { hashPassword } from "../auth/password.ts";
import { authorize, demotesSelf } from "../policies/policy.ts";
import { auditUser } from "./user.presenter.ts";
import { applyExpertPlan, planExpertRecord, providerAgency } from "./expert-record.ts";
import type { CreateUserBody, UpdateUserBody } from "@sainam/contract";

type Scopes = {
  role: Role;
  agencyId: number | null;
  clusterIds: number[];
  enterpriseId: number | null;
};

/**
 * A role's scope must be set and exist: an officer needs an agency, a coordinator clusters, a member an enterprise.
 * An expert needs an expert record with fields (expert-record.ts); their agency, when not given, is their provider's.
 */
async function checkScopes(db: Kysely<DB> | Transaction<DB>, scopes: Scopes): Promise<void> {
  if (scopes.role === "agency_officer" && scopes.agencyId === null) {
    throw errors.required("agencyId", "is required for an agency officer");
  }
  if (scopes.role === "cluster_coordinator" && scopes.clusterIds.length === 0) {
    throw errors.validation("clusterIds", "at least one cluster is required for a cluster coordinator", "required");
  }
  if (scopes.role === "member" && scopes.enterpriseId === null) {
    throw errors.required("enterpriseId", "is required for a member");
  }
  if (scopes.agencyId !== null && !(await reference.findAgency(db, scopes.agencyId))) {
    throw errors.missing("agencyId", "agency", scopes.agencyId);
  }
  const clusterIds = [...new Set(scopes.clusterIds)];
  if (clusterIds.length > 0) {
    const found = new Set(await clusters.existingClusterIds(db, clusterIds));
    const absent = clusterIds.find((id) => !found.has(id));
    if (absent !== undefined) throw errors.missing("clusterIds", "cluster", absent);
  }
  if (scopes.enterpriseId !== null && !(await enterprises.findEnterprise(db, scopes.enterpriseId))) {
    throw errors.missing("enterpriseId", "enterprise", scopes.enterpriseId);
  }
}

export async function listUsers(
  ctx: AppContext,
  actor: Actor,
  query: { page: number; pageSize: number; q?: string | undefined },
) {
  authorize(actor, "list", { type: "users" });
  return users.listUsers(ctx.database.db, query);
}

export async function getUser(ctx: AppContext, actor: Actor, id: number): Promise<UserWithScopes> {
  authorize(actor, "read", { type: "user", userId: id });
  const user = await users.findUserById(ctx.database.db, id);
  if (!user) throw errors.notFound("user", id);
  return user;
}

export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserBody): Promise<UserWithScopes> {
  authorize(actor, "create", { type: "users" });
  const { db } = ctx.database;
  const scopes: Scopes = {
    role: input.role,
    agencyId: input.agencyId ?? null,
    clusterIds: input.clusterIds ?? [],
    enterpriseId: input.enterpriseId ?? null,
  };
  if (await users.findUserByEmail(db, input.email))
    throw errors.conflict("a user with this e-mail exists", "email", "duplicate");
  await checkScopes(db, scopes);
  const expertPlan = await planExpertRecord(db, scopes.role, null, input);
  if (scopes.role === "expert" && input.agencyId === undefined)
    scopes.agencyId = (await providerAgency(db, expertPlan)) ?? null;
  const passwordHash = await hashPassword(input.password);
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const user = await users.insertUser(
      trx,
      {
        email: input.email,
        password_hash: passwordHash,
        display_name: input.displayName,
        role: scopes.role,
        agency_id: scopes.agencyId,
        enterprise_id: scopes.enterpriseId,
        locale: input.locale ?? "th",
        active: 1,
        created_at: now,
        updated_at: now,
      },
      scopes.clusterIds,
    );
    await applyExpertPlan(trx, actor, user, expertPlan);
    const created = (await users.findUserById(trx, user.id)) ?? user;
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      after: auditUser(created),
    });
    return created;
  });
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateUserBody,
): Promise<UserWithScopes> {
  authorize(actor, "update", { type: "user", userId: id });
  const { db } = ctx.database;
  const before = await users.findUserById(db, id);
  if (!before) throw errors.notFound("user", id);
  const role = roles.find((r) => r === (input.role ?? before.role));
  if (!role) throw errors.validation("role", `unknown role ${before.role}`, "invalid_choice");
  const scopes: Scopes = {
    role,
    agencyId: input.agencyId === undefined ? before.agency_id : input.agencyId,
    clusterIds: input.clusterIds ?? before.cluster_ids,
    enterpriseId: input.enterpriseId === undefined ? before.enterprise_id : input.enterpriseId,
  };
  await checkScopes(db, scopes);
  // A user who stops being an expert is unlinked from their record, which stays with its provider.
  const expertPlan = await planExpertRecord(db, role, before, { ...input, agencyId: scopes.agencyId });
  if (demotesSelf(actor, id, input)) {
    throw errors.validation(
      input.active === false ? "active" : "role",
      "an admin cannot deactivate or demote themselves",
      "self_change",
    );
  }
  const patch: UserUpdate = { updated_at: nowIso() };
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  if (input.role !== undefined) patch.role = input.role;
  if (input.agencyId !== undefined) patch.agency_id = input.agencyId;
  if (input.enterpriseId !== undefined) patch.enterprise_id = input.enterpriseId;
  if (input.active !== undefined) patch.active = input.active ? 1 : 0;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.password !== undefined) {
    // A password an admin chose is a temporary one, as with reset-password: the user must replace it.
    patch.password_hash = await hashPassword(input.password);
    patch.must_change_password = 1;
  }
  const updated = await db.transaction().execute(async (trx) => {
    const updatedRow = await users.updateUser(trx, id, patch, input.clusterIds);
    if (!updatedRow) throw errors.notFound("user", id);
    await applyExpertPlan(trx, actor, updatedRow, expertPlan);
    const after = (await users.findUserById(trx, id)) ?? updatedRow;
    // A new password, a lost role or a deactivation ends the user's open sessions.
    if (
      input.password !== undefined ||
      input.active === false ||
      (input.role !== undefined && input.role !== before.role)
    ) {
      await sessions.deleteSessionsOfUser(trx, id);
    }
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: input.password !== undefined ? "user.update+password" : "user.update",
      entityType: "user",
      entityId: id,
      before: auditUser(before),
      after: auditUser(after),
    });
    return after;
  });
  // After the commit, so no request can cache the old state between the two.
  ctx.sessionCache.deleteUser(id);
  return updated;
}

/** A signed-in user changes their own language or display name. */
export async function updateMe(
  ctx: AppContext,
  actor: Actor,
  input: { locale?: "th" | "en" | undefined; displayName?: string | undefined },
) {
  authorize(actor, "update", { type: "self" });
  if (actor.kind !== "user") throw errors.unauthenticated();
  const { db } = ctx.database;
  const before = await users.findUserById(db, actor.id);
  if (!before) throw errors.notFound("user", actor.id);
  const patch: UserUpdate = { updated_at: nowIso() };
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  const updated = await db.transaction().execute(async (trx) => {
    const after = await users.updateUser(trx, actor.id, patch);
    if (!after) throw errors.notFound("user", actor.id);
    await audit.appendAudit(trx, {
      actorUserId: actor.id,
      action: "user.update_self",
      entityType: "user",
      entityId: actor.id,
      before: auditUser(before),
      after: auditUser(after),
    });
    return after;
  });
  ctx.sessionCache.deleteUser(actor.id);
  return updated;
}

/** Creates the first admin on a database without users; returns the generated password if one was made. */
export async function ensureFirstAdmin(ctx: AppContext, input: { email: string; password: string }): Promise<boolean> {
  const { db } = ctx.database;
  if ((await users.countUsers(db)) > 0) return false;
  const passwordHash = await hashPassword(input.password);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const user = await users.insertUser(
      trx,
      {
        email: input.email,
        password_hash: passwordHash,
        display_name: "Administrator",
        role: "admin",
        agency_id: null,
        enterprise_id: null,
        locale: "th",
        active: 1,
        created_at: now,
        updated_at: now,
      },
      [],
    );
    await audit.appendAudit(trx, {
      actorUserId: null,
      action: "user.create_first_admin",
      entityType: "user",
      entityId: user.id,
      after: auditUser(user),
    });
  });
  return true;
}
