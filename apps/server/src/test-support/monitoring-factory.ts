import { nowIso, type DB } from "@sainam/db";
import type { Kysely } from "kysely";

// Plans, nodes and indicators for value tests, written straight to the database (plan editing is its own API).

let sequence = 0;
const next = () => ++sequence;

export async function agencyIdOf(db: Kysely<DB>, code: string): Promise<number> {
  const row = await db.selectFrom("agencies").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}

export async function createPlan(
  db: Kysely<DB>,
  input: { ownerAgencyId: number; published?: boolean; clusterId?: number | null; code?: string },
): Promise<number> {
  const now = nowIso();
  const { id } = await db
    .insertInto("plans")
    .values({
      code: input.code ?? `TEST-PLAN-${next()}`,
      title_en: "Test plan",
      title_th: "แผนทดสอบ",
      level: "agency_programme",
      owner_agency_id: input.ownerAgencyId,
      period_start: "2020-10-01",
      period_end: "2025-09-30",
      cluster_id: input.clusterId ?? null,
      published: input.published === false ? 0 : 1,
      previous_version_id: null,
      provincial_cluster_id: null,
      programme_id: null,
      description_en: null,
      description_th: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function createNode(
  db: Kysely<DB>,
  planId: number,
  input: { kind?: string; parentId?: number | null } = {},
): Promise<number> {
  const n = next();
  const { id } = await db
    .insertInto("plan_nodes")
    .values({
      plan_id: planId,
      parent_id: input.parentId ?? null,
      kind: input.kind ?? "strategy",
      code: `N${n}`,
      position: n,
      title_en: `Node ${n}`,
      title_th: null,
      body_en: null,
      body_th: null,
      serves_node_id: null,
      updated_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export type TestAggregation = "sum" | "mean" | "weighted_mean" | "ratio" | "none";

export async function createIndicator(
  db: Kysely<DB>,
  nodeId: number,
  input: {
    code?: string;
    aggregation?: TestAggregation;
    ratioScale?: number | null;
    disaggregations?: string[];
    unit?: string | null;
  } = {},
): Promise<number> {
  const n = next();
  const { id } = await db
    .insertInto("indicators")
    .values({
      plan_node_id: nodeId,
      code: input.code ?? `IND-${n}`,
      name_en: `Indicator ${n}`,
      name_th: `ตัวชี้วัด ${n}`,
      unit: input.unit ?? null,
      position: n,
      aggregation: input.aggregation ?? "sum",
      ratio_scale: input.ratioScale ?? null,
      disaggregations_json: JSON.stringify(input.disaggregations ?? []),
      baseline_value: null,
      baseline_period: null,
      decimals: null,
      description_en: null,
      description_th: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A plan with one node and one indicator of the given rule: the usual start of a value test. */
export async function createPlanWithIndicator(
  db: Kysely<DB>,
  input: { ownerAgencyId: number; published?: boolean; clusterId?: number | null } & Parameters<
    typeof createIndicator
  >[2],
) {
  const planId = await createPlan(db, input);
  const nodeId = await createNode(db, planId);
  const indicatorId = await createIndicator(db, nodeId, input);
  return { planId, nodeId, indicatorId };
}

/** A bare published cluster coordinated by the agency, for coordinator scopes. */
export async function createCluster(db: Kysely<DB>, coordinatingAgencyId: number): Promise<number> {
  const now = nowIso();
  const { id } = await db
    .insertInto("clusters")
    .values({
      code: `TEST-CLUSTER-${next()}`,
      kind: "industry_cluster",
      name_th: "คลัสเตอร์ทดสอบ",
      name_en: "Test cluster",
      description_th: null,
      description_en: null,
      tsic_code: null,
      isic_code: null,
      parent_id: null,
      coordinator_user_id: null,
      coordinating_agency_id: coordinatingAgencyId,
      cooperating_agency_id: null,
      policy_tags_json: "[]",
      maturity: null,
      status: "active",
      published: 1,
      is_example: 0,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
