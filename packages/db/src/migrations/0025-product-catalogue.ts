import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * The product catalogue (issue 14, point 1).
 *
 * products: a member firm's product (enterprise_id), named in Thai and/or English, with its category (tsic_code, and
 * tsic_section, the code's section letter kept beside it so the catalogue filters by section through an index; hs_code
 * for export, 4-10 digits), descriptions, a price range in baht per price_unit, a minimum order and a monthly
 * capacity (each with its unit), BCG tags (JSON array of core `bcgTags`) and export markets (JSON array of ISO 3166
 * alpha-2 codes). status: draft | published; published_at is set when first published and kept on re-publishing
 * (the catalogue lists newest first). The older `enterprise_products` (a firm's product names from the registry and
 * its imports) is left as it is: it is what the registry search finds a firm by.
 * product_certifications: อย. (fda), มอก. (tisi), GMP, Halal, organic, GI and OTOP stars, each with its number, OTOP
 * stars 1-5 (otop only) and an expiry date; an expired one stays recorded and is shown as expired.
 * product_photos: uploaded photos, kept as content-addressed files (storage keys are the SHA-256 of the bytes kept):
 * the display size and the thumbnail, with their size and dimensions; position orders them (0 is the cover).
 * product_inquiries: a buyer's "request a quote" from the public catalogue: the buyer's organisation and country,
 * the contact (personal data: name, e-mail, phone), quantity, message and consent to pass the contact to the firm.
 * status: new | answered | closed.
 * deals.inquiry_id: the inquiry a deal (stage lead, migration 0024) was opened from; at most one deal per inquiry.
 * search_product: the catalogue's trigram index (as 0011's search_enterprise): the product's names, and its
 * descriptions and the firm's names as the body.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const amount = dialect === "postgres" ? "double precision" : "real";

  await db.schema
    .createTable("products")
    .addColumn("id", "integer", id)
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("name_th", "text")
    .addColumn("name_en", "text")
    .addColumn("tsic_code", "text")
    .addColumn("tsic_section", "text")
    .addColumn("hs_code", "text")
    .addColumn("description_th", "text")
    .addColumn("description_en", "text")
    .addColumn("price_min", amount, (c) => c.check(sql`price_min >= 0`))
    .addColumn("price_max", amount, (c) => c.check(sql`price_max >= 0`))
    .addColumn("price_unit", "text")
    .addColumn("min_order", amount, (c) => c.check(sql`min_order >= 0`))
    .addColumn("min_order_unit", "text")
    .addColumn("capacity_per_month", amount, (c) => c.check(sql`capacity_per_month >= 0`))
    .addColumn("capacity_unit", "text")
    .addColumn("bcg_tags", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("export_markets", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("published_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("products_name_check", sql`name_th is not null or name_en is not null`)
    .addCheckConstraint("products_status_check", sql`status in ('draft', 'published')`)
    .addCheckConstraint("products_price_check", sql`price_min is null or price_max is null or price_min <= price_max`)
    .execute();
  await db.schema.createIndex("products_enterprise_idx").on("products").columns(["enterprise_id", "id"]).execute();
  // The catalogue without a query: published products, newest first, narrowed by category.
  await db.schema.createIndex("products_published_idx").on("products").columns(["status", "published_at"]).execute();
  await db.schema.createIndex("products_section_idx").on("products").columns(["status", "tsic_section"]).execute();
  await db.schema.createIndex("products_tsic_idx").on("products").columns(["status", "tsic_code"]).execute();
  await db.schema.createIndex("products_hs_idx").on("products").columns(["status", "hs_code"]).execute();

  await db.schema
    .createTable("product_certifications")
    .addColumn("id", "integer", id)
    .addColumn("product_id", "integer", (c) => c.notNull().references("products.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("number", "text")
    .addColumn("otop_stars", "integer", (c) => c.check(sql`otop_stars between 1 and 5`))
    .addColumn("expires_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("product_certifications_product_idx")
    .on("product_certifications")
    .column("product_id")
    .execute();
  // The certification filter: the products holding a kind, with the expiry to leave out expired ones.
  await db.schema
    .createIndex("product_certifications_kind_idx")
    .on("product_certifications")
    .columns(["kind", "product_id", "expires_on"])
    .execute();

  await db.schema
    .createTable("product_photos")
    .addColumn("id", "integer", id)
    .addColumn("product_id", "integer", (c) => c.notNull().references("products.id").onDelete("cascade"))
    .addColumn("original_key", "text", (c) => c.notNull())
    .addColumn("display_key", "text", (c) => c.notNull())
    .addColumn("thumbnail_key", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("product_photos_product_idx")
    .on("product_photos")
    .columns(["product_id", "position"])
    .execute();

  await db.schema
    .createTable("product_inquiries")
    .addColumn("id", "integer", id)
    .addColumn("product_id", "integer", (c) => c.notNull().references("products.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("buyer_organisation", "text", (c) => c.notNull())
    .addColumn("buyer_country", "text", (c) => c.notNull())
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text")
    .addColumn("quantity", "text")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("consent", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("new"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("product_inquiries_status_check", sql`status in ('new', 'answered', 'closed')`)
    .execute();
  await db.schema
    .createIndex("product_inquiries_enterprise_idx")
    .on("product_inquiries")
    .columns(["enterprise_id", "created_at"])
    .execute();
  await db.schema.createIndex("product_inquiries_product_idx").on("product_inquiries").column("product_id").execute();

  await db.schema
    .alterTable("deals")
    .addColumn("inquiry_id", "integer", (c) => c.references("product_inquiries.id"))
    .execute();
  await db.schema.createIndex("deals_inquiry_idx").on("deals").column("inquiry_id").unique().execute();

  if (dialect === "postgres") {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE TABLE search_product (id integer PRIMARY KEY, name text NOT NULL, body text NOT NULL)`.execute(db);
    await sql`CREATE INDEX search_product_trgm ON search_product USING gin (name gin_trgm_ops, body gin_trgm_ops)`.execute(
      db,
    );
  } else {
    await sql`CREATE VIRTUAL TABLE search_product USING fts5(name, body, tokenize = 'trigram', columnsize = 0)`.execute(
      db,
    );
  }
}
