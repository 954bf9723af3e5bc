import { audit, nowIso, type DB } from "@sainam/db";
import type { EventSchedule, ScheduleRun } from "@sainam/contract";
import {
  instantOfLocalTime,
  scheduleMeetings,
  type Actor,
  type Locale,
  type MeetingPlacement,
  type SchedulerInput,
  type SchedulerMeeting,
} from "@sainam/core";
import { sql, type Kysely, type Transaction } from "kysely";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { loadEventFor, type TradeEventRow } from "../events/event-access.ts";
import { actorId } from "../plans/plan.service.ts";
import { can, type MeetingResource } from "../policies/policy.ts";
import { agendaFileName, type Agenda, type AgendaMeeting } from "./agenda.content.ts";
import { renderAgendaIcs } from "./agenda.ics.ts";
import { renderAgendaPdf } from "./agenda.pdf.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** The event's slots in time order, tables by number, participants with their names, and its meetings. */
async function loadEventData(db: Executor, eventId: number) {
  const slots = await db
    .selectFrom("event_slots")
    .select(["id", "day", "starts_at", "ends_at"])
    .where("event_id", "=", eventId)
    .orderBy("day")
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
  const tables = await db
    .selectFrom("event_tables")
    .select(["id", "number", "label"])
    .where("event_id", "=", eventId)
    .orderBy("number")
    .execute();
  const participants = await db
    .selectFrom("event_participants as p")
    .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
    .leftJoin("buyers as b", "b.id", "p.buyer_id")
    .select([
      "p.id",
      "p.enterprise_id",
      "p.buyer_id",
      "p.checked_in_at",
      "e.name_th as firm_name_th",
      "e.name_en as firm_name_en",
      "b.name as buyer_name",
      "b.country_code as buyer_country",
    ])
    .where("p.event_id", "=", eventId)
    .orderBy("p.id")
    .execute();
  const unavailable = await db
    .selectFrom("participant_unavailable_slots as u")
    .innerJoin("event_participants as p", "p.id", "u.participant_id")
    .select(["u.participant_id", "u.slot_id"])
    .where("p.event_id", "=", eventId)
    .execute();
  const meetings = await db
    .selectFrom("meetings")
    .select(["id", "requester_id", "target_id", "status", "slot_id", "table_id", "attendance", "requested_at"])
    .where("event_id", "=", eventId)
    .orderBy("requested_at")
    .orderBy("id")
    .execute();
  return { slots, tables, participants, unavailable, meetings };
}

type EventData = Awaited<ReturnType<typeof loadEventData>>;

/**
 * A scheduled meeting stays where it is once it has happened (attendance recorded) or either side has checked in:
 * they hold the agenda they were given, so a re-run must not move them.
 */
function fixedMeetingIds(data: EventData): Set<number> {
  const checkedIn = new Set(data.participants.filter((p) => p.checked_in_at !== null).map((p) => p.id));
  return new Set(
    data.meetings
      .filter(
        (m) =>
          m.status === "accepted" &&
          m.slot_id !== null &&
          m.table_id !== null &&
          (m.attendance !== null || checkedIn.has(m.requester_id) || checkedIn.has(m.target_id)),
      )
      .map((m) => m.id),
  );
}

function schedulerInput(data: EventData, fixed: ReadonlySet<number>): SchedulerInput {
  const slotIds = data.slots.map((s) => s.id);
  const unavailable = new Map<number, Set<number>>();
  for (const row of data.unavailable) {
    const set = unavailable.get(row.participant_id) ?? new Set<number>();
    set.add(row.slot_id);
    unavailable.set(row.participant_id, set);
  }
  const meetings: SchedulerMeeting[] = data.meetings
    .filter((m) => m.status === "accepted")
    .map((m, order) => {
      const meeting: SchedulerMeeting = { id: m.id, a: m.requester_id, b: m.target_id, order };
      if (fixed.has(m.id)) meeting.fixed = { slotId: m.slot_id!, tableId: m.table_id! };
      return meeting;
    });
  return {
    slots: slotIds.map((id) => ({ id })),
    tables: data.tables.map((t) => t.id),
    participants: data.participants.map((p) => ({
      id: p.id,
      availableSlots: slotIds.filter((s) => !unavailable.get(p.id)?.has(s)),
    })),
    meetings,
  };
}

/**
 * Schedules the event's accepted meetings into its slots and tables (issue 14, point 3) for a keeper of the event:
 * meetings already held, or whose side has checked in, keep their slot and table; every other meeting's slot and
 * table are written afresh in one transaction (cleared first, as one table holds one meeting per slot), and the run
 * is audited with its counts. Answers the counts, the bound, and each unscheduled meeting with its reason.
 */
export async function scheduleEvent(ctx: AppContext, actor: Actor, eventId: number): Promise<ScheduleRun> {
  const { db } = ctx.database;
  const { event } = await loadEventFor(db, actor, eventId, "update");
  if (event.status === "closed") throw errors.conflict("A closed event is not scheduled again.", "status", "conflict");
  return db.transaction().execute(async (trx) => {
    const data = await loadEventData(trx, eventId);
    const fixed = fixedMeetingIds(data);
    const result = scheduleMeetings(schedulerInput(data, fixed));
    const before = data.meetings.filter((m) => m.slot_id !== null).length;
    const now = nowIso();
    let clear = trx
      .updateTable("meetings")
      .set({ slot_id: null, table_id: null, updated_at: now })
      .where("event_id", "=", eventId)
      .where("slot_id", "is not", null);
    if (fixed.size > 0) clear = clear.where("id", "not in", [...fixed]);
    await clear.execute();
    await writePlacements(trx, result.placements, now);
    if (event.status === "open")
      await trx
        .updateTable("trade_events")
        .set({ status: "scheduled", updated_at: now })
        .where("id", "=", eventId)
        .execute();
    const run: ScheduleRun = {
      eventId,
      meetings: result.placements.length,
      scheduled: result.scheduled,
      unscheduled: result.unscheduled,
      kept: fixed.size,
      bound: result.bound.bound,
      boundParts: result.bound.parts,
      unscheduledMeetings: result.placements.flatMap((p) =>
        p.status === "unscheduled"
          ? [{ meetingId: p.meetingId, reason: p.reason, participantId: p.participantId ?? null }]
          : [],
      ),
    };
    // Counts only: which firm met whom stays in the meetings table, not copied into the audit log.
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "trade_event.schedule",
      entityType: "trade_event",
      entityId: eventId,
      before: { scheduled: before, status: event.status },
      after: {
        scheduled: run.scheduled,
        unscheduled: run.unscheduled,
        kept: run.kept,
        bound: run.bound,
        status: event.status === "open" ? "scheduled" : event.status,
      },
    });
    return run;
  });
}

/**
 * Writes the new places: one UPDATE per slot and up to 500 meetings, the table chosen by a CASE on the meeting id,
 * instead of one statement per meeting (10,000 round trips on PostgreSQL for a large matchmaking day).
 */
async function writePlacements(trx: Transaction<DB>, placements: readonly MeetingPlacement[], now: string) {
  const bySlot = new Map<number, { meetingId: number; tableId: number }[]>();
  for (const p of placements)
    if (p.status === "scheduled" && !p.fixed)
      bySlot.set(p.slotId, [...(bySlot.get(p.slotId) ?? []), { meetingId: p.meetingId, tableId: p.tableId }]);
  for (const [slotId, meetings] of bySlot)
    for (let i = 0; i < meetings.length; i += 500) {
      const chunk = meetings.slice(i, i + 500);
      const cases = sql.join(
        chunk.map((m) => sql`WHEN ${m.meetingId} THEN CAST(${m.tableId} AS integer)`),
        sql` `,
      );
      await trx
        .updateTable("meetings")
        .set({ slot_id: slotId, table_id: sql<number>`CASE id ${cases} END`, updated_at: now })
        .where(
          "id",
          "in",
          chunk.map((m) => m.meetingId),
        )
        .execute();
    }
}

/** The schedule grid of an event, for those who see its records (its keepers). */
export async function eventSchedule(ctx: AppContext, actor: Actor, eventId: number): Promise<EventSchedule> {
  const { db } = ctx.database;
  const { event } = await loadEventFor(db, actor, eventId, "read_records");
  const data = await loadEventData(db, eventId);
  const unavailable = new Map<number, number[]>();
  for (const row of data.unavailable)
    unavailable.set(row.participant_id, [...(unavailable.get(row.participant_id) ?? []), row.slot_id]);
  return {
    event: {
      id: event.id,
      titleTh: event.title_th,
      titleEn: event.title_en,
      timeZone: event.time_zone,
      status: event.status,
      startsOn: event.starts_on,
      endsOn: event.ends_on,
    },
    slots: data.slots.map((s) => ({ id: s.id, day: s.day, startsAt: s.starts_at, endsAt: s.ends_at })),
    tables: data.tables,
    participants: data.participants.map((p) => ({
      id: p.id,
      kind: p.enterprise_id !== null ? ("firm" as const) : ("buyer" as const),
      nameTh: p.enterprise_id !== null ? p.firm_name_th : p.buyer_name,
      nameEn: p.enterprise_id !== null ? p.firm_name_en : p.buyer_name,
      countryCode: p.enterprise_id !== null ? null : p.buyer_country,
      unavailableSlotIds: (unavailable.get(p.id) ?? []).sort((x, y) => x - y),
    })),
    meetings: data.meetings
      .filter((m) => m.status === "accepted")
      .map((m) => ({
        id: m.id,
        requesterId: m.requester_id,
        targetId: m.target_id,
        slotId: m.slot_id,
        tableId: m.table_id,
        attendance: m.attendance,
      })),
  };
}

function eventName(event: TradeEventRow, locale: Locale): string {
  return locale === "en" ? (event.title_en ?? event.title_th) : event.title_th;
}

/** A side's display name: a firm's name in the agenda's language (the other one when missing), a buyer's name. */
function sideName(
  row: { firm_name_th: string | null; firm_name_en: string | null; buyer_name: string | null },
  locale: Locale,
) {
  const firm = locale === "en" ? (row.firm_name_en ?? row.firm_name_th) : (row.firm_name_th ?? row.firm_name_en);
  return firm ?? row.buyer_name ?? "";
}

/**
 * One participant's agenda as PDF or iCalendar, in Thai or English: the participant's own firm and the event's
 * keepers may download it (anyone else: 404, as the participant's meetings are not theirs to see). The other side's
 * contact is included per meeting only where policy grants `read_personal` on that meeting (keepers; the sides once
 * it is accepted).
 */
export async function participantAgenda(
  ctx: AppContext,
  actor: Actor,
  input: { eventId: number; participantId: number; locale: Locale; format: "pdf" | "ics"; host: string },
): Promise<{ filename: string; contentType: string; body: Buffer | string }> {
  const { db } = ctx.database;
  const { event, keeper } = await loadEventFor(db, actor, input.eventId, "read");
  const data = await loadEventData(db, input.eventId);
  const participant = data.participants.find((p) => p.id === input.participantId);
  if (!participant) throw errors.notFound("participant", input.participantId);
  const ownFirm = actor.kind === "user" && actor.role === "member" && participant.enterprise_id === actor.enterpriseId;
  if (!keeper && !ownFirm) throw errors.notFound("participant", input.participantId);

  const slots = new Map(data.slots.map((s) => [s.id, s]));
  const tables = new Map(data.tables.map((t) => [t.id, t]));
  const byId = new Map(data.participants.map((p) => [p.id, p]));
  const mine = data.meetings
    .filter(
      (m) =>
        m.status === "accepted" &&
        m.slot_id !== null &&
        m.table_id !== null &&
        (m.requester_id === participant.id || m.target_id === participant.id),
    )
    .sort((x, y) => data.slots.findIndex((s) => s.id === x.slot_id) - data.slots.findIndex((s) => s.id === y.slot_id));
  const meetings: AgendaMeeting[] = [];
  for (const m of mine) {
    const other = byId.get(m.requester_id === participant.id ? m.target_id : m.requester_id)!;
    const slot = slots.get(m.slot_id!)!;
    const table = tables.get(m.table_id!)!;
    const resource: MeetingResource = {
      type: "meeting",
      eventKeeper: keeper,
      requesterEnterpriseId: byId.get(m.requester_id)?.enterprise_id ?? null,
      targetEnterpriseId: byId.get(m.target_id)?.enterprise_id ?? null,
      accepted: m.status === "accepted",
    };
    meetings.push({
      meetingId: m.id,
      start: instantOfLocalTime(slot.day, slot.starts_at, event.time_zone),
      end: instantOfLocalTime(slot.day, slot.ends_at, event.time_zone),
      table: table.label ?? String(table.number),
      counterpart: {
        name: sideName(other, input.locale),
        country: other.buyer_country,
        contact: can(actor, "read_personal", resource) ? await contactOf(db, other) : null,
      },
    });
  }
  const agenda: Agenda = {
    event: {
      id: event.id,
      name: eventName(event, input.locale),
      venue: event.venue,
      city: event.city,
      country: event.country_code,
      timeZone: event.time_zone,
    },
    participant: { id: participant.id, name: sideName(participant, input.locale) },
    meetings,
    generatedAt: nowIso(),
  };
  const filename = agendaFileName(agenda, input.locale, input.format);
  return input.format === "pdf"
    ? { filename, contentType: "application/pdf", body: await renderAgendaPdf(agenda, input.locale) }
    : {
        filename,
        contentType: "text/calendar; charset=utf-8",
        body: renderAgendaIcs(agenda, input.locale, input.host),
      };
}

/** A side's contact: a buyer's own, or the firm's first recorded contact. */
async function contactOf(db: Executor, side: { enterprise_id: number | null; buyer_id: number | null }) {
  if (side.buyer_id !== null) {
    const buyer = await db
      .selectFrom("buyers")
      .select(["contact_name", "contact_phone", "contact_email"])
      .where("id", "=", side.buyer_id)
      .executeTakeFirstOrThrow();
    return { name: buyer.contact_name, phone: buyer.contact_phone, email: buyer.contact_email };
  }
  const contact = await db
    .selectFrom("enterprise_contacts")
    .select(["name", "phone", "email"])
    .where("enterprise_id", "=", side.enterprise_id!)
    .orderBy("id")
    .executeTakeFirst();
  return contact ? { name: contact.name, phone: contact.phone, email: contact.email } : null;
}
