import type { Locator, Page } from "playwright-core";

/** An event's meeting schedule (/events/:id/schedule). */
export class EventSchedulePage {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(eventId: number): Promise<void> {
    await this.page.goto(`/events/${eventId}/schedule`);
  }

  runButton(name: string): Locator {
    return this.page.getByRole("button", { name });
  }

  result(): Locator {
    return this.page.getByTestId("schedule-result");
  }

  /** The grid's row of a slot, found by its start time ("09:00"). */
  slotRow(startsAt: string): Locator {
    return this.page
      .getByTestId("schedule-grid")
      .getByRole("row")
      .filter({ hasText: `${startsAt}–` });
  }

  grid(): Locator {
    return this.page.getByTestId("schedule-grid");
  }

  agendaLink(label: string): Locator {
    return this.page.getByRole("link", { name: label });
  }
}
