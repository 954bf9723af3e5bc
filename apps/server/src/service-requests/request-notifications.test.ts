import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyIds, createEnterprise, ok, signInAs, type SignedIn } from "../test-support/factories.ts";
import { addProviderManager, createServiceExpert, createServiceProvider } from "../test-support/request-factory.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { runDueJobs } from "../jobs/job-runner.ts";
import { notifyRequestEvents, notifyTaskDue } from "./request-notifications.ts";

// Who is told what when a request moves (issue 13, point 6): request events become inbox notifications once each.
let t: TestApp;
let admin: SignedIn;
let dip: number;

beforeAll(async () => {
  t = await createTestApp();
  ({ DIP: dip } = await agencyIds(t, "DIP"));
  admin = await signInAs(t, "admin");
});
afterAll(async () => {
  await t.close();
});

async function inboxOf(user: SignedIn) {
  return t.ctx.database.db
    .selectFrom("notifications")
    .select(["kind", "entity_type", "entity_id", "params_json"])
    .where("user_id", "=", user.userId)
    .orderBy("id")
    .execute();
}

const tell = () => notifyRequestEvents(t.ctx, new Date());

async function setting(province: string, expertCount: number) {
  const firm = await createEnterprise(admin, { provinceCode: province });
  const member = await signInAs(t, "member", { enterpriseId: firm.id });
  const provider = await createServiceProvider(admin, {
    agencyId: dip,
    provinceCodes: [province],
    services: ["logistics"],
  });
  const manager = await signInAs(t, "agency_officer", { agencyId: dip });
  await addProviderManager(t.ctx.database.db, provider.id, manager);
  const experts: SignedIn[] = [];
  for (let i = 0; i < expertCount; i++) {
    const user = await signInAs(t, "expert");
    await createServiceExpert(admin, provider.id, { userId: user.userId, capacity: 5 });
    experts.push(user);
  }
  const request = await ok(
    member.request("POST", "/api/service-requests", {
      enterpriseId: firm.id,
      field: "logistics",
      needText: "ต้องการวางแผนขนส่งสินค้า",
      mode: "phone",
      consent: true,
    }),
    201,
  );
  return { firm, member, manager, experts, request: request as { id: number; code: string } };
}

describe("#request notifications", () => {
  it("tells the expert a request was offered and the provider's managers a request arrived, once", async () => {
    const s = await setting("70", 1);
    await tell();
    const expertInbox = await inboxOf(s.experts[0]!);
    expect(expertInbox.map((n) => n.kind)).toEqual(["request_assigned"]);
    expect(expertInbox[0]).toMatchObject({ entity_type: "service_request", entity_id: s.request.id });
    const params = JSON.parse(expertInbox[0]!.params_json) as Record<string, unknown>;
    expect(params).toMatchObject({ code: s.request.code, field: "logistics" });
    expect(typeof params.dueDate).toBe("string");
    expect((await inboxOf(s.manager)).map((n) => n.kind)).toEqual(["request_new"]);
    expect(await inboxOf(s.member)).toEqual([]);
    // Told once: a second run finds nothing new.
    expect(await tell()).toBe(0);
    expect(await inboxOf(s.experts[0]!)).toHaveLength(1);
  });

  it("a decline tells the managers and the next expert it moves to", async () => {
    const s = await setting("71", 2);
    await tell();
    const offered = (await inboxOf(s.experts[0]!)).length === 1 ? s.experts[0]! : s.experts[1]!;
    const other = offered === s.experts[0] ? s.experts[1]! : s.experts[0]!;
    await ok(offered.request("POST", `/api/service-requests/${s.request.id}/decline`, { reason: "ไม่ว่างช่วงนี้" }));
    await tell();
    expect((await inboxOf(s.manager)).map((n) => n.kind)).toEqual(["request_new", "request_declined"]);
    expect((await inboxOf(other)).map((n) => n.kind)).toEqual(["request_assigned"]);
  });

  it("closure tells the firm, the rating tells the expert and the managers", async () => {
    const s = await setting("72", 1);
    const expert = s.experts[0]!;
    await ok(expert.request("POST", `/api/service-requests/${s.request.id}/accept`));
    await ok(
      expert.request("POST", `/api/service-requests/${s.request.id}/close`, {
        outcomeKind: "cost_reduction",
        resultText: "ลดต้นทุนขนส่ง",
      }),
    );
    await tell();
    expect((await inboxOf(s.member)).map((n) => n.kind)).toEqual(["request_closed"]);
    await ok(s.member.request("POST", `/api/service-requests/${s.request.id}/rating`, { rating: 4, comment: "ดีมาก" }));
    await tell();
    const rated = (await inboxOf(expert)).filter((n) => n.kind === "request_rated");
    expect(rated).toHaveLength(1);
    expect(JSON.parse(rated[0]!.params_json)).toMatchObject({ rating: 4 });
    expect((await inboxOf(s.manager)).map((n) => n.kind)).toContain("request_rated");
  });

  it("a follow-up task still open on its due day is told to the expert and the firm; a done one is not", async () => {
    const s = await setting("73", 1);
    const expert = s.experts[0]!;
    await ok(expert.request("POST", `/api/service-requests/${s.request.id}/accept`));
    const open = await ok<{ id: number }>(
      expert.request("POST", `/api/service-requests/${s.request.id}/tasks`, {
        title: "ส่งแผนขนส่ง",
        dueOn: "2027-01-06",
      }),
      201,
    );
    const done = await ok<{ id: number }>(
      expert.request("POST", `/api/service-requests/${s.request.id}/tasks`, {
        title: "โทรนัดหมาย",
        dueOn: "2027-01-06",
      }),
      201,
    );
    await ok(expert.request("PATCH", `/api/service-requests/${s.request.id}/tasks/${done.id}`, { done: true }));
    await tell();
    const jobs = await t.ctx.database.db
      .selectFrom("scheduled_jobs")
      .select(["key", "run_at"])
      .where("name", "=", "task-due")
      .where("key", "in", [`task-due:${open.id}`, `task-due:${done.id}`])
      .execute();
    // 08:00 in Bangkok on the due day.
    expect(jobs.map((j) => j.run_at).sort()).toEqual(["2027-01-06T01:00:00.000Z", "2027-01-06T01:00:00.000Z"]);
    // Nothing before the day; on the day the open task is told.
    await runDueJobs(t.ctx, new Date("2027-01-05T12:00:00.000Z"));
    expect((await inboxOf(s.member)).filter((n) => n.kind === "task_due")).toHaveLength(0);
    await runDueJobs(t.ctx, new Date("2027-01-06T02:00:00.000Z"));
    const due = (await inboxOf(s.member)).filter((n) => n.kind === "task_due");
    expect(due).toHaveLength(1);
    expect(JSON.parse(due[0]!.params_json)).toMatchObject({ title: "ส่งแผนขนส่ง", dueDate: "2027-01-06" });
    expect((await inboxOf(expert)).filter((n) => n.kind === "task_due")).toHaveLength(1);
    expect(await notifyTaskDue(t.ctx, done.id)).toBe(false);
  });

  it("a request nobody can take is told to the admins when it reached no provider", async () => {
    const firm = await createEnterprise(admin, { provinceCode: "74" });
    const member = await signInAs(t, "member", { enterpriseId: firm.id });
    await tell();
    const before = (await inboxOf(admin)).length;
    const request = await ok<{ id: number; status: string }>(
      member.request("POST", "/api/service-requests", {
        enterpriseId: firm.id,
        field: "business_law",
        needText: "ต้องการคำปรึกษาสัญญาจ้างผลิต",
        mode: "online",
        consent: false,
      }),
      201,
    );
    expect(request.status).toBe("unassigned");
    await tell();
    const told = (await inboxOf(admin)).slice(before);
    expect(told.map((n) => n.kind)).toEqual(["request_new"]);
    expect(told[0]!.entity_id).toBe(request.id);
  });
});
