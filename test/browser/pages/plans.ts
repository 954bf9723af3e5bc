import type { Locator, Page } from "playwright-core";

/** The reference MOC plan (MOC-PCT-2017-2021) as the plan list names it in each language. */
const referencePlanName = { th: /แผนยุทธศาสตร์/, en: /Strategic Plan on Provincial Cluster Trade/ } as const;

/** The plan list (/plans) and a plan's page (/plans/:id) with its tree. */
export class PlansPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/plans");
  }

  /** From the plan list, opens the seeded reference plan through its link, in the page's language. */
  async openReferencePlan(locale: "th" | "en"): Promise<void> {
    await this.page.getByRole("link", { name: referencePlanName[locale] }).first().click();
    await this.page.waitForURL(/\/plans\/\d+/);
  }

  tree(): Locator {
    return this.page.getByRole("tree");
  }
}
