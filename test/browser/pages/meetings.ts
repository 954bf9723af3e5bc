import type { Locator, Page } from "playwright-core";

/** /my-meetings (a member firm) and /events/:id/meetings (the organiser), in Thai wording. */
export class MyMeetingsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  section(heading: string): Locator {
    return this.page.locator("section").filter({ has: this.page.getByRole("heading", { level: 2, name: heading }) });
  }

  suggestions(): Locator {
    return this.section("คู่เจรจาที่แนะนำ");
  }

  suggestion(partner: string): Locator {
    return this.suggestions().getByRole("listitem", { name: partner });
  }

  async requestMeetingWith(partner: string): Promise<void> {
    await this.suggestion(partner).getByRole("button", { name: "ขอนัดหมาย" }).click();
  }

  incoming(): Locator {
    return this.section("คำขอนัดหมายที่ได้รับ");
  }

  outgoing(): Locator {
    return this.section("คำขอที่ส่งไป");
  }

  accepted(): Locator {
    return this.section("นัดหมายที่ตอบรับแล้ว");
  }
}

export class EventMeetingsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async checkIn(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `ลงทะเบียน ${name}`, exact: true }).click();
  }

  checkedIn(name: string): Locator {
    return this.page.getByRole("button", { name: `ยกเลิกการลงทะเบียน ${name}` });
  }

  /** The day section's next page of accepted meetings (a fair has more than one page). */
  async nextPageOfTheDay(): Promise<void> {
    await this.page
      .locator("section")
      .filter({ has: this.page.getByRole("heading", { level: 2, name: "วันงาน: ลงทะเบียนและการเข้าร่วม" }) })
      .getByRole("button", { name: "ถัดไป", exact: true })
      .click();
  }

  attendance(a: string, b: string): Locator {
    return this.page.getByLabel(`การเข้าร่วมนัดหมาย ${a} กับ ${b}`);
  }
}

/** The organiser's meetings page: suggestions in bulk and the requests answered on behalf of buyers. */
export class EventRequestsPanel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  suggestions(): Locator {
    return this.page
      .locator("section")
      .filter({ has: this.page.getByRole("heading", { level: 2, name: "คู่เจรจาที่แนะนำ" }) });
  }

  /** Asks for every participant's best `perParticipant` suggested partners at once. */
  async requestTopSuggestions(perParticipant: number): Promise<void> {
    const form = this.page.getByRole("form", { name: "ขอนัดหมายจากคำแนะนำอันดับต้นของทุกคน" });
    await form.getByLabel("จำนวนคู่ต่อผู้เข้าร่วม").fill(String(perParticipant));
    await form.getByRole("button", { name: "ส่งคำขอทั้งหมด" }).click();
  }

  requests(): Locator {
    return this.page
      .locator("section")
      .filter({ has: this.page.getByRole("heading", { level: 2, name: "คำขอนัดหมาย" }) });
  }

  acceptButtons(): Locator {
    return this.requests().getByRole("button", { name: "ตอบรับ", exact: true });
  }
}
