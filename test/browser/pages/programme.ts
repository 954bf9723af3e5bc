import type { Locator, Page } from "playwright-core";

/** A programme's page (/programmes/:id), in Thai: its figures by fiscal year and the activity form. */
export class ProgrammePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** From the programme list, opens the programme through its link, and waits for its page. */
  async openFromList(name: string): Promise<void> {
    await this.page.getByRole("link", { name }).click();
    await this.page.waitForURL(/\/programmes\/\d+$/);
  }

  /** A fiscal year's figures (C.E. year), reported and recorded side by side. */
  fiscalYear(year: number): Locator {
    return this.page.locator(`[data-fiscal-year="${year}"]`);
  }

  /** The fiscal year's figures in one column ("reported" or "recorded"), top to bottom. */
  figures(year: number, column: "reported" | "recorded"): Promise<string[]> {
    return this.fiscalYear(year).locator(`td[data-column="${column}"]`).allInnerTexts();
  }

  /** Opens the activity form and fills its English title and start date as a Thai user types it (d/m/yyyy B.E.); saving is the caller's. */
  async startActivity(titleEn: string, startsOn: string): Promise<void> {
    await this.page.getByRole("button", { name: "บันทึกกิจกรรม" }).click();
    await this.page.getByLabel("ชื่อกิจกรรม (ภาษาอังกฤษ)").fill(titleEn);
    await this.page.getByLabel("วันเริ่ม").fill(startsOn);
  }

  /** The form's save button. */
  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "บันทึก", exact: true }).click();
  }
}
