import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { idByCode } from "./pages/api.ts";
import { ProgrammePage } from "./pages/programme.ts";
import { openAs } from "./pages/session.ts";

// The harness starts a new embedded database, so the example DIP programme of seed 001 is there.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The example DIP programme of seed 001. */
const dipProgrammeId = () => idByCode(h.baseUrl, "/api/programmes?pageSize=200", "dip-industrial-cluster-development");

describe("programme page", () => {
  it("shows DIP's FY2021 figures as reported — 29 clusters, 680 businesses, 19 M baht — under B.E. 2564 in Thai", async () => {
    const id = await dipProgrammeId();
    const { context, page } = await openAs(h, null, "th", "/programmes");
    const programme = new ProgrammePage(page);
    await programme.openFromList("การพัฒนาการรวมกลุ่มและเชื่อมโยงอุตสาหกรรม");
    expect(new URL(page.url()).pathname).toBe(`/programmes/${id}`);
    const fy2021 = programme.fiscalYear(2021);
    await expect.poll(() => fy2021.count()).toBe(1);
    expect(await fy2021.locator("h3").innerText()).toBe("ปีงบประมาณ พ.ศ. 2564");
    const reported = await programme.figures(2021, "reported");
    expect(reported[0]).toBe("29");
    expect(reported[1]).toBe("680");
    expect(reported[2]).toContain("฿19,000,000");
    expect(reported[2]).toContain("จัดสรร");
    // Budget per firm: 19,000,000 / 680 ≈ 27,941 baht.
    expect(reported[4]).toBe("฿27,941");
    expect(reported[5]).toContain("฿1,200,000,000");
    expect(reported[5]).toContain("คาดว่า");
    // What Sainam recorded sits beside it: the 7 clusters the seed names, not 29.
    expect((await programme.figures(2021, "recorded"))[0]).toBe("7");
    expect(await programme.fiscalYear(2022).locator("h3").innerText()).toBe("ปีงบประมาณ พ.ศ. 2565");
    const reported2022 = await programme.figures(2022, "reported");
    expect(reported2022[0]).toBe("34");
    expect(reported2022[2]).toContain("฿17,000,000");
    await context.close();
  });

  it("labels the same figures in English with C.E. fiscal years", async () => {
    const id = await dipProgrammeId();
    const { context, page } = await openAs(h, null, "en", `/programmes/${id}`);
    const programme = new ProgrammePage(page);
    const fy2021 = programme.fiscalYear(2021);
    await expect.poll(() => fy2021.count()).toBe(1);
    expect(await fy2021.locator("h3").innerText()).toBe("FY2021");
    expect(await fy2021.locator("thead").innerText()).toMatch(/Reported by the agency[\s\S]*Recorded in Sainam/);
    const reported = await programme.figures(2021, "reported");
    expect(reported.slice(0, 2)).toEqual(["29", "680"]);
    expect(reported[5]).toContain("Expected value");
    await context.close();
  });

  it("records an activity as the admin, dated 1 October 2020, and lists it in FY2021 (B.E. 2564)", async () => {
    const id = await dipProgrammeId();
    // The admin's own language (Thai) applies once signed in.
    const { context, page } = await openAs(h, "admin", "th", `/programmes/${id}`);
    const programme = new ProgrammePage(page);
    await programme.startActivity("Coffee cupping clinic", "1/10/2563");
    await page.getByLabel("ผู้เข้าร่วม (วิสาหกิจ)").fill("กาแฟ");
    await page.locator(".finder-list button").first().click();
    await programme.save();
    await expect.poll(() => page.locator(".notice").count()).toBe(1);
    const card = page.locator(".card", { hasText: "Coffee cupping clinic" });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.innerText()).toContain("ปีงบประมาณ พ.ศ. 2564");
    expect(await card.innerText()).toContain("ผู้เข้าร่วม 1 ราย");
    await context.close();
  });
});
