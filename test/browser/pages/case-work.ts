import type { Locator, Page } from "playwright-core";

/** The case-work panel of a request's page (/requests/:id), in Thai. */
export class CaseWorkPanel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get panel(): Locator {
    return this.page.getByRole("region", { name: "การให้บริการและผลลัพธ์" });
  }

  async open(requestId: number): Promise<void> {
    await this.page.goto(`/requests/${requestId}`);
    await this.panel.getByRole("heading", { name: "การให้คำปรึกษา", exact: true }).waitFor();
  }

  /** Records a consultation; the date typed day first in B.E. (e.g. "20/11/2569"). */
  async recordConsultation(c: { date: string; mode: string; hours: string; advice: string; nextSteps: string }) {
    const form = this.panel.getByRole("form", { name: "บันทึกการให้คำปรึกษา" });
    await form.getByLabel("วันที่ให้คำปรึกษา").fill(c.date);
    await form.getByLabel("รูปแบบ").selectOption({ label: c.mode });
    await form.getByLabel("จำนวนชั่วโมง").fill(c.hours);
    await form.getByLabel("คำแนะนำที่ให้").fill(c.advice);
    await form.getByLabel("ขั้นตอนถัดไป (ไม่บังคับ)").fill(c.nextSteps);
    await form.getByRole("button", { name: "บันทึกการให้คำปรึกษา" }).click();
  }

  consultations(): Locator {
    return this.panel.getByTestId("consultations").getByRole("listitem");
  }

  async addTask(title: string, dueDate: string): Promise<void> {
    const form = this.panel.getByRole("form", { name: "เพิ่มงานติดตาม" });
    await form.getByLabel("งานที่ต้องทำ").fill(title);
    await form.getByLabel("กำหนดเสร็จ (ไม่บังคับ)").fill(dueDate);
    await form.getByRole("button", { name: "เพิ่มงานติดตาม" }).click();
  }

  tasks(): Locator {
    return this.panel.getByTestId("tasks").getByRole("listitem");
  }

  /** Closes with a result; `programme`: the funding programme's name, chosen when the request names none. */
  async close(result: { kind: string; amount: string; text: string; programme?: string }): Promise<void> {
    const form = this.panel.getByRole("form", { name: "ปิดคำขอพร้อมผลลัพธ์" });
    await form.getByLabel("ประเภทผลลัพธ์").selectOption({ label: result.kind });
    if (result.programme) await form.getByLabel("โครงการที่สนับสนุนบริการนี้").selectOption({ label: result.programme });
    await form.getByLabel("มูลค่า (บาท) (ไม่บังคับ)").fill(result.amount);
    await form.getByLabel("ผลลัพธ์ที่เกิดขึ้น").fill(result.text);
    await form.getByRole("button", { name: "ปิดคำขอ" }).click();
  }

  result(): Locator {
    return this.panel.getByTestId("case-result");
  }

  async rate(stars: number, comment: string): Promise<void> {
    const form = this.panel.getByRole("form", { name: "ให้คะแนนความพึงพอใจต่อบริการ" });
    await form.getByRole("radio", { name: `${stars} ดาว` }).check();
    await form.getByLabel("ความคิดเห็น (ไม่บังคับ)").fill(comment);
    await form.getByRole("button", { name: "ส่งคะแนน" }).click();
  }

  rating(): Locator {
    return this.panel.getByTestId("case-rating");
  }

  async recordClaim(): Promise<void> {
    await this.panel.getByRole("button", { name: "บันทึกเป็นมูลค่าทางเศรษฐกิจ" }).click();
  }

  claim(): Locator {
    return this.panel.getByTestId("case-claim");
  }
}
