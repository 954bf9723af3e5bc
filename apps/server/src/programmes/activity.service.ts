import { fiscalYearOf, isIsoDate, type Actor } from "@sainam/core";
import { audit, clusters, nowIso, programmes, reference, type ActivityRow, type DB } from "@sainam/db";
import type { Kysely } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { keepNameInOneLanguage } from "../names/names.ts";
import { authorize, can, type Resource } from "../policies/policy.ts";
import { presentActivity, presentOutcome, presentParticipant } from "./programme.presenter.ts";
import { actorUserId, programmeResource, requireVisibleCluster, requireVisibleProgramme } from "./programme.service.ts";
import { requireVisibleEnterprise } from "../enterprises/enterprise.service.ts";
import type { CreateActivityBody, OutcomeBody, UpdateActivityBody } from "@sainam/contract";

type Owners = { programmeId: number | null; clusterId: number | null };

/** Who owns an activity: its programme's agency and its cluster (and that cluster's agency). */
async function activityAccess(db: Kysely<DB>, owners: Owners) {
  const programme = owners.programmeId === null ? undefined : await programmes.findProgramme(db, owners.programmeId);
  const cluster = owners.clusterId === null ? undefined : await clusters.findCluster(db, owners.clusterId);
  const programmeRes = programme ? await programmeResource(db, programme) : null;
  const resource: Resource = {
    type: "activity",
    programmeAgencyId: programme?.agency_id ?? null,
    clusterId: cluster?.id ?? null,
    clusterAgencyId: cluster?.coordinating_agency_id ?? null,
    programmeClusterIds: programmeRes?.clusterIds ?? [],
  };
  return { programme, cluster, resource, programmeRes };
}

/** Reading follows the programme (published or own) or, without one, the cluster (published or own). */
function canReadActivity(actor: Actor, access: Awaited<ReturnType<typeof activityAccess>>): boolean {
  if (can(actor, "update", access.resource)) return true;
  if (access.programmeRes) return can(actor, "read", access.programmeRes);
  if (access.cluster)
    return can(actor, "read", {
      type: "cluster",
      clusterId: access.cluster.id,
      coordinatingAgencyId: access.cluster.coordinating_agency_id,
      published: access.cluster.published === 1,
    });
  return false;
}

async function requireActivity(ctx: AppContext, actor: Actor, id: number, action: "read" | "update") {
  const { db } = ctx.database;
  const row = await programmes.findActivity(db, id);
  if (!row) throw errors.notFound("activity", id);
  const access = await activityAccess(db, { programmeId: row.programme_id, clusterId: row.cluster_id });
  if (!canReadActivity(actor, access)) throw errors.notFound("activity", id);
  if (action === "update") authorize(actor, "update", access.resource);
  return { row, access };
}

async function checkActivityInput(
  db: Kysely<DB>,
  actor: Actor,
  input: Partial<CreateActivityBody>,
  owners: Owners,
  startsOn: string,
  endsOn: string | null,
): Promise<void> {
  if (owners.programmeId === null && owners.clusterId === null)
    throw errors.validation("programmeId", "an activity belongs to a programme or a cluster", "required", {
      or: "clusterId",
    });
  // Every record the activity names must be one the caller may see; the policy then decides whether they may
  // record the activity there (a coordinator never into another agency's programme).
  if (input.programmeId) await requireVisibleProgramme(db, actor, "programmeId", input.programmeId);
  if (input.clusterId) await requireVisibleCluster(db, actor, "clusterId", input.clusterId);
  if (input.planNodeId && !(await programmes.planNodeExists(db, input.planNodeId)))
    throw errors.missing("planNodeId", "plan node", input.planNodeId);
  if (input.provinceCode && !(await reference.findProvince(db, input.provinceCode)))
    throw errors.missing("provinceCode", "province", input.provinceCode);
  if (!isIsoDate(startsOn)) throw errors.validation("startsOn", "is not a real calendar date", "invalid_date");
  if (endsOn !== null) {
    if (!isIsoDate(endsOn)) throw errors.validation("endsOn", "is not a real calendar date", "invalid_date");
    if (endsOn < startsOn) throw errors.notBefore("endsOn", "startsOn");
  }
  for (const [index, id] of (input.participantIds ?? []).entries())
    await requireVisibleEnterprise(db, actor, `participantIds.${index}`, id);
}

export async function listActivities(
  ctx: AppContext,
  actor: Actor,
  query: {
    page: number;
    pageSize: number;
    programmeId?: number | undefined;
    clusterId?: number | undefined;
    fiscalYear?: number | undefined;
    kind?: string | undefined;
  },
) {
  const { db } = ctx.database;
  if (query.programmeId === undefined && query.clusterId === undefined)
    throw errors.validation("programmeId", "give a programmeId or a clusterId", "required", { or: "clusterId" });
  const access = await activityAccess(db, {
    programmeId: query.programmeId ?? null,
    clusterId: query.clusterId ?? null,
  });
  if (
    (query.programmeId !== undefined && !access.programme) ||
    (query.clusterId !== undefined && !access.cluster) ||
    !canReadActivity(actor, access)
  ) {
    throw errors.notFound(
      query.programmeId !== undefined ? "programme" : "cluster",
      query.programmeId ?? query.clusterId ?? 0,
    );
  }
  const { items, total } = await programmes.listActivities(db, query);
  return {
    items: items.map((a) => presentActivity(a, a.participants)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function presentDetail(
  ctx: AppContext,
  actor: Actor,
  row: ActivityRow,
  access: Awaited<ReturnType<typeof activityAccess>>,
) {
  const { db } = ctx.database;
  const edit = can(actor, "update", access.resource);
  // Named participants are per-enterprise data: only for those who keep the activity or read the programme's records.
  const seesRecords = edit || (access.programmeRes !== null && can(actor, "read_records", access.programmeRes));
  const participants = await programmes.listParticipants(db, row.id);
  const outcomes = await programmes.listOutcomes(db, row.id);
  return {
    ...presentActivity(row, participants.length),
    participantList: seesRecords ? participants.map(presentParticipant) : null,
    outcomes: outcomes.filter((o) => seesRecords || o.enterprise_id === null).map(presentOutcome),
    can: { edit },
  };
}

export async function getActivity(ctx: AppContext, actor: Actor, id: number) {
  const { row, access } = await requireActivity(ctx, actor, id, "read");
  return presentDetail(ctx, actor, row, access);
}

export async function createActivity(ctx: AppContext, actor: Actor, input: CreateActivityBody) {
  const { db } = ctx.database;
  const owners = { programmeId: input.programmeId ?? null, clusterId: input.clusterId ?? null };
  await checkActivityInput(db, actor, input, owners, input.startsOn, input.endsOn ?? null);
  const access = await activityAccess(db, owners);
  authorize(actor, "create", access.resource);
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await programmes.insertActivity(trx, {
      programme_id: owners.programmeId,
      cluster_id: owners.clusterId,
      plan_node_id: input.planNodeId ?? null,
      kind: input.kind,
      title_en: input.titleEn ?? null,
      title_th: input.titleTh ?? null,
      description_en: input.descriptionEn ?? null,
      description_th: input.descriptionTh ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      // The Thai fiscal year of the start date: 30 Sep 2020 is FY2020, 1 Oct 2020 is FY2021.
      fiscal_year: fiscalYearOf(input.startsOn),
      province_code: input.provinceCode ?? null,
      budget: input.budget ?? null,
      spent: input.spent ?? null,
      participant_count: input.participantCount ?? null,
      is_example: 0,
      created_at: now,
      updated_at: now,
    });
    await programmes.replaceParticipants(trx, newId, input.participantIds ?? []);
    // Participants are recorded as ids (and a count), never names, in the audit log.
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "activity.create",
      entityType: "activity",
      entityId: newId,
      after: input,
    });
    return newId;
  });
  return getActivity(ctx, actor, id);
}

export async function updateActivity(ctx: AppContext, actor: Actor, id: number, input: UpdateActivityBody) {
  const { row: before } = await requireActivity(ctx, actor, id, "update");
  keepNameInOneLanguage(
    { th: "titleTh", en: "titleEn" },
    { th: before.title_th, en: before.title_en },
    { th: input.titleTh, en: input.titleEn },
  );
  const { db } = ctx.database;
  const owners = {
    programmeId: input.programmeId === undefined ? before.programme_id : input.programmeId,
    clusterId: input.clusterId === undefined ? before.cluster_id : input.clusterId,
  };
  const startsOn = input.startsOn ?? before.starts_on;
  const endsOn = input.endsOn === undefined ? before.ends_on : input.endsOn;
  await checkActivityInput(db, actor, input, owners, startsOn, endsOn);
  // Moving the activity to another programme or cluster needs the right to record there too.
  authorize(actor, "update", (await activityAccess(db, owners)).resource);
  const patch: Partial<programmes.ActivityWrite> = { updated_at: nowIso() };
  if (input.programmeId !== undefined) patch.programme_id = input.programmeId;
  if (input.clusterId !== undefined) patch.cluster_id = input.clusterId;
  if (input.planNodeId !== undefined) patch.plan_node_id = input.planNodeId;
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.titleEn !== undefined) patch.title_en = input.titleEn;
  if (input.titleTh !== undefined) patch.title_th = input.titleTh;
  if (input.descriptionEn !== undefined) patch.description_en = input.descriptionEn;
  if (input.descriptionTh !== undefined) patch.description_th = input.descriptionTh;
  if (input.startsOn !== undefined) {
    patch.starts_on = input.startsOn;
    patch.fiscal_year = fiscalYearOf(input.startsOn);
  }
  if (input.endsOn !== undefined) patch.ends_on = input.endsOn;
  if (input.provinceCode !== undefined) patch.province_code = input.provinceCode;
  if (input.budget !== undefined) patch.budget = input.budget;
  if (input.spent !== undefined) patch.spent = input.spent;
  if (input.participantCount !== undefined) patch.participant_count = input.participantCount;
  await db.transaction().execute(async (trx) => {
    await programmes.updateActivity(trx, id, patch);
    if (input.participantIds !== undefined) await programmes.replaceParticipants(trx, id, input.participantIds);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "activity.update",
      entityType: "activity",
      entityId: id,
      before,
      after: input,
    });
  });
  return getActivity(ctx, actor, id);
}

export async function setParticipants(ctx: AppContext, actor: Actor, id: number, enterpriseIds: readonly number[]) {
  return updateActivity(ctx, actor, id, { participantIds: [...enterpriseIds] });
}

export async function addOutcome(ctx: AppContext, actor: Actor, id: number, input: OutcomeBody) {
  await requireActivity(ctx, actor, id, "update");
  const { db } = ctx.database;
  if ((input.amount ?? null) === null && (input.count ?? null) === null)
    throw errors.validation("amount", "give an amount or a count", "required", { or: "count" });
  if (input.enterpriseId) await requireVisibleEnterprise(db, actor, "enterpriseId", input.enterpriseId);
  await db.transaction().execute(async (trx) => {
    const outcomeId = await programmes.insertOutcome(trx, {
      activity_id: id,
      enterprise_id: input.enterpriseId ?? null,
      kind: input.kind,
      amount: input.amount ?? null,
      count: input.count ?? null,
      note: input.note ?? null,
      created_at: nowIso(),
    });
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "activity.outcome.add",
      entityType: "activity",
      entityId: id,
      after: { outcomeId, ...input },
    });
  });
  return getActivity(ctx, actor, id);
}

export async function deleteOutcome(ctx: AppContext, actor: Actor, id: number, outcomeId: number) {
  await requireActivity(ctx, actor, id, "update");
  const { db } = ctx.database;
  const before = await programmes.findOutcome(db, id, outcomeId);
  if (!before) throw errors.notFound("outcome", outcomeId);
  await db.transaction().execute(async (trx) => {
    await programmes.deleteOutcome(trx, outcomeId);
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "activity.outcome.delete",
      entityType: "activity",
      entityId: id,
      before,
    });
  });
  return getActivity(ctx, actor, id);
}
