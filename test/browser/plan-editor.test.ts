import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { idByCode } from "./pages/api.ts";
import { openAs, openAsAdminIn } from "./pages/session.ts";

// A new embedded database: the reference MOC plan and the example coffee cluster plan are there.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The example coffee cluster plan of seed 001. */
const examplePlanId = () => idByCode(h.baseUrl, "/api/plans?level=cluster_plan", "EX-DIP-COFFEE-FY2021-2022");

describe("plan editor", () => {
  it("creates a plan, adds a node, an indicator and a target read from Thai, and shows them in the tree", async () => {
    const { context, page } = await openAsAdminIn(h, "en", "/plans");
    await page.getByRole("button", { name: "New plan" }).click();
    const form = page.locator("form.inline-form");
    await form.getByLabel("Level").selectOption("agency_programme");
    await form.getByLabel("Code").fill("BROWSER-PLAN");
    await form.getByLabel("Owner agency").selectOption({ index: 1 });
    await form.getByLabel("Period starts").fill("2021-10-01");
    await form.getByLabel("Period ends").fill("2022-09-30");
    await form.getByLabel("Title in Thai").fill("แผนทดสอบ");
    await form.getByLabel("Title in English").fill("Browser test plan");
    await form.getByRole("button", { name: "Create plan" }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    await expect.poll(() => page.locator("h1").innerText()).toBe("Browser test plan");

    await page.getByRole("button", { name: "Add a top-level item" }).click();
    const nodeForm = page.locator("form.node-form");
    await nodeForm.getByLabel("Kind").selectOption("strategy");
    await nodeForm.getByLabel("Code").fill("S9");
    await nodeForm.getByLabel("Title in Thai").fill("ยุทธศาสตร์ทดสอบ");
    await nodeForm.getByLabel("Title in English").fill("Test strategy");
    await nodeForm.getByRole("button", { name: "Save" }).click();
    const treeItem = page.locator('[role="tree"] [data-node-code="S9"]');
    await expect.poll(() => treeItem.count()).toBe(1);
    expect(await treeItem.innerText()).toContain("Test strategy");

    await treeItem.locator(".treeitem-row").click();
    await page.getByRole("button", { name: "Add an indicator" }).click();
    const indicatorForm = page.locator("form.indicator-form");
    await indicatorForm.getByLabel("Code").fill("K9");
    await indicatorForm.getByLabel("Name in English").fill("Satisfaction of service users");
    await indicatorForm.getByLabel("Name in Thai").fill("ความพึงพอใจของผู้รับบริการ");
    await indicatorForm.getByLabel("Unit").fill("%");
    await indicatorForm.getByRole("button", { name: "Save" }).click();
    const indicator = page.locator('[data-indicator-code="K9"]');
    await expect.poll(() => indicator.count()).toBe(1);

    await indicator.getByRole("button", { name: "Add a target" }).click();
    const targetForm = page.locator("form.target-form");
    await targetForm.getByLabel("Target in Thai").fill("ร้อยละ 80-90");
    await expect.poll(() => targetForm.locator("[data-testid=target-preview]").innerText()).toContain("range: 80-90%");
    await targetForm.getByLabel("Target in English").fill("Top 3 in ASEAN");
    await expect
      .poll(() => targetForm.locator("[data-testid=target-preview]").nth(1).innerText())
      .toContain("cannot be read");
    await targetForm.getByLabel("Target in English").fill("");
    await targetForm.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => indicator.locator("[data-target-kind=range]").count()).toBe(1);
    expect(await indicator.locator("[data-target-kind=range]").innerText()).toContain("80-90%");

    // After a reload the node is still there and the tree still answers the keyboard: Enter selects.
    await page.reload();
    await page.locator('[role="tree"] [data-node-code="S9"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("[data-detail-node-code]").getAttribute("data-detail-node-code")).toBe("S9");
    await context.close();
  });

  it("traces an activity of the example coffee cluster plan up to the MOC strategy it serves, in Thai", async () => {
    const id = await examplePlanId();
    const { context, page } = await openAs(h, null, "th", `/plans/${id}?node=AC1`);
    const trace = page.locator("[data-testid=trace]");
    const codes = trace.locator("li[data-trace-code]");
    await expect
      .poll(() => codes.evaluateAll((items) => items.map((li) => li.getAttribute("data-trace-code"))))
      .toEqual(["AC1", "PJ1", "CS1", "S1.1", "S1"]);
    expect(await trace.innerText()).toContain("แผนยุทธศาสตร์การค้ากลุ่มจังหวัด");
    // The public sees no edit controls.
    expect(await page.getByRole("button", { name: "เพิ่มตัวชี้วัด" }).count()).toBe(0);
    await context.close();
  });
});
