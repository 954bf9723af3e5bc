import type { Kysely, Transaction } from "kysely";
import type { DB, NewUserRow, UserRow, UserUpdate } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * A user with the scopes their role is limited to: a coordinator's clusters; an expert's record (migration 0022:
 * experts.user_id) with its provider and fields (sorted), the one place an expert's fields are kept.
 */
export type UserWithScopes = UserRow & {
  cluster_ids: number[];
  expert_id: number | null;
  expert_provider_id: number | null;
  expert_fields: string[];
};

export type UserListQuery = { page: number; pageSize: number; q?: string | undefined };

async function withScopes(db: Executor, users: UserRow[]): Promise<UserWithScopes[]> {
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const [scopes, records, fields] = await Promise.all([
    db
      .selectFrom("user_clusters")
      .select(["user_id", "cluster_id"])
      .where("user_id", "in", ids)
      .orderBy("cluster_id")
      .execute(),
    db.selectFrom("experts").select(["id", "user_id", "provider_id"]).where("user_id", "in", ids).execute(),
    db
      .selectFrom("expert_fields")
      .innerJoin("experts", "experts.id", "expert_fields.expert_id")
      .select(["experts.user_id", "expert_fields.field"])
      .where("experts.user_id", "in", ids)
      .orderBy("expert_fields.field")
      .execute(),
  ]);
  return users.map((u) => {
    const record = records.find((r) => r.user_id === u.id);
    return {
      ...u,
      cluster_ids: scopes.filter((s) => s.user_id === u.id).map((s) => s.cluster_id),
      expert_id: record?.id ?? null,
      expert_provider_id: record?.provider_id ?? null,
      expert_fields: fields.filter((f) => f.user_id === u.id).map((f) => f.field),
    };
  });
}

export async function findUserById(db: Executor, id: number): Promise<UserWithScopes | undefined> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withScopes(db, [row]))[0] : undefined;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserWithScopes | undefined> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
  return row ? (await withScopes(db, [row]))[0] : undefined;
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsers(
  db: Executor,
  query: UserListQuery,
): Promise<{ items: UserWithScopes[]; total: number }> {
  let base = db.selectFrom("users");
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    base = base.where((eb) =>
      eb.or([eb(eb.fn("lower", ["email"]), "like", like), eb(eb.fn("lower", ["display_name"]), "like", like)]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy("id")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: await withScopes(db, rows), total: Number(count.n) };
}

/** Adds a user with their clusters; an expert's record is linked by the caller (experts.user_id). */
export async function insertUser(db: Transaction<DB>, user: NewUserRow, clusterIds: number[]): Promise<UserWithScopes> {
  const row = await db
    .insertInto("users")
    .values({ ...user, email: user.email.toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceUserClusters(db, row.id, clusterIds);
  return (
    (await findUserById(db, row.id)) ?? {
      ...row,
      cluster_ids: [],
      expert_id: null,
      expert_provider_id: null,
      expert_fields: [],
    }
  );
}

export async function updateUser(
  db: Transaction<DB>,
  id: number,
  patch: UserUpdate,
  clusterIds?: number[],
): Promise<UserWithScopes | undefined> {
  if (Object.keys(patch).length > 0) await db.updateTable("users").set(patch).where("id", "=", id).execute();
  if (clusterIds) await replaceUserClusters(db, id, clusterIds);
  return findUserById(db, id);
}

async function replaceUserClusters(db: Transaction<DB>, userId: number, clusterIds: number[]): Promise<void> {
  await db.deleteFrom("user_clusters").where("user_id", "=", userId).execute();
  const unique = [...new Set(clusterIds)];
  if (unique.length > 0) {
    await db
      .insertInto("user_clusters")
      .values(unique.map((cluster_id) => ({ user_id: userId, cluster_id })))
      .execute();
  }
}

export async function recordLogin(db: Transaction<DB>, id: number, at: string): Promise<void> {
  await db.updateTable("users").set({ last_login_at: at }).where("id", "=", id).execute();
}
