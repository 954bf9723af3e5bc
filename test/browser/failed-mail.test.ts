import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { openDatabase } from "@sainam/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify } from "../../apps/server/src/notifications/notify.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, items, type TestUser } from "./pages/api.ts";
import { openAs } from "./pages/session.ts";

// Issue 13, point 6, for admins in Thai: a notification e-mail that exhausted its attempts is listed under
// "อีเมลที่ส่งไม่สำเร็จ" with the recipient masked, what it was about, the attempts, the last error and when; "ส่งอีกครั้ง"
// queues it again (audited) and it leaves the list. The mail is put straight in the server's embedded database, as
// the outbox leaves it after its last failed attempt (the harness's server sends no e-mail).
let h: Harness;
const officer: TestUser = { email: "somchai.failed@example.org", password: "officer-password-12", locale: "th" };
const SUBJECT = "[Sainam] เกินกำหนด: คำขอ SR2570-000777";

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const userId = await createUser(admin, officer, {
    role: "agency_officer",
    agencyId: await agencyId(h.baseUrl, "DIP"),
  });
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    const ctx = { database, mailer: null, now: Date.now, config: { publicUrl: undefined } };
    const { notificationIds } = await notify(ctx, {
      userIds: [userId],
      kind: "request_breach",
      entity: { type: "service_request", id: 777 },
      params: { code: "SR2570-000777" },
    });
    await database.db
      .insertInto("mail_outbox")
      .values({
        notification_id: notificationIds[0] ?? null,
        to_address: officer.email,
        subject: SUBJECT,
        body_text: "คำขอรับบริการ SR2570-000777 เกินกำหนดเวลาให้บริการ",
        status: "failed",
        attempts: 8,
        next_attempt_at: "2026-12-07T02:00:00.000Z",
        last_error: "ECONNREFUSED",
        created_at: "2026-12-06T02:00:00.000Z",
        last_attempt_at: "2026-12-07T02:00:00.000Z",
      })
      .execute();
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  await h?.close();
});

// axe-core on the page with its table (injected as an init script: the app's CSP refuses inline scripts).
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function seriousViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type Results = { violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }> };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Results> } }).axe;
    const results = await axe.run(document);
    return results.violations
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => `${v.id} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

describe("failed e-mail", () => {
  it("is listed to an admin in Thai with the recipient masked, and sent again on ส่งอีกครั้ง", async () => {
    const { context, page } = await openAs(h, "admin", "th");
    await context.addInitScript({ content: axeSource });
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "เมนูหลัก" });
    await nav.getByRole("button", { name: "ผู้ดูแลระบบ" }).click();
    await nav.getByRole("link", { name: "อีเมลที่ส่งไม่สำเร็จ" }).click();
    await page.waitForURL(/\/admin\/mail$/);
    await page.getByRole("heading", { level: 1, name: "อีเมลที่ส่งไม่สำเร็จ" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: SUBJECT });
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain("so•••@example.org");
    expect(text).not.toContain(officer.email);
    expect(text).toContain("คำขอรับบริการเกินกำหนดเวลาให้บริการ");
    expect(text).toContain("8");
    expect(text).toContain("ECONNREFUSED");
    // The last attempt at 09:00 in Bangkok, B.E.; the day it was queued under it.
    expect(text).toContain("7 ธ.ค. 2569");
    expect(text).toContain("เข้าคิวเมื่อ 6 ธ.ค. 2569");
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole("button", { name: `ส่งอีกครั้ง: ${SUBJECT}` }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "เข้าคิวส่งอีกครั้งแล้ว" }).count()).toBe(1);
    await expect.poll(() => page.getByText("ไม่มีอีเมลที่ส่งไม่สำเร็จ").count()).toBe(1);
    await context.close();

    const admin = await apiSession(h.baseUrl, ADMIN);
    const entries = items(await admin.get("/api/audit?entityType=mail"));
    expect(entries.map((e) => field(e, "action"))).toEqual(["mail.retry"]);
  });
});
