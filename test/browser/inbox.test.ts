import { bangkokDateOf, toBuddhistYear } from "@sainam/core";
import { openDatabase } from "@sainam/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify } from "../../apps/server/src/notifications/notify.ts";
import { startHarness, ADMIN, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { InboxPage } from "./pages/inbox.ts";
import { openAs } from "./pages/session.ts";

// Issue 13, point 6: every user's inbox. Notifications are made with `notify` straight on the server's embedded
// database (WAL lets both processes share it), as the request workflow will make them.
let h: Harness;
const expert: TestUser = { email: "inbox-expert@example.org", password: "inbox-expert-password", locale: "th" };

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const userId = await createUser(admin, expert, {
    role: "expert",
    agencyId: await agencyId(h.baseUrl, "DIP"),
    expertFields: ["logistics"],
  });
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    const ctx = { database, mailer: null, now: Date.now, config: { publicUrl: undefined } };
    await notify(ctx, {
      userIds: [userId],
      kind: "task_due",
      params: { title: "โทรติดตามผล", dueDate: "2026-12-10" },
    });
    await notify(ctx, {
      userIds: [userId],
      kind: "request_reminder",
      entity: { type: "service_request", id: 11 },
      params: { code: "SR-2569-0011", dueDate: "2026-12-09" },
    });
    await notify(ctx, {
      userIds: [userId],
      kind: "request_assigned",
      entity: { type: "service_request", id: 12 },
      params: { code: "SR-2569-0012", field: "logistics", firmName: "บริษัท ลำไยทอง จำกัด" },
    });
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  await h?.close();
});

describe("the inbox", () => {
  it("shows the unread count in the header, lists notifications in Thai, and opening one lowers the count", async () => {
    const { context, page } = await openAs(h, expert, "th", "/");
    const inbox = new InboxPage(page);
    await expect.poll(() => inbox.unreadOnBell()).toBe(3);
    expect(await inbox.bell().getAttribute("aria-label")).toBe("กล่องข้อความ ยังไม่อ่าน 3 รายการ");
    expect(await inbox.bell().innerText()).toContain("3");

    await inbox.bell().click();
    await page.waitForURL(/\/inbox$/);
    await page.getByRole("heading", { name: "กล่องข้อความ", level: 1 }).waitFor();
    await expect.poll(() => inbox.items().count()).toBe(3);
    // Newest first, each kind worded in Thai with what it is about; dates in B.E.
    const first = await inbox.items().first().innerText();
    expect(first).toContain("คุณได้รับมอบหมายคำขอรับบริการ");
    expect(first).toContain("คำขอ SR-2569-0012");
    expect(first).toContain("บริษัท ลำไยทอง จำกัด");
    expect(first).toContain("โลจิสติกส์");
    expect(first).toContain(String(toBuddhistYear(bangkokDateOf(new Date()).year)));
    expect(await inbox.item("โทรติดตามผล").innerText()).toContain("กำหนด 10 ธ.ค. 2569");

    // Opening a request's notification leads to the request and marks it read.
    await inbox.open("SR-2569-0012", "คุณได้รับมอบหมายคำขอรับบริการ");
    await page.waitForURL(/\/requests\/12$/);
    await expect.poll(() => inbox.unreadOnBell()).toBe(2);
    expect(await inbox.bell().getAttribute("aria-label")).toBe("กล่องข้อความ ยังไม่อ่าน 2 รายการ");

    // A notification with nothing to open is marked read by its button; then all of them at once.
    await inbox.bell().click();
    await page.waitForURL(/\/inbox$/);
    await inbox.markRead("โทรติดตามผล");
    await expect.poll(() => inbox.unreadOnBell()).toBe(1);
    await page.getByLabel("แสดงเฉพาะที่ยังไม่อ่าน").check();
    await expect.poll(() => inbox.items().count()).toBe(1);
    await inbox.markAllRead();
    await expect.poll(() => inbox.unreadOnBell()).toBe(0);
    await page.getByText("อ่านการแจ้งเตือนครบทุกรายการแล้ว").waitFor();
    expect(await inbox.bell().getAttribute("aria-label")).toBe("กล่องข้อความ");
    await context.close();
  });
});
