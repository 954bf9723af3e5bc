import type { ServiceFigures } from "@sainam/contract";
import { formatFiscalYear, type ExpertField, type Locale } from "@sainam/core";

const FONT = "Tahoma";

const fieldWords: Record<ExpertField, { th: string; en: string }> = {
  marketing: { th: "การตลาด", en: "Marketing" },
  logistics: { th: "โลจิสติกส์", en: "Logistics" },
  business_law: { th: "กฎหมายธุรกิจ", en: "Business law" },
  finance: { th: "การเงิน", en: "Finance" },
  packaging_design: { th: "การออกแบบบรรจุภัณฑ์", en: "Packaging design" },
  cost_reduction: { th: "การลดต้นทุน", en: "Cost reduction" },
  technology: { th: "เทคโนโลยี", en: "Technology" },
  standards: { th: "มาตรฐาน", en: "Standards" },
  product_development: { th: "การพัฒนาผลิตภัณฑ์", en: "Product development" },
  digital_commerce: { th: "ดิจิทัลและอีคอมเมิร์ซ", en: "Digital and e-commerce" },
};

const words = {
  th: {
    title: "ตัวเลขการให้บริการ",
    summary: "สรุป",
    byField: "ตามด้าน",
    byProvince: "ตามจังหวัด",
    byProvider: "ตามผู้ให้บริการ",
    byMonth: "รายเดือน",
    caseload: "ภาระงานผู้เชี่ยวชาญ",
    period: "ช่วงเวลา",
    allYears: "ทุกปีงบประมาณ",
    requests: "คำขอ",
    open: "กำลังดำเนินการ",
    closed: "ปิดแล้ว",
    withdrawn: "ถอนคำขอ",
    unassigned: "รอมอบหมาย",
    measure: "ตัวชี้วัด",
    value: "ค่า",
    responseMedian: "เวลาตอบกลับ มัธยฐาน (วันทำการ)",
    responseP90: "เวลาตอบกลับ เปอร์เซ็นไทล์ที่ 90 (วันทำการ)",
    responseTarget: "เป้าหมายการตอบกลับ (วันทำการ)",
    responseBreach: "สัดส่วนที่ตอบกลับเกินกำหนด",
    closureMedian: "เวลาปิดงาน มัธยฐาน (วันทำการ)",
    closureP90: "เวลาปิดงาน เปอร์เซ็นไทล์ที่ 90 (วันทำการ)",
    closureTarget: "เป้าหมายการปิดงาน (วันทำการ)",
    closureBreach: "สัดส่วนที่ปิดงานเกินกำหนด",
    rated: "จำนวนการให้คะแนน",
    meanRating: "คะแนนความพึงพอใจเฉลี่ย (1-5)",
    shareFourFive: "สัดส่วนที่ให้ 4-5 คะแนน",
    field: "ด้าน",
    province: "จังหวัด",
    provider: "ผู้ให้บริการ",
    noProvider: "ยังไม่มีผู้ให้บริการ",
    month: "เดือน",
    expert: "ผู้เชี่ยวชาญ",
  },
  en: {
    title: "Service figures",
    summary: "Summary",
    byField: "By field",
    byProvince: "By province",
    byProvider: "By provider",
    byMonth: "By month",
    caseload: "Caseload per expert",
    period: "Period",
    allYears: "All fiscal years",
    requests: "Requests",
    open: "Open",
    closed: "Closed",
    withdrawn: "Withdrawn",
    unassigned: "Waiting for an expert",
    measure: "Measure",
    value: "Value",
    responseMedian: "First response, median (working days)",
    responseP90: "First response, 90th percentile (working days)",
    responseTarget: "First-response target (working days)",
    responseBreach: "Share of responses late",
    closureMedian: "Closure, median (working days)",
    closureP90: "Closure, 90th percentile (working days)",
    closureTarget: "Closure target (working days)",
    closureBreach: "Share of closures late",
    rated: "Ratings",
    meanRating: "Mean satisfaction (1-5)",
    shareFourFive: "Share rating 4-5",
    field: "Field",
    province: "Province",
    provider: "Provider",
    noProvider: "Not yet with a provider",
    month: "Month",
    expert: "Expert",
  },
} as const;

/** A month `yyyy-mm` as people read it: "ต.ค. 2569" (B.E.) in Thai, "Oct 2026" in English. */
export function monthLabel(month: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * The service figures as an XLSX workbook: a summary sheet (totals, clocks against targets, breach rates,
 * satisfaction) and one sheet per breakdown, headed in the reader's language (B.E. years in Thai); the caseload
 * sheet only when the figures carry it. Numbers stay numbers (shares as percentages) so they can be worked on.
 */
export async function renderServiceFiguresXlsx(
  figures: ServiceFigures,
  locale: Locale,
  names: { province: (code: string) => string; provider: (id: number) => string },
): Promise<Buffer> {
  const w = words[locale];
  // Loaded on first use: exceljs is large.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sainam";
  workbook.title = w.title;
  const providerName = (id: number | null) => (id === null ? w.noProvider : names.provider(id));

  const sheet = (name: string, headings: string[], widths: number[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = widths.map((width) => ({ width }));
    const header = ws.addRow(headings);
    header.font = { name: FONT, bold: true };
    return ws;
  };
  const percent = "0.0%";

  const summary = sheet(w.summary, [w.measure, w.value], [46, 28]);
  const period = figures.fiscalYear === null ? w.allYears : formatFiscalYear(figures.fiscalYear, locale);
  const rows: [string, string | number | null, string?][] = [
    [w.period, period],
    [w.requests, figures.totals.requests],
    [w.open, figures.totals.open],
    [w.closed, figures.totals.closed],
    [w.withdrawn, figures.totals.withdrawn],
    [w.unassigned, figures.totals.unassigned],
    [w.responseMedian, figures.response.medianDays],
    [w.responseP90, figures.response.p90Days],
    [w.responseTarget, figures.targets.responseDays],
    [w.responseBreach, figures.response.breachRate, percent],
    [w.closureMedian, figures.closure.medianDays],
    [w.closureP90, figures.closure.p90Days],
    [w.closureTarget, figures.targets.closureDays],
    [w.closureBreach, figures.closure.breachRate, percent],
    [w.rated, figures.satisfaction.rated],
    [w.meanRating, figures.satisfaction.meanRating, "0.00"],
    [w.shareFourFive, figures.satisfaction.shareFourOrFive, percent],
  ];
  for (const [label, value, format] of rows) {
    const row = summary.addRow([label, value]);
    row.font = { name: FONT };
    if (format && typeof value === "number") row.getCell(2).numFmt = format;
  }

  const byField = sheet(w.byField, [w.field, w.requests], [34, 14]);
  for (const f of figures.byField) byField.addRow([fieldWords[f.field][locale], f.requests]);

  const byProvince = sheet(w.byProvince, [w.province, w.requests], [30, 14]);
  for (const p of figures.byProvince) byProvince.addRow([names.province(p.provinceCode), p.requests]);

  const byProvider = sheet(
    w.byProvider,
    [w.provider, w.requests, w.open, w.closed, w.meanRating, w.responseTarget, w.closureTarget],
    [44, 12, 14, 12, 22, 22, 22],
  );
  for (const p of figures.byProvider) {
    const row = byProvider.addRow([
      providerName(p.providerId),
      p.requests,
      p.open,
      p.closed,
      p.meanRating,
      p.responseDays,
      p.closureDays,
    ]);
    row.getCell(5).numFmt = "0.00";
  }

  const byMonth = sheet(w.byMonth, [w.month, w.requests], [18, 14]);
  for (const m of figures.byMonth) byMonth.addRow([monthLabel(m.month, locale), m.requests]);

  if (figures.caseload !== null) {
    const caseload = sheet(w.caseload, [w.expert, w.provider, w.open, w.closed], [34, 44, 14, 12]);
    for (const c of figures.caseload) caseload.addRow([c.displayName, providerName(c.providerId), c.open, c.closed]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
