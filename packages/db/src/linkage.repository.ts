import type { Kysely, Transaction } from "kysely";
import type { DB, InstitutionRow, LinkageRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** Links that touch a cluster: recorded with its id, or between two of its current members. */
export async function listClusterLinkages(db: Executor, clusterId: number): Promise<LinkageRow[]> {
  return db.selectFrom("linkages").selectAll().where("cluster_id", "=", clusterId).orderBy("id").execute();
}

export async function findLinkage(db: Executor, id: number): Promise<LinkageRow | undefined> {
  return db.selectFrom("linkages").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertLinkage(db: Transaction<DB>, row: Omit<LinkageRow, "id">): Promise<number> {
  const { id } = await db.insertInto("linkages").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function deleteLinkage(db: Transaction<DB>, id: number): Promise<void> {
  await db.deleteFrom("linkages").where("id", "=", id).execute();
}

/** Which unpublished institutions a list includes: all, or those of one agency and those one user registered. */
export type InstitutionVisibility = { all: true } | { all: false; agencyId: number | null; userId: number | null };

export async function listInstitutions(
  db: Executor,
  filter: { kind?: string | undefined; clusterId?: number | undefined; visibility: InstitutionVisibility },
): Promise<InstitutionRow[]> {
  let q = db.selectFrom("institutions").selectAll();
  if (filter.kind) q = q.where("kind", "=", filter.kind);
  const v = filter.visibility;
  if (!v.all) {
    q = q.where((eb) =>
      eb.or([
        eb("published", "=", 1),
        ...(v.agencyId !== null ? [eb("agency_id", "=", v.agencyId)] : []),
        ...(v.userId !== null ? [eb("created_by", "=", v.userId)] : []),
      ]),
    );
  }
  if (filter.clusterId !== undefined) {
    const cluster = filter.clusterId;
    q = q.where(
      "id",
      "in",
      db.selectFrom("cluster_institutions").select("institution_id").where("cluster_id", "=", cluster),
    );
  }
  return q.orderBy("id").execute();
}

export async function findInstitution(db: Executor, id: number): Promise<InstitutionRow | undefined> {
  return db.selectFrom("institutions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts an institution; `created_by` is the user who registered it (absent: the system). */
export async function insertInstitution(
  db: Transaction<DB>,
  row: Omit<InstitutionRow, "id" | "created_by"> & { created_by?: number | null },
): Promise<number> {
  const { id } = await db.insertInto("institutions").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateInstitution(
  db: Transaction<DB>,
  id: number,
  patch: Partial<Omit<InstitutionRow, "id" | "created_at">>,
): Promise<void> {
  await db.updateTable("institutions").set(patch).where("id", "=", id).execute();
}

export async function linkInstitution(
  db: Transaction<DB>,
  clusterId: number,
  institutionId: number,
  role: string | null,
): Promise<void> {
  await db
    .insertInto("cluster_institutions")
    .values({ cluster_id: clusterId, institution_id: institutionId, role })
    .onConflict((oc) => oc.columns(["cluster_id", "institution_id"]).doUpdateSet({ role }))
    .execute();
}

export async function unlinkInstitution(db: Transaction<DB>, clusterId: number, institutionId: number): Promise<void> {
  await db
    .deleteFrom("cluster_institutions")
    .where("cluster_id", "=", clusterId)
    .where("institution_id", "=", institutionId)
    .execute();
}

/** The example institutions (loaded from the seeds), for re-indexing them. */
export async function listExampleInstitutions(db: Executor): Promise<InstitutionRow[]> {
  return db.selectFrom("institutions").selectAll().where("is_example", "=", 1).execute();
}
