import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { ServiceFigureRow } from "@sainam/core";
import type { Dialect } from "./database.ts";
import type { DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Which requests the service figures count (issue 13, point 7). `filedFrom`/`filedBefore`: ISO instants bounding
 * filed_at (a Thai fiscal year turned into instants by the caller); the rest narrow by provider, province, field.
 */
export type ServiceFigureFilter = {
  filedFrom?: string | undefined;
  filedBefore?: string | undefined;
  providerId?: number | undefined;
  provinceCode?: string | undefined;
  field?: string | undefined;
};

/**
 * The calendar date in Bangkok (UTC+7, no daylight saving) of an ISO instant column: requests are filed, answered
 * and closed on Thai days, so months and working-day clocks read that date whatever the server's zone.
 */
export function bangkokDateSql(dialect: Dialect, column: string): RawBuilder<string> {
  return dialect === "postgres"
    ? sql<string>`to_char((${sql.ref(column)})::timestamptz at time zone 'Asia/Bangkok', 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(column)}, '+7 hours')`;
}

function base(db: Executor, filter: ServiceFigureFilter) {
  let query = db.selectFrom("service_requests");
  if (filter.filedFrom !== undefined) query = query.where("filed_at", ">=", filter.filedFrom);
  if (filter.filedBefore !== undefined) query = query.where("filed_at", "<", filter.filedBefore);
  if (filter.providerId !== undefined) query = query.where("provider_id", "=", filter.providerId);
  if (filter.provinceCode !== undefined) query = query.where("province_code", "=", filter.provinceCode);
  if (filter.field !== undefined) query = query.where("field", "=", filter.field);
  return query;
}

const num = (value: unknown): number => Number(value ?? 0);

/**
 * The few columns of each request the service figures count, in one scan (on SQLite from the covering figures
 * index): the figures are tallied in one pass in JS (core `tallyServiceFigures`), which costs less than the database
 * sorting the same rows once per GROUP BY.
 */
export async function figureRows(db: Executor, filter: ServiceFigureFilter): Promise<ServiceFigureRow[]> {
  return base(db, filter)
    .select([
      "field",
      "status",
      "province_code",
      "provider_id",
      "expert_id",
      "rating",
      "filed_at",
      "routed_at",
      "first_response_at",
      "closed_at",
      "response_due_on",
      "closure_due_on",
    ])
    .execute();
}

/** The working-day ordinals (working_day_calendar) of the dates in [from, to]. */
export async function calendarBetween(db: Executor, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("working_day_calendar")
    .select(["day", "ordinal"])
    .where("day", ">=", from)
    .where("day", "<=", to)
    .execute();
  return new Map(rows.map((r) => [r.day, Number(r.ordinal)]));
}

/** The experts of the providers given (all: every provider), by name: whose caseload the figures show. */
export async function caseloadExperts(
  db: Executor,
  filter: ServiceFigureFilter,
  providerIds: readonly number[] | "all",
) {
  if (providerIds !== "all" && providerIds.length === 0) return [];
  let experts = db.selectFrom("experts").select(["id", "display_name", "provider_id"]);
  if (providerIds !== "all") experts = experts.where("provider_id", "in", [...providerIds]);
  if (filter.providerId !== undefined) experts = experts.where("provider_id", "=", filter.providerId);
  return experts.orderBy("display_name").orderBy("id").execute();
}

/** Requests per field and status (totals per status are the sums over fields). */
export async function countsByFieldAndStatus(db: Executor, filter: ServiceFigureFilter) {
  const rows = await base(db, filter)
    .select((eb) => ["field", "status", eb.fn.countAll().as("n")])
    .groupBy(["field", "status"])
    .execute();
  return rows.map((r) => ({ field: r.field, status: r.status, requests: num(r.n) }));
}

export async function countsByProvince(db: Executor, filter: ServiceFigureFilter) {
  const rows = await base(db, filter)
    .select((eb) => ["province_code", eb.fn.countAll().as("n")])
    .groupBy("province_code")
    .execute();
  return rows.map((r) => ({ provinceCode: r.province_code, requests: num(r.n) }));
}

/** Requests filed per Bangkok month (`yyyy-mm`). */
export async function countsByMonth(db: Executor, dialect: Dialect, filter: ServiceFigureFilter) {
  const month = sql<string>`substr(${bangkokDateSql(dialect, "filed_at")}, 1, 7)`;
  const rows = await base(db, filter)
    .select((eb) => [month.as("month"), eb.fn.countAll().as("n")])
    .groupBy(month)
    .execute();
  return rows.map((r) => ({ month: r.month, requests: num(r.n) }));
}

/** Per provider (null: not yet with one): requests, open and closed ones, and the firms' ratings. */
export async function countsByProvider(db: Executor, filter: ServiceFigureFilter) {
  const rows = await base(db, filter)
    .select((eb) => [
      "provider_id",
      eb.fn.countAll().as("n"),
      eb.fn.sum<number>(sql`case when status in ('assigned', 'accepted') then 1 else 0 end`).as("open"),
      eb.fn.sum<number>(sql`case when status = 'closed' then 1 else 0 end`).as("closed"),
      eb.fn.count("rating").as("rated"),
      eb.fn.sum<number>(sql`coalesce(rating, 0)`).as("rating_sum"),
      eb.fn.sum<number>(sql`case when rating >= 4 then 1 else 0 end`).as("satisfied"),
    ])
    .groupBy("provider_id")
    .execute();
  return rows.map((r) => ({
    providerId: r.provider_id,
    requests: num(r.n),
    open: num(r.open),
    closed: num(r.closed),
    rated: num(r.rated),
    ratingSum: num(r.rating_sum),
    satisfied: num(r.satisfied),
  }));
}

/**
 * Both clocks of routed requests as one two-way histogram of whole working days, computed in the database in one
 * pass: the Bangkok dates a request was routed, first answered and closed are looked up in working_day_calendar and
 * each duration is the difference of two ordinals, so tens of thousands of requests come back as a few hundred rows
 * (response days, closure days, requests). Per clock: `ended` requests timed; `within`/`late` ended on or before /
 * after the request's own due date (no due date counts as within); `openLate` not ended and past its due date on
 * `today`. A request whose dates the calendar does not cover comes back in its own group with those dates
 * (`outStarted`, `outResponded`, `outClosed`) for the caller to count on the holidays. The response clock leaves
 * out requests withdrawn without an answer; the closure clock every withdrawn request (never closed).
 */
export async function clockHistograms(db: Executor, dialect: Dialect, filter: ServiceFigureFilter, today: string) {
  const closable = sql<number>`case when status = 'withdrawn' then 0 else 1 end`;
  let inner = base(db, filter)
    .where("routed_at", "is not", null)
    .where((eb) => eb.or([eb("status", "!=", "withdrawn"), eb("first_response_at", "is not", null)]))
    .select([
      bangkokDateSql(dialect, "routed_at").as("started"),
      bangkokDateSql(dialect, "first_response_at").as("responded"),
      sql<string | null>`case when status = 'closed' then ${bangkokDateSql(dialect, "closed_at")} end`.as("closed"),
      "response_due_on as response_due",
      "closure_due_on as closure_due",
      closable.as("closable"),
    ]);
  // OFFSET 0 keeps PostgreSQL from pulling the subquery up into the joins, where it would convert each date again for
  // every join condition, group key and sum (about 2.5× the time on a year's requests). SQLite reads the dates from
  // its figures index (migration 0023) either way.
  if (dialect === "postgres") inner = inner.modifyEnd(sql`offset 0`);
  const responseOut = sql`r.responded is not null and (cs.ordinal is null or cr.ordinal is null)`;
  const closureOut = sql`r.closed is not null and (cs.ordinal is null or cc.ordinal is null)`;
  const responseDays = sql<number | null>`cr.ordinal - cs.ordinal`;
  const closureDays = sql<number | null>`cc.ordinal - cs.ordinal`;
  const outStarted = sql<string | null>`case when ${responseOut} or ${closureOut} then r.started end`;
  const outResponded = sql<string | null>`case when ${responseOut} then r.responded end`;
  const outClosed = sql<string | null>`case when ${closureOut} then r.closed end`;
  const count = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const rows = await db
    .selectFrom(inner.as("r"))
    .leftJoin("working_day_calendar as cs", "cs.day", "r.started")
    .leftJoin("working_day_calendar as cr", "cr.day", "r.responded")
    .leftJoin("working_day_calendar as cc", "cc.day", "r.closed")
    .select((eb) => [
      responseDays.as("response_days"),
      closureDays.as("closure_days"),
      outStarted.as("out_started"),
      outResponded.as("out_responded"),
      outClosed.as("out_closed"),
      eb.fn.count("r.responded").as("response_ended"),
      count(sql`r.responded is not null and (r.response_due is null or r.responded <= r.response_due)`).as(
        "response_within",
      ),
      count(sql`r.responded > r.response_due`).as("response_late"),
      count(sql`r.responded is null and r.response_due < ${today}`).as("response_open_late"),
      eb.fn.count("r.closed").as("closure_ended"),
      count(sql`r.closed is not null and (r.closure_due is null or r.closed <= r.closure_due)`).as("closure_within"),
      count(sql`r.closed > r.closure_due`).as("closure_late"),
      count(sql`r.closable = 1 and r.closed is null and r.closure_due < ${today}`).as("closure_open_late"),
    ])
    .groupBy([responseDays, closureDays, outStarted, outResponded, outClosed])
    .execute();
  const text = (value: unknown) => (value === null ? null : String(value));
  const days = (value: unknown) => (value === null ? null : Number(value));
  return {
    response: rows.map((r) => ({
      days: days(r.response_days),
      outStarted: r.out_responded === null ? null : text(r.out_started),
      outEnded: text(r.out_responded),
      ended: num(r.response_ended),
      within: num(r.response_within),
      late: num(r.response_late),
      openLate: num(r.response_open_late),
    })),
    closure: rows.map((r) => ({
      days: days(r.closure_days),
      outStarted: r.out_closed === null ? null : text(r.out_started),
      outEnded: text(r.out_closed),
      ended: num(r.closure_ended),
      within: num(r.closure_within),
      late: num(r.closure_late),
      openLate: num(r.closure_open_late),
    })),
  };
}

/** Open and closed requests per expert of the providers given, with the expert's name and provider. */
export async function caseloadByExpert(
  db: Executor,
  filter: ServiceFigureFilter,
  providerIds: readonly number[] | "all",
) {
  if (providerIds !== "all" && providerIds.length === 0) return [];
  let experts = db.selectFrom("experts").select(["id", "display_name", "provider_id"]);
  if (providerIds !== "all") experts = experts.where("provider_id", "in", [...providerIds]);
  if (filter.providerId !== undefined) experts = experts.where("provider_id", "=", filter.providerId);
  const people = await experts.orderBy("display_name").orderBy("id").execute();
  if (people.length === 0) return [];
  const counts = await base(db, filter)
    .where("expert_id", "is not", null)
    .select((eb) => [
      "expert_id",
      eb.fn.sum<number>(sql`case when status in ('assigned', 'accepted') then 1 else 0 end`).as("open"),
      eb.fn.sum<number>(sql`case when status = 'closed' then 1 else 0 end`).as("closed"),
    ])
    .groupBy("expert_id")
    .execute();
  const byExpert = new Map(counts.map((c) => [c.expert_id, c]));
  return people.map((p) => ({
    expertId: p.id,
    displayName: p.display_name,
    providerId: p.provider_id,
    open: num(byExpert.get(p.id)?.open),
    closed: num(byExpert.get(p.id)?.closed),
  }));
}

/** The providers a user manages (provider_managers). */
export async function managedProviderIds(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom("provider_managers").select("provider_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.provider_id);
}

/** The providers of an agency. */
export async function agencyProviderIds(db: Executor, agencyId: number): Promise<number[]> {
  const rows = await db.selectFrom("service_providers").select("id").where("agency_id", "=", agencyId).execute();
  return rows.map((r) => r.id);
}
