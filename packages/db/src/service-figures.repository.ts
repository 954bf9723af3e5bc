import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
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
 * One clock of routed requests as a histogram of whole working days, computed in the database: the Bangkok dates
 * a request was routed and answered (or closed) are looked up in working_day_calendar and the duration is the
 * difference of their ordinals, so tens of thousands of requests come back as a few dozen rows (days, requests).
 * `within`/`late`: ended on or before / after the request's own due date (no due date counts as within);
 * `openLate`: not ended and past its due date on `today`. A request whose dates the calendar does not cover comes
 * back in its own group with those dates (`outStarted`, `outEnded`) for the caller to count on the calendar.
 * Response: requests withdrawn without an answer never had a response to time; closure: withdrawn requests are
 * never closed.
 */
export async function clockHistogram(
  db: Executor,
  dialect: Dialect,
  filter: ServiceFigureFilter,
  clock: "response" | "closure",
  today: string,
) {
  const started = bangkokDateSql(dialect, "routed_at");
  const ended =
    clock === "response"
      ? bangkokDateSql(dialect, "first_response_at")
      : sql<string | null>`case when status = 'closed' then ${bangkokDateSql(dialect, "closed_at")} end`;
  const due = clock === "response" ? sql.ref("response_due_on") : sql.ref("closure_due_on");
  let clocks = base(db, filter).where("routed_at", "is not", null);
  clocks =
    clock === "response"
      ? clocks.where((eb) => eb.or([eb("status", "!=", "withdrawn"), eb("first_response_at", "is not", null)]))
      : clocks.where("status", "!=", "withdrawn");
  const inner = clocks.select([started.as("started"), ended.as("ended"), due.as("due")]);
  const uncovered = sql`r.ended is not null and (cs.ordinal is null or ce.ordinal is null)`;
  const days = sql<number | null>`ce.ordinal - cs.ordinal`;
  const outStarted = sql<string | null>`case when ${uncovered} then r.started end`;
  const outEnded = sql<string | null>`case when ${uncovered} then r.ended end`;
  const rows = await db
    .selectFrom(inner.as("r"))
    .leftJoin("working_day_calendar as cs", "cs.day", "r.started")
    .leftJoin("working_day_calendar as ce", "ce.day", "r.ended")
    .select((eb) => [
      days.as("days"),
      outStarted.as("out_started"),
      outEnded.as("out_ended"),
      eb.fn.count("r.ended").as("ended"),
      eb.fn
        .sum<number>(sql`case when r.ended is not null and (r.due is null or r.ended <= r.due) then 1 else 0 end`)
        .as("within"),
      eb.fn.sum<number>(sql`case when r.ended is not null and r.ended > r.due then 1 else 0 end`).as("late"),
      eb.fn.sum<number>(sql`case when r.ended is null and r.due < ${today} then 1 else 0 end`).as("open_late"),
    ])
    .groupBy([days, outStarted, outEnded])
    .execute();
  return rows.map((r) => ({
    days: r.days === null ? null : Number(r.days),
    outStarted: r.out_started === null ? null : String(r.out_started),
    outEnded: r.out_ended === null ? null : String(r.out_ended),
    ended: num(r.ended),
    within: num(r.within),
    late: num(r.late),
    openLate: num(r.open_late),
  }));
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
