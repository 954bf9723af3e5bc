import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@sainam/db";
import { dashboardFactory, province } from "../../apps/server/src/test-support/dashboard-factory.ts";
import { startHarness, type Harness } from "./harness.ts";
import { openAs } from "./pages/session.ts";

let h: Harness;
let planId: number;
let indicatorId: number;

// Values are written straight into the server's embedded database (WAL lets both processes share it).
beforeAll(async () => {
  h = await startHarness();
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    const f = dashboardFactory(database);
    const plan = await f.plan({ ownerAgencyId: await f.agencyId("MOC") });
    planId = plan.planId;
    indicatorId = await f.indicator({
      nodeId: plan.nodeId,
      code: "BT1",
      aggregation: "ratio",
      ratioScale: 100,
      unit: "%",
    });
    await f.target({ indicatorId, target: { kind: "absolute", comparator: ">=", value: 50, unit: "%" } });
    await f.value({
      indicatorId,
      unit: province("50"),
      periodKey: "FY2021",
      value: 80,
      numerator: 40,
      denominator: 50,
    });
    await f.value({
      indicatorId,
      unit: province("51"),
      periodKey: "FY2021",
      value: 60,
      numerator: 30,
      denominator: 50,
    });
    await f.value({
      indicatorId,
      unit: province("51"),
      periodKey: "FY2020",
      value: 40,
      numerator: 20,
      denominator: 50,
    });
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  await h?.close();
});

describe("plan dashboard", () => {
  it("shows an indicator's status, a shaded province map and drills down to a province", async () => {
    const { context, page } = await openAs(h, null, "en", `/dashboard?plan=${planId}&year=2021`);
    const row = page.locator('tr[data-indicator-code="BT1"]');
    await row.waitFor();
    // 70 of 100 = 70 %, recomputed from the provinces' counts, against "at least 50 %".
    expect(await row.locator("[data-status]").getAttribute("data-status")).toBe("achieved");
    expect(await row.innerText()).toContain("70");
    expect(await row.innerText()).toContain("Achieved");
    expect(await page.locator('.status-count[data-status="achieved"] .status-count-n').innerText()).toBe("1");

    await row.locator("a").first().click();
    await page.waitForURL(new RegExp(`/indicators/${indicatorId}\\?period=FY2021`));
    const chiangMai = page.locator('path[data-province-code="50"]');
    await expect.poll(async () => chiangMai.getAttribute("fill")).not.toBe("#eceff2");
    expect(await page.locator('path[data-province-code="52"]').getAttribute("fill")).toBe("#eceff2");
    expect(await page.locator("[data-legend-class]").count()).toBeGreaterThan(0);

    // Keyboard: focus Chiang Mai on the map and press Enter to drill down to it.
    await chiangMai.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/unitType=province&unitCode=50/);
    const breadcrumbs = page.locator("nav.breadcrumbs");
    await expect.poll(() => breadcrumbs.innerText()).toContain("Chiang Mai");
    expect(await breadcrumbs.innerText()).toContain("Thailand");
    expect(await page.locator(".drill-unit").innerText()).toContain("80");

    // Back up to the nation through the breadcrumb, then down through a region.
    await breadcrumbs.getByRole("button", { name: "Thailand" }).click();
    await page.locator('tr[data-unit="region:north"] button').click();
    await page.locator('tr[data-unit="province:51"]').waitFor();
    expect(await page.locator('tr[data-unit="province:51"]').innerText()).toContain("60");
    await context.close();
  });

  it("says there are no approved values in Thai for a year without any, with B.E. years", async () => {
    const { context, page } = await openAs(h, null, "th", `/dashboard?plan=${planId}&year=2023`);
    await page.locator(".status-summary").waitFor();
    const main = await page.locator("main").innerText();
    expect(main).toContain("ยังไม่มีค่าที่อนุมัติแล้วในช่วงเวลานี้");
    expect(main).toContain("2566");
    await context.close();
  });
});
