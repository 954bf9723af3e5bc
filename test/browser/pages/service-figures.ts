import type { Locator, Page } from "playwright-core";

/** The services dashboard (/services/figures). */
export class ServiceFiguresPage {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/services/figures");
  }

  /** The value shown beside a total's label, e.g. "คำขอ". */
  total(label: string): Locator {
    return this.page
      .getByTestId("service-totals")
      .locator("div")
      .filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
      .locator("dd");
  }

  providerRow(name: string): Locator {
    return this.page.getByTestId("service-providers-figures").getByRole("row").filter({ hasText: name });
  }

  caseloadRow(name: string): Locator {
    return this.page.getByTestId("service-caseload").getByRole("row").filter({ hasText: name });
  }

  downloadLink(name: string): Locator {
    return this.page.getByRole("link", { name });
  }
}
