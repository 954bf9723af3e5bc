import type {
  CreateExpertBody,
  CreateProviderBody,
  ProviderListQuery,
  UpdateExpertBody,
  UpdateProviderBody,
} from "@sainam/contract";
import { defaultServiceLevels, distinct, parentProblem, storedName, type Actor, type ProviderKind } from "@sainam/core";
import {
  audit,
  indicatorValues,
  nowIso,
  reference,
  serviceProviders,
  serviceRequests,
  users,
  type DB,
  type ExpertDetail,
  type ProviderDetail,
} from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { keepNameInOneLanguage } from "../names/names.ts";
import { authorize, can } from "../policies/policy.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export function presentProvider(p: ProviderDetail, expertCount: number, showContacts: boolean) {
  return {
    id: p.id,
    code: p.code,
    nameTh: p.name_th,
    nameEn: p.name_en,
    kind: p.kind as ProviderKind,
    parentId: p.parent_id,
    agencyId: p.agency_id,
    provinceCodes: p.provinceCodes,
    services: p.services as NonNullable<CreateExpertBody["fields"]>,
    // The people behind a provider are personal data: visitors see the organisation, not its contacts.
    contactName: showContacts ? p.contact_name : null,
    contactPhone: showContacts ? p.contact_phone : null,
    contactEmail: showContacts ? p.contact_email : null,
    website: p.website,
    responseDays: p.response_days,
    closureDays: p.closure_days,
    serviceLevels: {
      responseDays: p.response_days ?? defaultServiceLevels.responseDays,
      closureDays: p.closure_days ?? defaultServiceLevels.closureDays,
    },
    expertCount,
    isExample: p.is_example === 1,
  };
}

export function presentExpert(e: ExpertDetail) {
  return {
    id: e.id,
    providerId: e.provider_id,
    userId: e.user_id,
    displayName: e.display_name,
    contactPhone: e.contact_phone,
    contactEmail: e.contact_email,
    fields: e.fields as NonNullable<CreateExpertBody["fields"]>,
    areas: e.areas as NonNullable<CreateExpertBody["areas"]>,
    capacity: e.capacity,
    available: e.available === 1,
    isExample: e.is_example === 1,
  };
}

/**
 * A provider as the audit log keeps it: contacts are personal data and stay out of the log (which fields were
 * given is kept, so a change to them still shows).
 */
export function auditProvider(p: ReturnType<typeof presentProvider>) {
  const { contactName, contactPhone, contactEmail, ...rest } = p;
  return {
    ...rest,
    contactsGiven: { name: contactName !== null, phone: contactPhone !== null, email: contactEmail !== null },
  };
}

/** An expert as the audit log keeps it: without their phone and e-mail. */
export function auditExpert(e: ReturnType<typeof presentExpert>) {
  const { contactPhone, contactEmail, ...rest } = e;
  return { ...rest, contactsGiven: { phone: contactPhone !== null, email: contactEmail !== null } };
}

async function expertCounts(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("experts")
    .select((eb) => ["provider_id", eb.fn.countAll<number>().as("n")])
    .groupBy("provider_id")
    .execute();
  return new Map(rows.map((r) => [r.provider_id, Number(r.n)]));
}

const actorId = (actor: Actor) => (actor.kind === "user" ? actor.id : null);

/** Every provider, or with `managed: "me"` those the caller manages (none for a visitor). */
export async function listProviders(ctx: AppContext, actor: Actor, query: ProviderListQuery = {}) {
  authorize(actor, "list", { type: "service_provider", agencyId: null });
  const { db } = ctx.database;
  const counts = await expertCounts(db);
  const managed =
    query.managed === undefined
      ? null
      : new Set(actor.kind === "user" ? await serviceRequests.providersManagedBy(db, actor.id) : []);
  return serviceProviders
    .listProviders(db)
    .then((rows) =>
      rows
        .filter((p) => managed === null || managed.has(p.id))
        .map((p) =>
          presentProvider(
            p,
            counts.get(p.id) ?? 0,
            can(actor, "read_personal", { type: "service_provider", agencyId: p.agency_id }),
          ),
        ),
    );
}

async function loadProvider(db: Executor, id: number): Promise<ProviderDetail> {
  const provider = await serviceProviders.findProvider(db, id);
  if (!provider) throw errors.notFound("service provider", id);
  return provider;
}

async function presentStored(db: Executor, actor: Actor, id: number) {
  const provider = await loadProvider(db, id);
  const counts = await expertCounts(db);
  return presentProvider(
    provider,
    counts.get(id) ?? 0,
    can(actor, "read_personal", { type: "service_provider", agencyId: provider.agency_id }),
  );
}

export async function getProvider(ctx: AppContext, actor: Actor, id: number) {
  const provider = await loadProvider(ctx.database.db, id);
  authorize(actor, "read", { type: "service_provider", agencyId: provider.agency_id });
  return presentStored(ctx.database.db, actor, id);
}

/** The references of a provider's input: its agency, parent (the ITC tree rule), provinces. */
async function checkProviderReferences(
  db: Executor,
  kind: ProviderKind,
  input: {
    agencyId?: number | null | undefined;
    parentId?: number | null | undefined;
    provinceCodes?: string[] | undefined;
  },
  stored: { id: number; parentId: number | null } | null,
) {
  if (input.agencyId !== undefined && input.agencyId !== null && !(await reference.findAgency(db, input.agencyId)))
    throw errors.missing("agencyId", "agency", input.agencyId);
  const parentId = input.parentId === undefined ? (stored?.parentId ?? null) : input.parentId;
  let parent: { id: number; kind: string } | null = null;
  let ancestors: number[] = [];
  if (parentId !== null) {
    const row = await serviceProviders.findProvider(db, parentId);
    if (!row) throw errors.missing("parentId", "service provider", parentId);
    parent = { id: row.id, kind: row.kind };
    ancestors = await serviceProviders.ancestorsOf(db, row.id);
  }
  const problem = parentProblem(kind, parent, stored?.id ?? null, ancestors);
  if (problem === "branch_needs_centre")
    throw errors.validation("parentId", "an ITC branch belongs to an ITC centre", "invalid_choice");
  if (problem === "not_a_branch")
    throw errors.validation("parentId", "only an ITC branch has a parent provider", "not_applicable");
  if (problem === "cycle") throw errors.validation("parentId", "a provider cannot be under itself", "cycle");
  if (input.provinceCodes !== undefined) {
    const known = await indicatorValues.existingOrgUnitCodes(db, "province", input.provinceCodes);
    const unknown = input.provinceCodes.find((code) => !known.has(code));
    if (unknown !== undefined) throw errors.missing("provinceCodes", "province", unknown);
  }
}

/** A closure target shorter than the first-response target is a typing slip: 400 naming closureDays. */
function checkTargets(responseDays: number | null, closureDays: number | null) {
  const response = responseDays ?? defaultServiceLevels.responseDays;
  const closure = closureDays ?? defaultServiceLevels.closureDays;
  if (closure < response) throw errors.notBefore("closureDays", "responseDays");
}

export async function createProvider(ctx: AppContext, actor: Actor, input: CreateProviderBody) {
  const { db } = ctx.database;
  // An officer's new provider is their agency's unless they say otherwise.
  const agencyId =
    input.agencyId !== undefined
      ? input.agencyId
      : actor.kind === "user" && actor.role === "agency_officer"
        ? actor.agencyId
        : null;
  authorize(actor, "create", { type: "service_provider", agencyId });
  if (await serviceProviders.findProviderByCode(db, input.code))
    throw errors.conflict(`A service provider with code ${input.code} exists.`, "code", "duplicate");
  await checkProviderReferences(db, input.kind, input, null);
  checkTargets(input.responseDays ?? null, input.closureDays ?? null);
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const id = await serviceProviders.insertProvider(trx, {
      code: input.code,
      name_th: storedName(input.nameTh),
      name_en: storedName(input.nameEn),
      kind: input.kind,
      parent_id: input.parentId ?? null,
      agency_id: agencyId,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
      contact_email: input.contactEmail ?? null,
      website: input.website ?? null,
      response_days: input.responseDays ?? null,
      closure_days: input.closureDays ?? null,
      created_at: now,
      updated_at: now,
    });
    await serviceProviders.setProviderProvinces(trx, id, distinct(input.provinceCodes ?? []));
    await serviceProviders.setProviderServices(trx, id, distinct(input.services ?? []));
    const after = await presentStored(trx, actor, id);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "service_provider.create",
      entityType: "service_provider",
      entityId: id,
      after: auditProvider(after),
    });
    return after;
  });
}

export async function updateProvider(ctx: AppContext, actor: Actor, id: number, input: UpdateProviderBody) {
  const { db } = ctx.database;
  const stored = await loadProvider(db, id);
  authorize(actor, "update", { type: "service_provider", agencyId: stored.agency_id });
  // Moving a provider to another agency: the caller must keep that agency's providers too.
  if (input.agencyId !== undefined && input.agencyId !== stored.agency_id)
    authorize(actor, "update", { type: "service_provider", agencyId: input.agencyId });
  keepNameInOneLanguage(
    { th: "nameTh", en: "nameEn" },
    { th: stored.name_th, en: stored.name_en },
    { th: input.nameTh, en: input.nameEn },
  );
  const kind = input.kind ?? (stored.kind as ProviderKind);
  await checkProviderReferences(db, kind, input, { id, parentId: stored.parent_id });
  checkTargets(
    input.responseDays === undefined ? stored.response_days : input.responseDays,
    input.closureDays === undefined ? stored.closure_days : input.closureDays,
  );
  if (input.kind !== undefined && input.kind !== "itc_centre" && stored.kind === "itc_centre") {
    const branch = await db.selectFrom("service_providers").select("id").where("parent_id", "=", id).executeTakeFirst();
    if (branch) throw errors.validation("kind", "an ITC centre with branches stays an ITC centre", "conflict");
  }
  return db.transaction().execute(async (trx) => {
    const before = await presentStored(trx, actor, id);
    const patch: Parameters<typeof serviceProviders.updateProvider>[2] = { updated_at: nowIso() };
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.nameTh !== undefined) patch.name_th = storedName(input.nameTh);
    if (input.nameEn !== undefined) patch.name_en = storedName(input.nameEn);
    if (input.parentId !== undefined) patch.parent_id = input.parentId;
    if (input.agencyId !== undefined) patch.agency_id = input.agencyId;
    if (input.contactName !== undefined) patch.contact_name = input.contactName;
    if (input.contactPhone !== undefined) patch.contact_phone = input.contactPhone;
    if (input.contactEmail !== undefined) patch.contact_email = input.contactEmail;
    if (input.website !== undefined) patch.website = input.website;
    if (input.responseDays !== undefined) patch.response_days = input.responseDays;
    if (input.closureDays !== undefined) patch.closure_days = input.closureDays;
    await serviceProviders.updateProvider(trx, id, patch);
    if (input.provinceCodes !== undefined)
      await serviceProviders.setProviderProvinces(trx, id, distinct(input.provinceCodes));
    if (input.services !== undefined) await serviceProviders.setProviderServices(trx, id, distinct(input.services));
    const after = await presentStored(trx, actor, id);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "service_provider.update",
      entityType: "service_provider",
      entityId: id,
      before: auditProvider(before),
      after: auditProvider(after),
    });
    return after;
  });
}

export async function listExperts(ctx: AppContext, actor: Actor, filter: { providerId?: number | undefined }) {
  authorize(actor, "list", { type: "expert", providerAgencyId: null });
  const { db } = ctx.database;
  if (filter.providerId !== undefined) await loadProvider(db, filter.providerId);
  const rows = await serviceProviders.listExperts(
    db,
    filter.providerId === undefined ? {} : { providerId: filter.providerId },
  );
  return rows.map(presentExpert);
}

async function loadExpert(db: Executor, id: number): Promise<ExpertDetail> {
  const expert = await serviceProviders.findExpert(db, id);
  if (!expert) throw errors.notFound("expert", id);
  return expert;
}

export async function getExpert(ctx: AppContext, actor: Actor, id: number) {
  const expert = await loadExpert(ctx.database.db, id);
  authorize(actor, "read", { type: "expert", providerAgencyId: null });
  return presentExpert(expert);
}

/** The provider an expert is (to be) linked to; its agency decides who keeps the expert. */
async function providerFor(db: Executor, providerId: number) {
  const provider = await serviceProviders.findProvider(db, providerId);
  if (!provider) throw errors.missing("providerId", "service provider", providerId);
  return provider;
}

/** The expert's own references: the `expert` user (one expert record each) and the provinces or regions. */
async function checkExpertReferences(
  db: Executor,
  input: { userId?: number | null | undefined; areas?: { type: string; code: string }[] | undefined },
  selfId: number | null,
) {
  if (input.userId !== undefined && input.userId !== null) {
    const user = await users.findUserById(db, input.userId);
    if (!user) throw errors.missing("userId", "user", input.userId);
    if (user.role !== "expert") throw errors.validation("userId", "the user is not an expert", "invalid_choice");
    const linked = await serviceProviders.findExpertByUser(db, input.userId);
    if (linked && linked.id !== selfId)
      throw errors.conflict("The user is linked to another expert.", "userId", "duplicate");
  }
  for (const type of ["province", "region"] as const) {
    const codes = (input.areas ?? []).filter((a) => a.type === type).map((a) => a.code);
    const known = await indicatorValues.existingOrgUnitCodes(db, type, codes);
    const unknown = codes.find((code) => !known.has(code));
    if (unknown !== undefined) throw errors.missing("areas", type, unknown);
  }
}

function distinctAreas(areas: readonly { type: string; code: string }[]) {
  const seen = new Set<string>();
  return areas.filter((a) => {
    const key = `${a.type}:${a.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function createExpert(ctx: AppContext, actor: Actor, input: CreateExpertBody) {
  const { db } = ctx.database;
  const provider = await providerFor(db, input.providerId);
  authorize(actor, "create", { type: "expert", providerAgencyId: provider.agency_id });
  await checkExpertReferences(db, input, null);
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const id = await serviceProviders.insertExpert(trx, {
      provider_id: provider.id,
      user_id: input.userId ?? null,
      display_name: input.displayName,
      contact_phone: input.contactPhone ?? null,
      contact_email: input.contactEmail ?? null,
      capacity: input.capacity ?? 1,
      available: input.available === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    });
    await serviceProviders.setExpertFields(trx, id, distinct(input.fields ?? []));
    await serviceProviders.setExpertAreas(trx, id, distinctAreas(input.areas ?? []));
    const after = presentExpert(await loadExpert(trx, id));
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "expert.create",
      entityType: "expert",
      entityId: id,
      after: auditExpert(after),
    });
    return after;
  });
}

export async function updateExpert(ctx: AppContext, actor: Actor, id: number, input: UpdateExpertBody) {
  const { db } = ctx.database;
  const stored = await loadExpert(db, id);
  const provider = await providerFor(db, stored.provider_id);
  authorize(actor, "update", { type: "expert", providerAgencyId: provider.agency_id });
  // Moving an expert to another provider: the caller must keep that provider's experts too.
  if (input.providerId !== undefined && input.providerId !== stored.provider_id) {
    const target = await providerFor(db, input.providerId);
    authorize(actor, "update", { type: "expert", providerAgencyId: target.agency_id });
  }
  await checkExpertReferences(db, input, id);
  return db.transaction().execute(async (trx) => {
    const before = presentExpert(stored);
    const patch: Parameters<typeof serviceProviders.updateExpert>[2] = { updated_at: nowIso() };
    if (input.providerId !== undefined) patch.provider_id = input.providerId;
    if (input.userId !== undefined) patch.user_id = input.userId;
    if (input.displayName !== undefined) patch.display_name = input.displayName;
    if (input.contactPhone !== undefined) patch.contact_phone = input.contactPhone;
    if (input.contactEmail !== undefined) patch.contact_email = input.contactEmail;
    if (input.capacity !== undefined) patch.capacity = input.capacity;
    if (input.available !== undefined) patch.available = input.available ? 1 : 0;
    await serviceProviders.updateExpert(trx, id, patch);
    if (input.fields !== undefined) await serviceProviders.setExpertFields(trx, id, distinct(input.fields));
    if (input.areas !== undefined) await serviceProviders.setExpertAreas(trx, id, distinctAreas(input.areas));
    const after = presentExpert(await loadExpert(trx, id));
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "expert.update",
      entityType: "expert",
      entityId: id,
      before: auditExpert(before),
      after: auditExpert(after),
    });
    return after;
  });
}
