import type { Locator, Page } from "playwright-core";

/** The events pages (issue 14, point 2), found by their Thai or English labels as users see them. */
export class EventsPages {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async openNew(): Promise<void> {
    await this.page.goto("/events/new");
    await this.page.getByRole("heading", { level: 1 }).waitFor();
  }

  field(name: string): Locator {
    return this.page.getByRole("textbox", { name, exact: true });
  }

  select(name: string): Locator {
    return this.page.getByRole("combobox", { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  /** The participants table's row of a participant (by its name as shown). */
  participantRow(name: string): Locator {
    return this.page.locator("tbody tr").filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  /** The bulk-add file picker. */
  async chooseFile(label: string, path: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).setInputFiles(path);
  }
}
