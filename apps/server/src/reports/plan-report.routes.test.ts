import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { nationUnit } from "@sainam/core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardFactory, province, type DashboardFactory } from "../test-support/dashboard-factory.ts";
import { signInAs } from "../test-support/factories.ts";
import { createTestApp, type Client, type TestApp } from "../test-support/test-app.ts";

/**
 * The report routes on the MOC 2017-2021 reference plan with a few values inserted: the figures must show
 * in the XLSX cells and in the PDF text, and the reader sees what they would see on the dashboard.
 */
let t: TestApp;
let f: DashboardFactory;
let planId: number;
let officer: Client;
const indicatorIds = new Map<string, number>();

beforeAll(async () => {
  t = await createTestApp();
  f = dashboardFactory(t.ctx.database);
  const { db } = t.ctx.database;
  const plan = await db
    .selectFrom("plans")
    .select("id")
    .where("code", "=", "MOC-PCT-2017-2021")
    .executeTakeFirstOrThrow();
  planId = plan.id;
  const rows = await db
    .selectFrom("indicators")
    .innerJoin("plan_nodes", "plan_nodes.id", "indicators.plan_node_id")
    .select(["indicators.id", "indicators.code"])
    .where("plan_nodes.plan_id", "=", planId)
    .execute();
  for (const row of rows) indicatorIds.set(row.code, row.id);
  const id = (code: string): number => {
    const found = indicatorIds.get(code);
    if (found === undefined) throw new Error(`no indicator ${code} in the reference plan`);
    return found;
  };
  // 1.2 "increase 1-2%" on the previous year: +1.5 % → achieved. 2.3 "80-90%": 85.5 → achieved.
  // 3.1 "increase 5%": +2.5 % → partly achieved. 4.2 "80%": a draft only its agency's readers count.
  await f.value({ indicatorId: id("1.2"), unit: nationUnit, periodKey: "FY2020", value: 10000 });
  await f.value({ indicatorId: id("1.2"), unit: nationUnit, periodKey: "FY2021", value: 10150 });
  await f.value({ indicatorId: id("2.3"), unit: nationUnit, periodKey: "FY2021", value: 85.5 });
  await f.value({ indicatorId: id("3.1"), unit: nationUnit, periodKey: "FY2020", value: 2000 });
  await f.value({ indicatorId: id("3.1"), unit: nationUnit, periodKey: "FY2021", value: 2050 });
  await f.value({ indicatorId: id("4.2"), unit: nationUnit, periodKey: "FY2021", value: 63.25, status: "draft" });
  const moc = await f.agencyId("MOC");
  officer = await signInAs(t, "agency_officer", { agencyId: moc });
});
afterAll(async () => {
  await t.close();
});

async function workbookOf(response: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
  return workbook;
}

function rowOf(ws: ExcelJS.Worksheet | undefined, code: string): ExcelJS.Row {
  if (!ws) throw new Error("no sheet");
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
  throw new Error(`no row ${code}`);
}

function cellTexts(ws: ExcelJS.Worksheet | undefined): string[] {
  const out: string[] = [];
  ws?.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
  return out;
}

async function pdfText(response: LightMyRequestResponse): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.normalize("NFKC");
}

describe("GET /api/plans/:id/report.xlsx", () => {
  it("gives the public the approved figures of the reference plan in Thai, as numbers", async () => {
    const response = await t.anonymous.request("GET", `/api/plans/${planId}/report.xlsx?period=FY2021&locale=th`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="MOC-PCT-2017-2021_FY2021_th.xlsx"');
    const workbook = await workbookOf(response);
    expect(cellTexts(workbook.getWorksheet("สรุป"))).toContain("ปีงบประมาณ พ.ศ. 2564");
    const sheet = workbook.getWorksheet("ตัวชี้วัด");
    const registrations = rowOf(sheet, "1.2");
    expect(registrations.getCell(6).value).toBe(10000);
    expect(registrations.getCell(7).value).toBe(10150);
    expect(registrations.getCell(11).value).toBe("บรรลุ");
    expect(rowOf(sheet, "2.3").getCell(7).value).toBe(85.5);
    expect(rowOf(sheet, "3.1").getCell(11).value).toBe("บรรลุบางส่วน");
    // The draft is not the public's to see.
    expect(rowOf(sheet, "4.2").getCell(7).value).toBeNull();
    expect(rowOf(sheet, "4.2").getCell(11).value).toBe("ไม่มีข้อมูล");
  });

  it("counts the owner agency's draft for its officer when asked, and says so on the summary", async () => {
    const approvedOnly = await workbookOf(
      await officer.request("GET", `/api/plans/${planId}/report.xlsx?period=FY2021&locale=en`),
    );
    expect(rowOf(approvedOnly.getWorksheet("Indicators"), "4.2").getCell(7).value).toBeNull();
    const response = await officer.request(
      "GET",
      `/api/plans/${planId}/report.xlsx?period=FY2021&locale=en&includeUnapproved=true`,
    );
    expect(response.statusCode).toBe(200);
    const workbook = await workbookOf(response);
    expect(rowOf(workbook.getWorksheet("Indicators"), "4.2").getCell(7).value).toBe(63.25);
    expect(cellTexts(workbook.getWorksheet("Summary")).join("\n")).toContain("Includes values not yet approved");
  });

  it("refuses drafts to the public with 401", async () => {
    const response = await t.anonymous.request(
      "GET",
      `/api/plans/${planId}/report.xlsx?period=FY2021&includeUnapproved=true`,
    );
    expect(response.statusCode).toBe(401);
  });

  it("should fail with 400 naming period when it is malformed", async () => {
    const response = await t.anonymous.request("GET", `/api/plans/${planId}/report.xlsx?period=2021-22`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ path: "period", code: "invalid_format", params: { format: "period_key" } }),
    ]);
  });

  it("should fail with 400 naming unitCode, coded required_together, when unitType is missing", async () => {
    const response = await t.anonymous.request("GET", `/api/plans/${planId}/report.xlsx?period=FY2021&unitCode=50`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      {
        path: "unitCode",
        message: "give unitType and unitCode together",
        code: "required_together",
        params: { other: "unitType" },
      },
    ]);
  });

  it("should fail with 400 naming locale when it is neither th nor en", async () => {
    const response = await t.anonymous.request("GET", `/api/plans/${planId}/report.xlsx?period=FY2021&locale=fr`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: "locale" })]);
  });

  it("should fail with 404 for an unknown plan", async () => {
    const response = await t.anonymous.request("GET", "/api/plans/999999/report.xlsx?period=FY2021");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });
});

describe("GET /api/plans/:id/report.pdf", () => {
  it("shows the figures as formatted in the Thai PDF with the B.E. period", async () => {
    const response = await t.anonymous.request("GET", `/api/plans/${planId}/report.pdf?period=FY2021&locale=th`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="MOC-PCT-2017-2021_FY2021_th.pdf"');
    const text = await pdfText(response);
    expect(text).toContain("ปีงบประมาณ พ.ศ. 2564");
    expect(text).toContain("10,150");
    expect(text).toContain("10,000");
    expect(text).toContain("85.5");
    expect(text).toContain("2,050");
    expect(text).not.toContain("63.25");
  });

  it("writes the English PDF for a province when asked, with the unit in the file name", async () => {
    const response = await t.anonymous.request(
      "GET",
      `/api/plans/${planId}/report.pdf?period=FY2021&locale=en&unitType=province&unitCode=50`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toBe(
      'attachment; filename="MOC-PCT-2017-2021_FY2021_province_50_en.pdf"',
    );
    const text = await pdfText(response);
    expect(text).toContain("Chiang Mai");
    expect(text).toContain("FY2021");
  });

  it("hides an unpublished plan's report from the public as the dashboard does, not from its owner's officer", async () => {
    const moc = await f.agencyId("MOC");
    const hidden = await f.plan({ ownerAgencyId: moc, published: false });
    const anonymous = await t.anonymous.request("GET", `/api/plans/${hidden.planId}/report.pdf?period=FY2021`);
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.headers["content-type"]).toContain("application/json");
    const owner = await officer.request("GET", `/api/plans/${hidden.planId}/report.pdf?period=FY2021`);
    expect(owner.statusCode).toBe(200);
  });
});

describe("breakdowns in the plan report", () => {
  it("lists each breakdown's actual under its indicator, in words, in the XLSX and the PDF, Thai and English", async () => {
    const moc = await f.agencyId("MOC");
    const plan = await f.plan({ ownerAgencyId: moc, code: "BREAKDOWN-REPORT" });
    const indicator = await f.indicator({ nodeId: plan.nodeId, code: "BD1", aggregation: "sum" });
    await t.ctx.database.db
      .updateTable("indicators")
      .set({ disaggregations_json: JSON.stringify(["size_class"]) })
      .where("id", "=", indicator)
      .execute();
    const fy = "FY2021";
    await f.value({ indicatorId: indicator, unit: province("50"), periodKey: fy, value: 40 });
    await f.value({
      indicatorId: indicator,
      unit: province("50"),
      periodKey: fy,
      value: 25,
      disaggregation: "size_class=small",
    });
    await f.value({
      indicatorId: indicator,
      unit: province("51"),
      periodKey: fy,
      value: 5,
      disaggregation: "size_class=small",
    });
    await f.value({
      indicatorId: indicator,
      unit: province("51"),
      periodKey: fy,
      value: 3,
      disaggregation: "size_class=micro",
    });
    // A draft breakdown is not the public's to see.
    await f.value({
      indicatorId: indicator,
      unit: province("50"),
      periodKey: fy,
      value: 99,
      disaggregation: "size_class=large",
      status: "draft",
    });

    const english = await workbookOf(
      await t.anonymous.request("GET", `/api/plans/${plan.planId}/report.xlsx?period=${fy}&locale=en`),
    );
    const sheet = english.getWorksheet("Indicators");
    const rows: Array<[string, unknown, unknown]> = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(2).value), row.getCell(7).value, row.getCell(8).value]);
    });
    const from = rows.findIndex(([name]) => name === "Indicator BD1");
    expect(rows.slice(from + 1)).toEqual([
      ["Size class: Micro", 3, "Computed (1 of 77 units)"],
      ["Size class: Small", 30, "Computed (2 of 77 units)"],
    ]);

    const thai = await workbookOf(
      await t.anonymous.request("GET", `/api/plans/${plan.planId}/report.xlsx?period=${fy}&locale=th`),
    );
    expect(cellTexts(thai.getWorksheet("ตัวชี้วัด"))).toEqual(
      expect.arrayContaining(["ขนาดกิจการ: รายย่อย", "ขนาดกิจการ: ขนาดย่อม"]),
    );

    const chiangMai = await workbookOf(
      await t.anonymous.request(
        "GET",
        `/api/plans/${plan.planId}/report.xlsx?period=${fy}&locale=en&unitType=province&unitCode=50`,
      ),
    );
    const cm: Array<[string, unknown, unknown]> = [];
    chiangMai.getWorksheet("Indicators")?.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(2).value).startsWith("Size class"))
        cm.push([String(row.getCell(2).value), row.getCell(7).value, row.getCell(8).value]);
    });
    expect(cm).toEqual([["Size class: Small", 25, "Reported"]]);

    const pdf = await pdfText(
      await t.anonymous.request("GET", `/api/plans/${plan.planId}/report.pdf?period=${fy}&locale=th`),
    );
    expect(pdf).toContain("ขนาดกิจการ: ขนาดย่อม");
    expect(pdf).not.toContain("size_class");
    expect(pdf).not.toContain("99");
  });
});
