import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bangkokDateOf, fiscalYearOf } from "@sainam/core";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, items, type ApiSession, type TestUser } from "./pages/api.ts";
import { CaseWorkPanel } from "./pages/case-work.ts";
import { RequestsPages } from "./pages/requests.ts";
import { ServiceFiguresPage } from "./pages/service-figures.ts";
import { openAs } from "./pages/session.ts";

// Issue 13, point 9: the whole service journey in Thai, each person in their own browser session.
// A community enterprise in Chiang Rai asks for help with its packaging, with a photo → Sainam routes it to the
// packaging designer serving the North, with the reason → she accepts, records a consultation and closes the case
// with a sales result → the firm rates the service → the services dashboard counts the request, the closure and
// the satisfaction, and the programme that funded the service has the value claimed.
let h: Harness;
let admin: ApiSession;
let programmeId: number;
const FIRM = "วิสาหกิจชุมชนกลุ่มทอผ้าบ้านหาดบ้าย";
const PROGRAMME = "โครงการยกระดับผลิตภัณฑ์ชุมชน (ทดสอบ)";
const PROVIDER = "ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1 (ทดสอบ)";
const member: TestUser = { email: "journey-service-member@example.org", password: "member-password-12", locale: "th" };
const expert: TestUser = {
  email: "journey-service-expert@example.org",
  password: "expert-password-12",
  displayName: "คุณพิมพ์ชนก ออกแบบ",
  locale: "th",
};
const officer: TestUser = {
  email: "journey-service-officer@example.org",
  password: "officer-password-12",
  locale: "th",
};
// A 1×1 PNG, typed by its bytes like a phone's photo.
const PHOTO = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489" +
    "0000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082",
  "hex",
);

/** Today in Bangkok as a Thai user types it: day/month/B.E. year. */
function todayBe(): string {
  const { year, month, day } = bangkokDateOf(new Date());
  return `${day}/${month}/${year + 543}`;
}

beforeAll(async () => {
  h = await startHarness();
  admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  const firmId = await admin.create("/api/enterprises", {
    ceRegistrationNo: "5702-0099",
    nameTh: FIRM,
    provinceCode: "57",
    contacts: [{ name: "คุณบัวคำ ทอผ้า", phone: "053 777 888" }],
  });
  await createUser(admin, member, { role: "member", enterpriseId: firmId });
  await createUser(admin, officer, { role: "agency_officer", agencyId: dip });
  const providerId = await admin.create("/api/service-providers", {
    code: "BT-JOURNEY-IPC1",
    kind: "sme_centre",
    nameTh: PROVIDER,
    agencyId: dip,
    provinceCodes: ["50", "57"],
    services: ["packaging_design"],
  });
  const expertId = await admin.create("/api/experts", {
    providerId,
    displayName: expert.displayName,
    fields: ["packaging_design"],
    areas: [{ type: "region", code: "north" }],
    capacity: 4,
  });
  await createUser(admin, expert, { role: "expert", agencyId: dip, expertId });
  const fiscalYear = fiscalYearOf(new Date());
  programmeId = await admin.create("/api/programmes", {
    code: "bt-journey-service",
    nameTh: PROGRAMME,
    agencyId: dip,
    firstFiscalYear: fiscalYear,
  });
  await admin.post(`/api/programmes/${programmeId}/enterprises`, { enterpriseId: firmId, fiscalYear });
});
afterAll(async () => {
  await h?.close();
});

describe("the service journey", () => {
  it("takes a member's request with a photo to a result, a rating and the figures", async () => {
    // The figures before: this firm's provider has no request yet.
    const asOfficer = await openAs(h, officer, "th");
    const figures = new ServiceFiguresPage(asOfficer.page);
    await figures.open();
    await asOfficer.page.getByRole("heading", { level: 1 }).waitFor();
    await asOfficer.page.waitForLoadState("networkidle");
    expect(await figures.providerRow(PROVIDER).count()).toBe(0);

    // 1. The member files the request from ธุรกิจของฉัน, with a photo of the current packaging.
    const asMember = await openAs(h, member, "th");
    const memberPages = new RequestsPages(asMember.page);
    await asMember.page.waitForURL("**/my-business");
    await memberPages.askForHelpFromMyBusiness();
    await memberPages.file({
      field: "การออกแบบบรรจุภัณฑ์",
      need: "อยากได้บรรจุภัณฑ์ผ้าทอที่เหมาะกับขายเป็นของฝากนักท่องเที่ยว",
      consent: true,
      photo: { name: "บรรจุภัณฑ์เดิม.png", mimeType: "image/png", buffer: PHOTO },
    });
    const code = await memberPages.code();
    const requestId = Number(/\/requests\/(\d+)$/.exec(asMember.page.url())?.[1]);
    // 2. Routed at once, with the reason in words.
    await expect.poll(() => memberPages.status().innerText()).toBe("รอผู้เชี่ยวชาญตอบรับ");
    const assignment = memberPages.section("ผู้รับผิดชอบ");
    await expect.poll(() => assignment.innerText()).toContain(expert.displayName!);
    expect(await assignment.innerText()).toContain("ผู้เชี่ยวชาญด้านการออกแบบบรรจุภัณฑ์");
    expect(await assignment.innerText()).toContain("งานค้าง 0 จาก 4 งาน");

    // 3. The expert accepts it from งานของฉัน, records a consultation and closes it with a result.
    const asExpert = await openAs(h, expert, "th");
    await asExpert.page.waitForURL("**/my-work");
    const row = asExpert.page.getByRole("row").filter({ hasText: code });
    await row.getByRole("link", { name: code }).click();
    await asExpert.page.getByRole("button", { name: "ตอบรับ", exact: true }).click();
    const expertPages = new RequestsPages(asExpert.page);
    await expect.poll(() => expertPages.status().innerText()).toBe("กำลังให้คำปรึกษา");
    const work = new CaseWorkPanel(asExpert.page);
    await work.open(requestId);
    await work.recordConsultation({
      date: todayBe(),
      mode: "ลงพื้นที่",
      hours: "3",
      advice: "ออกแบบกล่องกระดาษพิมพ์ลายผ้าทอ พร้อมเรื่องราวของกลุ่ม",
      nextSteps: "ผลิตตัวอย่าง 100 กล่อง",
    });
    await expect.poll(() => work.consultations().count()).toBe(1);
    await work.close({
      kind: "ยอดขาย",
      amount: "85,000",
      text: "ยอดขายของฝากเพิ่มขึ้นหลังใช้บรรจุภัณฑ์ใหม่",
      programme: PROGRAMME,
    });
    await work.result().waitFor();
    expect(await work.result().textContent()).toMatch(/85,000/);

    // 4. The member rates the service.
    const firmView = new CaseWorkPanel(asMember.page);
    await firmView.open(requestId);
    await firmView.rate(4, "ได้บรรจุภัณฑ์ที่ลูกค้าชอบ");
    await firmView.rating().waitFor();
    expect(await firmView.rating().textContent()).toContain("4 จาก 5 ดาว");

    // 5. The expert records the result as economic value of the programme that funded the service.
    await work.open(requestId);
    await work.recordClaim();
    await work.claim().waitFor();
    const claims = items(await admin.get(`/api/value-claims?programmeId=${programmeId}`));
    expect(claims.map((c) => field(c, "amount"))).toEqual([85000]);

    // 6. The figures moved: the provider has one request, closed, rated 4 (80 % satisfaction).
    await figures.open();
    const provider = figures.providerRow(PROVIDER);
    await expect.poll(() => provider.count()).toBe(1);
    // Requests, open, closed, mean rating.
    const cells = await provider.getByRole("cell").allInnerTexts();
    expect(cells[1]).toContain("1");
    expect(cells[2]).toBe("0");
    expect(cells[3]).toBe("1");
    expect(cells[4]).toMatch(/^4/);
    expect(await figures.total("สัดส่วนที่ให้ 4-5 คะแนน").textContent()).toBe("100%");
    await asOfficer.context.close();
    await asExpert.context.close();
    await asMember.context.close();
  });
});
