import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { catalogueGzip, measureFirstLoad } from "../../scripts/first-load.ts";
import { startHarness, type Harness } from "./harness.ts";

// Issue 12 point 7: a first visit downloads at most 150 KB of compressed script before the first screen paints (the
// entry, what it preloads and the shell of the Thai catalogue), and only the wording of the language it reads.
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
  it("stays within the script budget before the first paint in Thai, gzip", () => {
    const { scripts, gzipBytes } = measureFirstLoad(dist);
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzipBytes + catalogueGzip(dist, "th", "shell")).toBeLessThanOrEqual(BUDGET_BYTES);
    // No catalogue and not the contract's schemas are preloaded: they come by dynamic import.
    expect(
      scripts.map((s) => s.file).filter((file) => /\/(catalogue-|contract-runtime)[\w-]*\.js$/.test(file)),
    ).toEqual([]);
    execFileSync(process.execPath, ["scripts/first-load.ts"], { stdio: "inherit" });
  });

  it("downloads only the Thai wording for a Thai visitor, and the English wording when they switch", async () => {
    const { context, page } = await h.newPage("th");
    try {
      const fetched = scriptsFetched(page);
      await page.goto(h.baseUrl);
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("th");
      await expect.poll(() => page.getByRole("navigation").first().textContent()).toMatch(/[\u0E00-\u0E7F]/);
      expect(fetched.some((path) => path.includes("/catalogue-th-shell-"))).toBe(true);
      await expect.poll(() => fetched.some((path) => path.includes("/catalogue-th-rest-"))).toBe(true);
      expect(fetched.some((path) => path.includes("/catalogue-en-"))).toBe(false);

      await page.getByRole("button", { name: /English/ }).click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
      await expect.poll(() => page.getByRole("navigation").first().textContent()).not.toMatch(/[\u0E00-\u0E7F]/);
      expect(fetched.filter((path) => path.includes("/catalogue-en-")).length).toBe(2);
    } finally {
      await context.close();
    }
  });
});
