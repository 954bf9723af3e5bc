import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyIds, ok, signInAs, type SignedIn } from "../test-support/factories.ts";
import { createTestApp, type TestApp } from "../test-support/test-app.ts";
import { requestFactory } from "./request-factory.ts";
import { serviceFiguresFor } from "./service-figures.service.ts";

// Service figures (issue 13, point 7): counts, working-day clocks (median, 90th percentile) against due dates,
// breach rates and satisfaction on known requests; aggregates for anyone, the experts' caseload for keepers only.
let t: TestApp;
let admin: SignedIn;
let dipOfficer: SignedIn;
let mocOfficer: SignedIn;
let member: SignedIn;
let providerA: number;
let providerB: number;
let expertA: number;
let expertB: number;

/** An ISO instant at a Bangkok wall-clock time. */
const at = (date: string, time = "09:00") => new Date(`${date}T${time}:00+07:00`).toISOString();
const NOW = new Date(at("2027-05-03"));

beforeAll(async () => {
  t = await createTestApp();
  const f = requestFactory(t.ctx.database);
  const { DIP, MOC } = await agencyIds(t, "DIP", "MOC");
  admin = await signInAs(t, "admin");
  dipOfficer = await signInAs(t, "agency_officer", { agencyId: DIP });
  mocOfficer = await signInAs(t, "agency_officer", { agencyId: MOC });
  providerA = await f.provider({ agencyId: DIP, responseDays: 2, closureDays: 10, nameTh: "ศูนย์ เอ" });
  providerB = await f.provider({ agencyId: MOC, nameTh: "ศูนย์ บี" });
  expertA = await f.expert(providerA, null, "คุณสมชาย ที่ปรึกษา");
  expertB = await f.expert(providerB, null, "คุณสมหญิง ที่ปรึกษา");
  const enterprise_id = await f.enterprise(admin);
  member = await signInAs(t, "member", { enterpriseId: enterprise_id });
  const routed = (date: string, fields: Record<string, unknown>) =>
    f.request({
      enterprise_id,
      provider_id: providerA,
      expert_id: expertA,
      filed_at: at(date, "08:00"),
      routed_at: at(date),
      ...fields,
    });
  // First responses after 0, 1, 1 (over a weekend), 2 (over Songkran) and 3 working days; one never answered.
  await routed("2027-03-01", {
    status: "closed",
    first_response_at: at("2027-03-01", "15:00"),
    response_due_on: "2027-03-03",
    closed_at: at("2027-03-15"),
    closure_due_on: "2027-03-15",
    rating: 5,
  });
  await routed("2027-03-01", {
    status: "closed",
    first_response_at: at("2027-03-02"),
    response_due_on: "2027-03-03",
    closed_at: at("2027-03-08"),
    closure_due_on: "2027-03-15",
    rating: 4,
    field: "logistics",
    province_code: "50",
  });
  await routed("2027-03-05", {
    status: "closed",
    first_response_at: at("2027-03-08"),
    response_due_on: "2027-03-09",
    closed_at: at("2027-03-26"),
    closure_due_on: "2027-03-19",
    rating: 2,
  });
  await routed("2027-04-09", {
    status: "accepted",
    first_response_at: at("2027-04-16"),
    response_due_on: "2027-04-16",
    closure_due_on: "2027-06-30",
  });
  await routed("2027-03-01", {
    status: "accepted",
    first_response_at: at("2027-03-04"),
    response_due_on: "2027-03-03",
    closure_due_on: "2027-06-30",
  });
  await routed("2027-03-01", {
    status: "assigned",
    provider_id: providerB,
    expert_id: expertB,
    response_due_on: "2027-03-03",
    closure_due_on: "2027-06-30",
  });
  await routed("2027-03-01", { status: "withdrawn", response_due_on: "2027-03-03", closure_due_on: "2027-03-15" });
  await f.request({ enterprise_id, status: "unassigned", filed_at: at("2027-02-10"), field: "logistics" });
  // The fiscal-year edge in Bangkok: 30 Sep 2026 20:00 is FY2026; 1 Oct 2026 00:30 is FY2027.
  await f.request({ enterprise_id, status: "unassigned", filed_at: at("2026-09-30", "20:00") });
  await f.request({ enterprise_id, status: "unassigned", filed_at: at("2026-10-01", "00:30") });
});
afterAll(async () => {
  await t.close();
});

describe("#service figures", () => {
  it("counts requests, times the clocks in working days against due dates and sums the ratings", async () => {
    const figures = await serviceFiguresFor(t.ctx, { kind: "system" }, { fiscalYear: 2027 }, NOW);
    expect(figures.totals).toEqual({ requests: 9, open: 3, closed: 3, withdrawn: 1, unassigned: 2 });
    expect(figures.byField).toEqual([
      { field: "marketing", requests: 7 },
      { field: "logistics", requests: 2 },
    ]);
    expect(figures.byProvince).toEqual([
      { provinceCode: "10", requests: 8 },
      { provinceCode: "50", requests: 1 },
    ]);
    expect(figures.byMonth).toHaveLength(12);
    expect(figures.byMonth.filter((m) => m.requests > 0)).toEqual([
      { month: "2026-10", requests: 1 },
      { month: "2027-02", requests: 1 },
      { month: "2027-03", requests: 6 },
      { month: "2027-04", requests: 1 },
    ]);
    // Durations 0, 1, 1, 2, 3: median 1, 90th percentile 3; late: one answered late, one never answered.
    expect(figures.response).toEqual({
      timed: 5,
      medianDays: 1,
      p90Days: 3,
      withinTarget: 4,
      breached: 2,
      breachRate: 2 / 6,
    });
    // Closed after 10, 5 and 15 working days; the third after its due date.
    expect(figures.closure).toEqual({
      timed: 3,
      medianDays: 10,
      p90Days: 15,
      withinTarget: 2,
      breached: 1,
      breachRate: 1 / 3,
    });
    expect(figures.satisfaction).toEqual({ rated: 3, meanRating: 11 / 3, shareFourOrFive: 2 / 3 });
    expect(figures.byProvider.map((p) => [p.providerId, p.requests, p.open, p.closed])).toEqual([
      [providerA, 6, 2, 3],
      [null, 2, 0, 0],
      [providerB, 1, 1, 0],
    ]);
    expect(figures.byProvider[0]).toMatchObject({ nameTh: "ศูนย์ เอ", responseDays: 2, closureDays: 10 });
    expect(figures.targets).toEqual({ responseDays: 2, closureDays: 30 });
  });

  it("narrows by provider, province and field, with the provider's own targets", async () => {
    const a = await serviceFiguresFor(t.ctx, { kind: "public" }, { providerId: providerA }, NOW);
    expect(a.totals.requests).toBe(6);
    expect(a.targets).toEqual({ responseDays: 2, closureDays: 10 });
    const chiangMai = await serviceFiguresFor(t.ctx, { kind: "public" }, { provinceCode: "50" }, NOW);
    expect(chiangMai.totals).toMatchObject({ requests: 1, closed: 1 });
    const logistics = await serviceFiguresFor(t.ctx, { kind: "public" }, { field: "logistics" }, NOW);
    expect(logistics.totals.requests).toBe(2);
    // No fiscal year: every request, months as they come.
    const all = await serviceFiguresFor(t.ctx, { kind: "public" }, {}, NOW);
    expect(all.totals.requests).toBe(10);
    expect(all.byMonth[0]).toEqual({ month: "2026-09", requests: 1 });
  });

  it("shows the public aggregates only, and each officer the caseload of their agency's providers", async () => {
    const anonymous = await ok(t.anonymous.request("GET", "/api/service-figures?fiscalYear=2027"));
    expect(anonymous.detail).toBe("public");
    expect(anonymous.caseload).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain("สมชาย");
    expect((await ok(member.request("GET", "/api/service-figures"))).caseload).toBeNull();

    const dip = await ok(dipOfficer.request("GET", "/api/service-figures?fiscalYear=2027"));
    expect(dip.detail).toBe("full");
    expect(dip.caseload).toEqual([
      { expertId: expertA, displayName: "คุณสมชาย ที่ปรึกษา", providerId: providerA, open: 2, closed: 3 },
    ]);
    expect(dip.totals).toEqual(anonymous.totals);
    const moc = await ok(mocOfficer.request("GET", "/api/service-figures?fiscalYear=2027"));
    expect(moc.caseload.map((c: { expertId: number }) => c.expertId)).toEqual([expertB]);
    const all = await ok(admin.request("GET", "/api/service-figures?fiscalYear=2027"));
    expect(all.caseload.map((c: { expertId: number }) => c.expertId).sort()).toEqual([expertA, expertB].sort());
  });

  it("refuses a B.E. year, an unknown provider and a malformed province, naming the field", async () => {
    for (const [query, path] of [
      ["fiscalYear=2570", "fiscalYear"],
      ["providerId=999999", "providerId"],
      ["provinceCode=Bangkok", "provinceCode"],
      ["field=astrology", "field"],
    ] as const) {
      const response = await t.anonymous.request("GET", `/api/service-figures?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toBe(path);
    }
  });

  it("exports the figures as XLSX in Thai with B.E. years, and in English", async () => {
    const response = await dipOfficer.request("GET", "/api/service-figures.xlsx?fiscalYear=2027");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toContain("service-figures-2570-th.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "สรุป",
      "ตามด้าน",
      "ตามจังหวัด",
      "ตามผู้ให้บริการ",
      "รายเดือน",
      "ภาระงานผู้เชี่ยวชาญ",
    ]);
    const summary = workbook.getWorksheet("สรุป");
    expect(summary?.getRow(2).values).toEqual([undefined, "ช่วงเวลา", "ปีงบประมาณ พ.ศ. 2570"]);
    expect(summary?.getRow(3).values).toEqual([undefined, "คำขอ", 9]);
    expect(workbook.getWorksheet("ตามด้าน")?.getRow(2).values).toEqual([undefined, "การตลาด", 7]);
    expect(workbook.getWorksheet("ตามจังหวัด")?.getRow(3).values).toEqual([undefined, "เชียงใหม่", 1]);
    expect(workbook.getWorksheet("รายเดือน")?.getRow(2).values).toEqual([undefined, "ต.ค. 2569", 1]);
    expect(workbook.getWorksheet("ภาระงานผู้เชี่ยวชาญ")?.getRow(2).values).toEqual([
      undefined,
      "คุณสมชาย ที่ปรึกษา",
      "ศูนย์ เอ",
      2,
      3,
    ]);

    const english = await t.anonymous.request("GET", "/api/service-figures.xlsx?fiscalYear=2027&locale=en");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(english.rawPayload).buffer);
    // The public's workbook has no caseload sheet.
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "By field",
      "By province",
      "By provider",
      "By month",
    ]);
    expect(book.getWorksheet("Summary")?.getRow(2).values).toEqual([undefined, "Period", "FY2027"]);
  });
});
