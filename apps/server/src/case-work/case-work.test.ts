import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { fiscalYearOf } from "@sainam/core";
import {
  agencyIds,
  createEnterprise,
  createProgramme,
  buildProgramme,
  ok,
  signInAs,
  type SignedIn,
} from "../test-support/factories.ts";
import {
  addProviderManager,
  createServiceExpert,
  createServiceProvider,
  insertServiceRequest,
} from "../test-support/request-factory.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";

// Case work on a request for help (issue 13, point 5): consultations and tasks per role, closure rules, the firm's
// rating (once, after closure, only the firm), and the claim the outcome becomes (once, the right programme and
// amount, then the ordinary verification).
let t: TestApp;
let admin: SignedIn;
let dipOfficer: SignedIn;
let mocOfficer: SignedIn;
let manager: SignedIn;
let expertUser: SignedIn;
let otherExpertUser: SignedIn;
let member: SignedIn;
let otherMember: SignedIn;
let firmId: number;
let providerId: number;
let expertId: number;
let programmeId: number;
let dip: number;

beforeAll(async () => {
  t = await createTestApp();
  ({ DIP: dip } = await agencyIds(t, "DIP"));
  const { MOC: moc } = await agencyIds(t, "MOC");
  admin = await signInAs(t, "admin");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: dip });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: moc });
  expertUser = await signInAs(t, "expert");
  otherExpertUser = await signInAs(t, "expert");
  manager = await signInAs(t, "expert");
  firmId = (await createEnterprise<{ id: number }>(admin)).id;
  const otherFirmId = (await createEnterprise<{ id: number }>(admin)).id;
  member = await signInAs(t, "member", { enterpriseId: firmId });
  otherMember = await signInAs(t, "member", { enterpriseId: otherFirmId });
  providerId = (await createServiceProvider(admin, { agencyId: dip })).id;
  expertId = (await createServiceExpert(admin, providerId, { userId: expertUser.userId })).id;
  await createServiceExpert(admin, providerId, { userId: otherExpertUser.userId });
  await addProviderManager(t.ctx.database.db, providerId, manager);
  programmeId = (await createProgramme<{ id: number }>(dipOfficer, buildProgramme({ agencyId: dip }))).id;
  await t.ctx.database.db
    .insertInto("programme_enterprises")
    .values({
      programme_id: programmeId,
      enterprise_id: firmId,
      fiscal_year: fiscalYearOf(new Date()),
      cluster_id: null,
    })
    .execute();
});
afterAll(async () => {
  await t.close();
});

const fieldErrors = (response: LightMyRequestResponse): string[] =>
  (response.json().error?.details ?? []).map((d: { path: string; code: string }) => `${d.path}:${d.code}`);

const accepted = (overrides: { programmeId?: number | null } = {}) =>
  insertServiceRequest(t.ctx.database.db, { enterpriseId: firmId, providerId, expertId, status: "accepted" }).then(
    async (id) => {
      if (overrides.programmeId)
        await t.ctx.database.db
          .updateTable("service_requests")
          .set({ programme_id: overrides.programmeId })
          .where("id", "=", id)
          .execute();
      return id;
    },
  );

const consultation = {
  heldOn: "2026-11-20",
  mode: "visit",
  hours: 2.5,
  advice: "จัดเส้นทางขนส่งใหม่",
  nextSteps: "ทดลองหนึ่งเดือน",
};

async function events(requestId: number) {
  return t.ctx.database.db
    .selectFrom("request_events")
    .select(["kind", "data_json"])
    .where("request_id", "=", requestId)
    .orderBy("id")
    .execute();
}

async function auditActions(entityType: string, entityId: number) {
  const rows = await t.ctx.database.db
    .selectFrom("audit_log")
    .select("action")
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();
  return rows.map((r) => r.action);
}

describe("#case work: consultations and tasks", () => {
  it("lets the accepted expert record, change and list consultations, audited and on the timeline", async () => {
    const id = await accepted();
    const created = await ok(
      expertUser.request("POST", `/api/service-requests/${id}/consultations`, consultation),
      201,
    );
    expect(created).toMatchObject({ requestId: id, expertId, heldOn: "2026-11-20", mode: "visit", hours: 2.5 });
    const changed = await ok(
      expertUser.request("PATCH", `/api/service-requests/${id}/consultations/${created.id}`, {
        hours: 3,
        mode: "phone",
      }),
    );
    expect(changed).toMatchObject({ hours: 3, mode: "phone", advice: consultation.advice });
    const work = await ok(member.request("GET", `/api/service-requests/${id}/case-work`));
    expect(work.consultations).toHaveLength(1);
    expect(work.can).toEqual({ work: false, tasks: false, close: false, rate: false, claim: false });
    expect((await events(id)).map((e) => e.kind)).toEqual(["consultation"]);
    expect(await auditActions("consultation", created.id)).toEqual(["consultation.create", "consultation.update"]);
  });

  it("lets managers, the provider's agency officers and admins record; refuses others", async () => {
    const id = await accepted();
    for (const who of [manager, dipOfficer, admin])
      await ok(who.request("POST", `/api/service-requests/${id}/consultations`, consultation), 201);
    // The firm reads but does not record; other experts and other agencies' officers do not even see it.
    expect((await member.request("POST", `/api/service-requests/${id}/consultations`, consultation)).statusCode).toBe(
      403,
    );
    for (const who of [otherExpertUser, mocOfficer, otherMember])
      expect((await who.request("POST", `/api/service-requests/${id}/consultations`, consultation)).statusCode).toBe(
        404,
      );
    expect((await t.anonymous.request("GET", `/api/service-requests/${id}/case-work`)).statusCode).toBe(401);
  });

  it("refuses the expert before acceptance and names bad fields", async () => {
    const assigned = await insertServiceRequest(t.ctx.database.db, { enterpriseId: firmId, providerId, expertId });
    expect(
      (await expertUser.request("POST", `/api/service-requests/${assigned}/consultations`, consultation)).statusCode,
    ).toBe(403);
    const id = await accepted();
    const bad = await expertUser.request("POST", `/api/service-requests/${id}/consultations`, {
      ...consultation,
      hours: 0,
      heldOn: "2569-11-20",
      mode: "fax",
      advice: " ",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      fieldErrors(bad)
        .map((e) => e.split(":")[0])
        .sort(),
    ).toEqual(["advice", "heldOn", "hours", "mode"]);
  });

  it("keeps follow-up tasks: add, mark done (also after closure), the firm sees them", async () => {
    const id = await accepted();
    const task = await ok(
      expertUser.request("POST", `/api/service-requests/${id}/tasks`, { title: "ส่งใบเสนอราคา", dueOn: "2026-12-15" }),
      201,
    );
    expect(task).toMatchObject({ title: "ส่งใบเสนอราคา", dueOn: "2026-12-15", done: false });
    const done = await ok(expertUser.request("PATCH", `/api/service-requests/${id}/tasks/${task.id}`, { done: true }));
    expect(done.done).toBe(true);
    const work = await ok(member.request("GET", `/api/service-requests/${id}/case-work`));
    expect(work.tasks.map((x: { title: string; done: boolean }) => [x.title, x.done])).toEqual([
      ["ส่งใบเสนอราคา", true],
    ]);
    expect((await events(id)).map((e) => e.kind)).toEqual(["task_added", "task_done"]);
    await ok(
      expertUser.request("POST", `/api/service-requests/${id}/close`, {
        outcomeKind: "sales",
        resultText: "ยอดขายเพิ่ม",
      }),
    );
    await ok(expertUser.request("PATCH", `/api/service-requests/${id}/tasks/${task.id}`, { done: false }));
    const late = await expertUser.request("POST", `/api/service-requests/${id}/tasks`, { title: "ใหม่" });
    expect(late.statusCode).toBe(409);
    expect(
      (await expertUser.request("PATCH", `/api/service-requests/${id}/tasks/${task.id}`, { title: "x" })).statusCode,
    ).toBe(409);
  });
});

describe("#case work: closure", () => {
  it("closes an accepted request with a result, stamped, audited and on the timeline", async () => {
    const id = await accepted();
    const work = await ok(
      expertUser.request("POST", `/api/service-requests/${id}/close`, {
        outcomeKind: "sales",
        amount: 150000,
        resultText: "ยอดขายเพิ่มขึ้นจากช่องทางออนไลน์",
      }),
    );
    expect(work.status).toBe("closed");
    expect(work.closure).toMatchObject({ outcomeKind: "sales", amount: 150000, closedBy: expertUser.userId });
    const row = await t.ctx.database.db
      .selectFrom("service_requests")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.closed_at).not.toBeNull();
    expect(row.closed_by).toBe(expertUser.userId);
    expect(await auditActions("service_request", id)).toEqual(["service_request.close"]);
    expect((await events(id)).map((e) => e.kind)).toEqual(["closed"]);
    // Closed is final: no second closure, no more consultations.
    expect(
      (await expertUser.request("POST", `/api/service-requests/${id}/close`, { outcomeKind: "sales", resultText: "x" }))
        .statusCode,
    ).toBe(409);
    expect(
      (await expertUser.request("POST", `/api/service-requests/${id}/consultations`, consultation)).statusCode,
    ).toBe(409);
  });

  it("closes only an accepted request (409 naming the status otherwise)", async () => {
    for (const status of ["unassigned", "assigned", "withdrawn"]) {
      const id = await insertServiceRequest(t.ctx.database.db, { enterpriseId: firmId, providerId, expertId, status });
      const response = await manager.request("POST", `/api/service-requests/${id}/close`, {
        outcomeKind: "jobs",
        resultText: "x",
      });
      expect(response.statusCode, status).toBe(409);
      expect(fieldErrors(response)).toEqual([":wrong_status"]);
    }
  });

  it("names bad closure fields, and a programme the firm is not in", async () => {
    const id = await accepted();
    const bad = await expertUser.request("POST", `/api/service-requests/${id}/close`, {
      outcomeKind: "gold",
      amount: -1,
      resultText: "",
    });
    expect(bad.statusCode).toBe(400);
    expect(
      fieldErrors(bad)
        .map((e) => e.split(":")[0])
        .sort(),
    ).toEqual(["amount", "outcomeKind", "resultText"]);
    const other = (await createProgramme<{ id: number }>(dipOfficer, buildProgramme({ agencyId: dip }))).id;
    const notIn = await expertUser.request("POST", `/api/service-requests/${id}/close`, {
      outcomeKind: "sales",
      resultText: "x",
      programmeId: other,
    });
    expect(notIn.statusCode).toBe(400);
    expect(fieldErrors(notIn)).toEqual(["programmeId:not_applicable"]);
  });
});

describe("#case work: the firm's rating", () => {
  it("lets the firm rate once after closure; the rating is final", async () => {
    const id = await accepted();
    const early = await member.request("POST", `/api/service-requests/${id}/rating`, { rating: 5 });
    expect(early.statusCode).toBe(409);
    await ok(
      expertUser.request("POST", `/api/service-requests/${id}/close`, {
        outcomeKind: "cost_reduction",
        resultText: "ลดต้นทุน",
      }),
    );
    expect((await ok(member.request("GET", `/api/service-requests/${id}/case-work`))).can.rate).toBe(true);
    const work = await ok(member.request("POST", `/api/service-requests/${id}/rating`, { rating: 4, comment: "ดีมาก" }));
    expect(work.rating).toMatchObject({ rating: 4, comment: "ดีมาก" });
    expect(work.can.rate).toBe(false);
    const again = await member.request("POST", `/api/service-requests/${id}/rating`, { rating: 5 });
    expect(again.statusCode).toBe(409);
    expect(fieldErrors(again)).toEqual(["rating:duplicate"]);
    expect((await events(id)).map((e) => e.kind)).toEqual(["closed", "rated"]);
    expect(await auditActions("service_request", id)).toEqual(["service_request.close", "service_request.rate"]);
  });

  it("refuses everyone but the firm, and ratings outside 1-5", async () => {
    const id = await accepted();
    await ok(
      expertUser.request("POST", `/api/service-requests/${id}/close`, { outcomeKind: "jobs", resultText: "จ้างงาน" }),
    );
    for (const who of [expertUser, manager, dipOfficer, admin])
      expect((await who.request("POST", `/api/service-requests/${id}/rating`, { rating: 5 })).statusCode).toBe(403);
    expect((await otherMember.request("POST", `/api/service-requests/${id}/rating`, { rating: 5 })).statusCode).toBe(
      404,
    );
    for (const rating of [0, 6, 4.5])
      expect(fieldErrors(await member.request("POST", `/api/service-requests/${id}/rating`, { rating }))[0]).toMatch(
        /^rating:/,
      );
  });
});

describe("#case work: the claim an outcome becomes", () => {
  it("records the outcome once as a claim of the request's programme, for the fiscal year of closure", async () => {
    const id = await accepted({ programmeId });
    await ok(
      expertUser.request("POST", `/api/service-requests/${id}/close`, {
        outcomeKind: "sales",
        amount: 150000,
        resultText: "ขายได้",
      }),
    );
    const { claim, caseWork } = await ok(expertUser.request("POST", `/api/service-requests/${id}/claim`, {}), 201);
    const code = caseWork.code as string;
    expect(claim).toMatchObject({
      programmeIds: [programmeId],
      enterpriseId: firmId,
      amount: 150000,
      method: "sales_increase",
      fiscalYear: fiscalYearOf(new Date()),
      verification: "claimed",
      createdBy: expertUser.userId,
    });
    expect(claim.evidenceNote).toContain(code);
    expect(caseWork.claim).toMatchObject({ id: claim.id, amount: 150000 });
    const again = await expertUser.request("POST", `/api/service-requests/${id}/claim`, {});
    expect(again.statusCode).toBe(409);
    expect(fieldErrors(again)).toEqual([":duplicate"]);
    const stored = await t.ctx.database.db
      .selectFrom("value_claims")
      .select("service_request_id")
      .where("id", "=", claim.id)
      .executeTakeFirstOrThrow();
    expect(stored.service_request_id).toBe(id);
    expect((await events(id)).map((e) => e.kind)).toEqual(["closed", "claimed"]);
    // The programme's agency verifies it as any other claim (not the one who recorded it).
    const verified = await ok(
      dipOfficer.request("POST", `/api/value-claims/${claim.id}/verification`, { decision: "verified" }),
    );
    expect(verified.verification).toBe("verified");
  });

  it("asks for a programme the firm is in when the request names none, and keeps it on the request", async () => {
    const id = await accepted();
    await ok(
      manager.request("POST", `/api/service-requests/${id}/close`, {
        outcomeKind: "investment",
        amount: 2_000_000,
        resultText: "ลงทุนเครื่องจักร",
      }),
    );
    const work = await ok(manager.request("GET", `/api/service-requests/${id}/case-work`));
    expect(work.programmeChoices.map((p: { id: number }) => p.id)).toContain(programmeId);
    expect(fieldErrors(await manager.request("POST", `/api/service-requests/${id}/claim`, {}))).toEqual([
      "programmeId:required",
    ]);
    const other = (await createProgramme<{ id: number }>(dipOfficer, buildProgramme({ agencyId: dip }))).id;
    expect(
      fieldErrors(await manager.request("POST", `/api/service-requests/${id}/claim`, { programmeId: other })),
    ).toEqual(["programmeId:not_applicable"]);
    const { claim, caseWork } = await ok(
      manager.request("POST", `/api/service-requests/${id}/claim`, { programmeId }),
      201,
    );
    expect(claim).toMatchObject({ programmeIds: [programmeId], amount: 2_000_000, method: "new_investment" });
    expect(caseWork.programme.id).toBe(programmeId);
  });

  it("refuses a claim without an amount, before closure, and from the firm", async () => {
    const open = await accepted({ programmeId });
    expect((await expertUser.request("POST", `/api/service-requests/${open}/claim`, {})).statusCode).toBe(409);
    await ok(
      expertUser.request("POST", `/api/service-requests/${open}/close`, {
        outcomeKind: "certifications",
        resultText: "ได้ อย.",
      }),
    );
    expect(fieldErrors(await expertUser.request("POST", `/api/service-requests/${open}/claim`, {}))).toEqual([
      "amount:required",
    ]);
    const withAmount = await accepted({ programmeId });
    await ok(
      expertUser.request("POST", `/api/service-requests/${withAmount}/close`, {
        outcomeKind: "new_products",
        amount: 5000,
        resultText: "สินค้าใหม่",
      }),
    );
    expect((await member.request("POST", `/api/service-requests/${withAmount}/claim`, {})).statusCode).toBe(403);
    const { claim } = await ok(expertUser.request("POST", `/api/service-requests/${withAmount}/claim`, {}), 201);
    expect(claim).toMatchObject({ method: "other", methodNote: "outcome: new_products" });
  });
});
