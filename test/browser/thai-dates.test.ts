import { fiscalYearOf, toBuddhistYear } from "@sainam/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { openAs } from "./pages/session.ts";

// Thai dates in, Thai dates out: a Thai user types B.E. dates (d/m/yyyy) and reads them back the same way, the
// store keeps C.E., and fiscal-year pickers open on today's Thai fiscal year. The browser runs on the machine's
// clock, so "today's fiscal year" comes from core's rule, not a hard-coded year.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("Thai dates", () => {
  it("takes 1/10/2569 in a new plan, stores 2026-10-01, and shows 1/10/2569 again after a reload", async () => {
    const { context, page } = await openAs(h, "admin", "th", "/plans");
    await page.getByRole("button", { name: "แผนใหม่" }).click();
    const form = page.locator("form.inline-form", { has: page.getByRole("button", { name: "สร้างแผน" }) });
    await form.getByLabel("ระดับ").selectOption("agency_programme");
    await form.getByLabel("รหัส", { exact: true }).fill("THAI-DATES");
    await form.getByLabel("หน่วยงานเจ้าของแผน").selectOption({ index: 1 });
    const start = form.getByLabel("วันเริ่มต้นแผน");
    const end = form.getByLabel("วันสิ้นสุดแผน");

    // A C.E. year typed in Thai is refused with its B.E. counterpart, not shifted into 1483 nor sent.
    await start.fill("1/10/2026");
    await end.click();
    await expect.poll(() => start.getAttribute("aria-invalid")).toBe("true");
    expect(await form.locator(".field-error").first().innerText()).toContain("พ.ศ. 2569");

    await start.fill("1/10/2569");
    await end.fill("30/9/2570");
    await expect.poll(() => start.getAttribute("aria-invalid")).toBeNull();
    expect(await start.getAttribute("data-iso-date")).toBe("2026-10-01");
    await form.getByLabel("ชื่อภาษาไทย").fill("แผนทดสอบวันที่ไทย");
    await form.getByLabel("ชื่อภาษาอังกฤษ").fill("Thai dates plan");
    await form.getByRole("button", { name: "สร้างแผน" }).click();
    await page.waitForURL(/\/plans\/\d+$/);

    // Stored in C.E. …
    const id = /\/plans\/(\d+)$/.exec(page.url())?.[1] ?? "";
    const stored = await page.evaluate(async (planId) => {
      const body = (await (await fetch(`/api/plans/${planId}`)).json()) as { periodStart: string; periodEnd: string };
      return [body.periodStart, body.periodEnd];
    }, id);
    expect(stored).toEqual(["2026-10-01", "2027-09-30"]);

    // … and read back in B.E. after a reload, in the plan's settings form and its description.
    await page.reload();
    const settings = page.locator("form.plan-settings");
    await expect.poll(() => settings.getByLabel("วันเริ่มต้นแผน").inputValue()).toBe("1/10/2569");
    expect(await settings.getByLabel("วันสิ้นสุดแผน").inputValue()).toBe("30/9/2570");
    expect(await page.locator("main").innerText()).toContain("ปีงบประมาณ พ.ศ. 2570");

    // Moving the start a month earlier in the settings form keeps the year: 1/9/2569 is 2026-09-01, not 3112.
    await settings.getByLabel("วันเริ่มต้นแผน").fill("1/9/2569");
    await settings.getByRole("button", { name: "บันทึก", exact: true }).click();
    await expect.poll(() => settings.locator("[role=status]").count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.locator("form.plan-settings").getByLabel("วันเริ่มต้นแผน").inputValue()).toBe("1/9/2569");
    await context.close();
  });

  it("opens the programme form's first fiscal year on today's Thai fiscal year, in B.E.", async () => {
    const today = fiscalYearOf(new Date());
    const { context, page } = await openAs(h, "admin", "th", "/programmes");
    await page.getByRole("button", { name: "สร้างโครงการใหม่" }).click();
    const firstYear = page.getByLabel("ปีงบประมาณแรก");
    expect(await firstYear.inputValue()).toBe(String(today));
    expect(await firstYear.locator("option:checked").innerText()).toBe(`ปีงบประมาณ พ.ศ. ${toBuddhistYear(today)}`);
    await context.close();
  });
});
