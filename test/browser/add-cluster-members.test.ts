import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, type TestUser } from "./pages/api.ts";
import { ProgrammePage } from "./pages/programme.ts";
import { openAs } from "./pages/session.ts";

// An officer adds every current member of a supported cluster to the programme's supported firms at once, in Thai:
// the page says how many will be added (and how many are skipped) before anything is saved.
let h: Harness;
let programmeId = 0;
const officer = {
  email: "dip-cluster-members@example.org",
  password: "dip-cluster-members-password-1",
  displayName: "DIP cluster members",
  locale: "th",
} satisfies TestUser;
const CLUSTER = "คลัสเตอร์ทุเรียนทดสอบ";
const FISCAL_YEAR = 2025;

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  await createUser(admin, officer, { role: "agency_officer", agencyId: dip });
  const clusterId = await admin.create("/api/clusters", {
    code: "browser-durian-members",
    kind: "industry_cluster",
    nameTh: CLUSTER,
    nameEn: "Test durian cluster",
    coordinatingAgencyId: dip,
    provinceCodes: ["22"],
    published: true,
  });
  const firms: number[] = [];
  for (const [n, name] of ["บริษัท ทุเรียนหนึ่ง จำกัด", "บริษัท ทุเรียนสอง จำกัด", "บริษัท ทุเรียนสาม จำกัด"].entries()) {
    const id = await admin.create("/api/enterprises", {
      ceRegistrationNo: `2250-000${n + 1}`,
      nameTh: name,
      provinceCode: "22",
      published: true,
    });
    await admin.post(`/api/clusters/${clusterId}/members`, { enterpriseId: id, stage: "upstream" });
    firms.push(id);
  }
  programmeId = await admin.create("/api/programmes", {
    code: "browser-durian-programme",
    agencyId: dip,
    nameTh: "โครงการพัฒนาคลัสเตอร์ทุเรียนทดสอบ",
    firstFiscalYear: FISCAL_YEAR,
    published: true,
  });
  await admin.post(`/api/programmes/${programmeId}/clusters`, { clusterId, fiscalYear: FISCAL_YEAR });
  // One member is already supported that year: it is skipped, not added twice.
  await admin.post(`/api/programmes/${programmeId}/enterprises`, { enterpriseId: firms[0], fiscalYear: FISCAL_YEAR });
});
afterAll(async () => {
  await h?.close();
});

describe("adding all of a cluster's members to a programme", () => {
  it("asks with the number of firms, adds them on confirmation, and the count follows the list", async () => {
    const { context, page } = await openAs(h, officer, "th", `/programmes/${programmeId}`);
    const firms = page.getByTestId("supported-firms").locator("li");
    await expect.poll(() => firms.count()).toBe(1);
    const row = page.getByTestId("supported-clusters").locator("li", { hasText: CLUSTER });
    await row
      .getByRole("button", { name: `เพิ่มสมาชิกปัจจุบันทั้งหมดของ ${CLUSTER} เป็นวิสาหกิจที่สนับสนุนในปีงบประมาณ พ.ศ. 2568` })
      .click();
    const question = row.getByRole("group");
    await question.waitFor();
    expect(await question.innerText()).toContain(
      `เพิ่มสมาชิกปัจจุบันของ ${CLUSTER} 2 ราย เป็นวิสาหกิจที่สนับสนุนในปีงบประมาณ พ.ศ. 2568 หรือไม่? (ข้าม 1 รายที่สนับสนุนอยู่แล้ว)`,
    );

    // Cancelling adds nothing.
    await question.getByRole("button", { name: "ยกเลิก" }).click();
    await expect.poll(() => row.getByRole("group").count()).toBe(0);
    const stored = async () =>
      field(
        await (await fetch(`${h.baseUrl}/api/programmes/${programmeId}/figures?fiscalYear=${FISCAL_YEAR}`)).json(),
        "years",
      );
    expect(JSON.stringify(await stored())).toContain('"firms":1');

    await row.getByRole("button", { name: /^เพิ่มสมาชิกปัจจุบันทั้งหมดของ/ }).click();
    await row.getByRole("button", { name: "เพิ่ม 2 ราย" }).click();
    const notice = page.locator("section[aria-labelledby='supported-firms'] .notice");
    await expect.poll(() => notice.innerText()).toBe(`เพิ่มวิสาหกิจของ ${CLUSTER} 2 รายแล้ว ข้าม 1 รายที่สนับสนุนอยู่แล้ว`);
    await expect.poll(() => firms.count()).toBe(3);
    expect(await page.getByTestId("supported-firms-count").innerText()).toBe("3 ราย");
    // The recorded figures count the same three firms.
    const programme = new ProgrammePage(page);
    await expect.poll(async () => (await programme.figures(FISCAL_YEAR, "recorded"))[1]).toBe("3");

    // Asking again finds nothing left to add.
    await row.getByRole("button", { name: /^เพิ่มสมาชิกปัจจุบันทั้งหมดของ/ }).click();
    await expect
      .poll(() => row.getByRole("group").innerText())
      .toContain(`ไม่มีสมาชิกปัจจุบันของ ${CLUSTER} ที่ต้องเพิ่มในปีงบประมาณ พ.ศ. 2568 (สนับสนุนอยู่แล้ว 3 ราย)`);
    await context.close();
  });

  it("adds a cluster's current members as an activity's named participants, counted apart from unnamed people", async () => {
    const { context, page } = await openAs(h, officer, "th", `/programmes/${programmeId}`);
    const programme = new ProgrammePage(page);
    await programme.startActivity("Durian grading clinic", "1/12/2567");
    await page.getByLabel("คลัสเตอร์", { exact: true }).selectOption({ label: CLUSTER });
    await page.getByRole("button", { name: "เพิ่มสมาชิกปัจจุบันทั้งหมดของคลัสเตอร์นี้เป็นผู้เข้าร่วม" }).click();
    await page.getByText("เพิ่มสมาชิก 3 รายเป็นผู้เข้าร่วมแล้ว (0 รายเลือกไว้แล้ว)").waitFor();
    await page.getByRole("button", { name: "เพิ่มสมาชิกปัจจุบันทั้งหมดของคลัสเตอร์นี้เป็นผู้เข้าร่วม" }).click();
    await page.getByText("เพิ่มสมาชิก 0 รายเป็นผู้เข้าร่วมแล้ว (3 รายเลือกไว้แล้ว)").waitFor();
    expect(await page.locator(".chip-list li").count()).toBe(3);
    await page.getByLabel("จำนวนผู้เข้าร่วมที่ไม่ระบุชื่อ").fill("25");
    await programme.save();
    await expect
      .poll(() =>
        page
          .getByText(/^ผู้เข้าร่วม 3 ราย/)
          .first()
          .innerText(),
      )
      .toBe("ผู้เข้าร่วม 3 ราย (ไม่ระบุชื่ออีก 25 คน นับรายครั้ง แยกจากจำนวนวิสาหกิจ)");
    // The three participants are the three supported firms: the figures still count three firms.
    await expect.poll(async () => (await programme.figures(FISCAL_YEAR, "recorded"))[1]).toBe("3");
    await context.close();
  });
});
