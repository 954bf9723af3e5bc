import type { Locator, Page } from "playwright-core";

/** A cluster's page (/clusters/:id), in Thai: its value-chain columns and the add-member form. */
export class ClusterPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(clusterId: number, tab?: "network" | "suggestions" | "programmes"): Promise<void> {
    await this.page.goto(`/clusters/${clusterId}${tab ? `?tab=${tab}` : ""}`);
  }

  /** The value-chain columns, upstream to downstream. */
  stages(): Locator {
    return this.page.locator("[data-stage]");
  }

  /** One value-chain column. */
  stage(stage: "upstream" | "midstream" | "downstream"): Locator {
    return this.page.locator(`[data-stage="${stage}"]`);
  }

  /** A member's card in the value-chain columns. */
  member(enterpriseId: number): Locator {
    return this.page.locator(`.member[data-enterprise-id="${enterpriseId}"]`);
  }

  /** Adds a firm found by `query` (the one named `firmName`) through the add-member form. */
  async addMember(query: string, firmName: string): Promise<void> {
    await this.page.getByRole("button", { name: "เพิ่มสมาชิก" }).first().click();
    const form = this.page.locator("form", { has: this.page.getByRole("heading", { name: "เพิ่มสมาชิกในคลัสเตอร์" }) });
    await form.getByLabel("ค้นหาวิสาหกิจ").fill(query);
    await form.getByRole("button", { name: `เลือก ${firmName}` }).click();
    await form.getByRole("button", { name: "เพิ่มสมาชิก" }).click();
  }

  /** The notice above the columns after a change. */
  notice(): Locator {
    return this.page.locator(".members-by-stage .alert-success");
  }

  /** The rows of the network tab's table of links, opening its disclosure first. */
  async linkageRows(): Promise<Locator> {
    await this.page.locator("details.linkage-table summary").click();
    return this.page.locator("details.linkage-table tr[data-linkage-id]");
  }
}
