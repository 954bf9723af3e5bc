import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { juristicIdCheckDigit } from "@sainam/core";
import { ADMIN, startHarness, type Harness } from "./harness.ts";

// A coordinator adds a firm that was already in the registry to their cluster: the membership waits for an
// officer of the cluster's coordinating agency (contacts masked meanwhile), who finds it on the home page and
// approves it; then the coordinator sees the firm approved and its contacts whole. All in Thai.
let h: Harness;
const coordinator = { email: "silk-coordinator@example.org", password: "silk-coordinator-password-1", displayName: "สมหญิง ผู้ประสานงาน" };
const dipOfficer = { email: "silk-dip@example.org", password: "silk-dip-password-1", displayName: "เจ้าหน้าที่ กสอ." };
const osmepOfficer = { email: "silk-osmep@example.org", password: "silk-osmep-password-1", displayName: "เจ้าหน้าที่ สสว." };
const FIRM = "บริษัท ไหมงามทดสอบ จำกัด";
const CONTACT = "สมศรี ทอผ้า";
const CLUSTER = "คลัสเตอร์ผ้าไหมทดสอบ";
let clusterId = 0;
let firmId = 0;

async function json(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null && key in body ? Object.entries(body).find(([k]) => k === key)?.[1] : undefined;
}

beforeAll(async () => {
  h = await startHarness();
  const login = await fetch(`${h.baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
  const cookies = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const csrf = String(field(await json(login), "csrfToken"));
  const post = async (path: string, body: unknown) =>
    json(await fetch(`${h.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie: cookies, "x-csrf-token": csrf }, body: JSON.stringify(body) }));
  const agencies = field(await json(await fetch(`${h.baseUrl}/api/agencies`)), "items");
  const agencyId = (code: string) => field(Array.isArray(agencies) ? agencies.find((a) => field(a, "code") === code) : undefined, "id");

  clusterId = Number(field(await post("/api/clusters", { code: "browser-silk", kind: "industry_cluster", nameTh: CLUSTER, nameEn: "Test silk cluster", coordinatingAgencyId: agencyId("DIP"), provinceCodes: ["30"], published: true }), "id"));
  // A published firm already in the registry, with a contact person (personal data).
  const first12 = "030555900001";
  firmId = Number(field(await post("/api/enterprises", { juristicId: `${first12}${juristicIdCheckDigit(first12)}`, nameTh: FIRM, provinceCode: "30", contacts: [{ name: CONTACT, phone: "0812345678", email: "somsri@example.org" }] }), "id"));
  await post("/api/users", { ...coordinator, role: "cluster_coordinator", clusterIds: [clusterId], locale: "th" });
  await post("/api/users", { ...dipOfficer, role: "agency_officer", agencyId: agencyId("DIP"), locale: "th" });
  await post("/api/users", { ...osmepOfficer, role: "agency_officer", agencyId: agencyId("OSMEP"), locale: "th" });
});
afterAll(async () => {
  await h?.close();
});

const member = (page: Page) => page.locator(`.member[data-enterprise-id="${firmId}"]`);
const pendingRow = (page: Page) => page.locator(`[data-testid="pending-memberships"] tr[data-enterprise-id="${firmId}"]`);

describe("approving a coordinator's membership of an existing firm", () => {
  it("the coordinator adds the firm: marked pending, its contacts masked and explained, no edit", async () => {
    const { context, page } = await h.newPage("th");
    await h.signIn(page, coordinator.email, coordinator.password);
    await page.goto(`/clusters/${clusterId}`);
    await page.getByRole("heading", { name: CLUSTER }).first().waitFor();
    await page.getByRole("button", { name: "เพิ่มสมาชิก" }).first().click();
    const form = page.locator("form", { has: page.getByRole("heading", { name: "เพิ่มสมาชิกในคลัสเตอร์" }) });
    await form.getByLabel("ค้นหาวิสาหกิจ").fill("ไหมงามทดสอบ");
    await form.getByRole("button", { name: `เลือก ${FIRM}` }).click();
    await form.getByRole("button", { name: "เพิ่มสมาชิก" }).click();

    // The notice says the membership awaits approval and what that means.
    const notice = page.locator(".members-by-stage .alert-success");
    await notice.waitFor();
    expect(await notice.innerText()).toContain("รออนุมัติ");
    expect(await notice.innerText()).toContain("ข้อมูลผู้ติดต่อแบบปิดบัง");
    await expect.poll(() => member(page).getAttribute("data-approved")).toBe("false");
    expect(await member(page).innerText()).toContain("รออนุมัติ");
    // A coordinator cannot approve their own request.
    expect(await member(page).getByRole("button", { name: /^อนุมัติ/ }).count()).toBe(0);

    await member(page).getByRole("link", { name: FIRM }).click();
    await page.waitForURL(`**/enterprises/${firmId}`);
    const masked = page.locator('[data-contacts-masked="pending"]');
    await masked.waitFor();
    expect(await masked.innerText()).toContain("รออนุมัติ");
    const contacts = page.locator("section", { has: page.getByRole("heading", { name: "ผู้ติดต่อ" }) });
    await expect.poll(() => contacts.locator("tbody tr").count()).toBe(1);
    expect(await contacts.innerText()).not.toContain(CONTACT);
    expect(await contacts.innerText()).not.toContain("0812345678");
    expect(await page.getByRole("button", { name: "แก้ไขข้อมูล" }).count()).toBe(0);
    await context.close();
  });

  it("an officer of another agency finds nothing to approve and gets no Approve button", async () => {
    const { context, page } = await h.newPage("th");
    await h.signIn(page, osmepOfficer.email, osmepOfficer.password);
    await page.goto("/");
    const section = page.getByTestId("pending-memberships");
    await section.getByText("ไม่มีการเป็นสมาชิกที่รออนุมัติ").waitFor();
    expect(await pendingRow(page).count()).toBe(0);
    await page.goto(`/clusters/${clusterId}`, { waitUntil: "networkidle" });
    await page.locator("[data-stage]").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".members-by-stage").getByRole("button", { name: `อนุมัติการเป็นสมาชิกของ ${FIRM}` }).count()).toBe(0);
    await context.close();
  });

  it("the officer of the cluster's coordinating agency finds the pending membership on the home page and approves it", async () => {
    const { context, page } = await h.newPage("th");
    await h.signIn(page, dipOfficer.email, dipOfficer.password);
    await page.goto("/");
    const section = page.getByTestId("pending-memberships");
    await section.getByRole("heading", { name: "สมาชิกที่รออนุมัติ" }).waitFor();
    const row = pendingRow(page);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(CLUSTER);
    expect(text).toContain(FIRM);
    expect(text).toContain(coordinator.displayName);
    // Added today, in the Buddhist era.
    expect(text).toContain(String(new Date().getFullYear() + 543));
    await row.getByRole("button", { name: `อนุมัติการเป็นสมาชิกของ ${FIRM}` }).click();
    await section.getByRole("status").getByText(`อนุมัติการเป็นสมาชิกของ ${FIRM} ในคลัสเตอร์ ${CLUSTER} แล้ว`).waitFor();
    await expect.poll(() => pendingRow(page).count()).toBe(0);
    await context.close();
  });

  it("the coordinator then sees the member approved and the firm's contacts whole", async () => {
    const { context, page } = await h.newPage("th");
    await h.signIn(page, coordinator.email, coordinator.password);
    await page.goto(`/clusters/${clusterId}`);
    await expect.poll(() => member(page).getAttribute("data-approved")).toBe("true");
    expect(await member(page).innerText()).toContain("อนุมัติแล้ว");
    await member(page).getByRole("link", { name: FIRM }).click();
    await page.waitForURL(`**/enterprises/${firmId}`);
    const contacts = page.locator("section", { has: page.getByRole("heading", { name: "ผู้ติดต่อ" }) });
    await contacts.getByText(CONTACT).waitFor();
    expect(await contacts.innerText()).toContain("0812345678");
    expect(await page.locator("[data-contacts-masked]").count()).toBe(0);
    await page.getByRole("button", { name: "แก้ไขข้อมูล" }).waitFor();
    await context.close();
  });
});
