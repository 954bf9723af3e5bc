import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { agencyIds, signInAs, type SignedIn } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { runDueJobs } from "../jobs/job-runner.ts";
import { checkServiceLevels } from "./check-service-levels.ts";
import { requestFactory, type RequestFactory } from "./request-factory.ts";

// Service levels on the Thai calendar (issue 13, point 4): warnings a working day ahead and breaches once the due
// working day has passed, counted over weekends and the seeded 2026-2027 public holidays, each flagged once.
let t: TestApp;
let f: RequestFactory;
let admin: SignedIn;
let expertUser: SignedIn;
let managerUser: SignedIn;
let providerId: number;
let expertId: number;
let enterpriseId: number;

/** An instant at a Bangkok wall-clock time (UTC+7). */
const bangkok = (date: string, time = "09:00") => new Date(`${date}T${time}:00+07:00`);

beforeAll(async () => {
  t = await createTestApp();
  f = requestFactory(t.ctx.database);
  const { DIP } = await agencyIds(t, "DIP");
  admin = await signInAs(t, "admin");
  expertUser = await signInAs(t, "expert");
  managerUser = await signInAs(t, "agency_officer", { agencyId: DIP });
  providerId = await f.provider({ agencyId: DIP });
  expertId = await f.expert(providerId, expertUser.userId);
  await f.manager(providerId, managerUser.userId);
  enterpriseId = await f.enterprise(admin);
});
afterAll(async () => {
  await t.close();
});
// Every test sets up its own open requests; those of earlier tests are withdrawn so a run sees only the new ones.
beforeEach(async () => {
  await t.ctx.database.db
    .updateTable("service_requests")
    .set({ status: "withdrawn" })
    .where("status", "not in", ["closed", "withdrawn"])
    .execute();
});

const open = (fields: { response_due_on?: string; closure_due_on?: string; first_response_at?: string }) =>
  f.request({ enterprise_id: enterpriseId, provider_id: providerId, expert_id: expertId, ...fields });

const flagged = async (now: Date) =>
  (await checkServiceLevels(t.ctx.database.db, now)).map((flag) => `${flag.requestId}:${flag.kind}`).sort();

describe("#service levels", () => {
  it("warns the expert a working day ahead across Songkran (13-15 April)", async () => {
    // Monday 12 April 2027: the next working day is Friday 16th, Tuesday-Thursday being Songkran.
    const dueFriday = await open({ response_due_on: "2027-04-16" });
    const dueMonday = await open({ response_due_on: "2027-04-19" });
    const flags = await checkServiceLevels(t.ctx.database.db, bangkok("2027-04-12"));
    expect(flags).toEqual([
      {
        requestId: dueFriday,
        code: expect.stringMatching(/^SR2570-/),
        kind: "response_warning",
        dueOn: "2027-04-16",
        providerId,
        expertUserId: expertUser.userId,
        managerUserIds: [managerUser.userId],
        recipientUserIds: [expertUser.userId],
      },
    ]);
    expect(flags.map((x) => x.requestId)).not.toContain(dueMonday);
  });

  it("counts New Year's Eve and Day and the weekend after as days off", async () => {
    // Wednesday 30 Dec 2026: 31 Dec and 1 Jan are holidays, then a weekend; the next working day is 4 Jan.
    const newYear = await open({ response_due_on: "2027-01-04" });
    const afterNewYear = await open({ response_due_on: "2027-01-05" });
    expect(await flagged(bangkok("2026-12-30"))).toEqual([`${newYear}:response_warning`]);
    expect(afterNewYear).toBeGreaterThan(newYear);
  });

  it("counts a substitution day as a day off", async () => {
    // Friday 4 Dec 2026: the weekend, then Monday 7 Dec (substitution for National Day): next working day 8 Dec.
    const substitution = await open({ closure_due_on: "2026-12-08" });
    const later = await open({ closure_due_on: "2026-12-09" });
    expect(await flagged(bangkok("2026-12-04"))).toEqual([`${substitution}:closure_warning`]);
    expect(later).toBeGreaterThan(substitution);
  });

  it("counts a plain weekend", async () => {
    // Friday 5 March 2027: Monday the 8th is a working day after a plain weekend.
    const monday = await open({ response_due_on: "2027-03-08" });
    await open({ response_due_on: "2027-03-09" });
    expect(await flagged(bangkok("2027-03-05"))).toEqual([`${monday}:response_warning`]);
  });

  it("escalates a breach to the provider's managers once the due working day has passed, across the fiscal-year end", async () => {
    // Due Thursday 30 Sep 2027, the last day of FY2027: warned that day, breached on Friday 1 Oct (FY2028).
    const id = await open({ response_due_on: "2027-09-30", closure_due_on: "2027-10-01" });
    expect(await flagged(bangkok("2027-09-30", "16:59"))).toEqual([`${id}:closure_warning`, `${id}:response_warning`]);
    // 00:30 on 1 October in Bangkok is still 30 September in UTC: the clock reads the Bangkok date.
    const flags = await checkServiceLevels(t.ctx.database.db, new Date("2027-09-30T17:30:00Z"));
    expect(flags).toEqual([
      expect.objectContaining({
        requestId: id,
        kind: "response_breach",
        dueOn: "2027-09-30",
        recipientUserIds: [managerUser.userId],
      }),
    ]);
    // Monday 4 Oct: closure due Friday 1 Oct has passed too.
    expect(await flagged(bangkok("2027-10-04"))).toEqual([`${id}:closure_breach`]);
    const events = await t.ctx.database.db
      .selectFrom("request_events")
      .select(["kind", "actor_user_id", "data_json"])
      .where("request_id", "=", id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.kind)).toEqual([
      "response_warning",
      "closure_warning",
      "response_breach",
      "closure_breach",
    ]);
    expect(events[2]).toEqual({ kind: "response_breach", actor_user_id: null, data_json: '{"dueOn":"2027-09-30"}' });
    const stamps = await t.ctx.database.db
      .selectFrom("service_requests")
      .select(["response_warned_at", "response_breached_at", "closure_warned_at", "closure_breached_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stamps).toEqual({
      response_warned_at: "2027-09-30T09:59:00.000Z",
      response_breached_at: "2027-09-30T17:30:00.000Z",
      closure_warned_at: "2027-09-30T09:59:00.000Z",
      closure_breached_at: "2027-10-04T02:00:00.000Z",
    });
  });

  it("flags a request once however often, or however concurrently, it runs", async () => {
    const ids = [
      await open({ response_due_on: "2027-03-01" }),
      await open({ response_due_on: "2027-03-02" }),
      await open({ closure_due_on: "2027-02-26" }),
    ];
    const now = bangkok("2027-03-02");
    const runs = await Promise.all([0, 1, 2].map(() => checkServiceLevels(t.ctx.database.db, now)));
    const all = runs.flat().map((x) => `${x.requestId}:${x.kind}`);
    expect(all.sort()).toEqual(
      [`${ids[0]}:response_breach`, `${ids[1]}:response_warning`, `${ids[2]}:closure_breach`].sort(),
    );
    expect(await checkServiceLevels(t.ctx.database.db, now)).toEqual([]);
    const events = await t.ctx.database.db
      .selectFrom("request_events")
      .select("request_id")
      .where("request_id", "in", ids)
      .execute();
    expect(events).toHaveLength(3);
  });

  it("ignores closed and withdrawn requests, answered responses and requests with no clock", async () => {
    await open({ response_due_on: "2027-03-01", closure_due_on: "2027-03-01" }).then((id) =>
      t.ctx.database.db.updateTable("service_requests").set({ status: "closed" }).where("id", "=", id).execute(),
    );
    await f.request({ enterprise_id: enterpriseId, status: "withdrawn", response_due_on: "2027-03-01" });
    await f.request({ enterprise_id: enterpriseId, status: "unassigned" });
    const answered = await open({
      response_due_on: "2027-03-01",
      closure_due_on: "2027-03-30",
      first_response_at: "2027-02-26T03:00:00.000Z",
    });
    expect(await flagged(bangkok("2027-03-05"))).toEqual([]);
    // Its closure is still timed.
    expect(await flagged(bangkok("2027-03-29"))).toEqual([`${answered}:closure_warning`]);
  });

  it("warns the managers when the expert has no user to tell", async () => {
    const unlinked = await f.expert(providerId, null);
    const id = await f.request({
      enterprise_id: enterpriseId,
      provider_id: providerId,
      expert_id: unlinked,
      response_due_on: "2027-03-02",
    });
    const [flag] = await checkServiceLevels(t.ctx.database.db, bangkok("2027-03-02"));
    expect(flag).toMatchObject({ requestId: id, expertUserId: null, recipientUserIds: [managerUser.userId] });
  });

  it("runs as a scheduled job that notifies the expert of a warning and the managers of a breach, once", async () => {
    const warned = await open({ response_due_on: "2027-03-03" });
    const breached = await open({ closure_due_on: "2027-03-01" });
    const now = bangkok("2027-03-02");
    await t.ctx.database.db.deleteFrom("scheduled_jobs").where("name", "=", "service-levels").execute();
    expect(await runDueJobs(t.ctx, now)).toContain("every:service-levels");
    // The next period finds nothing new to tell.
    await runDueJobs(t.ctx, new Date(now.getTime() + 20 * 60_000));
    const told = await t.ctx.database.db
      .selectFrom("notifications")
      .select(["user_id", "kind", "entity_id", "params_json"])
      .where("entity_type", "=", "service_request")
      .where("entity_id", "in", [warned, breached])
      .orderBy("id")
      .execute();
    expect(told).toEqual([
      {
        user_id: expertUser.userId,
        kind: "request_reminder",
        entity_id: warned,
        params_json: expect.stringContaining('"dueDate":"2027-03-03"'),
      },
      {
        user_id: managerUser.userId,
        kind: "request_breach",
        entity_id: breached,
        params_json: expect.stringContaining('"dueDate":"2027-03-01"'),
      },
    ]);
  });
});
