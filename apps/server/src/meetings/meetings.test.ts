import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { DB } from "@sainam/db";
import type { MeetingDto } from "@sainam/contract";
import { ADMIN, createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import { createEnterprise, unique } from "../test-support/factories.ts";
import {
  insertBuyer,
  insertEvent,
  insertFirmContact,
  insertParticipant,
  insertSlot,
  insertTable,
} from "../test-support/market-factory-meetings.ts";

// Matchmaking (issue 14 point 3) and the contacts rule of point 6: suggestions with reasons, requests, answers,
// the other side's contacts only once accepted (keepers always), check-in, attendance and no-shows.

let t: TestApp;
let db: Kysely<DB>;
let admin: Client;
let keeper: Client;
let otherOfficer: Client;
let m1: Client;
let m2: Client;
let m3: Client;
let f1: number;
let f2: number;
let f3: number;
let m1Id: number;
let m2Id: number;
let eventId: number;
let p1: number; // F1: sells roasted coffee
let p2: number; // F2: sells packaging, needs roasted coffee
let pb1: number; // a Japanese buyer needing roasted coffee
let pb2: number; // a Korean buyer needing coffee

const F1_CONTACT = { name: "สมชาย ใจดี", email: "somchai@f1.example", phone: "081-111-1111" };
const F2_CONTACT = { name: "สมหญิง รักงาน", email: "somying@f2.example", phone: "082-222-2222" };
const B1_CONTACT = { name: "Taro Yamada", email: "taro@kyoto.example", phone: "+81-75-000-0000" };

async function member(firm: number): Promise<{ client: Client; id: number }> {
  const user = await t.addUser({
    email: `member-${unique()}@example.org`,
    displayName: "Member",
    role: "member",
    enterpriseId: firm,
  });
  return { client: await t.signIn(user.email, user.password), id: user.id };
}

async function json<T>(promise: Promise<{ statusCode: number; body: string }>, status: number): Promise<T> {
  const response = await promise;
  expect(response.statusCode, response.body).toBe(status);
  return JSON.parse(response.body) as T;
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.ctx.database.db;
  admin = await t.signIn(ADMIN.email, ADMIN.password);
  const agencies = await db.selectFrom("agencies").select("id").orderBy("id").limit(2).execute();
  const [agencyA, agencyB] = agencies.map((a) => a.id) as [number, number];
  const officer = await t.addUser({
    email: `keeper-${unique()}@example.org`,
    displayName: "Keeper",
    role: "agency_officer",
    agencyId: agencyA,
  });
  keeper = await t.signIn(officer.email, officer.password);
  const other = await t.addUser({
    email: `other-${unique()}@example.org`,
    displayName: "Other",
    role: "agency_officer",
    agencyId: agencyB,
  });
  otherOfficer = await t.signIn(other.email, other.password);
  f1 = (await createEnterprise<{ id: number }>(admin, { nameTh: "โรงคั่วกาแฟดอยช้าง" })).id;
  f2 = (await createEnterprise<{ id: number }>(admin, { nameTh: "บรรจุภัณฑ์ล้านนา" })).id;
  f3 = (await createEnterprise<{ id: number }>(admin, { nameTh: "ผ้าทอเชียงราย" })).id;
  await insertFirmContact(db, f1, F1_CONTACT);
  await insertFirmContact(db, f2, F2_CONTACT);
  ({ client: m1, id: m1Id } = await member(f1));
  ({ client: m2, id: m2Id } = await member(f2));
  ({ client: m3 } = await member(f3));

  eventId = await insertEvent(db, { organiser_agency_id: agencyA });
  p1 = await insertParticipant(db, eventId, { enterpriseId: f1 }, "seller", [
    { direction: "offer", text: "กาแฟคั่ว", hs: "0901" },
  ]);
  p2 = await insertParticipant(db, eventId, { enterpriseId: f2 }, "both", [
    { direction: "offer", text: "บรรจุภัณฑ์", hs: "4819" },
    { direction: "need", text: "กาแฟคั่ว", hs: "0901" },
  ]);
  const b1 = await insertBuyer(db, "Kyoto Coffee Trading Co., Ltd.", "JP", B1_CONTACT);
  const b2 = await insertBuyer(db, "Seoul Beans", "KR");
  pb1 = await insertParticipant(db, eventId, { buyerId: b1 }, "buyer", [
    { direction: "need", text: "roasted coffee", hs: "090121" },
  ]);
  pb2 = await insertParticipant(db, eventId, { buyerId: b2 }, "buyer", [{ direction: "need", text: "กาแฟ" }]);
});

afterAll(async () => {
  await t.close();
});

type SuggestionList = {
  items: Array<{ a: { participantId: number }; b: { participantId: number }; reasons: Array<{ th: string }> }>;
};
const pairs = (list: SuggestionList) => list.items.map((s) => [s.a.participantId, s.b.participantId]);

describe("suggestions", () => {
  it("keepers see the event's suggestions with reasons; never two buyers together", async () => {
    const list = await json<SuggestionList>(keeper.request("GET", `/api/events/${eventId}/suggestions`), 200);
    expect(pairs(list)).toEqual(
      expect.arrayContaining([
        [p1, p2],
        [p1, pb1],
        [p1, pb2],
      ]),
    );
    expect(pairs(list)).not.toContainEqual([pb1, pb2]);
    const withF2 = list.items.find((s) => s.a.participantId === p1 && s.b.participantId === p2);
    expect(withF2?.reasons[0]?.th).toBe("ผู้ประกอบการต้องการ กาแฟคั่ว (HS 0901) ตรงกับสินค้าที่เสนอ");
  });

  it("a participating firm sees its own only, and not another's", async () => {
    const own = await json<SuggestionList>(m2.request("GET", `/api/events/${eventId}/suggestions`), 200);
    expect(pairs(own)).toEqual([[p1, p2]]);
    const refused = await m2.request("GET", `/api/events/${eventId}/suggestions?participantId=${p1}`);
    expect(refused.statusCode).toBe(403);
  });

  it("keepers narrow to one participant; an unknown participant is named", async () => {
    const one = await json<SuggestionList>(
      keeper.request("GET", `/api/events/${eventId}/suggestions?participantId=${pb1}`),
      200,
    );
    expect(pairs(one)).toEqual([[p1, pb1]]);
    const unknown = await keeper.request("GET", `/api/events/${eventId}/suggestions?participantId=999999`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("participantId");
  });

  it("is hidden from firms outside an unpublished event (404) and from the public (404, as if it did not exist)", async () => {
    expect((await m3.request("GET", `/api/events/${eventId}/suggestions`)).statusCode).toBe(404);
    expect((await t.anonymous.request("GET", `/api/events/${eventId}/suggestions`)).statusCode).toBe(404);
  });
});

describe("requests, answers and contacts", () => {
  let accepted: MeetingDto;

  it("a firm requests a meeting from a suggestion; the firm asked is notified", async () => {
    const meeting = await json<MeetingDto>(
      m1.request("POST", `/api/events/${eventId}/meetings`, {
        requesterId: p1,
        targetId: p2,
        fromSuggestion: true,
        message: "ยินดีนำเสนอกาแฟคั่วของเรา",
      }),
      201,
    );
    expect(meeting).toMatchObject({
      status: "requested",
      origin: "suggestion",
      mySide: "requester",
      canRespond: false,
    });
    expect(meeting.reasons[0]?.basis).toBe("hs");
    const inbox = await db
      .selectFrom("notifications")
      .select(["kind", "entity_type", "entity_id"])
      .where("user_id", "=", m2Id)
      .execute();
    expect(inbox).toContainEqual({ kind: "meeting_requested", entity_type: "meeting", entity_id: meeting.id });
    accepted = meeting;
  });

  it("a pair meets once: the other side asking back is a 409 with a clear message", async () => {
    const response = await m2.request("POST", `/api/events/${eventId}/meetings`, { requesterId: p2, targetId: p1 });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain("already have a meeting");
  });

  it("a firm cannot request on another participant's behalf, nor meet itself", async () => {
    const other = await m1.request("POST", `/api/events/${eventId}/meetings`, { requesterId: p2, targetId: pb1 });
    expect(other.statusCode).toBe(403);
    const self = await m1.request("POST", `/api/events/${eventId}/meetings`, { requesterId: p1, targetId: p1 });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain("targetId");
  });

  it("two buyers are not paired, even by a keeper", async () => {
    const response = await keeper.request("POST", `/api/events/${eventId}/meetings`, {
      requesterId: pb1,
      targetId: pb2,
    });
    expect(response.statusCode).toBe(400);
  });

  it("while requested, neither side sees the other's contacts; keepers see both", async () => {
    const asRequester = await json<MeetingDto>(m1.request("GET", `/api/events/${eventId}/meetings`), 200).then((page) =>
      (page as unknown as { items: MeetingDto[] }).items.find((m) => m.id === accepted.id),
    );
    expect(asRequester).toMatchObject({ requesterContacts: null, targetContacts: null });
    const asTarget = (await json<{ items: MeetingDto[] }>(m2.request("GET", `/api/events/${eventId}/meetings`), 200))
      .items[0];
    expect(asTarget).toMatchObject({
      id: accepted.id,
      mySide: "target",
      canRespond: true,
      requesterContacts: null,
      targetContacts: null,
    });
    const asKeeper = (
      await json<{ items: MeetingDto[] }>(
        keeper.request("GET", `/api/events/${eventId}/meetings?participantId=${p1}`),
        200,
      )
    ).items.find((m) => m.id === accepted.id);
    expect(asKeeper?.requesterContacts).toEqual([{ ...F1_CONTACT, position: null }]);
    expect(asKeeper?.targetContacts).toEqual([{ ...F2_CONTACT, position: null }]);
  });

  it("the requester cannot accept its own request; the target does, once; contacts then show both ways", async () => {
    expect((await m1.request("POST", `/api/meetings/${accepted.id}/accept`)).statusCode).toBe(403);
    const done = await json<MeetingDto>(m2.request("POST", `/api/meetings/${accepted.id}/accept`), 200);
    expect(done).toMatchObject({ status: "accepted", mySide: "target", targetContacts: null });
    expect(done.requesterContacts).toEqual([{ ...F1_CONTACT, position: null }]);
    const again = await m2.request("POST", `/api/meetings/${accepted.id}/accept`);
    expect(again.statusCode).toBe(409);
    const mine = await json<{ meetings: MeetingDto[] }>(m1.request("GET", "/api/my/meetings"), 200);
    const seen = mine.meetings.find((m) => m.id === accepted.id);
    expect(seen).toMatchObject({ mySide: "requester", requesterContacts: null });
    expect(seen?.targetContacts).toEqual([{ ...F2_CONTACT, position: null }]);
    const told = await db
      .selectFrom("notifications")
      .select("kind")
      .where("user_id", "=", m1Id)
      .where("entity_id", "=", accepted.id)
      .execute();
    expect(told.map((n) => n.kind)).toEqual(["meeting_accepted"]);
  });

  it("another agency's officer and an outside firm cannot read the meeting", async () => {
    expect((await otherOfficer.request("POST", `/api/meetings/${accepted.id}/cancel`, {})).statusCode).toBe(404);
    expect((await m3.request("POST", `/api/meetings/${accepted.id}/accept`)).statusCode).toBe(404);
    expect((await otherOfficer.request("GET", `/api/events/${eventId}/meetings`)).statusCode).toBe(403);
  });

  it("a keeper declines on a buyer's behalf with a reason; the buyer's contacts stay hidden from the firm", async () => {
    const asked = await json<MeetingDto>(
      m1.request("POST", `/api/events/${eventId}/meetings`, { requesterId: p1, targetId: pb2 }),
      201,
    );
    expect(asked.origin).toBe("request");
    const declined = await json<MeetingDto>(
      keeper.request("POST", `/api/meetings/${asked.id}/decline`, { reason: "ผู้ซื้อมีคู่ค้าแล้ว" }),
      200,
    );
    expect(declined).toMatchObject({ status: "declined", declineReason: "ผู้ซื้อมีคู่ค้าแล้ว" });
    const seen = (await json<{ meetings: MeetingDto[] }>(m1.request("GET", "/api/my/meetings"), 200)).meetings.find(
      (m) => m.id === asked.id,
    );
    expect(seen).toMatchObject({ status: "declined", targetContacts: null, requesterContacts: null, canCancel: false });
    expect((await m1.request("POST", `/api/meetings/${asked.id}/cancel`, {})).statusCode).toBe(409);
    const empty = await keeper.request("POST", `/api/meetings/${asked.id}/decline`, { reason: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("reason");
  });

  it("a keeper requests on a buyer's behalf; the firm asked accepts and sees the buyer's contact; a cancel hides it", async () => {
    const asked = await json<MeetingDto>(
      keeper.request("POST", `/api/events/${eventId}/meetings`, {
        requesterId: pb1,
        targetId: p1,
        fromSuggestion: true,
      }),
      201,
    );
    expect(asked).toMatchObject({ origin: "organiser", mySide: null });
    expect(asked.requesterContacts).toEqual([{ ...B1_CONTACT, position: null }]);
    const firmView = await json<MeetingDto>(m1.request("POST", `/api/meetings/${asked.id}/accept`), 200);
    expect(firmView.requesterContacts).toEqual([{ ...B1_CONTACT, position: null }]);
    const cancelled = await json<MeetingDto>(
      m1.request("POST", `/api/meetings/${asked.id}/cancel`, { reason: "ติดธุระ" }),
      200,
    );
    expect(cancelled).toMatchObject({ status: "cancelled", requesterContacts: null, targetContacts: null });
    expect((await keeper.request("POST", `/api/meetings/${asked.id}/accept`)).statusCode).toBe(409);
  });

  it("a meeting is requested only while the event is open", async () => {
    await db.updateTable("trade_events").set({ status: "scheduled" }).where("id", "=", eventId).execute();
    try {
      const response = await keeper.request("POST", `/api/events/${eventId}/meetings`, {
        requesterId: pb2,
        targetId: p2,
      });
      expect(response.statusCode).toBe(409);
    } finally {
      await db.updateTable("trade_events").set({ status: "open" }).where("id", "=", eventId).execute();
    }
  });

  it("audits every write without personal data", async () => {
    const entries = await db
      .selectFrom("audit_log")
      .select(["action", "after_json"])
      .where("action", "like", "meeting.%")
      .execute();
    expect(new Set(entries.map((e) => e.action))).toEqual(
      new Set(["meeting.create", "meeting.accept", "meeting.decline", "meeting.cancel"]),
    );
    const text = JSON.stringify(entries);
    for (const secret of [F1_CONTACT.email, F2_CONTACT.phone, B1_CONTACT.name, "ยินดีนำเสนอ", "ผู้ซื้อมีคู่ค้าแล้ว", "ติดธุระ"])
      expect(text).not.toContain(secret);
  });

  it("my meetings: a member's events and meetings; other roles are refused", async () => {
    const mine = await json<{ events: Array<{ id: number; participantId: number }> }>(
      m2.request("GET", "/api/my/meetings"),
      200,
    );
    expect(mine.events).toEqual([expect.objectContaining({ id: eventId, participantId: p2 })]);
    expect((await keeper.request("GET", "/api/my/meetings")).statusCode).toBe(403);
    const outside = await json<{ events: unknown[]; meetings: unknown[] }>(m3.request("GET", "/api/my/meetings"), 200);
    expect(outside).toEqual({ events: [], meetings: [] });
  });
});

describe("bulk requests", () => {
  it("keepers request many participants' top suggestions at once; a second run adds nothing", async () => {
    const event = await insertEvent(db, { created_by: null, title_th: "งานจับคู่ข้าว" });
    const sellers: number[] = [];
    for (let i = 0; i < 4; i++) {
      const firm = (await createEnterprise<{ id: number }>(admin)).id;
      sellers.push(
        await insertParticipant(db, event, { enterpriseId: firm }, "seller", [
          { direction: "offer", text: "ข้าวหอมมะลิ" },
        ]),
      );
    }
    const buyers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const buyer = await insertBuyer(db, `Rice Importer ${unique()}`, "SG");
      buyers.push(
        await insertParticipant(db, event, { buyerId: buyer }, "buyer", [{ direction: "need", text: "ข้าวหอมมะลิ" }]),
      );
    }
    const first = await json<{ participants: number; created: number; skipped: number }>(
      admin.request("POST", `/api/events/${event}/meetings/bulk`, { participantIds: sellers, perParticipant: 2 }),
      200,
    );
    expect(first).toEqual({ participants: 4, created: 8, skipped: 0 });
    const second = await json<{ created: number }>(
      admin.request("POST", `/api/events/${event}/meetings/bulk`, { perParticipant: 2 }),
      200,
    );
    expect(second.created).toBe(4);
    const third = await json<{ created: number }>(
      admin.request("POST", `/api/events/${event}/meetings/bulk`, { perParticipant: 5 }),
      200,
    );
    expect(third.created).toBe(0);
    const rows = await db.selectFrom("meetings").select(["origin", "status"]).where("event_id", "=", event).execute();
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => `${r.origin}/${r.status}`))).toEqual(new Set(["organiser/requested"]));
    expect((await m1.request("POST", `/api/events/${event}/meetings/bulk`, {})).statusCode).toBe(404);
    expect((await keeper.request("POST", `/api/events/${event}/meetings/bulk`, {})).statusCode).toBe(403);
    const unknown = await admin.request("POST", `/api/events/${event}/meetings/bulk`, { participantIds: [999999] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("participantIds.0");
  });
});

describe("on the day", () => {
  it("keepers check participants in and record attendance of scheduled accepted meetings from their day on", async () => {
    const [meeting] = (
      await json<{ items: MeetingDto[] }>(keeper.request("GET", `/api/events/${eventId}/meetings?status=accepted`), 200)
    ).items;
    if (!meeting) throw new Error("an accepted meeting is expected");
    const attend = (id: number, client: Client, attendance: string) =>
      client.request("POST", `/api/meetings/${id}/attendance`, { attendance });

    expect((await attend(meeting.id, keeper, "held")).statusCode).toBe(409); // not scheduled yet
    const future = await insertSlot(db, eventId, "2099-01-20");
    const table = await insertTable(db, eventId, 1);
    await db.updateTable("meetings").set({ slot_id: future, table_id: table }).where("id", "=", meeting.id).execute();
    const early = await attend(meeting.id, keeper, "held");
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain("2099-01-20");
    const past = await insertSlot(db, eventId, "2026-01-20");
    await db.updateTable("meetings").set({ slot_id: past }).where("id", "=", meeting.id).execute();

    const noShows = await json<{ notCheckedIn: Array<{ participantId: number; meetingsDue: number }> }>(
      keeper.request("GET", `/api/events/${eventId}/no-shows`),
      200,
    );
    expect(noShows.notCheckedIn.map((p) => p.participantId).sort()).toEqual([p1, p2].sort());

    expect((await m1.request("POST", `/api/events/${eventId}/participants/${p1}/check-in`, {})).statusCode).toBe(403);
    const checked = await json<{ checkedInAt: string | null }>(
      keeper.request("POST", `/api/events/${eventId}/participants/${p1}/check-in`, {}),
      200,
    );
    expect(checked.checkedInAt).not.toBeNull();
    expect((await attend(meeting.id, m1, "held")).statusCode).toBe(403);
    expect((await attend(meeting.id, keeper, "nobody")).statusCode).toBe(400);
    const marked = await json<MeetingDto>(attend(meeting.id, keeper, "target_absent"), 200);
    expect(marked.attendance).toBe("target_absent");
    const after = await json<{ meetings: MeetingDto[]; notCheckedIn: Array<{ participantId: number }> }>(
      keeper.request("GET", `/api/events/${eventId}/no-shows`),
      200,
    );
    expect(after.meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(after.notCheckedIn.map((p) => p.participantId)).toEqual([p2]);
    expect((await m1.request("GET", `/api/events/${eventId}/no-shows`)).statusCode).toBe(403);

    const undone = await json<{ checkedInAt: string | null }>(
      keeper.request("POST", `/api/events/${eventId}/participants/${p1}/check-in`, { checkedIn: false }),
      200,
    );
    expect(undone.checkedInAt).toBeNull();
    expect((await keeper.request("POST", `/api/events/${eventId}/participants/999999/check-in`, {})).statusCode).toBe(
      404,
    );
  });
});
