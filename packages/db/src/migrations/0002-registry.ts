import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * The cluster registry: clusters, enterprises (one record per firm however many clusters it is in),
 * memberships on the value chain, support institutions, linkages, the search index and import batches.
 * Large tables carry the key they would be distributed by on Citus (enterprise_id / cluster_id).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const money = dialect === "postgres" ? "double precision" : "real";

  await db.schema
    .createTable("clusters")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name_th", "text")
    .addColumn("name_en", "text")
    .addColumn("description_th", "text")
    .addColumn("description_en", "text")
    .addColumn("tsic_code", "text")
    .addColumn("isic_code", "text")
    .addColumn("parent_id", "integer", (c) => c.references("clusters.id"))
    .addColumn("coordinator_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("coordinating_agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("cooperating_agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("policy_tags_json", "text", (c) => c.notNull())
    .addColumn("maturity", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("clusters_parent_idx").on("clusters").column("parent_id").execute();

  await db.schema
    .createTable("cluster_provinces")
    .addColumn("cluster_id", "integer", (c) => c.notNull().references("clusters.id").onDelete("cascade"))
    .addColumn("province_code", "text", (c) => c.notNull().references("provinces.code"))
    .addPrimaryKeyConstraint("cluster_provinces_pk", ["cluster_id", "province_code"])
    .execute();
  await db.schema
    .createIndex("cluster_provinces_province_idx")
    .on("cluster_provinces")
    .columns(["province_code", "cluster_id"])
    .execute();

  await db.schema
    .createTable("cluster_participations")
    .addColumn("cluster_id", "integer", (c) => c.notNull().references("clusters.id").onDelete("cascade"))
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("programme", "text")
    .addPrimaryKeyConstraint("cluster_participations_pk", ["cluster_id", "agency_id", "fiscal_year"])
    .execute();

  await db.schema
    .createTable("enterprises")
    .addColumn("id", "integer", id)
    .addColumn("juristic_id", "text", (c) => c.unique())
    .addColumn("ce_registration_no", "text", (c) => c.unique())
    .addColumn("name_th", "text")
    .addColumn("name_en", "text")
    .addColumn("legal_form", "text", (c) => c.notNull())
    .addColumn("size_class", "text")
    .addColumn("revenue", money)
    .addColumn("employees", "integer")
    .addColumn("capital", money)
    .addColumn("tsic_code", "text")
    .addColumn("business_type", "text")
    .addColumn("address", "text")
    .addColumn("province_code", "text", (c) => c.references("provinces.code"))
    .addColumn("district_code", "text", (c) => c.references("districts.code"))
    .addColumn("postcode", "text")
    .addColumn("registered_on", "text")
    .addColumn("published", "integer", (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("enterprises_province_idx")
    .on("enterprises")
    .columns(["province_code", "size_class"])
    .execute();
  await db.schema.createIndex("enterprises_tsic_idx").on("enterprises").column("tsic_code").execute();

  await db.schema
    .createTable("enterprise_products")
    .addColumn("id", "integer", id)
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("tsic_code", "text")
    .execute();
  await db.schema
    .createIndex("enterprise_products_enterprise_idx")
    .on("enterprise_products")
    .column("enterprise_id")
    .execute();

  // Personal data: names, phones and e-mails of people; masked for roles that do not need them.
  await db.schema
    .createTable("enterprise_contacts")
    .addColumn("id", "integer", id)
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("name", "text")
    .addColumn("position", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .execute();
  await db.schema
    .createIndex("enterprise_contacts_enterprise_idx")
    .on("enterprise_contacts")
    .column("enterprise_id")
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("id", "integer", id)
    .addColumn("cluster_id", "integer", (c) => c.notNull().references("clusters.id").onDelete("cascade"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("joined_on", "text")
    .addColumn("left_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("memberships_cluster_enterprise_uq", ["cluster_id", "enterprise_id"])
    .execute();
  await db.schema
    .createIndex("memberships_enterprise_idx")
    .on("memberships")
    .columns(["enterprise_id", "cluster_id"])
    .execute();
  await db.schema
    .createIndex("memberships_cluster_stage_idx")
    .on("memberships")
    .columns(["cluster_id", "stage"])
    .execute();

  await db.schema
    .createTable("institutions")
    .addColumn("id", "integer", id)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name_th", "text")
    .addColumn("name_en", "text")
    .addColumn("description", "text")
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("province_code", "text", (c) => c.references("provinces.code"))
    .addColumn("published", "integer", (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cluster_institutions")
    .addColumn("cluster_id", "integer", (c) => c.notNull().references("clusters.id").onDelete("cascade"))
    .addColumn("institution_id", "integer", (c) => c.notNull().references("institutions.id").onDelete("cascade"))
    .addColumn("role", "text")
    .addPrimaryKeyConstraint("cluster_institutions_pk", ["cluster_id", "institution_id"])
    .execute();

  await db.schema
    .createTable("linkages")
    .addColumn("id", "integer", id)
    .addColumn("cluster_id", "integer", (c) => c.references("clusters.id").onDelete("cascade"))
    .addColumn("from_type", "text", (c) => c.notNull())
    .addColumn("from_id", "integer", (c) => c.notNull())
    .addColumn("to_type", "text", (c) => c.notNull())
    .addColumn("to_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("product", "text")
    .addColumn("annual_value", money)
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("linkages_cluster_idx").on("linkages").column("cluster_id").execute();
  await db.schema.createIndex("linkages_from_idx").on("linkages").columns(["from_type", "from_id"]).execute();
  await db.schema.createIndex("linkages_to_idx").on("linkages").columns(["to_type", "to_id"]).execute();

  // Thai-aware search: one row per (term, entity); prefix search is a range scan on the term index, which
  // needs byte order: SQLite's default BINARY collation, and "C" on PostgreSQL whatever the database's locale.
  await db.schema
    .createTable("search_terms")
    .addColumn("term", dialect === "postgres" ? sql`text collate "C"` : "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("weight", "integer", (c) => c.notNull())
    .execute();
  // Both indexes cover the columns a search reads, so walking postings never touches the table.
  await db.schema
    .createIndex("search_terms_term_idx")
    .on("search_terms")
    .columns(["term", "entity_type", "entity_id", "field", "weight"])
    .execute();
  await db.schema
    .createIndex("search_terms_entity_idx")
    .on("search_terms")
    .columns(["entity_type", "entity_id", "term", "field", "weight"])
    .execute();

  await db.schema
    .createTable("import_mappings")
    .addColumn("id", "integer", id)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("mapping_json", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("import_mappings_uq", ["kind", "source_key"])
    .execute();

  await db.schema
    .createTable("import_batches")
    .addColumn("id", "integer", id)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("counts_json", "text")
    .addColumn("actor_user_id", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
}
