import type { Locator, Page } from "playwright-core";

const labels = {
  en: { indicator: "Indicator", period: "Period", save: "Save draft", submit: "Submit for approval" },
  th: { indicator: "ตัวชี้วัด", period: "ช่วงเวลา", save: "บันทึกร่าง", submit: "ส่งให้อนุมัติ" },
} as const;

/** The value-entry grid (/values?plan=…) in the page's language. */
export class ValueEntryPage {
  readonly page: Page;
  private readonly words: (typeof labels)["en" | "th"];

  constructor(page: Page, locale: "th" | "en") {
    this.page = page;
    this.words = labels[locale];
  }

  async open(planId: number): Promise<void> {
    await this.page.goto(`/values?plan=${planId}`);
  }

  /** Chooses the indicator and, if given, the period. */
  async choose(indicatorId: number | string, periodKey?: string): Promise<void> {
    await this.page.getByLabel(this.words.indicator).selectOption(String(indicatorId));
    if (periodKey !== undefined) await this.choosePeriod(periodKey);
  }

  async choosePeriod(periodKey: string): Promise<void> {
    await this.page.getByLabel(this.words.period, { exact: true }).selectOption(periodKey);
  }

  /** The grid's row of an org unit, by its code (a province's "50"). */
  row(unitCode: string): Locator {
    return this.page.locator(`tr[data-unit="${unitCode}"]`);
  }

  saveButton(): Locator {
    return this.page.getByRole("button", { name: this.words.save });
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: this.words.submit }).click();
  }
}
