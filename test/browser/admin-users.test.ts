import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { juristicIdCheckDigit } from "@sainam/core";
import { ADMIN, currentUser, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession } from "./pages/api.ts";
import { SignInPage, openAsAdminIn } from "./pages/session.ts";
import { ChangePasswordPage, UserAdminPage } from "./pages/users.ts";

// An admin sets up users in Thai: a coordinator with two clusters, a member with its firm (found by its juristic ID),
// an officer with an
// agency, an expert with a provider and fields — each scope shown in the list; then resets the coordinator's
// password. The coordinator signs in with it, is taken to the change-password page (the server refusing their
// writes meanwhile), changes it and gets in.
let h: Harness;
const CLUSTERS = [
  { code: "browser-rice", nameTh: "คลัสเตอร์ข้าวหอมทดสอบ" },
  { code: "browser-herb", nameTh: "คลัสเตอร์สมุนไพรทดสอบ" },
];
const FIRM = "บริษัท ข้าวทองทดสอบ จำกัด";
const first12 = "045555900007";
const JURISTIC_ID = `${first12}${juristicIdCheckDigit(first12)}`;
const people = {
  coordinator: {
    email: "rice-coordinator@example.org",
    displayName: "สมชาย ผู้ประสานงาน",
    password: "first-password-123",
  },
  member: { email: "rice-member@example.org", displayName: "สมศรี สมาชิก", password: "member-password-123" },
  officer: { email: "rice-officer@example.org", displayName: "สมปอง เจ้าหน้าที่", password: "officer-password-123" },
  expert: { email: "rice-expert@example.org", displayName: "สมใจ ผู้เชี่ยวชาญ", password: "expert-password-123" },
};
const PROVIDER = "กลไกส่งเสริม SME ภาคกลางทดสอบ";
const TEMPORARY = "temporary-password-9";
const OWN = "coordinator-own-password";
let dip = 0;
let osmep = 0;

beforeAll(async () => {
  h = await startHarness();
  const admin = await apiSession(h.baseUrl, ADMIN);
  dip = await agencyId(h.baseUrl, "DIP");
  osmep = await agencyId(h.baseUrl, "OSMEP");
  for (const cluster of CLUSTERS) {
    await admin.create("/api/clusters", {
      ...cluster,
      kind: "industry_cluster",
      nameEn: `Test ${cluster.code}`,
      coordinatingAgencyId: dip,
      provinceCodes: ["45"],
      published: true,
    });
  }
  await admin.create("/api/enterprises", { juristicId: JURISTIC_ID, nameTh: FIRM, provinceCode: "45" });
  await admin.create("/api/service-providers", {
    code: "RISPM-C",
    kind: "sme_centre",
    nameTh: PROVIDER,
    agencyId: osmep,
    services: ["marketing", "packaging_design"],
  });
});
afterAll(async () => {
  await h?.close();
});

describe("admin sets up users", () => {
  it("creates a user of every role with the scope the role needs, and shows it in the list", async () => {
    const { context, page } = await openAsAdminIn(h, "th");
    const users = new UserAdminPage(page);
    await users.open();

    let form = await users.createForm();
    await users.fillUser(form, people.coordinator, "ผู้ประสานงานคลัสเตอร์");
    // A coordinator without clusters is stopped before anything is sent, and told why.
    await form.locator("button[type=submit]").click();
    expect(await form.getByRole("alert").innerText()).toContain("ต้องเลือกคลัสเตอร์อย่างน้อยหนึ่งคลัสเตอร์");
    await users.addCluster(form, "ข้าวหอม", `${CLUSTERS[0]?.nameTh} (browser-rice)`);
    await users.addCluster(form, "browser-herb", `${CLUSTERS[1]?.nameTh} (browser-herb)`);
    await users.submit(form, people.coordinator.email);

    form = await users.createForm();
    await users.fillUser(form, people.member, "สมาชิก");
    await users.chooseFirm(form, JURISTIC_ID, FIRM);
    await users.submit(form, people.member.email);

    form = await users.createForm();
    await users.fillUser(form, people.officer, "เจ้าหน้าที่หน่วยงาน");
    await form.getByLabel("หน่วยงาน", { exact: true }).selectOption(String(dip));
    await users.submit(form, people.officer.email);

    form = await users.createForm();
    await users.fillUser(form, people.expert, "ผู้เชี่ยวชาญ");
    // The expert's record is made at the service provider chosen, with the fields ticked.
    await form.getByLabel("หน่วยบริการ", { exact: true }).selectOption({ label: `${PROVIDER} (RISPM-C)` });
    await form.getByLabel("การตลาด").check();
    await form.getByLabel("การออกแบบบรรจุภัณฑ์").check();
    await users.submit(form, people.expert.email);

    await expect.poll(() => users.row(people.coordinator.email).innerText()).toContain(CLUSTERS[1]?.nameTh);
    expect(await users.row(people.coordinator.email).innerText()).toContain(CLUSTERS[0]?.nameTh);
    await expect.poll(() => users.row(people.member.email).innerText()).toContain(FIRM);
    expect(await users.row(people.officer.email).innerText()).toContain("กรมส่งเสริมอุตสาหกรรม");
    const expert = await users.row(people.expert.email).innerText();
    expect(expert).toContain(PROVIDER);
    expect(expert).toContain("การตลาด, การออกแบบบรรจุภัณฑ์");

    // The edit form starts from the stored scope: the coordinator's two clusters.
    await page.getByRole("button", { name: `แก้ไขผู้ใช้ ${people.coordinator.email}` }).click();
    const edit = page.getByRole("form", { name: `แก้ไขผู้ใช้ ${people.coordinator.email}` });
    await expect.poll(() => edit.getByRole("list").first().innerText()).toContain(CLUSTERS[1]?.nameTh);
    await edit.getByRole("button", { name: "ยกเลิก" }).click();
    await context.close();
  });

  it("resets a password; the user signs in with it, must change it first, and then gets in", async () => {
    const admin = await openAsAdminIn(h, "th");
    const users = new UserAdminPage(admin.page);
    await users.open();
    await users.resetPassword(people.coordinator.email, TEMPORARY);
    expect(await users.row(people.coordinator.email).innerText()).toContain("ต้องเปลี่ยนรหัสผ่าน");
    await admin.context.close();

    const { context, page } = await h.newPage("th");
    const signIn = new SignInPage(page, { email: "อีเมล", password: "รหัสผ่าน" });
    await signIn.open();
    await signIn.signIn(people.coordinator.email, people.coordinator.password);
    expect(await signIn.alert()).toContain("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
    await signIn.signIn(people.coordinator.email, TEMPORARY);
    await page.waitForURL((url) => url.pathname === "/account/password");
    await page.getByText("ผู้ดูแลระบบตั้งรหัสผ่านชั่วคราวให้คุณ").first().waitFor();

    // Going elsewhere leads back here; and the server itself refuses a write from this session.
    await page.goto("/clusters");
    await page.waitForURL((url) => url.pathname === "/account/password");
    const refused = await page.evaluate(async () => {
      const csrf = decodeURIComponent(
        document.cookie
          .split("; ")
          .find((c) => c.startsWith("sainam_csrf="))
          ?.split("=")[1] ?? "",
      );
      const response = await fetch("/api/enterprises", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify({ nameTh: "วิสาหกิจระหว่างรอเปลี่ยนรหัส" }),
      });
      return { status: response.status, body: (await response.json()) as { error?: { code?: string } } };
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "password_change_required" } } });

    const change = new ChangePasswordPage(page);
    await change.change(TEMPORARY, OWN);
    await page.getByRole("status").filter({ hasText: "เปลี่ยนรหัสผ่านแล้ว" }).waitFor();
    await page.getByRole("link", { name: "ไปหน้าแรก" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/clusters");
    await page.getByRole("heading", { name: "คลัสเตอร์", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/clusters");
    expect(await currentUser(page)).toMatchObject({ email: people.coordinator.email });
    await context.close();
  });
});
