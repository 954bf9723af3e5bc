import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toBuddhistYear } from "@sainam/core";
import { buildProgramme, juristicId } from "../../apps/server/src/test-support/factories.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, items, type ApiSession, type TestUser } from "./pages/api.ts";
import { DealPage, EventDealsPage, MarketFiguresPage } from "./pages/deals.ts";
import { EventSchedulePage } from "./pages/event-schedule.ts";
import { EventsPages } from "./pages/events.ts";
import { EventMeetingsPage, EventRequestsPanel } from "./pages/meetings.ts";
import { openAs } from "./pages/session.ts";

// Issue 14, point 7: the market journey in Thai, each person in their own browser session. A DIP officer creates
// a trade fair funded by her agency's programme, with slots and tables, adds 40 Thai firms and 20 foreign buyers
// from one CSV file → asks for the suggested meetings in bulk → accepts them on behalf of the buyers → schedules
// them → downloads a firm's agenda as PDF and iCalendar → on the day checks the firm and its buyer in and marks
// the meeting held. The firm's member records the outcome (a quotation), six months later the follow-up with an
// order and its evidence, and claims it → the programme's realised value on /market/figures grows by the order.
//
// Dates: the fair is recorded 186 days before today (the event form takes past dates: fairs are also entered
// after the fact), so that its 6-month follow-up is due today, as the journey tells it, and the order date
// (a few days ago) falls after the meeting's day as the server requires.
//
// Set-up through the API is only what is not the organiser's journey: the 40 firms in the registry, the firm's
// member account and the agency's programme.
let h: Harness;
let officerApi: ApiSession;
let programmeId: number;
let dir: string;
const officer: TestUser = {
  email: "journey-market-officer@example.org",
  password: "officer-password-12",
  locale: "th",
};
const member: TestUser = { email: "journey-market-member@example.org", password: "member-password-12", locale: "th" };
const PROGRAMME = "โครงการส่งเสริมการตลาดสินค้าเกษตรแปรรูป (ทดสอบ)";
const FAIR = "งานแสดงสินค้าและจับคู่ธุรกิจ THAIFEX เชื่อมตลาดโลก";

/** Three product lines the firms offer and the buyers need, matched by HS heading. */
const LINES = [
  { hs: "0901", th: "เมล็ดกาแฟคั่ว", en: "Roasted coffee beans" },
  { hs: "1006", th: "ข้าวหอมมะลิ", en: "Thai Hom Mali jasmine rice" },
  { hs: "5007", th: "ผ้าไหมทอมือ", en: "Hand-woven silk fabric" },
] as const;

/** 40 firms: a trade word of their line and a place, as Thai company names read. */
const FIRM_NAMES = [
  ["กาแฟดอยช้าง", "กาแฟดอยตุง", "คั่วกาแฟแม่สลอง", "กาแฟเขาทะลุ", "กาแฟปางขอน", "กาแฟบ่อเกลือ", "กาแฟดอยสะเก็ด"],
  ["กาแฟแม่จันใต้", "กาแฟเทพเสด็จ", "กาแฟขุนลาว", "กาแฟบ้านผาหมี", "กาแฟดอยวาวี", "กาแฟห้วยห้อม", "กาแฟภูพยัคฆ์"],
  [
    "ข้าวหอมมะลิทุ่งกุลา",
    "ข้าวสุรินทร์ทองคำ",
    "โรงสีข้าวยโสธร",
    "ข้าวหอมร้อยเอ็ด",
    "ข้าวอินทรีย์ศรีสะเกษ",
    "ข้าวหอมบุรีรัมย์",
    "ข้าวเหนียวกาฬสินธุ์",
  ],
  ["ข้าวไรซ์เบอร์รี่พิจิตร", "โรงสีข้าวสุพรรณ", "ข้าวหอมพะเยา", "ข้าวขาวดอกมะลิอุบล", "ข้าวกล้องมหาสารคาม", "ข้าวหอมนครพนม"],
  ["ผ้าไหมสุรินทร์", "ไหมมัดหมี่ชนบท", "ผ้าไหมแพรวากาฬสินธุ์", "ไหมไทยปักธงชัย", "ผ้าไหมลำพูน", "ไหมทอมือบุรีรัมย์", "ผ้าไหมหางกระรอก"],
  ["ไหมยกดอกลำพูน", "ผ้าไหมอุดรธานี", "ไหมแก้วศรีสะเกษ", "ผ้าไหมบ้านครัว", "ไหมทองขอนแก่น", "ผ้าไหมมหาสารคาม"],
].flat();
const lineOfFirm = (index: number) => LINES[index < 14 ? 0 : index < 27 ? 1 : 2];
const firms = FIRM_NAMES.map((trade, index) => ({
  name: `บริษัท ${trade} จำกัด`,
  juristicId: juristicId(`0105566${String(100 + index).padStart(5, "0")}`),
  line: lineOfFirm(index),
}));
/** 20 foreign buyers: importers, retailers and distributors, by country and city. */
const buyers = [
  ["Ueshima Coffee Co., Ltd.", "JP", "Kobe", 0],
  ["Tchibo GmbH", "DE", "Hamburg", 0],
  ["Starbucks Coffee Korea Co., Ltd.", "KR", "Seoul", 0],
  ["Lavazza Trading Ltd.", "GB", "London", 0],
  ["Coffee Concepts Pty Ltd", "AU", "Sydney", 0],
  ["Nestlé Nespresso SA", "CH", "Lausanne", 0],
  ["Olam Food Ingredients Pte. Ltd.", "SG", "Singapore", 0],
  ["Tilda Ltd", "GB", "Rainham", 1],
  ["Al Ghurair Foods LLC", "AE", "Dubai", 1],
  ["COFCO International Ltd.", "CN", "Beijing", 1],
  ["Riviana Foods Inc.", "US", "Houston", 1],
  ["Euryza GmbH", "DE", "Hamburg", 1],
  ["Kitoku Shinryo Co., Ltd.", "JP", "Tokyo", 1],
  ["Sunrice Ltd.", "AU", "Leeton", 1],
  ["Hermès Textile SAS", "FR", "Lyon", 2],
  ["Takashimaya Co., Ltd.", "JP", "Osaka", 2],
  ["Jim Thompson Europe GmbH", "DE", "Munich", 2],
  ["Liberty Fabrics Ltd.", "GB", "London", 2],
  ["Mantero Seta S.p.A.", "IT", "Como", 2],
  ["Shanghai Silk Group Co., Ltd.", "CN", "Shanghai", 2],
].map(([name, country, city, line]) => ({
  name: String(name),
  country: String(country),
  city: String(city),
  line: LINES[Number(line)]!,
}));

const FIRM = firms[0]!; // บริษัท กาแฟดอยช้าง จำกัด, whose member follows its deal
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const fairDay = isoDaysAgo(186);
const orderDay = isoDaysAgo(3);
/** d/m/yyyy B.E., as a Thai user types a date. */
const thaiDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d}/${m}/${toBuddhistYear(y)}`;
};
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), "sainam-journey-market-"));
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  await createUser(admin, officer, { role: "agency_officer", agencyId: dip });
  officerApi = await apiSession(h.baseUrl, officer);
  programmeId = await officerApi.create(
    "/api/programmes",
    buildProgramme({ agencyId: dip, published: true, firstFiscalYear: 2025, nameTh: PROGRAMME }),
  );
  const firmIds: number[] = [];
  for (const firm of firms)
    firmIds.push(await admin.create("/api/enterprises", { juristicId: firm.juristicId, nameTh: firm.name }));
  await createUser(admin, member, { role: "member", enterpriseId: firmIds[0]! });
  // The organiser's file: firms by juristic ID with what they offer, buyers by name and country with what they need.
  writeFileSync(
    join(dir, "ผู้เข้าร่วมงาน.csv"),
    [
      "ชื่อ,เลขทะเบียนนิติบุคคล,ประเทศ,เมือง,บทบาท,สินค้าที่เสนอ,สินค้าที่ต้องการ",
      ...firms.map((f) => `,${f.juristicId},,,ผู้ขาย,${f.line.th};HS ${f.line.hs},`),
      ...buyers.map((b) => `${csvCell(b.name)},,${b.country},${b.city},ผู้ซื้อ,,${b.line.en};HS ${b.line.hs}`),
    ].join("\n"),
  );
});
afterAll(async () => {
  await h?.close();
});

/** The fair's meetings as the officer's API sees them (the organiser's own checks, not a step of hers). */
async function meetingsOf(eventId: number, query: string): Promise<{ id: number }[]> {
  const list = items(await officerApi.get(`/api/events/${eventId}/meetings?pageSize=200&${query}`));
  return list.map((m) => ({ id: Number(field(m, "id")) }));
}

describe("market journey in Thai", () => {
  it("follows a fair of 40 firms and 20 buyers from suggestions to an order counted for its programme", async () => {
    // ——— The organiser creates the fair, funded by the programme, six months ago. ———
    const asOfficer = await openAs(h, officer, "th");
    const { page } = asOfficer;
    const events = new EventsPages(page);
    await events.openNew();
    await events.select("ประเภทงาน").selectOption({ label: "งานแสดงสินค้า" });
    await events.field("ชื่องาน (ภาษาไทย)").fill(FAIR);
    await events.field("ชื่องาน (ภาษาอังกฤษ)").fill("THAIFEX World Market Link Trade Fair");
    await expect.poll(() => events.select("โครงการที่สนับสนุนงบประมาณ").innerText()).toContain(PROGRAMME);
    await events.select("โครงการที่สนับสนุนงบประมาณ").selectOption({ label: PROGRAMME });
    await events.select("จังหวัด").selectOption({ label: "นนทบุรี" });
    await events.field("สถานที่จัด").fill("อิมแพ็ค เมืองทองธานี");
    await events.field("วันเริ่มงาน").fill(thaiDate(fairDay));
    await events.field("วันสิ้นสุดงาน").fill(thaiDate(fairDay));
    await events.field("งบประมาณ (บาท)").fill("200000");
    await events.button("สร้างงาน").click();
    await page.waitForURL(/\/events\/\d+$/);
    const eventId = Number(/\/events\/(\d+)$/.exec(page.url())?.[1]);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain("THAIFEX");
    const facts = page.locator("dl.facts");
    // The event page does not name its programme (its DTO carries only the id): read the link off the record.
    expect(field(await officerApi.get(`/api/events/${eventId}`), "programmeId")).toBe(programmeId);
    await events.button("เปิดรับผู้เข้าร่วม").click();
    await expect.poll(() => facts.innerText()).toContain("เปิดรับผู้เข้าร่วม");

    // 16 slots of 30 minutes (08:30-12:30, 13:00-17:00) and 20 tables.
    await page.getByRole("group", { name: "ช่วงที่ 1" }).getByLabel("เริ่ม").fill("08:30");
    await page.getByRole("group", { name: "ช่วงที่ 1" }).getByLabel("สิ้นสุด").fill("12:30");
    await page.getByRole("group", { name: "ช่วงที่ 2" }).getByLabel("เริ่ม").fill("13:00");
    await page.getByRole("group", { name: "ช่วงที่ 2" }).getByLabel("สิ้นสุด").fill("17:00");
    await events.button("สร้างช่วงเวลา").click();
    await expect.poll(() => page.getByText(/ช่วงเวลา, \d+ โต๊ะ/).innerText()).toContain("16 ช่วงเวลา");
    await events.field("จำนวนโต๊ะ").fill("20");
    await events.button("บันทึกจำนวนโต๊ะ").click();
    await expect.poll(() => page.getByText(/ช่วงเวลา, \d+ โต๊ะ/).innerText()).toContain("20 โต๊ะ");

    // The 40 firms and 20 buyers in one file, checked whole and written.
    await events.chooseFile("ไฟล์ผู้เข้าร่วม", join(dir, "ผู้เข้าร่วมงาน.csv"));
    await events.button("ตรวจและเพิ่มผู้เข้าร่วม").click();
    await expect
      .poll(() => page.locator(".import-report").innerText(), { timeout: 20_000 })
      .toContain("เพิ่มผู้เข้าร่วมแล้ว 60 ราย");
    await expect.poll(() => events.participantRow("Tchibo GmbH").count()).toBe(1);
    expect(await events.participantRow("Tchibo GmbH").innerText()).toContain("HS 0901");
    expect(await events.participantRow("Tchibo GmbH").innerText()).toContain("เยอรมนี");

    // ——— Suggestions → meeting requests in bulk → accepted on behalf of the buyers. ———
    await page.getByRole("link", { name: "การนัดหมายเจรจาธุรกิจ" }).click();
    const panel = new EventRequestsPanel(page);
    // The coffee roaster is suggested to the coffee buyers, with the reason.
    await expect.poll(() => panel.suggestions().innerText(), { timeout: 20_000 }).toContain(FIRM.name);
    expect(await panel.suggestions().innerText()).toContain("HS 0901");
    await panel.requestTopSuggestions(2);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "สร้างคำขอนัดหมาย" }).innerText())
      .toMatch(/สร้างคำขอนัดหมาย \d+ คู่/);
    const requested = await meetingsOf(eventId, "status=requested");
    expect(requested.length).toBeGreaterThanOrEqual(40);
    // A few accepted by hand on the page, as the organiser does for buyers who answered by e-mail…
    for (let n = 0; n < 3; n += 1) {
      const before = await panel.acceptButtons().count();
      await panel.acceptButtons().first().click();
      await expect.poll(() => panel.acceptButtons().count()).toBe(before - 1);
    }
    // …and the rest through the same route the button calls (POST /api/meetings/:id/accept): clicking some hundred
    // buttons one by one adds time to the test and nothing to what it checks.
    const stillRequested = await meetingsOf(eventId, "status=requested");
    expect(stillRequested.length).toBe(requested.length - 3);
    for (const meeting of stillRequested) await officerApi.post(`/api/meetings/${meeting.id}/accept`, {});
    const accepted = await meetingsOf(eventId, "status=accepted");
    expect(accepted.length).toBe(requested.length);

    // ——— The schedule: every accepted meeting placed in a slot at a table. ———
    await page.goto(`/events/${eventId}`);
    await page.getByRole("link", { name: "ตารางการเจรจา" }).click();
    const schedule = new EventSchedulePage(page);
    await expect
      .poll(() => page.getByText(`นัดหมายที่ตอบรับแล้ว ${accepted.length} รายการ`).count(), { timeout: 20_000 })
      .toBe(1);
    await schedule.runButton("จัดตารางนัดหมาย").click();
    await expect
      .poll(() => schedule.result().textContent(), { timeout: 30_000 })
      .toContain(`จัดได้ ${accepted.length} จาก ${accepted.length} นัดหมาย`);
    await expect
      .poll(() => schedule.slotRow("08:30").textContent())
      .toContain(String(toBuddhistYear(Number(fairDay.slice(0, 4)))));

    // ——— Agendas: the firm's PDF and iCalendar, real files with its meetings. ———
    const firmMeetings = await firmMeetingsOf(eventId);
    expect(firmMeetings.length).toBeGreaterThanOrEqual(2);
    const pdfLink = schedule.agendaLink(`ดาวน์โหลดตารางนัดหมาย PDF ของ ${FIRM.name}`);
    const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
    const pdf = readFileSync((await download.path()) ?? "");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
    const icsHref = await schedule.agendaLink(`ดาวน์โหลดตารางนัดหมาย ICS ของ ${FIRM.name}`).getAttribute("href");
    const icsAnswer = await page.request.get(icsHref ?? "");
    expect(icsAnswer.status()).toBe(200);
    const ics = (await icsAnswer.text()).replace(/\r\n[ \t]/g, ""); // unfolded (RFC 5545 §3.1)
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(firmMeetings.length);
    for (const meeting of firmMeetings) expect(ics).toContain(`UID:meeting-${meeting.id}@`);

    // ——— On the day (six months ago): check-in and the meeting held. ———
    // The firm's last meeting is past the first 50 accepted ones: the day board is paged to reach it.
    const held = firmMeetings.at(-1);
    if (!held) throw new Error("the firm has no meeting");
    expect(
      accepted
        .map((m) => m.id)
        .sort((a, b) => a - b)
        .indexOf(held.id),
    ).toBeGreaterThanOrEqual(50);
    await page.goto(`/events/${eventId}`);
    await page.getByRole("link", { name: "การนัดหมายเจรจาธุรกิจ" }).click();
    const day = new EventMeetingsPage(page);
    await day.nextPageOfTheDay();
    await expect.poll(() => day.attendance(held.requester, held.target).count()).toBe(1);
    await day.checkIn(FIRM.name);
    await expect.poll(() => day.checkedIn(FIRM.name).count()).toBe(1);
    await day.checkIn(held.buyer);
    await expect.poll(() => day.checkedIn(held.buyer).count()).toBe(1);
    await day.attendance(held.requester, held.target).selectOption("held");
    await expect.poll(() => day.attendance(held.requester, held.target).inputValue()).toBe("held");

    // ——— Before: the programme's realised value at 6 months, as the officer reads it. ———
    const figures = new MarketFiguresPage(page);
    await figures.open(`fy=all&programme=${programmeId}`);
    const realised = () => figures.horizonRow("6 เดือน").locator("td").nth(1).innerText();
    await expect.poll(() => figures.horizonRow("6 เดือน").count()).toBe(1);
    const realisedBefore = await realised();
    expect(realisedBefore).not.toContain("350,000");

    // ——— The firm's member: the outcome, the 6-month follow-up with an order, and the claim. ———
    const asMember = await openAs(h, member, "th");
    const outcomes = new EventDealsPage(asMember.page);
    await outcomes.open(eventId);
    await outcomes.recordOutcome(held.id, "เสนอราคา", "500,000");
    await outcomes.outcomeForm(held.id).page().getByRole("link", { name: "ดูดีล" }).click();
    const deal = new DealPage(asMember.page);
    await expect.poll(() => asMember.page.getByTestId("deal-facts").textContent()).toContain("เสนอราคา");
    // The 6-month follow-up is due: the fair was 186 days ago.
    await expect
      .poll(() =>
        asMember.page.getByTestId("deal-follow-ups").getByRole("row").filter({ hasText: "6 เดือน" }).innerText(),
      )
      .toContain("ถึงกำหนด");
    await deal.recordFollowUp("6 เดือน", "สั่งซื้อ", "350,000");
    await deal.recordOrder({ amount: "350,000", date: thaiDate(orderDay), months: "6 เดือน", evidence: "PO-2569-0187" });
    await expect.poll(() => deal.orders().textContent()).toContain("350,000");
    await deal.claimFirstOrder();
    await expect.poll(() => deal.orders().textContent()).toContain("ขอนับแล้ว");
    await asMember.context.close();

    // ——— After: the officer sees the programme's realised value grown by the order. ———
    await figures.open(`fy=all&programme=${programmeId}`);
    await expect.poll(realised).toContain("350,000");
    // 350,000 realised on a 200,000-baht budget: 1.75 baht per baht.
    expect(await figures.horizonRow("6 เดือน").textContent()).toContain("1.75");
    const years = field(await officerApi.get(`/api/programmes/${programmeId}/figures`), "years") as {
      recorded: { value: { claimed: number } };
    }[];
    expect(years.reduce((sum, y) => sum + y.recorded.value.claimed, 0)).toBe(350000);
    await asOfficer.context.close();
  });
});

/** The firm's scheduled meetings, with the buyer each one is with, from the officer's API. */
async function firmMeetingsOf(
  eventId: number,
): Promise<{ id: number; buyer: string; requester: string; target: string }[]> {
  const list = items(await officerApi.get(`/api/events/${eventId}/meetings?pageSize=200&status=accepted`));
  const sideName = (m: unknown, side: string) => String(field(field(m, side), "name"));
  return list
    .filter((m) => [sideName(m, "requester"), sideName(m, "target")].includes(FIRM.name) && field(m, "slot") !== null)
    .map((m) => ({
      id: Number(field(m, "id")),
      buyer: sideName(m, "requester") === FIRM.name ? sideName(m, "target") : sideName(m, "requester"),
      // The attendance control names the pair as requester, then target (a buyer may have asked the firm).
      requester: sideName(m, "requester"),
      target: sideName(m, "target"),
    }));
}
