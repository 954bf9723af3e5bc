import type { Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * The two reads the service side does most (issue 13, point 10), measured by bench/services.ts on 100,000 requests:
 * - routing asks, for each candidate expert, when they were last offered a request: with (expert_id, assigned_at)
 *   that max() is one index probe instead of reading every offer the expert ever had (16 ms → 0.03 ms for ten
 *   experts on SQLite);
 * - routing starts from the providers that serve the request's province: provider_provinces by province_code (SQLite
 *   otherwise builds an automatic index for every routing);
 * - the request list is scoped by the union of the caller's ways in (offered to them, their providers', filed by
 *   them, …): filed_by needs its own index for that union to be read from indexes alone.
 */
export async function up(db: Db, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex("request_assignments_expert_at_idx")
    .on("request_assignments")
    .columns(["expert_id", "assigned_at"])
    .execute();
  await db.schema.createIndex("service_requests_filed_by_idx").on("service_requests").column("filed_by").execute();
}
