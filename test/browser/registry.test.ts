import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { dbdFirms, dbdMonthlyCsv } from "../../packages/importer/src/test-support/dbd-monthly.ts";

// The harness starts a new embedded database, so the seeds' example clusters are there.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function coffeeClusterId(): Promise<number> {
  const response = await fetch(`${h.baseUrl}/api/search?q=${encodeURIComponent("กาแฟ")}&type=cluster`);
  const body: unknown = await response.json();
  if (typeof body === "object" && body !== null && "items" in body && Array.isArray(body.items)) {
    const first: unknown = body.items[0];
    if (typeof first === "object" && first !== null && "id" in first && typeof first.id === "number") return first.id;
  }
  throw new Error("no coffee cluster in the example data");
}

describe("cluster page", () => {
  it("shows members in value-chain columns, upstream to downstream, linking to their firms", async () => {
    const id = await coffeeClusterId();
    const { context, page } = await h.newPage("th");
    await page.goto(`/clusters/${id}`);
    await expect.poll(() => page.locator("[data-stage]").count()).toBe(3);
    const stages = await page.locator("[data-stage]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-stage")));
    expect(stages).toEqual(["upstream", "midstream", "downstream"]);
    expect(await page.locator('[data-stage="upstream"] [data-enterprise-id]').count()).toBeGreaterThan(0);
    expect(await page.locator("main").innerText()).toContain("ต้นน้ำ");
    await page.locator('[data-stage="upstream"] [data-enterprise-id] a').first().click();
    await page.waitForURL(/\/enterprises\/\d+/);
    await context.close();
  });

  it("draws the network in lanes and lists suggested links with their reasons", async () => {
    const id = await coffeeClusterId();
    const { context, page } = await h.newPage("en");
    await page.goto(`/clusters/${id}?tab=network`);
    await expect.poll(() => page.locator("svg [data-enterprise-id]").count()).toBeGreaterThan(2);
    await page.goto(`/clusters/${id}?tab=suggestions`);
    await expect.poll(() => page.locator("[data-suggestion]").count()).toBeGreaterThan(0);
    expect((await page.locator("[data-suggestion]").first().innerText()).length).toBeGreaterThan(20);
    await context.close();
  });
});

describe("import wizard", () => {
  it("imports the DBD monthly file: upload, mapping preview, progress, row report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sainam-upload-"));
    const file = join(dir, "99_256701.csv");
    writeFileSync(file, dbdMonthlyCsv(), "utf8");
    const { context, page } = await h.newPage("en");
    await h.signIn(page);
    await page.goto("/import");
    await page.locator('input[type="radio"][value="enterprises"]').check();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.locator("main form button[type=submit]").click();
    await expect.poll(() => page.locator("table.mapping-table select").count()).toBeGreaterThan(3);
    expect(await page.locator("main").innerText()).toContain("ชื่อนิติบุคคล");
    await page.locator(".form-actions button.button-primary").last().click();
    const report = page.locator('[data-testid="import-report"]');
    await expect.poll(() => report.count(), { timeout: 30_000 }).toBe(1);
    const text = await report.innerText();
    expect(text).toContain(String(dbdFirms.length));
    const imported = await page.evaluate(async (ids) => {
      const found = [];
      for (const id of ids) {
        const r = await fetch(`/api/search?q=${id}&type=enterprise`);
        const body: unknown = await r.json();
        if (typeof body === "object" && body !== null && "total" in body) found.push(body.total);
      }
      return found;
    }, dbdFirms.map((f) => f.juristicId));
    expect(imported.every((n) => n === 1)).toBe(true);
    await context.close();
  });
});
