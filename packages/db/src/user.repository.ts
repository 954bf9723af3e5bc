import type { Kysely, Transaction } from "kysely";
import type { DB, NewUserRow, UserRow, UserUpdate } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type UserWithScopes = UserRow & { cluster_ids: number[] };

export type UserListQuery = { page: number; pageSize: number; q?: string | undefined };

async function withScopes(db: Executor, users: UserRow[]): Promise<UserWithScopes[]> {
  if (users.length === 0) return [];
  const scopes = await db
    .selectFrom("user_clusters")
    .select(["user_id", "cluster_id"])
    .where(
      "user_id",
      "in",
      users.map((u) => u.id),
    )
    .orderBy("cluster_id")
    .execute();
  return users.map((u) => ({ ...u, cluster_ids: scopes.filter((s) => s.user_id === u.id).map((s) => s.cluster_id) }));
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

export async function insertUser(db: Transaction<DB>, user: NewUserRow, clusterIds: number[]): Promise<UserWithScopes> {
  const row = await db
    .insertInto("users")
    .values({ ...user, email: user.email.toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceUserClusters(db, row.id, clusterIds);
  return { ...row, cluster_ids: [...clusterIds].sort((a, b) => a - b) };
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
