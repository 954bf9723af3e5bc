import type { Kysely, Transaction } from "kysely";
import type { DB, PublicHolidayRow } from "./schema.ts";

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
  return db.insertInto("public_holidays").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function update(
  db: Executor,
  id: number,
  patch: { date?: string; name_th?: string; name_en?: string | null; kind?: string; updated_at: string },
): Promise<PublicHolidayRow | undefined> {
  return db.updateTable("public_holidays").set(patch).where("id", "=", id).returningAll().executeTakeFirst();
}

export async function remove(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("public_holidays").where("id", "=", id).execute();
}
