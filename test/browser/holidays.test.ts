import { bangkokDateOf, toBuddhistYear } from "@sainam/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { openAs } from "./pages/session.ts";

// Issue 13, point 4: the admin keeps the working-day calendar (วันหยุดราชการ), typing dates in B.E.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("public holidays", () => {
  it("lets the admin add a special holiday typed as a B.E. date and lists it in that year", async () => {
    const year = bangkokDateOf(new Date()).year;
    const beYear = toBuddhistYear(year);
    const { context, page } = await openAs(h, "admin", "th", "/");
    const nav = page.getByRole("navigation", { name: "เมนูหลัก" });
    await nav.getByRole("button", { name: "ผู้ดูแลระบบ" }).click();
    await nav.getByRole("link", { name: "วันหยุดราชการ" }).click();
    await page.waitForURL(/\/admin\/holidays$/);
    // The year picker opens on this year, in B.E.
    expect(await page.getByLabel("ปี พ.ศ.").locator("option:checked").innerText()).toBe(String(beYear));

    await page.getByRole("button", { name: "เพิ่มวันหยุด" }).click();
    const form = page.locator("form.inline-form");
    await form.getByLabel("วันที่").fill(`18/12/${beYear}`);
    await form.getByLabel("ชื่อภาษาไทย").fill("วันหยุดพิเศษทดสอบ");
    await form.getByLabel("ประเภท").selectOption("special");
    expect(await form.getByLabel("วันที่").getAttribute("data-iso-date")).toBe(`${year}-12-18`);
    await form.getByRole("button", { name: "บันทึก", exact: true }).click();

    const row = page.locator("tr", { hasText: "วันหยุดพิเศษทดสอบ" });
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain(String(beYear));
    expect(text).toContain("วันหยุดพิเศษ");
    await context.close();
  });
});
