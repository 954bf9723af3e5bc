import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbdFirms } from "../../packages/importer/src/test-support/dbd-monthly.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { EventsPages } from "./pages/events.ts";
import { openAs } from "./pages/session.ts";

// Issue 14, point 2, in Thai: a DIP officer sets up a business-matching day in Tokyo (16 slots of 30 minutes,
// 10 tables), adds a Thai firm found in the registry and a Japanese buyer, then bulk-adds the rest from a CSV file:
// a first file with a firm not in the registry is refused whole with the row named; the corrected file goes in.
// The buyer cannot meet in two slots; the firm's offers and needs are recorded.
let h: Harness;
let dir: string;
const officer: TestUser = { email: "trade-officer@example.org", password: "officer-password-1", locale: "th" };
const [bioPack, coffee, ...others] = dbdFirms;

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), "sainam-events-"));
  const admin = await apiSession(h.baseUrl, ADMIN);
  await createUser(admin, officer, { role: "agency_officer", agencyId: await agencyId(h.baseUrl, "DIP") });
  // Real firms of the registry fixtures (a DBD monthly list).
  for (const firm of dbdFirms.slice(0, 4))
    await admin.create("/api/enterprises", { juristicId: firm.juristicId, nameTh: firm.name });
  const third = others[0];
  const fourth = others[1];
  if (!bioPack || !coffee || !third || !fourth) throw new Error("the fixtures list four firms");
  const header = "ชื่อ,เลขทะเบียนนิติบุคคล,ประเทศ,เมือง,บทบาท,สินค้าที่เสนอ,สินค้าที่ต้องการ";
  writeFileSync(
    join(dir, "ผู้เข้าร่วม-ผิด.csv"),
    [header, `,${third.juristicId},,,ผู้ขาย,กาแฟคั่ว,`, "บริษัท ไม่มีในทะเบียน จำกัด,,,,ผู้ขาย,,"].join("\n"),
  );
  writeFileSync(
    join(dir, "ผู้เข้าร่วม.csv"),
    [
      header,
      `,${third.juristicId},,,ผู้ขาย,ข้าวหอมมะลิ;HS 100630,`,
      `,${fourth.juristicId},,,ทั้งสอง,,บรรจุภัณฑ์`,
      '"AEON Co., Ltd.",,JP,Chiba,ผู้ซื้อ,,Jasmine rice;HS 1006',
      "Itochu Corporation,,JP,Tokyo,ผู้ซื้อ,,Coffee;HS 0901",
    ].join("\n"),
  );
});
afterAll(async () => {
  await h?.close();
});

describe("events", () => {
  it("sets up a business-matching day in Tokyo with slots, tables, firms, buyers, a file, availability and interests", async () => {
    if (!bioPack || !coffee) throw new Error("fixtures");
    const { context, page } = await openAs(h, officer, "th");
    const ui = new EventsPages(page);

    await ui.openNew();
    await ui.select("ประเภทงาน").selectOption({ label: "การจับคู่ธุรกิจ" });
    await ui.field("ชื่องาน (ภาษาไทย)").fill("งานจับคู่ธุรกิจอาหารไทย ณ กรุงโตเกียว");
    await ui.field("ชื่องาน (ภาษาอังกฤษ)").fill("Thai Food Business Matching in Tokyo");
    await page.getByRole("radio", { name: "ต่างประเทศ" }).check();
    await ui.select("ประเทศ").selectOption("JP");
    await ui.field("เมือง").fill("Tokyo");
    await ui.field("สถานที่จัด").fill("Tokyo Big Sight");
    await ui.field("วันเริ่มงาน").fill("20/1/2570");
    await ui.field("วันสิ้นสุดงาน").fill("20/1/2570");
    await ui.field("งบประมาณ (บาท)").fill("350000");
    await ui.button("สร้างงาน").click();
    await page.waitForURL(/\/events\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain("กรุงโตเกียว");
    const facts = page.locator("dl.facts");
    expect(await facts.innerText()).toContain("Asia/Tokyo");
    expect(await facts.innerText()).toContain("2570");

    await ui.button("เปิดรับผู้เข้าร่วม").click();
    await expect.poll(() => facts.innerText()).toContain("เปิดรับผู้เข้าร่วม");

    // 08:30-12:30 and 13:00-17:00 in 30-minute meetings: 16 slots; 10 tables.
    await page.getByRole("group", { name: "ช่วงที่ 1" }).getByLabel("เริ่ม").fill("08:30");
    await page.getByRole("group", { name: "ช่วงที่ 1" }).getByLabel("สิ้นสุด").fill("12:30");
    await page.getByRole("group", { name: "ช่วงที่ 2" }).getByLabel("เริ่ม").fill("13:00");
    await page.getByRole("group", { name: "ช่วงที่ 2" }).getByLabel("สิ้นสุด").fill("17:00");
    await ui.button("สร้างช่วงเวลา").click();
    await expect.poll(() => page.getByText(/ช่วงเวลา, \d+ โต๊ะ/).innerText()).toContain("16 ช่วงเวลา");
    await ui.field("จำนวนโต๊ะ").fill("10");
    await ui.button("บันทึกจำนวนโต๊ะ").click();
    await expect.poll(() => page.getByText(/ช่วงเวลา, \d+ โต๊ะ/).innerText()).toContain("10 โต๊ะ");

    // A firm found in the registry by a word of its name.
    await page.getByRole("searchbox", { name: "ค้นหากิจการ (ชื่อหรือเลขทะเบียนนิติบุคคล)" }).fill("คอฟฟี่ โรสเตอร์");
    const addCoffee = page.getByRole("button", { name: /^เพิ่ม .*คอฟฟี่ โรสเตอร์/ });
    await addCoffee.click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);

    // A Japanese buyer with a contact person (shown to the event's keepers).
    await ui.field("ชื่อผู้ซื้อ").fill("Mitsubishi Corporation");
    await ui.select("ประเภทผู้ซื้อ").selectOption({ label: "บริษัทการค้า" });
    await ui.field("เมือง").fill("Tokyo");
    await ui.field("ชื่อผู้ติดต่อ").fill("Hiroshi Tanaka");
    await ui.button("เพิ่มผู้ซื้อ").click();
    const buyerRow = ui.participantRow("Mitsubishi Corporation");
    await expect.poll(() => buyerRow.count()).toBe(1);
    expect(await buyerRow.innerText()).toContain("Hiroshi Tanaka");
    expect(await buyerRow.innerText()).toContain("ญี่ปุ่น");

    // A file with a firm not in the registry: nothing is written, the row is named.
    await ui.chooseFile("ไฟล์ผู้เข้าร่วม", join(dir, "ผู้เข้าร่วม-ผิด.csv"));
    await ui.button("ตรวจและเพิ่มผู้เข้าร่วม").click();
    const report = page.locator(".import-report");
    await expect.poll(() => report.innerText()).toContain("ยังไม่ได้บันทึก");
    expect(await report.innerText()).toContain("ไม่พบในทะเบียน");
    expect(await report.innerText()).toContain("บริษัท ไม่มีในทะเบียน จำกัด");
    expect(
      await page
        .locator("tbody tr")
        .filter({ has: page.getByRole("rowheader") })
        .count(),
    ).toBe(2);

    await ui.chooseFile("ไฟล์ผู้เข้าร่วม", join(dir, "ผู้เข้าร่วม.csv"));
    await ui.button("ตรวจและเพิ่มผู้เข้าร่วม").click();
    await expect.poll(() => report.innerText()).toContain("เพิ่มผู้เข้าร่วมแล้ว 4 ราย");
    await expect.poll(() => ui.participantRow("AEON Co., Ltd.").count()).toBe(1);
    expect(await ui.participantRow("Itochu Corporation").innerText()).toContain("HS 0901");

    // The buyer cannot meet in the first two slots.
    await buyerRow.getByRole("button", { name: "เวลาและสินค้า: Mitsubishi Corporation" }).click();
    const availability = page.getByRole("group", { name: "ช่วงเวลาที่ไม่สะดวกเจรจา" });
    await availability.getByRole("checkbox").nth(0).check();
    await availability.getByRole("checkbox").nth(1).check();
    await ui.button("บันทึกช่วงเวลาที่ไม่สะดวก").click();
    await expect.poll(() => buyerRow.locator("td").nth(3).innerText()).toBe("2");

    // The coffee roaster's offers and needs.
    const coffeeRow = page.locator("tbody tr").filter({ hasText: "คอฟฟี่ โรสเตอร์" });
    await coffeeRow.getByRole("button", { name: /^เวลาและสินค้า/ }).click();
    await ui.button("เพิ่มรายการ").click();
    const item = page.getByRole("group", { name: "รายการที่ 1" });
    await item.getByLabel("สินค้า (คำอธิบาย)").fill("เมล็ดกาแฟคั่ว");
    await item.getByLabel("รหัส HS (4-10 หลัก)").fill("090121");
    await ui.button("เพิ่มรายการ").click();
    const need = page.getByRole("group", { name: "รายการที่ 2" });
    await need.getByLabel("เสนอขายหรือต้องการซื้อ").selectOption("need");
    await need.getByLabel("สินค้า (คำอธิบาย)").fill("บรรจุภัณฑ์ย่อยสลายได้");
    await ui.button("บันทึกสินค้า").click();
    await expect.poll(() => coffeeRow.innerText()).toContain("HS 090121");
    expect(await coffeeRow.innerText()).toContain("ต้องการซื้อ: บรรจุภัณฑ์ย่อยสลายได้");

    // The other pages of the event are a link away.
    expect(await page.getByRole("link", { name: "ตารางการเจรจา" }).getAttribute("href")).toMatch(/\/schedule$/);
    await context.close();
  });

  it("lets the organiser edit an event in Thai, with B.E. dates, the server's errors beside the fields, and its programme named", async () => {
    const session = await apiSession(h.baseUrl, officer);
    const dip = await agencyId(h.baseUrl, "DIP");
    const programmeId = await session.create("/api/programmes", {
      code: "browser-japan-market",
      agencyId: dip,
      nameTh: "โครงการเปิดตลาดญี่ปุ่นทดสอบ",
      firstFiscalYear: 2027,
    });
    const eventId = await session.create("/api/events", {
      kind: "trade_fair",
      titleTh: "งานแสดงสินค้าหัตถกรรม",
      provinceCode: "50",
      startsOn: "2027-02-10",
      endsOn: "2027-02-11",
      programmeId,
    });
    const { context, page } = await openAs(h, officer, "th", `/events/${eventId}`);
    const ui = new EventsPages(page);
    const facts = page.locator("dl.facts");
    await expect.poll(() => facts.innerText()).toContain("โครงการเปิดตลาดญี่ปุ่นทดสอบ");
    expect(await facts.getByRole("link", { name: "โครงการเปิดตลาดญี่ปุ่นทดสอบ" }).getAttribute("href")).toBe(
      `/programmes/${programmeId}`,
    );

    await page.getByRole("link", { name: "แก้ไขงาน", exact: true }).click();
    await page.waitForURL(/\/events\/\d+\/edit$/);
    // The form starts from the event: its title, and its dates in B.E.
    await expect.poll(() => ui.field("ชื่องาน (ภาษาไทย)").inputValue()).toBe("งานแสดงสินค้าหัตถกรรม");
    expect(await ui.field("วันเริ่มงาน").inputValue()).toBe("10/2/2570");
    expect(await ui.select("โครงการที่สนับสนุนงบประมาณ").inputValue()).toBe(String(programmeId));

    // An end before the start: the server's 400 is shown in Thai beside the end date, and nothing is saved.
    await ui.field("ชื่องาน (ภาษาไทย)").fill("งานแสดงสินค้าหัตถกรรมล้านนา");
    await ui.field("วันสิ้นสุดงาน").fill("9/2/2570");
    await ui.button("บันทึกการแก้ไข").click();
    const endsOn = ui.field("วันสิ้นสุดงาน");
    await expect.poll(() => endsOn.getAttribute("aria-invalid")).toBe("true");
    const errorId = (await endsOn.getAttribute("aria-describedby"))?.split(" ")[0] ?? "";
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toBe("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม");
    expect(page.url()).toMatch(/\/edit$/);

    // Corrected, and moved abroad to London: the event page shows the change.
    await ui.field("วันสิ้นสุดงาน").fill("12/2/2570");
    await page.getByRole("radio", { name: "ต่างประเทศ" }).check();
    await ui.select("ประเทศ").selectOption("GB");
    await ui.field("เมือง").fill("London");
    await ui.button("บันทึกการแก้ไข").click();
    await page.waitForURL(/\/events\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("งานแสดงสินค้าหัตถกรรมล้านนา");
    await expect.poll(() => facts.innerText()).toContain("Europe/London");
    expect(await facts.innerText()).toContain("สหราชอาณาจักร");
    expect(await facts.innerText()).toMatch(/10.*12 ก\.พ\. 2570/);
    expect(await facts.innerText()).toContain("โครงการเปิดตลาดญี่ปุ่นทดสอบ");
    await context.close();
  });
});
