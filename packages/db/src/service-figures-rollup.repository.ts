import {
  addToFigureSums,
  clockSpans,
  emptyFigureSums,
  figureCellId,
  figureCellKeys,
  figureTotalCell,
  holidayDates,
  isEmptyFigureSums,
  mergeFigureSums,
  workingDaysBetween,
  type FigureCellKey,
  type ServiceFigureRow,
  type ServiceFigureSums,
} from "@sainam/core";
import { PostgresAdapter, sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The service figures' roll-up (migration 0029, issue 13 point 10): core `ServiceFigureSums` per cell of fiscal year
 * of filing, provider, province and field, and per fiscal year in total, so the dashboard reads one row a year
 * (or, filtered, the few cells of a provider, province or field) instead of scanning tens of thousands of requests.
 * A write locks the cells it changes, the year's total among them, until it commits. Every write that can change what a request counts goes through `trackFigures` (or
 * `recordFiledRequest`) in its own transaction: what the request counted before is taken away and what it counts
 * after is added, cell by cell. Durations are stored in working days, so a change of holidays rebuilds the whole
 * roll-up (`rebuildFigureRollup`, also the safety path: `npx sainam service-figures rebuild`).
 */

/** The request columns the figures read, in the order of core `ServiceFigureRow`. */
const figureColumns = [
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

/** Whether a change to a request sets any column the figures read (else the roll-up has nothing to follow). */
export const touchesFigures = (patch: object) => figureColumns.some((c) => c in patch);

type FigureColumns = { [K in (typeof figureColumns)[number]]: DB["service_requests"][K] };

function tupleOf(r: Pick<FigureColumns, (typeof figureColumns)[number]>): ServiceFigureRow {
  return [
    r.field,
    r.status,
    r.province_code,
    r.provider_id,
    r.expert_id,
    r.rating === null ? null : Number(r.rating),
    r.filed_at,
    r.routed_at,
    r.first_response_at,
    r.closed_at,
    r.response_due_on,
    r.closure_due_on,
  ] as ServiceFigureRow;
}

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The figure columns of the requests given; on PostgreSQL their rows are locked until the transaction ends. */
async function figureRowsOf(db: Executor, ids: readonly number[]): Promise<Map<number, ServiceFigureRow>> {
  if (ids.length === 0) return new Map();
  let query = db
    .selectFrom("service_requests")
    .select(["id", ...figureColumns])
    .where("id", "in", [...ids]);
  // Another transaction changing the same request between this read and our write would make the delta wrong.
  if (isPostgres(db)) query = query.forUpdate();
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, tupleOf(r)]));
}

/**
 * Working days between Bangkok dates, as the figures count them: working_day_calendar's ordinals for the dates it
 * covers, else the holidays walked (dates outside 2020-2040).
 */
async function workingDaysFor(db: Executor, dates: readonly string[]) {
  if (dates.length === 0) return () => 0;
  const rows = await db
    .selectFrom("working_day_calendar")
    .select(["day", "ordinal"])
    .where("day", "in", [...new Set(dates)])
    .execute();
  const ordinals = new Map(rows.map((r) => [r.day, Number(r.ordinal)]));
  let outside: ReturnType<typeof holidayDates> | null = null;
  if (dates.some((d) => !ordinals.has(d))) {
    const sorted = [...dates].sort();
    const holidays = await db
      .selectFrom("public_holidays")
      .select("date")
      .where("date", ">=", sorted[0] as string)
      .where("date", "<=", sorted[sorted.length - 1] as string)
      .execute();
    outside = holidayDates(holidays.map((h) => h.date));
  }
  return (a: string, b: string) => {
    const oa = ordinals.get(a);
    const ob = ordinals.get(b);
    if (oa !== undefined && ob !== undefined) return ob - oa;
    return workingDaysBetween(a, b, outside ?? holidayDates([]));
  };
}

const spanDates = (rows: readonly (ServiceFigureRow | null | undefined)[]) =>
  rows.flatMap((row) => {
    if (!row) return [];
    const { response, closure } = clockSpans(row);
    return [...(response ?? []), ...(closure ?? [])];
  });

const sameRow = (a: ServiceFigureRow, b: ServiceFigureRow) => a.every((v, i) => v === b[i]);

/** Per cell, what the changes add and take away (cells whose delta is empty are left out). */
function deltas(
  changes: readonly { before: ServiceFigureRow | null; after: ServiceFigureRow | null }[],
  between: (a: string, b: string) => number,
): Map<string, { key: FigureCellKey; sums: ServiceFigureSums }> {
  const cells = new Map<string, { key: FigureCellKey; sums: ServiceFigureSums }>();
  const apply = (row: ServiceFigureRow, sign: 1 | -1) => {
    for (const key of figureCellKeys(row)) {
      const id = figureCellId(key);
      let cell = cells.get(id);
      if (!cell) cells.set(id, (cell = { key, sums: emptyFigureSums() }));
      addToFigureSums(cell.sums, row, sign, between);
    }
  };
  for (const { before, after } of changes) {
    if (before && after && sameRow(before, after)) continue;
    if (before) apply(before, -1);
    if (after) apply(after, 1);
  }
  for (const [id, cell] of cells) if (isEmptyFigureSums(cell.sums)) cells.delete(id);
  return cells;
}

const whereCell = (key: FigureCellKey) => ({
  fiscal_year: key.fiscalYear,
  provider_key: key.providerKey,
  province_code: key.provinceCode,
  field: key.field,
});

/** Adds the deltas into their cells, locking each (in a fixed order, so two writers cannot deadlock on them). */
async function applyDeltas(db: Executor, cells: Map<string, { key: FigureCellKey; sums: ServiceFigureSums }>) {
  for (const id of [...cells.keys()].sort()) {
    const { key, sums: delta } = cells.get(id) as { key: FigureCellKey; sums: ServiceFigureSums };
    const where = whereCell(key);
    // One statement creates the cell if need be, locks it (on both engines) and reads its latest committed sums.
    const current = await db
      .insertInto("service_figure_rollup")
      .values({ ...where, sums: JSON.stringify(emptyFigureSums()) })
      .onConflict((oc) =>
        oc
          .columns(["fiscal_year", "provider_key", "province_code", "field"])
          .doUpdateSet({ sums: sql`service_figure_rollup.sums` }),
      )
      .returning("sums")
      .executeTakeFirstOrThrow();
    const sums = JSON.parse(current.sums) as ServiceFigureSums;
    mergeFigureSums(sums, delta);
    if (isEmptyFigureSums(sums))
      await db
        .deleteFrom("service_figure_rollup")
        .where("fiscal_year", "=", where.fiscal_year)
        .where("provider_key", "=", where.provider_key)
        .where("province_code", "=", where.province_code)
        .where("field", "=", where.field)
        .execute();
    else
      await db
        .updateTable("service_figure_rollup")
        .set({ sums: JSON.stringify(sums) })
        .where("fiscal_year", "=", where.fiscal_year)
        .where("provider_key", "=", where.provider_key)
        .where("province_code", "=", where.province_code)
        .where("field", "=", where.field)
        .execute();
  }
}

/**
 * Runs a write to the requests given and keeps the roll-up in step, in the caller's transaction: reads what each
 * request counts before, writes, reads again and applies the difference. Writes that change no figure column (a
 * programme link, a service-level stamp) need not come through here.
 */
export async function trackFigures<T>(db: Executor, ids: readonly number[], write: () => Promise<T>): Promise<T> {
  const before = await figureRowsOf(db, ids);
  const result = await write();
  const after = await figureRowsOf(db, ids);
  const changes = ids.map((id) => ({ before: before.get(id) ?? null, after: after.get(id) ?? null }));
  const between = await workingDaysFor(db, spanDates(changes.flatMap((c) => [c.before, c.after])));
  await applyDeltas(db, deltas(changes, between));
  return result;
}

/** Counts a request just inserted (in the inserting transaction). */
export async function recordFiledRequest(db: Executor, id: number): Promise<void> {
  const after = (await figureRowsOf(db, [id])).get(id) ?? null;
  const between = await workingDaysFor(db, spanDates([after]));
  await applyDeltas(db, deltas([{ before: null, after }], between));
}

/**
 * Recomputes the whole roll-up from the requests: after a change of holidays (durations are in working days), in
 * migration 0029, and as a safety path. Run it inside a transaction so readers never see it half-built.
 */
export async function rebuildFigureRollup(db: Executor): Promise<{ requests: number; cells: number }> {
  const rows = (await db.selectFrom("service_requests").select(figureColumns).execute()).map(tupleOf);
  const calendar = await db.selectFrom("working_day_calendar").select(["day", "ordinal"]).execute();
  const ordinals = new Map(calendar.map((r) => [r.day, Number(r.ordinal)]));
  let outside: ReturnType<typeof holidayDates> | null = null;
  const between = (a: string, b: string) => {
    const oa = ordinals.get(a);
    const ob = ordinals.get(b);
    if (oa !== undefined && ob !== undefined) return ob - oa;
    if (outside === null) throw new NeedHolidays();
    return workingDaysBetween(a, b, outside);
  };
  let cells: Map<string, { key: FigureCellKey; sums: ServiceFigureSums }>;
  const changes = rows.map((after) => ({ before: null, after }));
  try {
    cells = deltas(changes, between);
  } catch (error) {
    if (!(error instanceof NeedHolidays)) throw error;
    // Dates outside the calendar's span are rare: read every holiday only when one occurs.
    outside = holidayDates((await db.selectFrom("public_holidays").select("date").execute()).map((h) => h.date));
    cells = deltas(changes, between);
  }
  await db.deleteFrom("service_figure_rollup").execute();
  const values = [...cells.values()].map(({ key, sums }) => ({ ...whereCell(key), sums: JSON.stringify(sums) }));
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto("service_figure_rollup")
      .values(values.slice(i, i + 500))
      .execute();
  return { requests: rows.length, cells: values.length };
}

class NeedHolidays extends Error {}

/**
 * Which cells the figures add up: with no provider, province or field, the fiscal year's total cell (one row a
 * year); else the cells of that provider, province and field.
 */
export type FigureCellFilter = {
  fiscalYear?: number | undefined;
  providerId?: number | undefined;
  provinceCode?: string | undefined;
  field?: string | undefined;
};

/** The sums of the roll-up cells the filters select, parsed. */
export async function figureCells(db: Executor, filter: FigureCellFilter): Promise<ServiceFigureSums[]> {
  let query = db.selectFrom("service_figure_rollup").select("sums");
  if (filter.fiscalYear !== undefined) query = query.where("fiscal_year", "=", filter.fiscalYear);
  if (filter.providerId === undefined && filter.provinceCode === undefined && filter.field === undefined)
    query = query
      .where("provider_key", "=", figureTotalCell.providerKey)
      .where("province_code", "=", figureTotalCell.provinceCode)
      .where("field", "=", figureTotalCell.field);
  else {
    if (filter.providerId !== undefined) query = query.where("provider_key", "=", filter.providerId);
    if (filter.provinceCode !== undefined) query = query.where("province_code", "=", filter.provinceCode);
    if (filter.field !== undefined) query = query.where("field", "=", filter.field);
  }
  const rows = await query.execute();
  return rows.map((r) => JSON.parse(r.sums) as ServiceFigureSums);
}

/** Every cell with its key (for checks and tests): the rebuilt roll-up must equal the maintained one. */
export async function allCells(db: Executor) {
  const rows = await db.selectFrom("service_figure_rollup").selectAll().execute();
  return rows
    .map((r) => ({
      ...r,
      provider_key: Number(r.provider_key),
      fiscal_year: Number(r.fiscal_year),
      sums: JSON.parse(r.sums) as ServiceFigureSums,
    }))
    .sort((a, b) =>
      figureCellId({
        fiscalYear: a.fiscal_year,
        providerKey: a.provider_key,
        provinceCode: a.province_code,
        field: a.field,
      }) <
      figureCellId({
        fiscalYear: b.fiscal_year,
        providerKey: b.provider_key,
        provinceCode: b.province_code,
        field: b.field,
      })
        ? -1
        : 1,
    );
}
