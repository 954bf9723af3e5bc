import type { Kysely } from "kysely";
import type { DB } from "@sainam/db";
import { ok } from "./factories.ts";
import {
  addBuyerParticipant,
  addFirmParticipant,
  buildBuyer,
  createEvent,
  openEvent,
  setLayout,
} from "./market-factory-events.ts";
import type { Client } from "./test-app.ts";

/**
 * The trade events of the access matrix (issue 14), one per variant, seen from the MOC officer and the member of
 * firm 1:
 * - `own`: organised by the MOC, published and open; the member's firm takes part;
 * - `otherAgency`: organised by the DIP, published and open; another firm takes part;
 * - `unpublished`: organised by the DIP, an unpublished draft; the unpublished firm takes part.
 * Each has slots on a past day (so attendance may be recorded) and tables, a buyer, and a requested meeting between
 * the firm and the buyer. Everything is made by the admin through the API, except meetings, which are inserted
 * (a draft event takes no meeting requests) — fresh ones per call, for the operations that change a meeting.
 * `openUnpublished`: an open but unpublished DIP event, for the operations that need an open event.
 */
export const eventVariants = ["own", "otherAgency", "unpublished"] as const;
export type EventVariant = (typeof eventVariants)[number];

/** The day the world's events are held: past, so that attendance can be recorded. */
const EVENT_DAY = "2026-11-02";

type Base = {
  db: Kysely<DB>;
  admin: Client;
  agencyOf: Record<EventVariant, number>;
  firm: Record<EventVariant, number>;
  /** The programme that funds each variant's event (its deals' orders are claimed as its value). */
  programme: Record<EventVariant, number>;
};

export async function buildMarketWorld(base: Base) {
  const { db, admin, agencyOf, firm, programme } = base;

  /** A fresh event of the variant: published and open, or (unpublished) an unpublished draft, or open if asked. */
  const newEvent = async (v: EventVariant, options: { open?: boolean } = {}) => {
    const created = await createEvent(admin, {
      organiserAgencyId: agencyOf[v],
      programmeId: programme[v],
      startsOn: EVENT_DAY,
      endsOn: EVENT_DAY,
    });
    if (v !== "unpublished" || options.open) await openEvent(admin, created.id);
    if (v !== "unpublished")
      await ok(admin.request("POST", `/api/events/${created.id}/published`, { published: true }));
    return created.id;
  };

  const event = {} as Record<EventVariant, number>;
  const firmParticipant = {} as Record<EventVariant, number>;
  const buyerParticipant = {} as Record<EventVariant, number>;
  const slot = {} as Record<EventVariant, number>;
  const meeting = {} as Record<EventVariant, number>;

  const insertMeeting = async (
    eventId: number,
    requesterId: number,
    targetId: number,
    status: "requested" | "accepted",
    slotId: number | null = null,
  ) => {
    const now = new Date().toISOString();
    const { id } = await db
      .insertInto("meetings")
      .values({
        event_id: eventId,
        requester_id: requesterId,
        target_id: targetId,
        pair_low: Math.min(requesterId, targetId),
        pair_high: Math.max(requesterId, targetId),
        origin: "organiser",
        reason_json: null,
        message: null,
        status,
        requested_by: null,
        requested_at: now,
        decided_by: null,
        decided_at: status === "accepted" ? now : null,
        decline_reason: null,
        slot_id: slotId,
        table_id: null,
        attendance: null,
        attendance_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  };

  for (const v of eventVariants) {
    event[v] = await newEvent(v);
    const layout = await setLayout(admin, { id: event[v], startsOn: EVENT_DAY }, { tables: 3 });
    const first = layout.slots[0];
    if (!first) throw new Error("no slots generated");
    slot[v] = first.id;
    firmParticipant[v] = (await addFirmParticipant(admin, event[v], firm[v])).id;
    buyerParticipant[v] = (await addBuyerParticipant(admin, event[v])).id;
    meeting[v] = await insertMeeting(event[v], firmParticipant[v], buyerParticipant[v], "requested");
  }
  const openUnpublished = await newEvent("unpublished", { open: true });
  const openUnpublishedFirm = (await addFirmParticipant(admin, openUnpublished, firm.unpublished)).id;

  /** The event an operation that needs an open event acts on. */
  const openEventOf = (v: EventVariant) => (v === "unpublished" ? openUnpublished : event[v]);
  /** The variant's firm's participant in `openEventOf(v)`. */
  const openFirmOf = (v: EventVariant) => (v === "unpublished" ? openUnpublishedFirm : firmParticipant[v]);
  /** A fresh buyer taking part in the event: answers its participant id. */
  const newBuyer = async (eventId: number) => (await addBuyerParticipant(admin, eventId)).id;
  /**
   * A fresh meeting at the variant's event that a fresh buyer requested of the variant's firm (so the member of
   * firm 1 is the side asked at `own`), or, `firmAsks`, that the firm requested of a fresh buyer; `accepted` ones
   * are scheduled in the event's first slot.
   */
  const newMeeting = async (
    v: EventVariant,
    status: "requested" | "accepted" = "requested",
    options: { firmAsks?: boolean } = {},
  ) => {
    const buyer = await newBuyer(event[v]);
    const [requester, target] = options.firmAsks ? [firmParticipant[v], buyer] : [buyer, firmParticipant[v]];
    return insertMeeting(event[v], requester, target, status, status === "accepted" ? slot[v] : null);
  };
  /** A fresh meeting of the variant that was held (accepted, scheduled, attendance recorded). */
  const newHeldMeeting = async (v: EventVariant) => {
    const id = await newMeeting(v, "accepted");
    await db
      .updateTable("meetings")
      .set({ attendance: "held", attendance_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
    return id;
  };
  /** A fresh deal of the variant's firm, from a held meeting, recorded by the admin (follow-ups at 3/6/12 months). */
  const newDeal = async (v: EventVariant) =>
    (
      await ok<{ id: number }>(
        admin.request("POST", `/api/meetings/${await newHeldMeeting(v)}/outcome`, {
          stage: "follow_up",
          expectedValue: 100_000,
        }),
        201,
      )
    ).id;
  /** A fresh realised order of a fresh deal of the variant (an amount of its own, so no claim is the same). */
  let orderAmount = 10_000;
  const newOrder = async (v: EventVariant) => {
    const deal = await ok<{ orders: Array<{ id: number }> }>(
      admin.request("POST", `/api/deals/${await newDeal(v)}/orders`, {
        amount: orderAmount++,
        orderedOn: EVENT_DAY,
        evidenceNote: "ใบสั่งซื้อ",
      }),
      201,
    );
    const order = deal.orders.at(-1);
    if (!order) throw new Error("order not recorded");
    return order.id;
  };
  const deal = {} as Record<EventVariant, number>;
  for (const v of eventVariants) deal[v] = await newDeal(v);

  /** A participants file adding one fresh buyer. */
  const participantFile = () => {
    const buyer = buildBuyer();
    return Buffer.from(`Name,Country,City,Role\n"${buyer.name}",JP,Tokyo,buyer\n`, "utf8");
  };

  return {
    day: EVENT_DAY,
    event,
    firmParticipant,
    buyerParticipant,
    slot,
    meeting,
    newEvent,
    newBuyer,
    newMeeting,
    newHeldMeeting,
    deal,
    newDeal,
    newOrder,
    openEventOf,
    openFirmOf,
    participantFile,
  };
}

export type MarketWorld = Awaited<ReturnType<typeof buildMarketWorld>>;
