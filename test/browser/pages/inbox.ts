import type { Locator, Page } from "playwright-core";

/** The header's inbox bell and the /inbox page, in Thai wording. */
export class InboxPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The header's link to the inbox (its name carries the unread count). */
  bell(): Locator {
    return this.page.locator("header a.inbox-bell");
  }

  /** The unread count the bell shows (0 without a badge). */
  async unreadOnBell(): Promise<number> {
    return Number((await this.bell().getAttribute("data-unread")) ?? "0");
  }

  items(): Locator {
    return this.page.getByRole("list", { name: "รายการแจ้งเตือน" }).getByRole("listitem");
  }

  item(text: string): Locator {
    return this.items().filter({ hasText: text });
  }

  /** Opens a notification by its link (the kind's wording), as a reader clicks it. */
  async open(text: string, linkName: string): Promise<void> {
    await this.item(text).getByRole("link", { name: linkName }).click();
  }

  async markRead(text: string): Promise<void> {
    await this.item(text).getByRole("button", { name: "ทำเครื่องหมายว่าอ่านแล้ว" }).click();
  }

  async markAllRead(): Promise<void> {
    await this.page.getByRole("button", { name: "อ่านทั้งหมดแล้ว" }).click();
  }
}
