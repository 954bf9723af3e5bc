import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { addWorkingDays, bangkokDateOf, holidayDates, toIsoDate } from "@sainam/core";
import { holidays } from "@sainam/db";
import {
  agencyIds,
  createCluster,
  createEnterprise,
  createMembership,
  currentFiscalYear,
  ok,
  signInAs,
  type SignedIn,
} from "../test-support/factories.ts";
import { addProviderManager, createServiceExpert, createServiceProvider } from "../test-support/request-factory.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";
import { expireUnansweredAssignments } from "./request.service.ts";

// Requests for help (issue 13, points 2, 3, 8): filing per role, routing with reasons and service-level dates,
// attachments typed by content, the experts' answers, expiry, reassignment, withdrawal, lists per role.
let t: TestApp;
let admin: SignedIn;
let dip: number;
let moc: number;
let member: SignedIn;
let otherMember: SignedIn;
let coordinator: SignedIn;
let mocOfficer: SignedIn;
let dipOfficer: SignedIn;
let firmId: number;
let otherFirmId: number;
let clusterId: number;

beforeAll(async () => {
  t = await createTestApp();
  ({ DIP: dip, MOC: moc } = await agencyIds(t, "DIP", "MOC"));
  admin = await signInAs(t, "admin");
  clusterId = (await createCluster(admin)).id;
  firmId = (
    await createEnterprise(admin, {
      provinceCode: "57",
      contacts: [{ name: "สมชาย ใจดี", phone: "0812345678", email: "somchai@example.org" }],
    })
  ).id;
  await createMembership(admin, clusterId, firmId);
  otherFirmId = (await createEnterprise(admin, { provinceCode: "10" })).id;
  member = await signInAs(t, "member", { enterpriseId: firmId });
  otherMember = await signInAs(t, "member", { enterpriseId: otherFirmId });
  coordinator = await signInAs(t, "cluster_coordinator", { clusterIds: [clusterId] });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
});
afterAll(async () => {
  await t.close();
});

const fieldErrors = (response: LightMyRequestResponse): string[] =>
  (response.json().error?.details ?? []).map((d: { path: string; code: string }) => `${d.path}:${d.code}`);

// Each scenario works in its own province so that open cases of one do not steer routing in another.
const provinces = ["50", "51", "52", "53", "54", "55", "56", "58", "60", "61", "62", "63", "64", "65", "66", "67"];
let nextProvince = 0;

type Team = {
  province: string;
  firmId: number;
  member: SignedIn;
  providerId: number;
  manager: SignedIn;
  experts: { id: number; user: SignedIn }[];
};

/**
 * A firm in a fresh province, a DIP provider there offering logistics, and experts (each signed in) with the given
 * capacities and open cases none; a manager (an MOC officer) of the provider.
 */
async function team(
  specs: { capacity?: number; areas?: "province" | "region"; available?: boolean }[],
  provider: { responseDays?: number; closureDays?: number } = {},
): Promise<Team> {
  const province = provinces[nextProvince++]!;
  const firm = await createEnterprise(admin, {
    provinceCode: province,
    contacts: [{ name: "วิไล สุขใจ", phone: "0899999999" }],
  });
  const firmMember = await signInAs(t, "member", { enterpriseId: firm.id });
  const created = await createServiceProvider(admin, {
    agencyId: dip,
    provinceCodes: [province],
    services: ["logistics"],
  });
  if (provider.responseDays || provider.closureDays)
    await t.ctx.database.db
      .updateTable("service_providers")
      .set({ response_days: provider.responseDays ?? null, closure_days: provider.closureDays ?? null })
      .where("id", "=", created.id)
      .execute();
  const manager = await signInAs(t, "agency_officer", { agencyId: moc });
  await addProviderManager(t.ctx.database.db, created.id, manager);
  const experts = [];
  const { region_code: region } = await t.ctx.database.db
    .selectFrom("provinces")
    .select("region_code")
    .where("code", "=", province)
    .executeTakeFirstOrThrow();
  for (const { areas, ...spec } of specs) {
    const user = await signInAs(t, "expert");
    const expert = await createServiceExpert(admin, created.id, {
      userId: user.userId,
      ...spec,
      ...(areas ? { areas: [{ type: areas, code: areas === "region" ? region : province }] } : {}),
    });
    experts.push({ id: expert.id, user });
  }
  return { province, firmId: firm.id, member: firmMember, providerId: created.id, manager, experts };
}

const file = (as: Client, body: Record<string, unknown>) => as.request("POST", "/api/service-requests", body);
const need = { field: "logistics", needText: "  ต้องการลดต้นทุนค่าขนส่งสินค้าไปต่างจังหวัด  ", mode: "visit", consent: true };

async function fileFor(tm: Team, extra: Record<string, unknown> = {}) {
  return ok(file(tm.member, { enterpriseId: tm.firmId, ...need, ...extra }), 201);
}

async function auditOf(id: number) {
  return t.ctx.database.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", "service_request")
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute();
}

const today = () => toIsoDate(bangkokDateOf(new Date()));

describe("#filing", () => {
  it("a member files for their own firm: coded, routed with a reason, clocks from the provider's targets", async () => {
    const tm = await team([{ capacity: 5 }], { responseDays: 3, closureDays: 20 });
    const r = await fileFor(tm);
    const fyBe = currentFiscalYear() + 543;
    expect(r.code).toMatch(new RegExp(`^SR${fyBe}-\\d{6}$`));
    expect(r).toMatchObject({
      status: "assigned",
      needText: "ต้องการลดต้นทุนค่าขนส่งสินค้าไปต่างจังหวัด",
      provinceCode: tm.province,
      filedVia: "member",
      consent: true,
      expert: { id: tm.experts[0]!.id },
      provider: { id: tm.providerId },
      awaitingAnswer: true,
    });
    expect(r.consentAt).not.toBeNull();
    expect(r.routedAt).not.toBeNull();
    const off = holidayDates(await holidays.datesFrom(t.ctx.database.db, today()));
    expect(r.responseDueOn).toBe(addWorkingDays(today(), 3, off));
    expect(r.closureDueOn).toBe(addWorkingDays(today(), 20, off));
    expect(r.assignments).toEqual([
      expect.objectContaining({
        response: "pending",
        assignedBy: null,
        reason: {
          field: "logistics",
          provinceCode: tm.province,
          areaMatch: "provider",
          areaType: null,
          openCases: 0,
          capacity: 5,
          manual: false,
        },
      }),
    ]);
    expect(r.events.map((e: { kind: string }) => e.kind)).toEqual(["filed", "routed"]);
    const [entry] = await auditOf(r.id);
    expect(entry?.action).toBe("service_request.create");
    // The firm's words stay out of the log.
    expect(entry?.after_json).not.toContain("ขนส่ง");
    const mine = await ok(tm.member.request("GET", "/api/service-requests"));
    expect(mine.items.map((i: { id: number }) => i.id)).toContain(r.id);
  });

  it("defaults to the core targets (2 and 30 working days) and to the firm's province", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm);
    const off = holidayDates(await holidays.datesFrom(t.ctx.database.db, today()));
    expect(r.provinceCode).toBe(tm.province);
    expect(r.responseDueOn).toBe(addWorkingDays(today(), 2, off));
    expect(r.closureDueOn).toBe(addWorkingDays(today(), 30, off));
  });

  it("leaves a request nobody can take unassigned, with an event", async () => {
    const r = await ok(file(member, { enterpriseId: firmId, ...need, field: "business_law", provinceCode: "96" }), 201);
    expect(r).toMatchObject({ status: "unassigned", expert: null, routedAt: null, responseDueOn: null });
    expect(r.events.map((e: { kind: string }) => e.kind)).toEqual(["filed", "unrouted"]);
  });

  it("lets an officer file for any firm and a coordinator for their clusters' firms, and says so", async () => {
    const byOfficer = await ok(file(mocOfficer, { enterpriseId: otherFirmId, ...need }), 201);
    expect(byOfficer.filedVia).toBe("officer");
    const byCoordinator = await ok(file(coordinator, { enterpriseId: firmId, ...need }), 201);
    expect(byCoordinator.filedVia).toBe("coordinator");
    expect((await file(coordinator, { enterpriseId: otherFirmId, ...need })).statusCode).toBe(403);
  });

  it("lets a provider's manager record a walk-in at their centre, and nobody else", async () => {
    const tm = await team([{}]);
    const r = await ok(file(tm.manager, { enterpriseId: otherFirmId, ...need, walkInProviderId: tm.providerId }), 201);
    expect(r.filedVia).toBe("walk_in");
    const notManager = await file(dipOfficer, { enterpriseId: otherFirmId, ...need, walkInProviderId: tm.providerId });
    expect(notManager.statusCode).toBe(400);
    expect(fieldErrors(notManager)).toEqual(["walkInProviderId:not_applicable"]);
  });

  it("names a walk-in's channel in the lists, and offers a manager only the providers they manage", async () => {
    const tm = await team([{}]);
    const mine = await ok(tm.manager.request("GET", "/api/service-providers?managed=me"));
    expect(mine.items.map((p: { id: number }) => p.id)).toEqual([tm.providerId]);
    expect((await ok(dipOfficer.request("GET", "/api/service-providers?managed=me"))).items).toEqual([]);
    expect((await ok(t.anonymous.request("GET", "/api/service-providers?managed=me"))).items).toEqual([]);
    expect((await dipOfficer.request("GET", "/api/service-providers?managed=all")).statusCode).toBe(400);

    const walkIn = await ok(
      file(tm.manager, { enterpriseId: tm.firmId, ...need, walkInProviderId: tm.providerId }),
      201,
    );
    const byMember = await ok(file(tm.member, { enterpriseId: tm.firmId, ...need }), 201);
    const listed = await ok(tm.manager.request("GET", `/api/service-requests?provider=${tm.providerId}`));
    const channelOf = new Map(listed.items.map((r: { id: number; filedVia: string }) => [r.id, r.filedVia]));
    expect(channelOf.get(walkIn.id)).toBe("walk_in");
    expect(channelOf.get(byMember.id)).toBe("member");
  });

  it("refuses others: another firm's member, an expert, the public", async () => {
    expect((await file(otherMember, { enterpriseId: firmId, ...need })).statusCode).toBe(403);
    const expert = await signInAs(t, "expert");
    expect((await file(expert, { enterpriseId: firmId, ...need })).statusCode).toBe(403);
    expect((await file(t.anonymous, { enterpriseId: firmId, ...need })).statusCode).toBe(401);
  });

  it("names the field of bad input", async () => {
    const bad = async (body: Record<string, unknown>) =>
      fieldErrors(await file(member, { enterpriseId: firmId, ...need, ...body }));
    expect(await bad({ needText: "   " })).toEqual(["needText:required"]);
    expect(await bad({ needText: "ก".repeat(4001) })).toEqual(["needText:too_long"]);
    expect(await bad({ field: "astrology" })).toEqual(["field:invalid_choice"]);
    expect(await bad({ mode: "fax" })).toEqual(["mode:invalid_choice"]);
    expect(await bad({ provinceCode: "99" })).toEqual(["provinceCode:not_found"]);
    expect(await bad({ programmeId: 999_999 })).toEqual(["programmeId:not_found"]);
    expect(await bad({ enterpriseId: 999_999 })).toEqual(["enterpriseId:not_found"]);
    const noProvince = await createEnterprise(admin);
    const response = await file(admin, { enterpriseId: noProvince.id, ...need });
    expect(fieldErrors(response)).toEqual(["provinceCode:required"]);
  });

  it("gives distinct codes to requests filed at once", async () => {
    const filed = await Promise.all(
      Array.from({ length: 8 }, () => ok(file(member, { enterpriseId: firmId, ...need, provinceCode: "96" }), 201)),
    );
    const codes = filed.map((r) => r.code as string);
    expect(new Set(codes).size).toBe(8);
  });
});

// ——— Attachments ———
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082",
  "hex",
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const HTML = Buffer.from("<!doctype html><script>alert(1)</script>");

const upload = (as: Client, id: number, name: string, bytes: Buffer, contentType = "application/octet-stream") =>
  t.app.inject({
    method: "POST",
    url: `/api/service-requests/${id}/attachments?fileName=${encodeURIComponent(name)}`,
    payload: bytes,
    headers: {
      "content-type": contentType,
      ...(as.cookie ? { cookie: as.cookie } : {}),
      ...(as.csrfToken ? { "x-csrf-token": as.csrfToken } : {}),
    },
  });
const download = (as: Client, id: number, attachmentId: number) =>
  t.app.inject({
    method: "GET",
    url: `/api/service-requests/${id}/attachments/${attachmentId}`,
    headers: as.cookie ? { cookie: as.cookie } : {},
  });

describe("#attachments", () => {
  it("keeps photos and PDFs typed by their content and serves them safely to readers only", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm);
    const png = await ok(upload(tm.member, r.id, "รูปโกดัง.png", PNG), 201);
    expect(png).toMatchObject({ mediaType: "image/png", fileName: "รูปโกดัง.png", sizeBytes: PNG.length });
    // The client's header says JPEG; the bytes are a PDF: the bytes win.
    const pdf = await ok(upload(tm.member, r.id, "quote.pdf", PDF, "image/jpeg"), 201);
    expect(pdf.mediaType).toBe("application/pdf");
    const served = await download(tm.experts[0]!.user, r.id, png.id);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
    expect(served.headers["content-security-policy"]).toBe("sandbox");
    expect(String(served.headers["content-disposition"])).toMatch(/^inline;/);
    expect(served.rawPayload.equals(PNG)).toBe(true);
    const servedPdf = await download(tm.member, r.id, pdf.id);
    expect(servedPdf.headers["content-type"]).toBe("application/pdf");
    expect(String(servedPdf.headers["content-disposition"])).toMatch(/^attachment; filename="quote.pdf"/);
    expect((await download(otherMember, r.id, png.id)).statusCode).toBe(404);
    expect((await download(t.anonymous, r.id, png.id)).statusCode).toBe(401);
    const row = await t.ctx.database.db
      .selectFrom("request_attachments")
      .selectAll()
      .where("id", "=", png.id)
      .executeTakeFirstOrThrow();
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const detail = await ok(tm.member.request("GET", `/api/service-requests/${r.id}`));
    expect(detail.attachments.map((a: { mediaType: string }) => a.mediaType)).toEqual(["image/png", "application/pdf"]);
  });

  it("types a PNG named .pdf as a PNG, and refuses HTML named .jpg", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm);
    const renamed = await ok(upload(tm.member, r.id, "scan.pdf", PNG), 201);
    expect(renamed).toMatchObject({ mediaType: "image/png", fileName: "scan.png" });
    const html = await upload(tm.member, r.id, "photo.jpg", HTML, "image/jpeg");
    expect(html.statusCode).toBe(400);
    expect(fieldErrors(html)).toEqual(["file:wrong_file_type"]);
    expect(fieldErrors(await upload(tm.member, r.id, "empty.jpg", Buffer.alloc(0)))).toEqual(["file:empty_file"]);
  });

  it("refuses a file over 10 MB and a sixth file, naming the file", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm);
    const big = Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024, 0)]);
    const tooBig = await upload(tm.member, r.id, "big.jpg", big);
    expect(tooBig.statusCode).toBe(400);
    expect(fieldErrors(tooBig)).toEqual(["file:file_too_large"]);
    for (let i = 0; i < 5; i++) await ok(upload(tm.member, r.id, `p${i}.jpg`, JPEG), 201);
    expect(fieldErrors(await upload(tm.member, r.id, "p6.jpg", JPEG))).toEqual(["file:too_many"]);
  });

  it("lets only the firm's side and the provider's keepers attach", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm);
    expect((await upload(tm.experts[0]!.user, r.id, "x.png", PNG)).statusCode).toBe(403);
    expect((await upload(otherMember, r.id, "x.png", PNG)).statusCode).toBe(404);
    expect((await upload(tm.manager, r.id, "x.png", PNG)).statusCode).toBe(201);
  });
});

describe("#answers", () => {
  it("the expert accepts: first response stamped, contacts shown when the firm consented", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm);
    const expert = tm.experts[0]!.user;
    const before = await ok(expert.request("GET", `/api/service-requests/${r.id}`));
    expect(before.contactsMasked).toBe(true);
    expect(JSON.stringify(before.contacts)).not.toContain("0899999999");
    expect((await tm.member.request("POST", `/api/service-requests/${r.id}/accept`)).statusCode).toBe(403);
    const accepted = await ok(expert.request("POST", `/api/service-requests/${r.id}/accept`));
    expect(accepted).toMatchObject({ status: "accepted", contactsMasked: false, contacts: [{ phone: "0899999999" }] });
    expect(accepted.firstResponseAt).not.toBeNull();
    expect(accepted.assignments[0].response).toBe("accepted");
    expect((await expert.request("POST", `/api/service-requests/${r.id}/accept`)).statusCode).toBe(409);
    expect((await auditOf(r.id)).map((a) => a.action)).toContain("service_request.accept");
  });

  it("keeps contacts masked from the expert when the firm did not consent", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm, { consent: false });
    const accepted = await ok(tm.experts[0]!.user.request("POST", `/api/service-requests/${r.id}/accept`));
    expect(accepted.contactsMasked).toBe(true);
    expect(JSON.stringify(accepted)).not.toContain("0899999999");
  });

  it("a decline needs a reason and moves the request to the next expert; when nobody is left it waits", async () => {
    const tm = await team([{}, {}]);
    const r = await fileFor(tm);
    const first = tm.experts.find((e) => e.id === r.expert.id)!;
    const second = tm.experts.find((e) => e.id !== r.expert.id)!;
    const noReason = await first.user.request("POST", `/api/service-requests/${r.id}/decline`, { reason: " " });
    expect(fieldErrors(noReason)).toEqual(["reason:required"]);
    const declined = await ok(
      first.user.request("POST", `/api/service-requests/${r.id}/decline`, { reason: "ติดภารกิจต่างประเทศ" }),
    );
    expect(declined).toEqual({ id: r.id, status: "assigned" });
    expect((await first.user.request("GET", `/api/service-requests/${r.id}`)).statusCode).toBe(404);
    const now = await ok(second.user.request("GET", `/api/service-requests/${r.id}`));
    expect(now.expert.id).toBe(second.id);
    expect(now.firstResponseAt).not.toBeNull();
    expect(now.assignments.map((a: { response: string }) => a.response)).toEqual(["declined", "pending"]);
    expect(now.assignments[0].declineReason).toBe("ติดภารกิจต่างประเทศ");
    expect(now.events.map((e: { kind: string }) => e.kind)).toEqual(["filed", "routed", "declined", "routed"]);
    await ok(second.user.request("POST", `/api/service-requests/${r.id}/decline`, { reason: "งานเต็ม" }));
    const waiting = await ok(tm.member.request("GET", `/api/service-requests/${r.id}`));
    expect(waiting).toMatchObject({ status: "unassigned", expert: null });
    expect(waiting.events.at(-1).kind).toBe("unrouted");
  });

  it("an offer unanswered past its due date expires and moves on; the expert is not offered it again", async () => {
    const tm = await team([{}, {}]);
    const r = await fileFor(tm);
    const db = t.ctx.database.db;
    // Nothing is overdue yet.
    expect(await expireUnansweredAssignments(db, new Date())).toBe(0);
    await db.updateTable("service_requests").set({ response_due_on: "2020-01-06" }).where("id", "=", r.id).execute();
    expect(await expireUnansweredAssignments(db, new Date())).toBe(1);
    const now = await ok(tm.member.request("GET", `/api/service-requests/${r.id}`));
    expect(now.expert.id).not.toBe(r.expert.id);
    expect(now.assignments.map((a: { response: string }) => a.response)).toEqual(["expired", "pending"]);
    expect(now.events.map((e: { kind: string }) => e.kind)).toEqual(["filed", "routed", "expired", "routed"]);
    expect(now.responseDueOn > "2020-01-06").toBe(true);
    await db.updateTable("service_requests").set({ response_due_on: "2020-01-06" }).where("id", "=", r.id).execute();
    expect(await expireUnansweredAssignments(db, new Date())).toBe(1);
    expect((await ok(tm.member.request("GET", `/api/service-requests/${r.id}`))).status).toBe("unassigned");
    expect((await auditOf(r.id)).map((a) => a.action)).toContain("service_request.expire");
  });

  it("a manager hands the request to a chosen expert from the candidates with reasons", async () => {
    const tm = await team([{ capacity: 3 }, { capacity: 3, areas: "region" }]);
    const r = await fileFor(tm);
    const other = tm.experts.find((e) => e.id !== r.expert.id)!;
    const candidates = await ok(tm.manager.request("GET", `/api/service-requests/${r.id}/candidates`));
    expect(candidates.items.map((c: { expertId: number }) => c.expertId).sort()).toEqual(
      tm.experts.map((e) => e.id).sort(),
    );
    expect((await tm.member.request("GET", `/api/service-requests/${r.id}/candidates`)).statusCode).toBe(403);
    expect(
      (await tm.member.request("POST", `/api/service-requests/${r.id}/reassign`, { expertId: other.id })).statusCode,
    ).toBe(403);
    const outsider = await createServiceExpert(admin, (await createServiceProvider(admin)).id);
    const wrong = await tm.manager.request("POST", `/api/service-requests/${r.id}/reassign`, { expertId: outsider.id });
    expect(fieldErrors(wrong)).toEqual(["expertId:invalid_choice"]);
    const moved = await ok(
      tm.manager.request("POST", `/api/service-requests/${r.id}/reassign`, { expertId: other.id }),
    );
    expect(moved).toMatchObject({ status: "assigned", expert: { id: other.id } });
    expect(moved.assignments.map((a: { response: string }) => a.response)).toEqual(["reassigned", "pending"]);
    expect(moved.assignments[1]).toMatchObject({ assignedBy: tm.manager.userId, reason: { manual: true } });
    expect(moved.events.at(-1).kind).toBe("reassigned");
    // The provider's agency officers may reassign too.
    await ok(dipOfficer.request("POST", `/api/service-requests/${r.id}/reassign`, { expertId: r.expert.id }));
    expect((await auditOf(r.id)).filter((a) => a.action === "service_request.reassign")).toHaveLength(2);
  });

  it("the firm withdraws before closure; a withdrawn request moves nowhere", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm);
    expect((await tm.experts[0]!.user.request("POST", `/api/service-requests/${r.id}/withdraw`, {})).statusCode).toBe(
      403,
    );
    const withdrawn = await ok(
      tm.member.request("POST", `/api/service-requests/${r.id}/withdraw`, { reason: "แก้ปัญหาได้แล้ว" }),
    );
    expect(withdrawn.status).toBe("withdrawn");
    expect((await tm.member.request("POST", `/api/service-requests/${r.id}/withdraw`, {})).statusCode).toBe(409);
    expect((await tm.experts[0]!.user.request("POST", `/api/service-requests/${r.id}/accept`)).statusCode).toBe(409);
  });
});

describe("#lists", () => {
  it("scopes the list per role and filters it", async () => {
    const tm = await team([{}]);
    const r = await fileFor(tm);
    const ids = async (as: Client, query = "") =>
      (await ok(as.request("GET", `/api/service-requests${query}`))).items.map((i: { id: number }) => i.id);
    expect(await ids(tm.member)).toContain(r.id);
    expect(await ids(otherMember)).not.toContain(r.id);
    expect(await ids(tm.experts[0]!.user)).toEqual([r.id]);
    expect(await ids(await signInAs(t, "expert"))).toEqual([]);
    expect(await ids(tm.manager)).toEqual([r.id]);
    expect(await ids(dipOfficer)).toContain(r.id);
    expect(await ids(mocOfficer)).not.toContain(r.id);
    expect(await ids(coordinator)).not.toContain(r.id);
    expect(await ids(admin)).toContain(r.id);
    expect((await t.anonymous.request("GET", "/api/service-requests")).statusCode).toBe(401);
    // The coordinator sees their cluster firm's requests.
    const mine = await ok(file(member, { enterpriseId: firmId, ...need, provinceCode: "96" }), 201);
    expect(await ids(coordinator)).toContain(mine.id);
    expect(await ids(admin, `?province=${tm.province}`)).toEqual([r.id]);
    expect(await ids(admin, `?provider=${tm.providerId}&status=assigned&field=logistics`)).toEqual([r.id]);
    expect(await ids(admin, `?provider=${tm.providerId}&status=closed`)).toEqual([]);
    const page = await ok(admin.request("GET", "/api/service-requests?pageSize=2&page=1"));
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(fieldErrors(await admin.request("GET", "/api/service-requests?status=lost"))).toEqual([
      "status:invalid_choice",
    ]);
  });
});
