/**
 * Market linkage records for deal tests (issue 14, points 4 and 5), inserted with Kysely on either engine: events,
 * buyers, participants and held meetings come from other helpers' APIs once merged; the deals under test go
 * through the deals API.
 */
import { buyerNameKey, fiscalYearOf, meetingPair } from "@sainam/core";
import type { DB } from "@sainam/db";
import type { Kysely } from "kysely";
import { unique } from "./factories.ts";

const stamp = "2026-06-01T03:00:00.000Z";

export type MarketEventInput = {
  programmeId?: number | null;
  organiserAgencyId?: number | null;
  createdBy?: number | null;
  clusterId?: number | null;
  published?: boolean;
  budget?: number | null;
  startsOn?: string;
  countryCode?: string;
  provinceCode?: string | null;
  titleTh?: string;
};

/** A trade event (business matching in Chiang Mai on the day given), closed: meetings held, outcomes due. */
export async function insertTradeEvent(db: Kysely<DB>, input: MarketEventInput = {}): Promise<number> {
  const startsOn = input.startsOn ?? "2026-06-10";
  const { id } = await db
    .insertInto("trade_events")
    .values({
      kind: "business_matching",
      title_th: input.titleTh ?? `งานจับคู่ธุรกิจ ${unique()}`,
      title_en: null,
      description_th: null,
      description_en: null,
      agenda_th: null,
      agenda_en: null,
      organiser_agency_id: input.organiserAgencyId ?? null,
      programme_id: input.programmeId ?? null,
      activity_id: null,
      cluster_id: input.clusterId ?? null,
      country_code: input.countryCode ?? "TH",
      city: null,
      province_code: input.provinceCode === undefined ? "50" : input.provinceCode,
      venue: null,
      online_url: null,
      time_zone: "Asia/Bangkok",
      starts_on: startsOn,
      ends_on: startsOn,
      fiscal_year: fiscalYearOf(startsOn),
      budget: input.budget === undefined ? 100000 : input.budget,
      status: "closed",
      published: input.published === false ? 0 : 1,
      created_by: input.createdBy ?? null,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A buyer without a Thai juristic ID, found again by name and country when it exists. */
export async function insertBuyer(db: Kysely<DB>, name: string, countryCode: string): Promise<number> {
  const key = buyerNameKey(name);
  const found = await db
    .selectFrom("buyers")
    .select("id")
    .where("name_key", "=", key)
    .where("country_code", "=", countryCode)
    .executeTakeFirst();
  if (found) return found.id;
  const { id } = await db
    .insertInto("buyers")
    .values({
      name,
      name_key: key,
      country_code: countryCode,
      city: null,
      kind: "company",
      website: null,
      description: null,
      contact_name: "Contact Person",
      contact_email: "buyer@example.com",
      contact_phone: null,
      created_by: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertParticipant(
  db: Kysely<DB>,
  eventId: number,
  party: { enterpriseId?: number; buyerId?: number },
  role: "seller" | "buyer" | "both" = party.buyerId === undefined ? "seller" : "buyer",
): Promise<number> {
  const { id } = await db
    .insertInto("event_participants")
    .values({
      event_id: eventId,
      enterprise_id: party.enterpriseId ?? null,
      buyer_id: party.buyerId ?? null,
      role,
      checked_in_at: null,
      created_by: null,
      created_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * A meeting between two participants: requested (status "requested"), accepted and scheduled in a slot on the
 * event's day, or held (accepted, scheduled, attendance held).
 */
export async function insertMeeting(
  db: Kysely<DB>,
  eventId: number,
  requesterId: number,
  targetId: number,
  state: "requested" | "accepted" | "scheduled" | "held" = "held",
): Promise<number> {
  const event = await db
    .selectFrom("trade_events")
    .select("starts_on")
    .where("id", "=", eventId)
    .executeTakeFirstOrThrow();
  let slotId: number | null = null;
  let tableId: number | null = null;
  if (state === "scheduled" || state === "held") {
    const n = unique();
    const hh = String(8 + (n % 10)).padStart(2, "0");
    const mm = String(n % 60).padStart(2, "0");
    ({ id: slotId } = await db
      .insertInto("event_slots")
      .values({ event_id: eventId, day: event.starts_on, starts_at: `${hh}:${mm}`, ends_at: `${hh}:${mm}:59` })
      .returning("id")
      .executeTakeFirstOrThrow());
    ({ id: tableId } = await db
      .insertInto("event_tables")
      .values({ event_id: eventId, number: n, label: null })
      .returning("id")
      .executeTakeFirstOrThrow());
  }
  const pair = meetingPair(requesterId, targetId);
  const { id } = await db
    .insertInto("meetings")
    .values({
      event_id: eventId,
      requester_id: requesterId,
      target_id: targetId,
      pair_low: pair.low,
      pair_high: pair.high,
      origin: "request",
      reason_json: null,
      message: null,
      status: state === "requested" ? "requested" : "accepted",
      requested_by: null,
      requested_at: stamp,
      decided_by: null,
      decided_at: state === "requested" ? null : stamp,
      decline_reason: null,
      slot_id: slotId,
      table_id: tableId,
      attendance: state === "held" ? "held" : null,
      attendance_at: state === "held" ? stamp : null,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** An event with one firm and one foreign buyer who met (held): answers the ids. */
export async function insertHeldMeeting(
  db: Kysely<DB>,
  event: MarketEventInput & { enterpriseId: number; buyer?: { name: string; countryCode: string } },
): Promise<{ eventId: number; meetingId: number; buyerId: number; firmParticipantId: number }> {
  const eventId = await insertTradeEvent(db, event);
  const buyerId = await insertBuyer(
    db,
    event.buyer?.name ?? "Nippon Foods Co., Ltd.",
    event.buyer?.countryCode ?? "JP",
  );
  const firmParticipantId = await insertParticipant(db, eventId, { enterpriseId: event.enterpriseId });
  const buyerParticipantId = await insertParticipant(db, eventId, { buyerId });
  const meetingId = await insertMeeting(db, eventId, firmParticipantId, buyerParticipantId, "held");
  return { eventId, meetingId, buyerId, firmParticipantId };
}
