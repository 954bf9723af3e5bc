import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { PlansPage } from "./pages/plans.ts";
import { openAs } from "./pages/session.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("plan report downloads", () => {
  it("offers the chosen fiscal year's report in Thai and downloads a PDF", async () => {
    const { context, page } = await openAs(h, null, "th", "/plans");
    await new PlansPage(page).openReferencePlan("th");
    await page.getByLabel("ปีงบประมาณ").selectOption({ label: "ปีงบประมาณ พ.ศ. 2563" });
    const link = page.getByRole("link", { name: "ดาวน์โหลด PDF" });
    // The link follows the chosen year once the page has re-rendered.
    await expect
      .poll(() => link.getAttribute("href"))
      .toMatch(/\/api\/plans\/\d+\/report\.pdf\?period=FY2020&locale=th$/);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("MOC-PCT-2017-2021_FY2020_th.pdf");
    await context.close();
  });

  it("labels the buttons in English and asks for the English report", async () => {
    const { context, page } = await openAs(h, null, "en", "/plans");
    await new PlansPage(page).openReferencePlan("en");
    const xlsx = page.getByRole("link", { name: "Download XLSX" });
    await expect
      .poll(() => xlsx.getAttribute("href"))
      .toMatch(/\/api\/plans\/\d+\/report\.xlsx\?period=FY2021&locale=en$/);
    const href = await xlsx.getAttribute("href");
    const response = await page.request.get(href ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    await context.close();
  });

  it("offers the dashboard's plan and year as a report", async () => {
    const { context, page } = await openAs(h, null, "en", "/dashboard");
    const link = page.getByRole("link", { name: "Download PDF" });
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute("href")).toMatch(/\/api\/plans\/\d+\/report\.pdf\?period=FY\d{4}&locale=en$/);
    await context.close();
  });
});
