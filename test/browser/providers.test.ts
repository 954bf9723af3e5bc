import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { ProvidersPage } from "./pages/providers.ts";
import { openAs } from "./pages/session.ts";

// Issue 13: an agency officer adds an expert to one of their agency's service providers, in Thai, and sees them
// listed on the provider's page.
let h: Harness;
const officer: TestUser = { email: "provider-officer@example.org", password: "officer-password-1", locale: "th" };
const providerName = "ศูนย์ ITC สาขาทดสอบ";

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  await createUser(admin, officer, { role: "agency_officer", agencyId: dip });
  await admin.create("/api/service-providers", {
    code: "BT-PROVIDER",
    kind: "university",
    nameTh: providerName,
    agencyId: dip,
    provinceCodes: ["50"],
    services: ["packaging_design"],
  });
});
afterAll(async () => {
  await h?.close();
});

describe("service providers", () => {
  it("lets an officer add an expert to their agency's provider and lists them", async () => {
    const { context, page } = await openAs(h, officer, "th");
    const providers = new ProvidersPage(page);
    await providers.open();
    await providers.openProvider(providerName);
    await providers.addExpert({ name: "คุณมานี ใจดี", capacity: 3, fields: ["การเงิน", "การตลาด"] });
    const row = providers.expertRow("คุณมานี ใจดี");
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("การเงิน, การตลาด");
    expect(text).toContain("รับงานได้");
    await context.close();
  });
});
