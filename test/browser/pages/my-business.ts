import type { Locator, Page } from "playwright-core";
import { sectionTitled } from "./common.ts";

/** A member's home, ธุรกิจของฉัน (/my-business), in Thai. */
export class MyBusinessPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async waitFor(firmName: string): Promise<void> {
    await this.page.waitForURL("**/my-business");
    await this.page.getByRole("heading", { level: 1, name: firmName }).waitFor();
  }

  /** The products section. */
  products(): Locator {
    return sectionTitled(this.page, "สินค้าและวัตถุดิบ");
  }

  /** The names of the firm's products, as listed. */
  productNames(): Promise<string[]> {
    return this.products().locator("li[data-product] .product-name").allInnerTexts();
  }

  /** The product form that is open (adding or changing one). */
  form(): Locator {
    return this.products().locator("form");
  }

  /** The message under a field of the open product form, or "" when it has none. */
  async fieldError(label: string): Promise<string> {
    const field = this.form().locator(".field", { has: this.page.getByLabel(label, { exact: true }) });
    const error = field.locator(".field-error");
    return (await error.count()) === 0 ? "" : error.innerText();
  }

  async fillProduct(fields: { name?: string; tsic?: string; direction?: string }): Promise<void> {
    const form = this.form();
    if (fields.direction !== undefined) await form.getByLabel("ลักษณะ").selectOption({ label: fields.direction });
    if (fields.name !== undefined) await form.getByLabel("ชื่อสินค้า").fill(fields.name);
    if (fields.tsic !== undefined) await form.getByLabel("รหัส TSIC (ไม่บังคับ)").fill(fields.tsic);
  }

  async startAdding(): Promise<void> {
    await this.products().getByRole("button", { name: "เพิ่มสินค้า" }).click();
  }

  async submit(): Promise<void> {
    await this.form().locator("button[type=submit]").click();
  }

  async startEditing(name: string): Promise<void> {
    await this.products()
      .getByRole("button", { name: `แก้ไขสินค้า “${name}”` })
      .click();
  }

  /** Removes the product, answering the confirmation. */
  async remove(name: string): Promise<void> {
    await this.products()
      .getByRole("button", { name: `ลบสินค้า “${name}”` })
      .click();
    await this.products()
      .getByRole("group", { name: `ลบ “${name}” ออกจากรายการสินค้า?` })
      .getByRole("button", { name: "ลบ" })
      .click();
  }

  /** The success message of the products section. */
  notice(): Locator {
    return this.products().getByRole("status");
  }
}
