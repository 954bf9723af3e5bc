import type { EventLayout, GenerateSlotsBody, SetTablesBody } from "@sainam/contract";
import type { Actor } from "@sainam/core";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { loadEventFor } from "./event-access.ts";
import { auditEventWrite, type Executor } from "./event.service.ts";

// An event's meeting slots and tables (issue 14, point 2). Slots are local times at the venue (the event's time
// zone). Regenerating keeps the slots that stay (same day and times), so meetings and availability on them keep
// their ids; a slot or table a scheduled meeting uses cannot be removed (409 naming what is in use).

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

type SlotTime = { day: string; startsAt: string; endsAt: string };

/**
 * The slots of the given days: each session cut into meetings of `minutes`, with `pauseMinutes` between them; a
 * last piece shorter than a meeting is dropped. Sessions must not overlap (path names the session).
 */
export function slotTimes(body: GenerateSlotsBody): SlotTime[] {
  const sessions = body.sessions
    .map((s, index) => ({ start: toMinutes(s.start), end: toMinutes(s.end), index }))
    .sort((a, b) => a.start - b.start);
  for (const [i, session] of sessions.entries()) {
    if (session.end <= session.start) throw errors.notBefore(`sessions.${session.index}.end`, "start");
    const previous = sessions[i - 1];
    if (previous && session.start < previous.end)
      throw errors.validation(`sessions.${session.index}.start`, "overlaps another session", "conflict");
    if (session.end - session.start < body.minutes)
      throw errors.validation(`sessions.${session.index}.end`, "is shorter than one meeting", "too_short", {
        min: body.minutes,
      });
  }
  const days = [...new Set(body.days)].sort();
  const slots: SlotTime[] = [];
  for (const day of days)
    for (const session of sessions)
      for (let start = session.start; start + body.minutes <= session.end; start += body.minutes + body.pauseMinutes)
        slots.push({ day, startsAt: toClock(start), endsAt: toClock(start + body.minutes) });
  return slots;
}

export async function readLayout(db: Executor, eventId: number): Promise<EventLayout> {
  const slots = await db
    .selectFrom("event_slots")
    .select(["id", "day", "starts_at", "ends_at"])
    .where("event_id", "=", eventId)
    .orderBy("day")
    .orderBy("starts_at")
    .execute();
  const tables = await db
    .selectFrom("event_tables")
    .select(["id", "number", "label"])
    .where("event_id", "=", eventId)
    .orderBy("number")
    .execute();
  const used = await db
    .selectFrom("meetings")
    .leftJoin("event_tables", "event_tables.id", "meetings.table_id")
    .select(["meetings.slot_id", "event_tables.number"])
    .where("meetings.event_id", "=", eventId)
    .where((eb) => eb.or([eb("meetings.slot_id", "is not", null), eb("meetings.table_id", "is not", null)]))
    .execute();
  return {
    slots: slots.map((s) => ({ id: s.id, day: s.day, startsAt: s.starts_at, endsAt: s.ends_at })),
    tables: tables.map((t) => ({ id: t.id, number: t.number, label: t.label })),
    usedSlotIds: [...new Set(used.flatMap((u) => (u.slot_id === null ? [] : [u.slot_id])))].sort((a, b) => a - b),
    usedTableNumbers: [...new Set(used.flatMap((u) => (u.number === null ? [] : [u.number])))].sort((a, b) => a - b),
  };
}

export async function getLayout(ctx: AppContext, actor: Actor, eventId: number) {
  await loadEventFor(ctx.database.db, actor, eventId, "read");
  return readLayout(ctx.database.db, eventId);
}

export async function generateSlots(ctx: AppContext, actor: Actor, eventId: number, body: GenerateSlotsBody) {
  const { db } = ctx.database;
  const { event } = await loadEventFor(db, actor, eventId, "update");
  const outside = body.days.findIndex((day) => day < event.starts_on || day > event.ends_on);
  if (outside >= 0)
    throw errors.validation(`days.${outside}`, "is not a day of the event", "out_of_range", {
      min: event.starts_on,
      max: event.ends_on,
    });
  const wanted = slotTimes(body);
  const keyOf = (s: SlotTime) => `${s.day} ${s.startsAt} ${s.endsAt}`;
  const wantedKeys = new Set(wanted.map(keyOf));
  return db.transaction().execute(async (trx) => {
    const before = await readLayout(trx, eventId);
    const dropped = before.slots.filter((s) => !wantedKeys.has(keyOf(s)));
    const droppedInUse = dropped.filter((s) => before.usedSlotIds.includes(s.id));
    const firstInUse = droppedInUse[0];
    if (firstInUse)
      throw errors.conflict(
        `${droppedInUse.length} slot(s) that would be removed have scheduled meetings (first: ${firstInUse.day} ${firstInUse.startsAt}); unschedule them first.`,
        "sessions",
        "conflict",
        { inUse: droppedInUse.length, day: firstInUse.day, startsAt: firstInUse.startsAt },
      );
    if (dropped.length > 0)
      await trx
        .deleteFrom("event_slots")
        .where(
          "id",
          "in",
          dropped.map((s) => s.id),
        )
        .execute();
    const kept = new Set(before.slots.filter((s) => wantedKeys.has(keyOf(s))).map(keyOf));
    const added = wanted.filter((s) => !kept.has(keyOf(s)));
    if (added.length > 0)
      await trx
        .insertInto("event_slots")
        .values(added.map((s) => ({ event_id: eventId, day: s.day, starts_at: s.startsAt, ends_at: s.endsAt })))
        .execute();
    await auditEventWrite(trx, actor, "slots", eventId, {
      before: { slots: before.slots.length },
      after: { slots: wanted.length, added: added.length, removed: dropped.length, ...body },
    });
    return readLayout(trx, eventId);
  });
}

export async function setTables(ctx: AppContext, actor: Actor, eventId: number, body: SetTablesBody) {
  const { db } = ctx.database;
  await loadEventFor(db, actor, eventId, "update");
  if (body.labels !== undefined && body.labels.length > body.count)
    throw errors.validation("labels", "has more labels than tables", "too_many", { max: body.count });
  return db.transaction().execute(async (trx) => {
    const before = await readLayout(trx, eventId);
    const highestUsed = Math.max(0, ...before.usedTableNumbers);
    if (body.count < highestUsed)
      throw errors.conflict(
        `Table ${highestUsed} has scheduled meetings: the event needs at least ${highestUsed} tables.`,
        "count",
        "conflict",
        { min: highestUsed },
      );
    await trx.deleteFrom("event_tables").where("event_id", "=", eventId).where("number", ">", body.count).execute();
    const existing = new Map(before.tables.map((t) => [t.number, t]));
    for (let number = 1; number <= body.count; number++) {
      const label =
        body.labels === undefined ? (existing.get(number)?.label ?? null) : (body.labels[number - 1] ?? null);
      const stored = existing.get(number);
      if (!stored) await trx.insertInto("event_tables").values({ event_id: eventId, number, label }).execute();
      else if (stored.label !== label)
        await trx.updateTable("event_tables").set({ label }).where("id", "=", stored.id).execute();
    }
    await auditEventWrite(trx, actor, "tables", eventId, {
      before: { tables: before.tables.length },
      after: { tables: body.count, labels: body.labels ?? null },
    });
    return readLayout(trx, eventId);
  });
}
