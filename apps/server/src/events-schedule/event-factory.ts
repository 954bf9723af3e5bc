import { buyerNameKey, meetingPair } from "@sainam/core";
import type { Database } from "@sainam/db";
import { unique } from "../test-support/factories.ts";

/**
 * Trade events written straight into the tables of migration 0024, for the scheduling tests (creating events,
 * registering participants and accepting requests are another part's routes; these tests need rows in given states).
 */
export function eventFactory(database: Database) {
  const { db } = database;
  const now = () => new Date().toISOString();
  return {
    async event(fields: {
      organiserAgencyId: number | null;
      status?: string;
      timeZone?: string;
      titleTh?: string;
      titleEn?: string;
    }): Promise<number> {
      const row = await db
        .insertInto("trade_events")
        .values({
          kind: "business_matching",
          title_th: fields.titleTh ?? `งานจับคู่ธุรกิจ ${unique()}`,
          title_en: fields.titleEn ?? null,
          organiser_agency_id: fields.organiserAgencyId,
          country_code: "TH",
          city: "เชียงใหม่",
          venue: "ศูนย์ประชุมนานาชาติ",
          time_zone: fields.timeZone ?? "Asia/Bangkok",
          starts_on: "2026-12-10",
          ends_on: "2026-12-10",
          fiscal_year: 2027,
          status: fields.status ?? "open",
          created_at: now(),
          updated_at: now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Slots of 30 minutes from 09:00 on the event's day; answers their ids in time order. */
    async slots(eventId: number, count: number, day = "2026-12-10"): Promise<number[]> {
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        const minutes = 9 * 60 + 30 * i;
        const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const row = await db
          .insertInto("event_slots")
          .values({ event_id: eventId, day, starts_at: time(minutes), ends_at: time(minutes + 30) })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return ids;
    },

    async tables(eventId: number, count: number): Promise<number[]> {
      const ids: number[] = [];
      for (let number = 1; number <= count; number++) {
        const row = await db
          .insertInto("event_tables")
          .values({ event_id: eventId, number, label: `A${number}` })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return ids;
    },

    /** A member firm (with one contact) taking part; answers the participant and enterprise ids. */
    async firm(
      eventId: number,
      nameTh: string,
      contact?: { name: string; phone: string; email: string },
    ): Promise<{ participantId: number; enterpriseId: number }> {
      const enterprise = await db
        .insertInto("enterprises")
        .values({
          name_th: nameTh,
          name_en: null,
          legal_form: "company_limited",
          published: 1,
          is_example: 0,
          created_at: now(),
          updated_at: now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (contact)
        await db
          .insertInto("enterprise_contacts")
          .values({ enterprise_id: enterprise.id, position: null, ...contact })
          .execute();
      const participant = await db
        .insertInto("event_participants")
        .values({ event_id: eventId, enterprise_id: enterprise.id, role: "seller", created_at: now() })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { participantId: participant.id, enterpriseId: enterprise.id };
    },

    /** A foreign buyer taking part; answers the participant id. */
    async buyer(eventId: number, name: string, country: string, email: string | null = null): Promise<number> {
      const buyer = await db
        .insertInto("buyers")
        .values({
          name,
          name_key: `${buyerNameKey(name)} ${unique()}`,
          country_code: country,
          kind: "company",
          contact_name: email === null ? null : "Buyer Contact",
          contact_email: email,
          contact_phone: null,
          created_at: now(),
          updated_at: now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const participant = await db
        .insertInto("event_participants")
        .values({ event_id: eventId, buyer_id: buyer.id, role: "buyer", created_at: now() })
        .returning("id")
        .executeTakeFirstOrThrow();
      return participant.id;
    },

    async unavailable(participantId: number, slotIds: readonly number[]): Promise<void> {
      for (const slotId of slotIds)
        await db
          .insertInto("participant_unavailable_slots")
          .values({ participant_id: participantId, slot_id: slotId })
          .execute();
    },

    /** A meeting between two participants (accepted unless told), requested in the order of the calls. */
    async meeting(eventId: number, requesterId: number, targetId: number, status = "accepted"): Promise<number> {
      const pair = meetingPair(requesterId, targetId);
      const at = new Date(Date.UTC(2026, 10, 1) + unique() * 1000).toISOString();
      const row = await db
        .insertInto("meetings")
        .values({
          event_id: eventId,
          requester_id: requesterId,
          target_id: targetId,
          pair_low: pair.low,
          pair_high: pair.high,
          origin: "request",
          status,
          requested_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },
  };
}
