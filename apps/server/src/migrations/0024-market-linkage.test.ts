import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingPair } from "@sainam/core";
import type { Kysely } from "kysely";
import type { DB } from "@sainam/db";
import { ADMIN, createTestApp, type TestApp } from "../test-support/test-app.ts";
import { createEnterprise } from "../test-support/factories.ts";

// Migration 0024: the tables of market linkage keep the rules a database can keep: a participant is a firm or a
// buyer (exactly one), a pair meets once per event, a table holds one meeting per slot, a deal has one follow-up
// per 3/6/12 months, and an order becomes at most one value claim.

let t: TestApp;
let db: Kysely<DB>;
let eventId: number;
let firms: number[];

const now = "2026-12-07T10:00:00.000Z";

beforeAll(async () => {
  t = await createTestApp();
  db = t.ctx.database.db;
  const admin = await t.signIn(ADMIN.email, ADMIN.password);
  firms = [];
  for (let i = 0; i < 3; i += 1) firms.push((await createEnterprise<{ id: number }>(admin)).id);
  ({ id: eventId } = await db
    .insertInto("trade_events")
    .values({
      kind: "business_matching",
      title_th: "งานจับคู่ธุรกิจ",
      title_en: null,
      description_th: null,
      description_en: null,
      agenda_th: null,
      agenda_en: null,
      organiser_agency_id: null,
      programme_id: null,
      activity_id: null,
      cluster_id: null,
      country_code: "TH",
      city: null,
      province_code: "50",
      venue: null,
      online_url: null,
      time_zone: "Asia/Bangkok",
      starts_on: "2027-01-20",
      ends_on: "2027-01-20",
      fiscal_year: 2027,
      budget: 250000,
      status: "open",
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow());
});

afterAll(async () => {
  await t.close();
});

async function addBuyer(name: string, country: string): Promise<number> {
  const { id } = await db
    .insertInto("buyers")
    .values({
      name,
      name_key: name.toLowerCase(),
      country_code: country,
      city: null,
      kind: "company",
      website: null,
      description: null,
      contact_name: null,
      contact_email: null,
      contact_phone: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function addParticipant(party: { enterprise_id?: number; buyer_id?: number }): Promise<number> {
  const { id } = await db
    .insertInto("event_participants")
    .values({
      event_id: eventId,
      enterprise_id: party.enterprise_id ?? null,
      buyer_id: party.buyer_id ?? null,
      role: "seller",
      checked_in_at: null,
      created_by: null,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function addMeeting(a: number, b: number, slot: { slot_id: number; table_id: number } | null = null) {
  const pair = meetingPair(a, b);
  return db
    .insertInto("meetings")
    .values({
      event_id: eventId,
      requester_id: a,
      target_id: b,
      pair_low: pair.low,
      pair_high: pair.high,
      origin: "request",
      reason_json: null,
      message: null,
      status: "accepted",
      requested_by: null,
      requested_at: now,
      decided_by: null,
      decided_at: null,
      decline_reason: null,
      slot_id: slot?.slot_id ?? null,
      table_id: slot?.table_id ?? null,
      attendance: null,
      attendance_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

describe("#market linkage schema (0024)", () => {
  it("keeps one buyer per name key and country", async () => {
    await addBuyer("nippon foods", "JP");
    await addBuyer("nippon foods", "SG");
    await expect(addBuyer("nippon foods", "JP")).rejects.toThrow();
  });

  it("takes a participant as a firm or a buyer, exactly one, once per event", async () => {
    const buyer = await addBuyer("acme", "DE");
    await expect(addParticipant({})).rejects.toThrow();
    await expect(addParticipant({ enterprise_id: firms[0]!, buyer_id: buyer })).rejects.toThrow();
    await addParticipant({ buyer_id: buyer });
    await expect(addParticipant({ buyer_id: buyer })).rejects.toThrow();
  });

  it("lets a pair meet once per event, whoever asked, and never a participant with itself", async () => {
    const a = await addParticipant({ enterprise_id: firms[1]! });
    const b = await addParticipant({ enterprise_id: firms[2]! });
    await addMeeting(a, b);
    await expect(addMeeting(b, a)).rejects.toThrow();
    await expect(addMeeting(a, a)).rejects.toThrow();
  });

  it("holds one meeting per table per slot", async () => {
    const { id: slotId } = await db
      .insertInto("event_slots")
      .values({ event_id: eventId, day: "2027-01-20", starts_at: "09:00", ends_at: "09:30" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto("event_slots")
        .values({ event_id: eventId, day: "2027-01-20", starts_at: "10:00", ends_at: "09:30" })
        .execute(),
    ).rejects.toThrow();
    const { id: tableId } = await db
      .insertInto("event_tables")
      .values({ event_id: eventId, number: 1, label: "A1" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const buyers = [await addBuyer("b one", "JP"), await addBuyer("b two", "JP")];
    const [p, q, r] = [
      await addParticipant({ buyer_id: buyers[0]! }),
      await addParticipant({ buyer_id: buyers[1]! }),
      await addParticipant({
        enterprise_id: (await createEnterprise<{ id: number }>(await t.signIn(ADMIN.email, ADMIN.password))).id,
      }),
    ];
    await addMeeting(p!, r!, { slot_id: slotId, table_id: tableId });
    await expect(addMeeting(q!, r!, { slot_id: slotId, table_id: tableId })).rejects.toThrow();
  });

  it("keeps one follow-up per 3, 6 or 12 months and one claim per order", async () => {
    const { id: dealId } = await db
      .insertInto("deals")
      .values({
        event_id: eventId,
        meeting_id: null,
        enterprise_id: firms[0]!,
        buyer_id: null,
        buyer_enterprise_id: null,
        programme_id: null,
        stage: "follow_up",
        expected_value: 100000,
        market_country: "JP",
        note: null,
        opened_on: "2027-01-20",
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const followUp = (months: number) =>
      db
        .insertInto("deal_follow_ups")
        .values({
          deal_id: dealId,
          months,
          due_on: "2027-07-20",
          reminded_at: null,
          done_at: null,
          done_by: null,
          stage: null,
          expected_value: null,
          note: null,
        })
        .execute();
    await followUp(6);
    await expect(followUp(6)).rejects.toThrow();
    await expect(followUp(4)).rejects.toThrow();
    const { id: orderId } = await db
      .insertInto("deal_orders")
      .values({
        deal_id: dealId,
        follow_up_id: null,
        amount: 50000,
        ordered_on: "2027-06-01",
        evidence_note: "PO 123",
        evidence_url: null,
        created_by: null,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const claim = () =>
      db
        .insertInto("value_claims")
        .values({
          enterprise_id: firms[0]!,
          cluster_id: null,
          activity_id: null,
          fiscal_year: 2027,
          amount: 50000,
          method: "sales_increase",
          method_note: null,
          evidence_url: null,
          evidence_note: null,
          verification: "claimed",
          verified_by: null,
          verified_at: null,
          created_by: null,
          deal_order_id: orderId,
          is_example: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    await claim();
    await expect(claim()).rejects.toThrow();
  });
});
