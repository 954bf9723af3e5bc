import { fileURLToPath } from "node:url";
import type { Locale } from "@sainam/core";
import type { PlanPerformance } from "../dashboards/performance.types.ts";
import {
  planReportContent,
  type PlanReportContent,
  type ReportBreakdownRow,
  type ReportIndicatorRow,
  type ReportNodeRow,
} from "./plan-report.content.ts";
import { breakLines } from "./line-break.ts";
import { statusColours } from "./status-colours.ts";

const REGULAR = fileURLToPath(new URL("../../assets/fonts/Sarabun-Regular.ttf", import.meta.url));
const BOLD = fileURLToPath(new URL("../../assets/fonts/Sarabun-Bold.ttf", import.meta.url));

// A4 landscape, in points: the indicator table needs the width.
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = { top: 58, bottom: 46, left: 36, right: 36 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const INK = "#1F2933";
const MUTED = "#52606D";
const RULE = "#9AA5B1";
const NODE_FILL = "#EEF2F6";
const HEADER_FILL = "#D9E2EC";

const TABLE_SIZE = 8.5;
const SMALL_SIZE = 7.5;
const PAD = 3;
const KEEP_WITH_NEXT = 40;
const NOTICE: TextOptions = { font: "bold", size: 10, colour: "#B71C1C" };

type Column = {
  readonly key: "code" | "name" | "unit" | "target" | "baseline" | "previous" | "actual" | "source" | "status";
  readonly width: number;
  readonly numeric: boolean;
};
const COLUMNS: readonly Column[] = [
  { key: "code", width: 40, numeric: false },
  { key: "name", width: 222, numeric: false },
  { key: "unit", width: 50, numeric: false },
  { key: "target", width: 110, numeric: false },
  { key: "baseline", width: 56, numeric: true },
  { key: "previous", width: 56, numeric: true },
  { key: "actual", width: 62, numeric: true },
  { key: "source", width: 66, numeric: false },
  { key: "status", width: 107.89, numeric: false },
];

type Doc = PDFKit.PDFDocument;

/**
 * Sarabun decomposes SARA AM (ำ) into NIKHAHIT + SARA AA when shaping, and PDF text maps each glyph to
 * one piece of text: left as is, the NIKHAHIT glyph reads back as "ำ" and the SARA AA after it as a
 * second "า" ("น้ำา"). Shaping the decomposed form draws the same glyphs and reads back as "ํา", which
 * is the compatibility decomposition of "ำ"; every drawn run also carries the exact text as ActualText.
 */
function shapeable(text: string): string {
  return text.replaceAll("\u0E33", "\u0E4D\u0E32");
}

export type TextOptions = { readonly font?: "regular" | "bold"; readonly size?: number; readonly colour?: string };

export class PdfWriter {
  readonly doc: Doc;
  private readonly locale: Locale;
  private readonly widths = new Map<string, number>();

  constructor(doc: Doc, locale: Locale) {
    this.doc = doc;
    this.locale = locale;
  }

  private use(options: TextOptions): void {
    this.doc
      .font(options.font ?? "regular")
      .fontSize(options.size ?? TABLE_SIZE)
      .fillColor(options.colour ?? INK);
  }

  width(text: string, options: TextOptions = {}): number {
    this.use(options);
    return this.doc.widthOfString(shapeable(text));
  }

  /** Draws one line of text with its top at y. */
  text(text: string, x: number, y: number, options: TextOptions = {}): void {
    if (text === "") return;
    this.use(options);
    this.doc.markContent("Span", { actual: text });
    this.doc.text(shapeable(text), x, y, { lineBreak: false });
    this.doc.endMarkedContent();
  }

  /**
   * Breaks text into lines no wider than `width` at word boundaries (Thai has no spaces between words:
   * `Intl.Segmenter` finds them; see line-break.ts). pdfkit's own wrapping breaks only at spaces, so every
   * drawn line comes from here and is drawn with `lineBreak: false`.
   */
  lines(text: string, width: number, options: TextOptions = {}): string[] {
    return breakLines(text, width, (segment) => this.segmentWidth(segment, options), this.locale);
  }

  /** Draws text wrapped at word boundaries from its top at y, answering the y below its last line. */
  paragraph(text: string, x: number, y: number, width: number, options: TextOptions, lineHeight: number): number {
    let top = y;
    for (const line of this.lines(text, width, options)) {
      this.text(line, x, top, options);
      top += lineHeight;
    }
    return top;
  }

  private segmentWidth(segment: string, options: TextOptions): number {
    const key = `${options.font ?? "regular"}|${options.size ?? TABLE_SIZE}|${segment}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.width(segment, options);
      this.widths.set(key, width);
    }
    return width;
  }

  lineHeight(size: number): number {
    return size * 1.5;
  }

  fillRect(x: number, y: number, w: number, h: number, colour: string): void {
    this.doc.save().rect(x, y, w, h).fill(colour).restore();
  }

  rule(x1: number, y: number, x2: number, colour = RULE, width = 0.5): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(colour).stroke().restore();
  }
}

function numberFormatter(locale: Locale): Intl.NumberFormat {
  return new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-GB", { maximumFractionDigits: 2 });
}

function columnHeader(key: Column["key"], content: PlanReportContent): string {
  const l = content.labels;
  switch (key) {
    case "code":
      return l.code;
    case "name":
      return l.name;
    case "unit":
      return l.unit;
    case "target":
      return l.target;
    case "baseline":
      return l.baseline;
    case "previous":
      return content.previousHeader;
    case "actual":
      return l.actual;
    case "source":
      return l.source;
    case "status":
      return l.status;
  }
}

function drawTableHeader(w: PdfWriter, content: PlanReportContent, y: number): number {
  const cells = COLUMNS.map((c) => w.lines(columnHeader(c.key, content), c.width - 2 * PAD, { font: "bold" }));
  const height = Math.max(...cells.map((l) => l.length)) * w.lineHeight(TABLE_SIZE) + 2 * PAD;
  w.fillRect(MARGIN.left, y, CONTENT_WIDTH, height, HEADER_FILL);
  let x = MARGIN.left;
  COLUMNS.forEach((c, i) => {
    (cells[i] ?? []).forEach((line, n) => {
      const lx = c.numeric ? x + c.width - PAD - w.width(line, { font: "bold" }) : x + PAD;
      w.text(line, lx, y + PAD + n * w.lineHeight(TABLE_SIZE), { font: "bold" });
    });
    x += c.width;
  });
  return y + height;
}

function nodeRowLayout(w: PdfWriter, row: ReportNodeRow): { lines: string[]; indent: number; height: number } {
  const indent = row.depth * 8;
  const text = `${row.code}  ${row.kindLabel === null ? row.title : `${row.kindLabel}: ${row.title}`}`;
  const lines = w.lines(text, CONTENT_WIDTH - 2 * PAD - indent, { font: "bold" });
  return { lines, indent, height: lines.length * w.lineHeight(TABLE_SIZE) + 2 * PAD };
}

function drawNodeRow(w: PdfWriter, row: ReportNodeRow, y: number): number {
  const { lines, indent, height } = nodeRowLayout(w, row);
  w.fillRect(MARGIN.left, y, CONTENT_WIDTH, height, NODE_FILL);
  lines.forEach((line, n) =>
    w.text(line, MARGIN.left + PAD + indent, y + PAD + n * w.lineHeight(TABLE_SIZE), { font: "bold" }),
  );
  w.rule(MARGIN.left, y + height, MARGIN.left + CONTENT_WIDTH);
  return y + height;
}

type CellLines = { readonly lines: readonly string[]; readonly numeric: boolean };

/** A breakdown under its indicator: its words in the name column, its actual and source; the rest empty. */
function breakdownCells(w: PdfWriter, row: ReportBreakdownRow, numbers: Intl.NumberFormat): CellLines[] {
  return COLUMNS.map((c) => {
    const indent = c.key === "name" ? row.depth * 8 : 0;
    const text =
      c.key === "name"
        ? row.label
        : c.key === "actual"
          ? numbers.format(row.actual)
          : c.key === "source"
            ? row.sourceLabel
            : "";
    return {
      lines: text === "" ? [] : w.lines(text, c.width - 2 * PAD - indent, { colour: MUTED }),
      numeric: c.numeric,
    };
  });
}

function drawBreakdownRow(
  w: PdfWriter,
  row: ReportBreakdownRow,
  cells: CellLines[],
  y: number,
  height: number,
): number {
  let x = MARGIN.left;
  COLUMNS.forEach((c, i) => {
    const cell = cells[i];
    if (cell) {
      const indent = c.key === "name" ? row.depth * 8 : 0;
      cell.lines.forEach((line, n) => {
        const lx = cell.numeric ? x + c.width - PAD - w.width(line) : x + PAD + indent;
        w.text(line, lx, y + PAD + n * w.lineHeight(TABLE_SIZE), { colour: MUTED });
      });
    }
    x += c.width;
  });
  w.rule(MARGIN.left, y + height, MARGIN.left + CONTENT_WIDTH);
  return y + height;
}

function indicatorCells(w: PdfWriter, row: ReportIndicatorRow, numbers: Intl.NumberFormat): CellLines[] {
  const figure = (value: number | null): string => (value === null ? "—" : numbers.format(value));
  const textOf = (key: Column["key"]): string => {
    switch (key) {
      case "code":
        return row.code;
      case "name":
        return row.name;
      case "unit":
        return row.unit ?? "";
      case "target":
        return row.target ?? "—";
      case "baseline":
        return figure(row.baseline);
      case "previous":
        return figure(row.previous);
      case "actual":
        return figure(row.actual);
      case "source":
        return row.sourceLabel;
      case "status":
        return "";
    }
  };
  return COLUMNS.map((c) => {
    const indent = c.key === "name" ? row.depth * 8 : 0;
    return { lines: c.key === "status" ? [] : w.lines(textOf(c.key), c.width - 2 * PAD - indent), numeric: c.numeric };
  });
}

function statusLayout(w: PdfWriter, row: ReportIndicatorRow): { badge: string[]; reason: string[]; height: number } {
  const width = (COLUMNS.at(-1)?.width ?? 100) - 2 * PAD;
  const badge = w.lines(row.statusLabel, width - 2 * PAD, { font: "bold" });
  const reason = w.lines(row.reasonLabel, width, { size: SMALL_SIZE, colour: MUTED });
  const height = badge.length * w.lineHeight(TABLE_SIZE) + 2 + reason.length * w.lineHeight(SMALL_SIZE);
  return { badge, reason, height };
}

function drawIndicatorRow(
  w: PdfWriter,
  row: ReportIndicatorRow,
  cells: CellLines[],
  y: number,
  height: number,
): number {
  let x = MARGIN.left;
  COLUMNS.forEach((c, i) => {
    const cell = cells[i];
    if (c.key === "status") {
      const { badge, reason } = statusLayout(w, row);
      const colour = statusColours[row.status];
      const badgeHeight = badge.length * w.lineHeight(TABLE_SIZE);
      w.doc
        .save()
        .roundedRect(x + PAD, y + PAD, c.width - 2 * PAD, badgeHeight, 2)
        .fillAndStroke(`#${colour.fill}`, `#${colour.ink}`)
        .restore();
      badge.forEach((line, n) =>
        w.text(line, x + 2 * PAD, y + PAD + n * w.lineHeight(TABLE_SIZE), { font: "bold", colour: `#${colour.ink}` }),
      );
      reason.forEach((line, n) =>
        w.text(line, x + PAD, y + PAD + badgeHeight + 2 + n * w.lineHeight(SMALL_SIZE), {
          size: SMALL_SIZE,
          colour: MUTED,
        }),
      );
    } else if (cell) {
      const indent = c.key === "name" ? row.depth * 8 : 0;
      cell.lines.forEach((line, n) => {
        const lx = cell.numeric ? x + c.width - PAD - w.width(line) : x + PAD + indent;
        w.text(line, lx, y + PAD + n * w.lineHeight(TABLE_SIZE));
      });
    }
    x += c.width;
  });
  w.rule(MARGIN.left, y + height, MARGIN.left + CONTENT_WIDTH);
  return y + height;
}

/** The report's opening block: heading, plan, agency, period, area, date, and the counts per status. */
function drawCover(w: PdfWriter, content: PlanReportContent): number {
  let y = MARGIN.top;
  w.text(content.heading, MARGIN.left, y, { font: "bold", size: 17 });
  y += 28;
  y = w.paragraph(content.planTitle, MARGIN.left, y, CONTENT_WIDTH, { font: "bold", size: 13 }, 20);
  y += 4;
  const l = content.labels;
  const facts: ReadonlyArray<readonly [string, string]> = [
    [l.plan, content.planCode],
    [l.ownerAgency, content.ownerAgency],
    [l.period, content.periodLabel],
    [l.orgUnit, content.orgUnitLabel],
    [l.generated, content.generatedLabel],
  ];
  // A long agency or area name wraps under itself, at a word boundary, rather than running off the page.
  for (const [label, value] of facts) {
    w.text(label, MARGIN.left, y, { font: "bold", size: 10, colour: MUTED });
    y = Math.max(y + 16, w.paragraph(value, MARGIN.left + 130, y, CONTENT_WIDTH - 130, { size: 10 }, 16));
  }
  if (content.unapprovedNotice !== null) {
    y += 4;
    y = w.paragraph(content.unapprovedNotice, MARGIN.left, y, CONTENT_WIDTH, NOTICE, 16);
  }
  y += 8;
  w.text(`${l.summary} (${l.total}: ${content.indicatorCount})`, MARGIN.left, y, { font: "bold", size: 10 });
  y += 18;
  let x = MARGIN.left;
  for (const s of content.summary) {
    const colour = statusColours[s.status];
    const label = `${s.label}: ${s.count}`;
    const width = w.width(label, { font: "bold", size: 10 }) + 16;
    w.doc.save().roundedRect(x, y, width, 20, 3).fillAndStroke(`#${colour.fill}`, `#${colour.ink}`).restore();
    w.text(label, x + 8, y + 3, { font: "bold", size: 10, colour: `#${colour.ink}` });
    x += width + 8;
  }
  return y + 34;
}

function drawPageFrames(w: PdfWriter, content: PlanReportContent): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = 0; i < total; i++) {
    doc.switchToPage(range.start + i);
    // Header and footer sit in the margins; pdfkit would open a new page for text below the bottom margin.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const header = `${content.planCode} · ${content.planTitle}`;
    const headerLines = w.lines(header, CONTENT_WIDTH * 0.7, { size: SMALL_SIZE, colour: MUTED });
    w.text(headerLines.length > 1 ? `${headerLines[0] ?? ""}…` : header, MARGIN.left, 22, {
      size: SMALL_SIZE,
      colour: MUTED,
    });
    const period = `${content.periodLabel} · ${content.orgUnitLabel}`;
    w.text(period, PAGE.width - MARGIN.right - w.width(period, { size: SMALL_SIZE }), 22, {
      size: SMALL_SIZE,
      colour: MUTED,
    });
    w.rule(MARGIN.left, 36, PAGE.width - MARGIN.right);
    w.rule(MARGIN.left, PAGE.height - 34, PAGE.width - MARGIN.right);
    w.text(
      `${content.heading} · ${content.labels.generated} ${content.generatedLabel}`,
      MARGIN.left,
      PAGE.height - 30,
      { size: SMALL_SIZE, colour: MUTED },
    );
    const pageLabel = `${content.labels.page} ${i + 1} ${content.labels.of} ${total}`;
    w.text(pageLabel, PAGE.width - MARGIN.right - w.width(pageLabel, { size: SMALL_SIZE }), PAGE.height - 30, {
      size: SMALL_SIZE,
      colour: MUTED,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

/**
 * Writes a plan's performance for one period as a PDF: A4 landscape, Sarabun embedded (subset) so Thai
 * renders the same everywhere, text shaped with the font's OpenType tables (vowels and tone marks placed),
 * a header and a footer with page numbers on every page, the indicator table with each status on its
 * colour and in words, B.E. dates in Thai. Returns the file's bytes.
 */
export async function renderPlanReportPdf(performance: PlanPerformance, locale: Locale): Promise<Buffer> {
  const content = planReportContent(performance, locale);
  // Loaded on first use, like exceljs: most servers never write a PDF.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: MARGIN,
    bufferPages: true,
    font: REGULAR,
    lang: locale === "th" ? "th-TH" : "en-GB",
    displayTitle: true,
    info: {
      Title: `${content.heading}: ${content.planTitle} (${content.periodLabel})`,
      Author: "Sainam",
      Subject: `${content.planCode} ${content.periodKey}`,
      CreationDate: new Date(performance.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);

  const w = new PdfWriter(doc, locale);
  const numbers = numberFormatter(locale);
  let y = drawCover(w, content);
  if (content.rows.length === 0) {
    w.text(content.labels.noIndicators, MARGIN.left, y, { size: 10 });
  } else {
    y = drawTableHeader(w, content, y);
    for (const row of content.rows) {
      if (row.type === "node") {
        const { height } = nodeRowLayout(w, row);
        // Keep a heading with at least one row after it rather than alone at the foot of a page.
        if (y + height + KEEP_WITH_NEXT > BOTTOM) {
          doc.addPage();
          y = drawTableHeader(w, content, MARGIN.top);
        }
        y = drawNodeRow(w, row, y);
        continue;
      }
      if (row.type === "breakdown") {
        const cells = breakdownCells(w, row, numbers);
        const height = Math.max(1, ...cells.map((c) => c.lines.length)) * w.lineHeight(TABLE_SIZE) + 2 * PAD;
        if (y + height > BOTTOM) {
          doc.addPage();
          y = drawTableHeader(w, content, MARGIN.top);
        }
        y = drawBreakdownRow(w, row, cells, y, height);
        continue;
      }
      const cells = indicatorCells(w, row, numbers);
      const lineCount = Math.max(1, ...cells.map((c) => c.lines.length));
      const height = Math.max(lineCount * w.lineHeight(TABLE_SIZE), statusLayout(w, row).height) + 2 * PAD;
      if (y + height > BOTTOM) {
        doc.addPage();
        y = drawTableHeader(w, content, MARGIN.top);
      }
      y = drawIndicatorRow(w, row, cells, y, height);
    }
  }
  drawPageFrames(w, content);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
