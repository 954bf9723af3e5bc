import { describe, expect, it } from "vitest";
import type { RawRow } from "./table-layout.ts";
import { finishHeaders, foldCell, locateHeader, normaliseCell } from "./table-layout.ts";

function rows(...cells: string[][]): RawRow[] {
  return cells.map((row, i) => ({ rowNumber: i + 1, cells: row }));
}

describe("locateHeader", () => {
  it("skips title rows with one filled cell", () => {
    const layout = locateHeader(
      rows(
        ["รายชื่อสมาชิกคลัสเตอร์กาแฟ", "", ""],
        ["ข้อมูล ณ 30/9/2567", "", ""],
        ["เลขทะเบียน", "ชื่อ", "จังหวัด"],
        ["0105567012348", "บจ. ก", "เชียงใหม่"],
      ),
    );
    expect(layout).toEqual({
      headerIndex: 2,
      headerRowNumber: 3,
      headerRowCount: 1,
      headers: ["เลขทะเบียน", "ชื่อ", "จังหวัด"],
    });
  });

  it("skips a title row far narrower than the table", () => {
    const layout = locateHeader(
      rows(
        ["รายงาน", "ปีงบประมาณ 2567", "", "", "", ""],
        ["a", "b", "c", "d", "e", "f"],
        ["1", "2", "3", "4", "5", "6"],
      ),
    );
    expect(layout?.headerRowNumber).toBe(2);
  });

  it("does not take a numeric data row for the header", () => {
    expect(locateHeader(rows(["1", "0105567012348", "12/1/2567", "1,000"]))).toBeNull();
  });

  it("merges a group row over a row of sub-headings", () => {
    const layout = locateHeader(
      rows(
        ["ลำดับ", "เลขทะเบียน", "ชื่อ", "ที่อยู่", "", ""],
        ["", "", "", "จังหวัด", "อำเภอ", "รหัสไปรษณีย์"],
        ["1", "0105567012348", "บจ. ก", "เชียงใหม่", "สันกำแพง", "50130"],
      ),
    );
    expect(layout).toEqual({
      headerIndex: 1,
      headerRowNumber: 1,
      headerRowCount: 2,
      headers: ["ลำดับ", "เลขทะเบียน", "ชื่อ", "ที่อยู่ จังหวัด", "ที่อยู่ อำเภอ", "ที่อยู่ รหัสไปรษณีย์"],
    });
  });

  it("merges sub-headings under a group label repeated in each merged cell", () => {
    const layout = locateHeader(
      rows(["ชื่อ", "ติดต่อ", "ติดต่อ"], ["", "โทรศัพท์", "อีเมล"], ["บจ. ก", "0812345678", "a@b.co"]),
    );
    expect(layout?.headers).toEqual(["ชื่อ", "ติดต่อ โทรศัพท์", "ติดต่อ อีเมล"]);
  });

  it("finds the header of a one-column file", () => {
    expect(locateHeader(rows(["เลขทะเบียน"], ["0105567012348"]))?.headers).toEqual(["เลขทะเบียน"]);
  });
});

describe("finishHeaders", () => {
  it("names empty headings by position and numbers repeated ones", () => {
    expect(finishHeaders(["ชื่อ", "", "หมายเหตุ", "หมายเหตุ"], 5)).toEqual([
      "ชื่อ",
      "Column 2",
      "หมายเหตุ",
      "หมายเหตุ (2)",
      "Column 5",
    ]);
  });

  it("puts a heading broken over lines on one line", () => {
    expect(finishHeaders(["วันที่\nจดทะเบียน"], 1)).toEqual(["วันที่ จดทะเบียน"]);
  });
});

describe("normaliseCell", () => {
  it("keeps the text as the file gives it, trimmed only: Thai digits, repeated spaces, ํา and line breaks stay", () => {
    expect(normaliseCell("  ๑๒  ม.ค.   ๒๕๖๗ ")).toBe("๑๒  ม.ค.   ๒๕๖๗");
    expect(normaliseCell(" บจ.น\u0E4D\u0E32ทอง  ๙๙ \t")).toBe("บจ.น\u0E4D\u0E32ทอง  ๙๙");
    expect(normaliseCell(" ผ้าไหม \r\n\r\n ผ้าฝ้าย  ย้อมคราม ")).toBe("ผ้าไหม \r\n\r\n ผ้าฝ้าย  ย้อมคราม");
  });

  it("empties a cell of nothing but spaces and invisible characters, and trims them at the ends", () => {
    expect(normaliseCell(" \u200B\u00A0\uFEFF ")).toBe("");
    expect(normaliseCell("\u200Bบจ. ก\u200B ")).toBe("บจ. ก");
  });
});

describe("foldCell", () => {
  it("trims, folds Thai digits and collapses spaces", () => {
    expect(foldCell("  ๑๒  ม.ค.   ๒๕๖๗ ")).toBe("12 ม.ค. 2567");
  });

  it("keeps line breaks between the lines of a cell", () => {
    expect(foldCell(" ผ้าไหม \r\n\r\n ผ้าฝ้าย  ย้อมคราม ")).toBe("ผ้าไหม\nผ้าฝ้าย ย้อมคราม");
  });
});
