import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { planPerformanceFixture } from "./plan-report.fixture.ts";
import { renderPlanReportXlsx } from "./plan-report.xlsx.ts";

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer; a copy gives one without a cast.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((w) => w.name).join(", ")}`);
  return found;
}

/** The row whose first cell is `code`. */
function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
  throw new Error(`no row ${code}`);
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
  return out;
}

describe("#renderPlanReportXlsx", () => {
  it("writes a Thai summary sheet with the B.E. fiscal year, the Thai date and counts per status", async () => {
    const workbook = await open(await renderPlanReportXlsx(planPerformanceFixture(), "th"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["สรุป", "ตัวชี้วัด"]);
    const summary = texts(sheet(workbook, "สรุป"));
    expect(summary).toContain("รายงานผลการดำเนินงานตามแผน");
    expect(summary).toContain("แผนยุทธศาสตร์การค้าของกลุ่มจังหวัด พ.ศ. 2560-2564 (MOC-PCT-2017-2021)");
    expect(summary).toContain("กระทรวงพาณิชย์");
    expect(summary).toContain("ปีงบประมาณ พ.ศ. 2564");
    expect(summary).toContain("15 ตุลาคม 2564");
    const ws = sheet(workbook, "สรุป");
    const achieved = rowOf(ws, "บรรลุ");
    // Achieved: 1.2 (+1.5 %, inside 1-2 %) and 2.2; partly: 2.1 (75 against 80); not achieved: 2.3 (above
    // the band); not assessable: 1.4 (direction only, no threshold); no data: 2.4.
    expect(achieved.getCell(2).value).toBe(2);
    expect(rowOf(ws, "บรรลุบางส่วน").getCell(2).value).toBe(1);
    expect(rowOf(ws, "ไม่บรรลุ").getCell(2).value).toBe(1);
    expect(rowOf(ws, "ประเมินไม่ได้").getCell(2).value).toBe(1);
    expect(rowOf(ws, "ไม่มีข้อมูล").getCell(2).value).toBe(1);
    expect(rowOf(ws, "ตัวชี้วัดทั้งหมด").getCell(2).value).toBe(6);
  });

  it("writes indicators as indented rows under their strategy with figures as numeric cells", async () => {
    const workbook = await open(await renderPlanReportXlsx(planPerformanceFixture(), "th"));
    const ws = sheet(workbook, "ตัวชี้วัด");
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "รหัส",
      "ยุทธศาสตร์ / ตัวชี้วัด",
      "หน่วยนับ",
      "เป้าหมาย",
      "ค่าฐาน",
      "งวดก่อน\n(ปีงบ 2563)",
      "ผลการดำเนินงาน",
      "ที่มา",
      "หน่วยที่รายงาน",
      "หน่วยทั้งหมด",
      "ผลการประเมิน",
      "เหตุผล",
    ]);
    const codes: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) codes.push(row.getCell(1).value);
    });
    // Branches without indicators (the vision, the sub-strategy and its work plan) are left out.
    expect(codes).toEqual(["S1", "S1-O", "1.2", "1.4", "S2", "S2-O", "2.1", "2.2", "2.3", "2.4"]);
    expect(rowOf(ws, "S1").getCell(2).value).toBe("ยุทธศาสตร์: เสริมสร้างขีดความสามารถในการแข่งขันทางการค้าของกลุ่มจังหวัด");

    const registrations = rowOf(ws, "1.2");
    expect(registrations.getCell(2).value).toBe("จำนวนการจดทะเบียนนิติบุคคลเพิ่มขึ้น");
    expect(registrations.getCell(2).alignment.indent).toBe(2);
    expect(registrations.getCell(4).value).toBe("เพิ่มขึ้นร้อยละ 1-2 จากงวดก่อน");
    expect(registrations.getCell(6).value).toBe(12500);
    expect(registrations.getCell(6).numFmt).toBe("#,##0");
    expect(registrations.getCell(7).value).toBe(12687.5);
    expect(registrations.getCell(7).numFmt).toBe("#,##0.00");
    expect(registrations.getCell(8).value).toBe("คำนวณจากหน่วยย่อย (15 จาก 18 หน่วย; มีหน่วยที่ไม่นำมาคำนวณ)");
    expect(registrations.getCell(9).value).toBe(15);
    expect(registrations.getCell(10).value).toBe(18);
    expect(registrations.getCell(11).value).toBe("บรรลุ");
    expect(registrations.getCell(12).value).toBe("อยู่ในช่วงเป้าหมาย");

    const tradeValue = rowOf(ws, "2.2");
    expect(typeof tradeValue.getCell(7).value).toBe("number");
    expect(tradeValue.getCell(7).value).toBe(1234567.89);
    const noData = rowOf(ws, "2.4");
    expect(noData.getCell(7).value).toBeNull();
    expect(noData.getCell(11).value).toBe("ไม่มีข้อมูล");
  });

  it("says on the summary when unapproved values were counted, and only then", async () => {
    const notice = "รวมค่าที่ยังไม่ได้รับอนุมัติ (ร่างและรอการอนุมัติ) ห้ามเผยแพร่";
    const withDrafts = await open(
      await renderPlanReportXlsx(planPerformanceFixture({ includesUnapproved: true }), "th"),
    );
    expect(texts(sheet(withDrafts, "สรุป"))).toContain(notice);
    const approvedOnly = await open(await renderPlanReportXlsx(planPerformanceFixture(), "th"));
    expect(texts(sheet(approvedOnly, "สรุป"))).not.toContain(notice);
  });

  it("freezes the header, sets column widths and an auto-filter over the table", async () => {
    const workbook = await open(await renderPlanReportXlsx(planPerformanceFixture(), "en"));
    const ws = sheet(workbook, "Indicators");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(60);
    expect(ws.autoFilter).toBe("A1:L11");
  });

  it("writes the English report in English with the C.E. fiscal year", async () => {
    const workbook = await open(await renderPlanReportXlsx(planPerformanceFixture(), "en"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Summary", "Indicators"]);
    const summary = texts(sheet(workbook, "Summary"));
    expect(summary).toContain("Plan performance report");
    expect(summary).toContain("FY2021");
    expect(summary).toContain("15 October 2021");
    expect(summary).toContain("Ministry of Commerce");
    const ws = sheet(workbook, "Indicators");
    const share = rowOf(ws, "2.1");
    expect(share.getCell(2).value).toBe("Share of community enterprises meeting the standard");
    expect(share.getCell(4).value).toBe("at least 80%");
    expect(share.getCell(5).value).toBe(60);
    expect(share.getCell(7).value).toBe(75);
    expect(share.getCell(11).value).toBe("Partly achieved");
    expect(share.getCell(12).value).toBe("Short of the target by at most 10%");
    // Units are the plan's own words (Thai in this fixture); every other cell is English.
    const thai: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell, column) => {
        if (column !== 3 && /[\u0E00-\u0E7F]/.test(String(cell.value))) thai.push(String(cell.value));
      }),
    );
    expect(thai).toEqual([]);
  });
});
