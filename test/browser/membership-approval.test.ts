import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit } from "@sainam/core";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, type TestUser } from "./pages/api.ts";
import { ClusterPage } from "./pages/cluster.ts";
import { EnterprisePage } from "./pages/enterprise.ts";
import { HomePage } from "./pages/home.ts";
import { openAs } from "./pages/session.ts";

// A coordinator adds a firm that was already in the registry to their cluster: the membership waits for an
// officer of the cluster's coordinating agency (contacts masked meanwhile), who finds it on the home page and
// approves it; then the coordinator sees the firm approved and its contacts whole. All in Thai.
let h: Harness;
const coordinator = {
  email: "silk-coordinator@example.org",
  password: "silk-coordinator-password-1",
  displayName: "สมหญิง ผู้ประสานงาน",
  locale: "th",
} satisfies TestUser;
const dipOfficer = {
  email: "silk-dip@example.org",
  password: "silk-dip-password-1",
  displayName: "เจ้าหน้าที่ กสอ.",
  locale: "th",
} satisfies TestUser;
const osmepOfficer = {
  email: "silk-osmep@example.org",
  password: "silk-osmep-password-1",
  displayName: "เจ้าหน้าที่ สสว.",
  locale: "th",
} satisfies TestUser;
const FIRM = "บริษัท ไหมงามทดสอบ จำกัด";
const CONTACT = "สมศรี ทอผ้า";
const CLUSTER = "คลัสเตอร์ผ้าไหมทดสอบ";
let clusterId = 0;
let firmId = 0;

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  clusterId = await admin.create("/api/clusters", {
    code: "browser-silk",
    kind: "industry_cluster",
    nameTh: CLUSTER,
    nameEn: "Test silk cluster",
    coordinatingAgencyId: dip,
    provinceCodes: ["30"],
    published: true,
  });
  // A published firm already in the registry, with a contact person (personal data).
  const first12 = "030555900001";
  firmId = await admin.create("/api/enterprises", {
    juristicId: `${first12}${juristicIdCheckDigit(first12)}`,
    nameTh: FIRM,
    provinceCode: "30",
    contacts: [{ name: CONTACT, phone: "0812345678", email: "somsri@example.org" }],
  });
  await createUser(admin, coordinator, { role: "cluster_coordinator", clusterIds: [clusterId] });
  await createUser(admin, dipOfficer, { role: "agency_officer", agencyId: dip });
  await createUser(admin, osmepOfficer, { role: "agency_officer", agencyId: await agencyId(h.baseUrl, "OSMEP") });
});
afterAll(async () => {
  await h?.close();
});

describe("approving a coordinator's membership of an existing firm", () => {
  it("the coordinator adds the firm: marked pending, its contacts masked and explained, no edit", async () => {
    const { context, page } = await openAs(h, coordinator, "th", `/clusters/${clusterId}`);
    const cluster = new ClusterPage(page);
    await page.getByRole("heading", { name: CLUSTER }).first().waitFor();
    await cluster.addMember("ไหมงามทดสอบ", FIRM);

    // The notice says the membership awaits approval and what that means.
    const notice = cluster.notice();
    await notice.waitFor();
    expect(await notice.innerText()).toContain("รออนุมัติ");
    expect(await notice.innerText()).toContain("ข้อมูลผู้ติดต่อแบบปิดบัง");
    const member = cluster.member(firmId);
    await expect.poll(() => member.getAttribute("data-approved")).toBe("false");
    expect(await member.innerText()).toContain("รออนุมัติ");
    // A coordinator cannot approve their own request.
    expect(await member.getByRole("button", { name: /^อนุมัติ/ }).count()).toBe(0);

    await member.getByRole("link", { name: FIRM }).click();
    const firm = new EnterprisePage(page);
    await firm.waitFor(firmId);
    const masked = page.locator('[data-contacts-masked="pending"]');
    await masked.waitFor();
    expect(await masked.innerText()).toContain("รออนุมัติ");
    const contacts = firm.contacts();
    await expect.poll(() => contacts.locator("tbody tr").count()).toBe(1);
    expect(await contacts.innerText()).not.toContain(CONTACT);
    expect(await contacts.innerText()).not.toContain("0812345678");
    expect(await firm.editButton().count()).toBe(0);
    await context.close();
  });

  it("an officer of another agency finds nothing to approve and gets no Approve button", async () => {
    const { context, page } = await openAs(h, osmepOfficer, "th", "/");
    const home = new HomePage(page);
    await home.pendingMemberships().getByText("ไม่มีการเป็นสมาชิกที่รออนุมัติ").waitFor();
    expect(await home.pendingRow(firmId).count()).toBe(0);
    await page.goto(`/clusters/${clusterId}`, { waitUntil: "networkidle" });
    await page.locator("[data-stage]").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(
      await page
        .locator(".members-by-stage")
        .getByRole("button", { name: `อนุมัติการเป็นสมาชิกของ ${FIRM}` })
        .count(),
    ).toBe(0);
    await context.close();
  });

  it("the officer of the cluster's coordinating agency finds the pending membership on the home page and approves it", async () => {
    const { context, page } = await openAs(h, dipOfficer, "th", "/");
    const home = new HomePage(page);
    const section = home.pendingMemberships();
    await section.getByRole("heading", { name: "สมาชิกที่รออนุมัติ" }).waitFor();
    const row = home.pendingRow(firmId);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(CLUSTER);
    expect(text).toContain(FIRM);
    expect(text).toContain(coordinator.displayName);
    // Added today, in the Buddhist era.
    expect(text).toContain(String(new Date().getFullYear() + 543));
    await row.getByRole("button", { name: `อนุมัติการเป็นสมาชิกของ ${FIRM}` }).click();
    await section.getByRole("status").getByText(`อนุมัติการเป็นสมาชิกของ ${FIRM} ในคลัสเตอร์ ${CLUSTER} แล้ว`).waitFor();
    await expect.poll(() => home.pendingRow(firmId).count()).toBe(0);
    await context.close();
  });

  it("the coordinator then sees the member approved and the firm's contacts whole", async () => {
    const { context, page } = await openAs(h, coordinator, "th", `/clusters/${clusterId}`);
    const member = new ClusterPage(page).member(firmId);
    await expect.poll(() => member.getAttribute("data-approved")).toBe("true");
    expect(await member.innerText()).toContain("อนุมัติแล้ว");
    await member.getByRole("link", { name: FIRM }).click();
    const firm = new EnterprisePage(page);
    await firm.waitFor(firmId);
    const contacts = firm.contacts();
    await contacts.getByText(CONTACT).waitFor();
    expect(await contacts.innerText()).toContain("0812345678");
    expect(await page.locator("[data-contacts-masked]").count()).toBe(0);
    await firm.editButton().waitFor();
    await context.close();
  });
});
