import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, items, publicGet, type TestUser } from "./pages/api.ts";
import { statusText } from "./pages/common.ts";
import { openAs } from "./pages/session.ts";
import { ValueEntryPage } from "./pages/value-entry.ts";

let h: Harness;
let planId: number;
let indicatorId: number;
const entryOfficer = {
  email: "moc-entry@example.org",
  password: "moc-entry-password-1",
  locale: "en",
} satisfies TestUser;
const reviewOfficer = {
  email: "moc-review@example.org",
  password: "moc-review-password-1",
  locale: "en",
} satisfies TestUser;
const thaiOfficer = { email: "moc-thai@example.org", password: "moc-thai-password-1", locale: "th" } satisfies TestUser;

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

beforeAll(async () => {
  h = await startHarness();
  // Officers of the Ministry of Commerce, created by the admin through the API.
  const admin = await apiSession(h.baseUrl, ADMIN);
  const moc = await agencyId(h.baseUrl, "MOC");
  for (const officer of [entryOfficer, reviewOfficer, thaiOfficer])
    await createUser(admin, officer, { role: "agency_officer", agencyId: moc });
  const plan = items(await publicGet(h.baseUrl, "/api/plans")).find((p) => field(p, "code") === "MOC-PCT-2017-2021");
  planId = Number(field(plan, "id"));
  const values = await publicGet(h.baseUrl, `/api/plans/${planId}/values?period=FY2021&pageSize=1`);
  expect(Number(field(values, "total"))).toBeGreaterThan(0); // the example values are there
  // Indicator 1.1 has no example values: the grid starts empty.
  indicatorId = indicatorIdOf(await publicGet(h.baseUrl, `/api/plans/${planId}`), "1.1") ?? 0;
});
afterAll(async () => {
  await h?.close();
});

describe("value entry", () => {
  it("enters values for two provinces, saves and submits them; another officer approves; the grid shows approved", async () => {
    const entry = await openAs(h, entryOfficer, "en");
    const grid = new ValueEntryPage(entry.page, "en");
    await grid.open(planId);
    await grid.choose(indicatorId, "FY2021");
    const chiangMai = grid.row("50");
    const lamphun = grid.row("51");
    await chiangMai.getByLabel(/^Value/).fill("1,250");
    await lamphun.getByLabel(/^Value/).fill("-3.5");
    await lamphun.getByLabel(/^Source/).fill("Provincial statistics office");
    await grid.save();
    await expect.poll(() => statusText(entry.page)).toContain("Saved 2 values");
    await expect.poll(() => chiangMai.locator(".status-draft").count()).toBe(1);
    await grid.submit();
    await expect.poll(() => lamphun.locator(".status-submitted").count()).toBe(1);
    await entry.context.close();

    const review = await openAs(h, reviewOfficer, "en", "/values/queue");
    // Units by name, not by code.
    await expect
      .poll(() => review.page.locator('td[data-unit="province:50"]').innerText())
      .toBe("Province: Chiang Mai");
    await review.page.getByLabel("Select every value you may approve").check();
    await review.page.getByRole("button", { name: /Approve selected \(2\)/ }).click();
    await expect.poll(() => review.page.locator("main").innerText()).toContain("Approved 2 values");
    const reviewed = new ValueEntryPage(review.page, "en");
    await reviewed.open(planId);
    await reviewed.choose(indicatorId, "FY2021");
    await expect.poll(() => reviewed.row("50").locator(".status-approved").innerText()).toBe("Approved");
    await expect.poll(() => reviewed.row("51").locator(".status-approved").count()).toBe(1);
    await review.context.close();
  });

  it("shows the server's error in the cell that caused it and saves nothing", async () => {
    const { context, page } = await openAs(h, thaiOfficer, "th");
    const grid = new ValueEntryPage(page, "th");
    await grid.open(planId);
    // Indicator 2.3 is a ratio (in the example data): numerator and denominator, the ratio shown as typed.
    const ratioId = String(indicatorIdOf(await publicGet(h.baseUrl, `/api/plans/${planId}`), "2.3"));
    await grid.choose(ratioId, "FY2021");
    const row = grid.row("50");
    await row.getByLabel(/^ตัวตั้ง/).fill("45");
    await row.getByLabel(/^ตัวหาร/).fill("60");
    await expect.poll(() => row.locator("td[aria-live]").innerText()).toBe("75");
    await row.getByLabel(/^ตัวหาร/).fill("0");
    await grid.save();
    await expect.poll(() => row.locator(".field-error").innerText()).toBe("ตัวหารต้องมากกว่า 0");
    // The stored (example) value of Chiang Mai is untouched: still approved.
    expect(await row.locator(".status-approved").count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain("ปีงบประมาณ พ.ศ. 2564");
    await context.close();
  });
  it("locks a period from the entry page as the owner agency's officer: the grid turns read-only, and unlocks it again", async () => {
    const { context, page } = await openAs(h, reviewOfficer, "en");
    const grid = new ValueEntryPage(page, "en");
    await grid.open(planId);
    await grid.choose(indicatorId, "FY2019");
    await page.getByRole("button", { name: "Lock FY2019" }).click();
    await expect
      .poll(() => page.locator(".value-grid").innerText())
      .toContain("FY2019 is locked: its values can no longer be changed.");
    expect(await grid.row("50").locator("input").first().isDisabled()).toBe(true);
    expect(await grid.saveButton().count()).toBe(0);
    // A quarter of a locked year is locked too; the same button unlocks the year.
    await grid.choosePeriod("FY2019-Q2");
    await page.getByRole("button", { name: "Unlock FY2019" }).click();
    await expect.poll(() => grid.saveButton().count()).toBe(1);
    expect(await grid.row("50").locator("input").first().isDisabled()).toBe(false);
    await context.close();
  });
});
