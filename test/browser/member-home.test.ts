import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { sectionTitled } from "./pages/common.ts";
import { MyBusinessPage } from "./pages/my-business.ts";
import { openAs } from "./pages/session.ts";

// A member signs in and lands on ธุรกิจของฉัน — not the public directory — and keeps the firm's products there:
// adds one (after the form says what is wrong), changes one, removes one, and sees the result after a reload.
// An expert lands on งานของฉัน, without the officers' and admins' links. All in Thai.
let h: Harness;
const member = {
  email: "coffee-member@example.org",
  password: "coffee-member-password-1",
  displayName: "สมชาย เจ้าของกิจการ",
  locale: "th",
} satisfies TestUser;
const expert = {
  email: "coffee-expert@example.org",
  password: "coffee-expert-password-1",
  displayName: "ดร.สมหญิง ผู้เชี่ยวชาญ",
  locale: "th",
} satisfies TestUser;
const FIRM = "บริษัท กาแฟดอยทดสอบ จำกัด";
const CLUSTER = "คลัสเตอร์กาแฟทดสอบ";
const PROGRAMME = "โครงการยกระดับกาแฟทดสอบ";
const ACTIVITY = "อบรมการคั่วกาแฟทดสอบ";

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  const clusterId = await admin.create("/api/clusters", {
    code: "browser-coffee-home",
    kind: "industry_cluster",
    nameTh: CLUSTER,
    nameEn: "Test coffee cluster",
    coordinatingAgencyId: dip,
    provinceCodes: ["57"],
    published: true,
  });
  const firmId = await admin.create("/api/enterprises", {
    ceRegistrationNo: "5750-0001",
    nameTh: FIRM,
    provinceCode: "57",
    products: [{ direction: "output", name: "กาแฟคั่ว" }],
  });
  await admin.post(`/api/clusters/${clusterId}/members`, { enterpriseId: firmId, stage: "midstream" });
  const fiscalYear = new Date().getMonth() >= 9 ? new Date().getFullYear() + 1 : new Date().getFullYear();
  const programmeId = await admin.create("/api/programmes", {
    code: "browser-coffee-programme",
    agencyId: dip,
    nameEn: "Test coffee upgrading programme",
    nameTh: PROGRAMME,
    firstFiscalYear: fiscalYear,
    published: true,
  });
  await admin.post(`/api/programmes/${programmeId}/enterprises`, { enterpriseId: firmId, fiscalYear });
  await admin.post("/api/activities", {
    programmeId,
    kind: "training",
    titleEn: "Test coffee roasting training",
    titleTh: ACTIVITY,
    startsOn: new Date().toISOString().slice(0, 10),
    participantIds: [firmId],
  });
  await createUser(admin, member, { role: "member", enterpriseId: firmId });
  await createUser(admin, expert, { role: "expert", agencyId: dip, expertFields: ["marketing"] });
});
afterAll(async () => {
  await h?.close();
});

describe("member updates the firm's products", () => {
  it("signs in to ธุรกิจของฉัน, adds, changes and removes products, and sees the result", async () => {
    const { context, page } = await openAs(h, member, "th");
    const home = new MyBusinessPage(page);
    await home.waitFor(FIRM);
    await expect.poll(() => page.getByRole("navigation").getByRole("link", { name: "ธุรกิจของฉัน" }).count()).toBe(1);
    // The firm's ties, each linked to its page.
    expect(await sectionTitled(page, "คลัสเตอร์ที่เป็นสมาชิก").getByRole("link", { name: CLUSTER }).count()).toBe(1);
    expect(await sectionTitled(page, "โครงการที่สนับสนุนกิจการ").getByRole("link", { name: PROGRAMME }).count()).toBe(1);
    expect(await sectionTitled(page, "กิจกรรมที่เข้าร่วม").innerText()).toContain(ACTIVITY);
    expect(await home.productNames()).toEqual(["กาแฟคั่ว"]);

    // Add one: the form first says, in Thai and by field, what is wrong.
    await home.startAdding();
    await home.fillProduct({ name: "  ", tsic: "12ab" });
    await home.submit();
    await expect.poll(() => home.fieldError("ชื่อสินค้า")).toBe("กรุณาระบุชื่อสินค้า");
    expect(await home.fieldError("รหัส TSIC (ไม่บังคับ)")).toBe("รหัส TSIC ต้องเป็นตัวเลข 1–5 หลัก");
    await home.fillProduct({ name: "กาแฟดริป", tsic: "10791" });
    await home.submit();
    await expect.poll(() => home.notice().innerText()).toBe("เพิ่มสินค้า “กาแฟดริป” แล้ว");
    expect(await home.productNames()).toEqual(["กาแฟคั่ว", "กาแฟดริป"]);

    // Change one: its name and what it is to the firm (a raw material bought).
    await home.startEditing("กาแฟคั่ว");
    await home.fillProduct({ name: "เมล็ดกาแฟดิบ", direction: "ต้องใช้/ซื้อ" });
    await home.submit();
    await expect.poll(() => home.notice().innerText()).toBe("บันทึกสินค้า “เมล็ดกาแฟดิบ” แล้ว");
    expect(await home.productNames()).toEqual(["เมล็ดกาแฟดิบ", "กาแฟดริป"]);

    // Remove one, after confirming.
    await home.remove("กาแฟดริป");
    await expect.poll(() => home.notice().innerText()).toBe("ลบสินค้า “กาแฟดริป” แล้ว");
    expect(await home.productNames()).toEqual(["เมล็ดกาแฟดิบ"]);

    // Kept by the server: after a reload, and on the firm's page as others see it.
    await page.reload();
    await home.waitFor(FIRM);
    expect(await home.productNames()).toEqual(["เมล็ดกาแฟดิบ"]);
    expect(await home.products().innerText()).toContain("ต้องใช้/ซื้อ");
    await page.getByRole("link", { name: "ดูหน้าวิสาหกิจที่ผู้อื่นเห็น" }).click();
    const products = sectionTitled(page, "สินค้าและวัตถุดิบ");
    await expect.poll(() => products.locator("[data-products=inputs]").innerText()).toContain("เมล็ดกาแฟดิบ");
    await context.close();
  });
});

describe("an expert's home", () => {
  it("signs in to งานของฉัน with their own profile and no officers' or admins' links", async () => {
    const { context, page } = await openAs(h, expert, "th");
    await page.waitForURL("**/my-work");
    await page.getByRole("heading", { level: 1, name: "งานของฉัน" }).waitFor();
    const profile = sectionTitled(page, "ข้อมูลของคุณ");
    await expect.poll(() => profile.innerText()).toContain("กรมส่งเสริมอุตสาหกรรม");
    expect(await profile.innerText()).toContain(expert.displayName);
    expect(await sectionTitled(page, "คำขอรับความช่วยเหลือ").innerText()).toContain("ยังไม่มีคำขอที่มอบหมายให้คุณ");
    const nav = page.getByRole("navigation", { name: "เมนูหลัก" });
    expect(await nav.getByRole("link", { name: "งานของฉัน" }).count()).toBe(1);
    for (const staffOnly of ["นำเข้าข้อมูล", "ผลตัวชี้วัด", "ผู้ใช้", "บันทึกการใช้งาน", "ธุรกิจของฉัน"])
      expect(await nav.getByRole("link", { name: staffOnly, exact: true }).count(), staffOnly).toBe(0);
    await context.close();
  });
});
