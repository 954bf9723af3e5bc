import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, currentUser, startHarness, type Harness } from "./harness.ts";
import { PlansPage } from "./pages/plans.ts";
import { openAs, openAsAdminIn, SignInPage } from "./pages/session.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("sign-in", () => {
  it("signs the admin in and shows their menu in place of the sign-in link", async () => {
    const { context, page } = await openAs(h, "admin", "en");
    await expect.poll(() => page.locator(".user-menu button").first().textContent()).toBeTruthy();
    expect(await page.locator("a.sign-in-link").count()).toBe(0);
    expect((await currentUser(page))?.email).toBe(ADMIN.email);
    await context.close();
  });

  it("says the e-mail or password is wrong, in the chosen language", async () => {
    const { context, page } = await openAs(h, null, "en");
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(ADMIN.email, "not-the-right-password");
    await expect.poll(() => signIn.alert()).toContain("incorrect");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("sends a visitor of an admin page to sign in and back", async () => {
    const { context, page } = await openAs(h, null, "en", "/admin/users");
    await page.waitForURL(/\/login/);
    await new SignInPage(page).signIn(ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/admin\/users/);
    await expect.poll(() => page.getByText(ADMIN.email).count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe("language switch", () => {
  it("switches between Thai and English and sets the page language", async () => {
    const { context, page } = await openAs(h, null, "th", "/map");
    await expect.poll(() => page.locator("h1").textContent()).toBe("แผนที่กลุ่มจังหวัด");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("th");
    await page.locator(".language-switch button[lang=en]").click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Map of provincial clusters");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await context.close();
  });

  it("remembers a signed-in user's choice on the account, across browsers", async () => {
    const first = await openAs(h, "admin", "th");
    await first.page.locator(".language-switch button[lang=en]").click();
    await expect.poll(async () => (await currentUser(first.page))?.locale).toBe("en");
    await first.context.close();

    // A new browser whose own storage says Thai: signing in brings the saved English back.
    const second = await openAs(h, "admin", "th", "/plans");
    await expect.poll(() => second.page.locator("html").getAttribute("lang")).toBe("en");
    await second.page.locator(".language-switch button[lang=th]").click();
    await expect.poll(async () => (await currentUser(second.page))?.locale).toBe("th");
    await second.context.close();
  });

  it("shows dates in the Buddhist calendar and the Thai fiscal year in Thai", async () => {
    const { context, page } = await openAs(h, null, "th", "/plans");
    const plans = new PlansPage(page);
    await plans.openReferencePlan("th");
    await expect.poll(() => plans.tree().count()).toBe(1);
    const main = page.locator("main");
    await expect.poll(() => main.innerText()).toContain("2559"); // 1 Oct 2016 is 1 ต.ค. 2559
    await expect.poll(() => main.innerText()).toContain("2564"); // FY2021 = ปีงบประมาณ พ.ศ. 2564
    expect(await main.innerText()).not.toContain("2016");
    await context.close();
  });
});

describe("map", () => {
  it("opens a province's provincial cluster when the province is clicked", async () => {
    const { context, page } = await openAs(h, null, "en", "/map");
    await page.locator('[data-province-code="50"]').click(); // Chiang Mai
    await page.waitForURL(/\/provincial-clusters\/\d+/);
    await expect.poll(() => page.locator("h1").textContent()).toContain("Upper Northern Provincial Cluster 1");
    await expect.poll(() => page.locator("main").innerText()).toContain("Chiang Mai");
    await context.close();
  });

  it("reaches a province from the keyboard", async () => {
    const { context, page } = await openAs(h, null, "en", "/map");
    await page.locator('[data-province-code="83"]').focus(); // Phuket
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/provincial-clusters\/\d+/);
    await expect.poll(() => page.locator("main").innerText()).toContain("Phuket");
    await context.close();
  });

  it("draws all 77 provinces", async () => {
    const { context, page } = await openAs(h, null, "th", "/map");
    await expect.poll(() => page.locator("[data-province-code]").count()).toBe(77);
    await context.close();
  });
});

describe("plan tree", () => {
  it("navigates the 2017-2021 plan and shows an indicator's target as written and structured", async () => {
    const { context, page } = await openAs(h, null, "en", "/plans");
    const plans = new PlansPage(page);
    await plans.openReferencePlan("en");
    const tree = plans.tree();
    await expect.poll(() => tree.locator('[data-node-code="S2"]').count()).toBe(1);
    await page.getByRole("button", { name: "Expand all" }).click();
    await tree.locator('[data-node-code="S2-O"]').first().click();
    const details = page.locator("main");
    await expect.poll(() => details.innerText()).toContain("80-90%");
    const text = await details.innerText();
    expect(text).toContain("80–90");
    expect(text).toContain("2.5% (+/- 1.5%)");
    await context.close();
  });

  it("moves through the tree with the arrow keys", async () => {
    const { context, page } = await openAs(h, null, "en", "/plans");
    await new PlansPage(page).openReferencePlan("en");
    const first = page.getByRole("treeitem").first();
    await first.focus();
    await page.keyboard.press("ArrowDown");
    // The tree moves focus in an effect after the key press has been handled.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest("[data-node-code]")?.getAttribute("data-node-code")),
      )
      .toBe("M1");
    await context.close();
  });
});

describe("a use case's field error in Thai", () => {
  it("says in Thai why an admin cannot deactivate their own account, and keeps it active", async () => {
    const { context, page } = await openAsAdminIn(h, "th", "/admin/users");
    await page.getByRole("button", { name: `แก้ไขผู้ใช้ ${ADMIN.email}` }).click();
    const form = page.getByRole("form", { name: `แก้ไขผู้ใช้ ${ADMIN.email}` });
    await form.getByLabel("เปิดใช้งานบัญชี").uncheck();
    await form.getByRole("button", { name: "บันทึก" }).click();
    // The schema accepts the request; the use case refuses it (code self_change), and the web words it in Thai.
    const alert = form.getByRole("alert");
    await expect.poll(() => alert.innerText()).toContain("คุณปิดการใช้งานบัญชีของตนเองหรือถอดสิทธิ์ผู้ดูแลระบบของตนเองไม่ได้");
    expect(await alert.innerText()).not.toMatch(/admin cannot|demote/);
    expect((await currentUser(page))?.email).toBe(ADMIN.email);
    await context.close();
  });
});
