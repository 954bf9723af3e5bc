import type { Locator, Page } from "playwright-core";

/** /events/:id/deals: the held meetings of an event with outcome entry. */
export class EventDealsPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(eventId: number): Promise<void> {
    await this.page.goto(`/events/${eventId}/deals`);
  }

  outcomeForm(meetingId: number): Locator {
    return this.page.getByTestId(`outcome-form-${meetingId}`);
  }

  async recordOutcome(meetingId: number, stage: string, expected: string): Promise<void> {
    const form = this.outcomeForm(meetingId);
    await form.getByLabel("ผลการเจรจา").selectOption({ label: stage });
    await form.getByLabel("มูลค่าคาดการณ์").fill(expected);
    await form.getByRole("button", { name: "บันทึกผล" }).click();
    await form.getByRole("status").waitFor();
  }
}

/** /deals/:id: follow-ups, orders and the claim of an order. */
export class DealPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async recordFollowUp(months: string, stage: string, expected: string): Promise<void> {
    const form = this.page.getByTestId("follow-up-form");
    await form.getByLabel("ติดตามผลครั้งที่").selectOption({ label: months });
    await form.getByLabel("สถานะ").selectOption({ label: stage });
    await form.getByLabel("มูลค่าคาดการณ์").fill(expected);
    await form.getByRole("button", { name: "บันทึก" }).click();
    await form.getByRole("status").waitFor();
  }

  async recordOrder(order: { amount: string; date: string; months: string; evidence: string }): Promise<void> {
    const form = this.page.getByTestId("order-form");
    await form.getByLabel("มูลค่า (บาท)").fill(order.amount);
    await form.getByLabel("วันที่สั่งซื้อ").fill(order.date);
    await form.getByLabel("ติดตามผลครั้งที่").selectOption({ label: order.months });
    await form.getByLabel("หลักฐาน (เช่น เลขที่ใบสั่งซื้อ)").fill(order.evidence);
    await form.getByRole("button", { name: "บันทึกคำสั่งซื้อ" }).click();
    await form.getByRole("status").waitFor();
  }

  orders(): Locator {
    return this.page.getByTestId("deal-orders");
  }

  async claimFirstOrder(): Promise<void> {
    // The claimed order then reads "ขอนับแล้ว" in place of the button.
    await this.orders().getByRole("button", { name: "ขอนับเป็นมูลค่าทางเศรษฐกิจ" }).click();
  }
}

/** /market/figures: the expected-against-realised table. */
export class MarketFiguresPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(query: string): Promise<void> {
    await this.page.goto(`/market/figures?${query}`);
  }

  horizonRow(months: string): Locator {
    return this.page.getByTestId("market-horizons").getByRole("row").filter({ hasText: months });
  }
}
