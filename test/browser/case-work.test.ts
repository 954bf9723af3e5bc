import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf, juristicIdCheckDigit } from "@sainam/core";
import { openDatabase } from "@sainam/db";
import { insertServiceRequest } from "../../apps/server/src/test-support/request-factory.ts";
import { ADMIN, startHarness, type Harness } from "./harness.ts";
import { agencyId, apiSession, createUser, field, items, type ApiSession, type TestUser } from "./pages/api.ts";
import { CaseWorkPanel } from "./pages/case-work.ts";
import { openAs } from "./pages/session.ts";

// Issue 13, point 5, in Thai: an accepted request → the expert records a consultation and a follow-up task and
// closes it with a sales result of 150,000 baht → the member rates it 5 stars → the expert records the result as
// an economic-value claim of the programme that funded the service.
let h: Harness;
let admin: ApiSession;
let requestId: number;
let programmeId: number;
const expert: TestUser = { email: "casework-expert@example.org", password: "expert-password-12", locale: "th" };
const member: TestUser = { email: "casework-member@example.org", password: "member-password-12", locale: "th" };
const first12 = "050555900011";

beforeAll(async () => {
  h = await startHarness();
  admin = await apiSession(h.baseUrl, ADMIN);
  const dip = await agencyId(h.baseUrl, "DIP");
  const firmId = await admin.create("/api/enterprises", {
    juristicId: `${first12}${juristicIdCheckDigit(first12)}`,
    nameTh: "วิสาหกิจชุมชนทดสอบงานบริการ",
    provinceCode: "50",
  });
  await createUser(admin, member, { role: "member", enterpriseId: firmId });
  const providerId = await admin.create("/api/service-providers", {
    code: "BT-CASEWORK",
    kind: "sme_centre",
    nameTh: "ศูนย์บริการทดสอบ",
    agencyId: dip,
    provinceCodes: ["50"],
    services: ["marketing"],
  });
  const expertId = await admin.create("/api/experts", {
    providerId,
    displayName: "คุณสมศรี ที่ปรึกษา",
    fields: ["marketing"],
  });
  await createUser(admin, expert, { role: "expert", agencyId: dip, expertId });
  const fiscalYear = fiscalYearOf(new Date());
  programmeId = await admin.create("/api/programmes", {
    code: "bt-casework-prog",
    nameTh: "โครงการพัฒนาการตลาดทดสอบ",
    agencyId: dip,
    firstFiscalYear: fiscalYear,
  });
  await admin.post(`/api/programmes/${programmeId}/enterprises`, { enterpriseId: firmId, fiscalYear });
  // The request as filed, routed and accepted (filing and routing have their own tests), funded by the programme.
  const database = openDatabase({ dataDir: h.dataDir });
  try {
    requestId = await insertServiceRequest(database.db, {
      enterpriseId: firmId,
      providerId,
      expertId,
      status: "accepted",
      field: "marketing",
      provinceCode: "50",
      consent: true,
    });
    await database.db
      .updateTable("service_requests")
      .set({ programme_id: programmeId, accepted_at: new Date().toISOString() })
      .where("id", "=", requestId)
      .execute();
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  await h?.close();
});

// axe-core on the panel's forms (injected as an init script: the app's CSP refuses inline scripts).
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(async () => {
    type Results = { violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }> };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Results> } }).axe;
    const results = await axe.run(document);
    return results.violations
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => `${v.id} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

describe("case work to a result", () => {
  it("takes an accepted request through a consultation, a task, closure, the firm's rating and the claim", async () => {
    const asExpert = await openAs(h, expert, "th");
    await asExpert.context.addInitScript({ content: axeSource });
    const work = new CaseWorkPanel(asExpert.page);
    await work.open(requestId);
    await expect.poll(() => work.panel.getByText("ยังไม่มีการให้คำปรึกษา").count()).toBe(1);
    expect(await seriousViolations(asExpert.page), "the expert's forms").toEqual([]);

    await work.recordConsultation({
      date: "20/11/2569",
      mode: "ลงพื้นที่",
      hours: "2.5",
      advice: "ปรับบรรจุภัณฑ์และขายผ่านร้านค้าออนไลน์",
      nextSteps: "ทดลองขายหนึ่งเดือน",
    });
    await expect.poll(() => work.consultations().count()).toBe(1);
    const consultation = (await work.consultations().first().textContent()) ?? "";
    expect(consultation).toContain("20 พ.ย. 2569");
    expect(consultation).toContain("ลงพื้นที่");
    expect(consultation).toContain("2.5 ชั่วโมง");

    await work.addTask("ส่งแผนการตลาดให้วิสาหกิจ", "15/12/2569");
    await expect.poll(() => work.tasks().count()).toBe(1);
    expect(await work.tasks().first().textContent()).toContain("ส่งแผนการตลาดให้วิสาหกิจ");

    await work.close({ kind: "ยอดขาย", amount: "150,000", text: "ยอดขายออนไลน์เพิ่มขึ้นหลังปรับบรรจุภัณฑ์" });
    await work.result().waitFor();
    const result = (await work.result().textContent()) ?? "";
    expect(result).toContain("ยอดขาย");
    expect(result).toMatch(/150,000/);
    expect(await work.panel.getByText("วิสาหกิจยังไม่ได้ให้คะแนน").count()).toBe(1);

    const asMember = await openAs(h, member, "th");
    await asMember.context.addInitScript({ content: axeSource });
    const firmView = new CaseWorkPanel(asMember.page);
    await firmView.open(requestId);
    await firmView.panel.getByRole("radio", { name: "5 ดาว" }).waitFor();
    expect(await seriousViolations(asMember.page), "the firm's rating form").toEqual([]);
    await firmView.rate(5, "ที่ปรึกษาให้คำแนะนำได้ตรงจุด");
    await firmView.rating().waitFor();
    expect(await firmView.rating().textContent()).toContain("5 จาก 5 ดาว");
    await asMember.context.close();

    await work.open(requestId);
    expect(await work.rating().textContent()).toContain("5 จาก 5 ดาว");
    await work.recordClaim();
    await work.claim().waitFor();
    expect(await work.claim().textContent()).toContain("รอตรวจสอบ");
    await asExpert.context.close();

    const claims = items(await admin.get(`/api/value-claims?programmeId=${programmeId}`));
    expect(claims).toHaveLength(1);
    expect(field(claims[0], "amount")).toBe(150000);
    expect(field(claims[0], "method")).toBe("sales_increase");
    expect(field(claims[0], "verification")).toBe("claimed");
  });
});
