import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, items, type TestUser } from "./pages/api.ts";
import { RequestsPages } from "./pages/requests.ts";
import { openAs } from "./pages/session.ts";

// Issue 13, points 2 and 3, in Thai: a member files a request for help with a photo from /my-business; it is routed
// at once to the logistics expert serving Chiang Rai (the reason in words); the expert signs in, finds it in
// งานของฉัน and accepts it, and then sees the firm's contacts (the firm consented). And a walk-in: the centre's
// manager (an expert heading the centre) records the request of a firm that came in; it is routed the same way and
// says how it came, on its page and in the list.
let h: Harness;
const FIRM = "บริษัท ขนส่งเชียงราย ทดสอบ จำกัด";
const WALK_IN_FIRM = "ห้างหุ้นส่วน ผ้าทอแม่สาย ทดสอบ";
const CENTRE = "ศูนย์ส่งเสริมเอสเอ็มอี เชียงราย";
const manager: TestUser = {
  email: "request-centre-manager@example.org",
  password: "manager-password-12",
  displayName: "คุณประเสริฐ หัวหน้าศูนย์",
  locale: "th",
};
const member: TestUser = { email: "request-member@example.org", password: "member-password-12", locale: "th" };
const expert: TestUser = {
  email: "request-expert@example.org",
  password: "expert-password-12",
  displayName: "คุณสมศรี โลจิสติกส์",
  locale: "th",
};
// A 1×1 PNG: what a phone camera sends is larger, but typed the same way (by its bytes).
const PHOTO = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489" +
    "0000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082",
  "hex",
);

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  const firmId = await admin.create("/api/enterprises", {
    ceRegistrationNo: "5700-0013",
    nameTh: FIRM,
    provinceCode: "57",
    contacts: [{ name: "คุณวิชัย ขนส่ง", phone: "053 123 456" }],
  });
  await createUser(admin, member, { role: "member", enterpriseId: firmId });
  const providerId = await admin.create("/api/service-providers", {
    code: "BT-RISPM-CR",
    kind: "sme_centre",
    nameTh: CENTRE,
    agencyId: dip,
    provinceCodes: ["57"],
    services: ["logistics"],
  });
  // The expert's record first, then their account linked to it (one user, one record).
  const expertId = await admin.create("/api/experts", {
    providerId,
    displayName: expert.displayName,
    fields: ["logistics"],
    areas: [{ type: "province", code: "57" }],
    capacity: 5,
  });
  await createUser(admin, expert, { role: "expert", agencyId: dip, expertId });
  // The centre's head: an expert in another field, and the manager who records walk-ins.
  const headId = await admin.create("/api/experts", {
    providerId,
    displayName: manager.displayName,
    fields: ["marketing"],
    capacity: 1,
  });
  const managerId = await createUser(admin, manager, { role: "expert", agencyId: dip, expertId: headId });
  const managers = await admin.post(`/api/service-providers/${providerId}/managers`, { userId: managerId });
  if (!items(managers).some((m) => field(m, "userId") === managerId)) throw new Error("manager not added");
  await admin.create("/api/enterprises", {
    ceRegistrationNo: "5700-0014",
    nameTh: WALK_IN_FIRM,
    provinceCode: "57",
    published: true,
  });
});
afterAll(async () => {
  await h?.close();
});

describe("a request for help", () => {
  it("is filed by a member with a photo, routed with its reason, and accepted by the expert in งานของฉัน", async () => {
    const asMember = await openAs(h, member, "th");
    const memberPages = new RequestsPages(asMember.page);
    await asMember.page.waitForURL("**/my-business");
    await memberPages.askForHelpFromMyBusiness();
    await memberPages.file({
      field: "โลจิสติกส์",
      need: "ต้องการลดต้นทุนค่าขนส่งสินค้าเกษตรไปกรุงเทพฯ",
      consent: true,
      photo: { name: "โกดังสินค้า.png", mimeType: "image/png", buffer: PHOTO },
    });
    await expect.poll(() => memberPages.status().innerText()).toBe("รอผู้เชี่ยวชาญตอบรับ");
    const code = await memberPages.code();
    expect(code).toMatch(/^SR\d{4}-\d{6}$/);
    const assignment = memberPages.section("ผู้รับผิดชอบ");
    await expect.poll(() => assignment.innerText()).toContain(expert.displayName);
    expect(await assignment.innerText()).toContain("ผู้เชี่ยวชาญด้านโลจิสติกส์ ให้บริการจังหวัดเชียงราย งานค้าง 0 จาก 5 งาน");
    const preview = memberPages.section("ไฟล์แนบ").getByRole("img", { name: "โกดังสินค้า.png" });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await asMember.context.close();

    const asExpert = await openAs(h, expert, "th");
    const page = asExpert.page;
    await page.waitForURL("**/my-work");
    const row = page.getByRole("row").filter({ hasText: code });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain("รอผู้เชี่ยวชาญตอบรับ");
    expect(await page.getByText("คำขอ 1 รายการรอคุณตอบรับ").count()).toBe(1);
    await row.getByRole("link", { name: code }).click();
    const expertPages = new RequestsPages(page);
    // Before accepting, the firm's contacts stay hidden.
    await expect
      .poll(() => expertPages.section("ผู้รับผิดชอบ").innerText())
      .toContain("ข้อมูลติดต่อจะแสดงเมื่อสถานประกอบการให้ความยินยอมและผู้เชี่ยวชาญตอบรับแล้ว");
    await page.getByRole("button", { name: "ตอบรับ", exact: true }).click();
    await expect.poll(() => expertPages.status().innerText()).toBe("กำลังให้คำปรึกษา");
    await expect.poll(() => expertPages.section("ผู้รับผิดชอบ").innerText()).toContain("053 123 456");
    await expect.poll(() => expertPages.section("ความเคลื่อนไหว").innerText()).toContain("ผู้เชี่ยวชาญตอบรับ");
    await asExpert.context.close();
  });
});

describe("a walk-in", () => {
  it("is recorded by the centre's manager for the firm that came in, routed, and shown as a walk-in", async () => {
    const { context, page } = await openAs(h, manager, "th");
    await page.waitForURL("**/my-work");
    await page.goto("/requests");
    const pages = new RequestsPages(page);
    await pages.recordWalkIn({
      firm: WALK_IN_FIRM,
      centre: CENTRE,
      field: "โลจิสติกส์",
      need: "ต้องการจัดเส้นทางส่งผ้าทอไปร้านค้าในกรุงเทพฯ",
      consent: false,
    });
    await expect.poll(() => pages.status().innerText()).toBe("รอผู้เชี่ยวชาญตอบรับ");
    const code = await pages.code();
    expect(await page.locator(".service-request .facts").innerText()).toContain("ยื่นที่ศูนย์บริการ");
    await expect.poll(() => pages.section("ผู้รับผิดชอบ").innerText()).toContain(expert.displayName);
    expect(await pages.section("ผู้รับผิดชอบ").innerText()).toMatch(
      /ผู้เชี่ยวชาญด้านโลจิสติกส์ ให้บริการจังหวัดเชียงราย งานค้าง \d+ จาก 5 งาน/,
    );

    await page.goto("/requests");
    const row = page.getByRole("row").filter({ hasText: code });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(WALK_IN_FIRM);
    expect(await row.innerText()).toContain("ยื่นที่ศูนย์บริการ");
    await context.close();
  });
});

// axe-core on the new pages (injected as an init script: the app's CSP refuses inline scripts), in Thai.
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

describe("the request pages' accessibility", () => {
  it("finds no critical or serious axe violation on the form, the list and a request's page", async () => {
    const { context, page } = await openAs(h, member, "th");
    await context.addInitScript({ content: axeSource });
    await page.waitForURL("**/my-business");
    for (const [path, ready] of [
      ["/requests/new", "form button[type=submit]"],
      ["/requests", "table"],
    ] as const) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.getByRole("table").getByRole("link").first().click();
    await page.locator(".service-request").waitFor();
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page), "request page").toEqual([]);
    await context.close();
  });
});
