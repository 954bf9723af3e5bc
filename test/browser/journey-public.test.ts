import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit } from "../../packages/core/src/juristic-id.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession } from "./pages/api.ts";
import { EnterprisePage } from "./pages/enterprise.ts";
import { openAs } from "./pages/session.ts";

// Journey of a public visitor, not signed in, in Thai: finds a firm by typing part of its Thai name in the header's
// search box and opens it; then finds a cluster from the map of Thailand (/map) and opens it.
let h: Harness;
let firmId: number;
let clusterId: number;
const FIRM = "บริษัท ชาอู่หลงดอยแม่สลอง จำกัด";
const CLUSTER = "คลัสเตอร์ชาและกาแฟเชียงราย";

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  clusterId = await admin.create("/api/clusters", {
    code: "chiangrai-tea-public",
    kind: "industry_cluster",
    nameTh: CLUSTER,
    coordinatingAgencyId: await agencyId(h.baseUrl, "DIP"),
    provinceCodes: ["57"],
    published: true,
  });
  const first12 = "057556500001";
  firmId = await admin.create("/api/enterprises", {
    juristicId: `${first12}${juristicIdCheckDigit(first12)}`,
    nameTh: FIRM,
    provinceCode: "57",
    products: [{ direction: "output", name: "ชาอู่หลง" }],
  });
  await admin.post(`/api/clusters/${clusterId}/members`, { enterpriseId: firmId, stage: "midstream" });
});
afterAll(async () => {
  await h?.close();
});

describe("a public visitor's journey, in Thai", () => {
  it("finds a firm by its Thai name and opens it", async () => {
    const { context, page } = await openAs(h, null, "th", "/");
    await page.getByRole("search").getByLabel("ค้นหาในสายน้ำ").fill("ชาอู่หลง");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=/);
    const result = page.getByTestId("search-results").getByRole("link", { name: FIRM });
    await result.click();
    await new EnterprisePage(page).waitFor(firmId);
    await expect.poll(() => page.locator("h1").innerText()).toContain(FIRM);
    await context.close();
  });

  it("finds a cluster from the map of Thailand and opens it", async () => {
    const { context, page } = await openAs(h, null, "th", "/map");
    // The map: each province a link named for it and its provincial cluster.
    const chiangRai = page.getByRole("link", { name: /^เชียงราย:/ });
    await chiangRai.click();
    await page.waitForURL(/\/provincial-clusters\/\d+$/);
    await expect.poll(() => page.locator("h1").innerText()).toMatch(/\S/);

    // From the provincial cluster to the province, and on to the clusters there.
    await page
      .locator(".chip-list")
      .getByRole("link", { name: /^เชียงราย/ })
      .click();
    await page.waitForURL("**/provinces/57");
    await page.getByRole("link", { name: "ดูคลัสเตอร์ในจังหวัดเชียงราย" }).click();
    await page.waitForURL(/\/clusters\?province=57/);
    await page.getByRole("link", { name: CLUSTER }).first().click();
    await page.waitForURL(`**/clusters/${clusterId}`);
    await expect.poll(() => page.locator("h1").innerText()).toContain(CLUSTER);
    await context.close();
  });
});
