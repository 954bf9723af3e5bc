import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, items, type TestUser } from "./pages/api.ts";
import { ImportWizard } from "./pages/import-wizard.ts";
import { openAs } from "./pages/session.ts";
import { dbdFirms, dbdMonthlyCsv } from "../../packages/importer/src/test-support/dbd-monthly.ts";

// An officer uploads a file and leaves without running it; an admin finds it in the import history (all users'
// imports), takes it over and runs it. The batch is the officer's until then: the admin cannot see it otherwise.
let h: Harness;
const officer = {
  email: "import-officer@example.org",
  password: "import-officer-password-1",
  displayName: "สมศรี นำเข้า",
  locale: "th",
} satisfies TestUser;
const FILE_NAME = "99_256703.csv";

/** The admin's own batches (or every user's), as the API answers them to a fresh session. */
async function adminBatches(
  owner: "mine" | "all",
): Promise<Array<{ fileName: unknown; mine: unknown; status: unknown }>> {
  const admin = await apiSession(h.baseUrl, ADMIN);
  return items(await admin.get(`/api/imports?owner=${owner}`)).map((i) => ({
    fileName: field(i, "fileName"),
    mine: field(i, "mine"),
    status: field(i, "status"),
  }));
}

beforeAll(async () => {
  h = await startHarness();
  await createUser(await apiSession(h.baseUrl, ADMIN), officer, {
    role: "agency_officer",
    agencyId: await agencyId(h.baseUrl, "MOC"),
  });
});
afterAll(async () => {
  await h?.close();
});

describe("import history", () => {
  it("an admin finds an officer's unfinished upload among all users' imports, takes it over and runs it", async () => {
    // The officer uploads through the import page and leaves at the mapping step.
    const dir = mkdtempSync(join(tmpdir(), "sainam-upload-"));
    const file = join(dir, FILE_NAME);
    writeFileSync(file, dbdMonthlyCsv(), "utf8");
    const officerTab = await openAs(h, officer, "th", "/import");
    await new ImportWizard(officerTab.page).upload("enterprises", file);
    // Their history lists it as waiting to be imported.
    await officerTab.page.getByRole("link", { name: "ประวัติการนำเข้าข้อมูล" }).click();
    await officerTab.page.waitForURL(/\/import\/history$/);
    const officerRow = officerTab.page.locator("tbody tr", { hasText: FILE_NAME });
    await expect.poll(() => officerRow.innerText()).toContain("อัปโหลดแล้ว ยังไม่ได้นำเข้า");
    await officerTab.context.close();
    expect((await adminBatches("mine")).map((b) => b.fileName)).not.toContain(FILE_NAME);

    // The admin, in Thai, opens the history from the navigation and shows all users' imports.
    const { context, page } = await openAs(h, "admin", "th", "/import");
    const nav = page.getByRole("navigation", { name: "เมนูหลัก" });
    await nav.getByRole("button", { name: "จัดการข้อมูล" }).click();
    await nav.getByRole("link", { name: "ประวัติการนำเข้า" }).click();
    await page.waitForURL(/\/import\/history$/);
    await expect.poll(() => page.locator("h1").innerText()).toBe("ประวัติการนำเข้าข้อมูล");
    await expect.poll(() => page.locator("main").innerText()).toContain("คุณยังไม่มีการนำเข้าข้อมูล");
    // The box shows the address (?owner=all), which the router updates after the click: click, then see it ticked.
    await page.getByLabel("การนำเข้าของผู้ใช้ทุกคน").click();
    await page.waitForURL(/owner=all/);
    await expect.poll(() => page.getByLabel("การนำเข้าของผู้ใช้ทุกคน").isChecked()).toBe(true);
    const row = page.locator("tbody tr", { hasText: FILE_NAME });
    await expect.poll(() => row.count()).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain(officer.displayName);
    expect(rowText).toContain("วิสาหกิจ");
    expect(rowText).toContain("อัปโหลดแล้ว ยังไม่ได้นำเข้า");
    // Dates in the Buddhist era.
    expect(rowText).toMatch(/25\d\d/);

    // Take over, asked twice; a cancel leaves the batch the officer's.
    await row.getByRole("button", { name: `รับช่วงต่อ: ${FILE_NAME}` }).click();
    await row.getByRole("button", { name: "ยกเลิก" }).click();
    expect((await adminBatches("all")).find((b) => b.fileName === FILE_NAME)?.mine).toBe(false);
    await row.getByRole("button", { name: `รับช่วงต่อ: ${FILE_NAME}` }).click();
    await row.getByRole("group").getByRole("button", { name: "รับช่วงต่อ" }).click();

    // The batch opens at the mapping step with its preview; the admin runs it and reads the report.
    await page.waitForURL(/\/import\?batch=\d+$/);
    await expect.poll(() => page.locator("table.mapping-table select").count()).toBeGreaterThan(3);
    expect(await page.locator("main").innerText()).toContain("ชื่อนิติบุคคล");
    expect((await adminBatches("mine")).map((b) => b.fileName)).toContain(FILE_NAME);
    const report = await new ImportWizard(page).run();
    expect(await report.innerText()).toContain(String(dbdFirms.length));

    // Back in the history, the batch is the admin's and done.
    await page.goto("/import/history");
    const done = page.locator("tbody tr", { hasText: FILE_NAME });
    await expect.poll(() => done.innerText()).toContain("เสร็จแล้ว");
    expect(await done.innerText()).toContain(`เพิ่ม ${dbdFirms.length}`);
    await context.close();
  });
});
