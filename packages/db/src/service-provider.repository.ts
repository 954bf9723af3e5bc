import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { DB, ExpertRow, ExpertTable, ServiceProviderRow, ServiceProviderTable } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** A provider with the provinces it serves and the fields it offers. */
export type ProviderDetail = ServiceProviderRow & { provinceCodes: string[]; services: string[] };
/** An expert with their fields and the provinces or regions they serve. */
export type ExpertDetail = ExpertRow & { fields: string[]; areas: { type: string; code: string }[] };

function group<K, V>(rows: readonly { key: K; value: V }[]): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), r.value]);
  return out;
}

async function withProviderLists(db: Executor, rows: ServiceProviderRow[]): Promise<ProviderDetail[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const provinces = group(
    (
      await db
        .selectFrom("provider_provinces")
        .select(["provider_id", "province_code"])
        .where("provider_id", "in", ids)
        .orderBy("province_code")
        .execute()
    ).map((r) => ({ key: r.provider_id, value: r.province_code })),
  );
  const services = group(
    (
      await db
        .selectFrom("provider_services")
        .select(["provider_id", "field"])
        .where("provider_id", "in", ids)
        .orderBy("field")
        .execute()
    ).map((r) => ({ key: r.provider_id, value: r.field })),
  );
  return rows.map((r) => ({ ...r, provinceCodes: provinces.get(r.id) ?? [], services: services.get(r.id) ?? [] }));
}

/** Every provider, by code. A small table (tens of rows). */
export async function listProviders(db: Executor): Promise<ProviderDetail[]> {
  return withProviderLists(db, await db.selectFrom("service_providers").selectAll().orderBy("code").execute());
}

export async function findProvider(db: Executor, id: number): Promise<ProviderDetail | undefined> {
  const row = await db.selectFrom("service_providers").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withProviderLists(db, [row]))[0] : undefined;
}

export async function findProviderByCode(db: Executor, code: string): Promise<ServiceProviderRow | undefined> {
  return db.selectFrom("service_providers").selectAll().where("code", "=", code).executeTakeFirst();
}

/** The ids above a provider, nearest first (the tree is shallow: ITC and its branches). */
export async function ancestorsOf(db: Executor, id: number): Promise<number[]> {
  const out: number[] = [];
  let current: number | null = id;
  while (current !== null && !out.includes(current)) {
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom("service_providers")
      .select("parent_id")
      .where("id", "=", current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current !== null) out.push(current);
  }
  return out;
}

export async function insertProvider(db: Executor, row: Insertable<ServiceProviderTable>): Promise<number> {
  const inserted = await db.insertInto("service_providers").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateProvider(db: Executor, id: number, patch: Updateable<ServiceProviderTable>) {
  await db.updateTable("service_providers").set(patch).where("id", "=", id).execute();
}

export async function setProviderProvinces(db: Executor, id: number, codes: readonly string[]) {
  await db.deleteFrom("provider_provinces").where("provider_id", "=", id).execute();
  if (codes.length > 0)
    await db
      .insertInto("provider_provinces")
      .values(codes.map((province_code) => ({ provider_id: id, province_code })))
      .execute();
}

export async function setProviderServices(db: Executor, id: number, fields: readonly string[]) {
  await db.deleteFrom("provider_services").where("provider_id", "=", id).execute();
  if (fields.length > 0)
    await db
      .insertInto("provider_services")
      .values(fields.map((field) => ({ provider_id: id, field })))
      .execute();
}

async function withExpertLists(db: Executor, rows: ExpertRow[]): Promise<ExpertDetail[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const fields = group(
    (
      await db
        .selectFrom("expert_fields")
        .select(["expert_id", "field"])
        .where("expert_id", "in", ids)
        .orderBy("field")
        .execute()
    ).map((r) => ({ key: r.expert_id, value: r.field })),
  );
  const areas = group(
    (
      await db
        .selectFrom("expert_areas")
        .select(["expert_id", "area_type", "area_code"])
        .where("expert_id", "in", ids)
        .orderBy("area_type")
        .orderBy("area_code")
        .execute()
    ).map((r) => ({ key: r.expert_id, value: { type: r.area_type, code: r.area_code } })),
  );
  return rows.map((r) => ({ ...r, fields: fields.get(r.id) ?? [], areas: areas.get(r.id) ?? [] }));
}

/** The experts of one provider (or of every provider), by name. */
export async function listExperts(db: Executor, filter: { providerId?: number } = {}): Promise<ExpertDetail[]> {
  let query = db.selectFrom("experts").selectAll();
  if (filter.providerId !== undefined) query = query.where("provider_id", "=", filter.providerId);
  return withExpertLists(db, await query.orderBy("display_name").orderBy("id").execute());
}

export async function findExpert(db: Executor, id: number): Promise<ExpertDetail | undefined> {
  const row = await db.selectFrom("experts").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withExpertLists(db, [row]))[0] : undefined;
}

/** The expert record linked to a user, if any (user_id is unique). */
export async function findExpertByUser(db: Executor, userId: number): Promise<ExpertRow | undefined> {
  return db.selectFrom("experts").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

export async function insertExpert(db: Executor, row: Insertable<ExpertTable>): Promise<number> {
  const inserted = await db.insertInto("experts").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateExpert(db: Executor, id: number, patch: Updateable<ExpertTable>) {
  await db.updateTable("experts").set(patch).where("id", "=", id).execute();
}

export async function setExpertFields(db: Executor, id: number, fields: readonly string[]) {
  await db.deleteFrom("expert_fields").where("expert_id", "=", id).execute();
  if (fields.length > 0)
    await db
      .insertInto("expert_fields")
      .values(fields.map((field) => ({ expert_id: id, field })))
      .execute();
}

export async function setExpertAreas(db: Executor, id: number, areas: readonly { type: string; code: string }[]) {
  await db.deleteFrom("expert_areas").where("expert_id", "=", id).execute();
  if (areas.length > 0)
    await db
      .insertInto("expert_areas")
      .values(areas.map((a) => ({ expert_id: id, area_type: a.type, area_code: a.code })))
      .execute();
}

/** A provider's managers with their names and roles, by name. */
export async function listManagers(db: Executor, providerId: number) {
  return db
    .selectFrom("provider_managers")
    .innerJoin("users", "users.id", "provider_managers.user_id")
    .select(["users.id as user_id", "users.display_name", "users.role"])
    .where("provider_managers.provider_id", "=", providerId)
    .orderBy("users.display_name")
    .orderBy("users.id")
    .execute();
}

export async function isManager(db: Executor, providerId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom("provider_managers")
    .select("user_id")
    .where("provider_id", "=", providerId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addManager(db: Executor, providerId: number, userId: number) {
  await db.insertInto("provider_managers").values({ provider_id: providerId, user_id: userId }).execute();
}

export async function removeManager(db: Executor, providerId: number, userId: number) {
  await db
    .deleteFrom("provider_managers")
    .where("provider_id", "=", providerId)
    .where("user_id", "=", userId)
    .execute();
}

/** Active users of the given roles whose name or e-mail contains `q` (case-insensitive), with their expert record. */
export async function searchUsers(db: Executor, q: string, roles: readonly string[], limit: number) {
  const like = `%${q.toLowerCase()}%`;
  return db
    .selectFrom("users")
    .leftJoin("experts", "experts.user_id", "users.id")
    .select(["users.id", "users.display_name", "users.email", "users.role", "experts.id as expert_id"])
    .where("users.active", "=", 1)
    .where("users.role", "in", roles)
    .where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["users.email"]), "like", like),
        eb(eb.fn("lower", ["users.display_name"]), "like", like),
      ]),
    )
    .orderBy("users.display_name")
    .orderBy("users.id")
    .limit(limit)
    .execute();
}
