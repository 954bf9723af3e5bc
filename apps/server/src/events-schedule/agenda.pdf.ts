import { fileURLToPath } from "node:url";
import type { Locale } from "@sainam/core";
import { PdfWriter, type TextOptions } from "../reports/plan-report.pdf.ts";
import {
  agendaDate,
  agendaLabels,
  agendaTimes,
  contactParts,
  venueLine,
  type Agenda,
  type AgendaMeeting,
} from "./agenda.content.ts";

const REGULAR = fileURLToPath(new URL("../../assets/fonts/Sarabun-Regular.ttf", import.meta.url));
const BOLD = fileURLToPath(new URL("../../assets/fonts/Sarabun-Bold.ttf", import.meta.url));

// A4 portrait, in points: an agenda is a short list a participant prints and carries.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 50, bottom: 50, left: 42, right: 42 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const MUTED = "#52606D";
const HEADER_FILL = "#D9E2EC";
const RULE = "#9AA5B1";
const SIZE = 10;
const PAD = 4;
const COLUMNS = [
  { key: "time", width: 90 },
  { key: "table", width: 50 },
  { key: "counterpart", width: 185 },
  { key: "contact", width: CONTENT_WIDTH - 325 },
] as const;

function cells(meeting: AgendaMeeting, agenda: Agenda, locale: Locale): string[] {
  const { counterpart } = meeting;
  return [
    `${agendaDate(meeting.start, locale, agenda.event.timeZone)}\n${agendaTimes(meeting.start, meeting.end, locale, agenda.event.timeZone)}`,
    meeting.table,
    counterpart.country ? `${counterpart.name}\n${counterpart.country}` : counterpart.name,
    // One part a line: an e-mail address is not broken inside.
    contactParts(meeting, locale).join("\n"),
  ];
}

function drawRow(w: PdfWriter, texts: readonly string[], y: number, options: TextOptions, fill?: string): number {
  const lineHeight = w.lineHeight(SIZE);
  const lines = texts.map((text, i) => w.lines(text, COLUMNS[i]!.width - 2 * PAD, options));
  const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * PAD;
  if (fill) w.fillRect(MARGIN.left, y, CONTENT_WIDTH, height, fill);
  let x = MARGIN.left;
  lines.forEach((cell, i) => {
    cell.forEach((line, n) => w.text(line, x + PAD, y + PAD + n * lineHeight, options));
    x += COLUMNS[i]!.width;
  });
  w.rule(MARGIN.left, y + height, MARGIN.left + CONTENT_WIDTH, RULE);
  return y + height;
}

/**
 * The agenda as a PDF in Thai (Sarabun, B.E. dates) or English: the event and participant, then one row per
 * meeting — date and time in the event's zone, table, counterpart, contact (or the note that it shows once the
 * meeting is accepted). The table header repeats on each new page.
 */
export async function renderAgendaPdf(agenda: Agenda, locale: Locale): Promise<Buffer> {
  const l = agendaLabels(locale);
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    font: REGULAR,
    lang: locale === "th" ? "th-TH" : "en-GB",
    displayTitle: true,
    info: {
      Title: `${l.heading}: ${agenda.participant.name}`,
      Author: "Sainam",
      Subject: agenda.event.name,
      CreationDate: new Date(agenda.generatedAt),
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

  let y = MARGIN.top;
  w.text(l.heading, MARGIN.left, y, { font: "bold", size: 16 });
  y += 28;
  const facts: ReadonlyArray<readonly [string, string]> = [
    [l.participant, agenda.participant.name],
    [l.event, agenda.event.name],
    [l.venue, venueLine(agenda)],
    [l.generated, agendaDate(agenda.generatedAt, locale, agenda.event.timeZone)],
  ];
  for (const [label, value] of facts) {
    w.text(label, MARGIN.left, y, { font: "bold", size: SIZE, colour: MUTED });
    y = Math.max(y + 16, w.paragraph(value, MARGIN.left + 90, y, CONTENT_WIDTH - 90, { size: SIZE }, 16));
  }
  y += 10;
  const header = [l.time, l.table, l.counterpart, l.contact];
  if (agenda.meetings.length === 0) {
    w.text(l.noMeetings, MARGIN.left, y, { size: SIZE });
  } else {
    y = drawRow(w, header, y, { font: "bold", size: SIZE }, HEADER_FILL);
    for (const meeting of agenda.meetings) {
      const texts = cells(meeting, agenda, locale);
      // Measure first: a row that would cross the bottom margin starts a new page under a repeated header.
      const rows = texts.map((text, i) => w.lines(text, COLUMNS[i]!.width - 2 * PAD, { size: SIZE }).length);
      if (y + Math.max(...rows) * w.lineHeight(SIZE) + 2 * PAD > BOTTOM) {
        doc.addPage();
        y = drawRow(w, header, MARGIN.top, { font: "bold", size: SIZE }, HEADER_FILL);
      }
      y = drawRow(w, texts, y, { size: SIZE });
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
