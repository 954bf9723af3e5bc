import type { Locator, Page } from "playwright-core";

/** The signed-in home page (/): the memberships waiting for the user's approval. */
export class HomePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/");
  }

  pendingMemberships(): Locator {
    return this.page.getByTestId("pending-memberships");
  }

  /** The pending membership of a firm. */
  pendingRow(enterpriseId: number): Locator {
    return this.pendingMemberships().locator(`tr[data-enterprise-id="${enterpriseId}"]`);
  }
}
