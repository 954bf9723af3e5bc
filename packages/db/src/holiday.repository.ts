import { holidayDates, workingDayCalendarSpan, workingDayOrdinals } from "@sainam/core";
import type { Kysely, Transaction } from "kysely";
import type { DB, PublicHolidayRow } from "./schema.ts";
import { rebuildFigureRollup } from "./service-figures-rollup.repository.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** Holidays whose date lies in [from, to] (ISO dates compare as text), by date. */
export async function listBetween(db: Executor, from: string, to: string): Promise<PublicHolidayRow[]> {
  return db
    .selectFrom("public_holidays")
    .selectAll()
    .where("date", ">=", from)
    .where("date", "<=", to)
    .orderBy("date")
    .execute();
}

/** The dates only, from `from` on: what working-day arithmetic needs. */
export async function datesFrom(db: Executor, from: string): Promise<string[]> {
  const rows = await db.selectFrom("public_holidays").select("date").where("date", ">=", from).execute();
  return rows.map((row) => row.date);
}

export async function find(db: Executor, id: number): Promise<PublicHolidayRow | undefined> {
  return db.selectFrom("public_holidays").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findByDate(db: Executor, date: string): Promise<PublicHolidayRow | undefined> {
  return db.selectFrom("public_holidays").selectAll().where("date", "=", date).executeTakeFirst();
}

export async function insert(
  db: Executor,
  row: { date: string; name_th: string; name_en: string | null; kind: string; created_at: string; updated_at: string },
): Promise<PublicHolidayRow> {
  const inserted = await db.insertInto("public_holidays").values(row).returningAll().executeTakeFirstOrThrow();
  await holidaysChanged(db);
  return inserted;
}

export async function update(
  db: Executor,
  id: number,
  patch: { date?: string; name_th?: string; name_en?: string | null; kind?: string; updated_at: string },
): Promise<PublicHolidayRow | undefined> {
  const updated = await db
    .updateTable("public_holidays")
    .set(patch)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  if (updated !== undefined && patch.date !== undefined) await holidaysChanged(db);
  return updated;
}

export async function remove(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("public_holidays").where("id", "=", id).execute();
  await holidaysChanged(db);
}

/**
 * What derives from the holidays, recomputed in the holiday write's transaction: the working-day calendar, and the
 * service figures' roll-up, whose clock durations are counted in working days (migration 0029).
 */
async function holidaysChanged(db: Executor): Promise<void> {
  await rebuildWorkingDayCalendar(db);
  await rebuildFigureRollup(db);
}

/**
 * Recomputes working_day_calendar (migration 0023) from public_holidays. Every write to the holidays calls it with
 * the same executor, so inside the caller's transaction the calendar never disagrees with the holidays it derives from.
 */
export async function rebuildWorkingDayCalendar(db: Executor): Promise<void> {
  const dates = await db.selectFrom("public_holidays").select("date").execute();
  const rows = workingDayOrdinals(
    workingDayCalendarSpan.from,
    workingDayCalendarSpan.to,
    holidayDates(dates.map((d) => d.date)),
  );
  await db.deleteFrom("working_day_calendar").execute();
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("working_day_calendar")
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** The working-day ordinals of the dates given that the calendar table covers (for tests and checks). */
export async function calendarOrdinals(db: Executor, days: readonly string[]): Promise<Map<string, number>> {
  if (days.length === 0) return new Map();
  const rows = await db
    .selectFrom("working_day_calendar")
    .select(["day", "ordinal"])
    .where("day", "in", [...days])
    .execute();
  return new Map(rows.map((r) => [r.day, Number(r.ordinal)]));
}
