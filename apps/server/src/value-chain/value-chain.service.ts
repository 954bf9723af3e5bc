import type { Actor, LinkageKind } from "@sainam/core";
import { partyTypes, type InstitutionKind } from "@sainam/contract";
import {
  audit,
  clusters,
  enterprises,
  linkages,
  memberships,
  nowIso,
  reference,
  type ClusterRow,
  type DB,
  type InstitutionRow,
  type LinkageRow,
  type MemberView,
  type PendingMembershipView,
} from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import {
  authorize,
  can,
  institutionVisibility,
  pendingMembershipScope,
  seesUnpublished,
  type Resource,
} from "../policies/policy.ts";
import { clusterResource, requireCluster } from "../clusters/cluster.service.ts";
import { requireVisibleEnterprise } from "../enterprises/enterprise.service.ts";
import { indexInstitution } from "../search/search.indexer.ts";

type Stage = "upstream" | "midstream" | "downstream";

function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

type Executor = Kysely<DB> | Transaction<DB>;

function membershipResource(
  cluster: Pick<ClusterRow, "id" | "coordinating_agency_id">,
  enterpriseId: number,
  enterpriseCreatedBy: number | null,
): Resource {
  return {
    type: "membership",
    clusterId: cluster.id,
    clusterAgencyId: cluster.coordinating_agency_id,
    enterpriseId,
    enterpriseCreatedBy,
  };
}

export function presentMember(m: MemberView, canApprove: boolean) {
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
    // Pending until an officer of the cluster's agency, an admin or the firm approves it: until then its
    // coordinators see the firm's contacts masked and may not edit the firm.
    approved: m.approved_at !== null,
    approvedAt: m.approved_at,
    canApprove,
  };
}

/** A stored party type as the contract names it; every writer stores one of the two, so another is a bug to surface. */
function partyType(type: string): (typeof partyTypes)[number] {
  const known = partyTypes.find((t) => t === type);
  if (known === undefined) throw new Error(`Linkage party type "${type}" is neither enterprise nor institution`);
  return known;
}

export function presentLinkage(l: LinkageRow) {
  return {
    id: l.id,
    clusterId: l.cluster_id,
    from: { type: partyType(l.from_type), id: l.from_id },
    to: { type: partyType(l.to_type), id: l.to_id },
    kind: l.kind,
    product: l.product,
    annualValue: l.annual_value,
  };
}

export function institutionResource(i: InstitutionRow): Resource {
  return { type: "institution", agencyId: i.agency_id, published: i.published === 1, createdBy: i.created_by };
}

/** An institution another record names (a linkage end, a cluster's supporter): it must exist and be visible. */
async function requireVisibleInstitution(
  db: Executor,
  actor: Actor,
  field: string,
  id: number,
): Promise<InstitutionRow> {
  const row = await linkages.findInstitution(db, id);
  if (!row || !can(actor, "read", institutionResource(row))) throw errors.missing(field, "institution", id);
  return row;
}

export function presentInstitution(i: InstitutionRow) {
  return {
    id: i.id,
    kind: i.kind,
    nameTh: i.name_th,
    nameEn: i.name_en,
    description: i.description,
    agencyId: i.agency_id,
    provinceCode: i.province_code,
    published: i.published === 1,
    isExample: i.is_example === 1,
  };
}

export async function listMembers(ctx: AppContext, actor: Actor, clusterId: number, includePast: boolean) {
  const cluster = await requireCluster(ctx, actor, clusterId, "read");
  const seesAll = can(actor, "update", clusterResource(cluster));
  // Unpublished firms: for the cluster's editors and for those who see every firm (officers), as the firm list does.
  const rows = await memberships.listMembers(ctx.database.db, clusterId, {
    currentOnly: !includePast,
    publishedOnly: !(seesAll || seesUnpublished(actor)),
  });
  const items = rows.map((m) =>
    presentMember(
      m,
      m.approved_at === null &&
        can(actor, "approve", membershipResource(cluster, m.enterprise_id, m.enterprise_created_by)),
    ),
  );
  // Others see approved members only, and the pending ones they may approve (a firm its own).
  const listed = seesAll ? items : items.filter((m) => m.approved || m.canApprove);
  // The cluster's member count includes unpublished firms; say how many of them this list leaves out.
  const current = await memberships.countCurrentMembers(ctx.database.db, clusterId);
  const listedCurrent = listed.filter((m) => m.approved && m.leftOn === null).length;
  return { items: listed, notListed: Math.max(0, current - listedCurrent) };
}

export async function addMember(
  ctx: AppContext,
  actor: Actor,
  clusterId: number,
  input: { enterpriseId: number; stage: Stage; joinedOn?: string | null | undefined },
) {
  const cluster = await requireCluster(ctx, actor, clusterId, "update");
  const { db } = ctx.database;
  // A firm the caller may not see is refused as if it did not exist: ids are sequential and guessable.
  const firm = await requireVisibleEnterprise(db, actor, "enterpriseId", input.enterpriseId);
  if (await memberships.findMembership(db, clusterId, input.enterpriseId))
    throw errors.conflict(`enterprise ${input.enterpriseId} is already a member`, "enterpriseId", "already_member");
  // Approved at once when the caller may vouch for it (an officer of the cluster's agency, an admin, or the
  // coordinator who registered the firm); otherwise pending until an officer or the firm approves it.
  const approved = can(actor, "approve", membershipResource(cluster, firm.id, firm.created_by));
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await memberships.insertMembership(trx, {
      cluster_id: clusterId,
      enterprise_id: input.enterpriseId,
      stage: input.stage,
      joined_on: input.joinedOn ?? null,
      left_on: null,
      created_at: now,
      updated_at: now,
      created_by: actorId(actor),
      approved_at: approved ? now : null,
      approved_by: approved ? actorId(actor) : null,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "membership.create",
      entityType: "membership",
      entityId: newId,
      after: {
        clusterId,
        enterpriseId: input.enterpriseId,
        stage: input.stage,
        joinedOn: input.joinedOn ?? null,
        approved,
      },
    });
    return newId;
  });
  return { membershipId: id, approved };
}

/**
 * Approves a pending membership: an officer of the cluster's coordinating agency, an admin, or the firm itself.
 * Approving one already approved changes nothing. A cluster or membership the caller may not see is not found.
 */
export async function approveMember(ctx: AppContext, actor: Actor, clusterId: number, enterpriseId: number) {
  const { db } = ctx.database;
  const cluster = await clusters.findCluster(db, clusterId);
  const membership = cluster ? await memberships.findMembership(db, clusterId, enterpriseId) : undefined;
  const firm = membership ? await enterprises.findEnterprise(db, enterpriseId) : undefined;
  if (!cluster || !membership || !firm) throw errors.notFound("membership of enterprise", enterpriseId);
  const resource = membershipResource(cluster, enterpriseId, firm.created_by);
  if (!can(actor, "approve", resource)) {
    if (!can(actor, "read", clusterResource(cluster))) throw errors.notFound("membership of enterprise", enterpriseId);
    authorize(actor, "approve", resource);
  }
  if (membership.approved_at !== null) return { ok: true as const };
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await memberships.approveMembership(trx, membership.id, actorId(actor), now);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "membership.approve",
      entityType: "membership",
      entityId: membership.id,
      before: { approvedAt: null },
      after: { clusterId, enterpriseId, approvedAt: now },
    });
  });
  return { ok: true as const };
}

export function presentPendingMembership(m: PendingMembershipView, canApprove: boolean) {
  return {
    membershipId: m.id,
    cluster: { id: m.cluster_id, code: m.cluster_code, nameTh: m.cluster_name_th, nameEn: m.cluster_name_en },
    enterprise: { id: m.enterprise_id, juristicId: m.juristic_id, nameTh: m.name_th, nameEn: m.name_en },
    stage: m.stage,
    addedAt: m.created_at,
    addedBy: m.created_by === null ? null : { id: m.created_by, displayName: m.created_by_name },
    canApprove,
  };
}

/**
 * The memberships awaiting approval that concern the caller, oldest first: an officer those of their agency's
 * clusters, an admin all, the firm's member its own firm's (each with `canApprove`); a coordinator their own
 * clusters' pending ones, to follow (read-only). Signed-in callers only.
 */
export async function listPendingMemberships(ctx: AppContext, actor: Actor) {
  authorize(actor, "read", { type: "self" });
  const rows = await memberships.listPendingMemberships(ctx.database.db, pendingMembershipScope(actor));
  return {
    items: rows.map((m) =>
      presentPendingMembership(
        m,
        can(
          actor,
          "approve",
          membershipResource(
            { id: m.cluster_id, coordinating_agency_id: m.cluster_agency_id },
            m.enterprise_id,
            m.enterprise_created_by,
          ),
        ),
      ),
    ),
  };
}

export async function updateMember(
  ctx: AppContext,
  actor: Actor,
  clusterId: number,
  enterpriseId: number,
  input: { stage?: Stage | undefined; joinedOn?: string | null | undefined; leftOn?: string | null | undefined },
) {
  await requireCluster(ctx, actor, clusterId, "update");
  const { db } = ctx.database;
  const before = await memberships.findMembership(db, clusterId, enterpriseId);
  if (!before) throw errors.notFound("membership of enterprise", enterpriseId);
  const joinedOn = input.joinedOn === undefined ? before.joined_on : input.joinedOn;
  const leftOn = input.leftOn === undefined ? before.left_on : input.leftOn;
  if (joinedOn && leftOn && leftOn < joinedOn) throw errors.notBefore("leftOn", "joinedOn");
  await db.transaction().execute(async (trx) => {
    await memberships.updateMembership(trx, before.id, {
      stage: input.stage ?? before.stage,
      joined_on: joinedOn,
      left_on: leftOn,
      updated_at: nowIso(),
    });
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "membership.update",
      entityType: "membership",
      entityId: before.id,
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
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "membership.delete",
      entityType: "membership",
      entityId: before.id,
      before: { clusterId, enterpriseId, stage: before.stage },
    });
  });
  return { ok: true as const };
}

export async function listClusterLinkages(ctx: AppContext, actor: Actor, clusterId: number) {
  await requireCluster(ctx, actor, clusterId, "read");
  return { items: (await linkages.listClusterLinkages(ctx.database.db, clusterId)).map(presentLinkage) };
}

type PartyInput = { type: "enterprise" | "institution"; id: number };

/** A linkage end must exist and be visible to the caller. */
async function requireVisibleParty(db: Executor, actor: Actor, field: string, party: PartyInput): Promise<void> {
  if (party.type === "enterprise") await requireVisibleEnterprise(db, actor, field, party.id);
  else await requireVisibleInstitution(db, actor, field, party.id);
}

export async function addLinkage(
  ctx: AppContext,
  actor: Actor,
  clusterId: number,
  input: {
    from: PartyInput;
    to: PartyInput;
    kind: LinkageKind;
    product?: string | null | undefined;
    annualValue?: number | null | undefined;
  },
) {
  await requireCluster(ctx, actor, clusterId, "update");
  if (input.from.type === input.to.type && input.from.id === input.to.id)
    throw errors.validation("to", "a party cannot be linked to itself", "self_link");
  const { db } = ctx.database;
  await requireVisibleParty(db, actor, "from.id", input.from);
  await requireVisibleParty(db, actor, "to.id", input.to);
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await linkages.insertLinkage(trx, {
      cluster_id: clusterId,
      from_type: input.from.type,
      from_id: input.from.id,
      to_type: input.to.type,
      to_id: input.to.id,
      kind: input.kind,
      product: input.product ?? null,
      annual_value: input.annualValue ?? null,
      is_example: 0,
      created_at: now,
      updated_at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "linkage.create",
      entityType: "linkage",
      entityId: newId,
      after: { clusterId, ...input },
    });
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
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "linkage.delete",
      entityType: "linkage",
      entityId: linkageId,
      before: presentLinkage(before),
    });
  });
  return { ok: true as const };
}

export async function listInstitutions(
  ctx: AppContext,
  actor: Actor,
  filter: { kind?: string | undefined; cluster?: number | undefined },
) {
  if (filter.cluster !== undefined) await requireCluster(ctx, actor, filter.cluster, "read");
  const visibility = institutionVisibility(actor);
  return {
    items: (
      await linkages.listInstitutions(ctx.database.db, { kind: filter.kind, clusterId: filter.cluster, visibility })
    ).map(presentInstitution),
  };
}

/** One institution; an unpublished one is not found for all but its keepers. */
export async function getInstitution(ctx: AppContext, actor: Actor, id: number) {
  const row = await linkages.findInstitution(ctx.database.db, id);
  if (!row || !can(actor, "read", institutionResource(row))) throw errors.notFound("institution", id);
  return presentInstitution(row);
}

export async function createInstitution(
  ctx: AppContext,
  actor: Actor,
  input: {
    kind: InstitutionKind;
    nameTh?: string | null | undefined;
    nameEn?: string | null | undefined;
    description?: string | null | undefined;
    agencyId?: number | null | undefined;
    provinceCode?: string | null | undefined;
    published?: boolean | undefined;
  },
) {
  authorize(actor, "create", {
    type: "institution",
    agencyId: input.agencyId ?? null,
    published: false,
    createdBy: actorId(actor),
  });
  if (!input.nameTh && !input.nameEn)
    throw errors.validation("nameTh", "a Thai or English name is required", "required", { or: "nameEn" });
  const { db } = ctx.database;
  if (input.provinceCode && !(await reference.findProvince(db, input.provinceCode))) {
    throw errors.missing("provinceCode", "province", input.provinceCode);
  }
  if (input.agencyId && !(await reference.findAgency(db, input.agencyId))) {
    throw errors.missing("agencyId", "agency", input.agencyId);
  }
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await linkages.insertInstitution(trx, {
      kind: input.kind,
      name_th: input.nameTh ?? null,
      name_en: input.nameEn ?? null,
      description: input.description ?? null,
      agency_id: input.agencyId ?? null,
      province_code: input.provinceCode ?? null,
      published: input.published === false ? 0 : 1,
      is_example: 0,
      created_at: now,
      updated_at: now,
      created_by: actorId(actor),
    });
    const created = await linkages.findInstitution(trx, newId);
    if (created) await indexInstitution(trx, created);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "institution.create",
      entityType: "institution",
      entityId: newId,
      after: input,
    });
    return newId;
  });
  const row = await linkages.findInstitution(db, id);
  if (!row) throw errors.notFound("institution", id);
  return presentInstitution(row);
}

export async function linkInstitution(
  ctx: AppContext,
  actor: Actor,
  clusterId: number,
  input: { institutionId: number; role?: string | null | undefined },
) {
  await requireCluster(ctx, actor, clusterId, "update");
  const { db } = ctx.database;
  await requireVisibleInstitution(db, actor, "institutionId", input.institutionId);
  await db.transaction().execute(async (trx) => {
    await linkages.linkInstitution(trx, clusterId, input.institutionId, input.role ?? null);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "cluster_institution.link",
      entityType: "cluster",
      entityId: clusterId,
      after: input,
    });
  });
  return { ok: true as const };
}

export async function unlinkInstitution(ctx: AppContext, actor: Actor, clusterId: number, institutionId: number) {
  await requireCluster(ctx, actor, clusterId, "update");
  await ctx.database.db.transaction().execute(async (trx) => {
    await linkages.unlinkInstitution(trx, clusterId, institutionId);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "cluster_institution.unlink",
      entityType: "cluster",
      entityId: clusterId,
      before: { institutionId },
    });
  });
  return { ok: true as const };
}
