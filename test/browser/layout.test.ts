import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { dbdMonthlyCsv } from "../../packages/importer/src/test-support/dbd-monthly.ts";
import { startHarness, type Harness } from "./harness.ts";
import { field, idByCode, items, publicGet } from "./pages/api.ts";
import { ImportWizard } from "./pages/import-wizard.ts";
import { openAs } from "./pages/session.ts";

// No main page scrolls sideways on a 1280 × 800 screen, in Thai or English, with the example data: wide tables
// scroll inside their own labelled, focusable region instead.
let h: Harness;
const ids = { cluster: 0, plan: 0, indicator: 0, programme: 0 };

/** The id of the first indicator in a plan tree. */
function firstIndicatorId(tree: unknown): number | null {
  if (Array.isArray(tree)) {
    for (const item of tree) {
      const found = firstIndicatorId(item);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof tree !== "object" || tree === null) return null;
  if (field(tree, "aggregation") !== undefined && typeof field(tree, "id") === "number")
    return Number(field(tree, "id"));
  for (const value of Object.values(tree)) {
    const found = firstIndicatorId(value);
    if (found !== null) return found;
  }
  return null;
}

beforeAll(async () => {
  h = await startHarness();
  // The example coffee cluster (by its code, not through search, whose index may still be building).
  ids.cluster = await idByCode(h.baseUrl, "/api/clusters?pageSize=100", "dip-coffee");
  ids.plan = await idByCode(h.baseUrl, "/api/plans", "MOC-PCT-2017-2021");
  ids.indicator = firstIndicatorId(await publicGet(h.baseUrl, `/api/plans/${ids.plan}`)) ?? 0;
  ids.programme = Number(field(items(await publicGet(h.baseUrl, "/api/programmes?pageSize=200"))[0], "id"));
  for (const [name, id] of Object.entries(ids)) if (!(id > 0)) throw new Error(`no example ${name}`);
});
afterAll(async () => {
  await h?.close();
});

/** How far the document scrolls sideways, and the wide tables that are not inside a scrolling region. */
async function measure(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[]; unlabelled: number }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits: string[] = [];
    // An element that ends past the window's right edge, outside a table's scrolling region.
    for (const element of document.querySelectorAll("body *")) {
      const box = element.getBoundingClientRect();
      if (box.right > innerWidth + 1) {
        // Inside a table's own scrolling region is fine; the region itself must fit.
        const scroller = element.parentElement?.closest('[role="region"].table-scroll-area');
        if (!scroller)
          culprits.push(
            `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} → ${Math.round(box.right)}`,
          );
      }
    }
    const regions = [...document.querySelectorAll('[role="region"].table-scroll-area')];
    const unlabelled = regions.filter((r) => !r.getAttribute("aria-label")).length;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      culprits: culprits.slice(0, 8),
      unlabelled,
    };
  });
}

type Visit = { name: string; path: () => string; signedIn?: boolean; ready: string };

const pages: Visit[] = [
  { name: "clusters", path: () => "/clusters", ready: "table" },
  { name: "cluster page", path: () => `/clusters/${ids.cluster}`, ready: "[data-stage]" },
  { name: "enterprises", path: () => "/enterprises", ready: "table" },
  { name: "plan editor", path: () => `/plans/${ids.plan}`, signedIn: true, ready: "main h1" },
  { name: "value entry matrix", path: () => `/values?plan=${ids.plan}`, signedIn: true, ready: "table" },
  { name: "approval queue", path: () => "/values/queue", signedIn: true, ready: "main h1" },
  { name: "dashboard", path: () => `/dashboard?plan=${ids.plan}&year=2021`, ready: "tr[data-indicator-code]" },
  { name: "indicator page", path: () => `/indicators/${ids.indicator}`, ready: "main h1" },
  { name: "programmes", path: () => "/programmes", ready: "main h1" },
  { name: "programme page", path: () => `/programmes/${ids.programme}`, signedIn: true, ready: "main h1" },
  { name: "figures", path: () => "/figures", ready: "main h1" },
  { name: "events", path: () => "/events", ready: "main h1" },
  { name: "new event", path: () => "/events/new", signedIn: true, ready: "form button[type=submit]" },
  { name: "services dashboard", path: () => "/services/figures", signedIn: true, ready: "main h1" },
  { name: "users", path: () => "/admin/users", signedIn: true, ready: "table" },
  { name: "audit", path: () => "/admin/audit", signedIn: true, ready: "table" },
  { name: "holidays", path: () => "/admin/holidays", signedIn: true, ready: "table" },
  { name: "failed mail", path: () => "/admin/mail", signedIn: true, ready: ".state-empty, table" },
];

for (const locale of ["th", "en"] as const) {
  describe(`layout at 1280 × 800 (${locale})`, () => {
    for (const visit of pages) {
      it(`keeps the ${visit.name} from scrolling sideways`, async () => {
        const { context, page } = await openAs(h, visit.signedIn ? "admin" : null, locale);
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(visit.path());
        await page.locator(visit.ready).first().waitFor();
        await page.waitForLoadState("networkidle");
        const result = await measure(page);
        expect(result.culprits, visit.name).toEqual([]);
        expect(result.scrollWidth, visit.name).toBeLessThanOrEqual(result.innerWidth);
        expect(result.unlabelled).toBe(0);
        await context.close();
      });
    }

    it("keeps the import report from scrolling sideways, its table scrolling in its own region", async () => {
      const dir = mkdtempSync(join(tmpdir(), "sainam-layout-"));
      const file = join(dir, "99_256701.csv");
      writeFileSync(file, dbdMonthlyCsv(), "utf8");
      const { context, page } = await openAs(h, "admin", locale);
      await page.setViewportSize({ width: 1280, height: 800 });
      const wizard = new ImportWizard(page);
      await wizard.open();
      await wizard.upload("enterprises", file);
      const mapping = await measure(page);
      expect(mapping.culprits).toEqual([]);
      expect(mapping.scrollWidth).toBeLessThanOrEqual(mapping.innerWidth);
      const report = await wizard.run();
      const result = await measure(page);
      expect(result.culprits).toEqual([]);
      expect(result.scrollWidth).toBeLessThanOrEqual(result.innerWidth);
      const region = report.locator('[role="region"]');
      expect(await region.getAttribute("aria-label")).toBeTruthy();
      await context.close();
    });
  });
}

describe("TableScroll", () => {
  it("lets a keyboard user reach and scroll a table wider than the screen, with a visible hint", async () => {
    const { context, page } = await openAs(h, "admin", "en");
    // A narrow window makes the audit log's table wider than its box.
    await page.setViewportSize({ width: 700, height: 800 });
    await page.goto("/admin/audit");
    const region = page.locator('[role="region"].table-scroll-area').first();
    await region.waitFor();
    await expect.poll(() => region.getAttribute("tabindex")).toBe("0");
    await expect.poll(() => page.locator(".table-scroll[data-more-end]").count()).toBeGreaterThan(0);
    expect(await page.locator(".table-scroll-hint").first().isVisible()).toBe(true);
    await region.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".table-scroll[data-more-start]").count()).toBeGreaterThan(0);
    await context.close();
  });
});
