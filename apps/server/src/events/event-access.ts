import type { Actor } from "@sainam/core";
import type { DB } from "@sainam/db";
import type { Kysely, Selectable, Transaction } from "kysely";
import { errors } from "../errors.ts";
import {
  authorize,
  can,
  type Action,
  type DealResource,
  type MeetingResource,
  type TradeEventResource,
} from "../policies/policy.ts";

type Executor = Kysely<DB> | Transaction<DB>;
export type TradeEventRow = Selectable<DB["trade_events"]>;
export type MeetingRow = Selectable<DB["meetings"]>;
export type DealRow = Selectable<DB["deals"]>;

/** The caller's firm, when they are a member of one. */
function actorFirm(actor: Actor): number | null {
  return actor.kind === "user" && actor.role === "member" ? actor.enterpriseId : null;
}

/** The policy's view of one event: its organiser, its creator, and whether the caller's firm takes part. */
export async function eventResource(db: Executor, actor: Actor, event: TradeEventRow): Promise<TradeEventResource> {
  const firm = actorFirm(actor);
  const participates =
    firm !== null &&
    (await db
      .selectFrom("event_participants")
      .select("id")
      .where("event_id", "=", event.id)
      .where("enterprise_id", "=", firm)
      .executeTakeFirst()) !== undefined;
  return {
    type: "trade_event",
    organiserAgencyId: event.organiser_agency_id,
    createdBy: event.created_by,
    published: event.published === 1,
    actorParticipates: participates,
  };
}

/**
 * One event as `actor` may act on it with `action`: 404 when it does not exist or the actor may not even read it
 * (so ids cannot be probed), 401/403 per the policy when they may read it but not do this. `keeper`: the actor
 * keeps the event (edits it, acts for its participants, sees its records).
 */
export async function loadEventFor(
  db: Executor,
  actor: Actor,
  id: number,
  action: Action,
): Promise<{ event: TradeEventRow; resource: TradeEventResource; keeper: boolean }> {
  const event = await db.selectFrom("trade_events").selectAll().where("id", "=", id).executeTakeFirst();
  if (!event) throw errors.notFound("event", id);
  const resource = await eventResource(db, actor, event);
  if (!can(actor, "read", resource)) {
    if (actor.kind === "public") throw errors.unauthenticated();
    throw errors.notFound("event", id);
  }
  authorize(actor, action, resource);
  return { event, resource, keeper: can(actor, "update", resource) };
}

/** The policy's view of one meeting: the two sides' firms (null for a buyer) and whether the actor keeps the event. */
export async function meetingResource(
  db: Executor,
  meeting: MeetingRow,
  eventKeeper: boolean,
): Promise<MeetingResource> {
  const sides = await db
    .selectFrom("event_participants")
    .select(["id", "enterprise_id"])
    .where("id", "in", [meeting.requester_id, meeting.target_id])
    .execute();
  const firmOf = (participantId: number) => sides.find((side) => side.id === participantId)?.enterprise_id ?? null;
  return {
    type: "meeting",
    eventKeeper,
    requesterEnterpriseId: firmOf(meeting.requester_id),
    targetEnterpriseId: firmOf(meeting.target_id),
    accepted: meeting.status === "accepted",
  };
}

/**
 * One meeting as `actor` may act on it with `action`; 404 as for events when they may not read it. The event is
 * loaded with `read` (a side's firm reads the event it takes part in).
 */
export async function loadMeetingFor(
  db: Executor,
  actor: Actor,
  id: number,
  action: Action,
): Promise<{ meeting: MeetingRow; event: TradeEventRow; resource: MeetingResource; eventKeeper: boolean }> {
  const meeting = await db.selectFrom("meetings").selectAll().where("id", "=", id).executeTakeFirst();
  if (!meeting) throw errors.notFound("meeting", id);
  const event = await db
    .selectFrom("trade_events")
    .selectAll()
    .where("id", "=", meeting.event_id)
    .executeTakeFirstOrThrow();
  const eventKeeper = can(actor, "update", await eventResource(db, actor, event));
  const resource = await meetingResource(db, meeting, eventKeeper);
  if (!can(actor, "read", resource)) {
    if (actor.kind === "public") throw errors.unauthenticated();
    throw errors.notFound("meeting", id);
  }
  authorize(actor, action, resource);
  return { meeting, event, resource, eventKeeper };
}

/** The policy's view of one deal: the firm's approved clusters, the event's keepers, the funding programme's agency. */
export async function dealResource(db: Executor, actor: Actor, deal: DealRow): Promise<DealResource> {
  const clusters = await db
    .selectFrom("memberships")
    .select("cluster_id")
    .where("enterprise_id", "=", deal.enterprise_id)
    .where("left_on", "is", null)
    .where("approved_at", "is not", null)
    .execute();
  let eventKeeper = false;
  if (deal.event_id !== null) {
    const event = await db
      .selectFrom("trade_events")
      .selectAll()
      .where("id", "=", deal.event_id)
      .executeTakeFirstOrThrow();
    eventKeeper = can(actor, "update", await eventResource(db, actor, event));
  }
  const programme =
    deal.programme_id === null
      ? undefined
      : await db.selectFrom("programmes").select("agency_id").where("id", "=", deal.programme_id).executeTakeFirst();
  return {
    type: "deal",
    enterpriseId: deal.enterprise_id,
    firmClusterIds: clusters.map((row) => row.cluster_id),
    eventKeeper,
    programmeAgencyId: programme?.agency_id ?? null,
  };
}

/** One deal as `actor` may act on it with `action`; 404 when they may not read it. */
export async function loadDealFor(
  db: Executor,
  actor: Actor,
  id: number,
  action: Action,
): Promise<{ deal: DealRow; resource: DealResource }> {
  const deal = await db.selectFrom("deals").selectAll().where("id", "=", id).executeTakeFirst();
  if (!deal) throw errors.notFound("deal", id);
  const resource = await dealResource(db, actor, deal);
  if (!can(actor, "read", resource)) {
    if (actor.kind === "public") throw errors.unauthenticated();
    throw errors.notFound("deal", id);
  }
  authorize(actor, action, resource);
  return { deal, resource };
}
