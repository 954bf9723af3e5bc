import { holidayDates, workingDayCalendarSpan, workingDaysBetween } from "@sainam/core";
import { holidays } from "@sainam/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type SignedIn } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { requestFactory } from "./request-factory.ts";
import { serviceFiguresFor } from "./service-figures.service.ts";

// The working-day calendar table (migration 0023) that the service figures time clocks on: it agrees with counting
// on the holidays, follows every holiday change in the same transaction, and figures stay right for dates it does
// not cover.
let t: TestApp;
let admin: SignedIn;

const at = (date: string, time = "09:00") => new Date(`${date}T${time}:00+07:00`).toISOString();

/** Working days after a up to b as the table answers: ordinal(b) − ordinal(a). */
async function tableBetween(a: string, b: string): Promise<number> {
  const ordinals = await holidays.calendarOrdinals(t.ctx.database.db, [a, b]);
  const oa = ordinals.get(a);
  const ob = ordinals.get(b);
  if (oa === undefined || ob === undefined) throw new Error(`calendar lacks ${a} or ${b}`);
  return ob - oa;
}

async function calendarOfHolidays() {
  const rows = await t.ctx.database.db.selectFrom("public_holidays").select("date").execute();
  return holidayDates(rows.map((r) => r.date));
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
});
afterAll(async () => {
  await t.close();
});

describe("working-day calendar table", () => {
  it("covers its span day by day and agrees with counting on the seeded holidays", async () => {
    const { db } = t.ctx.database;
    const span = await db
      .selectFrom("working_day_calendar")
      .select((eb) => [eb.fn.min("day").as("first"), eb.fn.max("day").as("last"), eb.fn.countAll().as("days")])
      .executeTakeFirstOrThrow();
    expect(span.first).toBe(workingDayCalendarSpan.from);
    expect(span.last).toBe(workingDayCalendarSpan.to);
    const days = (Date.parse(workingDayCalendarSpan.to) - Date.parse(workingDayCalendarSpan.from)) / 86_400_000 + 1;
    expect(Number(span.days)).toBe(days);

    const calendar = await calendarOfHolidays();
    expect(calendar.size).toBeGreaterThan(10);
    // Around Songkran 2027 (seeded), over a weekend, across a year end, and a long stretch.
    const pairs: [string, string][] = [
      ["2027-04-09", "2027-04-19"],
      ["2027-04-13", "2027-04-13"],
      ["2026-12-25", "2027-01-06"],
      ["2027-03-05", "2027-03-08"],
      ["2020-01-01", "2040-12-31"],
      ["2027-04-19", "2027-04-09"],
    ];
    for (const [a, b] of pairs) expect(await tableBetween(a, b), `${a}..${b}`).toBe(workingDaysBetween(a, b, calendar));
  });

  it("follows a holiday added, moved and removed, each in its own write", async () => {
    // 2030-06-14 is a Friday, 2030-06-17 a Monday.
    expect(await tableBetween("2030-06-13", "2030-06-18")).toBe(3);
    const created = await admin.request("POST", "/api/holidays", {
      date: "2030-06-14",
      nameTh: "หยุดพิเศษ",
      kind: "special",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    expect(await tableBetween("2030-06-13", "2030-06-18")).toBe(2);
    expect(await tableBetween("2030-06-14", "2030-06-17")).toBe(1);

    const moved = await admin.request("PATCH", `/api/holidays/${id}`, { date: "2030-06-17" });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await tableBetween("2030-06-13", "2030-06-18")).toBe(2);
    expect(await tableBetween("2030-06-13", "2030-06-14")).toBe(1);
    expect(await tableBetween("2030-06-14", "2030-06-17")).toBe(0);

    expect((await admin.request("DELETE", `/api/holidays/${id}`)).statusCode).toBe(200);
    expect(await tableBetween("2030-06-13", "2030-06-18")).toBe(3);
    expect(await tableBetween("2020-01-01", "2040-12-31")).toBe(
      workingDaysBetween("2020-01-01", "2040-12-31", await calendarOfHolidays()),
    );
  });

  it("keeps the calendar when the holiday's transaction rolls back", async () => {
    const { db } = t.ctx.database;
    const now = new Date().toISOString();
    await expect(
      db.transaction().execute(async (trx) => {
        await holidays.insert(trx, {
          date: "2031-07-15",
          name_th: "ไม่เกิดขึ้น",
          name_en: null,
          kind: "special",
          created_at: now,
          updated_at: now,
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await tableBetween("2031-07-14", "2031-07-16")).toBe(2);
  });
});

describe("service figures on dates the calendar does not cover", () => {
  it("times clocks before and after its span on the holidays", async () => {
    const f = requestFactory(t.ctx.database);
    const provider = await f.provider({ nameTh: "ศูนย์ นอกปฏิทิน" });
    const expert = await f.expert(provider);
    const enterprise_id = await f.enterprise(admin);
    const request = (routed: string, responded: string, due: string) =>
      f.request({
        enterprise_id,
        provider_id: provider,
        expert_id: expert,
        status: "accepted",
        filed_at: at(routed, "08:00"),
        routed_at: at(routed),
        first_response_at: at(responded),
        response_due_on: due,
      });
    // Friday 2019-12-27 to Friday 2020-01-03: 5 working days (weekend and 1 January off), routed before the span.
    await request("2019-12-27", "2020-01-03", "2019-12-31");
    // Wednesday 2041-01-02 to Tuesday 2041-01-08: 4 working days, wholly after the span.
    await request("2041-01-02", "2041-01-08", "2041-01-08");
    // Inside the span: Monday 2027-03-01 to Wednesday 2027-03-03, 2 working days.
    await request("2027-03-01", "2027-03-03", "2027-03-03");

    const calendar = await calendarOfHolidays();
    expect(workingDaysBetween("2019-12-27", "2020-01-03", calendar)).toBe(5);
    const figures = await serviceFiguresFor(
      t.ctx,
      { kind: "system" },
      { providerId: provider },
      new Date(at("2041-02-01")),
    );
    expect(figures.response).toEqual({
      timed: 3,
      medianDays: 4,
      p90Days: 5,
      withinTarget: 2,
      breached: 1,
      breachRate: 1 / 3,
    });
  });
});
