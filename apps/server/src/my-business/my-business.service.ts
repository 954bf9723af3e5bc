import type { Actor } from "@sainam/core";
import { clusters, enterprises, myBusiness, programmes, type ClusterRow, type ProgrammeRow } from "@sainam/db";
import type { MyBusiness } from "@sainam/contract";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize, can, ownBusiness } from "../policies/policy.ts";
import { forbiddenMessage } from "../policies/policy-words.ts";
import { enterpriseResource, getEnterprise } from "../enterprises/enterprise.service.ts";

/** The activities a home lists: the most recent; a firm with more sees the rest on its programmes' pages. */
const ACTIVITY_LIMIT = 100;

function clusterReadable(actor: Actor, c: Pick<ClusterRow, "id" | "coordinating_agency_id" | "published">) {
  return can(actor, "read", {
    type: "cluster",
    clusterId: c.id,
    coordinatingAgencyId: c.coordinating_agency_id,
    published: c.published === 1,
  });
}

// Reading a programme's page depends on its agency and publication only; the clusters it supports weigh on
// `read_records`, which is not asked here, so none are loaded (an empty list grants less, never more).
function programmeReadable(actor: Actor, p: Pick<ProgrammeRow, "agency_id" | "published">) {
  return can(actor, "read", { type: "programme", agencyId: p.agency_id, published: p.published === 1, clusterIds: [] });
}

/**
 * A member's home in one call: their own firm (whatever else they might ask for), its clusters, the programmes
 * that supported it and the activities it took part in. Other roles have no business home (403).
 */
export async function getMyBusiness(ctx: AppContext, actor: Actor): Promise<MyBusiness> {
  authorize(actor, "read", { type: "self" });
  const own = ownBusiness(actor);
  if (own === null)
    throw errors.forbidden(forbiddenMessage("read", "enterprise"), { action: "read", resource: "enterprise" });
  if (!own.linked) return { enterprise: null, clusters: [], programmes: [], activities: [], can: { edit: false } };
  const { db } = ctx.database;
  const id = own.enterpriseId;
  // The same checks as the firm's own page: reading it, unmasked contacts for the firm itself.
  const enterprise = await getEnterprise(ctx, actor, id);
  const row = await enterprises.findEnterprise(db, id);
  const edit = row !== undefined && can(actor, "update", await enterpriseResource(db, row));
  const [memberships, supported, activities] = await Promise.all([
    myBusiness.clustersOfEnterprise(db, id),
    myBusiness.programmesOfEnterprise(db, id),
    myBusiness.activitiesOfEnterprise(db, id, ACTIVITY_LIMIT),
  ]);

  const programmeList = new Map<number, MyBusiness["programmes"][number]>();
  for (const p of supported) {
    const known = programmeList.get(p.programme_id);
    if (known) known.fiscalYears.push(p.fiscal_year);
    else
      programmeList.set(p.programme_id, {
        programmeId: p.programme_id,
        code: p.code,
        nameTh: p.name_th,
        nameEn: p.name_en,
        canOpen: programmeReadable(actor, p),
        fiscalYears: [p.fiscal_year],
      });
  }

  const owners = await activityOwners(ctx, actor, activities);
  return {
    enterprise,
    clusters: memberships.map((m) => ({
      clusterId: m.cluster_id,
      code: m.code,
      nameTh: m.name_th,
      nameEn: m.name_en,
      canOpen: clusterReadable(actor, { id: m.cluster_id, ...m }),
      stage: m.stage,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      approved: m.approved_at !== null,
    })),
    programmes: [...programmeList.values()],
    activities: activities.map((a) => ({
      activityId: a.id,
      kind: a.kind,
      titleTh: a.title_th,
      titleEn: a.title_en,
      startsOn: a.starts_on,
      endsOn: a.ends_on,
      fiscalYear: a.fiscal_year,
      programme: a.programme_id === null ? null : (owners.programmes.get(a.programme_id) ?? null),
      cluster: a.cluster_id === null ? null : (owners.clusters.get(a.cluster_id) ?? null),
    })),
    can: { edit },
  };
}

type Owner = NonNullable<MyBusiness["activities"][number]["programme"]>;

/** The programmes and clusters the activities belong to, each read once, with whether the caller may open it. */
async function activityOwners(
  ctx: AppContext,
  actor: Actor,
  activities: ReadonlyArray<{ programme_id: number | null; cluster_id: number | null }>,
): Promise<{ programmes: Map<number, Owner>; clusters: Map<number, Owner> }> {
  const { db } = ctx.database;
  const programmeIds = new Set(activities.flatMap((a) => (a.programme_id === null ? [] : [a.programme_id])));
  const clusterIds = new Set(activities.flatMap((a) => (a.cluster_id === null ? [] : [a.cluster_id])));
  const result = { programmes: new Map<number, Owner>(), clusters: new Map<number, Owner>() };
  for (const id of programmeIds) {
    const p = await programmes.findProgramme(db, id);
    if (p)
      result.programmes.set(id, {
        id,
        code: p.code,
        nameTh: p.name_th,
        nameEn: p.name_en,
        canOpen: programmeReadable(actor, p),
      });
  }
  for (const id of clusterIds) {
    const c = await clusters.findCluster(db, id);
    if (c)
      result.clusters.set(id, {
        id,
        code: c.code,
        nameTh: c.name_th,
        nameEn: c.name_en,
        canOpen: clusterReadable(actor, c),
      });
  }
  return result;
}
