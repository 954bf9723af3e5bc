import { sql, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * The catalogue's filters in its search index (issue 14, point 8: catalogue search p95 < 20 ms on 200,000
 * products). Each row of search_product gains `facets`: its firm's province, its TSIC section, the kinds of its
 * certifications (expired ones too) and the clusters its firm is an approved, current member of. The index then
 * intersects a filter with the words (or with other filters) itself, instead of every match of a common word being
 * joined to firms, memberships and certifications to find the few that pass. The facets only narrow: the catalogue
 * still checks every filter on the rows found (expiry included), so a facet left over never lets a wrong product
 * through; a missing one would hide a product, hence triggers keep them current whatever writes the source rows
 * (the app, imports, an import's undo):
 *
 * - product_facets (a view) computes a product's facets from the tables; writing a product's search row takes its
 *   facets from there (search.repository.ts);
 * - triggers on enterprises (province), memberships (insert, delete, cluster, firm, approval, leaving),
 *   product_certifications (insert, delete, kind, product) and products (section, firm) rewrite the facets of the
 *   products they touch from the view.
 *
 * SQLite: a third FTS5 column, each facet a token of three characters — a marker of its kind in the Supplementary
 * Private Use Area (U+F0001 province, U+F0002 section, U+F0003 certification, U+F0004 cluster) and two characters of
 * its value (the province code, the section letter padded with "_", the certification kind's first two letters; a
 * cluster id as two base-4096 digits from U+F1000). Every trigram of the column holds a marker, which no name, body
 * or query holds (folding strips private-use characters), so a facet's trigram lists exactly its products. The
 * table is rebuilt with the column (FTS5 adds none). PostgreSQL: a text[] column ("p:32", "s:C", "c:organic",
 * "k:17"), in the trigram GIN index as its first column.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === "postgres") await upPostgres(db);
  else await upSqlite(db);
}

async function upSqlite(db: Db): Promise<void> {
  const token = (marker: number, value: string) => `char(${0xf0000 + marker}) || substr(${value} || '__', 1, 2)`;
  await sql
    .raw(
      `CREATE VIEW product_facets AS
      SELECT p.id AS id,
        coalesce(${token(1, "e.province_code")}, '')
        || coalesce(${token(2, "p.tsic_section")}, '')
        || coalesce((SELECT group_concat(${token(3, "c.kind")}, '') FROM product_certifications c
             WHERE c.product_id = p.id), '')
        || coalesce((SELECT group_concat(char(${0xf0004}, ${0xf1000} + (m.cluster_id / 4096) % 4096,
               ${0xf1000} + m.cluster_id % 4096), '')
             FROM memberships m
             WHERE m.enterprise_id = p.enterprise_id AND m.approved_at IS NOT NULL AND m.left_on IS NULL), '')
        AS facets
      FROM products p JOIN enterprises e ON e.id = p.enterprise_id`,
    )
    .execute(db);
  await sql`CREATE VIRTUAL TABLE search_product_next USING fts5(name, body, facets, tokenize = 'trigram', columnsize = 0)`.execute(
    db,
  );
  await sql`INSERT INTO search_product_next (rowid, name, body, facets)
    SELECT s.rowid, s.name, s.body, coalesce((SELECT f.facets FROM product_facets f WHERE f.id = s.rowid), '')
    FROM search_product s`.execute(db);
  await sql`DROP TABLE search_product`.execute(db);
  await sql`ALTER TABLE search_product_next RENAME TO search_product`.execute(db);

  const refresh = (products: string) =>
    `UPDATE search_product SET facets = coalesce((SELECT f.facets FROM product_facets f WHERE f.id = search_product.rowid), '')
      WHERE rowid IN (${products});`;
  const ofFirm = (firm: string) => `SELECT id FROM products WHERE enterprise_id = ${firm}`;
  const triggers = [
    `CREATE TRIGGER product_facets_province AFTER UPDATE OF province_code ON enterprises
      WHEN NEW.province_code IS NOT OLD.province_code
      BEGIN ${refresh(ofFirm("NEW.id"))} END`,
    `CREATE TRIGGER product_facets_product AFTER UPDATE OF tsic_section, enterprise_id ON products
      WHEN NEW.tsic_section IS NOT OLD.tsic_section OR NEW.enterprise_id IS NOT OLD.enterprise_id
      BEGIN ${refresh("NEW.id")} END`,
    `CREATE TRIGGER product_facets_certification_insert AFTER INSERT ON product_certifications
      BEGIN ${refresh("NEW.product_id")} END`,
    `CREATE TRIGGER product_facets_certification_delete AFTER DELETE ON product_certifications
      BEGIN ${refresh("OLD.product_id")} END`,
    `CREATE TRIGGER product_facets_certification_update AFTER UPDATE OF kind, product_id ON product_certifications
      WHEN NEW.kind IS NOT OLD.kind OR NEW.product_id IS NOT OLD.product_id
      BEGIN ${refresh("NEW.product_id, OLD.product_id")} END`,
    `CREATE TRIGGER product_facets_membership_insert AFTER INSERT ON memberships
      BEGIN ${refresh(ofFirm("NEW.enterprise_id"))} END`,
    `CREATE TRIGGER product_facets_membership_delete AFTER DELETE ON memberships
      BEGIN ${refresh(ofFirm("OLD.enterprise_id"))} END`,
    `CREATE TRIGGER product_facets_membership_update
      AFTER UPDATE OF cluster_id, enterprise_id, approved_at, left_on ON memberships
      WHEN NEW.cluster_id IS NOT OLD.cluster_id OR NEW.enterprise_id IS NOT OLD.enterprise_id
        OR (NEW.approved_at IS NULL) IS NOT (OLD.approved_at IS NULL) OR (NEW.left_on IS NULL) IS NOT (OLD.left_on IS NULL)
      BEGIN ${refresh(`${ofFirm("NEW.enterprise_id")} UNION ${ofFirm("OLD.enterprise_id")}`)} END`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

async function upPostgres(db: Db): Promise<void> {
  await sql`CREATE VIEW product_facets AS
    SELECT p.id,
      array_remove(ARRAY['p:' || e.province_code, 's:' || p.tsic_section], NULL)
      || ARRAY(SELECT DISTINCT 'c:' || c.kind FROM product_certifications c WHERE c.product_id = p.id)
      || ARRAY(SELECT 'k:' || m.cluster_id FROM memberships m
           WHERE m.enterprise_id = p.enterprise_id AND m.approved_at IS NOT NULL AND m.left_on IS NULL) AS facets
    FROM products p JOIN enterprises e ON e.id = p.enterprise_id`.execute(db);
  await sql`ALTER TABLE search_product ADD COLUMN facets text[] NOT NULL DEFAULT '{}'`.execute(db);
  await sql`UPDATE search_product s SET facets = f.facets FROM product_facets f WHERE f.id = s.id`.execute(db);
  // One GIN index over the facets and the trigrams: a scan for a word under a filter intersects both posting lists
  // itself, skipping through the longer one (with two indexes each bitmap is built whole, then ANDed).
  await sql`DROP INDEX search_product_trgm`.execute(db);
  await sql`CREATE INDEX search_product_trgm ON search_product USING gin (facets, name gin_trgm_ops, body gin_trgm_ops)`.execute(
    db,
  );

  await sql`CREATE FUNCTION refresh_product_facets(ids integer[]) RETURNS void AS $$
      UPDATE search_product s SET facets = f.facets FROM product_facets f
      WHERE f.id = s.id AND s.id = ANY(ids) AND s.facets IS DISTINCT FROM f.facets
    $$ LANGUAGE sql`.execute(db);
  await sql`CREATE FUNCTION product_facets_of_firms() RETURNS trigger AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        PERFORM refresh_product_facets(ARRAY(SELECT id FROM products WHERE enterprise_id = OLD.enterprise_id));
      END IF;
      IF TG_OP <> 'DELETE' THEN
        PERFORM refresh_product_facets(ARRAY(SELECT id FROM products WHERE enterprise_id = NEW.enterprise_id));
      END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE FUNCTION product_facets_of_products() RETURNS trigger AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN PERFORM refresh_product_facets(ARRAY[OLD.product_id]); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM refresh_product_facets(ARRAY[NEW.product_id]); END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE FUNCTION product_facets_of_firm() RETURNS trigger AS $$
    BEGIN
      PERFORM refresh_product_facets(ARRAY(SELECT id FROM products WHERE enterprise_id = NEW.id));
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE FUNCTION product_facets_of_product() RETURNS trigger AS $$
    BEGIN
      PERFORM refresh_product_facets(ARRAY[NEW.id]);
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  await sql`CREATE TRIGGER product_facets_province AFTER UPDATE OF province_code ON enterprises
    FOR EACH ROW WHEN (NEW.province_code IS DISTINCT FROM OLD.province_code)
    EXECUTE FUNCTION product_facets_of_firm()`.execute(db);
  await sql`CREATE TRIGGER product_facets_product AFTER UPDATE OF tsic_section, enterprise_id ON products
    FOR EACH ROW WHEN (NEW.tsic_section IS DISTINCT FROM OLD.tsic_section OR NEW.enterprise_id IS DISTINCT FROM OLD.enterprise_id)
    EXECUTE FUNCTION product_facets_of_product()`.execute(db);
  await sql`CREATE TRIGGER product_facets_certification AFTER INSERT OR DELETE OR UPDATE OF kind, product_id
    ON product_certifications FOR EACH ROW EXECUTE FUNCTION product_facets_of_products()`.execute(db);
  await sql`CREATE TRIGGER product_facets_membership
    AFTER INSERT OR DELETE OR UPDATE OF cluster_id, enterprise_id, approved_at, left_on
    ON memberships FOR EACH ROW EXECUTE FUNCTION product_facets_of_firms()`.execute(db);
}
