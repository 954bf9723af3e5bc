import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "@sainam/db";
import type { Kysely } from "kysely";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import {
  agencyIds,
  createEnterprise,
  createProgramme,
  ok,
  signInAs,
  type SignedIn,
} from "../test-support/factories.ts";
import {
  insertBuyer,
  insertHeldMeeting,
  insertMeeting,
  insertParticipant,
} from "../test-support/market-factory-deals.ts";
import { remindDueFollowUps } from "./deal-jobs.ts";

// Deals followed to value (issue 14, points 4, 5 and "value counted once" of 7): a held meeting's outcome opens
// its deal with 3/6/12-month follow-ups; orders are recorded once across deals and events; an order becomes one
// value claim of the programme that funded the event; the market figures count firms and orders once.

let t: TestApp;
let db: Kysely<DB>;
let admin: SignedIn;
let dipOfficer: SignedIn;
let osmepOfficer: SignedIn;
let memberA: SignedIn;
let memberB: SignedIn;
let firmA: number;
let firmB: number;
let dipProgramme: number;
let osmepProgramme: number;
let first: { eventId: number; meetingId: number; buyerId: number; firmParticipantId: number };
let second: { eventId: number; meetingId: number };
let dealId: number;
let secondDealId: number;
let orderId: number;

type Deal = {
  id: number;
  stage: string;
  expectedValue: number | null;
  marketCountry: string | null;
  programmeId: number | null;
  openedOn: string;
  buyerName: string | null;
  followUps: { months: number; dueOn: string; doneAt: string | null; stage: string | null; due: boolean }[];
  orders: { id: number; amount: number; claimId: number | null; claimVerification: string | null }[];
  realised: { m3: number; m6: number; m12: number; total: number };
};

beforeAll(async () => {
  t = await createTestApp();
  db = t.ctx.database.db;
  admin = await signInAs(t, "admin");
  const { DIP: dip, OSMEP: osmep } = await agencyIds(t, "DIP", "OSMEP");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  osmepOfficer = await signInAs(t, "agency_officer", { agencyId: osmep });
  firmA = (await createEnterprise<{ id: number }>(admin)).id;
  firmB = (await createEnterprise<{ id: number }>(admin)).id;
  memberA = await signInAs(t, "member", { enterpriseId: firmA });
  memberB = await signInAs(t, "member", { enterpriseId: firmB });
  dipProgramme = (await createProgramme<{ id: number }>(dipOfficer, { agencyId: dip, published: true })).id;
  osmepProgramme = (await createProgramme<{ id: number }>(osmepOfficer, { agencyId: osmep, published: true })).id;
  // The same firm meets the same Japanese buyer at a DIP fair and, later, at an unpublished OSMEP session.
  first = await insertHeldMeeting(db, {
    enterpriseId: firmA,
    programmeId: dipProgramme,
    organiserAgencyId: dip,
    createdBy: dipOfficer.userId,
    budget: 100000,
    startsOn: "2026-06-10",
  });
  second = await insertHeldMeeting(db, {
    enterpriseId: firmA,
    programmeId: osmepProgramme,
    organiserAgencyId: osmep,
    createdBy: osmepOfficer.userId,
    budget: 50000,
    startsOn: "2026-07-01",
    published: false,
    buyer: { name: "NIPPON FOODS LIMITED", countryCode: "JP" },
  });
});

afterAll(async () => {
  await t.close();
});

describe("#a held meeting's outcome", () => {
  it("is refused before the meeting is held, naming attendance", async () => {
    const buyer = await insertBuyer(db, "Hanoi Trading", "VN");
    const firmSide = await insertParticipant(db, first.eventId, { enterpriseId: firmB });
    const buyerSide = await insertParticipant(db, first.eventId, { buyerId: buyer });
    const scheduled = await insertMeeting(db, first.eventId, firmSide, buyerSide, "scheduled");
    const r = await memberB.request("POST", `/api/meetings/${scheduled}/outcome`, { stage: "quotation" });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details[0].path).toBe("attendance");
  });

  it("is hidden from a firm that was not a side (404) and refuses lead, naming the field", async () => {
    expect(
      (await memberB.request("POST", `/api/meetings/${first.meetingId}/outcome`, { stage: "order" })).statusCode,
    ).toBe(404);
    const r = await memberA.request("POST", `/api/meetings/${first.meetingId}/outcome`, { stage: "lead" });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe("stage");
  });

  it("opens the meeting's one deal with follow-ups at 3, 6 and 12 months from the meeting's day", async () => {
    const deal = await ok<Deal>(
      memberA.request("POST", `/api/meetings/${first.meetingId}/outcome`, {
        stage: "quotation",
        expectedValue: 500000,
        note: "ส่งใบเสนอราคาแล้ว คุณสมชาย 081-234-5678",
      }),
      201,
    );
    dealId = deal.id;
    expect(deal).toMatchObject({
      stage: "quotation",
      expectedValue: 500000,
      marketCountry: "JP",
      programmeId: dipProgramme,
      openedOn: "2026-06-10",
      buyerName: "Nippon Foods Co., Ltd.",
    });
    expect(deal.followUps.map((f) => [f.months, f.dueOn])).toEqual([
      [3, "2026-09-10"],
      [6, "2026-12-10"],
      [12, "2027-06-10"],
    ]);
    // Audited without the note's words (it may name people).
    const entry = await db
      .selectFrom("audit_log")
      .select("after_json")
      .where("action", "=", "deal.create")
      .where("entity_id", "=", String(deal.id))
      .executeTakeFirstOrThrow();
    expect(entry.after_json).not.toContain("081");
    expect(entry.after_json).not.toContain("สมชาย");
  });

  it("updates the same deal when recorded again, moving only forward", async () => {
    const again = await ok<Deal>(
      dipOfficer.request("POST", `/api/meetings/${first.meetingId}/outcome`, { stage: "mou", expectedValue: 450000 }),
      200,
    );
    expect(again).toMatchObject({ id: dealId, stage: "mou", expectedValue: 450000 });
    const back = await memberA.request("PATCH", `/api/deals/${dealId}`, { stage: "follow_up" });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details[0].path).toBe("stage");
    expect(await db.selectFrom("deals").select("id").where("meeting_id", "=", first.meetingId).execute()).toHaveLength(
      1,
    );
  });
});

describe("#follow-ups and orders", () => {
  it("records the 6-month follow-up onto the deal", async () => {
    const deal = await ok<Deal>(
      memberA.request("POST", `/api/deals/${dealId}/follow-ups/6`, { stage: "mou", expectedValue: 400000 }),
    );
    const six = deal.followUps.find((f) => f.months === 6)!;
    expect(six.doneAt).not.toBeNull();
    expect(six.stage).toBe("mou");
    expect((await memberA.request("POST", `/api/deals/${dealId}/follow-ups/7`, { stage: "mou" })).statusCode).toBe(400);
  });

  it.each([
    ["amount", { amount: 0, orderedOn: "2026-11-01", evidenceNote: "PO" }],
    ["orderedOn", { amount: 1000, orderedOn: "2099-01-01", evidenceNote: "PO" }],
    ["orderedOn", { amount: 1000, orderedOn: "2026-06-09", evidenceNote: "PO" }],
    ["evidenceNote", { amount: 1000, orderedOn: "2026-11-01" }],
    ["orderedOn", { amount: 1000, orderedOn: "2569-11-01", evidenceNote: "PO" }],
  ])("refuses an order with a bad %s", async (field, body) => {
    const r = await memberA.request("POST", `/api/deals/${dealId}/orders`, body);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe(field);
  });

  it("records a realised order at the 6-month follow-up and counts it within 6 months", async () => {
    const deal = await ok<Deal>(
      memberA.request("POST", `/api/deals/${dealId}/orders`, {
        amount: 300000,
        orderedOn: "2026-11-01",
        evidenceNote: "ใบสั่งซื้อ PO-2026-117",
        evidenceUrl: "https://example.org/po-117.pdf",
        followUpMonths: 6,
      }),
      201,
    );
    orderId = deal.orders[0]!.id;
    expect(deal.stage).toBe("order");
    expect(deal.realised).toEqual({ m3: 0, m6: 300000, m12: 300000, total: 300000 });
  });

  it("refuses the same order again: on the same deal, and on a deal of another event", async () => {
    const body = { amount: 300000, orderedOn: "2026-11-01", evidenceNote: "PO-2026-117 again" };
    const same = await memberA.request("POST", `/api/deals/${dealId}/orders`, body);
    expect(same.statusCode).toBe(409);
    expect(same.json().error.details[0]).toMatchObject({ path: "amount", code: "duplicate" });

    // The buyer name differs only in legal form: one buyer record, so the same order.
    const other = await ok<Deal>(
      memberA.request("POST", `/api/meetings/${second.meetingId}/outcome`, { stage: "quotation", expectedValue: 1 }),
      201,
    );
    secondDealId = other.id;
    expect((await memberA.request("POST", `/api/deals/${secondDealId}/orders`, body)).statusCode).toBe(409);
    expect(await db.selectFrom("deal_orders").select("id").execute()).toHaveLength(1);
  });
});

describe("#claims: value counted once", () => {
  it("claims an order once for the event's programme, fiscal year of the order", async () => {
    const { claim, deal } = await ok<{ claim: Record<string, unknown>; deal: Deal }>(
      memberA.request("POST", `/api/deal-orders/${orderId}/claim`),
      201,
    );
    expect(claim).toMatchObject({
      programmeIds: [dipProgramme],
      enterpriseId: firmA,
      fiscalYear: 2027,
      amount: 300000,
      method: "sales_increase",
      verification: "claimed",
    });
    expect(deal.orders[0]!.claimId).toBe(claim.id);
    const twice = await memberA.request("POST", `/api/deal-orders/${orderId}/claim`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details[0].code).toBe("duplicate");
  });

  it("refuses a claim identical to a standing one of the firm, whichever programme", async () => {
    // A different order (another day) of the same amount and fiscal year at the OSMEP event: recorded, not claimed.
    const deal = await ok<Deal>(
      memberA.request("POST", `/api/deals/${secondDealId}/orders`, {
        amount: 300000,
        orderedOn: "2026-11-02",
        evidenceNote: "PO-2026-118",
      }),
      201,
    );
    const r = await memberA.request("POST", `/api/deal-orders/${deal.orders[0]!.id}/claim`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details[0]).toMatchObject({ path: "amount", code: "duplicate" });
  });

  it("counts the claim once in the programme's figures, and verified after the existing flow", async () => {
    const figures = async (programme: number) =>
      (await ok(t.anonymous.request("GET", `/api/programmes/${programme}/figures?fiscalYear=2027`))).years[0].recorded;
    expect((await figures(dipProgramme)).value).toMatchObject({ claimed: 300000, claimsClaimed: 1, verified: 0 });
    expect((await figures(osmepProgramme)).value).toMatchObject({ claimed: 0, claimsClaimed: 0 });
    const claimId = (await ok<Deal>(memberA.request("GET", `/api/deals/${dealId}`))).orders[0]!.claimId;
    await ok(dipOfficer.request("POST", `/api/value-claims/${claimId}/verification`, { decision: "verified" }));
    expect((await figures(dipProgramme)).value).toMatchObject({ verified: 300000, claimed: 0, claimsVerified: 1 });
    const nation = (await ok(t.anonymous.request("GET", "/api/figures?fiscalYear=2027"))).recorded.value;
    expect(nation.verified).toBe(300000);
  });
});

describe("#access per role", () => {
  it("lists a member's own deals, a keeper's, and none for another firm or the public", async () => {
    const mine = await ok<{ items: Deal[]; total: number }>(memberA.request("GET", "/api/deals"));
    expect(mine.items.map((d) => d.id).sort()).toEqual([dealId, secondDealId].sort());
    expect((await ok(memberB.request("GET", "/api/deals"))).total).toBe(0);
    const dip = await ok<{ items: Deal[] }>(dipOfficer.request("GET", `/api/deals?eventId=${first.eventId}`));
    expect(dip.items.map((d) => d.id)).toEqual([dealId]);
    const osmep = await ok<{ items: Deal[] }>(osmepOfficer.request("GET", "/api/deals"));
    expect(osmep.items.map((d) => d.id)).toEqual([secondDealId]);
    expect((await ok(admin.request("GET", "/api/deals?stage=order"))).total).toBe(2);
    expect((await t.anonymous.request("GET", "/api/deals")).statusCode).toBe(401);
  });

  it("hides a deal from another firm and another agency (404), refuses the public (401)", async () => {
    expect((await memberB.request("GET", `/api/deals/${dealId}`)).statusCode).toBe(404);
    expect((await osmepOfficer.request("GET", `/api/deals/${dealId}`)).statusCode).toBe(404);
    expect((await t.anonymous.request("GET", `/api/deals/${dealId}`)).statusCode).toBe(401);
    expect(
      (
        await memberB.request("POST", `/api/deals/${dealId}/orders`, {
          amount: 5,
          orderedOn: "2026-11-03",
          evidenceNote: "x",
        })
      ).statusCode,
    ).toBe(404);
    expect((await memberB.request("POST", `/api/deal-orders/${orderId}/claim`)).statusCode).toBe(404);
  });
});

describe("#an event's outcomes", () => {
  it("lists the held meetings to record: all for keepers, a firm's own for a member, none for others", async () => {
    type Outcomes = {
      keeper: boolean;
      items: { meetingId: number; dealId: number | null; sides: { nameEn: string | null }[] }[];
    };
    const keeper = await ok<Outcomes>(dipOfficer.request("GET", `/api/events/${first.eventId}/outcomes`));
    expect(keeper.keeper).toBe(true);
    expect(keeper.items.map((m) => [m.meetingId, m.dealId])).toEqual([[first.meetingId, dealId]]);
    expect(JSON.stringify(keeper)).not.toContain("buyer@example.com");
    expect((await ok<Outcomes>(memberA.request("GET", `/api/events/${first.eventId}/outcomes`))).items).toHaveLength(1);
    expect((await ok<Outcomes>(memberB.request("GET", `/api/events/${first.eventId}/outcomes`))).items).toHaveLength(0);
    expect((await memberB.request("GET", `/api/events/${second.eventId}/outcomes`)).statusCode).toBe(404);
  });
});

describe("#market figures", () => {
  it("counts the firm once across two events, orders once, value per baht of budget", async () => {
    const all = await ok(dipOfficer.request("GET", "/api/market/figures"));
    expect(all).toMatchObject({ detail: "full", events: 2, budget: 150000, participants: { firms: 2, buyers: 2 } });
    expect(all.meetings).toEqual({ requested: 3, accepted: 3, scheduled: 3, held: 2 });
    expect(all.dealsByStage.order).toBe(2);
    expect(all.realisedTotal).toBe(600000);
    const dip = await ok(dipOfficer.request("GET", `/api/market/figures?programmeId=${dipProgramme}`));
    expect(dip.horizons).toEqual([
      { months: 3, expected: 400000, realised: 0, dealsClosed: 1, perBaht: 0 },
      { months: 6, expected: 400000, realised: 300000, dealsClosed: 0, perBaht: 3 },
      { months: 12, expected: 400000, realised: 300000, dealsClosed: 0, perBaht: 3 },
    ]);
    expect(dip.funnel.map((f: { step: string; count: number }) => [f.step, f.count])).toEqual([
      ["participants", 4],
      ["requested", 2],
      ["accepted", 2],
      ["scheduled", 2],
      ["held", 1],
      ["deals", 1],
      ["orders", 1],
    ]);
    const vietnam = await ok(dipOfficer.request("GET", "/api/market/figures?market=vn"));
    expect(vietnam.participants).toEqual({ firms: 1, buyers: 1 });
    expect(vietnam.dealsByStage.order).toBe(0);
  });

  it("shows the public published events only, as aggregates", async () => {
    const r = await t.anonymous.request("GET", "/api/market/figures");
    const body = r.json();
    expect(body).toMatchObject({ detail: "public", events: 1, budget: 100000 });
    expect(r.body).not.toContain("Nippon");
    expect((await t.anonymous.request("GET", "/api/market/figures?fiscalYear=2569")).statusCode).toBe(400);
  });

  it("exports XLSX", async () => {
    const r = await dipOfficer.request("GET", "/api/market/figures.xlsx?fiscalYear=2026&locale=en");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    expect(r.headers["content-disposition"]).toContain("market-figures-fy2026.xlsx");
  });
});

describe("#follow-up reminders", () => {
  it("tells the firm's members and the organiser once when a follow-up falls due", async () => {
    const at = (iso: string) => ({ ...t.ctx, now: () => Date.parse(iso) });
    // 10 Sep 2026: the 3-month follow-ups of both deals are not yet all due (the second opened on 1 Jul).
    expect(await remindDueFollowUps(at("2026-09-10T05:00:00Z"))).toBe(1);
    expect(await remindDueFollowUps(at("2026-09-10T06:00:00Z"))).toBe(0);
    const inbox = await db
      .selectFrom("notifications")
      .select(["user_id", "entity_id", "params_json"])
      .where("kind", "=", "deal_follow_up_due")
      .execute();
    expect(inbox.map((n) => n.user_id).sort()).toEqual([memberA.userId, dipOfficer.userId].sort());
    expect(inbox.every((n) => n.entity_id === dealId)).toBe(true);
    expect(inbox[0]!.params_json).not.toContain("@");
  });
});
