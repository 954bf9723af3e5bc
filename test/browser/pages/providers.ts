import type { Locator, Page } from "playwright-core";

/** The service providers pages (/service-providers, /service-providers/:id), in Thai. */
export class ProvidersPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/service-providers");
    await this.page.getByRole("heading", { level: 1, name: "ผู้ให้บริการ" }).waitFor();
  }

  /** Follows the provider's link in the list to its page. */
  async openProvider(name: string): Promise<void> {
    await this.page.getByRole("link", { name }).click();
    await this.page.getByRole("heading", { level: 1, name }).waitFor();
  }

  /** Fills and saves the add-expert form of the open provider page. */
  async addExpert(expert: { name: string; capacity: number; fields: string[] }): Promise<void> {
    await this.page.getByRole("button", { name: "เพิ่มผู้เชี่ยวชาญ" }).click();
    const form = this.page.getByRole("form", { name: "ผู้เชี่ยวชาญใหม่" });
    await form.getByLabel("ชื่อผู้เชี่ยวชาญ").fill(expert.name);
    await form.getByLabel("จำนวนงานที่รับได้พร้อมกัน").fill(String(expert.capacity));
    for (const field of expert.fields) await form.getByLabel(field, { exact: true }).check();
    await form.getByRole("button", { name: "บันทึก" }).click();
    await form.waitFor({ state: "detached" });
  }

  /** The experts table's row of the expert (the page's only table). */
  expertRow(name: string): Locator {
    return this.page.getByRole("row").filter({ hasText: name });
  }

  /** Links the expert of the open provider page to the expert user found by `query`, named `userName`. */
  async linkExpertUser(expertName: string, query: string, userName: string): Promise<void> {
    await this.page.getByRole("button", { name: `เชื่อมบัญชีผู้ใช้ของ ${expertName}` }).click();
    await this.page.getByLabel("ค้นหาบัญชีผู้เชี่ยวชาญจากชื่อหรืออีเมล").fill(query);
    await this.page.getByRole("button", { name: `เลือก ${userName}` }).click();
    await this.page.getByRole("button", { name: `ยกเลิกการเชื่อมบัญชีของ ${expertName}` }).waitFor();
  }

  /** Makes the user found by `query`, named `userName`, a manager of the open provider. */
  async addManager(query: string, userName: string): Promise<void> {
    await this.page.getByRole("button", { name: "เพิ่มผู้จัดการ" }).click();
    await this.page.getByLabel("ค้นหาผู้เชี่ยวชาญหรือเจ้าหน้าที่หน่วยงานจากชื่อหรืออีเมล").fill(query);
    await this.page.getByRole("button", { name: `เลือก ${userName}` }).click();
    await this.page.getByRole("button", { name: `นำ ${userName} ออกจากผู้จัดการ` }).waitFor();
  }

  /** The managers section of the open provider page. */
  managers(): Locator {
    return this.page.getByRole("region", { name: "ผู้จัดการหน่วยบริการ" });
  }

  /** Sets the open provider's service-level targets (working days) on its form and saves. */
  async setTargets(responseDays: number, closureDays: number): Promise<void> {
    await this.page.getByRole("button", { name: "แก้ไขผู้ให้บริการนี้" }).click();
    const form = this.page.getByRole("form", { name: "แก้ไขผู้ให้บริการ" });
    await form.getByLabel("ตอบกลับภายใน (วันทำการ)").fill(String(responseDays));
    await form.getByLabel("ปิดงานภายใน (วันทำการ)").fill(String(closureDays));
    await form.getByRole("button", { name: "บันทึก" }).click();
    await form.waitFor({ state: "detached" });
  }

  /** The provider page's fact of a label, e.g. "เป้าหมายการให้บริการ". */
  fact(label: string): Locator {
    return this.page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  }
}
