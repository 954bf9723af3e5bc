import { distinct, type Actor } from "@sainam/core";
import { audit, nowIso, reference, serviceProviders, type DB, type UserWithScopes } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import { errors } from "../errors.ts";

// An `expert` user's expert record (issue 13, point 1): the one place their provider and fields are kept. The admin
// users form picks an existing record (expertId) or makes one at a provider (providerId + fields); a user who stops
// being an expert is unlinked from theirs (the record stays with its provider, for a keeper to link again).

type Executor = Kysely<DB> | Transaction<DB>;

/** What the users form asked for the expert side of a user. */
export type ExpertChoice = {
  expertId?: number | undefined;
  providerId?: number | undefined;
  expertFields?: string[] | undefined;
};

/** What will be written: nothing, a link to a record (moved or given fields), a new record, or an unlink. */
export type ExpertPlan =
  | { kind: "none" }
  | { kind: "unlink"; expertId: number }
  | { kind: "link"; expertId: number; providerId: number | null; fields: string[] | null }
  | { kind: "create"; providerId: number; fields: string[] }
  /** Issue 12's clients name only an agency: the record goes to a provider made for it (as migration 0022 does). */
  | { kind: "create_with_provider"; agencyId: number; fields: string[] };

/** The agency an expert user's record gives them (their provider's), when the form named none. */
export async function providerAgency(db: Executor, plan: ExpertPlan): Promise<number | null | undefined> {
  if (plan.kind === "create_with_provider") return plan.agencyId;
  const providerId =
    plan.kind === "create"
      ? plan.providerId
      : plan.kind === "link"
        ? (plan.providerId ?? (await serviceProviders.findExpert(db, plan.expertId))?.provider_id)
        : undefined;
  if (providerId === undefined) return undefined;
  return (await serviceProviders.findProvider(db, providerId))?.agency_id ?? null;
}

async function requireProvider(db: Executor, providerId: number) {
  const provider = await serviceProviders.findProvider(db, providerId);
  if (!provider) throw errors.missing("providerId", "service provider", providerId);
  return provider;
}

function requireFields(fields: readonly string[]) {
  if (fields.length === 0)
    throw errors.validation("expertFields", "at least one field is required for an expert", "required");
}

/**
 * Checks the expert side of a user's create or change and answers what to write. `current`: the user as stored
 * (null when new). Refuses an expert without a record or fields, a record linked to someone else, fields or a
 * provider for another role.
 */
export async function planExpertRecord(
  db: Executor,
  role: string,
  current: UserWithScopes | null,
  choice: ExpertChoice & { agencyId?: number | null | undefined },
): Promise<ExpertPlan> {
  if (role !== "expert") {
    if ((choice.expertFields ?? []).length > 0)
      throw errors.validation("expertFields", "only an expert has fields", "not_applicable");
    if (choice.expertId !== undefined)
      throw errors.validation("expertId", "only an expert has an expert record", "not_applicable");
    if (choice.providerId !== undefined)
      throw errors.validation("providerId", "only an expert belongs to a service provider", "not_applicable");
    return current?.expert_id ? { kind: "unlink", expertId: current.expert_id } : { kind: "none" };
  }
  if (choice.providerId !== undefined) await requireProvider(db, choice.providerId);
  const expertId = choice.expertId ?? current?.expert_id ?? null;
  if (expertId !== null) {
    const record = await serviceProviders.findExpert(db, expertId);
    if (!record) throw errors.missing("expertId", "expert", expertId);
    if (record.user_id !== null && record.user_id !== (current?.id ?? null))
      throw errors.conflict("This expert record is linked to another user.", "expertId", "duplicate");
    const fields = choice.expertFields === undefined ? record.fields : distinct(choice.expertFields);
    requireFields(fields);
    return {
      kind: "link",
      expertId,
      providerId: choice.providerId ?? null,
      fields: choice.expertFields === undefined ? null : fields,
    };
  }
  const fields = distinct(choice.expertFields ?? []);
  if (choice.providerId === undefined) {
    // Issue 12 named an expert's provider by their agency: such a request joins a provider of that agency.
    const agencyId = choice.agencyId ?? null;
    if (agencyId === null)
      throw errors.required("providerId", "is required for an expert: the service provider of their expert record");
    requireFields(fields);
    const provider = await agencyProvider(db, agencyId);
    return provider === undefined
      ? { kind: "create_with_provider", agencyId, fields }
      : { kind: "create", providerId: provider, fields };
  }
  requireFields(fields);
  return { kind: "create", providerId: choice.providerId, fields };
}

/** A provider the agency keeps (a real one before an example), if any. */
async function agencyProvider(db: Executor, agencyId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("service_providers")
    .select("id")
    .where("agency_id", "=", agencyId)
    .orderBy("is_example")
    .orderBy("id")
    .executeTakeFirst();
  return row?.id;
}

/** Makes the provider of an agency's experts (code EXPERTS-<agency code>, kind other, the agency's names), audited. */
async function makeAgencyProvider(trx: Transaction<DB>, actorUserId: number | null, agencyId: number): Promise<number> {
  const agency = await reference.findAgency(trx, agencyId);
  if (!agency) throw errors.missing("agencyId", "agency", agencyId);
  const code = `EXPERTS-${agency.code}`;
  const taken = await serviceProviders.findProviderByCode(trx, code);
  if (taken) return taken.id;
  const now = nowIso();
  const id = await serviceProviders.insertProvider(trx, {
    code,
    name_th: agency.name_th,
    name_en: agency.name_en ?? (agency.name_th ? null : agency.code),
    kind: "other",
    agency_id: agencyId,
    created_at: now,
    updated_at: now,
  });
  await audit.appendAudit(trx, {
    actorUserId,
    action: "service_provider.create",
    entityType: "service_provider",
    entityId: id,
    after: { code, kind: "other", agencyId, via: "user" },
  });
  return id;
}

/** Writes a plan for the user in `trx`, audited as changes to the expert record. */
export async function applyExpertPlan(
  trx: Transaction<DB>,
  actor: Actor,
  user: { id: number; display_name: string; email: string },
  plan: ExpertPlan,
): Promise<void> {
  const actorUserId = actor.kind === "user" ? actor.id : null;
  const now = nowIso();
  if (plan.kind === "none") return;
  if (plan.kind === "unlink") {
    await serviceProviders.updateExpert(trx, plan.expertId, { user_id: null, updated_at: now });
    await audit.appendAudit(trx, {
      actorUserId,
      action: "expert.unlink_user",
      entityType: "expert",
      entityId: plan.expertId,
      before: { userId: user.id },
      after: { userId: null },
    });
    return;
  }
  if (plan.kind === "create" || plan.kind === "create_with_provider") {
    const providerId =
      plan.kind === "create" ? plan.providerId : await makeAgencyProvider(trx, actorUserId, plan.agencyId);
    const id = await serviceProviders.insertExpert(trx, {
      provider_id: providerId,
      user_id: user.id,
      display_name: user.display_name,
      contact_email: user.email,
      capacity: 1,
      available: 1,
      created_at: now,
      updated_at: now,
    });
    await serviceProviders.setExpertFields(trx, id, plan.fields);
    await audit.appendAudit(trx, {
      actorUserId,
      action: "expert.create",
      entityType: "expert",
      entityId: id,
      after: { providerId, userId: user.id, fields: plan.fields, via: "user" },
    });
    return;
  }
  const before = await serviceProviders.findExpert(trx, plan.expertId);
  // One record per user: a record the user had before is unlinked, and stays with its provider.
  await trx
    .updateTable("experts")
    .set({ user_id: null, updated_at: now })
    .where("user_id", "=", user.id)
    .where("id", "!=", plan.expertId)
    .execute();
  const patch: Parameters<typeof serviceProviders.updateExpert>[2] = { user_id: user.id, updated_at: now };
  if (plan.providerId !== null) patch.provider_id = plan.providerId;
  await serviceProviders.updateExpert(trx, plan.expertId, patch);
  if (plan.fields !== null) await serviceProviders.setExpertFields(trx, plan.expertId, plan.fields);
  const after = await serviceProviders.findExpert(trx, plan.expertId);
  const changed =
    before?.user_id !== user.id ||
    before.provider_id !== after?.provider_id ||
    before.fields.join() !== after?.fields.join();
  if (changed)
    await audit.appendAudit(trx, {
      actorUserId,
      action: before?.user_id === user.id ? "expert.update" : "expert.link_user",
      entityType: "expert",
      entityId: plan.expertId,
      before: { userId: before?.user_id ?? null, providerId: before?.provider_id, fields: before?.fields },
      after: { userId: user.id, providerId: after?.provider_id, fields: after?.fields, via: "user" },
    });
}
