import { meetingPair, suggestMeetings, type Actor, type MeetingSuggestion, type NotificationKind } from "@sainam/core";
import type {
  CreateMeetingBody,
  MeetingDto,
  MeetingSuggestionDto,
  bulkMeetingBody,
  meetingListQuery,
  suggestionQuery,
} from "@sainam/contract";
import { audit, nowIso } from "@sainam/db";
import type { z } from "zod";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { loadEventFor, loadMeetingFor, type TradeEventRow } from "../events/event-access.ts";
import { notify } from "../notifications/notify.ts";
import { authorize } from "../policies/policy.ts";
import {
  actorUserId,
  existingPairs,
  firmOf,
  loadParties,
  meetingDtos,
  pairReasons,
  publicParty,
  toSuggestionParticipants,
  todayAt,
  type Executor,
  type Party,
} from "./meeting-read.ts";

/**
 * Matchmaking (issue 14 point 3, the contacts rule of point 6): suggestions, meeting requests and their answers,
 * check-in and attendance. Every route loads its event or meeting through event-access (404 when the caller may
 * not read it, 403 per policy); every write is audited without personal data (no messages, no reasons' words, no
 * contacts: their lengths at most).
 */

async function auditMeeting(
  db: Executor,
  actor: Actor,
  action: string,
  entityType: "meeting" | "event_participant",
  id: number,
  after: Record<string, unknown>,
): Promise<void> {
  await audit.appendAudit(db, {
    actorUserId: actorUserId(actor),
    action: `${entityType}.${action}`,
    entityType,
    entityId: id,
    after,
  });
}

function wrongStatus(what: string, status: string, step: string, id: number) {
  return errors.conflict(`A ${what} that is ${status} cannot be ${step}.`, "status", "wrong_status", { id, status });
}

/** The caller's own participant at the event, when their firm takes part. */
function ownParticipant(actor: Actor, parties: Map<number, Party>): Party | undefined {
  const firm = firmOf(actor);
  return firm === null ? undefined : [...parties.values()].find((p) => p.enterpriseId === firm);
}

/** The active users of a participant's firm (a buyer has none: the organiser answers for it). */
async function firmUsers(db: Executor, party: Party): Promise<number[]> {
  if (party.enterpriseId === null) return [];
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "member")
    .where("enterprise_id", "=", party.enterpriseId)
    .execute();
  return rows.map((row) => row.id);
}

async function notifyParty(
  ctx: AppContext,
  db: Executor,
  kind: NotificationKind,
  to: Party,
  from: Party,
  event: TradeEventRow,
  meetingId: number,
): Promise<void> {
  const userIds = await firmUsers(db, to);
  if (userIds.length === 0) return;
  await notify(
    ctx,
    {
      userIds,
      kind,
      entity: { type: "meeting", id: meetingId },
      params: { firmName: from.name, title: event.title_th },
    },
    db,
  );
}

function suggestionDto(suggestion: MeetingSuggestion, parties: Map<number, Party>): MeetingSuggestionDto[] {
  const a = parties.get(suggestion.low);
  const b = parties.get(suggestion.high);
  if (!a || !b) return [];
  return [{ a: publicParty(a), b: publicParty(b), score: suggestion.score, reasons: [...suggestion.reasons] }];
}

/**
 * Suggested meetings at an event: keepers see the event's list (or one participant's with participantId); a
 * participating firm sees its own. Pairs that already have a meeting are left out.
 */
export async function listSuggestions(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  query: z.infer<typeof suggestionQuery>,
) {
  const db = ctx.database.db;
  const { keeper } = await loadEventFor(db, actor, eventId, "read");
  const parties = await loadParties(db, eventId, { interests: true });
  let forParticipant = query.participantId;
  if (!keeper) {
    const own = ownParticipant(actor, parties);
    if (!own) throw anonymousOr(actor, "Only the event's keepers and its participating firms see suggestions.");
    if (forParticipant !== undefined && forParticipant !== own.participantId)
      throw errors.forbidden("A firm sees its own suggestions only.");
    forParticipant = own.participantId;
  } else if (forParticipant !== undefined && !parties.has(forParticipant)) {
    throw errors.missing("participantId", "participant", forParticipant);
  }
  const suggestions = suggestMeetings({
    participants: toSuggestionParticipants(parties),
    existingPairs: await existingPairs(db, eventId),
    perParticipant: query.perParticipant,
    ...(forParticipant === undefined ? {} : { forParticipant }),
  });
  return { items: suggestions.flatMap((s) => suggestionDto(s, parties)), perParticipant: query.perParticipant };
}

async function oneDto(ctx: AppContext, actor: Actor, id: number): Promise<MeetingDto> {
  const db = ctx.database.db;
  const { meeting, eventKeeper } = await loadMeetingFor(db, actor, id, "read");
  const [dto] = await meetingDtos(db, actor, [meeting], () => eventKeeper);
  if (!dto) throw errors.notFound("meeting", id);
  return dto;
}

/** A refusal of a caller who may read the event: 401 when they are not signed in (they might be a participant). */
function anonymousOr(actor: Actor, message: string) {
  return actor.kind === "public" ? errors.unauthenticated() : errors.forbidden(message);
}

function requireOpen(event: TradeEventRow): void {
  if (event.status !== "open")
    throw errors.conflict(
      `Meetings are requested while the event is open; this one is ${event.status}.`,
      "status",
      "wrong_status",
      { id: event.id, status: event.status },
    );
}

type NewMeeting = {
  event: TradeEventRow;
  requester: Party;
  target: Party;
  origin: "suggestion" | "request" | "organiser";
  reasons: MeetingSuggestion | undefined;
  message: string | undefined;
};

async function insertMeeting(ctx: AppContext, trx: Executor, actor: Actor, input: NewMeeting): Promise<number> {
  const now = nowIso();
  const pair = meetingPair(input.requester.participantId, input.target.participantId);
  const { id } = await trx
    .insertInto("meetings")
    .values({
      event_id: input.event.id,
      requester_id: input.requester.participantId,
      target_id: input.target.participantId,
      pair_low: pair.low,
      pair_high: pair.high,
      origin: input.origin,
      reason_json: input.reasons ? JSON.stringify(input.reasons.reasons) : null,
      message: input.message === undefined || input.message === "" ? null : input.message,
      status: "requested",
      requested_by: actorUserId(actor),
      requested_at: now,
      decided_by: null,
      decided_at: null,
      decline_reason: null,
      slot_id: null,
      table_id: null,
      attendance: null,
      attendance_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await auditMeeting(trx, actor, "create", "meeting", id, {
    eventId: input.event.id,
    requesterId: input.requester.participantId,
    targetId: input.target.participantId,
    origin: input.origin,
    status: "requested",
    messageLength: input.message?.length ?? 0,
  });
  await notifyParty(ctx, trx, "meeting_requested", input.target, input.requester, input.event, id);
  return id;
}

/**
 * A meeting request. The requester must be the caller's firm's participant (keepers request on behalf of any
 * participant: origin organiser). Two participants meet once per event, whatever became of an earlier request:
 * 409. Two pure buyers are not paired. `fromSuggestion`: the pair must be one matchmaking suggests, and its
 * reasons are kept with the meeting.
 */
export async function requestMeeting(ctx: AppContext, actor: Actor, eventId: number, body: CreateMeetingBody) {
  const id = await ctx.database.db.transaction().execute(async (trx) => {
    const { event, keeper } = await loadEventFor(trx, actor, eventId, "read");
    const parties = await loadParties(trx, eventId, { ids: [body.requesterId, body.targetId], interests: true });
    const requester = parties.get(body.requesterId);
    const target = parties.get(body.targetId);
    if (!requester) throw errors.missing("requesterId", "participant", body.requesterId);
    if (!target) throw errors.missing("targetId", "participant", body.targetId);
    if (requester.participantId === target.participantId)
      throw errors.validation("targetId", "must be another participant than the requester", "self_link");
    authorize(actor, "create", {
      type: "meeting",
      eventKeeper: keeper,
      requesterEnterpriseId: requester.enterpriseId,
      targetEnterpriseId: target.enterpriseId,
      accepted: false,
    });
    requireOpen(event);
    if (requester.role === "buyer" && target.role === "buyer")
      throw errors.validation("targetId", "two buyers meet only when one of them also sells", "not_applicable");
    const pair = meetingPair(requester.participantId, target.participantId);
    const earlier = await trx
      .selectFrom("meetings")
      .select(["id", "status"])
      .where("event_id", "=", eventId)
      .where("pair_low", "=", pair.low)
      .where("pair_high", "=", pair.high)
      .executeTakeFirst();
    if (earlier)
      throw errors.conflict(
        `These two participants already have a meeting at this event (meeting ${earlier.id}, ${earlier.status}); a pair meets once.`,
        "targetId",
        "duplicate",
        { id: earlier.id, status: earlier.status },
      );
    const reasons = pairReasons(requester, target);
    if (body.fromSuggestion && !reasons)
      throw errors.validation("targetId", "is not a suggested partner of the requester", "not_applicable");
    // A keeper acts on the requester's behalf unless they are that firm's own member.
    const callerFirm = firmOf(actor);
    const onBehalf = keeper && (callerFirm === null || callerFirm !== requester.enterpriseId);
    const origin = onBehalf ? "organiser" : body.fromSuggestion ? "suggestion" : "request";
    return insertMeeting(ctx, trx, actor, { event, requester, target, origin, reasons, message: body.message });
  });
  return oneDto(ctx, actor, id);
}

/**
 * Keepers request the top suggestions of many participants at once (each chosen participant as the requester), in
 * one transaction. A pair already met, or requested earlier in the same run from the other side, is skipped.
 */
export async function requestInBulk(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  body: z.infer<typeof bulkMeetingBody>,
) {
  return ctx.database.db.transaction().execute(async (trx) => {
    const { event } = await loadEventFor(trx, actor, eventId, "update");
    requireOpen(event);
    const parties = await loadParties(trx, eventId, { interests: true });
    const chosen = body.participantIds ?? [...parties.keys()];
    for (const [index, pid] of chosen.entries())
      if (!parties.has(pid)) throw errors.missing(`participantIds.${index}`, "participant", pid);
    const taken = await existingPairs(trx, eventId);
    // Every pair's matches, once, best first; each participant then takes its own best in that order.
    const all = suggestMeetings({
      participants: toSuggestionParticipants(parties),
      existingPairs: taken,
      perParticipant: Number.MAX_SAFE_INTEGER,
    });
    const byParticipant = new Map<number, MeetingSuggestion[]>();
    for (const suggestion of all) {
      for (const side of [suggestion.low, suggestion.high]) {
        const list = byParticipant.get(side) ?? [];
        list.push(suggestion);
        byParticipant.set(side, list);
      }
    }
    let created = 0;
    let skipped = 0;
    for (const pid of new Set(chosen)) {
      const requester = parties.get(pid);
      if (!requester) continue;
      for (const suggestion of (byParticipant.get(pid) ?? []).slice(0, body.perParticipant)) {
        const key = `${suggestion.low}:${suggestion.high}`;
        if (taken.has(key)) {
          skipped += 1;
          continue;
        }
        const target = parties.get(suggestion.low === pid ? suggestion.high : suggestion.low);
        if (!target) continue;
        taken.add(key);
        await insertMeeting(ctx, trx, actor, {
          event,
          requester,
          target,
          origin: "organiser",
          reasons: suggestion,
          message: body.message,
        });
        created += 1;
      }
    }
    await audit.appendAudit(trx, {
      actorUserId: actorUserId(actor),
      action: "meeting.bulk_create",
      entityType: "trade_event",
      entityId: eventId,
      after: { participants: new Set(chosen).size, perParticipant: body.perParticipant, created, skipped },
    });
    return { participants: new Set(chosen).size, created, skipped };
  });
}

/** The target side (its firm, or keepers on a buyer's or firm's behalf) accepts or declines a requested meeting. */
export async function answerMeeting(
  ctx: AppContext,
  actor: Actor,
  id: number,
  answer: { accept: true } | { accept: false; reason: string },
) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const { meeting, event } = await loadMeetingFor(trx, actor, id, "respond");
    const step = answer.accept ? "accepted" : "declined";
    if (meeting.status !== "requested") throw wrongStatus("meeting", meeting.status, step, id);
    if (event.status === "closed") throw wrongStatus("meeting of a closed event", meeting.status, step, id);
    const now = nowIso();
    await trx
      .updateTable("meetings")
      .set({
        status: step,
        decided_by: actorUserId(actor),
        decided_at: now,
        decline_reason: answer.accept ? null : answer.reason,
        updated_at: now,
      })
      .where("id", "=", id)
      .where("status", "=", "requested")
      .execute();
    await auditMeeting(trx, actor, answer.accept ? "accept" : "decline", "meeting", id, {
      status: step,
      ...(answer.accept ? {} : { reasonLength: answer.reason.length }),
    });
    const parties = await loadParties(trx, event.id, { ids: [meeting.requester_id, meeting.target_id] });
    const requester = parties.get(meeting.requester_id);
    const target = parties.get(meeting.target_id);
    if (requester && target) {
      const kind = answer.accept ? "meeting_accepted" : "meeting_declined";
      await notifyParty(ctx, trx, kind, requester, target, event, id);
    }
  });
  return oneDto(ctx, actor, id);
}

/** Either side (or a keeper) cancels a requested or accepted meeting; its slot and table are freed. */
export async function cancelMeeting(ctx: AppContext, actor: Actor, id: number, reason: string | undefined) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const { meeting } = await loadMeetingFor(trx, actor, id, "update");
    if (meeting.status !== "requested" && meeting.status !== "accepted")
      throw wrongStatus("meeting", meeting.status, "cancelled", id);
    if (meeting.attendance !== null) throw wrongStatus("meeting", "attended", "cancelled", id);
    const now = nowIso();
    await trx
      .updateTable("meetings")
      .set({
        status: "cancelled",
        decided_by: actorUserId(actor),
        decided_at: now,
        decline_reason: reason === undefined || reason === "" ? null : reason,
        slot_id: null,
        table_id: null,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await auditMeeting(trx, actor, "cancel", "meeting", id, {
      status: "cancelled",
      from: meeting.status,
      reasonLength: reason?.length ?? 0,
    });
  });
  return oneDto(ctx, actor, id);
}

/** An event's meetings: keepers all (filters, pages); a participating firm its own; anyone else is refused. */
export async function listEventMeetings(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  query: z.infer<typeof meetingListQuery>,
) {
  const db = ctx.database.db;
  const { keeper } = await loadEventFor(db, actor, eventId, "read");
  let q = db.selectFrom("meetings").where("event_id", "=", eventId);
  if (!keeper) {
    const firm = firmOf(actor);
    const own =
      firm === null
        ? undefined
        : await db
            .selectFrom("event_participants")
            .select("id")
            .where("event_id", "=", eventId)
            .where("enterprise_id", "=", firm)
            .executeTakeFirst();
    if (!own) throw anonymousOr(actor, "Only the event's keepers and its participating firms see its meetings.");
    q = q.where((eb) => eb.or([eb("requester_id", "=", own.id), eb("target_id", "=", own.id)]));
  }
  if (query.status) q = q.where("status", "=", query.status);
  if (query.participantId !== undefined) {
    const pid = query.participantId;
    q = q.where((eb) => eb.or([eb("requester_id", "=", pid), eb("target_id", "=", pid)]));
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number | string>().as("total")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: await meetingDtos(db, actor, rows, () => keeper),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A member's events (where its firm takes part) and its meetings across them; other roles are refused. */
export async function listMyMeetings(ctx: AppContext, actor: Actor) {
  const db = ctx.database.db;
  if (actor.kind !== "user") throw errors.unauthenticated();
  const firm = firmOf(actor);
  if (firm === null) throw errors.forbidden("Only member firms have meetings of their own.");
  const events = await db
    .selectFrom("event_participants as p")
    .innerJoin("trade_events as e", "e.id", "p.event_id")
    .select(["e.id", "e.title_th", "e.title_en", "e.starts_on", "e.ends_on", "e.status", "p.id as participant_id"])
    .where("p.enterprise_id", "=", firm)
    .orderBy("e.starts_on", "desc")
    .orderBy("e.id")
    .execute();
  const participantIds = events.map((e) => e.participant_id);
  const rows =
    participantIds.length === 0
      ? []
      : await db
          .selectFrom("meetings")
          .selectAll()
          .where((eb) => eb.or([eb("requester_id", "in", participantIds), eb("target_id", "in", participantIds)]))
          .orderBy("requested_at", "desc")
          .orderBy("id")
          .execute();
  return {
    events: events.map((e) => ({
      id: e.id,
      titleTh: e.title_th,
      titleEn: e.title_en,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      status: e.status,
      participantId: e.participant_id,
    })),
    // A member keeps no event through its firm: contacts follow the sides' rule only.
    meetings: await meetingDtos(db, actor, rows, () => false),
  };
}

/** Keepers check a participant in (or undo it) on the day. */
export async function checkIn(ctx: AppContext, actor: Actor, eventId: number, participantId: number, on: boolean) {
  return ctx.database.db.transaction().execute(async (trx) => {
    await loadEventFor(trx, actor, eventId, "update");
    const parties = await loadParties(trx, eventId, { ids: [participantId] });
    const party = parties.get(participantId);
    if (!party) throw errors.notFound("participant", participantId);
    const at = on ? (party.checkedInAt ?? nowIso()) : null;
    await trx.updateTable("event_participants").set({ checked_in_at: at }).where("id", "=", participantId).execute();
    await auditMeeting(trx, actor, on ? "check_in" : "undo_check_in", "event_participant", participantId, {
      eventId,
      checkedIn: on,
    });
    return publicParty({ ...party, checkedInAt: at });
  });
}

/**
 * Keepers record who came to a meeting: only an accepted meeting that has a slot, and only on or after the slot's
 * day where the event is held.
 */
export async function recordAttendance(
  ctx: AppContext,
  actor: Actor,
  id: number,
  attendance: NonNullable<MeetingDto["attendance"]>,
) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const { meeting, event, eventKeeper } = await loadMeetingFor(trx, actor, id, "read");
    if (!eventKeeper)
      throw errors.forbidden("Only the event's keepers record attendance.", {
        action: "update",
        resource: "trade_event",
      });
    if (meeting.status !== "accepted") throw wrongStatus("meeting", meeting.status, "attended", id);
    const slot =
      meeting.slot_id === null
        ? undefined
        : await trx.selectFrom("event_slots").selectAll().where("id", "=", meeting.slot_id).executeTakeFirst();
    if (!slot)
      throw errors.conflict("Attendance is recorded for scheduled meetings only.", "status", "wrong_status", {
        id,
        status: "unscheduled",
      });
    const today = todayAt(event.time_zone, ctx.now());
    if (today < slot.day)
      throw errors.conflict(
        `Attendance can be recorded from the meeting's day (${slot.day}).`,
        "attendance",
        "not_before",
        {
          other: slot.day,
        },
      );
    const now = nowIso();
    await trx
      .updateTable("meetings")
      .set({ attendance, attendance_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await auditMeeting(trx, actor, "attendance", "meeting", id, { attendance, before: meeting.attendance });
  });
  return oneDto(ctx, actor, id);
}

/**
 * No-shows of an event (keepers): meetings someone missed, and participants with accepted, scheduled meetings on
 * or before today who have not checked in.
 */
export async function listNoShows(ctx: AppContext, actor: Actor, eventId: number) {
  const db = ctx.database.db;
  const { event } = await loadEventFor(db, actor, eventId, "update");
  const missed = await db
    .selectFrom("meetings")
    .selectAll()
    .where("event_id", "=", eventId)
    .where("attendance", "in", ["requester_absent", "target_absent", "both_absent"])
    .orderBy("id")
    .execute();
  const today = todayAt(event.time_zone, ctx.now());
  const due = await db
    .selectFrom("meetings as m")
    .innerJoin("event_slots as s", "s.id", "m.slot_id")
    .select(["m.requester_id", "m.target_id"])
    .where("m.event_id", "=", eventId)
    .where("m.status", "=", "accepted")
    .where("s.day", "<=", today)
    .execute();
  const counts = new Map<number, number>();
  for (const row of due)
    for (const pid of [row.requester_id, row.target_id]) counts.set(pid, (counts.get(pid) ?? 0) + 1);
  const parties = await loadParties(db, eventId, { ids: [...counts.keys()] });
  return {
    meetings: await meetingDtos(db, actor, missed, () => true),
    notCheckedIn: [...parties.values()]
      .filter((party) => party.checkedInAt === null)
      .map((party) => ({ ...publicParty(party), meetingsDue: counts.get(party.participantId) ?? 0 })),
  };
}
