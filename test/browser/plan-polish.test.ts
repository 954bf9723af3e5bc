import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@sainam/db";
import { dashboardFactory, province } from "../../apps/server/src/test-support/dashboard-factory.ts";
import { startHarness, type Harness } from "./harness.ts";
import { idByCode } from "./pages/api.ts";
import { openAsAdminIn, setAccountLocale } from "./pages/session.ts";

let h: Harness;
let planId: number;
let indicatorId: number;

// A plan written straight into the server's embedded database: one indicator broken down by size class,
// with a target, a submitted value for small firms in Chiang Mai and an approved one for micro firms in Lamphun.
beforeAll(async () => {
  h = await startHarness();
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    const f = dashboardFactory(database);
    const plan = await f.plan({ ownerAgencyId: await f.agencyId("MOC") });
    planId = plan.planId;
    indicatorId = await f.indicator({ nodeId: plan.nodeId, code: "BK1", aggregation: "sum", unit: "firms" });
    await database.db
      .updateTable("indicators")
      .set({ disaggregations_json: JSON.stringify(["size_class"]) })
      .where("id", "=", indicatorId)
      .execute();
    await f.target({
      indicatorId,
      target: { kind: "absolute", comparator: ">=", value: 10, unit: null },
      periodKey: "FY2021",
    });
    await f.value({
      indicatorId,
      unit: province("50"),
      periodKey: "FY2021",
      value: 12,
      disaggregation: "size_class=small",
      status: "submitted",
    });
    await f.value({
      indicatorId,
      unit: province("51"),
      periodKey: "FY2021",
      value: 7,
      disaggregation: "size_class=micro",
    });
    await f.value({ indicatorId, unit: province("51"), periodKey: "FY2021", value: 20 });
    const second = await f.node({ planId, kind: "strategy", code: "S2", titleEn: "Strategy 2" });
    await f.indicator({ nodeId: second, code: "BK2", aggregation: "sum" });
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  await h?.close();
});

/** Every DELETE the page sends from now on, to show that a cancelled confirmation sent none. */
function watchDeletes(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "DELETE") sent.push(request.url());
  });
  return sent;
}

/** The server's answer to a GET made with the page's session: what is stored, whatever the page shows. */
async function apiGet(page: Page, url: string): Promise<unknown> {
  return page.evaluate(async (path) => (await fetch(path)).json(), url);
}

function itemCount(body: unknown): number {
  return typeof body === "object" && body !== null && "items" in body && Array.isArray(body.items)
    ? body.items.length
    : -1;
}

/** The codes of a plan's nodes and of their indicators, as the server stores them. */
function codesOf(body: unknown): string[] {
  const out: string[] = [];
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes) {
      if (typeof node !== "object" || node === null) continue;
      if ("code" in node && typeof node.code === "string") out.push(node.code);
      if ("indicators" in node && Array.isArray(node.indicators)) {
        for (const indicator of node.indicators)
          if (
            typeof indicator === "object" &&
            indicator !== null &&
            "code" in indicator &&
            typeof indicator.code === "string"
          )
            out.push(indicator.code);
      }
      if ("children" in node) walk(node.children);
    }
  };
  if (typeof body === "object" && body !== null && "nodes" in body) walk(body.nodes);
  return out;
}

/** A seeded plan of the level, by its code. */
const examplePlanId = (level: string, code: string) => idByCode(h.baseUrl, `/api/plans?level=${level}`, code);

describe("breakdowns in words", () => {
  it("names a value's breakdown in the approval queue, in Thai and in English", async () => {
    const { context, page } = await openAsAdminIn(h, "th", "/values/queue");
    const cell = page.locator('td[data-breakdown="size_class=small"]');
    await expect.poll(() => cell.innerText()).toBe("จังหวัด: เชียงใหม่ (ขนาดกิจการ: ขนาดย่อม)");
    await setAccountLocale(page, "en");
    await page.reload();
    await expect.poll(() => cell.innerText()).toBe("Province: Chiang Mai (Size class: Small)");
    expect(await page.locator("main").innerText()).not.toContain("size_class");
    await context.close();
  });

  it("offers the breakdowns in words on the value-entry page and maps one on the indicator page", async () => {
    const { context, page } = await openAsAdminIn(h, "en", `/values?plan=${planId}`);
    await page.getByLabel("Indicator").selectOption(String(indicatorId));
    const choices = page.getByLabel("Breakdown");
    await expect
      .poll(() => choices.locator("option").allInnerTexts())
      .toEqual(["Total", "Size class: Micro", "Size class: Small", "Size class: Medium", "Size class: Large"]);

    await page.goto(`/indicators/${indicatorId}?period=FY2021`);
    const lamphun = page.locator('path[data-province-code="51"]');
    await expect.poll(() => lamphun.getAttribute("fill")).not.toBe("#eceff2");
    const breakdown = page.getByLabel("Breakdown");
    await expect.poll(() => breakdown.locator("option").allInnerTexts()).toContain("Size class: Micro");
    await breakdown.selectOption({ label: "Size class: Micro" });
    await page.waitForURL(/breakdown=size_class%3Dmicro/);
    await expect
      .poll(() => page.locator(".indicator-map svg").first().getAttribute("aria-label"))
      .toContain("(Size class: Micro)");
    await expect.poll(() => lamphun.getAttribute("fill")).not.toBe("#eceff2");
    // The small firms' value in Chiang Mai is not approved yet: not on the map.
    expect(await page.locator('path[data-province-code="50"]').getAttribute("fill")).toBe("#eceff2");
    await context.close();
  });
});

describe("value entry at a cluster", () => {
  it("opens a cluster plan's grid at its own cluster, and saves a value there", async () => {
    const { context, page } = await openAsAdminIn(h, "en");
    const coffee = await examplePlanId("cluster_plan", "EX-DIP-COFFEE-FY2021-2022");
    await page.goto(`/values?plan=${coffee}`);
    await expect.poll(() => page.getByLabel("Org units").inputValue()).toBe("cluster");
    const rows = page.locator("tbody tr[data-unit]");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain("Coffee");
    const indicatorChoice = page.getByLabel("Indicator");
    await indicatorChoice.selectOption(
      (await indicatorChoice.locator("option", { hasText: "CF-1 " }).getAttribute("value")) ?? "",
    );
    await page.getByLabel("Period", { exact: true }).selectOption("FY2021");
    await rows
      .first()
      .getByLabel(/^Numerator/)
      .fill("12");
    await rows
      .first()
      .getByLabel(/^Denominator/)
      .fill("20");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("Saved 1 value");
    await expect.poll(() => rows.first().locator(".status-draft").count()).toBe(1);
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expect.poll(() => rows.first().locator(".status-submitted").count()).toBe(1);
    // The approval queue names the cluster, not its id.
    await page.goto("/values/queue");
    const cell = page.locator('td[data-unit^="cluster:"]');
    await expect.poll(() => cell.count()).toBe(1);
    expect(await cell.innerText()).toMatch(/^Cluster: .*Coffee/);
    await context.close();
  });
});

describe("plan editor polish", () => {
  it("offers no link to a higher plan on the national strategy, but does on a cluster plan", async () => {
    const { context, page } = await openAsAdminIn(h, "en");
    const national = await examplePlanId("national_strategy", "MOC-PCT-2017-2021");
    const link = page.getByRole("button", { name: "Link to a higher plan" });
    // The page settled: the node list loaded with the chosen node open, its toolbar shown, and nothing still
    // fetching, so a link that came with a later answer would be on the page by now.
    const settle = async (code: string) => {
      await page.locator(`[role="tree"] [data-node-code="${code}"]`).waitFor();
      await page.getByRole("button", { name: "Add a sub-item" }).waitFor();
      await page.waitForLoadState("networkidle");
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    };
    await page.goto(`/plans/${national}?node=S4`);
    await settle("S4");
    expect(await link.count()).toBe(0);
    // The same settling on a cluster plan finds its link: the wait above is long enough to see one.
    const cluster = await examplePlanId("cluster_plan", "EX-DIP-COFFEE-FY2021-2022");
    await page.goto(`/plans/${cluster}?node=CS1`);
    await settle("CS1");
    expect(await link.count()).toBe(1);
    await context.close();
  });

  it("asks before deleting a target, and keeps it when the question is cancelled", async () => {
    const { context, page } = await openAsAdminIn(h, "en", `/plans/${planId}?node=S1`);
    const indicator = page.locator('[data-indicator-code="BK1"]');
    const remove = indicator.getByRole("button", { name: "Delete this target" });
    await remove.click();
    const question = indicator.getByRole("group", { name: /Delete the target for FY2021/ });
    await expect.poll(() => question.count()).toBe(1);
    const deletes = watchDeletes(page);
    await question.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => question.count()).toBe(0);
    // Kept on the server (asked after the cancel, so a DELETE the cancel sent would have been sent before) and on the page.
    expect(itemCount(await apiGet(page, `/api/indicators/${indicatorId}/targets`))).toBe(1);
    expect(deletes).toEqual([]);
    expect(await indicator.locator(".target-list li").count()).toBe(1);
    await remove.click();
    await question.getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => indicator.innerText()).toContain("No targets yet.");
    await context.close();
  });

  it("asks before deleting an indicator and a plan node, and keeps them when cancelled", async () => {
    const { context, page } = await openAsAdminIn(h, "en", `/plans/${planId}?node=S2`);
    const indicator = page.locator('[data-indicator-code="BK2"]');
    await indicator.getByRole("button", { name: "Delete", exact: true }).click();
    const askIndicator = page.getByRole("alertdialog");
    await expect.poll(() => askIndicator.innerText()).toContain("Delete indicator BK2");
    const deletes = watchDeletes(page);
    await askIndicator.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => askIndicator.count()).toBe(0);
    expect(codesOf(await apiGet(page, `/api/plans/${planId}`))).toContain("BK2");
    expect(deletes).toEqual([]);
    expect(await indicator.count()).toBe(1);
    await indicator.getByRole("button", { name: "Delete", exact: true }).click();
    await askIndicator.getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => indicator.count()).toBe(0);

    const toolbar = page.locator(".node-toolbar");
    await toolbar.getByRole("button", { name: "Delete", exact: true }).click();
    const askNode = page.getByRole("alertdialog");
    await expect.poll(() => askNode.innerText()).toContain("Strategy 2");
    const deletesAfter = deletes.length;
    await askNode.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => askNode.count()).toBe(0);
    expect(codesOf(await apiGet(page, `/api/plans/${planId}`))).toContain("S2");
    expect(deletes.length).toBe(deletesAfter);
    const treeItem = page.locator('[role="tree"] [data-node-code="S2"]');
    expect(await treeItem.count()).toBe(1);
    await toolbar.getByRole("button", { name: "Delete", exact: true }).click();
    await askNode.getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => treeItem.count()).toBe(0);
    await context.close();
  });
});
