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

/**
 * The few columns of each request the service figures count, in one scan (on SQLite from the covering figures
 * index): the figures are tallied in one pass in JS (core `tallyServiceFigures`), which costs less than the database
 * sorting the same rows once per GROUP BY.
 */
export async function figureRows(
  db: Executor,
  dialect: Dialect,
  filter: ServiceFigureFilter,
): Promise<ServiceFigureRow[]> {
  const names = [
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
  ] as const;
  if (dialect === "postgres") {
    // pg's rows are plain objects, cheap to read; json_agg of the same rows measured slower (~130 vs ~70 ms a year).
    const rows = await base(db, filter).select(names).execute();
    return rows.map((r) => [
      r.field,
      r.status,
      r.province_code,
      r.provider_id,
      r.expert_id,
      r.rating,
      r.filed_at,
      r.routed_at,
      r.first_response_at,
      r.closed_at,
      r.response_due_on,
      r.closure_due_on,
    ]);
  }
  // node:sqlite's row objects have no prototype and cost ~90 ms to read for a year's 33,000 rows; the same rows as
  // one JSON array of tuples cost ~30 ms (see ServiceFigureRow).
  const all = sql<string>`json_group_array(json_array(${sql.join(names.map((c) => sql.ref(c)))}))`;
  const row = await base(db, filter).select(all.as("rows")).executeTakeFirst();
  return (row === undefined ? [] : JSON.parse(row.rows)) as ServiceFigureRow[];
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
