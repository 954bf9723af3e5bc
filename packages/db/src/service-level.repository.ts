import type { Kysely, Transaction } from "kysely";
import type { DB } from "./schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** The four service-level flags; each has its own stamp column, so each fires once per request. */
export type ServiceLevelFlagKind = "response_warning" | "response_breach" | "closure_warning" | "closure_breach";

const stampColumn = {
  response_warning: "response_warned_at",
  response_breach: "response_breached_at",
  closure_warning: "closure_warned_at",
  closure_breach: "closure_breached_at",
} as const;

/** Requests still being worked: closed and withdrawn ones are never timed. */
const FINAL_STATUSES = ["closed", "withdrawn"];

export type StampedRequest = {
  id: number;
  code: string;
  provider_id: number | null;
  expert_id: number | null;
  due_on: string;
};

/**
 * Stamps `kind` on every open request it is due for and returns the requests this call stamped. The condition and
 * the stamp are one UPDATE with `stamp IS NULL`, so two runs (or two servers) at once cannot both stamp a request:
 * the second UPDATE sees the first's stamp (PostgreSQL re-checks the row after the lock; SQLite writes one at a
 * time) and returns nothing for it.
 *
 * Warnings: the due date lies in [today, warnUntil] (due today or by the next working day). Breaches: the due date
 * is before today (the whole due day has passed). Response flags need no first response yet; closure flags need the
 * request not closed (its status is not final). The stamps are no column the service figures read (breaches are
 * counted from the due dates), so the figures' roll-up (migration 0029) is not touched.
 */
export async function stampDue(
  db: Executor,
  kind: ServiceLevelFlagKind,
  today: string,
  warnUntil: string,
  at: string,
): Promise<StampedRequest[]> {
  const stamp = stampColumn[kind];
  const dueColumn = kind.startsWith("response") ? "response_due_on" : "closure_due_on";
  let query = db
    .updateTable("service_requests")
    .set({ [stamp]: at, updated_at: at })
    .where(stamp, "is", null)
    .where("status", "not in", FINAL_STATUSES)
    .where(dueColumn, "is not", null);
  if (kind.startsWith("response")) query = query.where("first_response_at", "is", null);
  query = kind.endsWith("warning")
    ? query.where(dueColumn, ">=", today).where(dueColumn, "<=", warnUntil)
    : query.where(dueColumn, "<", today);
  const rows = await query.returning(["id", "code", "provider_id", "expert_id", dueColumn]).execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    provider_id: row.provider_id,
    expert_id: row.expert_id,
    due_on: String((row as Record<string, unknown>)[dueColumn]),
  }));
}

/** The users of the experts given (experts who have not signed in yet have none). */
export async function expertUsers(db: Executor, expertIds: readonly number[]): Promise<Map<number, number>> {
  if (expertIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("experts")
    .select(["id", "user_id"])
    .where("id", "in", [...new Set(expertIds)])
    .where("user_id", "is not", null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.user_id as number]));
}

/** The managers of each provider given, by user id. */
export async function providerManagers(db: Executor, providerIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (providerIds.length === 0) return out;
  const rows = await db
    .selectFrom("provider_managers")
    .select(["provider_id", "user_id"])
    .where("provider_id", "in", [...new Set(providerIds)])
    .orderBy("user_id")
    .execute();
  for (const r of rows) out.set(r.provider_id, [...(out.get(r.provider_id) ?? []), r.user_id]);
  return out;
}

/** Appends a timeline event for each request given (actor null: the system noticed). */
export async function insertEvents(
  db: Executor,
  events: readonly { requestId: number; kind: string; at: string; data: unknown }[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto("request_events")
    .values(
      events.map((e) => ({
        request_id: e.requestId,
        kind: e.kind,
        actor_user_id: null,
        at: e.at,
        data_json: JSON.stringify(e.data),
      })),
    )
    .execute();
}
