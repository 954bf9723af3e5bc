import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import {
  agencyIds,
  createCluster,
  createEnterprise,
  createProgramme,
  ok,
  signInAs,
  type SignedIn,
} from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { tableXlsx } from "../../../../packages/importer/src/test-support/service-providers.ts";
import {
  addBuyerParticipant,
  addFirmParticipant,
  createEvent,
  importParticipantFile,
  openEvent,
  postParticipantFile,
  setLayout,
} from "../test-support/market-factory-events.ts";

// Trade events (issue 14, point 2): events, slots and tables, participants, availability, offers and needs, bulk
// add from a file; who may do what; every write audited without personal data.
let t: TestApp;
let admin: SignedIn;
let dipOfficer: SignedIn;
let mocOfficer: SignedIn;
let coordinator: SignedIn;
let dip: number;
let moc: number;
let firmA: { id: number; juristicId: string; nameTh: string };
let firmB: { id: number; juristicId: string; nameTh: string };
let memberA: SignedIn;
let memberB: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  ({ DIP: dip, MOC: moc } = await agencyIds(t, "DIP", "MOC"));
  admin = await signInAs(t, "admin");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [(await createCluster(admin)).id] });
  firmA = await createEnterprise(admin);
  firmB = await createEnterprise(admin);
  memberA = await signInAs(t, "member", { enterpriseId: firmA.id });
  memberB = await signInAs(t, "member", { enterpriseId: firmB.id });
});
afterAll(async () => {
  await t.close();
});

const fieldErrors = (response: LightMyRequestResponse): string[] =>
  (response.json().error?.details ?? []).map((d: { path: string; code: string }) => `${d.path}:${d.code}`);

async function auditOf(entityType: string, entityId: number) {
  return t.ctx.database.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();
}

describe("#events", () => {
  it("creates an event abroad with the officer's agency, the country's time zone and the Thai fiscal year, audited", async () => {
    const programme = await createProgramme(dipOfficer, { agencyId: dip });
    const event = await createEvent(dipOfficer, {
      titleTh: "งานจับคู่ธุรกิจที่โตเกียว",
      countryCode: "jp",
      provinceCode: null,
      city: "Tokyo",
      startsOn: "2026-10-20",
      endsOn: "2026-10-21",
      budget: 250000,
      programmeId: programme.id,
    });
    expect(event).toMatchObject({
      organiserAgencyId: dip,
      countryCode: "JP",
      timeZone: "Asia/Tokyo",
      fiscalYear: 2027,
      status: "draft",
      published: false,
      keeper: true,
    });
    const [entry] = await auditOf("trade_event", event.id);
    expect(entry?.action).toBe("trade_event.create");

    const inThailand = await createEvent(dipOfficer, { startsOn: "2026-09-30", endsOn: "2026-09-30" });
    expect(inThailand).toMatchObject({ countryCode: "TH", timeZone: "Asia/Bangkok", fiscalYear: 2026 });
  });

  it("refuses bad input naming the field", async () => {
    const bad = async (body: Record<string, unknown>) => {
      const response = await dipOfficer.request("POST", "/api/events", {
        kind: "trade_fair",
        titleTh: "งาน",
        startsOn: "2026-11-01",
        endsOn: "2026-11-01",
        ...body,
      });
      expect(response.statusCode).toBe(400);
      return fieldErrors(response);
    };
    expect(await bad({})).toEqual(["provinceCode:required"]);
    expect(await bad({ countryCode: "JP" })).toEqual(["city:required"]);
    expect(await bad({ countryCode: "XX", city: "Nowhere" })).toEqual(["countryCode:invalid_choice"]);
    expect(await bad({ countryCode: "EU", city: "Brussels" })).toEqual(["countryCode:invalid_choice"]);
    expect(await bad({ countryCode: "JPN", city: "Tokyo" })).toEqual(["countryCode:invalid_format"]);
    expect(await bad({ provinceCode: "10", endsOn: "2026-10-01" })).toEqual(["endsOn:not_before"]);
    expect(await bad({ provinceCode: "10", budget: -1 })).toEqual(["budget:out_of_range"]);
    expect(await bad({ provinceCode: "99" })).toEqual(["provinceCode:not_found"]);
    expect(await bad({ provinceCode: "10", startsOn: "2569-11-01" })).toEqual(["startsOn:out_of_range"]);
    // Another agency's unpublished programme is as good as missing.
    const mocProgramme = await createProgramme(mocOfficer, { agencyId: moc });
    expect(await bad({ provinceCode: "10", programmeId: mocProgramme.id })).toEqual(["programmeId:not_found"]);
  });

  it("names the funding programme to whoever may read it, and to no one else", async () => {
    const programme = await createProgramme(dipOfficer, { agencyId: dip, nameTh: "โครงการตลาดญี่ปุ่น" });
    const event = await createEvent(dipOfficer, { programmeId: programme.id });
    expect(event.programme).toEqual({ id: programme.id, nameTh: "โครงการตลาดญี่ปุ่น", nameEn: programme.nameEn });
    await openEvent(dipOfficer, event.id);
    await ok(dipOfficer.request("POST", `/api/events/${event.id}/published`, { published: true }));
    // Unpublished: another agency's officer and the public read the event but not the programme's name.
    expect((await ok(mocOfficer.request("GET", `/api/events/${event.id}`))).programme).toBeNull();
    expect((await ok(t.anonymous.request("GET", `/api/events/${event.id}`))).programme).toBeNull();
    const listed = await ok(t.anonymous.request("GET", `/api/events?organiserAgencyId=${dip}&pageSize=100`));
    expect(listed.items.find((e: { id: number }) => e.id === event.id)).toMatchObject({
      programmeId: programme.id,
      programme: null,
    });
    await ok(dipOfficer.request("PATCH", `/api/programmes/${programme.id}`, { published: true }));
    expect((await ok(t.anonymous.request("GET", `/api/events/${event.id}`))).programme).toMatchObject({
      id: programme.id,
      nameTh: "โครงการตลาดญี่ปุ่น",
    });
  });

  it("refuses UK as an event's or a buyer's country naming GB, as the catalogue does, and takes gb", async () => {
    const uk = await dipOfficer.request("POST", "/api/events", {
      kind: "trade_fair",
      titleTh: "งานที่ลอนดอน",
      countryCode: "UK",
      city: "London",
      startsOn: "2026-11-01",
      endsOn: "2026-11-01",
    });
    expect(uk.statusCode).toBe(400);
    expect(uk.json().error.details).toEqual([
      {
        path: "countryCode",
        code: "invalid_choice",
        message: "is not an ISO 3166 country code: use GB",
        params: { reason: "country_alias", given: "UK", instead: "GB" },
      },
    ]);
    const gb = await createEvent(dipOfficer, { countryCode: " gb", city: "London", provinceCode: null });
    expect(gb).toMatchObject({ countryCode: "GB", timeZone: "Europe/London" });
    await openEvent(dipOfficer, gb.id);
    const buyer = await dipOfficer.request("POST", `/api/events/${gb.id}/participants`, {
      buyer: { name: "Fortnum Trading", countryCode: "UK" },
      role: "buyer",
    });
    expect(buyer.statusCode).toBe(400);
    expect(fieldErrors(buyer)).toEqual(["buyer.countryCode:invalid_choice"]);
  });

  it("moves status draft → open → scheduled → closed only by the rules, and publishes open events", async () => {
    const event = await createEvent(dipOfficer);
    const to = (status: string) => dipOfficer.request("POST", `/api/events/${event.id}/status`, { status });
    expect((await to("scheduled")).statusCode).toBe(409);
    const publishDraft = await dipOfficer.request("POST", `/api/events/${event.id}/published`, { published: true });
    expect(fieldErrors(publishDraft)).toEqual(["published:wrong_status"]);
    await ok(to("open"));
    // Scheduling needs slots and tables.
    expect(fieldErrors(await to("scheduled"))).toEqual(["status:wrong_status"]);
    await setLayout(dipOfficer, event);
    expect((await ok(to("scheduled"))).status).toBe("scheduled");
    expect((await ok(to("closed"))).status).toBe("closed");
    expect((await to("open")).statusCode).toBe(409);
    const published = await ok(dipOfficer.request("POST", `/api/events/${event.id}/published`, { published: true }));
    expect(published.published).toBe(true);
    const actions = (await auditOf("trade_event", event.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["trade_event.status", "trade_event.publish"]));
  });

  it("lists events by upcoming/past, kind, fiscal year and organiser with pagination; the public sees published ones", async () => {
    const past = await createEvent(mocOfficer, { kind: "trade_fair", startsOn: "2025-03-01", endsOn: "2025-03-02" });
    const hidden = await createEvent(mocOfficer, { kind: "trade_fair" });
    const shown = await createEvent(mocOfficer, { kind: "trade_fair" });
    await openEvent(mocOfficer, shown.id);
    await ok(mocOfficer.request("POST", `/api/events/${shown.id}/published`, { published: true }));

    const upcoming = await ok(
      mocOfficer.request("GET", `/api/events?when=upcoming&organiserAgencyId=${moc}&kind=trade_fair`),
    );
    const ids = upcoming.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual(expect.arrayContaining([hidden.id, shown.id]));
    expect(ids).not.toContain(past.id);
    const inPast = await ok(
      mocOfficer.request("GET", `/api/events?when=past&fiscalYear=2025&organiserAgencyId=${moc}`),
    );
    expect(inPast.items.map((e: { id: number }) => e.id)).toEqual([past.id]);
    const paged = await ok(mocOfficer.request("GET", `/api/events?organiserAgencyId=${moc}&pageSize=1&page=2`));
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);

    const publicIds = (await ok(t.anonymous.request("GET", `/api/events?organiserAgencyId=${moc}`))).items.map(
      (e: { id: number }) => e.id,
    );
    expect(publicIds).toEqual([shown.id]);
    expect((await t.anonymous.request("GET", `/api/events/${hidden.id}`)).statusCode).toBe(404);
    expect((await memberB.request("GET", `/api/events/${hidden.id}`)).statusCode).toBe(404);
    expect((await ok(memberB.request("GET", `/api/events/${shown.id}`))).keeper).toBe(false);
    const badYear = await t.anonymous.request("GET", "/api/events?fiscalYear=2569");
    expect(fieldErrors(badYear)).toEqual(["fiscalYear:out_of_range"]);
  });

  it("lets the keepers edit; others get 403 or 404 per the policy", async () => {
    const event = await createEvent(coordinator, { organiserAgencyId: dip });
    const patch = (as: SignedIn) => as.request("PATCH", `/api/events/${event.id}`, { titleEn: "Renamed" });
    expect((await patch(coordinator)).statusCode).toBe(200); // its creator
    expect((await patch(dipOfficer)).statusCode).toBe(200); // officer of the organiser
    expect((await patch(admin)).statusCode).toBe(200);
    expect((await patch(mocOfficer)).statusCode).toBe(403); // reads every event, keeps others' not
    expect((await patch(memberA)).statusCode).toBe(404); // unpublished, not a participant
    expect((await t.anonymous.request("PATCH", `/api/events/${event.id}`, { titleEn: "x" })).statusCode).toBe(401);
    expect(
      (
        await memberA.request("POST", "/api/events", {
          kind: "trade_fair",
          titleTh: "x",
          provinceCode: "10",
          startsOn: "2026-12-20",
          endsOn: "2026-12-20",
        })
      ).statusCode,
    ).toBe(403);
    // Moving to Japan takes Japan's time zone and needs a city.
    const moved = await dipOfficer.request("PATCH", `/api/events/${event.id}`, {
      countryCode: "JP",
      provinceCode: null,
    });
    expect(fieldErrors(moved)).toEqual(["city:required"]);
    const inJapan = await ok(
      dipOfficer.request("PATCH", `/api/events/${event.id}`, { countryCode: "JP", provinceCode: null, city: "Osaka" }),
    );
    expect(inJapan).toMatchObject({ timeZone: "Asia/Tokyo", city: "Osaka", titleEn: "Renamed" });
  });

  it("lets a keeper edit an event whose programme they may not read, but not pick such a programme", async () => {
    const mocProgramme = await createProgramme(mocOfficer, { agencyId: moc });
    const event = await createEvent(admin, { organiserAgencyId: dip, programmeId: mocProgramme.id });
    const renamed = await ok(dipOfficer.request("PATCH", `/api/events/${event.id}`, { titleTh: "ชื่อใหม่" }));
    expect(renamed).toMatchObject({ titleTh: "ชื่อใหม่", programmeId: mocProgramme.id, programme: null });
    const other = await createProgramme(mocOfficer, { agencyId: moc });
    const picked = await dipOfficer.request("PATCH", `/api/events/${event.id}`, { programmeId: other.id });
    expect(fieldErrors(picked)).toEqual(["programmeId:not_found"]);
  });
});

describe("#slots and tables", () => {
  it("generates slots from sessions and minutes, keeps the ones that stay, and refuses to drop used slots or tables", async () => {
    const event = await createEvent(dipOfficer, { startsOn: "2026-12-20", endsOn: "2026-12-21" });
    const layout = await ok(
      dipOfficer.request("PUT", `/api/events/${event.id}/slots`, {
        days: ["2026-12-20"],
        sessions: [
          { start: "13:00", end: "16:30" },
          { start: "09:00", end: "12:00" },
        ],
        minutes: 30,
      }),
    );
    expect(layout.slots).toHaveLength(13);
    expect(layout.slots[0]).toMatchObject({ day: "2026-12-20", startsAt: "09:00", endsAt: "09:30" });
    expect(layout.slots.at(-1)).toMatchObject({ startsAt: "16:00", endsAt: "16:30" });
    const tables = await ok(
      dipOfficer.request("PUT", `/api/events/${event.id}/tables`, { count: 10, labels: ["A1", null, "A3"] }),
    );
    expect(tables.tables).toHaveLength(10);
    expect(tables.tables[0]).toMatchObject({ number: 1, label: "A1" });

    const outside = await dipOfficer.request("PUT", `/api/events/${event.id}/slots`, {
      days: ["2026-12-25"],
      sessions: [{ start: "09:00", end: "10:00" }],
      minutes: 30,
    });
    expect(fieldErrors(outside)).toEqual(["days.0:out_of_range"]);
    const backwards = await dipOfficer.request("PUT", `/api/events/${event.id}/slots`, {
      days: ["2026-12-20"],
      sessions: [{ start: "10:00", end: "09:00" }],
      minutes: 30,
    });
    expect(fieldErrors(backwards)).toEqual(["sessions.0.end:not_before"]);

    // A scheduled meeting on slot 13 (16:00) at table 8.
    await openEvent(dipOfficer, event.id);
    const a = await addFirmParticipant(dipOfficer, event.id, firmA.id);
    const b = await addBuyerParticipant(dipOfficer, event.id);
    const lastSlot = layout.slots.at(-1).id;
    const table8 = tables.tables[7].id;
    const now = new Date().toISOString();
    await t.ctx.database.db
      .insertInto("meetings")
      .values({
        event_id: event.id,
        requester_id: a.id,
        target_id: b.id,
        pair_low: Math.min(a.id, b.id),
        pair_high: Math.max(a.id, b.id),
        origin: "organiser",
        status: "accepted",
        requested_at: now,
        slot_id: lastSlot,
        table_id: table8,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const shrink = await dipOfficer.request("PUT", `/api/events/${event.id}/tables`, { count: 5 });
    expect(shrink.statusCode).toBe(409);
    expect(shrink.json().error.message).toContain("Table 8");
    const shorter = await dipOfficer.request("PUT", `/api/events/${event.id}/slots`, {
      days: ["2026-12-20"],
      sessions: [{ start: "09:00", end: "12:00" }],
      minutes: 30,
    });
    expect(shorter.statusCode).toBe(409);
    expect(shorter.json().error.message).toContain("16:00");
    // Adding the second day keeps the first day's slots (and their ids).
    const twoDays = await ok(
      dipOfficer.request("PUT", `/api/events/${event.id}/slots`, {
        days: ["2026-12-20", "2026-12-21"],
        sessions: [
          { start: "09:00", end: "12:00" },
          { start: "13:00", end: "16:30" },
        ],
        minutes: 30,
      }),
    );
    expect(twoDays.slots).toHaveLength(26);
    expect(twoDays.slots.map((s: { id: number }) => s.id)).toContain(lastSlot);
    expect(twoDays.usedSlotIds).toEqual([lastSlot]);
    expect(twoDays.usedTableNumbers).toEqual([8]);
    // A coordinator who did not create the unpublished event does not even see it.
    expect((await coordinator.request("PUT", `/api/events/${event.id}/tables`, { count: 12 })).statusCode).toBe(404);
  });
});

describe("#participants", () => {
  it("adds firms and buyers, de-duplicates buyers by name and country, and shows contacts to keepers only", async () => {
    const event = await createEvent(dipOfficer);
    await openEvent(dipOfficer, event.id);
    await setLayout(dipOfficer, event);
    const firm = await addFirmParticipant(dipOfficer, event.id, firmA.id, { language: "th" });
    expect(firm).toMatchObject({ party: "firm", role: "seller", enterpriseId: firmA.id, countryCode: "TH" });
    const buyer = await addBuyerParticipant(
      dipOfficer,
      event.id,
      {
        name: "ACME Trading Co., Ltd.",
        countryCode: "JP",
        contactName: "Taro Yamada",
        contactEmail: "taro@acme.example.jp",
      },
      { language: "en" },
    );
    expect(buyer).toMatchObject({ party: "buyer", role: "buyer", contactEmail: "taro@acme.example.jp" });
    // The same buyer, written another way, in another event: the same record.
    const other = await createEvent(dipOfficer);
    await openEvent(dipOfficer, other.id);
    const again = await addBuyerParticipant(dipOfficer, other.id, { name: "Acme Trading Limited", countryCode: "JP" });
    expect(again.buyerId).toBe(buyer.buyerId);
    expect(again.name).toBe("ACME Trading Co., Ltd.");
    // …but a US Acme is another buyer.
    const us = await addBuyerParticipant(dipOfficer, other.id, { name: "Acme Trading Limited", countryCode: "US" });
    expect(us.buyerId).not.toBe(buyer.buyerId);
    const twice = await dipOfficer.request("POST", `/api/events/${event.id}/participants`, { enterpriseId: firmA.id });
    expect(fieldErrors(twice)).toEqual(["enterpriseId:duplicate_participation"]);
    const neither = await dipOfficer.request("POST", `/api/events/${event.id}/participants`, { role: "seller" });
    expect(fieldErrors(neither)).toEqual(["enterpriseId:required_together"]);
    const badEmail = await dipOfficer.request("POST", `/api/events/${event.id}/participants`, {
      buyer: { name: "X", countryCode: "JP", contactEmail: "not-mail" },
    });
    expect(fieldErrors(badEmail)[0]).toMatch(/^buyer\.contactEmail:/);

    // Personal data never in the log.
    const logged = JSON.stringify(await auditOf("event_participant", buyer.id));
    expect(logged).not.toContain("taro@acme");
    expect(logged).not.toContain("Yamada");
    const buyerLog = JSON.stringify(await auditOf("buyer", buyer.buyerId as number));
    expect(buyerLog).not.toContain("taro@acme");

    // Access per role: keepers see everyone and contacts; the participating firm's member sees the event and only
    // their own participation; another member and the public do not see the unpublished event.
    const asKeeper = await ok(dipOfficer.request("GET", `/api/events/${event.id}/participants`));
    expect(asKeeper.items).toHaveLength(2);
    const asAdmin = await ok(admin.request("GET", `/api/events/${event.id}/participants`));
    expect(asAdmin.items.find((p: { id: number }) => p.id === buyer.id).contactName).toBe("Taro Yamada");
    const asMember = await ok(memberA.request("GET", `/api/events/${event.id}/participants`));
    expect(asMember.items.map((p: { id: number }) => p.id)).toEqual([firm.id]);
    expect((await ok(memberA.request("GET", `/api/events/${event.id}`))).keeper).toBe(false);
    expect((await memberB.request("GET", `/api/events/${event.id}/participants`)).statusCode).toBe(404);
    expect((await t.anonymous.request("GET", `/api/events/${event.id}/participants`)).statusCode).toBe(404);
    const otherOfficer = await ok(mocOfficer.request("GET", `/api/events/${event.id}/participants`));
    expect(otherOfficer.items).toEqual([]);
    expect((await memberA.request("GET", `/api/events/${event.id}/participants/${buyer.id}`)).statusCode).toBe(404);
    expect(
      (await mocOfficer.request("POST", `/api/events/${event.id}/participants`, { enterpriseId: firmB.id })).statusCode,
    ).toBe(403);
  });

  it("records availability and offers/needs (TSIC checked, HS 4-10 digits), the firm's own member too", async () => {
    const event = await createEvent(dipOfficer);
    await openEvent(dipOfficer, event.id);
    const layout = await setLayout(dipOfficer, event);
    const buyer = await addBuyerParticipant(dipOfficer, event.id);
    const firm = await addFirmParticipant(dipOfficer, event.id, firmA.id);
    const [s1, s2] = layout.slots;
    const marked = await ok(
      dipOfficer.request("PUT", `/api/events/${event.id}/participants/${buyer.id}/unavailable`, {
        slotIds: [s1?.id, s2?.id],
      }),
    );
    expect(marked.unavailableSlotIds).toEqual([s1?.id, s2?.id]);
    const foreignSlot = await dipOfficer.request(
      "PUT",
      `/api/events/${event.id}/participants/${buyer.id}/unavailable`,
      { slotIds: [999999] },
    );
    expect(fieldErrors(foreignSlot)).toEqual(["slotIds.0:not_found"]);

    const interests = await ok(
      memberA.request("PUT", `/api/events/${event.id}/participants/${firm.id}/interests`, {
        items: [
          { direction: "offer", text: "ข้าวหอมมะลิ", hsCode: "100630" },
          { direction: "need", tsicCode: "10612" },
        ],
      }),
    );
    expect(interests.interests).toMatchObject([
      { direction: "offer", hsCode: "100630", text: "ข้าวหอมมะลิ" },
      { direction: "need", tsicCode: "10612" },
    ]);
    const badTsic = await dipOfficer.request("PUT", `/api/events/${event.id}/participants/${firm.id}/interests`, {
      items: [{ direction: "need", tsicCode: "00123" }],
    });
    expect(fieldErrors(badTsic)).toEqual(["items.0.tsicCode:not_found"]);
    const badHs = await dipOfficer.request("PUT", `/api/events/${event.id}/participants/${firm.id}/interests`, {
      items: [{ direction: "need", hsCode: "12" }],
    });
    expect(fieldErrors(badHs)[0]).toMatch(/^items\.0\.hsCode:/);
    const empty = await dipOfficer.request("PUT", `/api/events/${event.id}/participants/${firm.id}/interests`, {
      items: [{ direction: "need" }],
    });
    expect(fieldErrors(empty)).toEqual(["items.0.text:required"]);
    // Another firm's member may not touch it.
    expect(
      (await memberB.request("PUT", `/api/events/${event.id}/participants/${firm.id}/interests`, { items: [] }))
        .statusCode,
    ).toBe(404);
    const actions = (await auditOf("event_participant", buyer.id)).map((e) => e.action);
    expect(actions).toContain("event_participant.unavailable");
  });

  it("removes a participant unless they have meetings with recorded attendance", async () => {
    const event = await createEvent(dipOfficer);
    await openEvent(dipOfficer, event.id);
    const a = await addFirmParticipant(dipOfficer, event.id, firmA.id);
    const b = await addFirmParticipant(dipOfficer, event.id, firmB.id, { role: "buyer" });
    const c = await addBuyerParticipant(dipOfficer, event.id);
    const now = new Date().toISOString();
    await t.ctx.database.db
      .insertInto("meetings")
      .values({
        event_id: event.id,
        requester_id: a.id,
        target_id: b.id,
        pair_low: Math.min(a.id, b.id),
        pair_high: Math.max(a.id, b.id),
        origin: "request",
        status: "accepted",
        requested_at: now,
        attendance: "held",
        attendance_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const refused = await dipOfficer.request("DELETE", `/api/events/${event.id}/participants/${a.id}`);
    expect(refused.statusCode).toBe(409);
    // The participating firm's member reads the event but does not keep it.
    expect((await memberA.request("DELETE", `/api/events/${event.id}/participants/${c.id}`)).statusCode).toBe(403);
    await ok(dipOfficer.request("DELETE", `/api/events/${event.id}/participants/${c.id}`));
    const [, removed] = await auditOf("event_participant", c.id);
    expect(removed?.action).toBe("event_participant.delete");
  });
});

describe("#bulk add from a file", () => {
  it("checks the whole file first with a row report, then adds all rows in one transaction", async () => {
    const event = await createEvent(dipOfficer, { countryCode: "JP", provinceCode: null, city: "Tokyo" });
    await openEvent(dipOfficer, event.id);
    const broken = [
      "ชื่อ,เลขทะเบียนนิติบุคคล,ประเทศ,เมือง,สินค้าที่เสนอ,สินค้าที่ต้องการ",
      `,${firmA.juristicId},,,ข้าวหอมมะลิ;HS 100630,`,
      '"Mitsui Foods Co., Ltd.",,JP,Tokyo,,ข้าว;TSIC 10612',
      "บริษัท ที่ไม่มีอยู่จริง จำกัด,,,,,",
      "Mitsui Foods Limited,,JP,Tokyo,,",
    ].join("\n");
    const report = await importParticipantFile(t, dipOfficer, event.id, "participants.csv", broken);
    expect(report.ok).toBe(false);
    expect(report.rows.map((r) => [r.rowNumber, r.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [4, ["name:not_found"]],
      [5, ["name:duplicate"]],
    ]);
    expect((await ok(dipOfficer.request("GET", `/api/events/${event.id}/participants`))).items).toEqual([]);

    const good = [
      "Name,Juristic ID,Country,City,Role,Language,Offers,Needs",
      `,${firmA.juristicId},,,seller,th,ข้าวหอมมะลิ;HS 100630,`,
      `${firmB.nameTh},,TH,,both,th,,TSIC 10612`,
      '"Mitsui Foods Co., Ltd.",,JP,Tokyo,buyer,en,,Jasmine rice;HS 1006',
    ].join("\n");
    const added = await importParticipantFile(t, dipOfficer, event.id, "participants.csv", good);
    expect(added).toMatchObject({ ok: true, counts: { added: 3, errors: 0 } });
    const items = (await ok(dipOfficer.request("GET", `/api/events/${event.id}/participants`))).items;
    expect(items.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([
      [firmA.nameTh, "seller"],
      [firmB.nameTh, "both"],
      ["Mitsui Foods Co., Ltd.", "buyer"],
    ]);
    expect(items[2].interests).toMatchObject([
      { direction: "need", text: "Jasmine rice" },
      { direction: "need", hsCode: "1006" },
    ]);
    // Again: every row already takes part; nothing is written twice.
    const repeat = await importParticipantFile(t, dipOfficer, event.id, "participants.csv", good);
    expect(repeat.counts.errors).toBe(3);
    expect((await postParticipantFile(t, memberA, event.id, "p.csv", good)).statusCode).toBe(403);
    const noName = await postParticipantFile(t, dipOfficer, event.id, "p.csv", "foo,bar\n1,2\n");
    expect(fieldErrors(noName)).toEqual(["file:not_in_file"]);
  });

  it("reads an XLSX file with English headers the same way", async () => {
    const event = await createEvent(dipOfficer);
    await openEvent(dipOfficer, event.id);
    const xlsx = await tableXlsx(
      ["Juristic ID", "Company", "Country", "Kind", "Role", "Needs"],
      [
        [firmB.juristicId, "", "", "", "seller", ""],
        ["", "Lotte Mart", "KR", "retailer", "buyer", "Dried mango;HS 081340"],
      ],
    );
    const report = await importParticipantFile(t, dipOfficer, event.id, "participants.xlsx", xlsx);
    expect(report).toMatchObject({ ok: true, counts: { added: 2, errors: 0 } });
    const items = (await ok(dipOfficer.request("GET", `/api/events/${event.id}/participants`))).items;
    expect(items[1]).toMatchObject({ name: "Lotte Mart", countryCode: "KR", buyerKind: "retailer" });
    expect(items[1].interests).toMatchObject([
      { direction: "need", text: "Dried mango" },
      { direction: "need", hsCode: "081340" },
    ]);
  });
});
