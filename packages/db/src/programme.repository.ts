import type { Kysely, NotNull, Transaction } from "kysely";
import type {
  ActivityRow,
  BudgetAllocationRow,
  DB,
  ProgrammeReportedFigureRow,
  ProgrammeRow,
  ValueClaimRow,
} from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

// ——— Programmes ———

export type ProgrammeFilter = {
  agencyId?: number | undefined;
  fiscalYear?: number | undefined;
  /** Only the programmes that support this cluster, in any fiscal year. */
  clusterId?: number | undefined;
  /** Unpublished programmes are listed only for these agencies (an officer's own), unless all are visible. */
  visibleAgencyIds: readonly number[] | "all";
  page: number;
  pageSize: number;
};

export type ProgrammeWrite = Omit<ProgrammeRow, "id" | "created_at">;

export async function listProgrammes(
  db: Executor,
  f: ProgrammeFilter,
): Promise<{ items: ProgrammeRow[]; total: number }> {
  let q = db.selectFrom("programmes");
  if (f.agencyId !== undefined) q = q.where("agency_id", "=", f.agencyId);
  if (f.fiscalYear !== undefined) {
    const fy = f.fiscalYear;
    q = q
      .where("first_fiscal_year", "<=", fy)
      .where((eb) => eb.or([eb("last_fiscal_year", "is", null), eb("last_fiscal_year", ">=", fy)]));
  }
  if (f.clusterId !== undefined) {
    const clusterId = f.clusterId;
    q = q.where("id", "in", (eb) =>
      eb.selectFrom("programme_clusters").select("programme_id").where("cluster_id", "=", clusterId),
    );
  }
  if (f.visibleAgencyIds !== "all") {
    const ids = [...f.visibleAgencyIds];
    q = q.where((eb) =>
      ids.length ? eb.or([eb("published", "=", 1), eb("agency_id", "in", ids)]) : eb("published", "=", 1),
    );
  }
  const [items, count] = await Promise.all([
    q
      .selectAll()
      // A Thai-only programme sorts by its Thai name, in the same place on both engines (their NULL orders differ).
      .orderBy((eb) => eb.fn.coalesce("name_en", "name_th"))
      .orderBy("id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Ids of the programmes a figure spans: one agency's, or every programme; unpublished ones only if allowed. */
export async function programmeIdsInScope(
  db: Executor,
  scope: { agencyId: number | null; visibleAgencyIds: readonly number[] | "all" },
): Promise<number[]> {
  let q = db.selectFrom("programmes").select("id");
  if (scope.agencyId !== null) q = q.where("agency_id", "=", scope.agencyId);
  if (scope.visibleAgencyIds !== "all") {
    const ids = [...scope.visibleAgencyIds];
    q = q.where((eb) =>
      ids.length ? eb.or([eb("published", "=", 1), eb("agency_id", "in", ids)]) : eb("published", "=", 1),
    );
  }
  return (await q.orderBy("id").execute()).map((r) => r.id);
}

export async function findProgramme(db: Executor, id: number): Promise<ProgrammeRow | undefined> {
  return db.selectFrom("programmes").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findProgrammeByCode(db: Executor, code: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom("programmes").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function insertProgramme(
  db: Transaction<DB>,
  row: ProgrammeWrite & { created_at: string },
): Promise<number> {
  const { id } = await db.insertInto("programmes").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateProgramme(db: Transaction<DB>, id: number, patch: Partial<ProgrammeWrite>): Promise<void> {
  if (Object.keys(patch).length) await db.updateTable("programmes").set(patch).where("id", "=", id).execute();
}

/** Every cluster a programme has supported in any year (coordinators of these may see its records). */
export async function clusterIdsOfProgramme(db: Executor, programmeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("programme_clusters")
    .select("cluster_id")
    .distinct()
    .where("programme_id", "=", programmeId)
    .execute();
  return rows.map((r) => r.cluster_id);
}

// ——— Clusters and firms supported ———

export type SupportedCluster = {
  cluster_id: number;
  fiscal_year: number;
  code: string;
  name_th: string | null;
  name_en: string | null;
};

export async function listProgrammeClusters(
  db: Executor,
  programmeId: number,
  fiscalYear?: number,
): Promise<SupportedCluster[]> {
  let q = db
    .selectFrom("programme_clusters as pc")
    .innerJoin("clusters as c", "c.id", "pc.cluster_id")
    .select(["pc.cluster_id", "pc.fiscal_year", "c.code", "c.name_th", "c.name_en"])
    .where("pc.programme_id", "=", programmeId);
  if (fiscalYear !== undefined) q = q.where("pc.fiscal_year", "=", fiscalYear);
  return q.orderBy("pc.fiscal_year").orderBy("c.name_en").orderBy("c.id").execute();
}

export async function hasProgrammeCluster(
  db: Executor,
  programmeId: number,
  clusterId: number,
  fiscalYear: number,
): Promise<boolean> {
  const row = await db
    .selectFrom("programme_clusters")
    .select("cluster_id")
    .where("programme_id", "=", programmeId)
    .where("cluster_id", "=", clusterId)
    .where("fiscal_year", "=", fiscalYear)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addProgrammeCluster(
  db: Transaction<DB>,
  row: { programme_id: number; cluster_id: number; fiscal_year: number },
): Promise<void> {
  await db.insertInto("programme_clusters").values(row).execute();
}

export async function removeProgrammeCluster(
  db: Transaction<DB>,
  programmeId: number,
  clusterId: number,
  fiscalYear: number,
): Promise<number> {
  const r = await db
    .deleteFrom("programme_clusters")
    .where("programme_id", "=", programmeId)
    .where("cluster_id", "=", clusterId)
    .where("fiscal_year", "=", fiscalYear)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export type SupportedEnterprise = {
  enterprise_id: number;
  fiscal_year: number;
  cluster_id: number | null;
  juristic_id: string | null;
  name_th: string | null;
  name_en: string | null;
  province_code: string | null;
};

export async function listProgrammeEnterprises(
  db: Executor,
  programmeId: number,
  f: { fiscalYear?: number | undefined; page: number; pageSize: number },
): Promise<{ items: SupportedEnterprise[]; total: number; firms: number }> {
  let q = db
    .selectFrom("programme_enterprises as pe")
    .innerJoin("enterprises as e", "e.id", "pe.enterprise_id")
    .where("pe.programme_id", "=", programmeId);
  if (f.fiscalYear !== undefined) q = q.where("pe.fiscal_year", "=", f.fiscalYear);
  const [items, count] = await Promise.all([
    q
      .select([
        "pe.enterprise_id",
        "pe.fiscal_year",
        "pe.cluster_id",
        "e.juristic_id",
        "e.name_th",
        "e.name_en",
        "e.province_code",
      ])
      .orderBy("pe.fiscal_year")
      .orderBy("e.name_th")
      .orderBy("e.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        // A firm supported in two fiscal years is two rows of the list but one firm.
        eb.fn.count<number>("pe.enterprise_id").distinct().as("firms"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n), firms: Number(count.firms) };
}

/** Which of `enterpriseIds` a programme already supports in a fiscal year. */
export async function supportedEnterpriseIdsAmong(
  db: Executor,
  programmeId: number,
  fiscalYear: number,
  enterpriseIds: readonly number[],
): Promise<Set<number>> {
  const found = new Set<number>();
  // In slices: PostgreSQL takes at most 65,535 parameters a statement, and a cluster may be large.
  for (let i = 0; i < enterpriseIds.length; i += SLICE) {
    const rows = await db
      .selectFrom("programme_enterprises")
      .select("enterprise_id")
      .where("programme_id", "=", programmeId)
      .where("fiscal_year", "=", fiscalYear)
      .where("enterprise_id", "in", enterpriseIds.slice(i, i + SLICE))
      .execute();
    for (const r of rows) found.add(r.enterprise_id);
  }
  return found;
}

const SLICE = 5000;

export async function addProgrammeEnterprises(
  db: Transaction<DB>,
  rows: ReadonlyArray<{ programme_id: number; enterprise_id: number; fiscal_year: number; cluster_id: number | null }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += SLICE)
    await db
      .insertInto("programme_enterprises")
      .values(rows.slice(i, i + SLICE))
      .execute();
}

export async function hasProgrammeEnterprise(
  db: Executor,
  programmeId: number,
  enterpriseId: number,
  fiscalYear: number,
): Promise<boolean> {
  const row = await db
    .selectFrom("programme_enterprises")
    .select("enterprise_id")
    .where("programme_id", "=", programmeId)
    .where("enterprise_id", "=", enterpriseId)
    .where("fiscal_year", "=", fiscalYear)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addProgrammeEnterprise(
  db: Transaction<DB>,
  row: { programme_id: number; enterprise_id: number; fiscal_year: number; cluster_id: number | null },
): Promise<void> {
  await db.insertInto("programme_enterprises").values(row).execute();
}

export async function removeProgrammeEnterprise(
  db: Transaction<DB>,
  programmeId: number,
  enterpriseId: number,
  fiscalYear: number,
): Promise<number> {
  const r = await db
    .deleteFrom("programme_enterprises")
    .where("programme_id", "=", programmeId)
    .where("enterprise_id", "=", enterpriseId)
    .where("fiscal_year", "=", fiscalYear)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ——— Budgets ———

export type BudgetWrite = Omit<BudgetAllocationRow, "id" | "created_at">;
export type BudgetView = BudgetAllocationRow & {
  cluster_code: string | null;
  cluster_name_th: string | null;
  cluster_name_en: string | null;
};

export async function listBudgets(db: Executor, programmeId: number, fiscalYear?: number): Promise<BudgetView[]> {
  let q = db
    .selectFrom("budget_allocations as b")
    .leftJoin("clusters as c", "c.id", "b.cluster_id")
    .selectAll("b")
    .select(["c.code as cluster_code", "c.name_th as cluster_name_th", "c.name_en as cluster_name_en"])
    .where("b.programme_id", "=", programmeId);
  if (fiscalYear !== undefined) q = q.where("b.fiscal_year", "=", fiscalYear);
  return q.orderBy("b.fiscal_year").orderBy("b.cluster_id").orderBy("b.id").execute();
}

export async function findBudget(db: Executor, id: number): Promise<BudgetAllocationRow | undefined> {
  return db.selectFrom("budget_allocations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertBudget(db: Transaction<DB>, row: BudgetWrite & { created_at: string }): Promise<number> {
  const { id } = await db.insertInto("budget_allocations").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateBudget(db: Transaction<DB>, id: number, patch: Partial<BudgetWrite>): Promise<void> {
  if (Object.keys(patch).length) await db.updateTable("budget_allocations").set(patch).where("id", "=", id).execute();
}

export async function deleteBudget(db: Transaction<DB>, id: number): Promise<void> {
  await db.deleteFrom("budget_allocations").where("id", "=", id).execute();
}

// ——— Reported figures ———

export type ReportedFigureWrite = Omit<ProgrammeReportedFigureRow, "id" | "created_at">;

export async function listReportedFigures(
  db: Executor,
  programmeIds: readonly number[],
  fiscalYear?: number,
): Promise<ProgrammeReportedFigureRow[]> {
  if (!programmeIds.length) return [];
  let q = db
    .selectFrom("programme_reported_figures")
    .selectAll()
    .where("programme_id", "in", [...programmeIds]);
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  return q.orderBy("fiscal_year").orderBy("programme_id").execute();
}

/** Writes a programme's reported figures for one fiscal year, replacing what was there; returns the previous row. */
export async function upsertReportedFigure(
  db: Transaction<DB>,
  row: ReportedFigureWrite & { created_at: string },
): Promise<ProgrammeReportedFigureRow | undefined> {
  const before = await db
    .selectFrom("programme_reported_figures")
    .selectAll()
    .where("programme_id", "=", row.programme_id)
    .where("fiscal_year", "=", row.fiscal_year)
    .executeTakeFirst();
  if (before) {
    const { created_at: _created, ...patch } = row;
    await db.updateTable("programme_reported_figures").set(patch).where("id", "=", before.id).execute();
  } else {
    await db.insertInto("programme_reported_figures").values(row).execute();
  }
  return before;
}

// ——— Activities ———

export type ActivityWrite = Omit<ActivityRow, "id" | "created_at">;
export type ActivityFilter = {
  programmeId?: number | undefined;
  clusterId?: number | undefined;
  fiscalYear?: number | undefined;
  kind?: string | undefined;
  page: number;
  pageSize: number;
};

export async function listActivities(
  db: Executor,
  f: ActivityFilter,
): Promise<{ items: Array<ActivityRow & { participants: number }>; total: number }> {
  let q = db.selectFrom("activities as a");
  if (f.programmeId !== undefined) q = q.where("a.programme_id", "=", f.programmeId);
  if (f.clusterId !== undefined) q = q.where("a.cluster_id", "=", f.clusterId);
  if (f.fiscalYear !== undefined) q = q.where("a.fiscal_year", "=", f.fiscalYear);
  if (f.kind !== undefined) q = q.where("a.kind", "=", f.kind);
  const [items, count] = await Promise.all([
    q
      .selectAll("a")
      .select((eb) =>
        eb
          .selectFrom("activity_participants as ap")
          .select((e2) => e2.fn.countAll<number>().as("n"))
          .whereRef("ap.activity_id", "=", "a.id")
          .as("participants"),
      )
      .orderBy("a.starts_on", "desc")
      .orderBy("a.id", "desc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((a) => ({ ...a, participants: Number(a.participants ?? 0) })), total: Number(count.n) };
}

export async function findActivity(db: Executor, id: number): Promise<ActivityRow | undefined> {
  return db.selectFrom("activities").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertActivity(
  db: Transaction<DB>,
  row: ActivityWrite & { created_at: string },
): Promise<number> {
  const { id } = await db.insertInto("activities").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateActivity(db: Transaction<DB>, id: number, patch: Partial<ActivityWrite>): Promise<void> {
  if (Object.keys(patch).length) await db.updateTable("activities").set(patch).where("id", "=", id).execute();
}

export type Participant = {
  enterprise_id: number;
  juristic_id: string | null;
  name_th: string | null;
  name_en: string | null;
};

export async function listParticipants(db: Executor, activityId: number): Promise<Participant[]> {
  return db
    .selectFrom("activity_participants as ap")
    .innerJoin("enterprises as e", "e.id", "ap.enterprise_id")
    .select(["ap.enterprise_id", "e.juristic_id", "e.name_th", "e.name_en"])
    .where("ap.activity_id", "=", activityId)
    .orderBy("e.name_th")
    .orderBy("e.id")
    .execute();
}

export async function replaceParticipants(
  db: Transaction<DB>,
  activityId: number,
  enterpriseIds: readonly number[],
): Promise<void> {
  await db.deleteFrom("activity_participants").where("activity_id", "=", activityId).execute();
  const unique = [...new Set(enterpriseIds)];
  if (unique.length)
    await db
      .insertInto("activity_participants")
      .values(unique.map((enterprise_id) => ({ activity_id: activityId, enterprise_id })))
      .execute();
}

export type OutcomeView = {
  id: number;
  activity_id: number;
  enterprise_id: number | null;
  kind: string;
  amount: number | null;
  count: number | null;
  note: string | null;
  created_at: string;
};

export async function listOutcomes(db: Executor, activityId: number): Promise<OutcomeView[]> {
  return db.selectFrom("activity_outcomes").selectAll().where("activity_id", "=", activityId).orderBy("id").execute();
}

export async function insertOutcome(db: Transaction<DB>, row: Omit<OutcomeView, "id">): Promise<number> {
  const { id } = await db.insertInto("activity_outcomes").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function findOutcome(db: Executor, activityId: number, id: number): Promise<OutcomeView | undefined> {
  return db
    .selectFrom("activity_outcomes")
    .selectAll()
    .where("activity_id", "=", activityId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function deleteOutcome(db: Transaction<DB>, id: number): Promise<void> {
  await db.deleteFrom("activity_outcomes").where("id", "=", id).execute();
}

/** Outcome totals per kind for the activities of some programmes (and a fiscal year): amounts and counts summed. */
export async function outcomeTotals(
  db: Executor,
  programmeIds: readonly number[],
  fiscalYear?: number,
): Promise<Array<{ kind: string; amount: number; count: number }>> {
  if (!programmeIds.length) return [];
  let q = db
    .selectFrom("activity_outcomes as o")
    .innerJoin("activities as a", "a.id", "o.activity_id")
    .where("a.programme_id", "in", [...programmeIds]);
  if (fiscalYear !== undefined) q = q.where("a.fiscal_year", "=", fiscalYear);
  const rows = await q
    .select((eb) => [
      "o.kind",
      eb.fn.coalesce(eb.fn.sum<number>("o.amount"), eb.lit(0)).as("amount"),
      eb.fn.coalesce(eb.fn.sum<number>("o.count"), eb.lit(0)).as("count"),
    ])
    .groupBy("o.kind")
    .orderBy("o.kind")
    .execute();
  return rows.map((r) => ({ kind: r.kind, amount: Number(r.amount), count: Number(r.count) }));
}

// ——— Economic-value claims ———

/**
 * A claim to write; service_request_id only when a request's outcome becomes the claim (issue 13), deal_order_id
 * only when a deal's realised order does (issue 14).
 */
export type ClaimWrite = Omit<ValueClaimRow, "id" | "created_at" | "service_request_id" | "deal_order_id"> & {
  service_request_id?: number | null;
  deal_order_id?: number | null;
};
export type ClaimView = ValueClaimRow & { programme_ids: number[] };

/**
 * A standing claim (not rejected) identical in enterprise, fiscal year, method and amount: the same value
 * recorded by another programme. Only firm-level claims are matched; a cluster-level claim has no firm to
 * match on.
 */
export async function findIdenticalClaim(
  db: Executor,
  key: { enterprise_id: number; fiscal_year: number; method: string; amount: number },
): Promise<ValueClaimRow | undefined> {
  return db
    .selectFrom("value_claims")
    .selectAll()
    .where("enterprise_id", "=", key.enterprise_id)
    .where("fiscal_year", "=", key.fiscal_year)
    .where("method", "=", key.method)
    .where("amount", "=", key.amount)
    .where("verification", "!=", "rejected")
    .orderBy("id")
    .executeTakeFirst();
}

export async function insertClaim(db: Transaction<DB>, row: ClaimWrite & { created_at: string }): Promise<number> {
  const { id } = await db.insertInto("value_claims").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function linkClaimProgrammes(
  db: Transaction<DB>,
  claimId: number,
  programmeIds: readonly number[],
): Promise<number[]> {
  const existing = new Set(await claimProgrammeIds(db, claimId));
  const added = [...new Set(programmeIds)].filter((id) => !existing.has(id));
  if (added.length)
    await db
      .insertInto("value_claim_programmes")
      .values(added.map((programme_id) => ({ claim_id: claimId, programme_id })))
      .execute();
  return added;
}

export async function claimProgrammeIds(db: Executor, claimId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("value_claim_programmes")
    .select("programme_id")
    .where("claim_id", "=", claimId)
    .orderBy("programme_id")
    .execute();
  return rows.map((r) => r.programme_id);
}

export async function findClaim(db: Executor, id: number): Promise<ClaimView | undefined> {
  const row = await db.selectFrom("value_claims").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? { ...row, programme_ids: await claimProgrammeIds(db, id) } : undefined;
}

export async function setClaimVerification(
  db: Transaction<DB>,
  id: number,
  patch: {
    verification: string;
    verified_by: number | null;
    verified_at: string;
    updated_at: string;
    method_note?: string | null;
  },
): Promise<void> {
  await db.updateTable("value_claims").set(patch).where("id", "=", id).execute();
}

export async function listClaims(
  db: Executor,
  f: {
    programmeIds: readonly number[];
    fiscalYear?: number | undefined;
    verification?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: ClaimView[]; total: number }> {
  if (!f.programmeIds.length) return { items: [], total: 0 };
  let q = db.selectFrom("value_claims").where(
    "id",
    "in",
    db
      .selectFrom("value_claim_programmes")
      .select("claim_id")
      .where("programme_id", "in", [...f.programmeIds]),
  );
  if (f.fiscalYear !== undefined) q = q.where("fiscal_year", "=", f.fiscalYear);
  if (f.verification !== undefined) q = q.where("verification", "=", f.verification);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy("fiscal_year", "desc")
      .orderBy("id", "desc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const links = rows.length
    ? await db
        .selectFrom("value_claim_programmes")
        .select(["claim_id", "programme_id"])
        .where(
          "claim_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("programme_id")
        .execute()
    : [];
  const byClaim = new Map<number, number[]>();
  for (const l of links) byClaim.set(l.claim_id, [...(byClaim.get(l.claim_id) ?? []), l.programme_id]);
  return { items: rows.map((r) => ({ ...r, programme_ids: byClaim.get(r.id) ?? [] })), total: Number(count.n) };
}

// ——— Figures ———

export type RecordedFigures = {
  clusters: number;
  firms: number;
  /** Participants counted without names (activities' participant_count): they cannot be de-duplicated. */
  anonymousParticipants: number;
  activities: number;
  budgetAllocated: number;
  budgetSpent: number;
  /** Allocation lines whose spending exceeds the allocation. */
  overspentLines: number;
  valueVerified: number;
  valueClaimed: number;
  claimsVerified: number;
  claimsClaimed: number;
};

/**
 * The figures Sainam computes from its own records for a set of programmes (one, an agency's, or all) and,
 * optionally, one fiscal year. Every count is distinct across the set: a firm supported by two programmes, in two
 * clusters, or through a listing and an activity, is one firm (enterprises are one record per juristic ID); a
 * value claim attributed to two programmes is one claim. Rejected claims are left out.
 */
export async function recordedFigures(
  db: Executor,
  programmeIds: readonly number[],
  fiscalYear?: number,
): Promise<RecordedFigures> {
  const empty: RecordedFigures = {
    clusters: 0,
    firms: 0,
    anonymousParticipants: 0,
    activities: 0,
    budgetAllocated: 0,
    budgetSpent: 0,
    overspentLines: 0,
    valueVerified: 0,
    valueClaimed: 0,
    claimsVerified: 0,
    claimsClaimed: 0,
  };
  if (!programmeIds.length) return empty;
  const ids = [...programmeIds];
  const fy = fiscalYear;

  let pc = db.selectFrom("programme_clusters").select("cluster_id").where("programme_id", "in", ids);
  let pec = db.selectFrom("programme_enterprises").select("cluster_id as cluster_id").where("programme_id", "in", ids);
  let ac = db.selectFrom("activities").select("cluster_id as cluster_id").where("programme_id", "in", ids);
  let pe = db.selectFrom("programme_enterprises").select("enterprise_id").where("programme_id", "in", ids);
  let ap = db
    .selectFrom("activity_participants as ap")
    .innerJoin("activities as a", "a.id", "ap.activity_id")
    .select("ap.enterprise_id")
    .where("a.programme_id", "in", ids);
  let acts = db.selectFrom("activities").where("programme_id", "in", ids);
  let budgets = db.selectFrom("budget_allocations").where("programme_id", "in", ids);
  let claims = db
    .selectFrom("value_claims")
    .where("id", "in", db.selectFrom("value_claim_programmes").select("claim_id").where("programme_id", "in", ids));
  if (fy !== undefined) {
    pc = pc.where("fiscal_year", "=", fy);
    pec = pec.where("fiscal_year", "=", fy);
    ac = ac.where("fiscal_year", "=", fy);
    pe = pe.where("fiscal_year", "=", fy);
    ap = ap.where("a.fiscal_year", "=", fy);
    acts = acts.where("fiscal_year", "=", fy);
    budgets = budgets.where("fiscal_year", "=", fy);
    claims = claims.where("fiscal_year", "=", fy);
  }
  // UNION (not UNION ALL) removes duplicates before counting, on both engines.
  const clusterUnion = pc
    .union(pec.where("cluster_id", "is not", null).$narrowType<{ cluster_id: NotNull }>())
    .union(ac.where("cluster_id", "is not", null).$narrowType<{ cluster_id: NotNull }>());
  const firmUnion = pe.union(ap);

  const [clusters, firms, activity, budget, value] = await Promise.all([
    db
      .selectFrom(clusterUnion.as("u"))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(firmUnion.as("u"))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    acts
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.coalesce(eb.fn.sum<number>("participant_count"), eb.lit(0)).as("anonymous"),
      ])
      .executeTakeFirstOrThrow(),
    budgets
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>("allocated"), eb.lit(0)).as("allocated"),
        eb.fn.coalesce(eb.fn.sum<number>("spent"), eb.lit(0)).as("spent"),
        eb.fn
          .coalesce(
            eb.fn.sum<number>(eb.case().when("spent", ">", eb.ref("allocated")).then(1).else(0).end()),
            eb.lit(0),
          )
          .as("overspent"),
      ])
      .executeTakeFirstOrThrow(),
    claims
      .select((eb) => [
        "verification",
        eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("amount"),
        eb.fn.countAll<number>().as("n"),
      ])
      .where("verification", "in", ["claimed", "verified"])
      .groupBy("verification")
      .execute(),
  ]);
  const verified = value.find((v) => v.verification === "verified");
  const claimed = value.find((v) => v.verification === "claimed");
  return {
    clusters: Number(clusters.n),
    firms: Number(firms.n),
    anonymousParticipants: Number(activity.anonymous),
    activities: Number(activity.n),
    budgetAllocated: Number(budget.allocated),
    budgetSpent: Number(budget.spent),
    overspentLines: Number(budget.overspent),
    valueVerified: Number(verified?.amount ?? 0),
    valueClaimed: Number(claimed?.amount ?? 0),
    claimsVerified: Number(verified?.n ?? 0),
    claimsClaimed: Number(claimed?.n ?? 0),
  };
}

/** The fiscal years in which a programme has any record or reported figure, ascending. */
export async function programmeFiscalYears(db: Executor, programmeId: number): Promise<number[]> {
  const sources = [
    db.selectFrom("programme_clusters").select("fiscal_year").where("programme_id", "=", programmeId),
    db.selectFrom("programme_enterprises").select("fiscal_year").where("programme_id", "=", programmeId),
    db.selectFrom("budget_allocations").select("fiscal_year").where("programme_id", "=", programmeId),
    db.selectFrom("activities").select("fiscal_year").where("programme_id", "=", programmeId),
    db.selectFrom("programme_reported_figures").select("fiscal_year").where("programme_id", "=", programmeId),
    db
      .selectFrom("value_claims")
      .select("fiscal_year")
      .where(
        "id",
        "in",
        db.selectFrom("value_claim_programmes").select("claim_id").where("programme_id", "=", programmeId),
      ),
  ];
  const [first, ...rest] = sources;
  if (!first) return [];
  const union = rest.reduce((acc, q) => acc.union(q), first);
  const rows = await db.selectFrom(union.as("u")).select("u.fiscal_year").orderBy("u.fiscal_year").execute();
  return rows.map((r) => r.fiscal_year);
}

/** The ids among `ids` that name an enterprise, for validating participant lists in one query. */
export async function existingEnterpriseIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom("enterprises")
    .select("id")
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function planNodeExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom("plan_nodes").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}
