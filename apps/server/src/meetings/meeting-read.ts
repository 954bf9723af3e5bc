import {
  suggestMeetings,
  type Actor,
  type MeetingReason,
  type MeetingSuggestion,
  type ParticipantRole,
  type SuggestionParticipant,
} from "@sainam/core";
import type { MeetingDto, MeetingParty } from "@sainam/contract";
import type { DB } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";
import { can } from "../policies/policy.ts";
import type { MeetingRow, TradeEventRow } from "../events/event-access.ts";

/** Reading an event's participants and meetings the way matchmaking shows them (no contacts unless allowed). */

export type Executor = Kysely<DB> | Transaction<DB>;

export type Party = MeetingParty & { interests: SuggestionParticipant["interests"] };

/** The caller's firm, when they are a member of one. */
export function firmOf(actor: Actor): number | null {
  return actor.kind === "user" && actor.role === "member" ? actor.enterpriseId : null;
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

/** Participants of an event (or the given ids), with their names and, when asked, their offers and needs. */
export async function loadParties(
  db: Executor,
  eventId: number,
  options: { ids?: readonly number[]; interests?: boolean } = {},
): Promise<Map<number, Party>> {
  if (options.ids !== undefined && options.ids.length === 0) return new Map();
  let query = db
    .selectFrom("event_participants as p")
    .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
    .leftJoin("buyers as b", "b.id", "p.buyer_id")
    .select([
      "p.id",
      "p.enterprise_id",
      "p.buyer_id",
      "p.role",
      "p.checked_in_at",
      "e.name_th",
      "e.name_en",
      "b.name as buyer_name",
      "b.country_code",
    ])
    .where("p.event_id", "=", eventId);
  if (options.ids !== undefined) query = query.where("p.id", "in", [...options.ids]);
  const rows = await query.orderBy("p.id").execute();
  const parties = new Map<number, Party>();
  for (const row of rows) {
    const isBuyer = row.buyer_id !== null;
    parties.set(row.id, {
      participantId: row.id,
      kind: isBuyer ? "buyer" : "firm",
      enterpriseId: row.enterprise_id,
      buyerId: row.buyer_id,
      name: (isBuyer ? row.buyer_name : (row.name_th ?? row.name_en)) ?? `#${row.id}`,
      countryCode: isBuyer ? row.country_code : "TH",
      role: row.role as ParticipantRole,
      checkedInAt: row.checked_in_at,
      interests: [],
    });
  }
  if (options.interests && parties.size > 0) {
    const interests = await db
      .selectFrom("participant_interests")
      .select(["participant_id", "direction", "hs_code", "tsic_code", "text"])
      .where("participant_id", "in", [...parties.keys()])
      .orderBy("id")
      .execute();
    for (const interest of interests) {
      const party = parties.get(interest.participant_id);
      if (!party || (interest.direction !== "offer" && interest.direction !== "need")) continue;
      party.interests = [
        ...party.interests,
        { direction: interest.direction, hsCode: interest.hs_code, tsicCode: interest.tsic_code, text: interest.text },
      ];
    }
  }
  return parties;
}

export function publicParty(party: Party): MeetingParty {
  const { interests: _interests, ...rest } = party;
  return rest;
}

/** "low:high" of every meeting the event has, whatever its status: a pair is never suggested twice. */
export async function existingPairs(db: Executor, eventId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("meetings")
    .select(["pair_low", "pair_high"])
    .where("event_id", "=", eventId)
    .execute();
  return new Set(rows.map((row) => `${row.pair_low}:${row.pair_high}`));
}

export function toSuggestionParticipants(parties: Map<number, Party>): SuggestionParticipant[] {
  return [...parties.values()].map((party) => ({
    id: party.participantId,
    role: party.role,
    isBuyer: party.kind === "buyer",
    interests: party.interests,
  }));
}

/** The reasons two participants would be suggested for, whatever the caps: the pair's own matches. */
export function pairReasons(a: Party, b: Party): MeetingSuggestion | undefined {
  return suggestMeetings({
    participants: toSuggestionParticipants(
      new Map([
        [a.participantId, a],
        [b.participantId, b],
      ]),
    ),
  })[0];
}

function readReasons(json: string | null): MeetingReason[] {
  if (json === null) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as MeetingReason[]) : [];
  } catch {
    return [];
  }
}

type Contact = { name: string | null; position: string | null; email: string | null; phone: string | null };

/** Contacts of the given parties: a firm's contacts, a buyer's one contact person. Personal data: callers gate. */
async function loadContacts(db: Executor, parties: Party[]): Promise<Map<number, Contact[]>> {
  const out = new Map<number, Contact[]>();
  const firms = [...new Set(parties.flatMap((p) => (p.enterpriseId === null ? [] : [p.enterpriseId])))];
  const buyers = [...new Set(parties.flatMap((p) => (p.buyerId === null ? [] : [p.buyerId])))];
  const firmContacts =
    firms.length === 0
      ? []
      : await db
          .selectFrom("enterprise_contacts")
          .select(["enterprise_id", "name", "position", "email", "phone"])
          .where("enterprise_id", "in", firms)
          .orderBy("id")
          .execute();
  const buyerContacts =
    buyers.length === 0
      ? []
      : await db
          .selectFrom("buyers")
          .select(["id", "contact_name", "contact_email", "contact_phone"])
          .where("id", "in", buyers)
          .execute();
  for (const party of parties) {
    if (party.enterpriseId !== null) {
      out.set(
        party.participantId,
        firmContacts
          .filter((c) => c.enterprise_id === party.enterpriseId)
          .map((c) => ({ name: c.name, position: c.position, email: c.email, phone: c.phone })),
      );
    } else {
      const buyer = buyerContacts.find((b) => b.id === party.buyerId);
      const has = buyer && (buyer.contact_name ?? buyer.contact_email ?? buyer.contact_phone) !== null;
      out.set(
        party.participantId,
        has && buyer
          ? [{ name: buyer.contact_name, position: null, email: buyer.contact_email, phone: buyer.contact_phone }]
          : [],
      );
    }
  }
  return out;
}

/**
 * Meetings as the caller sees them. `keeperOf(eventId)`: whether the caller keeps that event. The other side's
 * contacts are read only where the meeting policy's read_personal allows: keepers see both sides', a side sees the
 * other's once the meeting is accepted (never its own listed back, never anything while requested, declined or
 * cancelled).
 */
export async function meetingDtos(
  db: Executor,
  actor: Actor,
  rows: readonly MeetingRow[],
  keeperOf: (eventId: number) => boolean,
): Promise<MeetingDto[]> {
  if (rows.length === 0) return [];
  const eventIds = [...new Set(rows.map((row) => row.event_id))];
  const events = new Map(
    (await db.selectFrom("trade_events").selectAll().where("id", "in", eventIds).execute()).map((e) => [e.id, e]),
  );
  const parties = new Map<number, Party>();
  for (const eventId of eventIds) {
    const ids = rows.filter((r) => r.event_id === eventId).flatMap((r) => [r.requester_id, r.target_id]);
    for (const [id, party] of await loadParties(db, eventId, { ids: [...new Set(ids)] })) parties.set(id, party);
  }
  const slotIds = [...new Set(rows.flatMap((r) => (r.slot_id === null ? [] : [r.slot_id])))];
  const tableIds = [...new Set(rows.flatMap((r) => (r.table_id === null ? [] : [r.table_id])))];
  const slots = new Map(
    slotIds.length === 0
      ? []
      : (await db.selectFrom("event_slots").selectAll().where("id", "in", slotIds).execute()).map((s) => [s.id, s]),
  );
  const tables = new Map(
    tableIds.length === 0
      ? []
      : (await db.selectFrom("event_tables").selectAll().where("id", "in", tableIds).execute()).map((t) => [t.id, t]),
  );
  const firm = firmOf(actor);

  // Whose contacts each meeting may show, decided before any contact is read.
  const shown = rows.map((row) => {
    const requester = parties.get(row.requester_id);
    const target = parties.get(row.target_id);
    const resource = {
      type: "meeting" as const,
      eventKeeper: keeperOf(row.event_id),
      requesterEnterpriseId: requester?.enterpriseId ?? null,
      targetEnterpriseId: target?.enterpriseId ?? null,
      accepted: row.status === "accepted",
    };
    const mySide =
      resource.eventKeeper || firm === null
        ? null
        : firm === resource.requesterEnterpriseId
          ? ("requester" as const)
          : firm === resource.targetEnterpriseId
            ? ("target" as const)
            : null;
    const personal = can(actor, "read_personal", resource);
    return {
      row,
      resource,
      mySide,
      requesterContacts: personal && mySide !== "requester",
      targetContacts: personal && mySide !== "target",
    };
  });
  const needContacts = shown.flatMap((s) => [
    ...(s.requesterContacts ? [parties.get(s.row.requester_id)] : []),
    ...(s.targetContacts ? [parties.get(s.row.target_id)] : []),
  ]);
  const contacts = await loadContacts(
    db,
    needContacts.filter((p): p is Party => p !== undefined),
  );

  return shown.flatMap(({ row, resource, mySide, requesterContacts, targetContacts }): MeetingDto[] => {
    const event = events.get(row.event_id) as TradeEventRow | undefined;
    const requester = parties.get(row.requester_id);
    const target = parties.get(row.target_id);
    if (!event || !requester || !target) return [];
    const slot = row.slot_id === null ? undefined : slots.get(row.slot_id);
    const table = row.table_id === null ? undefined : tables.get(row.table_id);
    return [
      {
        id: row.id,
        eventId: row.event_id,
        eventTitleTh: event.title_th,
        eventTitleEn: event.title_en,
        eventStartsOn: event.starts_on,
        requester: publicParty(requester),
        target: publicParty(target),
        origin: row.origin as MeetingDto["origin"],
        reasons: readReasons(row.reason_json),
        message: row.message,
        status: row.status as MeetingDto["status"],
        requestedAt: row.requested_at,
        decidedAt: row.decided_at,
        declineReason: row.decline_reason,
        slot: slot ? { day: slot.day, startsAt: slot.starts_at, endsAt: slot.ends_at } : null,
        tableNumber: table?.number ?? null,
        attendance: row.attendance as MeetingDto["attendance"],
        mySide,
        canRespond: row.status === "requested" && can(actor, "respond", resource),
        canCancel: (row.status === "requested" || row.status === "accepted") && can(actor, "update", resource),
        requesterContacts: requesterContacts ? (contacts.get(row.requester_id) ?? []) : null,
        targetContacts: targetContacts ? (contacts.get(row.target_id) ?? []) : null,
      },
    ];
  });
}

/** Today's date where the event is held (slots are local days there). */
export function todayAt(timeZone: string, nowMs: number): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
      new Date(nowMs),
    );
  } catch {
    return new Date(nowMs).toISOString().slice(0, 10);
  }
}
