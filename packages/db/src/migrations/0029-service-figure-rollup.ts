import { sql, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";
import { rebuildFigureRollup } from "../service-figures-rollup.repository.ts";
import type { DB } from "../schema.ts";

type Db = Kysely<unknown>;

/**
 * The service figures kept as requests change (issue 13, point 10: the dashboard for a year in < 50 ms on 100,000
 * requests). One row per fiscal year of filing (Bangkok), provider (0: none), province and field, plus one total
 * row per fiscal year (provider −1, province and field `*`), each with core `ServiceFigureSums` as JSON: counts per
 * field and status, province, provider (with ratings) and month, each expert's open and closed requests, and per
 * clock the ended durations in working days as a histogram and the running clocks by due date (breached or not
 * depends on the day of asking). The fiscal year is the finest time the figures filter by, and a coarser key than a
 * day keeps the cells few: a day × provider × province × field key holds nearly one row per request, and the
 * dashboard without filters reads the one total row of each year. Back-filled here from the existing requests.
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  let table = db.schema
    .createTable("service_figure_rollup")
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("provider_key", "integer", (c) => c.notNull())
    .addColumn("province_code", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("sums", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("service_figure_rollup_pk", ["fiscal_year", "provider_key", "province_code", "field"]);
  // Without a rowid on SQLite the sums sit in the primary key's b-tree: a fiscal year is one range read.
  if (dialect === "sqlite") table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  // The rebuild reads only columns that exist since 0017 and the calendar of 0023.
  await rebuildFigureRollup(db as unknown as Kysely<DB>);
}
