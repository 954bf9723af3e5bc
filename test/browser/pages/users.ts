import type { Locator, Page } from "playwright-core";

/** The users page (/admin/users) in Thai: the add-user form with each role's scope, the list, edit and reset. */
export class UserAdminPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/admin/users");
    await this.page.getByRole("heading", { name: "ผู้ใช้", level: 1 }).waitFor();
  }

  /** The add-user form, opened (from the toolbar) if it is not. */
  async createForm(): Promise<Locator> {
    const form = this.page.getByRole("form", { name: "เพิ่มผู้ใช้ใหม่" });
    if (!(await form.isVisible())) await this.page.getByRole("button", { name: "เพิ่มผู้ใช้" }).first().click();
    await form.waitFor();
    return form;
  }

  /** Fills the fields every user has and chooses the role (by its Thai name). */
  async fillUser(
    form: Locator,
    user: { email: string; displayName: string; password: string },
    roleTh: string,
  ): Promise<void> {
    await form.getByLabel("อีเมล").fill(user.email);
    await form.getByLabel("ชื่อที่แสดง").fill(user.displayName);
    await form.getByLabel("รหัสผ่าน", { exact: true }).fill(user.password);
    await form.getByLabel("บทบาท").selectOption({ label: roleTh });
  }

  /** Adds a cluster to a coordinator found by `query`; `label` is how the list names it ("ชื่อ (รหัส)"). */
  async addCluster(form: Locator, query: string, label: string): Promise<void> {
    await form.getByLabel("ค้นหาคลัสเตอร์").fill(query);
    await form.getByRole("button", { name: `เพิ่ม ${label}` }).click();
  }

  /** Chooses a member's firm found by `query` (a name or a juristic ID). */
  async chooseFirm(form: Locator, query: string, firmName: string): Promise<void> {
    await form.getByLabel("สถานประกอบการของสมาชิก").fill(query);
    await form.getByRole("button", { name: `เลือก ${firmName}` }).click();
  }

  /** Sends the form and waits for the list's notice that the user was added. */
  async submit(form: Locator, email: string): Promise<void> {
    await form.locator("button[type=submit]").click();
    await this.notice(`เพิ่มผู้ใช้ ${email} แล้ว`).waitFor();
  }

  notice(text: string): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }

  /** A user's row in the list. */
  row(email: string): Locator {
    return this.page.getByRole("row").filter({ hasText: email });
  }

  /** Gives the user a temporary password through the row's reset panel. */
  async resetPassword(email: string, temporaryPassword: string): Promise<void> {
    await this.page.getByRole("button", { name: `ตั้งรหัสผ่านชั่วคราวให้ ${email}` }).click();
    const form = this.page.getByRole("form", { name: `ตั้งรหัสผ่านชั่วคราวให้ ${email}` });
    await form.getByLabel("รหัสผ่านชั่วคราว").fill(temporaryPassword);
    await form.getByRole("button", { name: "ตั้งรหัสผ่านชั่วคราว", exact: true }).click();
    await this.notice(`ตั้งรหัสผ่านชั่วคราวให้ ${email} แล้ว`).waitFor();
  }
}

/** The change-password page (/account/password) in Thai. */
export class ChangePasswordPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async change(current: string, next: string): Promise<void> {
    await this.page.getByLabel("รหัสผ่านปัจจุบัน").fill(current);
    await this.page.getByLabel("รหัสผ่านใหม่", { exact: true }).fill(next);
    await this.page.getByLabel("ยืนยันรหัสผ่านใหม่").fill(next);
    await this.page.getByRole("button", { name: "เปลี่ยนรหัสผ่าน" }).click();
  }
}
