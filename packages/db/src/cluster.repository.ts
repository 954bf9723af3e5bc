import type { Kysely, Transaction } from "kysely";
import type { ClusterRow, DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type ClusterFilter = {
  kind?: string | undefined;
  provinceCode?: string | undefined;
  regionCode?: string | undefined;
  provincialClusterId?: number | undefined;
  parentId?: number | null | undefined;
  status?: string | undefined;
  publishedOnly?: boolean;
  /** Unpublished clusters are visible only when listed here (coordinators' own), unless all are visible. */
  visibleIds?: readonly number[] | "all";
  page: number;
  pageSize: number;
};

export type ClusterDetail = ClusterRow & {
  province_codes: string[];
  participations: Array<{ agency_id: number; fiscal_year: number; programme: string | null }>;
  stage_counts: Record<string, number>;
  member_count: number;
  child_ids: number[];
};

export async function listClusters(db: Executor, f: ClusterFilter): Promise<{ items: ClusterRow[]; total: number }> {
  let q = db.selectFrom("clusters");
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.parentId === null) q = q.where("parent_id", "is", null);
  else if (f.parentId !== undefined) q = q.where("parent_id", "=", f.parentId);
  if (f.provinceCode) {
    const code = f.provinceCode;
    q = q.where("id", "in", db.selectFrom("cluster_provinces").select("cluster_id").where("province_code", "=", code));
  }
  if (f.regionCode) {
    const region = f.regionCode;
    q = q.where(
      "id",
      "in",
      db
        .selectFrom("cluster_provinces as cp")
        .innerJoin("provinces as p", "p.code", "cp.province_code")
        .select("cp.cluster_id")
        .where("p.region_code", "=", region),
    );
  }
  if (f.provincialClusterId !== undefined) {
    const pc = f.provincialClusterId;
    q = q.where(
      "id",
      "in",
      db
        .selectFrom("cluster_provinces as cp")
        .innerJoin("provincial_cluster_provinces as pcp", "pcp.province_code", "cp.province_code")
        .select("cp.cluster_id")
        .where("pcp.provincial_cluster_id", "=", pc),
    );
  }
  if (f.visibleIds !== "all") {
    const ids = [...(f.visibleIds ?? [])];
    q = q.where((eb) => (ids.length ? eb.or([eb("published", "=", 1), eb("id", "in", ids)]) : eb("published", "=", 1)));
  }
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .orderBy("name_en")
      .orderBy("id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findCluster(db: Executor, id: number): Promise<ClusterRow | undefined> {
  return db.selectFrom("clusters").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Which of these cluster ids exist (to name the first that does not). */
export async function existingClusterIds(db: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("clusters").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}

export async function findClusterByCode(db: Executor, code: string): Promise<ClusterRow | undefined> {
  return db.selectFrom("clusters").selectAll().where("code", "=", code).executeTakeFirst();
}

/** A cluster with its provinces, programme participation, sub-clusters and member counts per stage. */
export async function loadClusterDetail(db: Executor, id: number): Promise<ClusterDetail | undefined> {
  const row = await findCluster(db, id);
  if (!row) return undefined;
  const [provinces, participations, stages, children] = await Promise.all([
    db
      .selectFrom("cluster_provinces")
      .select("province_code")
      .where("cluster_id", "=", id)
      .orderBy("province_code")
      .execute(),
    db
      .selectFrom("cluster_participations")
      .select(["agency_id", "fiscal_year", "programme"])
      .where("cluster_id", "=", id)
      .orderBy("fiscal_year")
      .execute(),
    db
      .selectFrom("memberships")
      .select(["stage"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cluster_id", "=", id)
      .where("left_on", "is", null)
      // A membership awaiting approval is not (yet) a member: the count is of the members the list shows as such.
      .where("approved_at", "is not", null)
      .groupBy("stage")
      .execute(),
    db.selectFrom("clusters").select("id").where("parent_id", "=", id).orderBy("id").execute(),
  ]);
  const stage_counts: Record<string, number> = { upstream: 0, midstream: 0, downstream: 0 };
  for (const s of stages) stage_counts[s.stage] = Number(s.n);
  return {
    ...row,
    province_codes: provinces.map((p) => p.province_code),
    participations,
    stage_counts,
    member_count: Object.values(stage_counts).reduce((a, b) => a + b, 0),
    child_ids: children.map((c) => c.id),
  };
}

export type ClusterWrite = Omit<ClusterRow, "id" | "created_at">;

export async function insertCluster(
  db: Transaction<DB>,
  row: ClusterWrite & { created_at: string },
  provinceCodes: string[],
): Promise<number> {
  const { id } = await db.insertInto("clusters").values(row).returning("id").executeTakeFirstOrThrow();
  await replaceClusterProvinces(db, id, provinceCodes);
  return id;
}

export async function updateCluster(
  db: Transaction<DB>,
  id: number,
  patch: Partial<ClusterWrite>,
  provinceCodes?: string[],
): Promise<void> {
  if (Object.keys(patch).length) await db.updateTable("clusters").set(patch).where("id", "=", id).execute();
  if (provinceCodes) await replaceClusterProvinces(db, id, provinceCodes);
}

async function replaceClusterProvinces(db: Transaction<DB>, id: number, codes: string[]): Promise<void> {
  await db.deleteFrom("cluster_provinces").where("cluster_id", "=", id).execute();
  const unique = [...new Set(codes)];
  if (unique.length)
    await db
      .insertInto("cluster_provinces")
      .values(unique.map((province_code) => ({ cluster_id: id, province_code })))
      .execute();
}

export async function replaceParticipations(
  db: Transaction<DB>,
  id: number,
  rows: Array<{ agency_id: number; fiscal_year: number; programme: string | null }>,
): Promise<void> {
  await db.deleteFrom("cluster_participations").where("cluster_id", "=", id).execute();
  if (rows.length)
    await db
      .insertInto("cluster_participations")
      .values(rows.map((r) => ({ cluster_id: id, ...r })))
      .execute();
}

/** Ids of the cluster and all its ancestors, nearest first (guards against cycles when re-parenting). */
export async function ancestorIds(db: Executor, id: number): Promise<number[]> {
  const out: number[] = [];
  let current: number | null = id;
  while (current !== null && !out.includes(current) && out.length < 100) {
    out.push(current);
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom("clusters")
      .select("parent_id")
      .where("id", "=", current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return out;
}

/** Province codes and current member counts of many clusters at once, for directory listings. */
export async function listSummaries(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, { province_codes: string[]; member_count: number }>> {
  const out = new Map<number, { province_codes: string[]; member_count: number }>(
    ids.map((id) => [id, { province_codes: [], member_count: 0 }]),
  );
  if (ids.length === 0) return out;
  const [provinces, counts] = await Promise.all([
    db
      .selectFrom("cluster_provinces")
      .select(["cluster_id", "province_code"])
      .where("cluster_id", "in", [...ids])
      .orderBy("province_code")
      .execute(),
    db
      .selectFrom("memberships")
      .select(["cluster_id"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cluster_id", "in", [...ids])
      .where("left_on", "is", null)
      .where("approved_at", "is not", null)
      .groupBy("cluster_id")
      .execute(),
  ]);
  for (const p of provinces) out.get(p.cluster_id)?.province_codes.push(p.province_code);
  for (const c of counts) {
    const entry = out.get(c.cluster_id);
    if (entry) entry.member_count = Number(c.n);
  }
  return out;
}

/** The example clusters (loaded from the seeds), for re-indexing them. */
export async function listExampleClusters(db: Executor): Promise<ClusterRow[]> {
  return db.selectFrom("clusters").selectAll().where("is_example", "=", 1).execute();
}
