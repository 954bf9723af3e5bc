import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, items, publicGet, type TestUser } from "./pages/api.ts";
import { ApprovalQueuePage } from "./pages/approval-queue.ts";
import { statusText } from "./pages/common.ts";
import { openAs } from "./pages/session.ts";
import { ValueEntryPage } from "./pages/value-entry.ts";

// The journey of issue 12 in Thai: an officer of the Chiang Mai Provincial Commerce Office enters Chiang Mai's
// value of the Ministry of Commerce plan, and a colleague in the same office approves it; where the plan asks for
// two levels, the office's parent approves the second.

let h: Harness;
let planId: number;
let indicatorId: string;
const entering = {
  email: "cm-entry@example.org",
  password: "cm-entry-password-1",
  displayName: "สมชาย ใจดี",
  locale: "th",
} satisfies TestUser;
const colleague = {
  email: "cm-review@example.org",
  password: "cm-review-password-1",
  displayName: "มาลี รักงาน",
  locale: "th",
} satisfies TestUser;
const parentOffice = {
  email: "pco-review@example.org",
  password: "pco-review-password-1",
  displayName: "ประเสริฐ มั่นคง",
  locale: "th",
} satisfies TestUser;

/** The id of the indicator with this code anywhere in a plan tree (indicators carry `nameEn`; nodes `titleEn`). */
function indicatorIdOf(tree: unknown, code: string): number | null {
  if (Array.isArray(tree)) {
    for (const item of tree) {
      const found = indicatorIdOf(item, code);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof tree !== "object" || tree === null) return null;
  if (field(tree, "code") === code && field(tree, "nameEn") !== undefined) return Number(field(tree, "id"));
  for (const value of Object.values(tree)) {
    const found = indicatorIdOf(value, code);
    if (found !== null) return found;
  }
  return null;
}

/** The admin asks the plan for two approval levels on the plan's page, in Thai. */
async function askForTwoLevels(): Promise<void> {
  const { context, page } = await openAs(h, "admin", "th", `/plans/${planId}`);
  const settings = page.getByRole("form", { name: "สถานะ การเผยแพร่ และช่วงเวลาของแผน" });
  await settings.getByLabel("การอนุมัติค่าตัวชี้วัด").selectOption("2");
  await settings.getByRole("button", { name: "บันทึก" }).click();
  // Saved, the form shows the plan as stored (it is drawn afresh from the saved plan).
  await expect.poll(async () => field(await publicGet(h.baseUrl, `/api/plans/${planId}`), "approvalLevels")).toBe(2);
  await expect.poll(() => settings.getByLabel("การอนุมัติค่าตัวชี้วัด").inputValue()).toBe("2");
  await context.close();
}

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const chiangMai = await agencyId(h.baseUrl, "MOC-PCO-50");
  const provincialOffices = await agencyId(h.baseUrl, "MOC-PCO");
  for (const officer of [entering, colleague])
    await createUser(admin, officer, { role: "agency_officer", agencyId: chiangMai });
  await createUser(admin, parentOffice, { role: "agency_officer", agencyId: provincialOffices });
  const plan = items(await publicGet(h.baseUrl, "/api/plans")).find((p) => field(p, "code") === "MOC-PCT-2017-2021");
  planId = Number(field(plan, "id"));
  // Indicator 1.1 has no example values: the grid starts empty.
  indicatorId = String(indicatorIdOf(await publicGet(h.baseUrl, `/api/plans/${planId}`), "1.1") ?? 0);
});
afterAll(async () => {
  await h?.close();
});

/** Enters Chiang Mai's value for the period in the grid, saves and submits it, as the entering officer. */
async function enterAndSubmit(periodKey: string, value: string): Promise<number> {
  const { context, page } = await openAs(h, entering, "th");
  const grid = new ValueEntryPage(page, "th");
  await grid.open(planId);
  await grid.choose(indicatorId, periodKey);
  const chiangMai = grid.row("50");
  await chiangMai.getByLabel(/^ค่า — /).fill(value);
  await grid.save();
  await expect.poll(() => statusText(page)).toContain("บันทึกร่างแล้ว 1 ค่า");
  await grid.submit();
  await expect.poll(() => chiangMai.locator(".status-submitted").count()).toBe(1);
  // The grid says who can approve it: the province's office, with its officers by name.
  await expect.poll(() => chiangMai.locator(".approvers").innerText()).toContain("สำนักงานพาณิชย์จังหวัดเชียงใหม่ (");
  expect(await chiangMai.locator(".approvers").innerText()).toContain("มาลี รักงาน");
  // In the entering officer's own queue it is theirs: not selectable, and it says so.
  const queue = new ApprovalQueuePage(page, "th");
  await queue.open();
  const checkbox = queue.checkbox("1.1", "จังหวัด: เชียงใหม่");
  await expect.poll(() => checkbox.count()).toBe(1);
  expect(await checkbox.isDisabled()).toBe(true);
  expect(await page.locator("main").innerText()).toContain("คุณบันทึกค่านี้เอง");
  const id = Number(await checkbox.locator("xpath=ancestor::tr").getAttribute("data-value"));
  await context.close();
  return id;
}

describe("province approval, in Thai", () => {
  it("a Chiang Mai provincial officer enters Chiang Mai's value and a colleague in the office approves it", async () => {
    const valueId = await enterAndSubmit("FY2021", "1,250");

    const { context, page } = await openAs(h, colleague, "th");
    const queue = new ApprovalQueuePage(page, "th");
    await queue.open();
    await expect
      .poll(() => queue.row(valueId).locator('td[data-unit="province:50"]').innerText())
      .toBe("จังหวัด: เชียงใหม่");
    await queue.checkbox("1.1", "จังหวัด: เชียงใหม่").check();
    await queue.approveSelected();
    await expect.poll(() => page.locator("main").innerText()).toContain("อนุมัติแล้ว 1 ค่า");
    const grid = new ValueEntryPage(page, "th");
    await grid.open(planId);
    await grid.choose(indicatorId, "FY2021");
    await expect.poll(() => grid.row("50").locator(".status-approved").count()).toBe(1);
    await context.close();
  });

  it("with two approval levels, the office approves level 1 and its parent office level 2", async () => {
    await askForTwoLevels();
    const valueId = await enterAndSubmit("FY2020", "980");

    const first = await openAs(h, colleague, "th");
    const queue = new ApprovalQueuePage(first.page, "th");
    await queue.open();
    await expect.poll(() => queue.row(valueId).innerText()).toContain("การอนุมัติขั้นที่ 1 จาก 2");
    await queue.checkbox("1.1", "จังหวัด: เชียงใหม่").check();
    await queue.approveSelected();
    await expect.poll(() => first.page.locator("main").innerText()).toContain("อนุมัติขั้นนี้แล้ว 1 ค่า");
    // Still waiting: level 2 is the parent office's, and the colleague who approved level 1 may not approve it.
    const waiting = queue.row(valueId);
    await expect.poll(() => waiting.innerText()).toContain("การอนุมัติขั้นที่ 2 จาก 2");
    expect(await waiting.innerText()).toContain("คุณอนุมัติขั้นก่อนหน้าของค่านี้แล้ว");
    expect(await waiting.innerText()).toContain("ขั้นที่ 1 โดยสำนักงานพาณิชย์จังหวัดเชียงใหม่");
    expect(await waiting.locator(".approvers").innerText()).toContain("ประเสริฐ มั่นคง");
    await first.context.close();

    const second = await openAs(h, parentOffice, "th");
    const parentQueue = new ApprovalQueuePage(second.page, "th");
    await parentQueue.open();
    await expect.poll(() => parentQueue.row(valueId).count()).toBe(1);
    await parentQueue.row(valueId).getByRole("checkbox").check();
    await parentQueue.approveSelected();
    await expect.poll(() => second.page.locator("main").innerText()).toContain("อนุมัติแล้ว 1 ค่า");
    const grid = new ValueEntryPage(second.page, "th");
    await grid.open(planId);
    await grid.choose(indicatorId, "FY2020");
    await expect.poll(() => grid.row("50").locator(".status-approved").count()).toBe(1);
    await second.context.close();
  });
});
