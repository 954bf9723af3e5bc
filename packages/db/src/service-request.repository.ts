import type { Kysely, Transaction } from "kysely";
import type { DB, ServiceRequestRow } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export async function findRequest(db: Executor, id: number): Promise<ServiceRequestRow | undefined> {
  return db.selectFrom("service_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * What the policy weighs about a request besides the row itself: the clusters its firm is an approved current
 * member of, its provider's agency, the user the current expert signs in as, and whether `userId` manages the
 * provider. One round trip per fact; a request has at most one provider and one expert.
 */
export async function accessFacts(
  db: Executor,
  request: Pick<ServiceRequestRow, "enterprise_id" | "provider_id" | "expert_id">,
  userId: number | null,
): Promise<{
  firmClusterIds: number[];
  providerAgencyId: number | null;
  expertUserId: number | null;
  actorManagesProvider: boolean;
}> {
  const clusters = await db
    .selectFrom("memberships")
    .select("cluster_id")
    .where("enterprise_id", "=", request.enterprise_id)
    .where("left_on", "is", null)
    .where("approved_at", "is not", null)
    .execute();
  const provider =
    request.provider_id === null
      ? undefined
      : await db
          .selectFrom("service_providers")
          .select("agency_id")
          .where("id", "=", request.provider_id)
          .executeTakeFirst();
  const expert =
    request.expert_id === null
      ? undefined
      : await db.selectFrom("experts").select("user_id").where("id", "=", request.expert_id).executeTakeFirst();
  return {
    firmClusterIds: clusters.map((c) => c.cluster_id),
    providerAgencyId: provider?.agency_id ?? null,
    expertUserId: expert?.user_id ?? null,
    actorManagesProvider:
      request.provider_id !== null && userId !== null ? await managesProvider(db, userId, request.provider_id) : false,
  };
}

/** True when the user is one of the provider's managers. */
export async function managesProvider(db: Executor, userId: number, providerId: number): Promise<boolean> {
  const row = await db
    .selectFrom("provider_managers")
    .select("user_id")
    .where("provider_id", "=", providerId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the providers a user manages. */
export async function providersManagedBy(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom("provider_managers").select("provider_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.provider_id);
}

export async function insertEvent(
  db: Executor,
  row: { request_id: number; kind: string; actor_user_id: number | null; at: string; data_json: string | null },
): Promise<number> {
  const inserted = await db.insertInto("request_events").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}
