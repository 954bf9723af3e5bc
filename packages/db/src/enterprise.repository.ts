import type { Kysely, Transaction } from "kysely";
import type { DB, EnterpriseRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type ProductRow = { direction: "output" | "input"; name: string; tsic_code: string | null };
export type ContactRow = { name: string | null; position: string | null; phone: string | null; email: string | null };

export type EnterpriseDetail = EnterpriseRow & {
  products: ProductRow[];
  contacts: ContactRow[];
  memberships: Array<{
    cluster_id: number;
    stage: string;
    joined_on: string | null;
    left_on: string | null;
    approved_at: string | null;
  }>;
};

export type EnterpriseFilter = {
  provinceCode?: string | undefined;
  regionCode?: string | undefined;
  sizeClass?: string | undefined;
  tsicPrefix?: string | undefined;
  clusterId?: number | undefined;
  publishedOnly: boolean;
  page: number;
  pageSize: number;
};

function isDirection(value: string): value is "output" | "input" {
  return value === "output" || value === "input";
}

export async function listEnterprises(
  db: Executor,
  f: EnterpriseFilter,
): Promise<{ items: EnterpriseRow[]; total: number }> {
  let q = db.selectFrom("enterprises");
  if (f.publishedOnly) q = q.where("published", "=", 1);
  if (f.provinceCode) q = q.where("province_code", "=", f.provinceCode);
  if (f.sizeClass) q = q.where("size_class", "=", f.sizeClass);
  if (f.tsicPrefix) q = q.where("tsic_code", "like", `${f.tsicPrefix}%`);
  if (f.regionCode) {
    const region = f.regionCode;
    q = q.where("province_code", "in", db.selectFrom("provinces").select("code").where("region_code", "=", region));
  }
  if (f.clusterId !== undefined) {
    const cluster = f.clusterId;
    q = q.where("id", "in", db.selectFrom("memberships").select("enterprise_id").where("cluster_id", "=", cluster));
  }
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .orderBy("id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findEnterprise(db: Executor, id: number): Promise<EnterpriseRow | undefined> {
  return db.selectFrom("enterprises").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The firms (id, keys, publication, registrant) with any of these juristic IDs or community-enterprise numbers. */
export async function findByRegistrationKeys(
  db: Executor,
  juristicIds: readonly string[],
  ceRegistrationNos: readonly string[],
) {
  if (juristicIds.length === 0 && ceRegistrationNos.length === 0) return [];
  return db
    .selectFrom("enterprises")
    .select(["id", "juristic_id", "ce_registration_no", "published", "created_by"])
    .where((eb) =>
      eb.or([
        ...(juristicIds.length > 0 ? [eb("juristic_id", "in", juristicIds)] : []),
        ...(ceRegistrationNos.length > 0 ? [eb("ce_registration_no", "in", ceRegistrationNos)] : []),
      ]),
    )
    .execute();
}

export async function findEnterpriseByJuristicId(db: Executor, juristicId: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom("enterprises").selectAll().where("juristic_id", "=", juristicId).executeTakeFirst();
}

export async function loadEnterpriseDetail(db: Executor, id: number): Promise<EnterpriseDetail | undefined> {
  const row = await findEnterprise(db, id);
  if (!row) return undefined;
  const [products, contacts, memberships] = await Promise.all([
    db
      .selectFrom("enterprise_products")
      .select(["direction", "name", "tsic_code"])
      .where("enterprise_id", "=", id)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("enterprise_contacts")
      .select(["name", "position", "phone", "email"])
      .where("enterprise_id", "=", id)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("memberships")
      .select(["cluster_id", "stage", "joined_on", "left_on", "approved_at"])
      .where("enterprise_id", "=", id)
      .orderBy("cluster_id")
      .execute(),
  ]);
  return {
    ...row,
    products: products.flatMap((p) =>
      isDirection(p.direction) ? [{ direction: p.direction, name: p.name, tsic_code: p.tsic_code }] : [],
    ),
    contacts,
    memberships,
  };
}

export type EnterpriseWrite = Omit<EnterpriseRow, "id" | "created_at" | "created_by">;

/** Inserts a firm; `created_by` is the user who registered it (absent: the system). */
export async function insertEnterprise(
  db: Transaction<DB>,
  row: EnterpriseWrite & { created_at: string; created_by?: number | null },
): Promise<number> {
  const { id } = await db.insertInto("enterprises").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateEnterprise(
  db: Transaction<DB>,
  id: number,
  patch: Partial<EnterpriseWrite>,
): Promise<void> {
  if (Object.keys(patch).length) await db.updateTable("enterprises").set(patch).where("id", "=", id).execute();
}

export async function replaceProducts(db: Transaction<DB>, id: number, products: ProductRow[]): Promise<void> {
  await db.deleteFrom("enterprise_products").where("enterprise_id", "=", id).execute();
  if (products.length)
    await db
      .insertInto("enterprise_products")
      .values(products.map((p) => ({ enterprise_id: id, ...p })))
      .execute();
}

export async function replaceContacts(db: Transaction<DB>, id: number, contacts: ContactRow[]): Promise<void> {
  await db.deleteFrom("enterprise_contacts").where("enterprise_id", "=", id).execute();
  if (contacts.length)
    await db
      .insertInto("enterprise_contacts")
      .values(contacts.map((c) => ({ enterprise_id: id, ...c })))
      .execute();
}

/**
 * Clusters an enterprise belongs to (current memberships), for scope checks: `approved` memberships give their
 * coordinators the firm's personal data and edit right; `pending` ones only let them see the firm.
 */
export async function clusterIdsOfEnterprise(
  db: Executor,
  id: number,
): Promise<{ approved: number[]; pending: number[] }> {
  const rows = await db
    .selectFrom("memberships")
    .select(["cluster_id", "approved_at"])
    .where("enterprise_id", "=", id)
    .where("left_on", "is", null)
    .execute();
  return {
    approved: rows.filter((r) => r.approved_at !== null).map((r) => r.cluster_id),
    pending: rows.filter((r) => r.approved_at === null).map((r) => r.cluster_id),
  };
}

export async function findEnterpriseByCeRegistrationNo(
  db: Executor,
  ceRegistrationNo: string,
): Promise<EnterpriseRow | undefined> {
  return db.selectFrom("enterprises").selectAll().where("ce_registration_no", "=", ceRegistrationNo).executeTakeFirst();
}

/** The ids of the example firms (loaded from the seeds), for re-indexing them. */
export async function listExampleEnterpriseIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom("enterprises").select("id").where("is_example", "=", 1).execute()).map((r) => r.id);
}
