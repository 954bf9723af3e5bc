import { describe, expect, it } from "vitest";
import { breakLines, breakOpportunities, wordSegments } from "./line-break.ts";

// Real Thai from the programme documents in the seeds: long runs with no space in them.
const OSMEP =
  "สำนักงานส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อมเป็นหน่วยงานของรัฐที่ทำหน้าที่เป็นผู้นำในการกำหนดนโยบายและเป็นศูนย์กลางประสานระบบการทำงานเพื่อขับเคลื่อนการส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อม";
const PLAN = "แผนการส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อม ฉบับที่ 4 (พ.ศ. 2560-2564)";
const CLUSTER = "เกิดความตระหนักและเห็นความสำคัญของการรวมกลุ่มเป็นพันธมิตรและพัฒนาเครือข่ายทางธุรกิจอุตสาหกรรมร่วมกัน";

/** One unit per character: a monospaced measure, so tests reason in characters. */
const chars = (text: string): number => text.length;

/** Asserts that every line ends where the segmenter allows a break in `text`, and that no text is lost. */
function expectBrokenAtWords(text: string, lines: string[]): void {
  const allowed = breakOpportunities(text, "th");
  let cursor = 0;
  for (const line of lines) {
    const start = text.indexOf(line, cursor);
    expect(start, `line "${line}" in order`).toBeGreaterThanOrEqual(cursor);
    expect(allowed.has(start), `"${line}" starts at a word boundary`).toBe(true);
    expect(allowed.has(start + line.length), `"${line}" ends at a word boundary`).toBe(true);
    expect(text.slice(cursor, start).trim(), "only spaces dropped").toBe("");
    cursor = start + line.length;
  }
  expect(text.slice(cursor).trim()).toBe("");
}

describe("#wordSegments", () => {
  it("finds Thai words that are written without spaces, giving the text back when joined", () => {
    const words = wordSegments("ตามแผนการส่งเสริมวิสาหกิจ", "th");
    expect(words.join("")).toBe("ตามแผนการส่งเสริมวิสาหกิจ");
    // ICU's dictionary: "ส่งเสริม" (promote) is two words of its own, ส่ง and เสริม; either is a place to break.
    expect(words).toEqual(["ตาม", "แผนการ", "ส่ง", "เสริม", "วิสาหกิจ"]);
  });
});

describe("#breakLines", () => {
  it("breaks a long Thai sentence only between words, every line within the width", () => {
    for (const width of [12, 20, 33, 50]) {
      const lines = breakLines(OSMEP, width, chars, "th");
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      expectBrokenAtWords(OSMEP, lines);
    }
  });

  it("breaks Thai mixed with spaces, digits and Latin at spaces or at Thai word boundaries", () => {
    for (const text of [PLAN, CLUSTER, `SME ${CLUSTER} (สสว.)`]) {
      const lines = breakLines(text, 18, chars, "th");
      expectBrokenAtWords(text, lines);
      for (const line of lines) expect(line).toBe(line.trim());
    }
  });

  it("breaks at words with a proportional measure too (marks above or below a consonant take no width)", () => {
    const proportional = (text: string): number => text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/gu, "").length;
    expectBrokenAtWords(OSMEP, breakLines(OSMEP, 25, proportional, "th"));
  });

  it("keeps text that fits on one line, and breaks at newlines", () => {
    expect(breakLines("กาแฟ ชุมพร", 100, chars, "th")).toEqual(["กาแฟ ชุมพร"]);
    expect(breakLines("บรรทัดแรก\nบรรทัดที่สอง", 100, chars, "th")).toEqual(["บรรทัดแรก", "บรรทัดที่สอง"]);
    expect(breakLines("", 100, chars, "th")).toEqual([]);
  });

  it("splits only a word wider than a whole line, between graphemes, never leaving a mark without its consonant", () => {
    const lines = breakLines("ผลิตภัณฑ์", 3, chars, "th");
    expect(lines.join("")).toBe("ผลิตภัณฑ์");
    for (const line of lines) expect(line).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u);
  });

  it("breaks English at spaces", () => {
    expect(breakLines("Strategic Plan on Provincial Cluster Trade", 20, chars, "en")).toEqual([
      "Strategic Plan on",
      "Provincial Cluster",
      "Trade",
    ]);
  });
});
