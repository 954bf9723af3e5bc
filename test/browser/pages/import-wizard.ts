import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";

/** The import page (/import): choose a kind, upload a file, review the mapping, run, read the report. */
export class ImportWizard {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/import");
  }

  /** Uploads the file as the kind and waits for the column mapping. */
  async upload(kind: string, filePath: string): Promise<void> {
    await this.page.locator(`input[type="radio"][value="${kind}"]`).check();
    await this.page.locator('input[type="file"]').setInputFiles(filePath);
    await this.page.locator("main form button[type=submit]").click();
    await expect.poll(() => this.page.locator("table.mapping-table select").count()).toBeGreaterThan(3);
  }

  /** Runs the import with the mapping shown, and answers the report once it is there. */
  async run(): Promise<Locator> {
    await this.page.locator(".form-actions button.button-primary").last().click();
    const report = this.page.locator('[data-testid="import-report"]');
    await expect.poll(() => report.count(), { timeout: 30_000 }).toBe(1);
    return report;
  }
}
