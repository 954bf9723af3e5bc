import type { Actor } from "@sainam/core";
import { audit, clusters, nowIso, reference, users, type ClusterDetail, type ClusterRow, type DB } from "@sainam/db";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, can, canMoveToAnotherAgency, clusterVisibility } from "../policies/policy.ts";
import type { CreateClusterBody, UpdateClusterBody } from "@sainam/contract";
import { indexCluster } from "../search/search.indexer.ts";

function parseTags(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function presentCluster(c: ClusterRow) {
  return {
    id: c.id,
    code: c.code,
    kind: c.kind,
    nameTh: c.name_th,
    nameEn: c.name_en,
    descriptionTh: c.description_th,
    descriptionEn: c.description_en,
    tsicCode: c.tsic_code,
    isicCode: c.isic_code,
    parentId: c.parent_id,
    coordinatorUserId: c.coordinator_user_id,
    coordinatingAgencyId: c.coordinating_agency_id,
    cooperatingAgencyId: c.cooperating_agency_id,
    policyTags: parseTags(c.policy_tags_json),
    maturity: c.maturity,
    status: c.status,
    published: c.published === 1,
    isExample: c.is_example === 1,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function presentClusterDetail(c: ClusterDetail) {
  return {
    ...presentCluster(c),
    provinceCodes: c.province_codes,
    participations: c.participations.map((p) => ({
      agencyId: p.agency_id,
      fiscalYear: p.fiscal_year,
      programme: p.programme,
    })),
    stageCounts: c.stage_counts,
    memberCount: c.member_count,
    childIds: c.child_ids,
  };
}

export function clusterResource(c: ClusterRow) {
  return {
    type: "cluster" as const,
    clusterId: c.id,
    coordinatingAgencyId: c.coordinating_agency_id,
    published: c.published === 1,
  };
}

/** Loads a cluster the actor may act on, or throws not_found / forbidden. Unpublished ones stay hidden (404). */
export async function requireCluster(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: "read" | "update",
): Promise<ClusterRow> {
  const cluster = await clusters.findCluster(ctx.database.db, id);
  if (!cluster || !can(actor, "read", clusterResource(cluster))) throw errors.notFound("cluster", id);
  authorize(actor, action, clusterResource(cluster));
  return cluster;
}

export async function listClusters(
  ctx: AppContext,
  actor: Actor,
  query: {
    page: number;
    pageSize: number;
    kind?: string | undefined;
    province?: string | undefined;
    region?: string | undefined;
    provincialCluster?: number | undefined;
    parent?: "none" | number | undefined;
    status?: string | undefined;
  },
) {
  authorize(actor, "list", { type: "reference" });
  const visibleIds = clusterVisibility(actor);
  const { items, total } = await clusters.listClusters(ctx.database.db, {
    kind: query.kind,
    provinceCode: query.province,
    regionCode: query.region,
    provincialClusterId: query.provincialCluster,
    parentId: query.parent === "none" ? null : query.parent,
    status: query.status,
    visibleIds,
    page: query.page,
    pageSize: query.pageSize,
  });
  const summaries = await clusters.listSummaries(
    ctx.database.db,
    items.map((c) => c.id),
  );
  return {
    items: items.map((c) => ({
      ...presentCluster(c),
      provinceCodes: summaries.get(c.id)?.province_codes ?? [],
      memberCount: summaries.get(c.id)?.member_count ?? 0,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getCluster(ctx: AppContext, actor: Actor, id: number) {
  await requireCluster(ctx, actor, id, "read");
  const detail = await clusters.loadClusterDetail(ctx.database.db, id);
  if (!detail) throw errors.notFound("cluster", id);
  return presentClusterDetail(detail);
}

async function checkReferences(
  db: Kysely<DB>,
  input: Partial<CreateClusterBody>,
  selfId: number | null,
): Promise<void> {
  for (const field of ["coordinatingAgencyId", "cooperatingAgencyId"] as const) {
    const agencyId = input[field];
    if (agencyId && !(await reference.findAgency(db, agencyId))) throw errors.missing(field, "agency", agencyId);
  }
  if (input.coordinatorUserId && !(await users.findUserById(db, input.coordinatorUserId))) {
    throw errors.missing("coordinatorUserId", "user", input.coordinatorUserId);
  }
  for (const [i, p] of (input.participations ?? []).entries()) {
    if (!(await reference.findAgency(db, p.agencyId)))
      throw errors.missing(`participations.${i}.agencyId`, "agency", p.agencyId);
  }
  if (input.provinceCodes?.length) {
    const known = new Set((await reference.listProvinces(db)).map((p) => p.code));
    const unknown = input.provinceCodes.find((c) => !known.has(c));
    if (unknown) throw errors.missing("provinceCodes", "province", unknown);
  }
  if (input.parentId) {
    if (!(await clusters.findCluster(db, input.parentId))) throw errors.missing("parentId", "cluster", input.parentId);
    if (selfId !== null && (await clusters.ancestorIds(db, input.parentId)).includes(selfId)) {
      throw errors.validation("parentId", "a cluster cannot be its own ancestor", "cycle");
    }
  }
  const participations = input.participations ?? [];
  const keys = new Set(participations.map((p) => `${p.agencyId}:${p.fiscalYear}`));
  if (keys.size !== participations.length)
    throw errors.validation("participations", "an agency takes part once per fiscal year", "duplicate_participation");
}

export async function createCluster(ctx: AppContext, actor: Actor, input: CreateClusterBody) {
  // An officer's new cluster is coordinated by their own agency unless they say otherwise (and may not).
  const coordinatingAgencyId = input.coordinatingAgencyId ?? (actor.kind === "user" ? actor.agencyId : null);
  authorize(actor, "create", { type: "cluster", clusterId: null, coordinatingAgencyId, published: false });
  if (!input.nameTh && !input.nameEn)
    throw errors.validation("nameTh", "a Thai or English name is required", "required", { or: "nameEn" });
  const { db } = ctx.database;
  if (await clusters.findClusterByCode(db, input.code))
    throw errors.conflict(`a cluster with code ${input.code} exists`, "code", "duplicate");
  await checkReferences(db, input, null);
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await clusters.insertCluster(
      trx,
      {
        code: input.code,
        kind: input.kind,
        name_th: input.nameTh ?? null,
        name_en: input.nameEn ?? null,
        description_th: input.descriptionTh ?? null,
        description_en: input.descriptionEn ?? null,
        tsic_code: input.tsicCode ?? null,
        isic_code: input.isicCode ?? null,
        parent_id: input.parentId ?? null,
        coordinator_user_id: input.coordinatorUserId ?? null,
        coordinating_agency_id: coordinatingAgencyId,
        cooperating_agency_id: input.cooperatingAgencyId ?? null,
        policy_tags_json: JSON.stringify(input.policyTags ?? []),
        maturity: input.maturity ?? null,
        status: "active",
        published: input.published ? 1 : 0,
        is_example: 0,
        created_at: now,
        updated_at: now,
      },
      input.provinceCodes ?? [],
    );
    await clusters.replaceParticipations(
      trx,
      newId,
      (input.participations ?? []).map((p) => ({
        agency_id: p.agencyId,
        fiscal_year: p.fiscalYear,
        programme: p.programme ?? null,
      })),
    );
    const detail = await clusters.loadClusterDetail(trx, newId);
    if (detail) await indexCluster(trx, detail);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "cluster.create",
      entityType: "cluster",
      entityId: newId,
      after: detail ? presentClusterDetail(detail) : null,
    });
    return newId;
  });
  return getCluster(ctx, actor, id);
}

export async function updateCluster(ctx: AppContext, actor: Actor, id: number, input: UpdateClusterBody) {
  const before = await requireCluster(ctx, actor, id, "update");
  const { db } = ctx.database;
  if (input.code && input.code !== before.code && (await clusters.findClusterByCode(db, input.code))) {
    throw errors.conflict(`a cluster with code ${input.code} exists`, "code", "duplicate");
  }
  // Moving a cluster to another agency is an admin's decision.
  if (
    input.coordinatingAgencyId !== undefined &&
    input.coordinatingAgencyId !== before.coordinating_agency_id &&
    !canMoveToAnotherAgency(actor, "cluster")
  ) {
    throw errors.forbidden("You may not move this cluster to another coordinating agency; an administrator can.", {
      action: "update",
      resource: "cluster",
    });
  }
  await checkReferences(db, input, id);
  const beforeDetail = await clusters.loadClusterDetail(db, id);
  const patch: Partial<Omit<ClusterRow, "id" | "created_at">> = { updated_at: nowIso() };
  if (input.code !== undefined) patch.code = input.code;
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.nameTh !== undefined) patch.name_th = input.nameTh;
  if (input.nameEn !== undefined) patch.name_en = input.nameEn;
  if (input.descriptionTh !== undefined) patch.description_th = input.descriptionTh;
  if (input.descriptionEn !== undefined) patch.description_en = input.descriptionEn;
  if (input.tsicCode !== undefined) patch.tsic_code = input.tsicCode;
  if (input.isicCode !== undefined) patch.isic_code = input.isicCode;
  if (input.parentId !== undefined) patch.parent_id = input.parentId;
  if (input.coordinatorUserId !== undefined) patch.coordinator_user_id = input.coordinatorUserId;
  if (input.coordinatingAgencyId !== undefined) patch.coordinating_agency_id = input.coordinatingAgencyId;
  if (input.cooperatingAgencyId !== undefined) patch.cooperating_agency_id = input.cooperatingAgencyId;
  if (input.policyTags !== undefined) patch.policy_tags_json = JSON.stringify(input.policyTags);
  if (input.maturity !== undefined) patch.maturity = input.maturity;
  if (input.published !== undefined) patch.published = input.published ? 1 : 0;
  if (input.status !== undefined) patch.status = input.status;
  const nameTh = input.nameTh === undefined ? before.name_th : input.nameTh;
  const nameEn = input.nameEn === undefined ? before.name_en : input.nameEn;
  if (!nameTh && !nameEn)
    throw errors.validation("nameTh", "a Thai or English name is required", "required", { or: "nameEn" });
  await db.transaction().execute(async (trx) => {
    await clusters.updateCluster(trx, id, patch, input.provinceCodes);
    if (input.participations) {
      await clusters.replaceParticipations(
        trx,
        id,
        input.participations.map((p) => ({
          agency_id: p.agencyId,
          fiscal_year: p.fiscalYear,
          programme: p.programme ?? null,
        })),
      );
    }
    const after = await clusters.loadClusterDetail(trx, id);
    if (after) await indexCluster(trx, after);
    await audit.appendAudit(trx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: input.status === "archived" ? "cluster.archive" : "cluster.update",
      entityType: "cluster",
      entityId: id,
      before: beforeDetail ? presentClusterDetail(beforeDetail) : null,
      after: after ? presentClusterDetail(after) : null,
    });
  });
  return getCluster(ctx, actor, id);
}
