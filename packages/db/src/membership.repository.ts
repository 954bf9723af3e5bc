import type { Kysely, Transaction } from "kysely";
import type { DB, MembershipRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type MemberView = MembershipRow & {
  juristic_id: string | null;
  name_th: string | null;
  name_en: string | null;
  size_class: string | null;
  tsic_code: string | null;
  province_code: string | null;
  published: number;
  /** Who registered the firm: a coordinator who did may approve its memberships of their clusters. */
  enterprise_created_by: number | null;
};

/** Members of a cluster with the firm's public summary, by stage then name. */
export async function listMembers(
  db: Executor,
  clusterId: number,
  options: { currentOnly: boolean; publishedOnly: boolean },
): Promise<MemberView[]> {
  let q = db
    .selectFrom("memberships as m")
    .innerJoin("enterprises as e", "e.id", "m.enterprise_id")
    .selectAll("m")
    .select([
      "e.juristic_id",
      "e.name_th",
      "e.name_en",
      "e.size_class",
      "e.tsic_code",
      "e.province_code",
      "e.published",
      "e.created_by as enterprise_created_by",
    ])
    .where("m.cluster_id", "=", clusterId);
  if (options.currentOnly) q = q.where("m.left_on", "is", null);
  if (options.publishedOnly) q = q.where("e.published", "=", 1);
  return q.orderBy("m.stage").orderBy("e.name_th").orderBy("m.id").execute();
}

/**
 * The firms that are members of a cluster now: approved (not pending) and not left (not past), by
 * id — the members the cluster's member count counts. Bulk actions
 * ("add all of this cluster's members") take these, so a firm that left or awaits approval is never added by them.
 */
export async function currentMemberIds(db: Executor, clusterId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("memberships")
    .select("enterprise_id")
    .distinct()
    .where("cluster_id", "=", clusterId)
    .where("left_on", "is", null)
    .where("approved_at", "is not", null)
    .orderBy("enterprise_id")
    .execute();
  return rows.map((r) => r.enterprise_id);
}

/** How many firms are current members of a cluster (approved, not left): the cluster's member count. */
export async function countCurrentMembers(db: Executor, clusterId: number): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("cluster_id", "=", clusterId)
    .where("left_on", "is", null)
    .where("approved_at", "is not", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findMembership(
  db: Executor,
  clusterId: number,
  enterpriseId: number,
): Promise<MembershipRow | undefined> {
  return db
    .selectFrom("memberships")
    .selectAll()
    .where("cluster_id", "=", clusterId)
    .where("enterprise_id", "=", enterpriseId)
    .executeTakeFirst();
}

export async function findMembershipById(db: Executor, id: number): Promise<MembershipRow | undefined> {
  return db.selectFrom("memberships").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertMembership(db: Transaction<DB>, row: Omit<MembershipRow, "id">): Promise<number> {
  const { id } = await db.insertInto("memberships").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateMembership(
  db: Transaction<DB>,
  id: number,
  patch: Partial<Omit<MembershipRow, "id" | "cluster_id" | "enterprise_id" | "created_at">>,
): Promise<void> {
  await db.updateTable("memberships").set(patch).where("id", "=", id).execute();
}

export async function deleteMembership(db: Transaction<DB>, id: number): Promise<void> {
  await db.deleteFrom("memberships").where("id", "=", id).execute();
}

/** Marks a membership approved (its coordinators then see the firm's personal data and may edit it). */
export async function approveMembership(
  db: Transaction<DB>,
  id: number,
  approvedBy: number | null,
  at: string,
): Promise<void> {
  await db
    .updateTable("memberships")
    .set({ approved_at: at, approved_by: approvedBy, updated_at: at })
    .where("id", "=", id)
    .execute();
}

/** Which pending memberships a caller sees: every one, those of one agency's clusters, of one firm, or of some clusters. */
export type PendingScope =
  { all: true } | { all: false; agencyId: number | null; enterpriseId: number | null; clusterIds: readonly number[] };

export type PendingMembershipView = {
  id: number;
  cluster_id: number;
  cluster_code: string;
  cluster_name_th: string | null;
  cluster_name_en: string | null;
  cluster_agency_id: number | null;
  enterprise_id: number;
  juristic_id: string | null;
  name_th: string | null;
  name_en: string | null;
  enterprise_created_by: number | null;
  stage: string;
  created_at: string;
  created_by: number | null;
  /** The display name of who added it (a coordinator); null for the system or a removed user. */
  created_by_name: string | null;
};

/**
 * Current memberships awaiting approval within a scope, oldest first (the longest waiting at the top). A scope
 * that names nothing matches nothing.
 */
export async function listPendingMemberships(db: Executor, scope: PendingScope): Promise<PendingMembershipView[]> {
  let q = db
    .selectFrom("memberships as m")
    .innerJoin("clusters as c", "c.id", "m.cluster_id")
    .innerJoin("enterprises as e", "e.id", "m.enterprise_id")
    .leftJoin("users as u", "u.id", "m.created_by")
    .select([
      "m.id",
      "m.cluster_id",
      "c.code as cluster_code",
      "c.name_th as cluster_name_th",
      "c.name_en as cluster_name_en",
      "c.coordinating_agency_id as cluster_agency_id",
      "m.enterprise_id",
      "e.juristic_id",
      "e.name_th",
      "e.name_en",
      "e.created_by as enterprise_created_by",
      "m.stage",
      "m.created_at",
      "m.created_by",
      "u.display_name as created_by_name",
    ])
    .where("m.approved_at", "is", null)
    .where("m.left_on", "is", null);
  if (!scope.all) {
    const { agencyId, enterpriseId, clusterIds } = scope;
    if (agencyId === null && enterpriseId === null && clusterIds.length === 0) return [];
    q = q.where((eb) => {
      const any = [];
      if (agencyId !== null) any.push(eb("c.coordinating_agency_id", "=", agencyId));
      if (enterpriseId !== null) any.push(eb("m.enterprise_id", "=", enterpriseId));
      if (clusterIds.length > 0) any.push(eb("m.cluster_id", "in", clusterIds));
      return eb.or(any);
    });
  }
  return q.orderBy("m.created_at").orderBy("m.id").execute();
}

/** The products (inputs and outputs) of a cluster's current members, for its value-chain analysis. */
export async function listCurrentMemberProducts(db: Executor, clusterId: number) {
  return db
    .selectFrom("enterprise_products as p")
    .innerJoin("memberships as m", "m.enterprise_id", "p.enterprise_id")
    .select(["p.enterprise_id", "p.direction", "p.name"])
    .where("m.cluster_id", "=", clusterId)
    .where("m.left_on", "is", null)
    .execute();
}
