import type { Kysely, Selectable, Transaction } from "kysely";
import type { ConsultationTable, DB, RequestTaskTable, ServiceRequestRow, ValueClaimRow } from "./schema.ts";
import { trackFigures } from "./service-figures-rollup.repository.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export type ConsultationRow = Selectable<ConsultationTable>;
export type RequestTaskRow = Selectable<RequestTaskTable>;

// ——— Consultations ———

export async function listConsultations(db: Executor, requestId: number): Promise<ConsultationRow[]> {
  return db
    .selectFrom("consultations")
    .selectAll()
    .where("request_id", "=", requestId)
    .orderBy("held_on", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function findConsultation(
  db: Executor,
  requestId: number,
  id: number,
): Promise<ConsultationRow | undefined> {
  return db
    .selectFrom("consultations")
    .selectAll()
    .where("request_id", "=", requestId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export type ConsultationFields = {
  held_on: string;
  mode: string;
  hours: number;
  advice: string;
  next_steps: string | null;
};

export async function insertConsultation(
  db: Transaction<DB>,
  row: ConsultationFields & {
    request_id: number;
    expert_id: number | null;
    created_by: number | null;
    created_at: string;
    updated_at: string;
  },
): Promise<ConsultationRow> {
  return db.insertInto("consultations").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateConsultation(
  db: Transaction<DB>,
  id: number,
  patch: Partial<ConsultationFields> & { updated_at: string },
): Promise<ConsultationRow> {
  return db.updateTable("consultations").set(patch).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

// ——— Follow-up tasks ———

export async function listTasks(db: Executor, requestId: number): Promise<RequestTaskRow[]> {
  // Open tasks first, soonest due first (no due date last), then the done ones.
  const rows = await db.selectFrom("request_tasks").selectAll().where("request_id", "=", requestId).execute();
  const key = (t: RequestTaskRow) =>
    `${t.done_at === null ? 0 : 1}|${t.due_on ?? "9999-99-99"}|${String(t.id).padStart(12, "0")}`;
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

export async function findTask(db: Executor, requestId: number, id: number): Promise<RequestTaskRow | undefined> {
  return db
    .selectFrom("request_tasks")
    .selectAll()
    .where("request_id", "=", requestId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertTask(
  db: Transaction<DB>,
  row: {
    request_id: number;
    title: string;
    due_on: string | null;
    created_by: number | null;
    created_at: string;
    updated_at: string;
  },
): Promise<RequestTaskRow> {
  return db.insertInto("request_tasks").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateTask(
  db: Transaction<DB>,
  id: number,
  patch: { title?: string; due_on?: string | null; done_at?: string | null; updated_at: string },
): Promise<RequestTaskRow> {
  return db.updateTable("request_tasks").set(patch).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

// ——— Closure and rating ———

/**
 * Closes an accepted request, only if it is still accepted (a concurrent closure or withdrawal wins): answers
 * whether this call closed it.
 */
export async function closeRequest(
  db: Transaction<DB>,
  id: number,
  fields: {
    closed_at: string;
    closed_by: number | null;
    outcome_kind: string;
    outcome_amount: number | null;
    result_text: string;
    programme_id: number | null;
  },
): Promise<boolean> {
  const result = await trackFigures(db, [id], () =>
    db
      .updateTable("service_requests")
      .set({ ...fields, status: "closed", updated_at: fields.closed_at })
      .where("id", "=", id)
      .where("status", "=", "accepted")
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) === 1;
}

/** Records the firm's rating once: answers false when the request is not closed or is already rated. */
export async function rateRequest(
  db: Transaction<DB>,
  id: number,
  fields: { rating: number; rating_comment: string | null; rated_at: string },
): Promise<boolean> {
  const result = await trackFigures(db, [id], () =>
    db
      .updateTable("service_requests")
      .set({ ...fields, updated_at: fields.rated_at })
      .where("id", "=", id)
      .where("status", "=", "closed")
      .where("rating", "is", null)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) === 1;
}

/** The programme is no figure's column: the service figures' roll-up is not touched. */
export async function setRequestProgramme(db: Transaction<DB>, id: number, programmeId: number, now: string) {
  await db
    .updateTable("service_requests")
    .set({ programme_id: programmeId, updated_at: now })
    .where("id", "=", id)
    .where("programme_id", "is", null)
    .execute();
}

// ——— Claims ———

export async function claimOfRequest(db: Executor, requestId: number): Promise<ValueClaimRow | undefined> {
  return db.selectFrom("value_claims").selectAll().where("service_request_id", "=", requestId).executeTakeFirst();
}

/** The programmes a firm takes part in (any fiscal year), newest first: those a request's outcome may be claimed for. */
export async function programmesOfFirm(
  db: Executor,
  enterpriseId: number,
): Promise<Array<{ id: number; code: string; name_th: string | null; name_en: string | null; agency_id: number }>> {
  return db
    .selectFrom("programmes as p")
    .select(["p.id", "p.code", "p.name_th", "p.name_en", "p.agency_id"])
    .where("p.id", "in", (eb) =>
      eb.selectFrom("programme_enterprises").select("programme_id").where("enterprise_id", "=", enterpriseId),
    )
    .orderBy("p.first_fiscal_year", "desc")
    .orderBy("p.id")
    .execute();
}

export async function findProgrammeBrief(
  db: Executor,
  id: number,
): Promise<{ id: number; code: string; name_th: string | null; name_en: string | null } | undefined> {
  return db
    .selectFrom("programmes")
    .select(["id", "code", "name_th", "name_en"])
    .where("id", "=", id)
    .executeTakeFirst();
}

// ——— Satisfaction ———

/**
 * The ratings of requests closed in [from, until) (UTC instants), optionally only those of one agency's
 * providers: each rating once, as numbers.
 */
export async function ratingsClosedBetween(
  db: Executor,
  range: { from: string; until: string; agencyId?: number | null },
): Promise<number[]> {
  let q = db
    .selectFrom("service_requests as r")
    .select("r.rating")
    .where("r.status", "=", "closed")
    .where("r.rating", "is not", null)
    .where("r.closed_at", ">=", range.from)
    .where("r.closed_at", "<", range.until);
  if (range.agencyId !== undefined && range.agencyId !== null) {
    const agencyId = range.agencyId;
    q = q.where("r.provider_id", "in", (eb) =>
      eb.selectFrom("service_providers").select("id").where("agency_id", "=", agencyId),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => Number(r.rating));
}

export type { ServiceRequestRow };
