import { formatTarget, type AggregationRule, type OrgUnit, type Target } from "@sainam/core";
import { nowIso, type Database } from "@sainam/db";

/**
 * Builds plans, indicators, targets and values straight in the database for dashboard tests and the
 * benchmark, without going through the value-entry API.
 */
export function dashboardFactory(database: Database) {
  const { db } = database;
  let sequence = 0;
  const next = () => ++sequence;

  return {
    async agencyId(code: string): Promise<number> {
      const row = await db.selectFrom("agencies").select("id").where("code", "=", code).executeTakeFirstOrThrow();
      return row.id;
    },

    /** A plan with one strategy node; returns both ids. */
    async plan(input: { ownerAgencyId: number; published?: boolean; clusterId?: number | null; code?: string }) {
      const now = nowIso();
      const n = next();
      const plan = await db
        .insertInto("plans")
        .values({
          code: input.code ?? `TEST-PLAN-${n}-${Date.now()}`,
          title_en: `Test plan ${n}`,
          title_th: `แผนทดสอบ ${n}`,
          level: "national",
          owner_agency_id: input.ownerAgencyId,
          period_start: "2019-10-01",
          period_end: "2024-09-30",
          published: input.published === false ? 0 : 1,
          cluster_id: input.clusterId ?? null,
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
      const node = await this.node({ planId: plan.id, kind: "strategy", code: "S1", titleEn: "Strategy 1" });
      return { planId: plan.id, nodeId: node };
    },

    async node(input: {
      planId: number;
      kind: string;
      code: string;
      titleEn: string;
      parentId?: number | null;
    }): Promise<number> {
      const row = await db
        .insertInto("plan_nodes")
        .values({
          plan_id: input.planId,
          parent_id: input.parentId ?? null,
          kind: input.kind,
          code: input.code,
          position: next(),
          title_en: input.titleEn,
          title_th: `${input.titleEn} (ไทย)`,
          body_en: null,
          body_th: null,
          serves_node_id: null,
          updated_at: nowIso(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async indicator(input: {
      nodeId: number;
      code: string;
      aggregation: AggregationRule;
      ratioScale?: number | null;
      direction?: "increase" | "decrease" | "none";
      baselineValue?: number | null;
      baselinePeriod?: string | null;
      unit?: string | null;
    }): Promise<number> {
      const row = await db
        .insertInto("indicators")
        .values({
          plan_node_id: input.nodeId,
          code: input.code,
          name_en: `Indicator ${input.code}`,
          name_th: `ตัวชี้วัด ${input.code}`,
          unit: input.unit ?? null,
          position: next(),
          direction: input.direction ?? "increase",
          aggregation: input.aggregation,
          ratio_scale: input.ratioScale ?? null,
          baseline_value: input.baselineValue ?? null,
          baseline_period: input.baselinePeriod ?? null,
          decimals: null,
          description_en: null,
          description_th: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async target(input: {
      indicatorId: number;
      target: Target | null;
      periodKey?: string | null;
      unit?: OrgUnit | null;
      textEn?: string;
    }): Promise<number> {
      const row = await db
        .insertInto("indicator_targets")
        .values({
          indicator_id: input.indicatorId,
          period_label: input.periodKey ?? null,
          text_en: input.textEn ?? (input.target ? formatTarget(input.target, "en") : "to be determined"),
          text_th: input.target ? formatTarget(input.target, "th") : null,
          target_json: input.target ? JSON.stringify(input.target) : null,
          period_key: input.periodKey ?? null,
          org_unit_type: input.unit?.type ?? null,
          org_unit_code: input.unit?.code ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** One stored value (approved unless said otherwise), the total unless a disaggregation is given. */
    async value(input: {
      indicatorId: number;
      unit: OrgUnit;
      periodKey: string;
      value?: number | null;
      numerator?: number | null;
      denominator?: number | null;
      weight?: number | null;
      status?: "draft" | "submitted" | "approved" | "rejected";
      disaggregation?: string;
    }): Promise<void> {
      const now = nowIso();
      await db
        .insertInto("indicator_values")
        .values({
          indicator_id: input.indicatorId,
          org_unit_type: input.unit.type,
          org_unit_code: input.unit.code,
          period_key: input.periodKey,
          disaggregation: input.disaggregation ?? "",
          value: input.value ?? null,
          numerator: input.numerator ?? null,
          denominator: input.denominator ?? null,
          weight: input.weight ?? null,
          source: "test",
          note: null,
          evidence_url: null,
          status: input.status ?? "approved",
          review_note: null,
          entered_by: null,
          submitted_at: null,
          approved_by: null,
          approved_at: input.status === undefined || input.status === "approved" ? now : null,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
  };
}

export type DashboardFactory = ReturnType<typeof dashboardFactory>;

export const province = (code: string): OrgUnit => ({ type: "province", code });
