import type { Locator, Page } from "playwright-core";

const labels = {
  en: { approve: /^Approve selected/, select: (code: string, unit: string) => `Select ${code} for ${unit}` },
  th: { approve: /^อนุมัติที่เลือก/, select: (code: string, unit: string) => `เลือก ${code} ของ ${unit}` },
} as const;

/** The approval queue (/values/queue) in the page's language. */
export class ApprovalQueuePage {
  readonly page: Page;
  private readonly words: (typeof labels)["en" | "th"];

  constructor(page: Page, locale: "th" | "en") {
    this.page = page;
    this.words = labels[locale];
  }

  async open(): Promise<void> {
    await this.page.goto("/values/queue");
  }

  /** The queue's row of a value, by its id. */
  row(valueId: number): Locator {
    return this.page.locator(`tr[data-value="${valueId}"]`);
  }

  /** The checkbox selecting one indicator's value of a unit ("1.1", "จังหวัด: เชียงใหม่"). */
  checkbox(indicatorCode: string, unitLabel: string): Locator {
    return this.page.getByLabel(this.words.select(indicatorCode, unitLabel), { exact: true });
  }

  async approveSelected(): Promise<void> {
    await this.page.getByRole("button", { name: this.words.approve }).click();
  }
}
