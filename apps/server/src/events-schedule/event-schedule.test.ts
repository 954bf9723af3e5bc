import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyIds, ok, signInAs, type SignedIn } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { eventFactory } from "./event-factory.ts";

// Scheduling an event's accepted meetings (issue 14, point 3): the routes on a real database, who may run them,
// what is written and audited, what a re-run keeps, and the agendas.
let t: TestApp;
let f: ReturnType<typeof eventFactory>;
let organiser: SignedIn;
let otherOfficer: SignedIn;
let firmMember: SignedIn;
let strangerMember: SignedIn;
let eventId: number;
let slots: number[];
let f1: { participantId: number; enterpriseId: number };
let b1: number;
let b2: number;
let accepted: number[];

beforeAll(async () => {
  t = await createTestApp();
  f = eventFactory(t.ctx.database);
  const { DIP, MOC } = await agencyIds(t, "DIP", "MOC");
  organiser = await signInAs(t, "agency_officer", { agencyId: DIP });
  otherOfficer = await signInAs(t, "agency_officer", { agencyId: MOC });
  eventId = await f.event({ organiserAgencyId: DIP, titleTh: "งานจับคู่ธุรกิจผ้าไหม", titleEn: "Silk matching day" });
  slots = await f.slots(eventId, 3);
  await f.tables(eventId, 2);
  f1 = await f.firm(eventId, "บริษัท ผ้าไหมสุรินทร์ จำกัด", {
    name: "คุณสมศรี ทอผ้า",
    phone: "044-123-456",
    email: "somsri@example.co.th",
  });
  const f2 = await f.firm(eventId, "บริษัท เซรามิกลำปาง จำกัด");
  const f3 = await f.firm(eventId, "ห้างหุ้นส่วนจำกัด สมุนไพรไทย");
  b1 = await f.buyer(eventId, "Tokyo Foods Co., Ltd.", "JP", "buyer@tokyo.example.jp");
  b2 = await f.buyer(eventId, "Maison Paris", "FR");
  // B1 cannot meet in the last slot: of its three meetings, two can be held; five of the six in all.
  await f.unavailable(b1, [slots[2]!]);
  accepted = [];
  for (const firm of [f1, f2, f3])
    for (const buyer of [b1, b2]) accepted.push(await f.meeting(eventId, firm.participantId, buyer));
  await f.meeting(eventId, f1.participantId, f2.participantId, "requested");
  firmMember = await signInAs(t, "member", { enterpriseId: f1.enterpriseId });
  const outsider = await f.firm(await f.event({ organiserAgencyId: MOC }), "บริษัท นอกงาน จำกัด");
  strangerMember = await signInAs(t, "member", { enterpriseId: outsider.enterpriseId });
});

afterAll(async () => {
  await t?.close();
});

async function placements() {
  return t.ctx.database.db
    .selectFrom("meetings")
    .select(["id", "requester_id", "target_id", "slot_id", "table_id", "status"])
    .where("event_id", "=", eventId)
    .orderBy("id")
    .execute();
}

describe("#events.schedule", () => {
  it("should fail with 401 for the public, 403 for another agency's officer, 404 for an unrelated firm", async () => {
    expect((await t.anonymous.request("POST", `/api/events/${eventId}/schedule`)).statusCode).toBe(401);
    expect((await otherOfficer.request("POST", `/api/events/${eventId}/schedule`)).statusCode).toBe(403);
    expect((await strangerMember.request("POST", `/api/events/${eventId}/schedule`)).statusCode).toBe(404);
    expect((await firmMember.request("POST", `/api/events/${eventId}/schedule`)).statusCode).toBe(403);
    expect((await organiser.request("POST", `/api/events/999999/schedule`)).statusCode).toBe(404);
  });

  it("schedules the accepted meetings up to the bound without double booking, and audits the run", async () => {
    const run = await ok(organiser.request("POST", `/api/events/${eventId}/schedule`), 200);
    expect(run).toMatchObject({ eventId, meetings: 6, scheduled: 5, unscheduled: 1, kept: 0, bound: 5 });
    expect(run.unscheduledMeetings).toEqual([
      { meetingId: expect.any(Number), reason: "participant_full", participantId: b1 },
    ]);
    const rows = await placements();
    const scheduled = rows.filter((m) => m.slot_id !== null);
    expect(scheduled).toHaveLength(5);
    expect(scheduled.every((m) => m.status === "accepted")).toBe(true);
    const busy = new Set<string>();
    for (const m of scheduled)
      for (const p of [m.requester_id, m.target_id]) {
        expect(busy.has(`${m.slot_id}:${p}`)).toBe(false);
        busy.add(`${m.slot_id}:${p}`);
      }
    expect(busy.has(`${slots[2]}:${b1}`)).toBe(false);
    const event = await t.ctx.database.db
      .selectFrom("trade_events")
      .select("status")
      .where("id", "=", eventId)
      .executeTakeFirstOrThrow();
    expect(event.status).toBe("scheduled");
    const entry = await t.ctx.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "trade_event.schedule")
      .where("entity_id", "=", String(eventId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? "{}")).toMatchObject({ scheduled: 5, unscheduled: 1, bound: 5 });
    // Counts only: no firm or buyer name is copied into the audit log.
    expect(entry.after_json).not.toMatch(/Tokyo|ผ้าไหม/);
  });

  it("keeps a held meeting and a checked-in side's meetings where they are on a re-run", async () => {
    const before = await placements();
    const held = before.find((m) => m.slot_id !== null && m.target_id === b2)!;
    await t.ctx.database.db
      .updateTable("meetings")
      .set({ attendance: "held", attendance_at: new Date().toISOString() })
      .where("id", "=", held.id)
      .execute();
    await t.ctx.database.db
      .updateTable("event_participants")
      .set({ checked_in_at: new Date().toISOString() })
      .where("id", "=", b1)
      .execute();
    const run = await ok(organiser.request("POST", `/api/events/${eventId}/schedule`), 200);
    const keptIds = before.filter((m) => m.slot_id !== null && (m.id === held.id || m.target_id === b1));
    expect(run).toMatchObject({ scheduled: 5, kept: keptIds.length });
    const after = await placements();
    for (const m of keptIds)
      expect(after.find((a) => a.id === m.id)).toMatchObject({ slot_id: m.slot_id, table_id: m.table_id });
  });

  it("writes a larger day's schedule that keeps every invariant", async () => {
    const { DIP } = await agencyIds(t, "DIP");
    const day = await f.event({ organiserAgencyId: DIP });
    const daySlots = await f.slots(day, 6);
    await f.tables(day, 8);
    const firms = [];
    for (let i = 0; i < 20; i++) firms.push((await f.firm(day, `บริษัท ทดสอบตาราง ${i} จำกัด`)).participantId);
    const buyers = [];
    for (let i = 0; i < 8; i++) buyers.push(await f.buyer(day, `Buyer ${i}`, "SG"));
    // Every third participant misses a slot; each firm asks four buyers.
    for (const [i, p] of [...firms, ...buyers].entries()) if (i % 3 === 0) await f.unavailable(p, [daySlots[i % 6]!]);
    for (const [i, firm] of firms.entries())
      for (let k = 0; k < 4; k++) await f.meeting(day, firm, buyers[(i + k * 3) % buyers.length]!);
    const run = await ok(organiser.request("POST", `/api/events/${day}/schedule`), 200);
    expect(run.meetings).toBe(80);
    expect(run.scheduled).toBeLessThanOrEqual(run.bound);
    expect(run.scheduled + run.unscheduled).toBe(80);
    const rows = await t.ctx.database.db
      .selectFrom("meetings")
      .select(["requester_id", "target_id", "slot_id", "table_id"])
      .where("event_id", "=", day)
      .where("slot_id", "is not", null)
      .execute();
    expect(rows).toHaveLength(run.scheduled);
    const unavailable = await t.ctx.database.db.selectFrom("participant_unavailable_slots").selectAll().execute();
    const off = new Set(unavailable.map((u) => `${u.slot_id}:${u.participant_id}`));
    const busy = new Set<string>();
    const tablesUsed = new Set<string>();
    for (const m of rows) {
      expect(daySlots).toContain(m.slot_id);
      for (const p of [m.requester_id, m.target_id]) {
        const key = `${m.slot_id}:${p}`;
        expect(busy.has(key) || off.has(key)).toBe(false);
        busy.add(key);
      }
      expect(tablesUsed.has(`${m.slot_id}:${m.table_id}`)).toBe(false);
      tablesUsed.add(`${m.slot_id}:${m.table_id}`);
    }
  });

  it("should fail with 409 for a closed event", async () => {
    const closed = await f.event({ organiserAgencyId: (await agencyIds(t, "DIP")).DIP, status: "closed" });
    const response = await organiser.request("POST", `/api/events/${closed}/schedule`);
    expect(response.statusCode).toBe(409);
  });
});

describe("#events.scheduleGrid", () => {
  it("answers the organiser the slots, tables, participants and accepted meetings", async () => {
    const grid = await ok(organiser.request("GET", `/api/events/${eventId}/schedule`), 200);
    expect(grid.event).toMatchObject({ id: eventId, titleTh: "งานจับคู่ธุรกิจผ้าไหม", timeZone: "Asia/Bangkok" });
    expect(grid.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(["09:00", "09:30", "10:00"]);
    expect(grid.tables).toHaveLength(2);
    expect(grid.participants).toHaveLength(5);
    expect(grid.participants.find((p: { id: number }) => p.id === b1)).toMatchObject({
      kind: "buyer",
      countryCode: "JP",
      unavailableSlotIds: [slots[2]],
    });
    expect(grid.meetings).toHaveLength(6);
  });

  it("should fail with 403 for a participant's firm and 404 for an unrelated one", async () => {
    expect((await firmMember.request("GET", `/api/events/${eventId}/schedule`)).statusCode).toBe(403);
    expect((await strangerMember.request("GET", `/api/events/${eventId}/schedule`)).statusCode).toBe(404);
  });
});

describe("#events.agenda", () => {
  const agendaUrl = (participantId: number, format: string, lang = "th") =>
    `/api/events/${eventId}/participants/${participantId}/agenda.${format}?lang=${lang}`;

  it("gives a firm its own agenda as a Thai PDF", async () => {
    const response = await firmMember.request("GET", agendaUrl(f1.participantId, "pdf"));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="agenda_${eventId}_${f1.participantId}_th.pdf"`,
    );
    expect(response.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("gives the firm its agenda as iCalendar in English with the accepted buyer's contact", async () => {
    const response = await firmMember.request("GET", agendaUrl(f1.participantId, "ics", "en"));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = response.body.replace(/\r\n[ \t]/g, "");
    const mine = (await placements()).filter(
      (m) => m.slot_id !== null && (m.requester_id === f1.participantId || m.target_id === f1.participantId),
    );
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(mine.length);
    expect(text).toMatch(/DTSTART;TZID=Asia\/Bangkok:20261210T(09|10)[03]000/);
    expect(text).toContain("SUMMARY:Business meeting with Tokyo Foods Co.\\, Ltd. (JP)");
    expect(text).toContain("buyer@tokyo.example.jp");
  });

  it("gives the organiser any participant's agenda, with the other side's contact", async () => {
    const response = await organiser.request("GET", agendaUrl(b1, "ics"));
    expect(response.statusCode).toBe(200);
    expect(response.body.replace(/\r\n[ \t]/g, "")).toContain("somsri@example.co.th");
  });

  it("should fail with 404 for another participant's agenda or an unrelated firm, 400 for a bad language", async () => {
    expect((await firmMember.request("GET", agendaUrl(b1, "pdf"))).statusCode).toBe(404);
    expect((await strangerMember.request("GET", agendaUrl(f1.participantId, "pdf"))).statusCode).toBe(404);
    const bad = await firmMember.request("GET", agendaUrl(f1.participantId, "pdf", "fr"));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("lang");
    expect((await firmMember.request("GET", agendaUrl(f1.participantId, "doc"))).statusCode).toBe(400);
  });
});
