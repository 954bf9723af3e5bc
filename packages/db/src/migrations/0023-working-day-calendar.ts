import { holidayDates, workingDayCalendarSpan, workingDayOrdinals } from "@sainam/core";
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * The working-day calendar as a table: every date of `workingDayCalendarSpan` with its working-day ordinal (working
 * days from the span's start up to and including it, on the Thai calendar of public_holidays). The service figures
 * time a request's clock as ordinal(end) − ordinal(start) in SQL and aggregate durations there, instead of sending
 * each (start, end) pair to the server to count. It is derived data: rebuilt in the transaction of every change to
 * public_holidays (holiday.repository, the reference seed), never edited by hand.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  // Without a rowid on SQLite the ordinal sits in the primary key's b-tree: one lookup a date, not two.
  let calendar = db.schema
    .createTable("working_day_calendar")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("ordinal", "integer", (c) => c.notNull());
  if (dialect === "sqlite") calendar = calendar.modifyEnd(sql`without rowid`);
  await calendar.execute();
  const holidays = await sql<{ date: string }>`SELECT date FROM public_holidays`.execute(db);
  const rows = workingDayOrdinals(
    workingDayCalendarSpan.from,
    workingDayCalendarSpan.to,
    holidayDates(holidays.rows.map((r) => r.date)),
  );
  for (let i = 0; i < rows.length; i += 1000) {
    const values = rows.slice(i, i + 1000).map((r) => sql`(${r.day}, ${r.ordinal})`);
    await sql`INSERT INTO working_day_calendar (day, ordinal) VALUES ${sql.join(values)}`.execute(db);
  }
  if (dialect === "sqlite") await figuresIndexWithDates(db);
}

/**
 * SQLite: migration 0021's covering index for the figures again, plus the Bangkok dates the figures group and time
 * by (the expressions `bangkokDateSql` writes, character for character apart from quoting). SQLite reads an indexed
 * expression from the index instead of evaluating it, so a year's clocks and months no longer run date() on every
 * request each time they are read (bench/services.ts: about 40 ms → 3 ms for one such column over a year).
 * PostgreSQL keeps 0021's index: it cannot index these expressions (text to timestamptz is not immutable).
 */
async function figuresIndexWithDates(db: Db): Promise<void> {
  await sql`DROP INDEX IF EXISTS service_requests_figures_idx`.execute(db);
  await sql`CREATE INDEX service_requests_figures_idx ON service_requests (
    filed_at, field, status, province_code, provider_id, expert_id, rating, routed_at, first_response_at, closed_at,
    response_due_on, closure_due_on,
    date(filed_at, '+7 hours'), date(routed_at, '+7 hours'), date(first_response_at, '+7 hours'),
    date(closed_at, '+7 hours'))`.execute(db);
}
