import type { Locator, Page } from "playwright-core";

/** Requests for help in Thai: the filing form (/requests/new), the request page (/requests/:id), งานของฉัน. */
export class RequestsPages {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** From ธุรกิจของฉัน, follows "ขอรับคำปรึกษา" to the form. */
  async askForHelpFromMyBusiness(): Promise<void> {
    await this.page.getByRole("main").getByRole("link", { name: "ขอรับคำปรึกษา", exact: true }).click();
    await this.page.getByRole("heading", { level: 1, name: "ขอรับคำปรึกษา" }).waitFor();
  }

  /** Fills the form (field, need, consent, photo) and sends it; waits for the request's page. */
  async file(request: {
    field: string;
    need: string;
    consent: boolean;
    photo?: { name: string; mimeType: string; buffer: Buffer };
  }): Promise<void> {
    const page = this.page;
    await page.getByLabel("ด้านที่ต้องการคำปรึกษา").selectOption({ label: request.field });
    await page.getByLabel("เล่าสิ่งที่ต้องการด้วยคำของคุณเอง").fill(request.need);
    if (request.consent) await page.getByLabel("ยินยอมให้ผู้เชี่ยวชาญที่รับงานเห็นชื่อและข้อมูลติดต่อของสถานประกอบการ").check();
    if (request.photo) await page.getByLabel(/รูปถ่ายหรือไฟล์ PDF/).setInputFiles(request.photo);
    await page.getByRole("button", { name: "ส่งคำขอ" }).click();
    await page.waitForURL(/\/requests\/\d+$/);
  }

  /**
   * From the requests list, follows "บันทึกผู้มาติดต่อที่ศูนย์" to the walk-in form, finds the firm by name and picks
   * it, chooses the centre that took the request, fills the rest and sends it; waits for the request's page.
   */
  async recordWalkIn(walkIn: { firm: string; centre: string; field: string; need: string; consent: boolean }) {
    const page = this.page;
    await page.getByRole("main").getByRole("link", { name: "บันทึกผู้มาติดต่อที่ศูนย์", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "บันทึกผู้มาติดต่อที่ศูนย์" }).waitFor();
    await page.getByLabel("สถานประกอบการ", { exact: true }).fill(walkIn.firm.slice(0, 12));
    await page.getByRole("button", { name: `เลือก ${walkIn.firm}` }).click();
    await page.getByLabel("ศูนย์ที่รับเรื่อง").selectOption({ label: walkIn.centre });
    await this.file(walkIn);
  }

  /** The request page's state in words. */
  status(): Locator {
    return this.page.locator(".service-request header .request-status");
  }

  /** The section under a heading of the request page. */
  section(heading: string): Locator {
    return this.page.locator("section").filter({ has: this.page.getByRole("heading", { name: heading, exact: true }) });
  }

  /** The code shown above the request's title. */
  async code(): Promise<string> {
    return (await this.page.locator(".service-request header .eyebrow").innerText()).trim();
  }
}
