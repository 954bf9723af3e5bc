import { addWorkingDays, bangkokDateOf, holidayDates, type Actor } from "@sainam/core";
import type { CreateHolidayBody, HolidayKind, UpdateHolidayBody } from "@sainam/contract";
import { audit, holidays, nowIso, type PublicHolidayRow } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { authorize } from "../policies/policy.ts";

export function presentHoliday(row: PublicHolidayRow) {
  return {
    id: row.id,
    date: row.date,
    nameTh: row.name_th,
    nameEn: row.name_en,
    // Written only through the contract's enum (or the checked reference file).
    kind: row.kind as HolidayKind,
  };
}

/** The holidays of a C.E. year; without one, of the current year in Bangkok. Public. */
export async function listHolidays(ctx: AppContext, actor: Actor, year: number | undefined) {
  authorize(actor, "list", { type: "reference" });
  const shown = year ?? bangkokDateOf(new Date()).year;
  const rows = await holidays.listBetween(ctx.database.db, `${shown}-01-01`, `${shown}-12-31`);
  return { year: shown, items: rows.map(presentHoliday) };
}

function actorId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.id : null;
}

function duplicateDate(date: string) {
  return errors.conflict(`date: ${date} is already a holiday`, "date", "duplicate", { value: date });
}

export async function createHoliday(ctx: AppContext, actor: Actor, input: CreateHolidayBody) {
  authorize(actor, "create", { type: "reference" });
  const now = nowIso();
  return ctx.database.db.transaction().execute(async (trx) => {
    if (await holidays.findByDate(trx, input.date)) throw duplicateDate(input.date);
    const row = await holidays.insert(trx, {
      date: input.date,
      name_th: input.nameTh,
      name_en: input.nameEn ?? null,
      kind: input.kind,
      created_at: now,
      updated_at: now,
    });
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "holiday.create",
      entityType: "holiday",
      entityId: row.id,
      before: null,
      after: presentHoliday(row),
    });
    return presentHoliday(row);
  });
}

export async function updateHoliday(ctx: AppContext, actor: Actor, id: number, input: UpdateHolidayBody) {
  authorize(actor, "update", { type: "reference" });
  return ctx.database.db.transaction().execute(async (trx) => {
    const before = await holidays.find(trx, id);
    if (!before) throw errors.notFound("holiday", id);
    if (input.date !== undefined && input.date !== before.date) {
      if (await holidays.findByDate(trx, input.date)) throw duplicateDate(input.date);
    }
    const patch: { date?: string; name_th?: string; name_en?: string | null; kind?: string; updated_at: string } = {
      updated_at: nowIso(),
    };
    if (input.date !== undefined) patch.date = input.date;
    if (input.nameTh !== undefined) patch.name_th = input.nameTh;
    if (input.nameEn !== undefined) patch.name_en = input.nameEn;
    if (input.kind !== undefined) patch.kind = input.kind;
    const after = await holidays.update(trx, id, patch);
    if (!after) throw errors.notFound("holiday", id);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "holiday.update",
      entityType: "holiday",
      entityId: id,
      before: presentHoliday(before),
      after: presentHoliday(after),
    });
    return presentHoliday(after);
  });
}

export async function deleteHoliday(ctx: AppContext, actor: Actor, id: number) {
  // Deleting a day off is a change to the reference calendar, as an edit is (policy actions have no "delete").
  authorize(actor, "update", { type: "reference" });
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await holidays.find(trx, id);
    if (!before) throw errors.notFound("holiday", id);
    await holidays.remove(trx, id);
    await audit.appendAudit(trx, {
      actorUserId: actorId(actor),
      action: "holiday.delete",
      entityType: "holiday",
      entityId: id,
      before: presentHoliday(before),
      after: null,
    });
  });
  return { ok: true as const };
}

/** The date `days` working days after `from`, counting the kept holidays (see addWorkingDays). Public. */
export async function workingDaysAfter(ctx: AppContext, actor: Actor, from: string, days: number) {
  authorize(actor, "read", { type: "reference" });
  const dates = await holidays.datesFrom(ctx.database.db, from);
  return { from, days, date: addWorkingDays(from, days, holidayDates(dates)) };
}
