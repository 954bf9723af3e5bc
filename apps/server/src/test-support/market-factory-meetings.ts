import type { Kysely } from "kysely";
import type { DB } from "@sainam/db";
import { buyerNameKey, type ParticipantRole } from "@sainam/core";

// Rows matchmaking needs, inserted directly (the events API is built in parallel): an event, its slots and tables,
// firms' and buyers' participation with offers and needs, firm contacts. Works on SQLite and PostgreSQL.

const stamp = () => new Date().toISOString();

export async function insertEvent(
  db: Kysely<DB>,
  overrides: Partial<{
    title_th: string;
    status: string;
    organiser_agency_id: number | null;
    created_by: number | null;
    published: number;
    starts_on: string;
    ends_on: string;
  }> = {},
): Promise<number> {
  const now = stamp();
  const { id } = await db
    .insertInto("trade_events")
    .values({
      kind: "business_matching",
      title_th: overrides.title_th ?? "งานจับคู่ธุรกิจกาแฟ",
      title_en: "Coffee business matching",
      description_th: null,
      description_en: null,
      agenda_th: null,
      agenda_en: null,
      organiser_agency_id: overrides.organiser_agency_id ?? null,
      programme_id: null,
      activity_id: null,
      cluster_id: null,
      country_code: "TH",
      city: null,
      province_code: "50",
      venue: null,
      online_url: null,
      time_zone: "Asia/Bangkok",
      starts_on: overrides.starts_on ?? "2027-01-20",
      ends_on: overrides.ends_on ?? overrides.starts_on ?? "2027-01-20",
      fiscal_year: 2027,
      budget: 100000,
      status: overrides.status ?? "open",
      published: overrides.published ?? 0,
      created_by: overrides.created_by ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertSlot(db: Kysely<DB>, eventId: number, day: string, startsAt = "09:00"): Promise<number> {
  const [h, m] = startsAt.split(":").map(Number) as [number, number];
  const endsAt = `${String(h).padStart(2, "0")}:${String(m + 30).padStart(2, "0")}`;
  const { id } = await db
    .insertInto("event_slots")
    .values({ event_id: eventId, day, starts_at: startsAt, ends_at: endsAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertTable(db: Kysely<DB>, eventId: number, number: number): Promise<number> {
  const { id } = await db
    .insertInto("event_tables")
    .values({ event_id: eventId, number, label: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertBuyer(
  db: Kysely<DB>,
  name: string,
  country: string,
  contact: { name: string; email: string; phone: string } | null = null,
): Promise<number> {
  const now = stamp();
  const { id } = await db
    .insertInto("buyers")
    .values({
      name,
      name_key: buyerNameKey(name),
      country_code: country,
      city: null,
      kind: "company",
      website: null,
      description: null,
      contact_name: contact?.name ?? null,
      contact_email: contact?.email ?? null,
      contact_phone: contact?.phone ?? null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export type InterestRow = { direction: "offer" | "need"; text?: string; hs?: string; tsic?: string };

/** A firm or a buyer joins the event with its offers and needs; answers the participant id. */
export async function insertParticipant(
  db: Kysely<DB>,
  eventId: number,
  party: { enterpriseId: number } | { buyerId: number },
  role: ParticipantRole,
  interests: InterestRow[] = [],
): Promise<number> {
  const now = stamp();
  const { id } = await db
    .insertInto("event_participants")
    .values({
      event_id: eventId,
      enterprise_id: "enterpriseId" in party ? party.enterpriseId : null,
      buyer_id: "buyerId" in party ? party.buyerId : null,
      role,
      language: "th",
      checked_in_at: null,
      created_by: null,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const interest of interests) {
    await db
      .insertInto("participant_interests")
      .values({
        participant_id: id,
        direction: interest.direction,
        product_id: null,
        tsic_code: interest.tsic ?? null,
        hs_code: interest.hs ?? null,
        text: interest.text ?? null,
        created_at: now,
      })
      .execute();
  }
  return id;
}

export async function insertFirmContact(
  db: Kysely<DB>,
  enterpriseId: number,
  contact: { name: string; email: string; phone: string },
): Promise<void> {
  await db
    .insertInto("enterprise_contacts")
    .values({
      enterprise_id: enterpriseId,
      name: contact.name,
      position: null,
      email: contact.email,
      phone: contact.phone,
    })
    .execute();
}
