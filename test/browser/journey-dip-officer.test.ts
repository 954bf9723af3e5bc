import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit } from "../../packages/core/src/juristic-id.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { ClusterPage } from "./pages/cluster.ts";
import { chooseFiscalYear, rowTexts } from "./pages/common.ts";
import { ImportWizard } from "./pages/import-wizard.ts";
import { ProgrammePage } from "./pages/programme.ts";
import { openAs } from "./pages/session.ts";

// Journey of a DIP programme officer, in Thai from sign-in to result: a new cluster, its members from one
// spreadsheet, then a programme for the fiscal year that supports the cluster, with a budget, an activity and a
// value claim; the result is read on the programme page.
let h: Harness;
const officer = {
  email: "dip-journey@example.org",
  password: "dip-journey-password-1",
  displayName: "สมชาย ส่งเสริม",
  locale: "th",
} satisfies TestUser;

/** The fiscal year the journey works in (C.E.): FY2027 = ปีงบประมาณ พ.ศ. 2570, from 1/10/2569. */
const FY = 2027;
const CLUSTER = { code: "dip-coffee-nan-2570", nameTh: "คลัสเตอร์กาแฟเมืองน่าน" };
const PROGRAMME = { code: "dip-cluster-2570", nameTh: "โครงการพัฒนาคลัสเตอร์กาแฟน่าน ปีงบประมาณ 2570" };

/** A valid 13-digit juristic ID from its first twelve digits (the check digit computed as the DBD does). */
function juristicId(first12: string): string {
  const check = juristicIdCheckDigit(first12);
  if (check === null) throw new Error(`not twelve digits: ${first12}`);
  return `${first12}${check}`;
}

type StageColumn = "upstream" | "midstream" | "downstream";

/** The members, upstream to downstream, as a DIP officer's list of them reads. */
const firms: Array<{ id: string; name: string; province: string; stage: string; column: StageColumn }> = [
  {
    id: juristicId("055556100001"),
    name: "บริษัท ไร่กาแฟดอยภูคา จำกัด",
    province: "น่าน",
    stage: "ต้นน้ำ",
    column: "upstream",
  },
  {
    id: juristicId("055556200002"),
    name: "ห้างหุ้นส่วนจำกัด น่านคั่วบด",
    province: "น่าน",
    stage: "กลางน้ำ",
    column: "midstream",
  },
  {
    id: juristicId("055556300003"),
    name: "บริษัท กาแฟเมืองน่าน เทรดดิ้ง จำกัด",
    province: "น่าน",
    stage: "ปลายน้ำ",
    column: "downstream",
  },
];

/** The spreadsheet: Thai headers, B.E. dates, no cluster column (the wizard gives the cluster to every row). */
function membersCsv(): string {
  const rows = firms.map((f) => [f.id, f.name, f.province, f.stage, "1/10/2569"].join(","));
  return ["เลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล,จังหวัด,ขั้น,วันที่เข้าร่วม", ...rows].join("\r\n") + "\r\n";
}

beforeAll(async () => {
  h = await startHarness();
  await createUser(await apiSession(h.baseUrl, ADMIN), officer, {
    role: "agency_officer",
    agencyId: await agencyId(h.baseUrl, "DIP"),
  });
});
afterAll(async () => {
  await h?.close();
});

describe("a DIP officer's journey, in Thai", () => {
  it("sets up a cluster with its members from one spreadsheet, then a programme with budget, activity and claim", async () => {
    const { context, page } = await openAs(h, officer, "th", "/clusters");

    // 1. The cluster, from the directory's own button.
    await page.getByRole("link", { name: "เพิ่มคลัสเตอร์" }).click();
    await page.waitForURL("**/clusters/new");
    await page.getByLabel("ชื่อภาษาไทย", { exact: true }).fill(CLUSTER.nameTh);
    await page.getByLabel("รหัสคลัสเตอร์", { exact: true }).fill(CLUSTER.code);
    await page.getByRole("button", { name: "เพิ่มคลัสเตอร์" }).click();
    await page.waitForURL(/\/clusters\/\d+$/);
    const clusterId = Number(/\/clusters\/(\d+)$/.exec(page.url())?.[1]);
    await page.getByRole("heading", { level: 1, name: CLUSTER.nameTh }).waitFor();

    // 2. Its members, new to the registry, from one spreadsheet through the import wizard.
    const file = join(mkdtempSync(join(tmpdir(), "sainam-journey-")), "สมาชิกคลัสเตอร์กาแฟน่าน.csv");
    writeFileSync(file, membersCsv(), "utf8");
    const wizard = new ImportWizard(page);
    await wizard.open();
    await page.getByRole("radio", { name: "สมาชิกคลัสเตอร์" }).check();
    await page.getByLabel("ไฟล์ (CSV หรือ Excel)").setInputFiles(file);
    await page.getByRole("button", { name: "อัปโหลด" }).click();
    const target = page.getByLabel("คลัสเตอร์สำหรับทุกแถว (ไม่บังคับ)");
    await expect.poll(() => target.locator("option").allInnerTexts()).toContain(`${CLUSTER.nameTh} (${CLUSTER.code})`);
    await target.selectOption({ label: `${CLUSTER.nameTh} (${CLUSTER.code})` });
    await page.getByRole("button", { name: "เริ่มนำเข้า" }).click();
    const report = page.getByTestId("import-report");
    await report.waitFor({ timeout: 30_000 });
    // One row per member, each added (to the registry and to the cluster).
    await expect.poll(() => rowTexts(report.locator("table"))).toHaveLength(firms.length);
    for (const row of await rowTexts(report.locator("table"))) expect(row).toContain("นำเข้าใหม่");

    // The cluster page shows each member in its stage.
    const cluster = new ClusterPage(page);
    await cluster.open(clusterId);
    for (const firm of firms) await expect.poll(() => cluster.stage(firm.column).innerText()).toContain(firm.name);

    // 3. The programme for FY2570, supporting the cluster.
    await page.goto("/programmes");
    await page.getByRole("button", { name: "สร้างโครงการใหม่" }).click();
    await page.getByLabel("รหัส", { exact: true }).fill(PROGRAMME.code);
    await page.getByLabel("ชื่อภาษาไทย").fill(PROGRAMME.nameTh);
    await page.getByLabel("ปีงบประมาณแรก").selectOption({ label: "ปีงบประมาณ พ.ศ. 2570" });
    await page.getByRole("checkbox", { name: /เผยแพร่/ }).check();
    await page.getByRole("button", { name: "สร้างโครงการ", exact: true }).click();
    await page.waitForURL(/\/programmes\/\d+$/);
    await page.getByRole("heading", { level: 1, name: PROGRAMME.nameTh }).waitFor();

    await page.getByRole("button", { name: "เพิ่มคลัสเตอร์ที่สนับสนุน" }).click();
    const supportForm = page.getByRole("form", { name: "เพิ่มคลัสเตอร์ที่สนับสนุน" });
    await chooseFiscalYear(supportForm, FY);
    const clusterSelect = supportForm.getByLabel("คลัสเตอร์", { exact: true });
    await expect.poll(() => clusterSelect.locator("option").allInnerTexts()).toContain(CLUSTER.nameTh);
    await clusterSelect.selectOption({ label: CLUSTER.nameTh });
    await supportForm.getByRole("button", { name: "เพิ่มคลัสเตอร์ที่สนับสนุน" }).click();
    await expect.poll(() => page.getByTestId("supported-clusters").innerText()).toContain(CLUSTER.nameTh);
    // The cluster's members, all at once, after a question that says how many.
    const clusterRow = page.getByTestId("supported-clusters").locator("li", { hasText: CLUSTER.nameTh });
    await clusterRow.getByRole("button", { name: /^เพิ่มสมาชิกปัจจุบันทั้งหมดของ/ }).click();
    await clusterRow.getByRole("button", { name: `เพิ่ม ${firms.length} ราย` }).click();
    await expect.poll(() => page.getByTestId("supported-firms-count").innerText()).toBe(`${firms.length} ราย`);

    // Budget for the year.
    await page.getByRole("button", { name: "เพิ่มรายการงบประมาณ" }).click();
    await chooseFiscalYear(page, FY);
    await page.getByLabel("งบประมาณที่ได้รับจัดสรร (บาท)").fill("850,000");
    await page.getByRole("button", { name: "บันทึก", exact: true }).click();
    await expect.poll(() => page.getByTestId("budget-lines").innerText()).toContain("฿850,000");

    // An activity, typed with its Thai title and a B.E. date.
    await page.getByRole("button", { name: "บันทึกกิจกรรม" }).click();
    await page.getByLabel("ชื่อกิจกรรม (ภาษาไทย)").fill("อบรมการคั่วกาแฟพิเศษ");
    await page.getByLabel("วันเริ่ม").fill("15/11/2569");
    await page.getByRole("button", { name: "บันทึก", exact: true }).click();
    await page.getByRole("button", { name: "ผลลัพธ์ของ “อบรมการคั่วกาแฟพิเศษ”" }).waitFor();

    // A value claim by one of the imported firms, found by its Thai name.
    await page.getByRole("button", { name: "บันทึกการอ้างมูลค่าทางเศรษฐกิจ" }).click();
    const claimForm = page.locator("form", {
      has: page.getByRole("heading", { name: "บันทึกการอ้างมูลค่าทางเศรษฐกิจ" }),
    });
    await chooseFiscalYear(claimForm, FY);
    await claimForm.getByLabel("จำนวนเงิน (บาท)").fill("1,200,000");
    await claimForm.getByLabel("บันทึกหลักฐาน").fill("ยอดขายกาแฟคั่วตามใบกำกับภาษี พ.ย. 2569");
    await claimForm.getByLabel("วิสาหกิจ", { exact: true }).fill("น่านคั่วบด");
    await claimForm.getByRole("button", { name: `เลือก ${firms[1]?.name ?? ""}` }).click();
    await claimForm.getByRole("button", { name: "บันทึกการอ้างมูลค่าทางเศรษฐกิจ" }).click();
    await expect.poll(() => page.getByTestId("claim-notice").innerText()).toMatch(/^บันทึกการอ้างมูลค่าเลขที่ \d+ แล้ว/);

    // 4. The result, on the programme page in Thai: the year's figures.
    const programme = new ProgrammePage(page);
    const year = programme.fiscalYear(FY);
    await expect.poll(() => year.locator("h3").innerText()).toBe("ปีงบประมาณ พ.ศ. 2570");
    await expect
      .poll(async () => {
        const recorded = await programme.figures(FY, "recorded");
        return { clusters: recorded[0], firms: recorded[1], budget: recorded[2], claimed: recorded[6] };
      })
      .toEqual({ clusters: "1", firms: String(firms.length), budget: "฿850,000", claimed: "฿1,200,000" });
    await context.close();
  });
});
