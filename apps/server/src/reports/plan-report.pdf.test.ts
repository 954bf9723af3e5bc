import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import type { NodePerformance, PlanPerformance } from "../dashboards/performance.types.ts";
import { breakOpportunities } from "./line-break.ts";
import { planPerformanceFixture } from "./plan-report.fixture.ts";
import { renderPlanReportPdf } from "./plan-report.pdf.ts";

/**
 * The text of every page, NFKC-normalised: Thai SARA AM (ำ) is drawn as NIKHAHIT + SARA AA (see
 * plan-report.pdf.ts), which pdf.js reads back as "ํา", its compatibility decomposition.
 */
async function pdfText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((page) => page.normalize("NFKC"));
}

function n(text: string): string {
  return text.normalize("NFKC");
}

/** The PDF's font dictionaries and descriptors, read from its (uncompressed) object dictionaries. */
function fontFacts(bytes: Buffer) {
  const raw = bytes.toString("latin1");
  const count = (pattern: RegExp): number => raw.match(pattern)?.length ?? 0;
  return {
    fonts: count(/\/Type \/Font\b/g),
    descriptors: count(/\/Type \/FontDescriptor\b/g),
    embeddedFiles: count(/\/FontFile[23]\b/g),
    standardFonts: count(/\/BaseFont \/(?:Helvetica|Times|Courier|Symbol|ZapfDingbats)/g),
    baseFonts: [...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]),
  };
}

describe("#renderPlanReportPdf", () => {
  it("writes the Thai report with the title, the B.E. period, the Thai date and figures as shown", async () => {
    const bytes = await renderPlanReportPdf(planPerformanceFixture(), "th");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfText(bytes);
    const first = pages.join("\n");
    expect(first).toContain(n("รายงานผลการดำเนินงานตามแผน"));
    expect(first).toContain("แผนยุทธศาสตร์การค้าของกลุ่มจังหวัด พ.ศ. 2560-2564");
    expect(first).toContain("ปีงบประมาณ พ.ศ. 2564");
    expect(first).toContain("15 ตุลาคม 2564");
    expect(first).toContain("กระทรวงพาณิชย์");
    expect(first).toContain(n("จำนวนการจดทะเบียนนิติบุคคลเพิ่มขึ้น"));
    expect(first).toContain(n("จำนวนตลาดชุมชนที่มีน้ำประปาใช้"));
    // Figures grouped and with at most two decimals, as in the table.
    expect(first).toContain("12,500");
    expect(first).toContain("12,687.5");
    expect(first).toContain("1,234,567.89");
    // Every status in words beside its colour, with the counts of the summary.
    expect(first).toContain("บรรลุ: 2");
    expect(first).toContain("บรรลุบางส่วน: 1");
    expect(first).toContain("ไม่มีข้อมูล: 1");
    expect(first).toContain("อยู่ในช่วงเป้าหมาย");
    pages.forEach((page, i) => expect(page).toContain(`หน้า ${i + 1} จาก ${pages.length}`));
  });

  it("embeds Sarabun (regular and bold) and no font that is not embedded", async () => {
    const facts = fontFacts(await renderPlanReportPdf(planPerformanceFixture(), "th"));
    expect(facts.standardFonts).toBe(0);
    expect(facts.descriptors).toBe(2);
    expect(facts.embeddedFiles).toBe(facts.descriptors);
    expect([...new Set(facts.baseFonts.map((name) => name?.slice(7)))].sort()).toEqual([
      "Sarabun-Bold",
      "Sarabun-Regular",
    ]);
  });

  it("writes the English report in English with the C.E. fiscal year", async () => {
    const pages = await pdfText(await renderPlanReportPdf(planPerformanceFixture(), "en"));
    const first = pages.join("\n");
    expect(first).toContain("Plan performance report");
    expect(first).toContain("Strategic Plan on Provincial Cluster Trade 2017-2021");
    expect(first).toContain("FY2021");
    expect(first).toContain("15 October 2021");
    expect(first).toContain("Achieved: 2");
    expect(first).toContain("increase 1-2% on the");
    expect(first).toContain("Within the target range");
    expect(first).toContain("1,234,567.89");
    expect(first).toContain("Computed (15");
    expect(first).toContain(`Page 1 of ${pages.length}`);
    expect(first).not.toContain("ปีงบประมาณ");
  });

  it("runs a long plan over several pages, repeating the table header and numbering every page", async () => {
    const pages = await pdfText(await renderPlanReportPdf(planPerformanceFixture({ extraIndicators: 40 }), "en"));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain("Strategy / indicator");
    });
    expect(pages.join("\n")).toContain("Additional indicator 40 on provincial cluster trade");
  });
});

/** Every drawn piece of text, page by page, in drawing order, with SARA AM put back together (see pdfText). */
async function drawnPieces(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pieces: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const { items } = await (await pdf.getPage(n)).getTextContent();
    for (const item of items)
      if ("str" in item && item.str.trim() !== "")
        pieces.push(item.str.normalize("NFKC").replaceAll("\u0E4D\u0E32", "\u0E33"));
  }
  return pieces;
}

/** The consecutive drawn lines that together spell `text` (each line one drawn piece), or [] if none do. */
function linesSpelling(pieces: string[], text: string): string[] {
  for (let start = 0; start < pieces.length; start++) {
    const lines: string[] = [];
    let rest = text;
    for (let i = start; i < pieces.length; i++) {
      const piece = pieces[i] ?? "";
      if (!rest.startsWith(piece)) break;
      lines.push(piece);
      rest = rest.slice(piece.length).trimStart();
      if (rest === "") return lines;
    }
  }
  return [];
}

// Long Thai from the seeds' programme documents: no space for pdfkit's own wrapping to break at.
const LONG_TITLE =
  "แผนการส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อมเพื่อกระตุ้นให้ผู้ประกอบการเกิดความตระหนักและเห็นความสำคัญของการรวมกลุ่มเป็นพันธมิตรและพัฒนาเครือข่ายทางธุรกิจอุตสาหกรรมร่วมกันภายใต้กรอบของคณะกรรมการพัฒนาขีดความสามารถในการแข่งขันของประเทศ";
const LONG_INDICATOR =
  "จำนวนผู้ประกอบการในเครือข่ายที่ได้รับการพัฒนาให้มีศักยภาพในการแข่งขันทั้งในและต่างประเทศโดยเน้นการกระตุ้นความเชื่อมโยงกันระหว่างผู้ประกอบการ";
const LONG_AGENCY =
  "สำนักงานส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อมซึ่งเป็นหน่วยงานของรัฐที่ทำหน้าที่เป็นผู้นำในการกำหนดนโยบายและเป็นศูนย์กลางประสานระบบการทำงานเพื่อขับเคลื่อนการส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อม";

describe("#renderPlanReportPdf line breaking", () => {
  it("never breaks a Thai word across lines: the plan title, an agency and an indicator name end lines at words", async () => {
    const fixture = planPerformanceFixture();
    // Every indicator of the plan gets the long name: the first one drawn is checked.
    const renamed = (node: NodePerformance): NodePerformance => ({
      ...node,
      indicators: node.indicators.map((indicator) => ({ ...indicator, nameTh: LONG_INDICATOR })),
      children: node.children.map(renamed),
    });
    const performance: PlanPerformance = {
      ...fixture,
      plan: { ...fixture.plan, titleTh: LONG_TITLE, ownerAgencyNameTh: LONG_AGENCY },
      nodes: fixture.nodes.map(renamed),
    };
    const pieces = await drawnPieces(await renderPlanReportPdf(performance, "th"));
    for (const text of [LONG_TITLE, LONG_AGENCY, LONG_INDICATOR]) {
      const lines = linesSpelling(pieces, text);
      expect(lines.length, `${text.slice(0, 20)}… drawn on several lines`).toBeGreaterThan(1);
      const allowed = breakOpportunities(text, "th");
      let end = 0;
      for (const line of lines) {
        end = text.indexOf(line, end) + line.length;
        expect(allowed.has(end), `"${line}" ends at a word boundary`).toBe(true);
      }
    }
  });
});
