import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { openAs } from "./pages/session.ts";

// The main navigation in Thai at 1280 px (the harness's window): one row for every role, each link only for the
// roles its page serves ("ดีลของฉัน" is a member firm's), the market's pages in one menu a keyboard opens and closes.
let h: Harness;
const user = (name: string): TestUser => ({ email: `nav-${name}@example.org`, password: `${name}-password-1` });
const officer = user("officer");
const coordinator = user("coordinator");
const member = user("member");
const expert = user("expert");

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  const clusterId = await admin.create("/api/clusters", {
    code: "browser-nav-cluster",
    kind: "industry_cluster",
    nameTh: "คลัสเตอร์ทดสอบเมนู",
    coordinatingAgencyId: dip,
    provinceCodes: ["50"],
  });
  const firmId = await admin.create("/api/enterprises", {
    ceRegistrationNo: "5000-0042",
    nameTh: "ร้านทดสอบเมนู",
    provinceCode: "50",
  });
  await createUser(admin, officer, { role: "agency_officer", agencyId: dip });
  await createUser(admin, coordinator, { role: "cluster_coordinator", clusterIds: [clusterId] });
  await createUser(admin, member, { role: "member", enterpriseId: firmId });
  await createUser(admin, expert, { role: "expert", agencyId: dip, expertFields: ["marketing"] });
});
afterAll(async () => {
  await h?.close();
});

/** The top-level entries' distinct rows (by their top edge) and their names. */
async function topRow(page: Page): Promise<{ rows: number; names: string[] }> {
  return page.evaluate(() => {
    const entries = [...document.querySelectorAll(".site-nav > ul > li")];
    const tops = new Set(entries.map((li) => Math.round(li.getBoundingClientRect().top)));
    return { rows: tops.size, names: entries.map((li) => (li.firstElementChild?.textContent ?? "").trim()) };
  });
}

describe("the main navigation", () => {
  const cases: Array<[string, TestUser | "admin" | null, string]> = [
    ["an admin", "admin", "ผู้ดูแลระบบ ▾"],
    ["an agency officer", officer, "จัดการข้อมูล ▾"],
    ["a cluster coordinator", coordinator, "จัดการข้อมูล ▾"],
    ["a member firm", member, "ธุรกิจของฉัน"],
    ["an expert", expert, "งานของฉัน"],
    ["a visitor", null, "ตลาด ▾"],
  ];
  for (const [who, as, marker] of cases) {
    it(`fits one row at 1280 px in Thai for ${who}`, async () => {
      const { context, page } = await openAs(h, as, "th", "/catalogue");
      await expect.poll(async () => (await topRow(page)).names).toContain(marker);
      const { rows, names } = await topRow(page);
      expect(rows, names.join(" | ")).toBe(1);
      await context.close();
    });
  }

  it("shows my deals and my meetings to a member firm, and an admin the deals they follow instead", async () => {
    const market = (page: Page) => page.getByRole("navigation", { name: "เมนูหลัก" });
    const asAdmin = await openAs(h, "admin", "th", "/catalogue");
    await market(asAdmin.page).getByRole("button", { name: "ตลาด" }).click();
    await expect.poll(() => market(asAdmin.page).getByRole("link", { name: "ติดตามดีล" }).count()).toBe(1);
    expect(await market(asAdmin.page).getByRole("link", { name: "ดีลของฉัน" }).count()).toBe(0);
    expect(await market(asAdmin.page).getByRole("link", { name: "นัดหมายของฉัน" }).count()).toBe(0);
    await asAdmin.context.close();

    const asMember = await openAs(h, member, "th", "/catalogue");
    await market(asMember.page).getByRole("button", { name: "ตลาด" }).click();
    await expect.poll(() => market(asMember.page).getByRole("link", { name: "ดีลของฉัน" }).count()).toBe(1);
    expect(await market(asMember.page).getByRole("link", { name: "นัดหมายของฉัน" }).count()).toBe(1);
    await asMember.context.close();
  });

  it("opens the market menu from the keyboard, walks its links with Tab, and closes with Escape", async () => {
    const { context, page } = await openAs(h, "admin", "th", "/catalogue");
    const nav = page.getByRole("navigation", { name: "เมนูหลัก" });
    const button = nav.getByRole("button", { name: "ตลาด" });
    // The catalogue is open: its menu's button says so.
    await expect.poll(() => button.getAttribute("class")).toContain("active");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("แคตตาล็อกสินค้า");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("งานแสดงสินค้าและจับคู่ธุรกิจ");
    await page.keyboard.press("Escape");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await nav.getByRole("link", { name: "แคตตาล็อกสินค้า" }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("ตลาด ▾");
    // Opened again and a link followed: the page changes and the menu closes.
    await page.keyboard.press("Space");
    await nav.getByRole("link", { name: "ตัวเลขตลาด" }).click();
    await page.waitForURL(/\/market\/figures$/);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });
});
