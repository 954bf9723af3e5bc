import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { openAs, openAsAdminIn } from "./pages/session.ts";

// Thai first, English optional (issue 12): an officer working in Thai names a programme and a plan item in Thai
// only, and a refusal is shown under the field that is wrong.
let h: Harness;
let planId: number;
const officer = {
  email: "thai-first@example.org",
  password: "thai-first-password-1",
  displayName: "เจ้าหน้าที่ กสอ.",
  locale: "th",
} satisfies TestUser;

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  await createUser(admin, officer, { role: "agency_officer", agencyId: dip });
  const own = await apiSession(h.baseUrl, officer);
  planId = await own.create("/api/plans", {
    code: "THAI-FIRST-PLAN",
    level: "agency_programme",
    ownerAgencyId: dip,
    periodStart: "2024-10-01",
    periodEnd: "2025-09-30",
    titleTh: "แผนพัฒนาอุตสาหกรรมภาษาไทย",
  });
});
afterAll(async () => {
  await h?.close();
});

/** The message under the field labelled `label` in `scope` (FormField's `.field-error`). */
function errorUnder(page: Page, scope: Locator, label: string): Locator {
  return scope
    .locator(".field")
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator(".field-error");
}

describe("Thai first, English optional", () => {
  it("creates a programme named only in Thai; with no name the message sits under the Thai name", async () => {
    const { context, page } = await openAs(h, officer, "th", "/programmes");
    await page.getByRole("button", { name: "สร้างโครงการใหม่" }).click();
    const form = page.locator("form", { has: page.getByRole("heading", { name: "สร้างโครงการ" }) });
    await expect.poll(() => form.getByLabel("ชื่อภาษาอังกฤษ (ไม่บังคับ)", { exact: true }).count()).toBe(1);
    await form.getByLabel("รหัส", { exact: true }).fill("dip-thai-only");
    await page.getByLabel("ปีงบประมาณแรก").selectOption("2025");

    await form.getByRole("button", { name: "สร้างโครงการ", exact: true }).click();
    const nameError = errorUnder(page, form, "ชื่อภาษาไทย");
    await nameError.waitFor();
    expect(await nameError.innerText()).toBe("กรุณากรอกชื่อภาษาไทยหรือชื่อภาษาอังกฤษ");
    expect(await form.getByLabel("ชื่อภาษาไทย", { exact: true }).getAttribute("aria-invalid")).toBe("true");

    await form.getByLabel("ชื่อภาษาไทย", { exact: true }).fill("โครงการยกระดับวิสาหกิจชุมชน");
    await form.getByRole("button", { name: "สร้างโครงการ", exact: true }).click();
    await page.waitForURL(/\/programmes\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "โครงการยกระดับวิสาหกิจชุมชน" }).waitFor();
    await context.close();
  });

  it("adds a plan item named only in Thai; the server's refusal of a nameless one is shown under the Thai title", async () => {
    const { context, page } = await openAs(h, officer, "th", `/plans/${planId}`);
    await page.getByRole("heading", { level: 1, name: "แผนพัฒนาอุตสาหกรรมภาษาไทย" }).waitFor();
    await page.getByRole("button", { name: "เพิ่มหัวข้อระดับบนสุด" }).click();
    const nodeForm = page.locator("form.node-form");
    await nodeForm.getByLabel("รหัส", { exact: true }).fill("ย1");

    // Sent with neither title: the server answers 400 naming titleTh, and the form puts it under that field.
    await nodeForm.getByRole("button", { name: "บันทึก", exact: true }).click();
    const titleError = errorUnder(page, nodeForm, "ชื่อภาษาไทย");
    await titleError.waitFor();
    expect(await titleError.innerText()).toBe("กรุณากรอกชื่อภาษาไทยหรือชื่อภาษาอังกฤษ");
    // The box above the form does not repeat what is already under the field.
    expect(await nodeForm.locator(".alert-error").innerText()).not.toContain("ชื่อภาษาไทยหรือ");

    await nodeForm.getByLabel("ชื่อภาษาไทย", { exact: true }).fill("ยุทธศาสตร์เพิ่มขีดความสามารถ");
    await nodeForm.getByRole("button", { name: "บันทึก", exact: true }).click();
    const treeItem = page.locator('[role="tree"] [data-node-code="ย1"]');
    await expect.poll(() => treeItem.count()).toBe(1);
    expect(await treeItem.innerText()).toContain("ยุทธศาสตร์เพิ่มขีดความสามารถ");
    await context.close();
  });

  it("shows the Thai-only names in English too, rather than nothing", async () => {
    const { context, page } = await openAsAdminIn(h, "en", `/plans/${planId}`);
    await page.getByRole("heading", { level: 1, name: "แผนพัฒนาอุตสาหกรรมภาษาไทย" }).waitFor();
    await expect
      .poll(() => page.locator('[role="tree"] [data-node-code="ย1"]').innerText())
      .toContain("ยุทธศาสตร์เพิ่มขีดความสามารถ");
    await context.close();
  });
});
