import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, type TestUser } from "./pages/api.ts";
import { ImportWizard } from "./pages/import-wizard.ts";
import { ProvidersPage } from "./pages/providers.ts";
import { openAs } from "./pages/session.ts";
import {
  badExpertRows,
  EXPERT_HEADERS,
  expertRows,
  PROVIDER_HEADERS,
  providerRows,
  tableCsv,
  tableXlsx,
} from "../../packages/importer/src/test-support/service-providers.ts";

// Issue 13, point 1, in Thai: an admin imports the ITC network's providers (CSV) and then their experts (XLSX)
// through the import wizard. A first experts file with a mistake is refused whole, each row's problem named by its
// column; the corrected file goes in, and the experts appear on their ITC branch's page. The admin links one of them
// to an expert's user account found by name, and makes an officer the branch's manager.
let h: Harness;
let dir: string;
const BRANCH = "ศูนย์ ITC สาขาเชียงใหม่ (ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1)";
const expertUser: TestUser = { email: "pimchanok@example.org", password: "expert-password-1", locale: "th" };
const officer: TestUser = { email: "itc-officer@example.org", password: "officer-password-1", locale: "th" };

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), "sainam-provider-import-"));
  writeFileSync(join(dir, "หน่วยบริการ ITC.csv"), await tableCsv(PROVIDER_HEADERS, providerRows));
  writeFileSync(
    join(dir, "ผู้เชี่ยวชาญ-ผิด.xlsx"),
    await tableXlsx(EXPERT_HEADERS, [...expertRows.slice(0, 2), ...badExpertRows.slice(0, 2)]),
  );
  writeFileSync(join(dir, "ผู้เชี่ยวชาญ.xlsx"), await tableXlsx(EXPERT_HEADERS, expertRows));
  const admin = await apiSession(h.baseUrl, ADMIN);
  const itc = await agencyId(h.baseUrl, "DIP-ITC");
  await createUser(admin, officer, { role: "agency_officer", agencyId: itc });
  // An expert's account whose record (made with the account) was unlinked: the branch's record is to be theirs.
  const userId = await createUser(
    admin,
    { ...expertUser, displayName: "พิมพ์ชนก ศรีสุข" },
    {
      role: "expert",
      agencyId: itc,
      expertFields: ["marketing"],
    },
  );
  const own = field(await admin.get(`/api/users/${userId}`), "expertId");
  await admin.patch(`/api/experts/${String(own)}`, { userId: null });
});
afterAll(async () => {
  await h?.close();
});

describe("provider and expert import", () => {
  it("imports providers and experts through the wizard, shows the row report, lists the experts and links one", async () => {
    const { context, page } = await openAs(h, "admin", "th");
    const wizard = new ImportWizard(page);

    await wizard.open();
    await wizard.upload("providers", join(dir, "หน่วยบริการ ITC.csv"));
    // The Thai headers are mapped to the provider's fields by themselves.
    expect(await page.locator('tr[data-field="providerKind"] select').inputValue()).toBe("ประเภท");
    let report = await wizard.run();
    expect(await report.locator(".report-counts").innerText()).toContain(String(providerRows.length));
    expect(await report.locator('tr[data-row-status="imported"]').count()).toBe(providerRows.length);

    // A file with two bad rows: nothing is written, each row says which column is wrong.
    await wizard.open();
    await wizard.upload("experts", join(dir, "ผู้เชี่ยวชาญ-ผิด.xlsx"));
    report = await wizard.run();
    await expect.poll(() => page.getByRole("alert").first().innerText()).toContain("การนำเข้าล้มเหลว");
    const errors = report.locator('tr[data-row-status="error"]');
    expect(await errors.count()).toBe(2);
    expect(await errors.nth(0).innerText()).toContain("พื้นที่ให้บริการ");
    expect(await errors.nth(0).innerText()).toContain("เชียงใหม");
    expect(await errors.nth(1).innerText()).toContain("ความเชี่ยวชาญ");
    expect(await errors.nth(1).innerText()).toContain("โหราศาสตร์");

    // The corrected file goes in whole.
    await wizard.open();
    await wizard.upload("experts", join(dir, "ผู้เชี่ยวชาญ.xlsx"));
    report = await wizard.run();
    expect(await report.locator('tr[data-row-status="imported"]').count()).toBe(expertRows.length);

    const providers = new ProvidersPage(page);
    await providers.open();
    await providers.openProvider(BRANCH);
    const pim = providers.expertRow("นางสาวพิมพ์ชนก ศรีสุข");
    await expect.poll(() => pim.count()).toBe(1);
    expect(await pim.innerText()).toContain("การตลาด");
    expect(await pim.innerText()).toContain("ยังไม่เชื่อม");
    expect(await providers.expertRow("นายสมชาย ใจดี").count()).toBe(1);

    await providers.linkExpertUser("นางสาวพิมพ์ชนก ศรีสุข", "พิมพ์ชนก", "พิมพ์ชนก ศรีสุข");
    await expect.poll(() => pim.innerText()).toContain("เชื่อมกับบัญชีผู้ใช้แล้ว");

    await providers.addManager("itc-officer", officer.email);
    expect(await providers.managers().innerText()).toContain(officer.email);
    await context.close();
  });
});
