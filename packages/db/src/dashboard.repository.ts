import type { Kysely, Transaction } from "kysely";
import type { DB, IndicatorRow, IndicatorTargetRow, PlanRow } from "./schema.ts";
import { descendantsOf } from "./value-approval.repository.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** A plan with what access decisions need: its owner agency, and the agencies below it. */
export type PlanScope = PlanRow & {
  owner_agency_code: string;
  owner_agency_name_en: string | null;
  owner_agency_name_th: string | null;
  /** Agencies below the owner agency in the tree (their officers enter values into the plan). */
  child_agency_ids: number[];
};

export async function findPlanScope(db: Executor, planId: number): Promise<PlanScope | undefined> {
  const plan = await db
    .selectFrom("plans")
    .innerJoin("agencies", "agencies.id", "plans.owner_agency_id")
    .selectAll("plans")
    .select([
      "agencies.code as owner_agency_code",
      "agencies.name_en as owner_agency_name_en",
      "agencies.name_th as owner_agency_name_th",
    ])
    .where("plans.id", "=", planId)
    .executeTakeFirst();
  if (!plan) return undefined;
  const agencies = await db.selectFrom("agencies").select(["id", "parent_id"]).execute();
  return { ...plan, child_agency_ids: descendantsOf(agencies, plan.owner_agency_id) };
}

/** The plans a dashboard can offer, newest first (the caller filters by access). */
export async function listPlanScopes(db: Executor): Promise<PlanScope[]> {
  const plans = await db
    .selectFrom("plans")
    .innerJoin("agencies", "agencies.id", "plans.owner_agency_id")
    .selectAll("plans")
    .select([
      "agencies.code as owner_agency_code",
      "agencies.name_en as owner_agency_name_en",
      "agencies.name_th as owner_agency_name_th",
    ])
    .orderBy("plans.period_start", "desc")
    .orderBy("plans.id")
    .execute();
  const agencies = await db.selectFrom("agencies").select(["id", "parent_id"]).execute();
  return plans.map((p) => ({
    ...p,
    child_agency_ids: descendantsOf(agencies, p.owner_agency_id),
  }));
}

/** The plan an indicator belongs to, through its node. */
export async function findIndicatorPlanId(
  db: Executor,
  indicatorId: number,
): Promise<{ indicator: IndicatorRow; planId: number } | undefined> {
  const row = await db
    .selectFrom("indicators")
    .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
    .selectAll("indicators")
    .select("plan_nodes.plan_id")
    .where("indicators.id", "=", indicatorId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { plan_id, ...indicator } = row;
  return { indicator, planId: plan_id };
}

export async function listTargets(db: Executor, indicatorIds: readonly number[]): Promise<IndicatorTargetRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom("indicator_targets")
    .selectAll()
    .where("indicator_id", "in", indicatorIds)
    .orderBy("id")
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Geography: the reference units values roll up through.
// ---------------------------------------------------------------------------------------------

export type GeographyRows = {
  regions: { code: string; name_en: string; name_th: string; position: number }[];
  provinces: {
    code: string;
    name_en: string;
    name_th: string;
    region_code: string;
    provincial_cluster_id: number | null;
  }[];
  provincialClusters: { id: number; number: number; name_en: string; name_th: string | null }[];
};

export async function loadGeography(db: Executor): Promise<GeographyRows> {
  const [regions, provinces, provincialClusters] = await Promise.all([
    db.selectFrom("regions").select(["code", "name_en", "name_th", "position"]).orderBy("position").execute(),
    db
      .selectFrom("provinces")
      .leftJoin("provincial_cluster_provinces as pcp", "pcp.province_code", "provinces.code")
      .select([
        "provinces.code",
        "provinces.name_en",
        "provinces.name_th",
        "provinces.region_code",
        "pcp.provincial_cluster_id",
      ])
      .orderBy("provinces.code")
      .execute(),
    db.selectFrom("provincial_clusters").select(["id", "number", "name_en", "name_th"]).orderBy("number").execute(),
  ]);
  return { regions, provinces, provincialClusters };
}

/** Name of a cluster or programme used as an org unit; undefined when there is none with that id. */
export async function findNamedUnit(db: Executor, type: "cluster" | "programme", id: number) {
  if (type === "cluster")
    return db
      .selectFrom("clusters")
      .select(["id", "code", "name_en", "name_th"])
      .where("id", "=", id)
      .executeTakeFirst();
  return db
    .selectFrom("programmes")
    .select(["id", "code", "name_en", "name_th"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Clusters located in a province, with their names: the level below a province in a drill-down. */
export async function listClustersInProvince(db: Executor, provinceCode: string, publishedOnly: boolean) {
  let query = db
    .selectFrom("cluster_provinces as cp")
    .innerJoin("clusters as c", "c.id", "cp.cluster_id")
    .select(["c.id", "c.code", "c.name_en", "c.name_th"])
    .where("cp.province_code", "=", provinceCode);
  if (publishedOnly) query = query.where("c.published", "=", 1);
  return query.orderBy("c.code").execute();
}

// ---------------------------------------------------------------------------------------------
// Values.
// ---------------------------------------------------------------------------------------------

/** The figures of one stored value, without its workflow and provenance. */
export type FigureRow = {
  indicator_id: number;
  org_unit_type: string;
  org_unit_code: string;
  period_key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  weight: number | null;
};

export type FigureQuery = {
  indicatorIds: readonly number[];
  periodKeys: readonly string[];
  /** draft | submitted | approved — the statuses the reader may see. */
  statuses: readonly string[];
  /** "" for totals. */
  disaggregation: string;
  /** Restrict to units of these types, and optionally to some codes. */
  unitTypes: readonly string[];
  unitCodes?: readonly string[];
};

/**
 * The figures of some indicators and periods at units of some types. Reads only columns of
 * `indicator_values_period_idx` (indicator, period, unit type, disaggregation, status, unit code and the
 * four figures), so both engines answer from the index alone.
 */
export async function listFigures(db: Executor, q: FigureQuery): Promise<FigureRow[]> {
  if (q.indicatorIds.length === 0 || q.periodKeys.length === 0 || q.statuses.length === 0 || q.unitTypes.length === 0)
    return [];
  let query = db
    .selectFrom("indicator_values")
    .select([
      "indicator_id",
      "org_unit_type",
      "org_unit_code",
      "period_key",
      "value",
      "numerator",
      "denominator",
      "weight",
    ])
    .where("indicator_id", "in", q.indicatorIds)
    .where("period_key", "in", q.periodKeys)
    .where("org_unit_type", "in", q.unitTypes)
    .where("disaggregation", "=", q.disaggregation)
    .where("status", "in", q.statuses);
  if (q.unitCodes !== undefined) {
    if (q.unitCodes.length === 0) return [];
    query = query.where("org_unit_code", "in", q.unitCodes);
  }
  return query.execute();
}

/**
 * The figures of every breakdown (not the totals) of some indicators and periods at units of some types,
 * with the breakdown each is of: what a report lists under an indicator broken down by size class, sex of
 * owner or stage.
 */
export async function listBreakdownFigures(
  db: Executor,
  q: Omit<FigureQuery, "disaggregation">,
): Promise<Array<FigureRow & { disaggregation: string }>> {
  if (q.indicatorIds.length === 0 || q.periodKeys.length === 0 || q.statuses.length === 0 || q.unitTypes.length === 0)
    return [];
  let query = db
    .selectFrom("indicator_values")
    .select([
      "indicator_id",
      "org_unit_type",
      "org_unit_code",
      "period_key",
      "disaggregation",
      "value",
      "numerator",
      "denominator",
      "weight",
    ])
    .where("indicator_id", "in", q.indicatorIds)
    .where("period_key", "in", q.periodKeys)
    .where("org_unit_type", "in", q.unitTypes)
    .where("disaggregation", "<>", "")
    .where("status", "in", q.statuses);
  if (q.unitCodes !== undefined) {
    if (q.unitCodes.length === 0) return [];
    query = query.where("org_unit_code", "in", q.unitCodes);
  }
  return query.execute();
}

/**
 * The province map of one indicator: every province (77 rows, in code order) with its figures for the
 * asked periods, in one query (a province without a value has nulls).
 */
export async function listProvinceFigures(
  db: Executor,
  q: { indicatorId: number; periodKeys: readonly string[]; statuses: readonly string[]; disaggregation: string },
) {
  return db
    .selectFrom("provinces as p")
    .leftJoin("indicator_values as v", (join) =>
      join
        .onRef("v.org_unit_code", "=", "p.code")
        .on("v.indicator_id", "=", q.indicatorId)
        .on("v.period_key", "in", q.periodKeys)
        .on("v.org_unit_type", "=", "province")
        .on("v.disaggregation", "=", q.disaggregation)
        .on("v.status", "in", q.statuses),
    )
    .select(["p.code", "p.name_en", "p.name_th", "v.period_key", "v.value", "v.numerator", "v.denominator", "v.weight"])
    .orderBy("p.code")
    .execute();
}

/** The fiscal-year keys that have values of an indicator, for offering a period choice. */
export async function listPeriodsWithValues(
  db: Executor,
  indicatorIds: readonly number[],
  statuses: readonly string[],
): Promise<string[]> {
  if (indicatorIds.length === 0 || statuses.length === 0) return [];
  const rows = await db
    .selectFrom("indicator_values")
    .select("period_key")
    .distinct()
    .where("indicator_id", "in", indicatorIds)
    .where("status", "in", statuses)
    .execute();
  return rows.map((r) => r.period_key);
}
