import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf, toBuddhistYear } from "@sainam/core";
import { openDatabase } from "@sainam/db";
import { requestFactory } from "../../apps/server/src/service-levels/request-factory.ts";
import { buildEnterprise } from "../../apps/server/src/test-support/factories.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { ProvidersPage } from "./pages/providers.ts";
import { ServiceFiguresPage } from "./pages/service-figures.ts";
import { openAs } from "./pages/session.ts";

// Issue 13, point 7: an agency officer opens the services dashboard in Thai, sees the figures of requests to their
// agency's provider (with their expert's caseload) and downloads them as XLSX.
let h: Harness;
const officer: TestUser = {
  email: "service-figures-officer@example.org",
  password: "officer-password-1",
  locale: "th",
};
const providerName = "ศูนย์บริการทดสอบตัวเลข";
const expertName = "คุณวิไล ที่ปรึกษา";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

// Requests are written straight into the server's embedded database (WAL lets both processes share it).
beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  await createUser(admin, officer, { role: "agency_officer", agencyId: dip });
  const providerId = await admin.create("/api/service-providers", {
    code: "BT-FIGURES",
    kind: "sme_centre",
    nameTh: providerName,
    agencyId: dip,
    provinceCodes: ["50"],
    services: ["marketing"],
    responseDays: 3,
  });
  const enterprise_id = await admin.create("/api/enterprises", buildEnterprise());
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    const f = requestFactory(database);
    const expertId = await f.expert(providerId, null, expertName);
    const common = { enterprise_id, provider_id: providerId, expert_id: expertId, province_code: "50" };
    // Filed a few days ago, so in the current fiscal year whatever the day the test runs (but 1-3 October).
    for (const [status, rating] of [
      ["closed", 5],
      ["closed", 4],
      ["accepted", null],
    ] as const)
      await f.request({
        ...common,
        status,
        filed_at: daysAgo(3),
        routed_at: daysAgo(3),
        first_response_at: daysAgo(2),
        closed_at: status === "closed" ? daysAgo(1) : null,
        rating,
      });
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  await h?.close();
});

describe("services dashboard", () => {
  it("shows an officer the figures of their provider's requests in Thai and downloads them as XLSX", async () => {
    const { context, page } = await openAs(h, officer, "th");
    const figures = new ServiceFiguresPage(page);
    await figures.open();
    await expect.poll(() => figures.total("คำขอ").textContent()).toBe("3");
    expect(await figures.total("ปิดแล้ว").textContent()).toBe("2");
    expect(await figures.total("สัดส่วนที่ให้ 4-5 คะแนน").textContent()).toBe("100%");
    const provider = figures.providerRow(providerName);
    expect(await provider.textContent()).toContain("ตอบกลับภายใน 3 วันทำการ, ปิดงานภายใน 30 วันทำการ");
    expect(await figures.caseloadRow(expertName).textContent()).toContain(providerName);

    const link = figures.downloadLink("ดาวน์โหลด Excel (XLSX)");
    const fiscalYear = fiscalYearOf(new Date());
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(`service-figures-${toBuddhistYear(fiscalYear)}-th.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(await download.path())).buffer);
    expect(workbook.getWorksheet("สรุป")?.getRow(3).values).toEqual([undefined, "คำขอ", 3]);
    expect(workbook.getWorksheet("ภาระงานผู้เชี่ยวชาญ")?.getRow(2).values).toEqual([
      undefined,
      expertName,
      providerName,
      1,
      2,
    ]);
    await context.close();
  });

  it("shows visitors the aggregates without the experts' names", async () => {
    const { context, page } = await openAs(h, null, "th");
    const figures = new ServiceFiguresPage(page);
    await figures.open();
    await expect.poll(() => figures.total("คำขอ").textContent()).toBe("3");
    expect(await page.getByTestId("service-caseload").count()).toBe(0);
    expect(await page.content()).not.toContain(expertName);
    await context.close();
  });

  it("lets the officer set the provider's service levels on its form and shows them", async () => {
    const { context, page } = await openAs(h, officer, "th");
    const providers = new ProvidersPage(page);
    await providers.open();
    await providers.openProvider(providerName);
    await providers.setTargets(2, 15);
    await expect
      .poll(() => providers.fact("เป้าหมายการให้บริการ").textContent())
      .toBe("ตอบกลับภายใน 2 วันทำการ, ปิดงานภายใน 15 วันทำการ");
    await context.close();
  });
});
