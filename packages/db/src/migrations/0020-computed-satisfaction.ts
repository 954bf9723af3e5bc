import type { Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Indicators whose values are computed rather than entered (issue 13, point 5): `computed_from` names the source,
 * today only `service_ratings` — the firms' ratings (1-5) of closed requests for help, as a mean satisfaction in
 * percent (core `satisfactionPercent`). `computed_agency_id` narrows it to the requests of the providers of one
 * agency (null: every provider). A computed value is written by the system for a period and then goes through
 * the plan's ordinary approval; nobody types it.
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("indicators").addColumn("computed_from", "text").execute();
  await db.schema
    .alterTable("indicators")
    .addColumn("computed_agency_id", "integer", (c) => c.references("agencies.id"))
    .execute();
}
