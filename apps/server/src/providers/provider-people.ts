import type { Actor } from "@sainam/core";
import { audit, nowIso, serviceProviders, users } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize } from "../policies/policy.ts";

// The people of a provider besides its experts' records (issue 13, point 1): its managers (provider_managers, who
// reassign its requests, see its cases and are told of breaches), kept by the provider's keepers (admins, officers of
// its agency); and the users those keepers may pick, to make a manager or to link to an expert record.

/** Who may be a provider's manager: its experts and agency officers (admins manage every provider already). */
const MANAGER_ROLES = ["expert", "agency_officer"] as const;
const CANDIDATES = 20;

async function providerOf(ctx: AppContext, id: number) {
  const provider = await serviceProviders.findProvider(ctx.database.db, id);
  if (!provider) throw errors.notFound("service provider", id);
  return provider;
}

function keep(actor: Actor, agencyId: number | null) {
  authorize(actor, "update", { type: "service_provider", agencyId });
}

const actorId = (actor: Actor) => (actor.kind === "user" ? actor.id : null);

/** A provider's managers by name: for signed-in users (names are personal data). */
export async function listManagers(ctx: AppContext, actor: Actor, providerId: number) {
  const provider = await providerOf(ctx, providerId);
  authorize(actor, "list", { type: "expert", providerAgencyId: provider.agency_id });
  const rows = await serviceProviders.listManagers(ctx.database.db, providerId);
  return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role }));
}

export async function addManager(ctx: AppContext, actor: Actor, providerId: number, userId: number) {
  const provider = await providerOf(ctx, providerId);
  keep(actor, provider.agency_id);
  const { db } = ctx.database;
  const user = await users.findUserById(db, userId);
  if (!user) throw errors.missing("userId", "user", userId);
  if (!MANAGER_ROLES.some((role) => role === user.role))
    throw errors.validation("userId", "a provider's manager is an expert or an agency officer", "invalid_choice");
  if (user.active !== 1) throw errors.validation("userId", "the user is not active", "invalid_choice");
  if (await serviceProviders.isManager(db, providerId, userId))
    throw errors.conflict("The user already manages this provider.", "userId", "duplicate");
  await db.transaction().execute(async (trx) => {
    await serviceProviders.addManager(trx, providerId, userId);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "provider_manager.add",
      entityType: "service_provider",
      entityId: providerId,
      after: { managerUserId: userId, at: nowIso() },
    });
  });
  return listManagers(ctx, actor, providerId);
}

export async function removeManager(ctx: AppContext, actor: Actor, providerId: number, userId: number) {
  const provider = await providerOf(ctx, providerId);
  keep(actor, provider.agency_id);
  const { db } = ctx.database;
  if (!(await serviceProviders.isManager(db, providerId, userId))) throw errors.notFound("provider manager", userId);
  await db.transaction().execute(async (trx) => {
    await serviceProviders.removeManager(trx, providerId, userId);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "provider_manager.remove",
      entityType: "service_provider",
      entityId: providerId,
      before: { managerUserId: userId },
    });
  });
}

/**
 * Users a provider's keeper may pick, by name or e-mail: `expert` users (to link to one of the provider's expert
 * records), or experts and agency officers (to make managers). Keepers only: the answer holds e-mails.
 */
export async function userCandidates(
  ctx: AppContext,
  actor: Actor,
  providerId: number,
  query: { q: string; for: "expert" | "manager" },
) {
  const provider = await providerOf(ctx, providerId);
  keep(actor, provider.agency_id);
  const roles = query.for === "expert" ? ["expert"] : [...MANAGER_ROLES];
  const rows = await serviceProviders.searchUsers(ctx.database.db, query.q, roles, CANDIDATES);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    role: r.role,
    expertId: r.expert_id,
  }));
}
