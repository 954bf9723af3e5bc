import { openDatabase } from "@sainam/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  insertEvent,
  insertFirmContact,
  insertParticipant,
  insertSlot,
  insertTable,
} from "../../apps/server/src/test-support/market-factory-meetings.ts";
import { startHarness, ADMIN, type Harness } from "./harness.ts";
import { apiSession, createUser, type TestUser } from "./pages/api.ts";
import { EventMeetingsPage, MyMeetingsPage } from "./pages/meetings.ts";
import { openAs } from "./pages/session.ts";

// Issue 14, points 3 and 6, in Thai: a member sees suggested partners at an event its firm takes part in and asks
// for a meeting; the other firm's member accepts; only then does each see the other's contacts; on the day the
// organiser checks both in and marks the meeting held. The event and its participants are seeded straight into
// the server's embedded database (the events API is built beside this one).
let h: Harness;
let eventId: number;
let meetingDb: () => Promise<{ status: string; attendance: string | null; id: number }[]>;
const ROASTER = "บริษัท คั่วกาแฟดอยช้าง จำกัด";
const CAFE = "บริษัท ร้านกาแฟล้านนา จำกัด";
const ROASTER_CONTACT = { name: "สมชาย ใจดี", email: "somchai@roaster.example", phone: "081-111-1111" };
const CAFE_CONTACT = { name: "สมหญิง รักกาแฟ", email: "somying@cafe.example", phone: "082-222-2222" };
const seller: TestUser = { email: "meet-seller@example.org", password: "meet-seller-password", locale: "th" };
const buyer: TestUser = { email: "meet-buyer@example.org", password: "meet-buyer-password", locale: "th" };

/** Today where the event is held: attendance may be recorded from a meeting's day on. */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date());

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const roaster = await admin.create("/api/enterprises", {
    ceRegistrationNo: "5050-0001",
    nameTh: ROASTER,
    provinceCode: "50",
  });
  const cafe = await admin.create("/api/enterprises", {
    ceRegistrationNo: "5050-0002",
    nameTh: CAFE,
    provinceCode: "50",
  });
  await createUser(admin, seller, { role: "member", enterpriseId: roaster });
  await createUser(admin, buyer, { role: "member", enterpriseId: cafe });
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    const db = database.db;
    await insertFirmContact(db, roaster, ROASTER_CONTACT);
    await insertFirmContact(db, cafe, CAFE_CONTACT);
    eventId = await insertEvent(db, { title_th: "งานจับคู่ธุรกิจกาแฟภาคเหนือ", starts_on: today, ends_on: today });
    await insertParticipant(db, eventId, { enterpriseId: roaster }, "seller", [
      { direction: "offer", text: "กาแฟคั่ว", hs: "0901" },
    ]);
    await insertParticipant(db, eventId, { enterpriseId: cafe }, "buyer", [
      { direction: "need", text: "กาแฟคั่ว", hs: "0901" },
    ]);
  } finally {
    await database.close();
  }
  meetingDb = async () => {
    const db = openDatabase({ dataDir: h.dataDir });
    try {
      return await db.db
        .selectFrom("meetings")
        .select(["id", "status", "attendance"])
        .where("event_id", "=", eventId)
        .execute();
    } finally {
      await db.close();
    }
  };
});

afterAll(async () => {
  await h?.close();
});

describe("matchmaking in Thai", () => {
  it("suggests, requests, accepts, reveals contacts only then, and records the day", async () => {
    // The roaster's member sees the café suggested, with the reason, and asks for a meeting.
    const asSeller = await openAs(h, seller, "th", "/my-meetings");
    try {
      const mine = new MyMeetingsPage(asSeller.page);
      await expect.poll(() => mine.suggestion(CAFE).count()).toBe(1);
      // The café is a Thai firm that buys: it is worded as a firm (ผู้ประกอบการ), a foreign buyer as ผู้ซื้อ.
      expect(await mine.suggestion(CAFE).innerText()).toContain("ผู้ประกอบการต้องการ กาแฟคั่ว (HS 0901) ตรงกับสินค้าที่เสนอ");
      await mine.requestMeetingWith(CAFE);
      await expect.poll(() => mine.outgoing().innerText()).toContain("รอตอบรับ");
      expect(await mine.suggestions().innerText()).not.toContain(CAFE);
      await expect
        .poll(() => asSeller.page.locator("main").innerText())
        .toContain("ข้อมูลติดต่อจะแสดงเมื่อนัดหมายได้รับการตอบรับ");
      expect(await asSeller.page.locator("main").innerText()).not.toContain(CAFE_CONTACT.email);
    } finally {
      await asSeller.context.close();
    }

    // The café's member sees the request without the roaster's contacts, accepts, and then sees them.
    const asBuyer = await openAs(h, buyer, "th", "/my-meetings");
    try {
      const mine = new MyMeetingsPage(asBuyer.page);
      await expect.poll(() => mine.incoming().innerText()).toContain(ROASTER);
      expect(await asBuyer.page.locator("main").innerText()).not.toContain(ROASTER_CONTACT.email);
      await mine.incoming().getByRole("button", { name: "ตอบรับ" }).click();
      await expect.poll(() => mine.accepted().innerText()).toContain(ROASTER_CONTACT.email);
      expect(await mine.accepted().innerText()).toContain(`ข้อมูลติดต่อของ ${ROASTER}`);
      expect(await asBuyer.page.locator("main").innerText()).not.toContain(CAFE_CONTACT.email);
    } finally {
      await asBuyer.context.close();
    }

    // The roaster's member now sees the café's contacts too.
    const again = await openAs(h, seller, "th", "/my-meetings");
    try {
      const mine = new MyMeetingsPage(again.page);
      await expect.poll(() => mine.accepted().innerText()).toContain(CAFE_CONTACT.email);
      expect(await mine.accepted().innerText()).toContain("ตอบรับแล้ว");
    } finally {
      await again.context.close();
    }

    // The scheduler (built beside this) puts the meeting in today's first slot at table 1.
    const [meeting] = await meetingDb();
    if (!meeting) throw new Error("the meeting was not recorded");
    expect(meeting.status).toBe("accepted");
    const database = openDatabase({ dataDir: h.dataDir });
    try {
      const slot = await insertSlot(database.db, eventId, today, "09:00");
      const table = await insertTable(database.db, eventId, 1);
      await database.db
        .updateTable("meetings")
        .set({ slot_id: slot, table_id: table })
        .where("id", "=", meeting.id)
        .execute();
    } finally {
      await database.close();
    }

    // On the day the organiser checks both in and marks the meeting held.
    const asOrganiser = await openAs(h, "admin", "th", `/events/${eventId}/meetings`);
    try {
      const board = new EventMeetingsPage(asOrganiser.page);
      await board.checkIn(ROASTER);
      await expect.poll(() => board.checkedIn(ROASTER).count()).toBe(1);
      await board.checkIn(CAFE);
      await expect.poll(() => board.checkedIn(CAFE).count()).toBe(1);
      await board.attendance(ROASTER, CAFE).selectOption("held");
      await expect.poll(async () => (await meetingDb())[0]?.attendance).toBe("held");
      await expect.poll(() => asOrganiser.page.getByRole("heading", { level: 2, name: "คำขอนัดหมาย" }).count()).toBe(1);
      await expect.poll(() => asOrganiser.page.locator("main").innerText()).toContain("พบกันแล้ว");
    } finally {
      await asOrganiser.context.close();
    }
  });
});
