import { expect } from "vitest";
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

  /**
   * Adds an item to the plan in Thai: at the top when `parent` is null, else under the tree item with that code
   * (selected first, then its "add a sub-item"); waits until the new item shows in the tree and is selected.
   */
  async addItem(parent: string | null, item: { kind: string; code: string; titleTh: string }): Promise<void> {
    if (parent === null) await this.page.getByRole("button", { name: "เพิ่มหัวข้อระดับบนสุด" }).click();
    else {
      await this.treeItem(parent).locator(".treeitem-row").first().click();
      await this.page
        .getByRole("group", { name: "การดำเนินการกับหัวข้อนี้" })
        .getByRole("button", { name: "เพิ่มหัวข้อย่อย" })
        .click();
    }
    const form = this.page.locator("form.node-form");
    await form.getByLabel("ประเภท").selectOption({ label: item.kind });
    await form.getByLabel("รหัส", { exact: true }).fill(item.code);
    await form.getByLabel("ชื่อภาษาไทย").fill(item.titleTh);
    await form.getByRole("button", { name: "บันทึก", exact: true }).click();
    await this.treeItem(item.code).waitFor();
    await expect.poll(() => this.selectedCode()).toBe(item.code);
  }

  /** A tree item by its node's code. */
  treeItem(code: string): Locator {
    return this.tree().locator(`[data-node-code="${code}"]`);
  }

  /** The code of the item whose details are shown. */
  selectedCode(): Promise<string | null> {
    return this.page.locator("[data-detail-node-code]").getAttribute("data-detail-node-code");
  }
}
