import type { Locator, Page } from "playwright-core";
import { sectionTitled } from "./common.ts";

/** A firm's page (/enterprises/:id), in Thai. */
export class EnterprisePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async waitFor(enterpriseId: number): Promise<void> {
    await this.page.waitForURL(`**/enterprises/${enterpriseId}`);
  }

  /** The contacts section (masked or whole). */
  contacts(): Locator {
    return sectionTitled(this.page, "ผู้ติดต่อ");
  }

  editButton(): Locator {
    return this.page.getByRole("button", { name: "แก้ไขข้อมูล" });
  }
}
