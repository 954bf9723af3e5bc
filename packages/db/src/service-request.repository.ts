import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import { compiledOnce } from "./compiled-once.ts";
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

export type RoutingPool = {
  province: { code: string; regionCode: string } | undefined;
  providers: PoolProvider[];
  experts: PoolExpert[];
  /** Experts who declined the request or let it expire. */
  excludedExpertIds: number[];
};

/**
 * The rows of a routing pool: one per expert and area. Few relations in the join (the province and the providers'
 * places and services are subqueries): PostgreSQL's planning, not the reading, is most of this query's time, and it
 * grows with the relations it must order. Compiled once (it runs on every filing, decline and manager's list).
 */
const routingPoolRows = compiledOnce((db, p: { field: string; provinceCode: string; requestId: number }) =>
  db
    .selectFrom("service_providers as sp")
    .innerJoin("experts as e", "e.provider_id", "sp.id")
    .innerJoin("expert_fields as f", (join) => join.onRef("f.expert_id", "=", "e.id").on("f.field", "=", p.field))
    .leftJoin("expert_areas as a", "a.expert_id", "e.id")
    .where("sp.id", "in", (eb) =>
      eb
        .selectFrom("provider_provinces as pp")
        .innerJoin("provider_services as ps", (join) =>
          join.onRef("ps.provider_id", "=", "pp.provider_id").on("ps.field", "=", p.field),
        )
        .select("pp.provider_id")
        .where("pp.province_code", "=", p.provinceCode),
    )
    .select((eb) => [
      eb.selectFrom("provinces as pr").select("pr.region_code").where("pr.code", "=", p.provinceCode).as("region_code"),
      "sp.response_days",
      "sp.closure_days",
      "e.id",
      "e.provider_id",
      "e.display_name",
      "e.capacity",
      "e.available",
      "a.area_type",
      "a.area_code",
      eb
        .selectFrom("service_requests as r")
        .select(eb.fn.countAll().as("n"))
        .whereRef("r.expert_id", "=", "e.id")
        .where("r.status", "in", ["assigned", "accepted"])
        .as("open_cases"),
      // max() over (expert_id, assigned_at) is one index probe (migration 0034).
      eb
        .selectFrom("request_assignments as ra")
        .select((sub) => sub.fn.max("ra.assigned_at").as("at"))
        .whereRef("ra.expert_id", "=", "e.id")
        .as("last_assigned_at"),
      eb
        .exists(
          eb
            .selectFrom("request_assignments as x")
            .select("x.id")
            .where("x.request_id", "=", p.requestId)
            .whereRef("x.expert_id", "=", "e.id")
            .where("x.response", "in", ["declined", "expired"]),
        )
        .as("excluded"),
    ])
    .orderBy("e.id"),
);

/**
 * What routing weighs for a request, read in one query: the province's region, the providers that offer the field
 * there, and their experts who have the field, each with their areas, their open cases (requests assigned to or
 * accepted by them), when they were last offered a request, and whether they declined this request or let it expire
 * (routing never offers it to them again). Every expert of those providers with the field is returned (full,
 * unavailable too): the pure routing decides, and a manager's list shows them all. Empty when nobody offers the field
 * in the province (or the province is unknown).
 */
export async function routingPool(
  db: Executor,
  request: { id: number; field: string; provinceCode: string },
): Promise<RoutingPool> {
  const { field, provinceCode } = request;
  const rows = await routingPoolRows(db, { field, provinceCode, requestId: request.id });
  const first = rows[0];
  if (!first || first.region_code === null)
    return { province: undefined, providers: [], experts: [], excludedExpertIds: [] };
  const providers = new Map<number, PoolProvider>();
  const experts = new Map<number, PoolExpert>();
  const excluded = new Set<number>();
  for (const r of rows) {
    if (!providers.has(r.provider_id))
      providers.set(r.provider_id, {
        id: r.provider_id,
        // Only what the query established: the pure routing checks these again.
        services: [field],
        provinceCodes: [provinceCode],
        responseDays: r.response_days,
        closureDays: r.closure_days,
      });
    let expert = experts.get(r.id);
    if (!expert) {
      expert = {
        id: r.id,
        providerId: r.provider_id,
        displayName: r.display_name,
        fields: [field],
        areas: [],
        capacity: r.capacity,
        available: r.available === 1,
        openCases: Number(r.open_cases ?? 0),
        lastAssignedAt: (r.last_assigned_at as string | null) ?? null,
      };
      experts.set(r.id, expert);
    }
    if (r.area_type !== null && r.area_code !== null)
      expert.areas.push({ type: r.area_type as "province" | "region", code: r.area_code });
    // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
    if (Number(r.excluded) === 1) excluded.add(r.id);
  }
  return {
    province: { code: provinceCode, regionCode: first.region_code },
    providers: [...providers.values()],
    experts: [...experts.values()],
    excludedExpertIds: [...excluded],
  };
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
