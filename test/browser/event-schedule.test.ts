import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@sainam/db";
import { eventFactory } from "../../apps/server/src/events-schedule/event-factory.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { EventSchedulePage } from "./pages/event-schedule.ts";
import { openAs } from "./pages/session.ts";

// Issue 14, point 3: an organiser opens the schedule of an event with accepted meetings in Thai, schedules them,
// sees what was placed and why one meeting was not, reads the slot × table grid and downloads a firm's agenda.
let h: Harness;
let eventId: number;
let firmParticipant: number;
const organiser: TestUser = {
  email: "event-schedule-organiser@example.org",
  password: "organiser-password-1",
  locale: "th",
};

// The event is written straight into the server's embedded database (WAL lets both processes share it).
beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  await createUser(admin, organiser, { role: "agency_officer", agencyId: dip });
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    const f = eventFactory(database);
    eventId = await f.event({ organiserAgencyId: dip, titleTh: "งานจับคู่ธุรกิจผ้าไหมเชียงใหม่" });
    const slots = await f.slots(eventId, 3);
    await f.tables(eventId, 2);
    const silk = await f.firm(eventId, "บริษัท ผ้าไหมสุรินทร์ จำกัด");
    firmParticipant = silk.participantId;
    const ceramics = await f.firm(eventId, "บริษัท เซรามิกลำปาง จำกัด");
    const tokyo = await f.buyer(eventId, "Tokyo Foods Co., Ltd.", "JP", "buyer@tokyo.example.jp");
    const paris = await f.buyer(eventId, "Maison Paris", "FR");
    // Tokyo Foods is free only in the first slot: one of its two meetings cannot be held.
    await f.unavailable(tokyo, [slots[1]!, slots[2]!]);
    for (const firm of [silk, ceramics])
      for (const buyer of [tokyo, paris]) await f.meeting(eventId, firm.participantId, buyer);
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  await h?.close();
});

describe("event schedule", () => {
  it("schedules an event's meetings in Thai, shows the grid and downloads an agenda", async () => {
    const { context, page } = await openAs(h, organiser, "th");
    const schedule = new EventSchedulePage(page);
    await schedule.open(eventId);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("ตารางนัดหมายเจรจาธุรกิจ");
    await expect.poll(() => page.getByText("นัดหมายที่ตอบรับแล้ว 4 รายการ").count()).toBe(1);
    await schedule.runButton("จัดตารางนัดหมาย").click();
    await expect
      .poll(() => schedule.result().textContent())
      .toContain("จัดได้ 3 จาก 4 นัดหมาย (จัดได้มากที่สุดไม่เกิน 3 นัดหมาย)");
    expect(await schedule.result().textContent()).toContain("Tokyo Foods Co., Ltd. มีนัดหมายเต็มทุกช่วงเวลาที่ว่างตรงกัน");
    // The first slot (B.E. date) holds Tokyo Foods' one meeting; the grid shows who meets whom at which table.
    await expect.poll(() => schedule.slotRow("09:00").textContent()).toContain("10 ธ.ค. 2569");
    expect(await schedule.slotRow("09:00").textContent()).toContain("Tokyo Foods Co., Ltd.");
    expect(await schedule.grid().getByRole("columnheader").allTextContents()).toEqual(["ช่วงเวลา", "โต๊ะ A1", "โต๊ะ A2"]);
    const link = schedule.agendaLink("ดาวน์โหลดตารางนัดหมาย PDF ของ บริษัท ผ้าไหมสุรินทร์ จำกัด");
    expect(await link.getAttribute("href")).toBe(
      `/api/events/${eventId}/participants/${firmParticipant}/agenda.pdf?lang=th`,
    );
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(`agenda_${eventId}_${firmParticipant}_th.pdf`);
    const ics = await page.request.get(
      (await schedule.agendaLink("ดาวน์โหลดตารางนัดหมาย ICS ของ บริษัท ผ้าไหมสุรินทร์ จำกัด").getAttribute("href")) ?? "",
    );
    expect(ics.status()).toBe(200);
    expect((await ics.text()).match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(1);
    await context.close();
  });
});
