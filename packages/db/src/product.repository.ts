import {
  sql,
  type Insertable,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
  type Transaction,
  type Updateable,
} from "kysely";
import { productSearchText, type SearchText } from "@sainam/core";
import type { Dialect } from "./database.ts";
import type { DB, ProductCertificationTable, ProductInquiryTable, ProductPhotoTable, ProductTable } from "./schema.ts";
import {
  dialectOf,
  matchCondition,
  phrase,
  searchTable,
  writeSearchTexts,
  removeSearchTexts,
  type SearchPattern,
} from "./search.repository.ts";

// The product catalogue (migration 0025): a firm's products with their certifications and photos, buyers'
// inquiries, and the catalogue's search over published products (the trigram index search_product, as the
// registry's search does it: see search.repository.ts).

type Executor = Kysely<DB> | Transaction<DB>;

export type ProductRow = Selectable<ProductTable>;
export type ProductWithFirm = ProductRow & {
  firm_name_th: string | null;
  firm_name_en: string | null;
  province_code: string | null;
};
export type CertificationRow = Selectable<ProductCertificationTable>;
export type PhotoRow = Selectable<ProductPhotoTable>;
export type InquiryRow = Selectable<ProductInquiryTable>;

const IN_LIST = 500;

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function withFirm(db: Executor) {
  return db
    .selectFrom("products as p")
    .innerJoin("enterprises as e", "e.id", "p.enterprise_id")
    .selectAll("p")
    .select(["e.name_th as firm_name_th", "e.name_en as firm_name_en", "e.province_code"]);
}

export async function findProduct(db: Executor, id: number): Promise<ProductWithFirm | undefined> {
  return withFirm(db).where("p.id", "=", id).executeTakeFirst();
}

/** A firm's products, newest first. */
export async function productsOfFirm(db: Executor, enterpriseId: number): Promise<ProductWithFirm[]> {
  return withFirm(db).where("p.enterprise_id", "=", enterpriseId).orderBy("p.id", "desc").execute();
}

export async function insertProduct(db: Transaction<DB>, row: Insertable<ProductTable>): Promise<number> {
  const made = await db.insertInto("products").values(row).returning("id").executeTakeFirstOrThrow();
  return made.id;
}

export async function updateProduct(db: Transaction<DB>, id: number, patch: Updateable<ProductTable>): Promise<void> {
  await db.updateTable("products").set(patch).where("id", "=", id).execute();
}

export async function certificationsOf(db: Executor, productIds: readonly number[]): Promise<CertificationRow[]> {
  const out: CertificationRow[] = [];
  for (const part of slices([...new Set(productIds)], IN_LIST))
    out.push(
      ...(await db
        .selectFrom("product_certifications")
        .selectAll()
        .where("product_id", "in", part)
        .orderBy("id")
        .execute()),
    );
  return out;
}

export async function findCertification(
  db: Executor,
  productId: number,
  id: number,
): Promise<CertificationRow | undefined> {
  return db
    .selectFrom("product_certifications")
    .selectAll()
    .where("product_id", "=", productId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertCertification(
  db: Transaction<DB>,
  row: Insertable<ProductCertificationTable>,
): Promise<number> {
  const made = await db.insertInto("product_certifications").values(row).returning("id").executeTakeFirstOrThrow();
  return made.id;
}

export async function updateCertification(
  db: Transaction<DB>,
  id: number,
  patch: Updateable<ProductCertificationTable>,
): Promise<void> {
  await db.updateTable("product_certifications").set(patch).where("id", "=", id).execute();
}

export async function deleteCertification(db: Transaction<DB>, id: number): Promise<void> {
  await db.deleteFrom("product_certifications").where("id", "=", id).execute();
}

export async function photosOf(db: Executor, productIds: readonly number[]): Promise<PhotoRow[]> {
  const out: PhotoRow[] = [];
  for (const part of slices([...new Set(productIds)], IN_LIST))
    out.push(
      ...(await db
        .selectFrom("product_photos")
        .selectAll()
        .where("product_id", "in", part)
        .orderBy("position")
        .orderBy("id")
        .execute()),
    );
  return out;
}

export async function findPhoto(db: Executor, productId: number, id: number): Promise<PhotoRow | undefined> {
  return db
    .selectFrom("product_photos")
    .selectAll()
    .where("product_id", "=", productId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The products whose photos use a stored file (display or thumbnail), with whether each is published. */
export async function productsUsingFile(
  db: Executor,
  key: string,
): Promise<Array<{ id: number; enterprise_id: number; status: string }>> {
  return db
    .selectFrom("product_photos as f")
    .innerJoin("products as p", "p.id", "f.product_id")
    .select(["p.id", "p.enterprise_id", "p.status"])
    .where((eb) => eb.or([eb("f.display_key", "=", key), eb("f.thumbnail_key", "=", key)]))
    .execute();
}

/** Whether any photo still uses the stored file (as original, display or thumbnail). */
export async function fileInUse(db: Executor, key: string): Promise<boolean> {
  const row = await db
    .selectFrom("product_photos")
    .select("id")
    .where((eb) => eb.or([eb("original_key", "=", key), eb("display_key", "=", key), eb("thumbnail_key", "=", key)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPhoto(db: Transaction<DB>, row: Insertable<ProductPhotoTable>): Promise<number> {
  const made = await db.insertInto("product_photos").values(row).returning("id").executeTakeFirstOrThrow();
  return made.id;
}

export async function deletePhoto(db: Transaction<DB>, id: number): Promise<void> {
  await db.deleteFrom("product_photos").where("id", "=", id).execute();
}

export async function nextPhotoPosition(db: Executor, productId: number): Promise<{ count: number; next: number }> {
  const row = await db
    .selectFrom("product_photos")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("position").as("max")])
    .where("product_id", "=", productId)
    .executeTakeFirst();
  const count = Number(row?.n ?? 0);
  return { count, next: count === 0 ? 0 : Number(row?.max ?? 0) + 1 };
}

export async function insertInquiry(db: Transaction<DB>, row: Insertable<ProductInquiryTable>): Promise<number> {
  const made = await db.insertInto("product_inquiries").values(row).returning("id").executeTakeFirstOrThrow();
  return made.id;
}

export type InquiryView = InquiryRow & { product_name_th: string | null; product_name_en: string | null };

/** A firm's inquiries, newest first. */
export async function inquiriesOfFirm(db: Executor, enterpriseId: number, limit = 200): Promise<InquiryView[]> {
  return db
    .selectFrom("product_inquiries as i")
    .innerJoin("products as p", "p.id", "i.product_id")
    .selectAll("i")
    .select(["p.name_th as product_name_th", "p.name_en as product_name_en"])
    .where("i.enterprise_id", "=", enterpriseId)
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(limit)
    .execute();
}

export async function findInquiry(db: Executor, enterpriseId: number, id: number): Promise<InquiryView | undefined> {
  return db
    .selectFrom("product_inquiries as i")
    .innerJoin("products as p", "p.id", "i.product_id")
    .selectAll("i")
    .select(["p.name_th as product_name_th", "p.name_en as product_name_en"])
    .where("i.enterprise_id", "=", enterpriseId)
    .where("i.id", "=", id)
    .executeTakeFirst();
}

export async function updateInquiryStatus(db: Transaction<DB>, id: number, status: string, at: string): Promise<void> {
  await db.updateTable("product_inquiries").set({ status, updated_at: at }).where("id", "=", id).execute();
}

// ——— Search index ———

/** The search text of products as stored now (their names and descriptions, the firm's names). */
export async function productSearchTextsOf(
  db: Executor,
  ids: readonly number[],
): Promise<Array<{ id: number; text: SearchText }>> {
  const out: Array<{ id: number; text: SearchText }> = [];
  for (const part of slices([...new Set(ids)], IN_LIST)) {
    const rows = await withFirm(db).where("p.id", "in", part).execute();
    for (const r of rows) out.push({ id: r.id, text: productSearchText(r) });
  }
  return out;
}

/** Indexes the products as they are now, in the caller's transaction (drafts too: the filter decides who sees them). */
export async function indexProducts(db: Executor, ids: readonly number[]): Promise<void> {
  await writeSearchTexts(db, "product", await productSearchTextsOf(db, ids));
}

/** Re-indexes a firm's products (its names changed). */
export async function indexProductsOfFirm(db: Executor, enterpriseId: number): Promise<void> {
  const ids = await db.selectFrom("products").select("id").where("enterprise_id", "=", enterpriseId).execute();
  await indexProducts(
    db,
    ids.map((r) => r.id),
  );
}

export async function unindexProducts(db: Executor, ids: readonly number[]): Promise<void> {
  await removeSearchTexts(db, "product", ids);
}

// ——— The public catalogue ———

/** What the catalogue is narrowed by; every filter is on published products only. */
export type CatalogueFilters = {
  provinceCode?: string | undefined;
  clusterId?: number | undefined;
  /** Products holding this certification, not expired on `today`. */
  certification?: string | undefined;
  /** Today in Bangkok (ISO), for certification expiry. */
  today: string;
  tsicSection?: string | undefined;
  tsicPrefix?: string | undefined;
  hsPrefix?: string | undefined;
};

type ProductQuery = SelectQueryBuilder<DB & { p: DB["products"] }, "p", object>;

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Every filter, checked on the product aliased "p": the index's facets only narrow, these decide (a
 * certification's expiry, above all). `few`: the products were found through the index, and each is checked on
 * its own rows; `many`: the products' own indexes drive, and the engine chooses how.
 */
function catalogueFilters<Q extends ProductQuery>(
  db: Executor,
  query: Q,
  f: CatalogueFilters,
  found: "few" | "many",
): Q {
  // PostgreSQL turns an EXISTS into a semi-join over every row of the subquery (every certificate of a kind, hashed)
  // unless it has an OFFSET: for the few products an index lookup found, each check is one index lookup instead.
  const fence = found === "few" && dialectOf(db) === "postgres";
  const fenced = <S extends { offset(n: number): S }>(subquery: S): S => (fence ? subquery.offset(0) : subquery);
  let q = query as ProductQuery;
  q = q.where("p.status", "=", "published");
  if (f.provinceCode) {
    const province = f.provinceCode;
    q = q.where(({ exists }) =>
      exists(
        fenced(
          db
            .selectFrom("enterprises as pe")
            .select("pe.id")
            .where(sql<boolean>`pe.id = p.enterprise_id`)
            .where("pe.province_code", "=", province),
        ),
      ),
    );
  }
  if (f.clusterId !== undefined) {
    const cluster = f.clusterId;
    q = q.where(({ exists }) =>
      exists(
        fenced(
          db
            .selectFrom("memberships as pm")
            .select("pm.id")
            .where(sql<boolean>`pm.enterprise_id = p.enterprise_id`)
            .where("pm.cluster_id", "=", cluster)
            .where("pm.approved_at", "is not", null)
            .where("pm.left_on", "is", null),
        ),
      ),
    );
  }
  if (f.certification) {
    const kind = f.certification;
    q = q.where(({ exists }) =>
      exists(
        fenced(
          db
            .selectFrom("product_certifications as pc")
            .select("pc.product_id")
            .where("pc.kind", "=", kind)
            .where(sql<boolean>`pc.product_id = p.id`)
            .where((eb) => eb.or([eb("pc.expires_on", "is", null), eb("pc.expires_on", ">=", f.today)])),
        ),
      ),
    );
  }
  if (f.tsicSection) q = q.where("p.tsic_section", "=", f.tsicSection);
  if (f.tsicPrefix) q = q.where("p.tsic_code", "like", likePrefix(f.tsicPrefix));
  if (f.hsPrefix) q = q.where("p.hs_code", "like", likePrefix(f.hsPrefix));
  return q as Q;
}

/**
 * The filters as facets of the search index (migration 0030): on SQLite FTS5 tokens of three characters (a marker
 * of the facet's kind and two characters of its value), on PostgreSQL the strings of the `facets` array.
 */
export function catalogueFacets(dialect: Dialect, f: CatalogueFilters): string[] {
  const out: string[] = [];
  const token = (marker: number, value: string) => String.fromCodePoint(0xf0000 + marker) + `${value}__`.slice(0, 2);
  if (f.provinceCode) out.push(dialect === "sqlite" ? token(1, f.provinceCode) : `p:${f.provinceCode}`);
  if (f.tsicSection) out.push(dialect === "sqlite" ? token(2, f.tsicSection) : `s:${f.tsicSection}`);
  if (f.certification) out.push(dialect === "sqlite" ? token(3, f.certification) : `c:${f.certification}`);
  if (f.clusterId !== undefined) {
    const id = f.clusterId;
    out.push(
      dialect === "sqlite"
        ? String.fromCodePoint(0xf0004, 0xf1000 + (Math.floor(id / 4096) % 4096), 0xf1000 + (id % 4096))
        : `k:${id}`,
    );
  }
  return out;
}

/** A published product matching every pattern, with its indexed name field (for ranking). */
export type CatalogueMatch = { id: number; search_name: string };

/**
 * The published products matching every pattern under the filters, at most `limit + 1` (the caller learns there were
 * more), in the index's order (ids ascending on SQLite). The index drives the join and intersects the words with the
 * filters' facets; each filter is then checked on the few rows found.
 */
export async function catalogueMatches(
  db: Kysely<DB>,
  dialect: Dialect,
  filters: CatalogueFilters,
  patterns: readonly SearchPattern[],
  limit: number,
): Promise<CatalogueMatch[] | null> {
  // On PostgreSQL a section (a sixth of the catalogue or more) narrows too little to lead the index scan: it is
  // checked on the rows found, which the planner may then read in id order as before.
  const facets = catalogueFacets(dialect, {
    ...filters,
    ...(dialect === "postgres" ? { tsicSection: undefined } : {}),
  });
  const match = matchCondition(dialect, "product", "s", patterns, facets);
  if (!match) return null;
  const { table, id } = searchTable("product", dialect);
  const read = async (ex: Executor) => {
    const base = ex
      .selectFrom(sql.table(table).as("s"))
      .crossJoin("products as p")
      .where(sql<boolean>`p.id = ${sql.ref(`s.${id}`)}`)
      .where(match);
    const rows = await catalogueFilters(ex, base, filters, "few")
      .select(["p.id", sql<string>`s.name`.as("search_name")])
      .limit(limit + 1)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), search_name: r.search_name }));
  };
  if (dialect === "postgres" && facets.length > 0) {
    // A province, cluster or certification: bitmap scans only, in one process, so the GIN index intersects words
    // and facets (left to itself the planner may walk the table testing each row, or split it between workers).
    // The heap is read in its own order, which is near id order but not quite: when more match than are read,
    // which are read first may differ from SQLite's (as with several words, below).
    return db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`SET LOCAL enable_indexscan = off`.execute(trx);
      await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
      return read(trx);
    });
  }
  if (dialect === "postgres" && patterns.length > 1) {
    // As in the registry's search: with a LIMIT the planner takes common Thai words to be everywhere and scans.
    return db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return read(trx);
    });
  }
  return read(db);
}

/**
 * Published products under the filters without a query: newest published first, one page, with the total. Two or
 * more of province, cluster and certification are intersected in the index's facets (a few hundred products);
 * one of them, the category, or nothing, through the products' own indexes (the newest first, each checked, until
 * the page is full; the total counted on the filter's index).
 */
export async function browseCatalogue(
  db: Executor,
  dialect: Dialect,
  filters: CatalogueFilters,
  offset: number,
  limit: number,
): Promise<{ ids: number[]; total: number }> {
  let from = db.selectFrom("products as p");
  const narrow = [filters.provinceCode, filters.clusterId, filters.certification].filter((x) => x !== undefined);
  if (narrow.length > 1) {
    const facets = catalogueFacets(dialect, filters);
    const { table, id } = searchTable("product", dialect);
    const found =
      dialect === "sqlite"
        ? sql<boolean>`${sql.ref(`s.${table}`)} MATCH ${facets.map(phrase).join(" AND ")}`
        : sql<boolean>`s.facets @> ${sql`${facets}::text[]`}`;
    from = db
      .selectFrom(sql.table(table).as("s"))
      .crossJoin("products as p")
      .where(sql<boolean>`p.id = ${sql.ref(`s.${id}`)}`)
      .where(found) as unknown as typeof from;
  }
  const base = catalogueFilters(db, from, filters, narrow.length > 1 ? "few" : "many");
  const [rows, count] = await Promise.all([
    base.select("p.id").orderBy("p.published_at", "desc").orderBy("p.id", "desc").offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
  ]);
  return { ids: rows.map((r) => Number(r.id)), total: Number(count?.n ?? 0) };
}

/** The highest product id, for estimating how many a truncated read would have found. */
export async function maxProductId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("products")
    .select((eb) => eb.fn.max("id").as("max"))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export type CatalogueCardRow = {
  id: number;
  name_th: string | null;
  name_en: string | null;
  firm_name_th: string | null;
  firm_name_en: string | null;
  province_code: string | null;
  price_min: number | null;
  price_max: number | null;
  price_unit: string | null;
  thumbnail_key: string | null;
  certifications: string[];
};

/** What a catalogue card shows of each product, in the order of `ids`. */
export async function catalogueCards(db: Executor, ids: readonly number[], today: string): Promise<CatalogueCardRow[]> {
  if (ids.length === 0) return [];
  const rowsRead = db
    .selectFrom("products as p")
    .innerJoin("enterprises as e", "e.id", "p.enterprise_id")
    .select([
      "p.id",
      "p.name_th",
      "p.name_en",
      "e.name_th as firm_name_th",
      "e.name_en as firm_name_en",
      "e.province_code",
      "p.price_min",
      "p.price_max",
      "p.price_unit",
    ])
    .where("p.id", "in", [...ids])
    .execute();
  const coversRead = db
    .selectFrom("product_photos")
    .select(["product_id", "thumbnail_key", "position", "id"])
    .where("product_id", "in", [...ids])
    .orderBy("position")
    .orderBy("id")
    .execute();
  const certsRead = db
    .selectFrom("product_certifications")
    .select(["product_id", "kind"])
    .where("product_id", "in", [...ids])
    .where((eb) => eb.or([eb("expires_on", "is", null), eb("expires_on", ">=", today)]))
    .orderBy("id")
    .execute();
  // At once: PostgreSQL answers the three on separate connections.
  const [rows, covers, certs] = await Promise.all([rowsRead, coversRead, certsRead]);
  const cover = new Map<number, string>();
  for (const c of covers) if (!cover.has(c.product_id)) cover.set(c.product_id, c.thumbnail_key);
  const kinds = new Map<number, string[]>();
  for (const c of certs) {
    const list = kinds.get(c.product_id) ?? [];
    if (!list.includes(c.kind)) list.push(c.kind);
    kinds.set(c.product_id, list);
  }
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, id, thumbnail_key: cover.get(id) ?? null, certifications: kinds.get(id) ?? [] }] : [];
  });
}

// ——— Inquiries as leads (the deals of migration 0024) ———

/**
 * The buyer record of an organisation in a country, found by its de-duplication key (core `buyerNameKey`) or made.
 * No contact is copied into it: the inquiry keeps the contact the buyer gave the firm.
 */
export async function buyerFor(
  db: Transaction<DB>,
  input: { name: string; nameKey: string; countryCode: string; at: string; createdBy: number | null },
): Promise<{ id: number; created: boolean }> {
  const found = await db
    .selectFrom("buyers")
    .select("id")
    .where("name_key", "=", input.nameKey)
    .where("country_code", "=", input.countryCode)
    .executeTakeFirst();
  if (found) return { id: found.id, created: false };
  const made = await db
    .insertInto("buyers")
    .values({
      name: input.name,
      name_key: input.nameKey,
      country_code: input.countryCode,
      kind: "other",
      created_by: input.createdBy,
      created_at: input.at,
      updated_at: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: made.id, created: true };
}

/** Opens the firm's deal at stage `lead` from an inquiry. */
export async function insertLeadFromInquiry(
  db: Transaction<DB>,
  input: { enterpriseId: number; buyerId: number; inquiryId: number; country: string; on: string; at: string },
): Promise<number> {
  const made = await db
    .insertInto("deals")
    .values({
      enterprise_id: input.enterpriseId,
      buyer_id: input.buyerId,
      stage: "lead",
      market_country: input.country,
      inquiry_id: input.inquiryId,
      opened_on: input.on,
      created_by: null,
      created_at: input.at,
      updated_at: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return made.id;
}

/** The deals opened from inquiries, by inquiry id. */
export async function dealsOfInquiries(db: Executor, inquiryIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const part of slices([...new Set(inquiryIds)], IN_LIST)) {
    const rows = await db.selectFrom("deals").select(["id", "inquiry_id"]).where("inquiry_id", "in", part).execute();
    for (const r of rows) if (r.inquiry_id !== null) out.set(r.inquiry_id, r.id);
  }
  return out;
}
