import { seedReferenceData } from "@sainam/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyIds, signInAs } from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

// Issue 13, point 4: the Thai working-day calendar kept by admins, and the working-day answer SLA clocks use.

let t: TestApp;
let admin: Client;
let officer: Client;
let expert: Client;

type Detail = { path: string; code: string };
const details = (response: { json(): unknown }): Detail[] =>
  ((response.json() as { error?: { details?: Detail[] } }).error?.details ?? []).map(({ path, code }) => ({
    path,
    code,
  }));

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, "admin");
  const { DIP: dip } = await agencyIds(t, "DIP");
  officer = await signInAs(t, "agency_officer", { agencyId: dip });
  expert = await signInAs(t, "expert");
});

afterAll(async () => {
  await t.close();
});

describe("GET /api/holidays", () => {
  it("lists the shipped 2026 holidays to anyone, by date, Songkran and the substitution days among them", async () => {
    const response = await t.anonymous.request("GET", "/api/holidays?year=2026");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { year: number; items: Array<{ date: string; kind: string; nameTh: string }> };
    expect(body.year).toBe(2026);
    const dates = body.items.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(expect.arrayContaining(["2026-01-01", "2026-04-13", "2026-04-14", "2026-04-15"]));
    expect(body.items.find((h) => h.date === "2026-12-07")).toMatchObject({ kind: "substitution" });
    expect(body.items.every((h) => h.date.startsWith("2026-"))).toBe(true);
  });

  it("has the next year loaded too", async () => {
    const body = (await t.anonymous.request("GET", "/api/holidays?year=2027")).json() as { items: unknown[] };
    expect(body.items.length).toBeGreaterThan(15);
  });

  it("refuses a B.E. year, naming the field", async () => {
    const response = await t.anonymous.request("GET", "/api/holidays?year=2569");
    expect(response.statusCode).toBe(400);
    expect(details(response)).toEqual([{ path: "year", code: "out_of_range" }]);
  });
});

describe("holiday writes", () => {
  it("lets an admin add, change and remove a holiday, each audited", async () => {
    const created = await admin.request("POST", "/api/holidays", {
      date: "2030-06-14",
      nameTh: "วันหยุดพิเศษ",
      nameEn: "Special holiday",
      kind: "special",
    });
    expect(created.statusCode, created.body).toBe(201);
    const holiday = created.json() as { id: number };
    expect(created.json()).toMatchObject({ date: "2030-06-14", nameTh: "วันหยุดพิเศษ", kind: "special" });

    const listed = (await t.anonymous.request("GET", "/api/holidays?year=2030")).json() as {
      items: Array<{ id: number }>;
    };
    expect(listed.items.map((h) => h.id)).toContain(holiday.id);

    const changed = await admin.request("PATCH", `/api/holidays/${holiday.id}`, { date: "2030-06-17", nameEn: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ date: "2030-06-17", nameEn: null, nameTh: "วันหยุดพิเศษ" });

    const removed = await admin.request("DELETE", `/api/holidays/${holiday.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await admin.request("DELETE", `/api/holidays/${holiday.id}`)).statusCode).toBe(404);

    const log = (await admin.request("GET", `/api/audit?entityType=holiday&pageSize=50`)).json() as {
      items: Array<{ action: string; entityId: number | string }>;
    };
    const actions = log.items.filter((e) => Number(e.entityId) === holiday.id).map((e) => e.action);
    expect(actions.sort()).toEqual(["holiday.create", "holiday.delete", "holiday.update"]);
  });

  it("answers a duplicate date with 409 naming date, on create and on change", async () => {
    const taken = await admin.request("POST", "/api/holidays", { date: "2026-04-13", nameTh: "ซ้ำ", kind: "special" });
    expect(taken.statusCode).toBe(409);
    expect(details(taken)).toEqual([{ path: "date", code: "duplicate" }]);

    const other = (
      await admin.request("POST", "/api/holidays", { date: "2031-03-02", nameTh: "อีกวัน", kind: "special" })
    ).json() as { id: number };
    const moved = await admin.request("PATCH", `/api/holidays/${other.id}`, { date: "2026-04-14" });
    expect(moved.statusCode).toBe(409);
    expect(details(moved)).toEqual([{ path: "date", code: "duplicate" }]);
    // Its own date is not a clash.
    expect((await admin.request("PATCH", `/api/holidays/${other.id}`, { date: "2031-03-02" })).statusCode).toBe(200);
  });

  it.each([
    [{ date: "2569-05-01", nameTh: "ก", kind: "special" }, "date", "out_of_range"],
    [{ date: "2030-02-30", nameTh: "ก", kind: "special" }, "date", "invalid_date"],
    [{ date: "2030-05-01", nameTh: " ", kind: "special" }, "nameTh", "required"],
    [{ date: "2030-05-01", nameTh: "ก", kind: "festival" }, "kind", "invalid_choice"],
    [{ date: "2030-05-01", kind: "special" }, "nameTh", "required"],
  ])("refuses %j naming %s", async (body, path, code) => {
    const response = await admin.request("POST", "/api/holidays", body);
    expect(response.statusCode).toBe(400);
    expect(details(response)).toEqual([{ path, code }]);
  });

  it.each([
    ["anonymous", 401],
    ["officer", 403],
    ["expert", 403],
  ] as const)("refuses writes to %s (%i)", async (who, status) => {
    const as = who === "anonymous" ? t.anonymous : who === "officer" ? officer : expert;
    const body = { date: "2032-01-05", nameTh: "ไม่ได้", kind: "special" };
    expect((await as.request("POST", "/api/holidays", body)).statusCode).toBe(status);
    const seeded = (await t.anonymous.request("GET", "/api/holidays?year=2026")).json() as {
      items: Array<{ id: number }>;
    };
    const id = seeded.items[0]?.id ?? 0;
    expect((await as.request("PATCH", `/api/holidays/${id}`, { nameTh: "x" })).statusCode).toBe(status);
    expect((await as.request("DELETE", `/api/holidays/${id}`)).statusCode).toBe(status);
  });
});

describe("GET /api/working-days", () => {
  it.each([
    ["2026-04-10", 1, "2026-04-16"], // Friday before Songkran (13-15 April)
    ["2026-12-04", 1, "2026-12-08"], // Saturday 5 Dec holiday, Monday 7 Dec its substitution
    ["2026-12-30", 1, "2027-01-04"], // New Year's Eve and Day, then a weekend
    ["2026-09-30", 1, "2026-10-01"], // fiscal-year end
    ["2026-12-12", 0, "2026-12-14"], // a Saturday with 0 days: the next working day
  ])("%s + %i working days = %s", async (from, days, date) => {
    const response = await t.anonymous.request("GET", `/api/working-days?from=${from}&days=${days}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ from, days, date });
  });

  it("counts a holiday an admin adds", async () => {
    await admin.request("POST", "/api/holidays", { date: "2033-03-08", nameTh: "พิเศษ", kind: "special" });
    const body = (await t.anonymous.request("GET", "/api/working-days?from=2033-03-07&days=1")).json() as {
      date: string;
    };
    expect(body.date).toBe("2033-03-09");
  });

  it.each([
    ["from=2569-01-01&days=1", "from"],
    ["from=2026-01-01&days=-1", "days"],
    ["from=2026-01-01&days=1.5", "days"],
    ["days=1", "from"],
  ])("refuses %s naming %s", async (query, path) => {
    const response = await t.anonymous.request("GET", `/api/working-days?${query}`);
    expect(response.statusCode).toBe(400);
    expect(details(response).map((d) => d.path)).toEqual([path]);
  });
});

describe("reference seeding of holidays", () => {
  it("adds the shipped holidays on a version change and leaves a date an admin keeps as it is", async () => {
    const { db } = t.ctx.database;
    const songkran = (
      (await t.anonymous.request("GET", "/api/holidays?year=2027")).json() as {
        items: Array<{ id: number; date: string }>;
      }
    ).items.find((h) => h.date === "2027-04-13");
    expect(songkran).toBeDefined();
    const id = songkran?.id ?? 0;
    expect((await admin.request("PATCH", `/api/holidays/${id}`, { nameTh: "สงกรานต์ (แก้)" })).statusCode).toBe(200);
    await db.deleteFrom("public_holidays").where("date", "=", "2027-04-14").execute();
    await db.updateTable("meta").set({ value: "older" }).where("key", "=", "reference_version").execute();

    expect((await seedReferenceData(db)).loaded).toBe(true);
    const rows = await db
      .selectFrom("public_holidays")
      .select(["date", "name_th"])
      .where("date", "in", ["2027-04-13", "2027-04-14"])
      .orderBy("date")
      .execute();
    expect(rows).toEqual([
      { date: "2027-04-13", name_th: "สงกรานต์ (แก้)" },
      { date: "2027-04-14", name_th: "วันสงกรานต์" },
    ]);
  });
});
