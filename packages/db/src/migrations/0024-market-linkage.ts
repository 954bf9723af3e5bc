import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";
import type { Dialect } from "../database.ts";

type Db = Kysely<unknown>;

/**
 * Market linkage (issue 14): trade events, their buyers and participants, meetings, and deals followed to value.
 *
 * trade_events: a trade fair, business-matching session or online matching day (core `eventKinds`), in Thailand
 * (province_code) or abroad (country_code ISO 3166 alpha-2 and city), run by an organiser agency, optionally funded
 * by a programme (programme_id: the programme whose realised value the event's deals become) and recorded as one of
 * its activities (activity_id). agenda_th/en: the event's programme of the day, as text. time_zone: IANA zone of
 * the venue (slots are local times there). status: core `eventStatuses`. published: listed for the public.
 * event_slots: meeting time slots (local date + HH:MM); event_tables: the tables meetings are held at.
 * buyers: buyers without a Thai juristic ID (foreign companies, organisations), de-duplicated by name_key (core
 * `buyerNameKey`) and country. contact_* are personal data.
 * event_participants: a member firm (enterprise_id) or a buyer (buyer_id), exactly one; role: core
 * `participantRoles`; language: the agenda's language; participant_unavailable_slots: slots a participant cannot
 * meet in (available = every other slot). participant_interests: what a participant offers or needs (a product,
 * a TSIC or HS code, and/or words).
 * meetings: one meeting between two participants of an event; (pair_low, pair_high) makes a pair meet once;
 * origin: core `meetingOrigins` (reason_json: why it was suggested); status: core `meetingStatuses`; slot_id and
 * table_id once scheduled; attendance: core `meetingAttendance` after check-in.
 * deals: what followed a meeting (meeting_id) or an inquiry: the selling firm, the buyer (a buyer record or a Thai
 * firm), stage (core `dealStages`), expected value in baht, the buyer's market (country), the funding programme.
 * deal_follow_ups: the 3-, 6- and 12-month follow-ups (one each per deal), with the stage and expectation then.
 * deal_orders: each realised order (amount, date, evidence). value_claims.deal_order_id: the claim an order
 * became (at most one per order, so realised value is counted once).
 */
export async function up(db: Db, dialect: Dialect): Promise<void> {
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const amount = dialect === "postgres" ? "double precision" : "real";

  await db.schema
    .createTable("trade_events")
    .addColumn("id", "integer", id)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title_th", "text", (c) => c.notNull())
    .addColumn("title_en", "text")
    .addColumn("description_th", "text")
    .addColumn("description_en", "text")
    .addColumn("agenda_th", "text")
    .addColumn("agenda_en", "text")
    .addColumn("organiser_agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("programme_id", "integer", (c) => c.references("programmes.id"))
    .addColumn("activity_id", "integer", (c) => c.references("activities.id"))
    .addColumn("cluster_id", "integer", (c) => c.references("clusters.id"))
    .addColumn("country_code", "text", (c) => c.notNull())
    .addColumn("city", "text")
    .addColumn("province_code", "text", (c) => c.references("provinces.code"))
    .addColumn("venue", "text")
    .addColumn("online_url", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("budget", amount, (c) => c.check(sql`budget >= 0`))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("trade_events_dates_ck", sql`ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex("trade_events_organiser_idx")
    .on("trade_events")
    .columns(["organiser_agency_id", "starts_on"])
    .execute();
  await db.schema
    .createIndex("trade_events_programme_idx")
    .on("trade_events")
    .columns(["programme_id", "fiscal_year"])
    .execute();
  await db.schema.createIndex("trade_events_starts_idx").on("trade_events").column("starts_on").execute();

  await db.schema
    .createTable("event_slots")
    .addColumn("id", "integer", id)
    .addColumn("event_id", "integer", (c) => c.notNull().references("trade_events.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addUniqueConstraint("event_slots_time_uq", ["event_id", "day", "starts_at"])
    .addCheckConstraint("event_slots_time_ck", sql`ends_at > starts_at`)
    .execute();

  await db.schema
    .createTable("event_tables")
    .addColumn("id", "integer", id)
    .addColumn("event_id", "integer", (c) => c.notNull().references("trade_events.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("label", "text")
    .addUniqueConstraint("event_tables_number_uq", ["event_id", "number"])
    .execute();

  await db.schema
    .createTable("buyers")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("country_code", "text", (c) => c.notNull())
    .addColumn("city", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("website", "text")
    .addColumn("description", "text")
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("contact_phone", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("buyers_name_country_uq", ["name_key", "country_code"])
    .execute();

  await db.schema
    .createTable("event_participants")
    .addColumn("id", "integer", id)
    .addColumn("event_id", "integer", (c) => c.notNull().references("trade_events.id").onDelete("cascade"))
    .addColumn("enterprise_id", "integer", (c) => c.references("enterprises.id"))
    .addColumn("buyer_id", "integer", (c) => c.references("buyers.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull().defaultTo("th"))
    .addColumn("checked_in_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("event_participants_firm_uq", ["event_id", "enterprise_id"])
    .addUniqueConstraint("event_participants_buyer_uq", ["event_id", "buyer_id"])
    .addCheckConstraint(
      "event_participants_one_party_ck",
      sql`(enterprise_id IS NULL AND buyer_id IS NOT NULL) OR (enterprise_id IS NOT NULL AND buyer_id IS NULL)`,
    )
    .execute();
  await db.schema
    .createIndex("event_participants_enterprise_idx")
    .on("event_participants")
    .column("enterprise_id")
    .execute();
  await db.schema.createIndex("event_participants_buyer_idx").on("event_participants").column("buyer_id").execute();

  await db.schema
    .createTable("participant_unavailable_slots")
    .addColumn("participant_id", "integer", (c) => c.notNull().references("event_participants.id").onDelete("cascade"))
    .addColumn("slot_id", "integer", (c) => c.notNull().references("event_slots.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("participant_unavailable_slots_pk", ["participant_id", "slot_id"])
    .execute();

  await db.schema
    .createTable("participant_interests")
    .addColumn("id", "integer", id)
    .addColumn("participant_id", "integer", (c) => c.notNull().references("event_participants.id").onDelete("cascade"))
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("product_id", "integer")
    .addColumn("tsic_code", "text")
    .addColumn("hs_code", "text")
    .addColumn("text", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("participant_interests_participant_idx")
    .on("participant_interests")
    .column("participant_id")
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("id", "integer", id)
    .addColumn("event_id", "integer", (c) => c.notNull().references("trade_events.id").onDelete("cascade"))
    .addColumn("requester_id", "integer", (c) => c.notNull().references("event_participants.id").onDelete("cascade"))
    .addColumn("target_id", "integer", (c) => c.notNull().references("event_participants.id").onDelete("cascade"))
    .addColumn("pair_low", "integer", (c) => c.notNull())
    .addColumn("pair_high", "integer", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("reason_json", "text")
    .addColumn("message", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("requested_by", "integer", (c) => c.references("users.id"))
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("decline_reason", "text")
    .addColumn("slot_id", "integer", (c) => c.references("event_slots.id").onDelete("set null"))
    .addColumn("table_id", "integer", (c) => c.references("event_tables.id").onDelete("set null"))
    .addColumn("attendance", "text")
    .addColumn("attendance_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("meetings_pair_uq", ["event_id", "pair_low", "pair_high"])
    .addCheckConstraint("meetings_two_sides_ck", sql`requester_id <> target_id AND pair_low < pair_high`)
    .execute();
  await db.schema.createIndex("meetings_event_idx").on("meetings").columns(["event_id", "status"]).execute();
  await db.schema.createIndex("meetings_requester_idx").on("meetings").column("requester_id").execute();
  await db.schema.createIndex("meetings_target_idx").on("meetings").column("target_id").execute();
  // One meeting per table per slot (a participant's double booking is the scheduler's invariant, tested there).
  await db.schema
    .createIndex("meetings_slot_table_uq")
    .on("meetings")
    .columns(["slot_id", "table_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("deals")
    .addColumn("id", "integer", id)
    .addColumn("event_id", "integer", (c) => c.references("trade_events.id"))
    .addColumn("meeting_id", "integer", (c) => c.references("meetings.id").unique())
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("buyer_id", "integer", (c) => c.references("buyers.id"))
    .addColumn("buyer_enterprise_id", "integer", (c) => c.references("enterprises.id"))
    .addColumn("programme_id", "integer", (c) => c.references("programmes.id"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("expected_value", amount, (c) => c.check(sql`expected_value >= 0`))
    .addColumn("market_country", "text")
    .addColumn("note", "text")
    .addColumn("opened_on", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("deals_enterprise_idx").on("deals").column("enterprise_id").execute();
  await db.schema.createIndex("deals_event_idx").on("deals").column("event_id").execute();
  await db.schema.createIndex("deals_programme_idx").on("deals").column("programme_id").execute();

  await db.schema
    .createTable("deal_follow_ups")
    .addColumn("id", "integer", id)
    .addColumn("deal_id", "integer", (c) => c.notNull().references("deals.id").onDelete("cascade"))
    .addColumn("months", "integer", (c) => c.notNull().check(sql`months IN (3, 6, 12)`))
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("reminded_at", "text")
    .addColumn("done_at", "text")
    .addColumn("done_by", "integer", (c) => c.references("users.id"))
    .addColumn("stage", "text")
    .addColumn("expected_value", amount, (c) => c.check(sql`expected_value >= 0`))
    .addColumn("note", "text")
    .addUniqueConstraint("deal_follow_ups_months_uq", ["deal_id", "months"])
    .execute();
  await db.schema.createIndex("deal_follow_ups_due_idx").on("deal_follow_ups").columns(["done_at", "due_on"]).execute();

  await db.schema
    .createTable("deal_orders")
    .addColumn("id", "integer", id)
    .addColumn("deal_id", "integer", (c) => c.notNull().references("deals.id").onDelete("cascade"))
    .addColumn("follow_up_id", "integer", (c) => c.references("deal_follow_ups.id"))
    .addColumn("amount", amount, (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("ordered_on", "text", (c) => c.notNull())
    .addColumn("evidence_note", "text")
    .addColumn("evidence_url", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("deal_orders_deal_idx").on("deal_orders").column("deal_id").execute();

  await db.schema
    .alterTable("value_claims")
    .addColumn("deal_order_id", "integer", (c) => c.references("deal_orders.id"))
    .execute();
  await db.schema
    .createIndex("value_claims_deal_order_idx")
    .on("value_claims")
    .column("deal_order_id")
    .unique()
    .execute();
}
