import type { Locator, Page } from "playwright-core";

/** The text of the page's first live status message: where a save or an action says it is done. */
export function statusText(page: Page): Promise<string> {
  return page.getByRole("status").first().innerText();
}

/** The text of each row of a table's body, top to bottom. */
export function rowTexts(table: Locator): Promise<string[]> {
  return table.locator("tbody tr").allInnerTexts();
}

/** A section of the page by its heading's text. */
export function sectionTitled(page: Page, heading: string): Locator {
  return page.locator("section", { has: page.getByRole("heading", { name: heading }) });
}

/** Chooses a fiscal year (C.E.) in the scope's select labelled `label`, "ปีงบประมาณ" unless said otherwise. */
export async function chooseFiscalYear(scope: Page | Locator, year: number, label = "ปีงบประมาณ"): Promise<void> {
  await scope.getByLabel(label, { exact: true }).selectOption(String(year));
}
