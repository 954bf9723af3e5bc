import type { Actor } from "@sainam/core";
import {
  audit,
  clusters,
  enterprises,
  memberships,
  nowIso,
  programmes,
  reference,
  type DB,
  type ProgrammeRow,
} from "@sainam/db";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { keepNameInOneLanguage } from "../names/names.ts";
import {
  authorize,
  can,
  canCreateProgramme,
  canMoveToAnotherAgency,
  programmeVisibility,
  type Resource,
} from "../policies/policy.ts";
import { enterpriseResource, requireVisibleEnterprise } from "../enterprises/enterprise.service.ts";
import {
  presentBudget,
  presentProgramme,
  presentReportedFigure,
  presentSupportedCluster,
  presentSupportedEnterprise,
} from "./programme.presenter.ts";
import type {
  CreateBudgetBody,
  CreateProgrammeBody,
  ReportedFigureBody,
  UpdateBudgetBody,
  UpdateProgrammeBody,
} from "@sainam/contract";

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

export type LoadedProgramme = { row: ProgrammeRow; resource: Extract<Resource, { type: "programme" }> };

export async function programmeResource(db: Kysely<DB>, p: ProgrammeRow): Promise<LoadedProgramme["resource"]> {
  return {
    type: "programme",
    agencyId: p.agency_id,
    published: p.published === 1,
    clusterIds: await programmes.clusterIdsOfProgramme(db, p.id),
  };
}

/** Loads a programme the actor may act on, or throws: not_found when they may not even read it, else forbidden. */
export async function requireProgramme(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: "read" | "read_records" | "update",
): Promise<LoadedProgramme> {
  const { db } = ctx.database;
  const row = await programmes.findProgramme(db, id);
  if (!row) throw errors.notFound("programme", id);
  const resource = await programmeResource(db, row);
  if (!can(actor, "read", resource)) throw errors.notFound("programme", id);
  authorize(actor, action, resource);
  return { row, resource };
}

/**
 * A programme another record names (an activity's, a plan's): it must exist and be one the caller may see — its
 * published page, or its records as an officer of its agency or a coordinator of a cluster it supports.
 */
export async function requireVisibleProgramme(
  db: Kysely<DB>,
  actor: Actor,
  field: string,
  id: number,
): Promise<ProgrammeRow> {
  const row = await programmes.findProgramme(db, id);
  if (!row) throw errors.missing(field, "programme", id);
  const resource = await programmeResource(db, row);
  if (!can(actor, "read", resource) && !can(actor, "read_records", resource))
    throw errors.missing(field, "programme", id);
  return row;
}

/** A cluster another record names: it must exist and be visible to the caller. */
export async function requireVisibleCluster(db: Kysely<DB>, actor: Actor, field: string, id: number): Promise<void> {
  const row = await clusters.findCluster(db, id);
  if (
    !row ||
    !can(actor, "read", {
      type: "cluster",
      clusterId: row.id,
      coordinatingAgencyId: row.coordinating_agency_id,
      published: row.published === 1,
    })
  ) {
    throw errors.missing(field, "cluster", id);
  }
}

export async function listProgrammes(
  ctx: AppContext,
  actor: Actor,
  query: {
    page: number;
    pageSize: number;
    agencyId?: number | undefined;
    fiscalYear?: number | undefined;
    clusterId?: number | undefined;
  },
) {
  const { items, total } = await programmes.listProgrammes(ctx.database.db, {
    ...query,
    visibleAgencyIds: programmeVisibility(actor),
  });
  return {
    items: items.map(presentProgramme),
    total,
    page: query.page,
    pageSize: query.pageSize,
    can: { create: canCreateProgramme(actor) },
  };
}

export async function getProgramme(ctx: AppContext, actor: Actor, id: number) {
  const { row, resource } = await requireProgramme(ctx, actor, id, "read");
  return {
    ...presentProgramme(row),
    fiscalYears: await programmes.programmeFiscalYears(ctx.database.db, id),
    can: { edit: can(actor, "update", resource), readRecords: can(actor, "read_records", resource) },
  };
}

function checkYears(first: number, last: number | null): void {
  if (last !== null && last < first) throw errors.notBefore("lastFiscalYear", "firstFiscalYear");
}

export async function createProgramme(ctx: AppContext, actor: Actor, input: CreateProgrammeBody) {
  authorize(actor, "create", { type: "programme", agencyId: input.agencyId, published: false, clusterIds: [] });
  const { db } = ctx.database;
  if (!(await reference.findAgency(db, input.agencyId))) throw errors.missing("agencyId", "agency", input.agencyId);
  if (await programmes.findProgrammeByCode(db, input.code))
    throw errors.conflict(`a programme with code ${input.code} exists`, "code", "duplicate");
  checkYears(input.firstFiscalYear, input.lastFiscalYear ?? null);
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await programmes.insertProgramme(trx, {
      code: input.code,
      agency_id: input.agencyId,
      name_en: input.nameEn ?? null,
      name_th: input.nameTh ?? null,
      description_en: input.descriptionEn ?? null,
      description_th: input.descriptionTh ?? null,
      first_fiscal_year: input.firstFiscalYear,
      last_fiscal_year: input.lastFiscalYear ?? null,
      published: input.published ? 1 : 0,
      is_example: 0,
      created_at: now,
      updated_at: now,
    });
    const row = await programmes.findProgramme(trx, newId);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "programme.create",
      entityType: "programme",
      entityId: newId,
      after: row ? presentProgramme(row) : null,
    });
    return newId;
  });
  return getProgramme(ctx, actor, id);
}

export async function updateProgramme(ctx: AppContext, actor: Actor, id: number, input: UpdateProgrammeBody) {
  const { row: before } = await requireProgramme(ctx, actor, id, "update");
  keepNameInOneLanguage(
    { th: "nameTh", en: "nameEn" },
    { th: before.name_th, en: before.name_en },
    { th: input.nameTh, en: input.nameEn },
  );
  const { db } = ctx.database;
  if (input.agencyId !== undefined && input.agencyId !== before.agency_id) {
    // Handing a programme to another agency is an admin's decision.
    if (!canMoveToAnotherAgency(actor, "programme"))
      throw errors.forbidden("You may not move this programme to another agency; an administrator can.", {
        action: "update",
        resource: "programme",
      });
    if (!(await reference.findAgency(db, input.agencyId))) throw errors.missing("agencyId", "agency", input.agencyId);
  }
  if (
    input.code !== undefined &&
    input.code !== before.code &&
    (await programmes.findProgrammeByCode(db, input.code))
  ) {
    throw errors.conflict(`a programme with code ${input.code} exists`, "code", "duplicate");
  }
  checkYears(
    input.firstFiscalYear ?? before.first_fiscal_year,
    input.lastFiscalYear === undefined ? before.last_fiscal_year : input.lastFiscalYear,
  );
  const patch: Partial<programmes.ProgrammeWrite> = { updated_at: nowIso() };
  if (input.code !== undefined) patch.code = input.code;
  if (input.agencyId !== undefined) patch.agency_id = input.agencyId;
  if (input.nameEn !== undefined) patch.name_en = input.nameEn;
  if (input.nameTh !== undefined) patch.name_th = input.nameTh;
  if (input.descriptionEn !== undefined) patch.description_en = input.descriptionEn;
  if (input.descriptionTh !== undefined) patch.description_th = input.descriptionTh;
  if (input.firstFiscalYear !== undefined) patch.first_fiscal_year = input.firstFiscalYear;
  if (input.lastFiscalYear !== undefined) patch.last_fiscal_year = input.lastFiscalYear;
  if (input.published !== undefined) patch.published = input.published ? 1 : 0;
  await db.transaction().execute(async (trx) => {
    await programmes.updateProgramme(trx, id, patch);
    const after = await programmes.findProgramme(trx, id);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "programme.update",
      entityType: "programme",
      entityId: id,
      before: presentProgramme(before),
      after: after ? presentProgramme(after) : null,
    });
  });
  return getProgramme(ctx, actor, id);
}

// ——— Clusters and firms supported ———

/** The clusters a programme supports (aggregate: visible with the programme). */
export async function listSupportedClusters(ctx: AppContext, actor: Actor, id: number, fiscalYear?: number) {
  await requireProgramme(ctx, actor, id, "read");
  return {
    items: (await programmes.listProgrammeClusters(ctx.database.db, id, fiscalYear)).map(presentSupportedCluster),
  };
}

export async function addSupportedCluster(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { clusterId: number; fiscalYear: number },
) {
  await requireProgramme(ctx, actor, id, "update");
  const { db } = ctx.database;
  await requireVisibleCluster(db, actor, "clusterId", input.clusterId);
  if (await programmes.hasProgrammeCluster(db, id, input.clusterId, input.fiscalYear)) {
    throw errors.conflict(
      `cluster ${input.clusterId} is already supported in fiscal year ${input.fiscalYear}`,
      "clusterId",
      "already_supported",
      { fiscalYear: input.fiscalYear },
    );
  }
  await db.transaction().execute(async (trx) => {
    await programmes.addProgrammeCluster(trx, {
      programme_id: id,
      cluster_id: input.clusterId,
      fiscal_year: input.fiscalYear,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "programme.cluster.add",
      entityType: "programme",
      entityId: id,
      after: input,
    });
  });
  return listSupportedClusters(ctx, actor, id);
}

export async function removeSupportedCluster(
  ctx: AppContext,
  actor: Actor,
  id: number,
  clusterId: number,
  fiscalYear: number,
) {
  await requireProgramme(ctx, actor, id, "update");
  await ctx.database.db.transaction().execute(async (trx) => {
    if (!(await programmes.removeProgrammeCluster(trx, id, clusterId, fiscalYear)))
      throw errors.notFound("programme cluster", `${clusterId}/${fiscalYear}`);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "programme.cluster.remove",
      entityType: "programme",
      entityId: id,
      before: { clusterId, fiscalYear },
    });
  });
  return { ok: true as const };
}

/** The firms a programme supports, one by one: per-enterprise data, for its scope only. */
export async function listSupportedEnterprises(
  ctx: AppContext,
  actor: Actor,
  id: number,
  query: { page: number; pageSize: number; fiscalYear?: number | undefined },
) {
  await requireProgramme(ctx, actor, id, "read_records");
  const { items, total, firms } = await programmes.listProgrammeEnterprises(ctx.database.db, id, query);
  return { items: items.map(presentSupportedEnterprise), total, firms, page: query.page, pageSize: query.pageSize };
}

export async function addSupportedEnterprise(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { enterpriseId: number; fiscalYear: number; clusterId?: number | null | undefined },
) {
  await requireProgramme(ctx, actor, id, "update");
  const { db } = ctx.database;
  await requireVisibleEnterprise(db, actor, "enterpriseId", input.enterpriseId);
  if (input.clusterId) await requireVisibleCluster(db, actor, "clusterId", input.clusterId);
  if (await programmes.hasProgrammeEnterprise(db, id, input.enterpriseId, input.fiscalYear)) {
    throw errors.conflict(
      `enterprise ${input.enterpriseId} is already supported in fiscal year ${input.fiscalYear}`,
      "enterpriseId",
      "already_supported",
      { fiscalYear: input.fiscalYear },
    );
  }
  await db.transaction().execute(async (trx) => {
    await programmes.addProgrammeEnterprise(trx, {
      programme_id: id,
      enterprise_id: input.enterpriseId,
      fiscal_year: input.fiscalYear,
      cluster_id: input.clusterId ?? null,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "programme.enterprise.add",
      entityType: "programme",
      entityId: id,
      after: input,
    });
  });
  return { ok: true as const };
}

/**
 * The current members of a cluster a programme would add as supported firms in a fiscal year, and those it already
 * supports then. Each must be a firm the caller could add one by one (one they may see); if any is not, nothing is
 * added, rather than a silent part of the cluster.
 */
async function clusterMembersToAdd(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: { clusterId: number; fiscalYear: number },
) {
  await requireVisibleCluster(db, actor, "clusterId", input.clusterId);
  const members = await memberships.currentMemberIds(db, input.clusterId);
  let hidden = 0;
  for (const memberId of members) {
    const row = await enterprises.findEnterprise(db, memberId);
    if (!row || !can(actor, "read", await enterpriseResource(db, row))) hidden += 1;
  }
  if (hidden > 0)
    throw errors.forbidden(
      `${hidden} current members of cluster ${input.clusterId} are firms you may not see; add the others one by one.`,
      { action: "update", resource: "programme" },
    );
  const already = await programmes.supportedEnterpriseIdsAmong(db, id, input.fiscalYear, members);
  return { added: members.filter((m) => !already.has(m)), alreadySupported: members.filter((m) => already.has(m)) };
}

/**
 * Adds every current member of a cluster (approved, not left) as a firm the programme supports in a fiscal year,
 * through that cluster: all or nothing, in one transaction and one audit entry listing the firms added. Idempotent —
 * members already supported that year are skipped and reported. `dryRun` only says what would happen, for the
 * confirmation ("add 12 firms?"). The policy is that of adding one firm.
 */
export async function addClusterMembers(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { clusterId: number; fiscalYear: number; dryRun?: boolean | undefined },
) {
  await requireProgramme(ctx, actor, id, "update");
  const { db } = ctx.database;
  const plan = await clusterMembersToAdd(db, actor, id, input);
  const dryRun = input.dryRun === true;
  if (!dryRun && plan.added.length) {
    await db.transaction().execute(async (trx) => {
      await programmes.addProgrammeEnterprises(
        trx,
        plan.added.map((enterprise_id) => ({
          programme_id: id,
          enterprise_id,
          fiscal_year: input.fiscalYear,
          cluster_id: input.clusterId,
        })),
      );
      await audit.appendAudit(trx, {
        actorUserId: actorUserId(actor),
        action: "programme.enterprise.add_cluster_members",
        entityType: "programme",
        entityId: id,
        after: { clusterId: input.clusterId, fiscalYear: input.fiscalYear, enterpriseIds: plan.added },
      });
    });
  }
  return { clusterId: input.clusterId, fiscalYear: input.fiscalYear, dryRun, ...plan };
}

export async function removeSupportedEnterprise(
  ctx: AppContext,
  actor: Actor,
  id: number,
  enterpriseId: number,
  fiscalYear: number,
) {
  await requireProgramme(ctx, actor, id, "update");
  await ctx.database.db.transaction().execute(async (trx) => {
    if (!(await programmes.removeProgrammeEnterprise(trx, id, enterpriseId, fiscalYear)))
      throw errors.notFound("programme enterprise", `${enterpriseId}/${fiscalYear}`);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "programme.enterprise.remove",
      entityType: "programme",
      entityId: id,
      before: { enterpriseId, fiscalYear },
    });
  });
  return { ok: true as const };
}

// ——— Budgets ———

export async function listBudgets(ctx: AppContext, actor: Actor, id: number, fiscalYear?: number) {
  await requireProgramme(ctx, actor, id, "read");
  return { items: (await programmes.listBudgets(ctx.database.db, id, fiscalYear)).map(presentBudget) };
}

async function presentBudgetById(db: Kysely<DB>, programmeId: number, budgetId: number) {
  const view = (await programmes.listBudgets(db, programmeId)).find((b) => b.id === budgetId);
  if (!view) throw errors.notFound("budget", budgetId);
  return presentBudget(view);
}

export async function createBudget(ctx: AppContext, actor: Actor, id: number, input: CreateBudgetBody) {
  await requireProgramme(ctx, actor, id, "update");
  const { db } = ctx.database;
  if (input.clusterId) await requireVisibleCluster(db, actor, "clusterId", input.clusterId);
  const now = nowIso();
  const budgetId = await db.transaction().execute(async (trx) => {
    const newId = await programmes.insertBudget(trx, {
      programme_id: id,
      cluster_id: input.clusterId ?? null,
      fiscal_year: input.fiscalYear,
      allocated: input.allocated,
      spent: input.spent ?? null,
      note: input.note ?? null,
      is_example: 0,
      created_at: now,
      updated_at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "budget.create",
      entityType: "budget_allocation",
      entityId: newId,
      after: { programmeId: id, ...input },
    });
    return newId;
  });
  return presentBudgetById(db, id, budgetId);
}

export async function updateBudget(
  ctx: AppContext,
  actor: Actor,
  id: number,
  budgetId: number,
  input: UpdateBudgetBody,
) {
  await requireProgramme(ctx, actor, id, "update");
  const { db } = ctx.database;
  const before = await programmes.findBudget(db, budgetId);
  if (!before || before.programme_id !== id) throw errors.notFound("budget", budgetId);
  if (input.clusterId) await requireVisibleCluster(db, actor, "clusterId", input.clusterId);
  const patch: Partial<programmes.BudgetWrite> = { updated_at: nowIso() };
  if (input.clusterId !== undefined) patch.cluster_id = input.clusterId;
  if (input.fiscalYear !== undefined) patch.fiscal_year = input.fiscalYear;
  if (input.allocated !== undefined) patch.allocated = input.allocated;
  if (input.spent !== undefined) patch.spent = input.spent;
  if (input.note !== undefined) patch.note = input.note;
  await db.transaction().execute(async (trx) => {
    await programmes.updateBudget(trx, budgetId, patch);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "budget.update",
      entityType: "budget_allocation",
      entityId: budgetId,
      before,
      after: await programmes.findBudget(trx, budgetId),
    });
  });
  return presentBudgetById(db, id, budgetId);
}

export async function deleteBudget(ctx: AppContext, actor: Actor, id: number, budgetId: number) {
  await requireProgramme(ctx, actor, id, "update");
  const { db } = ctx.database;
  const before = await programmes.findBudget(db, budgetId);
  if (!before || before.programme_id !== id) throw errors.notFound("budget", budgetId);
  await db.transaction().execute(async (trx) => {
    await programmes.deleteBudget(trx, budgetId);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "budget.delete",
      entityType: "budget_allocation",
      entityId: budgetId,
      before,
    });
  });
  return { ok: true as const };
}

// ——— Reported figures ———

export async function listReportedFigures(ctx: AppContext, actor: Actor, id: number) {
  await requireProgramme(ctx, actor, id, "read");
  return { items: (await programmes.listReportedFigures(ctx.database.db, [id])).map(presentReportedFigure) };
}

export async function putReportedFigure(
  ctx: AppContext,
  actor: Actor,
  id: number,
  fiscalYear: number,
  input: ReportedFigureBody,
) {
  await requireProgramme(ctx, actor, id, "update");
  if (input.budget !== null && input.budgetKind === null)
    throw errors.validation("budgetKind", "say whether the budget is allocated or planned", "required");
  if (input.value !== null && input.valueKind === null)
    throw errors.validation("valueKind", "say whether the value is expected or actual", "required");
  const now = nowIso();
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await programmes.upsertReportedFigure(trx, {
      programme_id: id,
      fiscal_year: fiscalYear,
      clusters: input.clusters,
      firms: input.firms,
      budget: input.budget,
      budget_kind: input.budget === null ? null : input.budgetKind,
      value: input.value,
      value_kind: input.value === null ? null : input.valueKind,
      source: input.source,
      note: input.note ?? null,
      is_example: 0,
      created_at: now,
      updated_at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "programme.reported_figures.put",
      entityType: "programme",
      entityId: id,
      before: before ?? null,
      after: { fiscalYear, ...input },
    });
  });
  const row = (await programmes.listReportedFigures(ctx.database.db, [id], fiscalYear))[0];
  if (!row) throw errors.notFound("reported figures", `${id}/${fiscalYear}`);
  return presentReportedFigure(row);
}
