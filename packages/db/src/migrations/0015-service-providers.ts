import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Service providers and their experts (issue 13, point 1): who SME requests for help will be routed to.
 *
 * service_providers: ITC and its branches (parent_id), TIDC, the SME Rescue Center, other centres, universities,
 * private BDS firms; kind is core `providerKinds`. agency_id links a provider to the agency that keeps it (its
 * officers manage it). contact_* are personal/organisational data, masked for the public.
 * provider_provinces: the provinces a provider serves; provider_services: the fields it offers (core `expertFields`).
 * experts: one per person, linked to a provider and, once they sign in, to an `expert` user (unique); capacity is
 * how many open cases they take at once (>= 1); available 0/1. expert_fields / expert_areas: their fields and the
 * provinces or regions they serve (area_type province | region).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();

  await db.schema
    .createTable("service_providers")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name_th", "text")
    .addColumn("name_en", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("service_providers.id"))
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("contact_name", "text")
    .addColumn("contact_phone", "text")
    .addColumn("contact_email", "text")
    .addColumn("website", "text")
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("service_providers_parent_idx").on("service_providers").column("parent_id").execute();

  await db.schema
    .createTable("provider_provinces")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("service_providers.id").onDelete("cascade"))
    .addColumn("province_code", "text", (c) => c.notNull().references("provinces.code"))
    .addPrimaryKeyConstraint("provider_provinces_pk", ["provider_id", "province_code"])
    .execute();

  await db.schema
    .createTable("provider_services")
    .addColumn("provider_id", "integer", (c) => c.notNull().references("service_providers.id").onDelete("cascade"))
    .addColumn("field", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("provider_services_pk", ["provider_id", "field"])
    .execute();

  await db.schema
    .createTable("experts")
    .addColumn("id", "integer", id)
    .addColumn("provider_id", "integer", (c) => c.notNull().references("service_providers.id"))
    .addColumn("user_id", "integer", (c) => c.unique().references("users.id"))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text")
    .addColumn("contact_email", "text")
    .addColumn("capacity", "integer", (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`capacity >= 1`),
    )
    .addColumn("available", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("experts_provider_idx").on("experts").column("provider_id").execute();

  await db.schema
    .createTable("expert_fields")
    .addColumn("expert_id", "integer", (c) => c.notNull().references("experts.id").onDelete("cascade"))
    .addColumn("field", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("expert_fields_pk", ["expert_id", "field"])
    .execute();

  await db.schema
    .createTable("expert_areas")
    .addColumn("expert_id", "integer", (c) => c.notNull().references("experts.id").onDelete("cascade"))
    .addColumn("area_type", "text", (c) => c.notNull())
    .addColumn("area_code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("expert_areas_pk", ["expert_id", "area_type", "area_code"])
    .execute();
}
