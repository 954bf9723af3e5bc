import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { catalogueGzip, measureFirstLoad } from "../../scripts/first-load.ts";
import { startHarness, type Harness } from "./harness.ts";

// Issue 12 point 7: a first visit downloads at most 150 KB of compressed script before the app runs, and only the
// wording of the language it reads.
const dist = new URL("../../apps/web/dist/", import.meta.url).pathname;
const BUDGET_BYTES = 150 * 1024;
let h: Harness;

/** Every script the page fetches from now on. */
function scriptsFetched(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

describe("first load", () => {
  it("stays within the script budget: the entry and what it preloads, gzip", () => {
    const { scripts, gzipBytes } = measureFirstLoad(dist);
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    // Neither catalogue nor the contract's schemas are preloaded: they come by dynamic import.
    expect(scripts.map((s) => s.file).filter((file) => /\/(th|en|contract-runtime)-[\w-]+\.js$/.test(file))).toEqual(
      [],
    );
    // Each catalogue on its own is a fraction of the budget.
    expect(catalogueGzip(dist, "th")).toBeLessThan(BUDGET_BYTES / 4);
    execFileSync(process.execPath, ["scripts/first-load.ts"], { stdio: "inherit" });
  });

  it("downloads only the Thai wording for a Thai visitor, and the English wording when they switch", async () => {
    const { context, page } = await h.newPage("th");
    try {
      const fetched = scriptsFetched(page);
      await page.goto(h.baseUrl);
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("th");
      await expect.poll(() => page.getByRole("navigation").first().textContent()).toMatch(/[\u0E00-\u0E7F]/);
      expect(fetched.some((path) => /\/th-[\w-]+\.js$/.test(path))).toBe(true);
      expect(fetched.some((path) => /\/en-[\w-]+\.js$/.test(path))).toBe(false);

      await page.getByRole("button", { name: /English/ }).click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
      await expect.poll(() => page.getByRole("navigation").first().textContent()).not.toMatch(/[\u0E00-\u0E7F]/);
      expect(fetched.some((path) => /\/en-[\w-]+\.js$/.test(path))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
