import { mailOutbox } from "@sainam/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDueJobs } from "../jobs/job-runner.ts";
import { ok, signInAs } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { startSmtpTestServer, type SmtpTestServer } from "../test-support/smtp-test-server.ts";
import { MAX_MAIL_ATTEMPTS, sendDueMail } from "./mail-outbox.ts";
import { notify } from "./notify.ts";

// Issue 13, point 6: e-mail queued in the database and sent through a real SMTP server, retried, never lost.

const START = Date.parse("2026-12-07T03:00:00.000Z");
const minutes = (n: number) => new Date(clock + n * 60_000);

let clock = START;
let t: TestApp;
let smtp: SmtpTestServer;
let thai: { id: number; email: string };
let english: { id: number; email: string };
let inactive: { id: number; email: string };

async function outboxRows() {
  return t.ctx.database.db.selectFrom("mail_outbox").selectAll().orderBy("id").execute();
}

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await createTestApp(
    {
      SMTP_URL: smtp.url,
      MAIL_FROM: "Sainam <no-reply@sainam.test>",
      SAINAM_PUBLIC_URL: "https://sainam.example.go.th/",
    },
    { examples: "never", now: () => clock },
  );
  thai = await t.addUser({
    email: "thai-officer@example.org",
    displayName: "ไทย",
    role: "agency_officer",
    agencyId: 1,
  });
  english = await t.addUser({
    email: "english-officer@example.org",
    displayName: "English",
    role: "agency_officer",
    agencyId: 1,
    locale: "en",
  });
  inactive = await t.addUser({ email: "gone@example.org", displayName: "Gone", role: "agency_officer", agencyId: 1 });
  await t.ctx.database.db.updateTable("users").set({ active: 0 }).where("id", "=", inactive.id).execute();
});

afterAll(async () => {
  await t.close();
  await smtp.close();
});

beforeEach(async () => {
  // Each test starts with an empty outbox and mailbox, an hour after the last.
  await t.ctx.database.db.deleteFrom("mail_outbox").execute();
  smtp.received.length = 0;
  clock += 3_600_000;
});

describe("notify with SMTP_URL set", () => {
  it("queues one mail per active recipient in their language, and the outbox job sends it over SMTP", async () => {
    const result = await notify(t.ctx, {
      userIds: [thai.id, english.id, inactive.id, thai.id],
      kind: "request_assigned",
      entity: { type: "service_request", id: 7 },
      params: { code: "SR-2569-0007", firmName: "บริษัท ลำไยทอง จำกัด" },
    });
    expect(result.notificationIds).toHaveLength(2);
    expect(result.mailQueued).toBe(2);
    expect((await outboxRows()).map((row) => row.status)).toEqual(["queued", "queued"]);

    await runDueJobs(t.ctx, minutes(0));

    expect((await outboxRows()).map((row) => row.status)).toEqual(["sent", "sent"]);
    const byRecipient = new Map(smtp.received.map((mail) => [mail.to.join(","), mail]));
    expect([...byRecipient.keys()].sort()).toEqual([english.email, thai.email].sort());
    const toThai = byRecipient.get(thai.email);
    expect(toThai?.from).toBe("no-reply@sainam.test");
    expect(toThai?.subject).toBe("[Sainam] ได้รับมอบหมายคำขอ SR-2569-0007");
    expect(toThai?.text).toContain("บริษัท ลำไยทอง จำกัด");
    expect(toThai?.text).toMatch(/2569/);
    expect(byRecipient.get(english.email)?.subject).toBe("[Sainam] Request SR-2569-0007 assigned to you");
  });

  it("retries a mail the server refused for now, later, and sends it", async () => {
    smtp.refuseNext(1, 451);
    await notify(t.ctx, { userIds: [english.id], kind: "request_breach", params: { code: "SR-1" } });

    expect(await sendDueMail(t.ctx, minutes(0))).toEqual({ sent: 0, failed: 0 });
    const [waiting] = await outboxRows();
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, last_error: "EMESSAGE smtp 451" });
    expect(waiting?.last_error).not.toContain("@");
    expect(smtp.received).toHaveLength(0);

    // Not before its backoff (a minute after the first failure) …
    expect(await sendDueMail(t.ctx, minutes(0.5))).toEqual({ sent: 0, failed: 0 });
    // … then sent.
    expect(await sendDueMail(t.ctx, minutes(1))).toEqual({ sent: 1, failed: 0 });
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    expect(smtp.received.map((mail) => mail.subject)).toEqual(["[Sainam] Overdue: request SR-1"]);
  });

  it("marks a mail failed after the last attempt, and at once when the server refuses it for good", async () => {
    await notify(t.ctx, { userIds: [english.id], kind: "request_closed", params: { code: "SR-2" } });
    smtp.refuseNext(MAX_MAIL_ATTEMPTS, 451);
    let failed = 0;
    for (let attempt = 0; attempt < MAX_MAIL_ATTEMPTS; attempt += 1) {
      clock += 5 * 3_600_000; // well past any backoff
      failed += (await sendDueMail(t.ctx, minutes(0))).failed;
    }
    expect(failed).toBe(1);
    expect((await outboxRows())[0]).toMatchObject({ status: "failed", attempts: MAX_MAIL_ATTEMPTS });
    clock += 5 * 3_600_000;
    expect(await sendDueMail(t.ctx, minutes(0))).toEqual({ sent: 0, failed: 0 });

    await t.ctx.database.db.deleteFrom("mail_outbox").execute();
    smtp.refuseNext(1, 550);
    await notify(t.ctx, { userIds: [english.id], kind: "request_closed", params: { code: "SR-3" } });
    expect(await sendDueMail(t.ctx, minutes(0))).toEqual({ sent: 0, failed: 1 });
    expect((await outboxRows())[0]).toMatchObject({ status: "failed", attempts: 1, last_error: "EMESSAGE smtp 550" });
  });

  it("sends a mail left in `sending` by a sender that died, once its lock ran out", async () => {
    await notify(t.ctx, {
      userIds: [thai.id],
      kind: "request_reminder",
      params: { code: "SR-4", dueDate: "2026-12-10" },
    });
    const [row] = await outboxRows();
    if (!row) throw new Error("no mail queued");
    // A sender claims the mail, then its process stops before sending.
    const claimed = await mailOutbox.claim(
      t.ctx.database.db,
      row.id,
      minutes(0).toISOString(),
      minutes(5).toISOString(),
    );
    expect(claimed?.status).toBe("sending");

    expect(await sendDueMail(t.ctx, minutes(1))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await sendDueMail(t.ctx, minutes(6))).toEqual({ sent: 1, failed: 0 });
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(smtp.received[0]?.text).toContain("10 ธันวาคม 2569");
  });

  it("sends each mail once when two senders run at the same moment", async () => {
    await notify(t.ctx, { userIds: [thai.id, english.id], kind: "request_new", params: { code: "SR-5" } });
    await notify(t.ctx, { userIds: [thai.id], kind: "request_rated", params: { code: "SR-5", rating: 5 } });
    const [first, second] = await Promise.all([sendDueMail(t.ctx, minutes(0)), sendDueMail(t.ctx, minutes(0))]);
    expect(first.sent + second.sent).toBe(3);
    expect(smtp.received).toHaveLength(3);
    expect((await outboxRows()).every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });
});

describe("failed mail for admins", () => {
  it("lists mail that gave up to an admin, recipient masked, and sends it again on retry, audited", async () => {
    smtp.refuseNext(1, 550);
    await notify(t.ctx, {
      userIds: [thai.id],
      kind: "request_breach",
      entity: { type: "service_request", id: 5 },
      params: { code: "SR-5" },
    });
    expect(await sendDueMail(t.ctx, minutes(0))).toEqual({ sent: 0, failed: 1 });
    const admin = await signInAs(t, "admin");
    const officer = await signInAs(t, "agency_officer", { agencyId: 1 });

    const page = await ok(admin.request("GET", "/api/mail/failed"));
    expect(page.total).toBe(1);
    expect(page.items).toEqual([
      {
        id: expect.any(Number),
        recipient: "th•••@example.org",
        kind: "request_breach",
        subject: "[Sainam] เกินกำหนด: คำขอ SR-5",
        attempts: 1,
        lastError: "EMESSAGE smtp 550",
        createdAt: minutes(0).toISOString(),
        lastAttemptAt: minutes(0).toISOString(),
      },
    ]);
    expect(JSON.stringify(page)).not.toContain(thai.email);
    expect((await officer.request("GET", "/api/mail/failed")).statusCode).toBe(403);
    expect((await t.anonymous.request("GET", "/api/mail/failed")).statusCode).toBe(401);

    const id: number = page.items[0].id;
    expect((await officer.request("POST", `/api/mail/${id}/retry`)).statusCode).toBe(403);
    expect(await ok(admin.request("POST", `/api/mail/${id}/retry`))).toEqual({ id, status: "queued" });
    expect((await admin.request("POST", `/api/mail/${id}/retry`)).statusCode).toBe(409);
    expect((await admin.request("POST", "/api/mail/999999/retry")).statusCode).toBe(404);
    const [entry] = await t.ctx.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "mail.retry")
      .where("entity_id", "=", String(id))
      .execute();
    expect(entry?.actor_user_id).toBe(admin.userId);
    expect(JSON.parse(entry?.before_json ?? "{}")).toEqual({
      status: "failed",
      attempts: 1,
      lastError: "EMESSAGE smtp 550",
    });
    expect(`${entry?.before_json}${entry?.after_json}`).not.toContain("@");

    expect((await ok(admin.request("GET", "/api/mail/failed"))).items).toEqual([]);
    expect(await sendDueMail(t.ctx, minutes(1))).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((mail) => mail.to.join(","))).toEqual([thai.email]);
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("links in e-mail", () => {
  it("links each mail to the page it is about under SAINAM_PUBLIC_URL, or to the inbox when it has none", async () => {
    await notify(t.ctx, {
      userIds: [thai.id],
      kind: "request_assigned",
      entity: { type: "service_request", id: 42 },
      params: { code: "SR-42" },
    });
    await notify(t.ctx, { userIds: [english.id], kind: "deal_follow_up_due", entity: { type: "deal", id: 9 } });
    await notify(t.ctx, { userIds: [english.id], kind: "task_due", entity: { type: "task", id: 3 } });
    await sendDueMail(t.ctx, minutes(0));
    const texts = smtp.received.map((mail) => mail.text);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("ดูรายละเอียดได้ที่ https://sainam.example.go.th/requests/42\n");
    expect(texts[1]).toContain("See the details at https://sainam.example.go.th/deals/9\n");
    expect(texts[2]).toContain("See the details at https://sainam.example.go.th/inbox\n");
  });

  it("gives no link when SAINAM_PUBLIC_URL is unset, rather than a wrong one", async () => {
    const unlinked = await createTestApp({ SMTP_URL: smtp.url }, { examples: "never", now: () => clock });
    try {
      const user = await unlinked.addUser({
        email: "no-link@example.org",
        displayName: "ไม่มีลิงก์",
        role: "agency_officer",
        agencyId: 1,
      });
      await notify(unlinked.ctx, {
        userIds: [user.id],
        kind: "request_assigned",
        entity: { type: "service_request", id: 42 },
        params: { code: "SR-42" },
      });
      expect(await sendDueMail(unlinked.ctx, minutes(0))).toEqual({ sent: 1, failed: 0 });
      const [mail] = smtp.received;
      expect(mail?.to).toEqual(["no-link@example.org"]);
      expect(mail?.text).toContain("เข้าสู่ระบบ Sainam เพื่อดูรายละเอียดในกล่องข้อความ");
      expect(mail?.text).not.toMatch(/https?:\/\//);
    } finally {
      await unlinked.close();
    }
  });
});

describe("notify without SMTP_URL", () => {
  it("fills the inbox and queues no mail", async () => {
    const plain = await createTestApp();
    try {
      const user = await plain.addUser({
        email: "x@example.org",
        displayName: "X",
        role: "agency_officer",
        agencyId: 1,
      });
      const result = await notify(plain.ctx, { userIds: [user.id], kind: "task_due", params: { title: "โทรหา" } });
      expect(result).toMatchObject({ mailQueued: 0 });
      expect(result.notificationIds).toHaveLength(1);
      const mail = await plain.ctx.database.db.selectFrom("mail_outbox").selectAll().execute();
      expect(mail).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
