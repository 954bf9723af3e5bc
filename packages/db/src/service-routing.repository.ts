import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The two reads the service side does most (issue 13, points 3 and 8), measured by bench/services.ts: the experts a
 * new request could be routed to, and an expert's inbox. Written here by the service-levels work so the benchmark
 * measures the queries routing needs; the routing code itself (filing, routing rules) lives with the requests work.
 */

/** Statuses that count against an expert's capacity (core `openRequestStatuses`). */
const OPEN = ["assigned", "accepted"];

export type RoutingCandidate = {
  id: number;
  provider_id: number;
  display_name: string;
  capacity: number;
  open_cases: number;
};

/**
 * Available experts in `field` who serve the province — by the province itself, its region, or (an expert with no
 * areas of their own) wherever their provider serves — with their open cases, those with room first and the least
 * loaded (open ÷ capacity) first among them.
 */
export async function routingCandidates(
  db: Executor,
  input: { field: string; provinceCode: string; regionCode: string | null },
): Promise<RoutingCandidate[]> {
  const candidates = db
    .selectFrom("experts as e")
    .innerJoin("expert_fields as f", (join) => join.onRef("f.expert_id", "=", "e.id").on("f.field", "=", input.field))
    .where("e.available", "=", 1)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("expert_areas as a")
            .select("a.expert_id")
            .whereRef("a.expert_id", "=", "e.id")
            .where((w) =>
              w.or([
                w.and([w("a.area_type", "=", "province"), w("a.area_code", "=", input.provinceCode)]),
                ...(input.regionCode === null
                  ? []
                  : [w.and([w("a.area_type", "=", "region"), w("a.area_code", "=", input.regionCode)])]),
              ]),
            ),
        ),
        eb.and([
          eb.not(
            eb.exists(eb.selectFrom("expert_areas as a2").select("a2.expert_id").whereRef("a2.expert_id", "=", "e.id")),
          ),
          eb.exists(
            eb
              .selectFrom("provider_provinces as pp")
              .select("pp.provider_id")
              .whereRef("pp.provider_id", "=", "e.provider_id")
              .where("pp.province_code", "=", input.provinceCode),
          ),
        ]),
      ]),
    )
    .select((eb) => [
      "e.id",
      "e.provider_id",
      "e.display_name",
      "e.capacity",
      eb
        .selectFrom("service_requests as r")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("r.expert_id", "=", "e.id")
        .where("r.status", "in", OPEN)
        .as("open_cases"),
    ]);
  const rows = await db
    .selectFrom(candidates.as("c"))
    .selectAll()
    .orderBy(sql`case when c.open_cases < c.capacity then 0 else 1 end`)
    .orderBy(sql`1.0 * c.open_cases / c.capacity`)
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({ ...r, open_cases: Number(r.open_cases ?? 0) }));
}

export type InboxRow = {
  id: number;
  code: string;
  field: string;
  province_code: string;
  status: string;
  filed_at: string;
  response_due_on: string | null;
  closure_due_on: string | null;
};

/** An expert's open requests (offered or accepted), newest first, a page at a time. */
export async function expertInbox(
  db: Executor,
  expertId: number,
  page: { limit: number; offset: number },
): Promise<InboxRow[]> {
  return db
    .selectFrom("service_requests")
    .select(["id", "code", "field", "province_code", "status", "filed_at", "response_due_on", "closure_due_on"])
    .where("expert_id", "=", expertId)
    .where("status", "in", OPEN)
    .orderBy("filed_at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
