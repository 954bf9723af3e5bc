import type { Locale } from "@sainam/core";
import type { PlanPerformance } from "../dashboards/performance.types.ts";
import { planReportContent } from "./plan-report.content.ts";
import { statusColours } from "./status-colours.ts";

/** Excel number formats: whole numbers without decimals, others with two. */
function numberFormat(value: number): string {
  return Number.isInteger(value) ? "#,##0" : "#,##0.00";
}

const FONT = "Tahoma";

/**
 * Writes a plan's performance for one period as an XLSX workbook: a summary sheet (plan, owner agency,
 * period — B.E. in Thai —, area, date generated, indicators per achievement status) and an indicators
 * sheet (the plan's tree as indented rows, figures as numeric cells with number formats, a frozen header,
 * an auto-filter, status in words on its colour). Returns the file's bytes.
 */
export async function renderPlanReportXlsx(performance: PlanPerformance, locale: Locale): Promise<Buffer> {
  const content = planReportContent(performance, locale);
  const { labels } = content;
  // Loaded on first use: exceljs is large, and most servers start without touching a spreadsheet.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sainam";
  workbook.title = `${content.heading}: ${content.planTitle} (${content.periodLabel})`;
  workbook.created = new Date(performance.generatedAt);

  // Summary sheet.
  const summary = workbook.addWorksheet(labels.summarySheet, { properties: { defaultRowHeight: 18 } });
  summary.columns = [{ width: 34 }, { width: 70 }];
  const title = summary.addRow([content.heading]);
  title.font = { name: FONT, bold: true, size: 14 };
  summary.addRow([]);
  const facts: ReadonlyArray<readonly [string, string]> = [
    [labels.plan, `${content.planTitle} (${content.planCode})`],
    [labels.ownerAgency, content.ownerAgency],
    [labels.period, content.periodLabel],
    [labels.orgUnit, content.orgUnitLabel],
    [labels.generated, content.generatedLabel],
  ];
  for (const [label, value] of facts) {
    const row = summary.addRow([label, value]);
    row.getCell(1).font = { name: FONT, bold: true };
    row.getCell(2).font = { name: FONT };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  if (content.unapprovedNotice !== null) {
    const notice = summary.addRow([content.unapprovedNotice]);
    notice.font = { name: FONT, bold: true, color: { argb: "FFB71C1C" } };
  }
  summary.addRow([]);
  const summaryHeader = summary.addRow([labels.status, labels.count]);
  summaryHeader.font = { name: FONT, bold: true };
  for (const s of content.summary) {
    const row = summary.addRow([s.label, s.count]);
    const colour = statusColours[s.status];
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${colour.fill}` } };
    row.getCell(1).font = { name: FONT, color: { argb: `FF${colour.ink}` }, bold: true };
    row.getCell(2).numFmt = "#,##0";
    row.getCell(2).alignment = { horizontal: "left" };
  }
  const total = summary.addRow([labels.total, content.indicatorCount]);
  total.font = { name: FONT, bold: true };
  total.getCell(2).numFmt = "#,##0";
  total.getCell(2).alignment = { horizontal: "left" };

  // Indicators sheet.
  const sheet = workbook.addWorksheet(labels.indicatorsSheet, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  sheet.columns = [
    { header: labels.code, width: 12 },
    { header: labels.name, width: 60 },
    { header: labels.unit, width: 12 },
    { header: labels.target, width: 34 },
    { header: labels.baseline, width: 14 },
    { header: content.previousHeader, width: 16 },
    { header: labels.actual, width: 16 },
    { header: labels.source, width: 30 },
    { header: labels.unitsReported, width: 14 },
    { header: labels.unitsExpected, width: 14 },
    { header: labels.status, width: 18 },
    { header: labels.reason, width: 44 },
  ];
  const header = sheet.getRow(1);
  header.font = { name: FONT, bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
  header.height = 30;
  for (const row of content.rows) {
    if (row.type === "node") {
      const added = sheet.addRow([row.code, row.kindLabel === null ? row.title : `${row.kindLabel}: ${row.title}`]);
      added.font = { name: FONT, bold: true };
      added.getCell(2).alignment = { indent: row.depth, wrapText: true, vertical: "top" };
      added.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F6F9" } };
      continue;
    }
    if (row.type === "breakdown") {
      // Under its indicator: the breakdown in words in the name column, its actual and where it comes from.
      const added = sheet.addRow([null, row.label, null, null, null, null, row.actual, row.sourceLabel]);
      added.font = { name: FONT, italic: true };
      added.getCell(2).alignment = { indent: row.depth, wrapText: true, vertical: "top" };
      added.getCell(7).numFmt = numberFormat(row.actual);
      continue;
    }
    const added = sheet.addRow([
      row.code,
      row.name,
      row.unit,
      row.target,
      row.baseline,
      row.previous,
      row.actual,
      row.sourceLabel,
      row.coverage?.reported ?? null,
      row.coverage?.expected ?? null,
      row.statusLabel,
      row.reasonLabel,
    ]);
    added.font = { name: FONT };
    added.alignment = { vertical: "top", wrapText: true };
    added.getCell(2).alignment = { indent: row.depth, wrapText: true, vertical: "top" };
    const figures: ReadonlyArray<readonly [number, number | null]> = [
      [5, row.baseline],
      [6, row.previous],
      [7, row.actual],
    ];
    for (const [column, value] of figures) {
      if (value !== null) added.getCell(column).numFmt = numberFormat(value);
    }
    const colour = statusColours[row.status];
    const status = added.getCell(11);
    status.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${colour.fill}` } };
    status.font = { name: FONT, bold: true, color: { argb: `FF${colour.ink}` } };
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, sheet.rowCount), column: sheet.columnCount },
  };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:1",
  };

  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
