import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { juristicIdCheckDigit } from "@sainam/core";
import { apiSession, field, items, publicGet } from "./pages/api.ts";
import { ClusterPage } from "./pages/cluster.ts";
import { ImportWizard } from "./pages/import-wizard.ts";
import { openAs } from "./pages/session.ts";
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
  const id = field(
    items(await publicGet(h.baseUrl, `/api/search?q=${encodeURIComponent("กาแฟ")}&type=cluster`))[0],
    "id",
  );
  if (typeof id !== "number") throw new Error("no coffee cluster in the example data");
  return id;
}

describe("cluster page", () => {
  it("shows members in value-chain columns, upstream to downstream, linking to their firms", async () => {
    const id = await coffeeClusterId();
    const { context, page } = await openAs(h, null, "th");
    const cluster = new ClusterPage(page);
    await cluster.open(id);
    await expect.poll(() => cluster.stages().count()).toBe(3);
    const stages = await cluster.stages().evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-stage")));
    expect(stages).toEqual(["upstream", "midstream", "downstream"]);
    expect(await page.locator('[data-stage="upstream"] [data-enterprise-id]').count()).toBeGreaterThan(0);
    expect(await page.locator("main").innerText()).toContain("ต้นน้ำ");
    await page.locator('[data-stage="upstream"] [data-enterprise-id] a').first().click();
    await page.waitForURL(/\/enterprises\/\d+/);
    await context.close();
  });

  it("draws the network in lanes and lists suggested links with their reasons", async () => {
    const id = await coffeeClusterId();
    const { context, page } = await openAs(h, null, "en");
    const cluster = new ClusterPage(page);
    await cluster.open(id, "network");
    await expect.poll(() => page.locator("svg [data-enterprise-id]").count()).toBeGreaterThan(2);
    await cluster.open(id, "suggestions");
    await expect.poll(() => page.locator("[data-suggestion]").count()).toBeGreaterThan(0);
    expect((await page.locator("[data-suggestion]").first().innerText()).length).toBeGreaterThan(20);
    await context.close();
  });
});

describe("programmes on the cluster page", () => {
  it("lists the programmes supporting a cluster, linking to each, in Thai", async () => {
    // An example programme with a Thai name that supports a cluster.
    let found: { programmeId: number; nameTh: string; clusterId: number } | null = null;
    for (const programme of items(await publicGet(h.baseUrl, "/api/programmes?pageSize=100"))) {
      const programmeId = Number(field(programme, "id"));
      const nameTh = field(programme, "nameTh");
      const supported = items(await publicGet(h.baseUrl, `/api/programmes/${programmeId}/clusters`));
      if (typeof nameTh === "string" && supported.length > 0) {
        found = { programmeId, nameTh, clusterId: Number(field(supported[0], "clusterId")) };
        break;
      }
    }
    if (!found) throw new Error("no example programme supports a cluster");
    const { programmeId, nameTh, clusterId } = found;
    const { context, page } = await openAs(h, null, "th");
    await new ClusterPage(page).open(clusterId, "programmes");
    const link = page.getByRole("link", { name: nameTh });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await page.waitForURL(new RegExp(`/programmes/${programmeId}$`));
    await context.close();
  });
});

describe("suggestions with nothing to go on", () => {
  it("tells a coordinator which data is missing instead of an empty list", async () => {
    const admin = await apiSession(h.baseUrl, ADMIN);
    const clusterId = await admin.create("/api/clusters", {
      code: "bare-suggestions",
      kind: "industry_cluster",
      nameTh: "คลัสเตอร์ยังไม่มีข้อมูลสินค้า",
      published: true,
    });
    for (const [n, stage] of [
      ["050599000001", "upstream"],
      ["050599000002", "downstream"],
    ] as const) {
      const firmId = await admin.create("/api/enterprises", {
        juristicId: `${n}${juristicIdCheckDigit(n)}`,
        nameTh: `บริษัท ยังไม่บันทึกสินค้า ${stage} จำกัด`,
      });
      await admin.post(`/api/clusters/${clusterId}/members`, { enterpriseId: firmId, stage });
    }
    const { context, page } = await openAs(h, null, "th");
    await new ClusterPage(page).open(clusterId, "suggestions");
    await expect.poll(() => page.locator("main").innerText()).toContain("ยังเสนอการเชื่อมโยงไม่ได้ เพราะยังขาดข้อมูลต่อไปนี้");
    const text = await page.locator("main").innerText();
    expect(text).toContain("ยังไม่มีสมาชิกรายใดบันทึกสินค้าที่ผลิต");
    expect(text).toContain("ยังไม่มีสมาชิกรายใดบันทึกปัจจัยการผลิตที่ต้องใช้");
    expect(text).toContain("สมาชิกที่มีรหัสประเภทธุรกิจ (TSIC) ยังไม่ถึง 2 ราย");
    expect(await page.locator("[data-suggestion]").count()).toBe(0);
    await context.close();
  });
});

describe("import wizard", () => {
  it("imports the DBD monthly file: upload, mapping preview, progress, row report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sainam-upload-"));
    const file = join(dir, "99_256701.csv");
    writeFileSync(file, dbdMonthlyCsv(), "utf8");
    const { context, page } = await openAs(h, "admin", "en");
    const wizard = new ImportWizard(page);
    await wizard.open();
    await wizard.upload("enterprises", file);
    expect(await page.locator("main").innerText()).toContain("ชื่อนิติบุคคล");
    const report = await wizard.run();
    const text = await report.innerText();
    expect(text).toContain(String(dbdFirms.length));
    const imported = await page.evaluate(
      async (ids) => {
        const found = [];
        for (const id of ids) {
          const r = await fetch(`/api/search?q=${id}&type=enterprise`);
          const body: unknown = await r.json();
          if (typeof body === "object" && body !== null && "total" in body) found.push(body.total);
        }
        return found;
      },
      dbdFirms.map((f) => f.juristicId),
    );
    expect(imported.every((n) => n === 1)).toBe(true);
    await context.close();
  });
});
