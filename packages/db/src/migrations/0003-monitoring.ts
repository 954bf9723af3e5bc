import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Monitoring and evaluation: plans at every level (versioned, their nodes linked to a node of a higher
 * plan), indicators with their aggregation rule and disaggregations, targets per period and org unit,
 * values per indicator × org unit × period × disaggregation with an approval workflow and locked periods;
 * programmes with budgets, the clusters and firms they support, activities with participants and
 * outcomes, and economic-value claims attributed to one or more programmes (counted once in totals).
 *
 * Org units are (type, code) pairs: nation "TH", region code, provincial cluster id, province DOPA code,
 * cluster id, programme id, all as text. Periods are keys such as "FY2021", "CY2021", "FY2021-Q1"
 * (see `@sainam/core` period.ts).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const real = dialect === "postgres" ? "double precision" : "real";

  await db.schema
    .createTable("programmes")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_th", "text")
    .addColumn("description_en", "text")
    .addColumn("description_th", "text")
    .addColumn("first_fiscal_year", "integer", (c) => c.notNull())
    .addColumn("last_fiscal_year", "integer")
    .addColumn("published", "integer", (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("programmes_agency_idx").on("programmes").column("agency_id").execute();

  // Plans of every level: national strategy, agency programme, provincial-cluster plan, cluster master /
  // action plan. A new version for a new period copies the tree and points back at the version it replaces.
  await db.schema
    .alterTable("plans")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .execute();
  await db.schema
    .alterTable("plans")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("plans")
    .addColumn("previous_version_id", "integer", (c) => c.references("plans.id"))
    .execute();
  await db.schema
    .alterTable("plans")
    .addColumn("cluster_id", "integer", (c) => c.references("clusters.id"))
    .execute();
  await db.schema
    .alterTable("plans")
    .addColumn("provincial_cluster_id", "integer", (c) => c.references("provincial_clusters.id"))
    .execute();
  await db.schema
    .alterTable("plans")
    .addColumn("programme_id", "integer", (c) => c.references("programmes.id"))
    .execute();
  await db.schema
    .alterTable("plans")
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("plans").addColumn("description_en", "text").execute();
  await db.schema.alterTable("plans").addColumn("description_th", "text").execute();
  await db.schema.createIndex("plans_cluster_idx").on("plans").column("cluster_id").execute();

  // A node may serve a node of a higher plan, so an activity traces up to the strategy it serves.
  await db.schema
    .alterTable("plan_nodes")
    .addColumn("serves_node_id", "integer", (c) => c.references("plan_nodes.id"))
    .execute();
  await db.schema.createIndex("plan_nodes_serves_idx").on("plan_nodes").column("serves_node_id").execute();
  await db.schema
    .createIndex("plan_nodes_plan_idx")
    .on("plan_nodes")
    .columns(["plan_id", "parent_id", "position"])
    .execute();

  // direction: increase | decrease | none. aggregation: sum | mean | weighted_mean | ratio | none.
  // A ratio is recomputed from numerator and denominator (× ratio_scale, 100 for a percentage), never averaged.
  await db.schema
    .alterTable("indicators")
    .addColumn("direction", "text", (c) => c.notNull().defaultTo("increase"))
    .execute();
  await db.schema
    .alterTable("indicators")
    .addColumn("aggregation", "text", (c) => c.notNull().defaultTo("sum"))
    .execute();
  await db.schema.alterTable("indicators").addColumn("ratio_scale", real).execute();
  await db.schema.alterTable("indicators").addColumn("baseline_value", real).execute();
  await db.schema.alterTable("indicators").addColumn("baseline_period", "text").execute();
  await db.schema
    .alterTable("indicators")
    .addColumn("disaggregations_json", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema.alterTable("indicators").addColumn("decimals", "integer").execute();
  await db.schema.alterTable("indicators").addColumn("description_en", "text").execute();
  await db.schema.alterTable("indicators").addColumn("description_th", "text").execute();

  // Targets per period (null: the plan's whole period) and per org unit (null: every unit).
  await db.schema.alterTable("indicator_targets").addColumn("period_key", "text").execute();
  await db.schema.alterTable("indicator_targets").addColumn("org_unit_type", "text").execute();
  await db.schema.alterTable("indicator_targets").addColumn("org_unit_code", "text").execute();

  // One row per indicator × org unit × period × disaggregation ("" for the total; otherwise canonical
  // "dimension=option;dimension=option", dimensions in alphabetical order).
  // status: draft | submitted | approved | rejected.
  await db.schema
    .createTable("indicator_values")
    .addColumn("id", "integer", id)
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id"))
    .addColumn("org_unit_type", "text", (c) => c.notNull())
    .addColumn("org_unit_code", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("disaggregation", "text", (c) => c.notNull())
    .addColumn("value", real)
    .addColumn("numerator", real)
    .addColumn("denominator", real)
    .addColumn("weight", real)
    .addColumn("source", "text")
    .addColumn("note", "text")
    .addColumn("evidence_url", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("review_note", "text")
    .addColumn("entered_by", "integer", (c) => c.references("users.id"))
    .addColumn("submitted_at", "text")
    .addColumn("approved_by", "integer", (c) => c.references("users.id"))
    .addColumn("approved_at", "text")
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("indicator_values_uq", [
      "indicator_id",
      "org_unit_type",
      "org_unit_code",
      "period_key",
      "disaggregation",
    ])
    .execute();
  // Dashboards and maps read one indicator and period across many units: this index covers them.
  await db.schema
    .createIndex("indicator_values_period_idx")
    .on("indicator_values")
    .columns([
      "indicator_id",
      "period_key",
      "org_unit_type",
      "disaggregation",
      "status",
      "org_unit_code",
      "value",
      "numerator",
      "denominator",
      "weight",
    ])
    .execute();

  await db.schema
    .createTable("period_locks")
    .addColumn("id", "integer", id)
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("locked_by", "integer", (c) => c.references("users.id"))
    .addColumn("locked_at", "text", (c) => c.notNull())
    .addUniqueConstraint("period_locks_uq", ["plan_id", "period_key"])
    .execute();

  // The clusters and firms a programme supports in a fiscal year.
  await db.schema
    .createTable("programme_clusters")
    .addColumn("programme_id", "integer", (c) => c.notNull().references("programmes.id").onDelete("cascade"))
    .addColumn("cluster_id", "integer", (c) => c.notNull().references("clusters.id"))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("programme_clusters_pk", ["programme_id", "cluster_id", "fiscal_year"])
    .execute();
  await db.schema
    .createIndex("programme_clusters_cluster_idx")
    .on("programme_clusters")
    .columns(["cluster_id", "fiscal_year"])
    .execute();

  await db.schema
    .createTable("programme_enterprises")
    .addColumn("programme_id", "integer", (c) => c.notNull().references("programmes.id").onDelete("cascade"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("cluster_id", "integer", (c) => c.references("clusters.id"))
    .addPrimaryKeyConstraint("programme_enterprises_pk", ["programme_id", "enterprise_id", "fiscal_year"])
    .execute();
  await db.schema
    .createIndex("programme_enterprises_enterprise_idx")
    .on("programme_enterprises")
    .columns(["enterprise_id", "fiscal_year"])
    .execute();

  // Allocations and spending per programme, cluster (null: the programme as a whole) and fiscal year.
  await db.schema
    .createTable("budget_allocations")
    .addColumn("id", "integer", id)
    .addColumn("programme_id", "integer", (c) => c.notNull().references("programmes.id").onDelete("cascade"))
    .addColumn("cluster_id", "integer", (c) => c.references("clusters.id"))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("allocated", real, (c) => c.notNull())
    .addColumn("spent", real)
    .addColumn("note", "text")
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("budget_allocations_programme_idx")
    .on("budget_allocations")
    .columns(["programme_id", "fiscal_year"])
    .execute();

  // kind: training | consulting | study_visit | product_development | trade_fair | business_matching | marketing.
  await db.schema
    .createTable("activities")
    .addColumn("id", "integer", id)
    .addColumn("programme_id", "integer", (c) => c.references("programmes.id"))
    .addColumn("cluster_id", "integer", (c) => c.references("clusters.id"))
    .addColumn("plan_node_id", "integer", (c) => c.references("plan_nodes.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_th", "text")
    .addColumn("description_en", "text")
    .addColumn("description_th", "text")
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("province_code", "text", (c) => c.references("provinces.code"))
    .addColumn("budget", real)
    .addColumn("spent", real)
    .addColumn("participant_count", "integer")
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("activities_programme_idx")
    .on("activities")
    .columns(["programme_id", "fiscal_year"])
    .execute();
  await db.schema
    .createIndex("activities_cluster_idx")
    .on("activities")
    .columns(["cluster_id", "fiscal_year"])
    .execute();

  await db.schema
    .createTable("activity_participants")
    .addColumn("activity_id", "integer", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addPrimaryKeyConstraint("activity_participants_pk", ["activity_id", "enterprise_id"])
    .execute();
  await db.schema
    .createIndex("activity_participants_enterprise_idx")
    .on("activity_participants")
    .column("enterprise_id")
    .execute();

  // kind: sales | deals | new_products | certifications | investment | cost_reduction | jobs.
  await db.schema
    .createTable("activity_outcomes")
    .addColumn("id", "integer", id)
    .addColumn("activity_id", "integer", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("enterprise_id", "integer", (c) => c.references("enterprises.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount", real)
    .addColumn("count", "integer")
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("activity_outcomes_activity_idx").on("activity_outcomes").column("activity_id").execute();

  // An economic-value claim: one amount, one method and its evidence, verified or not; attributed to one
  // or more programmes through value_claim_programmes, and counted once in any total across programmes.
  // method: sales_increase | cost_reduction | new_investment | productivity | jobs | other.
  // verification: claimed | verified | rejected.
  await db.schema
    .createTable("value_claims")
    .addColumn("id", "integer", id)
    .addColumn("enterprise_id", "integer", (c) => c.references("enterprises.id"))
    .addColumn("cluster_id", "integer", (c) => c.references("clusters.id"))
    .addColumn("activity_id", "integer", (c) => c.references("activities.id"))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("amount", real, (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("method_note", "text")
    .addColumn("evidence_url", "text")
    .addColumn("evidence_note", "text")
    .addColumn("verification", "text", (c) => c.notNull())
    .addColumn("verified_by", "integer", (c) => c.references("users.id"))
    .addColumn("verified_at", "text")
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("value_claims_enterprise_idx")
    .on("value_claims")
    .columns(["enterprise_id", "fiscal_year"])
    .execute();

  await db.schema
    .createTable("value_claim_programmes")
    .addColumn("claim_id", "integer", (c) => c.notNull().references("value_claims.id").onDelete("cascade"))
    .addColumn("programme_id", "integer", (c) => c.notNull().references("programmes.id"))
    .addPrimaryKeyConstraint("value_claim_programmes_pk", ["claim_id", "programme_id"])
    .execute();
  await db.schema
    .createIndex("value_claim_programmes_programme_idx")
    .on("value_claim_programmes")
    .columns(["programme_id", "claim_id"])
    .execute();
}
