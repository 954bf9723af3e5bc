import type { MarketFigures } from "@sainam/contract";
import { dealStages, formatFiscalYear, type DealStage, type Locale } from "@sainam/core";

const FONT = "Tahoma";

const stageWords: Record<DealStage, { th: string; en: string }> = {
  lead: { th: "ผู้สนใจ", en: "Lead" },
  no_interest: { th: "ไม่สนใจ", en: "No interest" },
  follow_up: { th: "ติดตามต่อ", en: "Follow-up" },
  quotation: { th: "เสนอราคา", en: "Quotation" },
  mou: { th: "ลงนาม MoU", en: "MoU" },
  order: { th: "สั่งซื้อ", en: "Order" },
};

const stepWords: Record<MarketFigures["funnel"][number]["step"], { th: string; en: string }> = {
  participants: { th: "ผู้เข้าร่วม", en: "Participants" },
  requested: { th: "ขอนัดเจรจา", en: "Meetings requested" },
  accepted: { th: "ตอบรับ", en: "Accepted" },
  scheduled: { th: "จัดตารางแล้ว", en: "Scheduled" },
  held: { th: "เจรจาจริง", en: "Held" },
  deals: { th: "ดีลที่ติดตามต่อขึ้นไป", en: "Deals (follow-up or beyond)" },
  orders: { th: "มีคำสั่งซื้อ", en: "With orders" },
};

const words = {
  th: {
    title: "ตัวเลขการเชื่อมโยงตลาด",
    summary: "สรุป",
    funnel: "กรวยการเจรจา",
    value: "มูลค่าคาดการณ์และมูลค่าจริง",
    stages: "ดีลตามสถานะ",
    measure: "ตัวชี้วัด",
    amount: "ค่า",
    period: "ช่วงเวลา",
    allYears: "ทุกปีงบประมาณ",
    events: "จำนวนงาน",
    budget: "งบประมาณงาน (บาท)",
    firms: "ผู้ประกอบการ (นับครั้งเดียว)",
    buyers: "ผู้ซื้อ",
    realisedTotal: "มูลค่าคำสั่งซื้อจริงทั้งหมด (บาท)",
    step: "ขั้น",
    count: "จำนวน",
    firmsAtStep: "ผู้ประกอบการ",
    months: "เดือนหลังการเจรจา",
    expected: "มูลค่าคาดการณ์ (บาท)",
    realised: "มูลค่าจริง (บาท)",
    perBaht: "มูลค่าจริงต่องบประมาณ 1 บาท",
    stage: "สถานะ",
    deals: "ดีล",
  },
  en: {
    title: "Market linkage figures",
    summary: "Summary",
    funnel: "Funnel",
    value: "Expected and realised value",
    stages: "Deals by stage",
    measure: "Measure",
    amount: "Value",
    period: "Period",
    allYears: "All fiscal years",
    events: "Events",
    budget: "Event budget (baht)",
    firms: "Firms (each once)",
    buyers: "Buyers",
    realisedTotal: "Realised orders in all (baht)",
    step: "Step",
    count: "Count",
    firmsAtStep: "Firms",
    months: "Months after the meeting",
    expected: "Expected (baht)",
    realised: "Realised (baht)",
    perBaht: "Realised per baht of budget",
    stage: "Stage",
    deals: "Deals",
  },
} as const;

/**
 * The market figures as an XLSX workbook (aggregates only, as the JSON): a summary, the funnel, expected against
 * realised at 3/6/12 months, and deals by stage, headed in the reader's language (B.E. years in Thai).
 */
export async function renderMarketFiguresXlsx(figures: MarketFigures, locale: Locale): Promise<Buffer> {
  const w = words[locale];
  // Loaded on first use: exceljs is large.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sainam";
  workbook.title = w.title;
  const sheet = (name: string, headings: string[], widths: number[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = widths.map((width) => ({ width }));
    ws.addRow(headings).font = { name: FONT, bold: true };
    return ws;
  };
  const money = "#,##0.00";

  const summary = sheet(w.summary, [w.measure, w.amount], [40, 24]);
  const period = figures.fiscalYear === null ? w.allYears : formatFiscalYear(figures.fiscalYear, locale);
  const rows: [string, string | number, string?][] = [
    [w.period, period],
    [w.events, figures.events],
    [w.budget, figures.budget, money],
    [w.firms, figures.participants.firms],
    [w.buyers, figures.participants.buyers],
    [w.realisedTotal, figures.realisedTotal, money],
  ];
  for (const [label, value, format] of rows) {
    const row = summary.addRow([label, value]);
    row.font = { name: FONT };
    if (format) row.getCell(2).numFmt = format;
  }

  const funnel = sheet(w.funnel, [w.step, w.count, w.firmsAtStep], [34, 12, 14]);
  for (const f of figures.funnel) funnel.addRow([stepWords[f.step][locale], f.count, f.firms]);

  const value = sheet(w.value, [w.months, w.expected, w.realised, w.perBaht], [22, 20, 20, 26]);
  for (const h of figures.horizons) {
    const row = value.addRow([h.months, h.expected, h.realised, h.perBaht]);
    row.getCell(2).numFmt = money;
    row.getCell(3).numFmt = money;
    row.getCell(4).numFmt = "0.00";
  }

  const stages = sheet(w.stages, [w.stage, w.deals], [24, 12]);
  for (const stage of dealStages) stages.addRow([stageWords[stage][locale], figures.dealsByStage[stage]]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
