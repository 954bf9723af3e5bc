import type { Actor } from "@sainam/core";
import { audit, enterprises, linkages, memberships, nowIso, type InstitutionRow, type LinkageRow, type MemberView } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, can } from "../policies/policy.ts";
import { requireCluster } from "../clusters/cluster.service.ts";
import { indexInstitution } from "../search/search.indexer.ts";

export const linkageKinds = ["supplies", "buys_from", "subcontracts", "collaborates", "advises", "finances", "trains"] as const;
export const institutionKinds = ["finance", "education", "research", "government", "association", "service_centre", "expert_pool"] as const;
type Stage = "upstream" | "midstream" | "downstream";

function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

export function presentMember(m: MemberView) {
  return {
    membershipId: m.id,
    enterpriseId: m.enterprise_id,
    juristicId: m.juristic_id,
    nameTh: m.name_th,
    nameEn: m.name_en,
    sizeClass: m.size_class,
    tsicCode: m.tsic_code,
    provinceCode: m.province_code,
    stage: m.stage,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
  };
}

export function presentLinkage(l: LinkageRow) {
  return {
    id: l.id,
    clusterId: l.cluster_id,
    from: { type: l.from_type, id: l.from_id },
    to: { type: l.to_type, id: l.to_id },
    kind: l.kind,
    product: l.product,
    annualValue: l.annual_value,
  };
}

export function presentInstitution(i: InstitutionRow) {
  return { id: i.id, kind: i.kind, nameTh: i.name_th, nameEn: i.name_en, description: i.description, agencyId: i.agency_id, provinceCode: i.province_code, published: i.published === 1, isExample: i.is_example === 1 };
}

export async function listMembers(ctx: AppContext, actor: Actor, clusterId: number, includePast: boolean) {
  const cluster = await requireCluster(ctx, actor, clusterId, "read");
  const seesAll = can(actor, "update", { type: "cluster", clusterId, coordinatingAgencyId: cluster.coordinating_agency_id, published: cluster.published === 1 });
  const rows = await memberships.listMembers(ctx.database.db, clusterId, { currentOnly: !includePast, publishedOnly: !seesAll });
  return { items: rows.map(presentMember) };
}

export async function addMember(ctx: AppContext, actor: Actor, clusterId: number, input: { enterpriseId: number; stage: Stage; joinedOn?: string | null | undefined }) {
  await requireCluster(ctx, actor, clusterId, "update");
  const { db } = ctx.database;
  if (!(await enterprises.findEnterprise(db, input.enterpriseId))) throw errors.missing("enterpriseId", "enterprise", input.enterpriseId);
  if (await memberships.findMembership(db, clusterId, input.enterpriseId)) throw errors.conflict(`enterprise ${input.enterpriseId} is already a member`, "enterpriseId", "already_member");
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await memberships.insertMembership(trx, { cluster_id: clusterId, enterprise_id: input.enterpriseId, stage: input.stage, joined_on: input.joinedOn ?? null, left_on: null, created_at: now, updated_at: now });
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: "membership.create", entityType: "membership", entityId: newId, after: { clusterId, enterpriseId: input.enterpriseId, stage: input.stage, joinedOn: input.joinedOn ?? null } });
    return newId;
  });
  return { membershipId: id };
}

export async function updateMember(ctx: AppContext, actor: Actor, clusterId: number, enterpriseId: number, input: { stage?: Stage | undefined; joinedOn?: string | null | undefined; leftOn?: string | null | undefined }) {
  await requireCluster(ctx, actor, clusterId, "update");
  const { db } = ctx.database;
  const before = await memberships.findMembership(db, clusterId, enterpriseId);
  if (!before) throw errors.notFound("membership of enterprise", enterpriseId);
  const joinedOn = input.joinedOn === undefined ? before.joined_on : input.joinedOn;
  const leftOn = input.leftOn === undefined ? before.left_on : input.leftOn;
  if (joinedOn && leftOn && leftOn < joinedOn) throw errors.notBefore("leftOn", "joinedOn");
  await db.transaction().execute(async (trx) => {
    await memberships.updateMembership(trx, before.id, { stage: input.stage ?? before.stage, joined_on: joinedOn, left_on: leftOn, updated_at: nowIso() });
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor), action: "membership.update", entityType: "membership", entityId: before.id,
      before: { stage: before.stage, joinedOn: before.joined_on, leftOn: before.left_on },
      after: { stage: input.stage ?? before.stage, joinedOn, leftOn },
    });
  });
  return { ok: true as const };
}

export async function removeMember(ctx: AppContext, actor: Actor, clusterId: number, enterpriseId: number) {
  await requireCluster(ctx, actor, clusterId, "update");
  const { db } = ctx.database;
  const before = await memberships.findMembership(db, clusterId, enterpriseId);
  if (!before) throw errors.notFound("membership of enterprise", enterpriseId);
  await db.transaction().execute(async (trx) => {
    await memberships.deleteMembership(trx, before.id);
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: "membership.delete", entityType: "membership", entityId: before.id, before: { clusterId, enterpriseId, stage: before.stage } });
  });
  return { ok: true as const };
}

export async function listClusterLinkages(ctx: AppContext, actor: Actor, clusterId: number) {
  await requireCluster(ctx, actor, clusterId, "read");
  return { items: (await linkages.listClusterLinkages(ctx.database.db, clusterId)).map(presentLinkage) };
}

type PartyInput = { type: "enterprise" | "institution"; id: number };

async function partyExists(ctx: AppContext, party: PartyInput): Promise<boolean> {
  const { db } = ctx.database;
  return party.type === "enterprise" ? Boolean(await enterprises.findEnterprise(db, party.id)) : Boolean(await linkages.findInstitution(db, party.id));
}

export async function addLinkage(ctx: AppContext, actor: Actor, clusterId: number, input: { from: PartyInput; to: PartyInput; kind: (typeof linkageKinds)[number]; product?: string | null | undefined; annualValue?: number | null | undefined }) {
  await requireCluster(ctx, actor, clusterId, "update");
  if (input.from.type === input.to.type && input.from.id === input.to.id) throw errors.validation("to", "a party cannot be linked to itself", "self_link");
  if (!(await partyExists(ctx, input.from))) throw errors.missing("from.id", input.from.type, input.from.id);
  if (!(await partyExists(ctx, input.to))) throw errors.missing("to.id", input.to.type, input.to.id);
  const { db } = ctx.database;
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await linkages.insertLinkage(trx, {
      cluster_id: clusterId, from_type: input.from.type, from_id: input.from.id, to_type: input.to.type, to_id: input.to.id,
      kind: input.kind, product: input.product ?? null, annual_value: input.annualValue ?? null, is_example: 0, created_at: now, updated_at: now,
    });
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: "linkage.create", entityType: "linkage", entityId: newId, after: { clusterId, ...input } });
    return newId;
  });
  const created = await linkages.findLinkage(db, id);
  if (!created) throw errors.notFound("linkage", id);
  return presentLinkage(created);
}

export async function removeLinkage(ctx: AppContext, actor: Actor, clusterId: number, linkageId: number) {
  await requireCluster(ctx, actor, clusterId, "update");
  const { db } = ctx.database;
  const before = await linkages.findLinkage(db, linkageId);
  if (!before || before.cluster_id !== clusterId) throw errors.notFound("linkage", linkageId);
  await db.transaction().execute(async (trx) => {
    await linkages.deleteLinkage(trx, linkageId);
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: "linkage.delete", entityType: "linkage", entityId: linkageId, before: presentLinkage(before) });
  });
  return { ok: true as const };
}

export async function listInstitutions(ctx: AppContext, actor: Actor, filter: { kind?: string | undefined; cluster?: number | undefined }) {
  if (filter.cluster !== undefined) await requireCluster(ctx, actor, filter.cluster, "read");
  const publishedOnly = actor.kind === "public";
  return { items: (await linkages.listInstitutions(ctx.database.db, { kind: filter.kind, clusterId: filter.cluster, publishedOnly })).map(presentInstitution) };
}

export async function createInstitution(ctx: AppContext, actor: Actor, input: { kind: (typeof institutionKinds)[number]; nameTh?: string | null | undefined; nameEn?: string | null | undefined; description?: string | null | undefined; agencyId?: number | null | undefined; provinceCode?: string | null | undefined; published?: boolean | undefined }) {
  authorize(actor, "create", { type: "institution", agencyId: input.agencyId ?? null, published: false });
  if (!input.nameTh && !input.nameEn) throw errors.validation("nameTh", "a Thai or English name is required", "required", { or: "nameEn" });
  const { db } = ctx.database;
  if (input.provinceCode && !(await db.selectFrom("provinces").select("code").where("code", "=", input.provinceCode).executeTakeFirst())) {
    throw errors.missing("provinceCode", "province", input.provinceCode);
  }
  if (input.agencyId && !(await db.selectFrom("agencies").select("id").where("id", "=", input.agencyId).executeTakeFirst())) {
    throw errors.missing("agencyId", "agency", input.agencyId);
  }
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await linkages.insertInstitution(trx, {
      kind: input.kind, name_th: input.nameTh ?? null, name_en: input.nameEn ?? null, description: input.description ?? null,
      agency_id: input.agencyId ?? null, province_code: input.provinceCode ?? null, published: input.published === false ? 0 : 1, is_example: 0, created_at: now, updated_at: now,
    });
    const created = await linkages.findInstitution(trx, newId);
    if (created) await indexInstitution(trx, created);
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: "institution.create", entityType: "institution", entityId: newId, after: input });
    return newId;
  });
  const row = await linkages.findInstitution(db, id);
  if (!row) throw errors.notFound("institution", id);
  return presentInstitution(row);
}

export async function linkInstitution(ctx: AppContext, actor: Actor, clusterId: number, input: { institutionId: number; role?: string | null | undefined }) {
  await requireCluster(ctx, actor, clusterId, "update");
  const { db } = ctx.database;
  if (!(await linkages.findInstitution(db, input.institutionId))) throw errors.missing("institutionId", "institution", input.institutionId);
  await db.transaction().execute(async (trx) => {
    await linkages.linkInstitution(trx, clusterId, input.institutionId, input.role ?? null);
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: "cluster_institution.link", entityType: "cluster", entityId: clusterId, after: input });
  });
  return { ok: true as const };
}

export async function unlinkInstitution(ctx: AppContext, actor: Actor, clusterId: number, institutionId: number) {
  await requireCluster(ctx, actor, clusterId, "update");
  await ctx.database.db.transaction().execute(async (trx) => {
    await linkages.unlinkInstitution(trx, clusterId, institutionId);
    await audit.appendAudit(trx, { actorUserId: actorId(actor), action: "cluster_institution.unlink", entityType: "cluster", entityId: clusterId, before: { institutionId } });
  });
  return { ok: true as const };
}
