import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";

let h: Harness;
let planId: number;
let indicatorId: number;
const officers = [
  { email: "moc-entry@example.org", password: "moc-entry-password-1", locale: "en" },
  { email: "moc-review@example.org", password: "moc-review-password-1", locale: "en" },
  { email: "moc-thai@example.org", password: "moc-thai-password-1", locale: "th" },
];

async function json(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

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

function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null && key in body ? Object.entries(body).find(([k]) => k === key)?.[1] : undefined;
}

beforeAll(async () => {
  h = await startHarness();
  // Two officers of the Ministry of Commerce, created by the admin through the API.
  const login = await fetch(`${h.baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
  const cookies = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const csrf = String(field(await json(login), "csrfToken"));
  const agencies = field(await json(await fetch(`${h.baseUrl}/api/agencies`)), "items");
  const moc = Array.isArray(agencies) ? agencies.find((a) => field(a, "code") === "MOC") : undefined;
  for (const officer of officers) {
    await json(await fetch(`${h.baseUrl}/api/users`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies, "x-csrf-token": csrf },
      body: JSON.stringify({ ...officer, displayName: officer.email, role: "agency_officer", agencyId: field(moc, "id") }),
    }));
  }
  const plans = field(await json(await fetch(`${h.baseUrl}/api/plans`)), "items");
  const plan = Array.isArray(plans) ? plans.find((p) => field(p, "code") === "MOC-PCT-2017-2021") : undefined;
  planId = Number(field(plan, "id"));
  const values = await json(await fetch(`${h.baseUrl}/api/plans/${planId}/values?period=FY2021&pageSize=1`));
  expect(Number(field(values, "total"))).toBeGreaterThan(0); // the example values are there
  // Indicator 1.1 has no example values: the grid starts empty.
  indicatorId = indicatorIdOf(await json(await fetch(`${h.baseUrl}/api/plans/${planId}`)), "1.1") ?? 0;
});
afterAll(async () => {
  await h?.close();
});

describe("value entry", () => {
  it("enters values for two provinces, saves and submits them; another officer approves; the grid shows approved", async () => {
    const entry = await h.newPage("en");
    await h.signIn(entry.page, officers[0]?.email, officers[0]?.password);
    await entry.page.goto(`/values?plan=${planId}`);
    await entry.page.getByLabel("Indicator").selectOption(String(indicatorId));
    await entry.page.getByLabel("Period", { exact: true }).selectOption("FY2021");
    const chiangMai = entry.page.locator('tr[data-unit="50"]');
    const lamphun = entry.page.locator('tr[data-unit="51"]');
    await chiangMai.getByLabel(/^Value/).fill("1,250");
    await lamphun.getByLabel(/^Value/).fill("-3.5");
    await lamphun.getByLabel(/^Source/).fill("Provincial statistics office");
    await entry.page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => entry.page.getByRole("status").first().innerText()).toContain("Saved 2 values");
    await expect.poll(() => chiangMai.locator(".status-draft").count()).toBe(1);
    await entry.page.getByRole("button", { name: "Submit for approval" }).click();
    await expect.poll(() => lamphun.locator(".status-submitted").count()).toBe(1);
    await entry.context.close();

    const review = await h.newPage("en");
    await h.signIn(review.page, officers[1]?.email, officers[1]?.password);
    await review.page.goto("/values/queue");
    // Units by name, not by code.
    await expect.poll(() => review.page.locator('td[data-unit="province:50"]').innerText()).toBe("Province: Chiang Mai");
    await review.page.getByLabel("Select every value you may approve").check();
    await review.page.getByRole("button", { name: /Approve selected \(2\)/ }).click();
    await expect.poll(() => review.page.locator("main").innerText()).toContain("Approved 2 values");
    await review.page.goto(`/values?plan=${planId}`);
    await review.page.getByLabel("Indicator").selectOption(String(indicatorId));
    await review.page.getByLabel("Period", { exact: true }).selectOption("FY2021");
    await expect.poll(() => review.page.locator('tr[data-unit="50"] .status-approved').innerText()).toBe("Approved");
    await expect.poll(() => review.page.locator('tr[data-unit="51"] .status-approved').count()).toBe(1);
    await review.context.close();
  });

  it("shows the server's error in the cell that caused it and saves nothing", async () => {
    const { context, page } = await h.newPage("th");
    await h.signIn(page, officers[2]?.email, officers[2]?.password);
    await page.goto(`/values?plan=${planId}`);
    // Indicator 2.3 is a ratio (in the example data): numerator and denominator, the ratio shown as typed.
    const ratioId = String(indicatorIdOf(await json(await fetch(`${h.baseUrl}/api/plans/${planId}`)), "2.3"));
    await page.getByLabel("ตัวชี้วัด").selectOption(ratioId);
    await page.getByLabel("ช่วงเวลา").selectOption("FY2021");
    const row = page.locator('tr[data-unit="50"]');
    await row.getByLabel(/^ตัวตั้ง/).fill("45");
    await row.getByLabel(/^ตัวหาร/).fill("60");
    await expect.poll(() => row.locator("td[aria-live]").innerText()).toBe("75");
    await row.getByLabel(/^ตัวหาร/).fill("0");
    await page.getByRole("button", { name: "บันทึกร่าง" }).click();
    await expect.poll(() => row.locator(".field-error").innerText()).toBe("ตัวหารต้องมากกว่า 0");
    // The stored (example) value of Chiang Mai is untouched: still approved.
    expect(await row.locator(".status-approved").count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain("ปีงบประมาณ พ.ศ. 2564");
    await context.close();
  });
  it("locks a period from the entry page as the owner agency's officer: the grid turns read-only, and unlocks it again", async () => {
    const { context, page } = await h.newPage("en");
    await h.signIn(page, officers[1]?.email, officers[1]?.password);
    await page.goto(`/values?plan=${planId}`);
    await page.getByLabel("Indicator").selectOption(String(indicatorId));
    await page.getByLabel("Period", { exact: true }).selectOption("FY2019");
    await page.getByRole("button", { name: "Lock FY2019" }).click();
    await expect.poll(() => page.locator(".value-grid").innerText()).toContain("FY2019 is locked: its values can no longer be changed.");
    expect(await page.locator('tr[data-unit="50"] input').first().isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save draft" }).count()).toBe(0);
    // A quarter of a locked year is locked too; the same button unlocks the year.
    await page.getByLabel("Period", { exact: true }).selectOption("FY2019-Q2");
    await page.getByRole("button", { name: "Unlock FY2019" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Save draft" }).count()).toBe(1);
    expect(await page.locator('tr[data-unit="50"] input').first().isDisabled()).toBe(false);
    await context.close();
  });
});
