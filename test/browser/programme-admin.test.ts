import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { chooseFiscalYear, rowTexts } from "./pages/common.ts";
import { ProgrammePage } from "./pages/programme.ts";
import { openAs } from "./pages/session.ts";

// An officer of the Department of Industrial Promotion keeps a programme entirely through the web app.
let h: Harness;
const officer = {
  email: "dip-programmes@example.org",
  password: "dip-programmes-password-1",
  displayName: "DIP programmes",
  locale: "th",
} satisfies TestUser;

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

/** Chooses the first enterprise the search finds for `query` through the picker labelled `label`. */
async function chooseEnterprise(page: Page, label: string, query: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(query);
  const choose = page.locator(".finder-list button").first();
  await choose.waitFor();
  await choose.click();
}

async function recordClaim(page: Page): Promise<string> {
  await page.getByRole("button", { name: "บันทึกการอ้างมูลค่าทางเศรษฐกิจ" }).click();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "บันทึกการอ้างมูลค่าทางเศรษฐกิจ" }) });
  await chooseFiscalYear(form, 2025);
  await form.getByLabel("จำนวนเงิน (บาท)").fill("500,000");
  await form.getByLabel("บันทึกหลักฐาน").fill("ใบกำกับภาษีเดือนมีนาคม");
  await chooseEnterprise(page, "วิสาหกิจ", "กาแฟ");
  await form.getByRole("button", { name: "บันทึกการอ้างมูลค่าทางเศรษฐกิจ" }).click();
  const notice = page.getByTestId("claim-notice");
  await notice.waitFor();
  return notice.innerText();
}

describe("keeping a programme in the web app", () => {
  it("an officer creates a programme, adds a budget line, a supported firm and a value claim, and the figures follow", async () => {
    const { context, page } = await openAs(h, officer, "th", "/programmes");

    // Create: the agency defaults to the officer's own; a bad code comes back from the server next to its field.
    await page.getByRole("button", { name: "สร้างโครงการใหม่" }).click();
    await page.getByLabel("รหัส", { exact: true }).fill("Bad Code");
    await page.getByLabel("ชื่อภาษาไทย").fill("โครงการพัฒนาคลัสเตอร์กาแฟ");
    await page.getByLabel("ชื่อภาษาอังกฤษ").fill("Coffee cluster development");
    const firstYear = page.getByLabel("ปีงบประมาณแรก");
    expect(await firstYear.locator("option[value='2025']").innerText()).toBe("ปีงบประมาณ พ.ศ. 2568");
    await firstYear.selectOption("2025");
    await page.getByRole("checkbox", { name: /เผยแพร่/ }).check();
    await page.getByRole("button", { name: "สร้างโครงการ", exact: true }).click();
    const codeError = page.locator(".field", { has: page.getByLabel("รหัส", { exact: true }) }).locator(".field-error");
    await codeError.waitFor();
    expect(await codeError.innerText()).toBe("รหัสต้องเป็นอักษรอังกฤษพิมพ์เล็ก ตัวเลข หรือขีด 2–80 ตัว");
    await page.getByLabel("รหัส", { exact: true }).fill("dip-coffee-2025");
    await page.getByRole("button", { name: "สร้างโครงการ", exact: true }).click();
    await page.waitForURL(/\/programmes\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "โครงการพัฒนาคลัสเตอร์กาแฟ" }).waitFor();

    // A budget line that spent more than allocated is flagged in words.
    await page.getByRole("button", { name: "เพิ่มรายการงบประมาณ" }).click();
    await chooseFiscalYear(page, 2025);
    await page.getByLabel("งบประมาณที่ได้รับจัดสรร (บาท)").fill("1,000,000");
    await page.getByLabel("ใช้จ่ายจริง (บาท)").fill("1,200,000");
    await page.getByRole("button", { name: "บันทึก", exact: true }).click();
    const line = page.getByTestId("budget-lines").locator("tbody tr").first();
    await line.waitFor();
    expect(await line.innerText()).toContain("ปีงบประมาณ พ.ศ. 2568");
    expect(await line.innerText()).toContain("฿1,000,000");
    expect(await line.innerText()).toContain("ใช้จ่ายเกินงบ: เกินงบจัดสรร ฿200,000");

    // A supported firm, found through the enterprise search.
    await page.getByRole("button", { name: "เพิ่มวิสาหกิจที่สนับสนุน" }).click();
    await chooseFiscalYear(page, 2025);
    await chooseEnterprise(page, "วิสาหกิจ", "กาแฟ");
    await page.getByRole("button", { name: "เพิ่มวิสาหกิจที่สนับสนุน" }).click();
    await expect.poll(() => page.getByTestId("supported-firms").locator("li").count()).toBe(1);

    // A value claim; recording the same one again links to it instead of counting it twice.
    expect(await recordClaim(page)).toMatch(/^บันทึกการอ้างมูลค่าเลขที่ \d+ แล้ว/);
    expect(await recordClaim(page)).toContain("มีการอ้างมูลค่าที่เหมือนกันอยู่แล้ว");
    const claims = page.locator("section[aria-labelledby='claims-title']");
    await expect.poll(() => rowTexts(claims)).toHaveLength(1);
    expect((await rowTexts(claims))[0]).toContain("รอตรวจสอบ");

    // The figures: one firm supported, budget per firm = 1,000,000 ÷ 1, the claim counted once as claimed value.
    const programme = new ProgrammePage(page);
    const fy2025 = programme.fiscalYear(2025);
    await expect.poll(() => fy2025.count()).toBe(1);
    expect(await fy2025.locator("h3").innerText()).toBe("ปีงบประมาณ พ.ศ. 2568");
    // Each save refreshes the figures; read them together, once they all agree with the last save.
    await expect
      .poll(async () => {
        const recorded = await programme.figures(2025, "recorded");
        return { firms: recorded[1], budget: recorded[2], perFirm: recorded[4], claimed: recorded[6] };
      })
      .toEqual({ firms: "1", budget: "฿1,000,000", perFirm: "฿1,000,000", claimed: "฿500,000" });
    await context.close();
  });

  it("removes a supported cluster only after the officer confirms", async () => {
    const { context, page } = await openAs(h, officer, "th", "/programmes");
    await new ProgrammePage(page).openFromList("โครงการพัฒนาคลัสเตอร์กาแฟ");
    await page.getByRole("button", { name: "เพิ่มคลัสเตอร์ที่สนับสนุน" }).click();
    const form = page.getByRole("form", { name: "เพิ่มคลัสเตอร์ที่สนับสนุน" });
    await chooseFiscalYear(form, 2025);
    const clusterSelect = form.getByLabel("คลัสเตอร์", { exact: true });
    await expect.poll(() => clusterSelect.locator("option").count()).toBeGreaterThan(1);
    await clusterSelect.selectOption({ index: 1 });
    await form.getByRole("button", { name: "เพิ่มคลัสเตอร์ที่สนับสนุน" }).click();
    const clusters = page.getByTestId("supported-clusters").locator("li");
    await expect.poll(() => clusters.count()).toBe(1);
    await clusters
      .first()
      .getByRole("button", { name: /^นำ .* ออก/ })
      .click();
    // Asked first; cancelling keeps it: no DELETE sent, still stored on the server (asked after the cancel, so a
    // DELETE the cancel sent would have gone first), and still listed.
    const deletes: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "DELETE") deletes.push(request.url());
    });
    await clusters.first().getByRole("button", { name: "ยกเลิก" }).click();
    await expect.poll(() => clusters.first().getByRole("button", { name: "ยืนยัน นำออก" }).count()).toBe(0);
    const programmeId = /\/programmes\/(\d+)$/.exec(page.url())?.[1];
    const stored = await page.evaluate(async (id) => {
      const body: unknown = await (await fetch(`/api/programmes/${id ?? ""}/clusters?fiscalYear=2025`)).json();
      return typeof body === "object" && body !== null && "items" in body && Array.isArray(body.items)
        ? body.items.length
        : -1;
    }, programmeId);
    expect(stored).toBe(1);
    expect(deletes).toEqual([]);
    expect(await clusters.count()).toBe(1);
    await clusters
      .first()
      .getByRole("button", { name: /^นำ .* ออก/ })
      .click();
    await clusters.first().getByRole("button", { name: "ยืนยัน นำออก" }).click();
    // The list and the notice are two updates (the list may empty while the page's other figures are still
    // refreshing, the notice comes once all are): wait for each.
    const notice = page.locator("section[aria-labelledby='supported-clusters'] .notice");
    await expect.poll(() => notice.innerText()).toMatch(/^นำ .* ออกจากปีงบประมาณ พ\.ศ\. 2568แล้ว$/);
    await expect.poll(() => page.getByTestId("supported-clusters").count()).toBe(0);
    await context.close();
  });

  it("records the agency's reported figures and an activity outcome, and both show beside the recorded figures", async () => {
    const { context, page } = await openAs(h, officer, "th", "/programmes");
    await new ProgrammePage(page).openFromList("โครงการพัฒนาคลัสเตอร์กาแฟ");

    await page.getByRole("button", { name: "แก้ไขตัวเลขที่หน่วยงานรายงาน" }).click();
    await chooseFiscalYear(page, 2025);
    await page.getByRole("textbox", { name: "คลัสเตอร์ที่สนับสนุน", exact: true }).fill("3");
    await page.getByLabel("งบประมาณ (บาท)", { exact: true }).fill("2,000,000");
    await page.getByRole("button", { name: "บันทึก", exact: true }).click();
    // A budget without its kind is refused here, next to the field, before asking the server.
    await page.getByText("ระบุว่าเป็นงบจัดสรรหรืองบตามแผน").waitFor();
    await page.getByLabel("ประเภทงบประมาณ").selectOption("allocated");
    await page.getByLabel("แหล่งที่มา").fill("รายงานประจำปี 2568");
    await page.getByRole("button", { name: "บันทึก", exact: true }).click();
    await page.getByText("บันทึกตัวเลขที่รายงานของปีงบประมาณ พ.ศ. 2568แล้ว").waitFor();
    const programme = new ProgrammePage(page);
    const fy2025 = programme.fiscalYear(2025);
    await expect.poll(async () => (await programme.figures(2025, "reported"))[0]).toBe("3");

    await programme.startActivity("Roasting workshop", "1/3/2568");
    await programme.save();
    await page.getByRole("button", { name: "ผลลัพธ์ของ “Roasting workshop”" }).click();
    await page.getByLabel("ประเภทผลลัพธ์").selectOption("sales");
    await page.getByLabel("จำนวนเงิน (บาท)", { exact: true }).fill("250,000");
    await page.getByRole("button", { name: "เพิ่มผลลัพธ์" }).click();
    const outcomes = page.getByTestId("outcomes").locator("li");
    await expect.poll(() => outcomes.count()).toBe(1);
    expect(await outcomes.first().innerText()).toContain("฿250,000");
    await expect.poll(() => fy2025.innerText()).toContain("฿250,000");
    await context.close();
  });
});
