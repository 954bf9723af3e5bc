import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import { recordFiledRequest, touchesFigures, trackFigures } from "./service-figures-rollup.repository.ts";
import type {
  DB,
  RequestAssignmentRow,
  RequestAssignmentTable,
  RequestAttachmentRow,
  RequestAttachmentTable,
  ServiceRequestRow,
  ServiceRequestTable,
} from "./schema.ts";

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

/**
 * The next sequence number of a fiscal year's request codes: one upsert that returns the new number, atomic on both
 * engines (see migration 0019). Call it inside the filing transaction.
 */
export async function nextSequence(db: Executor, fiscalYearBe: number): Promise<number> {
  const row = await db
    .insertInto("request_code_counters")
    .values({ fiscal_year: fiscalYearBe, last_sequence: 1 })
    .onConflict((oc) =>
      oc
        .column("fiscal_year")
        .doUpdateSet((eb) => ({ last_sequence: eb("request_code_counters.last_sequence", "+", 1) })),
    )
    .returning("last_sequence")
    .executeTakeFirstOrThrow();
  return row.last_sequence;
}

export async function insertRequest(db: Executor, row: Insertable<ServiceRequestTable>): Promise<number> {
  const inserted = await db.insertInto("service_requests").values(row).returning("id").executeTakeFirstOrThrow();
  await recordFiledRequest(db, inserted.id);
  return inserted.id;
}

/** Changes a request; the service figures' roll-up follows in the same transaction. */
export async function updateRequest(db: Executor, id: number, patch: Updateable<ServiceRequestTable>) {
  const update = () => db.updateTable("service_requests").set(patch).where("id", "=", id).execute();
  if (touchesFigures(patch)) await trackFigures(db, [id], update);
  else await update();
}

export async function insertAssignment(db: Executor, row: Insertable<RequestAssignmentTable>): Promise<number> {
  const inserted = await db.insertInto("request_assignments").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

/** The offer that is still open (pending, or accepted and being worked), if any. */
export async function currentAssignment(db: Executor, requestId: number): Promise<RequestAssignmentRow | undefined> {
  return db
    .selectFrom("request_assignments")
    .selectAll()
    .where("request_id", "=", requestId)
    .where("response", "in", ["pending", "accepted"])
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function closeAssignment(
  db: Executor,
  id: number,
  patch: { response: string; responded_at: string; decline_reason?: string | null },
) {
  await db.updateTable("request_assignments").set(patch).where("id", "=", id).execute();
}

/** Experts who declined the request or let it expire: routing never offers it to them again. */
export async function excludedExperts(db: Executor, requestId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("request_assignments")
    .select("expert_id")
    .distinct()
    .where("request_id", "=", requestId)
    .where("response", "in", ["declined", "expired"])
    .where("expert_id", "is not", null)
    .execute();
  return rows.map((r) => r.expert_id).filter((id): id is number => id !== null);
}

/** A province with its region, for routing. */
export async function provinceWithRegion(
  db: Executor,
  code: string,
): Promise<{ code: string; regionCode: string } | undefined> {
  const row = await db
    .selectFrom("provinces")
    .select(["code", "region_code"])
    .where("code", "=", code)
    .executeTakeFirst();
  return row ? { code: row.code, regionCode: row.region_code } : undefined;
}

export type PoolProvider = {
  id: number;
  services: string[];
  provinceCodes: string[];
  responseDays: number | null;
  closureDays: number | null;
};

export type PoolExpert = {
  id: number;
  providerId: number;
  displayName: string;
  fields: string[];
  areas: { type: "province" | "region"; code: string }[];
  capacity: number;
  available: boolean;
  openCases: number;
  lastAssignedAt: string | null;
};

/**
 * What routing weighs for one field in one province: the providers that offer the field there, and their experts
 * who have the field, each with their open cases (requests assigned to or accepted by them) and when they were last
 * offered a request. Every expert of those providers with the field is returned (full, unavailable too): the pure
 * routing decides, and a manager's list shows them all.
 */
export async function routingPool(
  db: Executor,
  field: string,
  provinceCode: string,
): Promise<{ providers: PoolProvider[]; experts: PoolExpert[] }> {
  const providerRows = await db
    .selectFrom("service_providers")
    .select(["id", "response_days", "closure_days"])
    .where((eb) =>
      eb.and([
        eb.exists(
          eb
            .selectFrom("provider_services")
            .select("provider_id")
            .whereRef("provider_services.provider_id", "=", "service_providers.id")
            .where("provider_services.field", "=", field),
        ),
        eb.exists(
          eb
            .selectFrom("provider_provinces")
            .select("provider_id")
            .whereRef("provider_provinces.provider_id", "=", "service_providers.id")
            .where("provider_provinces.province_code", "=", provinceCode),
        ),
      ]),
    )
    .execute();
  if (providerRows.length === 0) return { providers: [], experts: [] };
  const providerIds = providerRows.map((p) => p.id);
  const providers = providerRows.map((p) => ({
    id: p.id,
    // Only what the query established: the pure routing checks these again.
    services: [field],
    provinceCodes: [provinceCode],
    responseDays: p.response_days,
    closureDays: p.closure_days,
  }));
  const expertRows = await db
    .selectFrom("experts")
    .innerJoin("expert_fields", "expert_fields.expert_id", "experts.id")
    .select(["experts.id", "experts.provider_id", "experts.display_name", "experts.capacity", "experts.available"])
    .where("experts.provider_id", "in", providerIds)
    .where("expert_fields.field", "=", field)
    .orderBy("experts.id")
    .execute();
  if (expertRows.length === 0) return { providers, experts: [] };
  const expertIds = expertRows.map((e) => e.id);
  const areas = await db
    .selectFrom("expert_areas")
    .select(["expert_id", "area_type", "area_code"])
    .where("expert_id", "in", expertIds)
    .execute();
  const open = await db
    .selectFrom("service_requests")
    .select((eb) => ["expert_id", eb.fn.countAll<number>().as("n")])
    .where("expert_id", "in", expertIds)
    .where("status", "in", ["assigned", "accepted"])
    .groupBy("expert_id")
    .execute();
  const last = await db
    .selectFrom("request_assignments")
    .select((eb) => ["expert_id", eb.fn.max("assigned_at").as("at")])
    .where("expert_id", "in", expertIds)
    .groupBy("expert_id")
    .execute();
  const openOf = new Map(open.map((o) => [o.expert_id, Number(o.n)]));
  const lastOf = new Map(last.map((l) => [l.expert_id, l.at as string | null]));
  const experts = expertRows.map((e) => ({
    id: e.id,
    providerId: e.provider_id,
    displayName: e.display_name,
    fields: [field],
    areas: areas
      .filter((a) => a.expert_id === e.id)
      .map((a) => ({ type: a.area_type as "province" | "region", code: a.area_code })),
    capacity: e.capacity,
    available: e.available === 1,
    openCases: openOf.get(e.id) ?? 0,
    lastAssignedAt: lastOf.get(e.id) ?? null,
  }));
  return { providers, experts };
}

/** Requests offered and still pending whose response was due before `today` (ISO date). */
export async function overdueOffers(db: Executor, today: string): Promise<ServiceRequestRow[]> {
  return db
    .selectFrom("service_requests")
    .selectAll()
    .where("status", "=", "assigned")
    .where("response_due_on", "<", today)
    .orderBy("id")
    .execute();
}

export async function attachmentsOf(db: Executor, requestId: number): Promise<RequestAttachmentRow[]> {
  return db.selectFrom("request_attachments").selectAll().where("request_id", "=", requestId).orderBy("id").execute();
}

export async function findAttachment(
  db: Executor,
  requestId: number,
  id: number,
): Promise<RequestAttachmentRow | undefined> {
  return db
    .selectFrom("request_attachments")
    .selectAll()
    .where("request_id", "=", requestId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertAttachment(db: Executor, row: Insertable<RequestAttachmentTable>): Promise<number> {
  const inserted = await db.insertInto("request_attachments").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}
