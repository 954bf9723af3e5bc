import type { Locator, Page } from "playwright-core";

/** The firm's products screen (สินค้าของเรา), the public catalogue and a product's page, in Thai. */
export class CataloguePages {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** From /my-business to the firm's products. */
  async openOwnProducts(): Promise<void> {
    await this.page.getByRole("link", { name: "สินค้าของเรา" }).first().click();
    await this.page.getByRole("heading", { level: 1, name: "สินค้าของเรา" }).waitFor();
  }

  async addProduct(p: { nameTh: string; nameEn: string; priceMin: string; priceMax: string; unit: string }) {
    await this.page.getByRole("button", { name: "เพิ่มสินค้า" }).click();
    await this.page.getByLabel("ชื่อสินค้า (ไทย)").fill(p.nameTh);
    await this.page.getByLabel("ชื่อสินค้า (อังกฤษ)").fill(p.nameEn);
    await this.page.getByLabel("ราคาต่ำสุด (บาท)").fill(p.priceMin);
    await this.page.getByLabel("ราคาสูงสุด (บาท)").fill(p.priceMax);
    await this.page.getByLabel("หน่วยราคา").fill(p.unit);
    await this.page.getByRole("button", { name: "บันทึก" }).click();
    await this.product(p.nameTh).waitFor();
  }

  /** A product's card on the products screen. */
  product(name: string): Locator {
    return this.page.locator("li.product-editor").filter({ has: this.page.getByRole("heading", { name }) });
  }

  async addPhoto(name: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const card = this.product(name);
    await card.getByLabel(/เพิ่มรูป/).setInputFiles(file);
    await card.locator(".photo-strip img").first().waitFor();
  }

  async addCertification(name: string, c: { kind: string; number: string; expiresOn: string }): Promise<void> {
    const card = this.product(name);
    await card.getByLabel("ประเภท").selectOption({ label: c.kind });
    await card.getByLabel("เลขที่").fill(c.number);
    await card.getByLabel("วันหมดอายุ").fill(c.expiresOn);
    await card.getByRole("button", { name: "เพิ่มมาตรฐาน" }).click();
    await card.locator(".tags .tag", { hasText: c.number }).waitFor();
  }

  async publish(name: string): Promise<void> {
    const card = this.product(name);
    await card.getByRole("button", { name: "เผยแพร่", exact: true }).click();
    await card.getByText("เผยแพร่แล้ว").waitFor();
  }

  /** The public catalogue: searches the words; answers the result cards' links. */
  async search(words: string): Promise<Locator> {
    await this.page.goto("/catalogue");
    await this.page.getByLabel("ค้นหาสินค้า").fill(words);
    await this.page.locator("#main").getByRole("button", { name: "ค้นหา", exact: true }).click();
    await this.page.waitForURL(/\/catalogue\?q=/);
    return this.page.locator(".catalogue-card");
  }

  async requestQuote(q: { organisation: string; country: string; name: string; email: string; message: string }) {
    await this.page.getByLabel("ชื่อบริษัท/องค์กรผู้ซื้อ").fill(q.organisation);
    await this.page.getByLabel(/^ประเทศ/).fill(q.country);
    await this.page.getByLabel("ชื่อผู้ติดต่อ").fill(q.name);
    await this.page.getByLabel("อีเมล").fill(q.email);
    await this.page.getByLabel("รายละเอียด").fill(q.message);
    await this.page.getByLabel("ยินยอมให้ส่งข้อมูลติดต่อนี้ให้ผู้ผลิต").check();
    await this.page.getByRole("button", { name: "ส่งคำขอใบเสนอราคา" }).click();
    await this.page.getByRole("status").filter({ hasText: "ส่งคำขอใบเสนอราคาแล้ว" }).waitFor();
  }
}
