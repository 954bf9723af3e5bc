import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/** Reference geography, agencies, plans, users, sessions and the append-only audit log. */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();

  await db.schema
    .createTable("meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("regions")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name_th", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("provinces")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("iso", "text", (c) => c.notNull().unique())
    .addColumn("name_th", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .execute();

  await db.schema
    .createTable("districts")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("province_code", "text", (c) => c.notNull().references("provinces.code"))
    .addColumn("name_th", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("districts_province_idx").on("districts").column("province_code").execute();

  await db.schema
    .createTable("province_boundaries")
    .addColumn("province_code", "text", (c) => c.primaryKey().references("provinces.code"))
    .addColumn("geometry_json", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("provincial_clusters")
    .addColumn("id", "integer", id)
    .addColumn("number", "integer", (c) => c.notNull().unique())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_th", "text")
    .addColumn("position_en", "text", (c) => c.notNull())
    .addColumn("position_th", "text")
    .addColumn("issues_json", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("provincial_cluster_provinces")
    .addColumn("provincial_cluster_id", "integer", (c) => c.notNull().references("provincial_clusters.id"))
    .addColumn("province_code", "text", (c) => c.notNull().references("provinces.code"))
    .addPrimaryKeyConstraint("provincial_cluster_provinces_pk", ["provincial_cluster_id", "province_code"])
    .execute();
  await db.schema
    .createIndex("provincial_cluster_provinces_province_idx")
    .on("provincial_cluster_provinces")
    .column("province_code")
    .execute();

  await db.schema
    .createTable("agencies")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_th", "text")
    .addColumn("abbreviation", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("description_en", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("plans")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_th", "text")
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("owner_agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("plan_nodes")
    .addColumn("id", "integer", id)
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("parent_id", "integer", (c) => c.references("plan_nodes.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_th", "text")
    .addColumn("body_en", "text")
    .addColumn("body_th", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("plan_nodes_plan_code_uq", ["plan_id", "code"])
    .execute();
  await db.schema.createIndex("plan_nodes_parent_idx").on("plan_nodes").column("parent_id").execute();

  await db.schema
    .createTable("indicators")
    .addColumn("id", "integer", id)
    .addColumn("plan_node_id", "integer", (c) => c.notNull().references("plan_nodes.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_th", "text")
    .addColumn("unit", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("indicators_node_idx").on("indicators").column("plan_node_id").execute();

  await db.schema
    .createTable("indicator_targets")
    .addColumn("id", "integer", id)
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id"))
    .addColumn("period_label", "text")
    .addColumn("text_en", "text", (c) => c.notNull())
    .addColumn("text_th", "text")
    .addColumn("target_json", "text")
    .execute();
  await db.schema
    .createIndex("indicator_targets_indicator_idx")
    .on("indicator_targets")
    .column("indicator_id")
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", id)
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("enterprise_id", "integer")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("last_login_at", "text")
    .execute();

  // Cluster scopes of coordinators; the clusters table arrives with the registry, the foreign key then.
  await db.schema
    .createTable("user_clusters")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("cluster_id", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_clusters_pk", ["user_id", "cluster_id"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", id)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .execute();
  await db.schema.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity_type", "entity_id"]).execute();
  await db.schema.createIndex("audit_log_actor_idx").on("audit_log").columns(["actor_user_id", "id"]).execute();

  // The audit log is append-only: the database itself refuses to change or remove an entry.
  if (dialect === "postgres") {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }
}
