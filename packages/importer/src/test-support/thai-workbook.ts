import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Entry } from "./xlsx-bomb.ts";
import { stored, zip } from "./xlsx-bomb.ts";

// Hand-built Thai workbooks, with the same data as CSV, to check that reading an XLSX never damages a
// character: shared strings and inline strings of varied lengths, long cells of several KB, numbers, dates,
// booleans and gaps between cells, the sheet stored before the shared strings (as exceljs and others write it).

const WORDS = [
  "วิสาหกิจชุมชน",
  "ผ้าไหมมัดหมี่",
  "กาแฟดอยช้าง",
  "ข้าวหอมมะลิ",
  "ทุเรียนหมอนทอง",
  "บริษัท",
  "จำกัด",
  "ห้างหุ้นส่วนสามัญ",
  "ผลิตภัณฑ์ชุมชน",
  "น้ำปลาร้า",
  "ไม้แกะสลัก",
  "เครื่องปั้นดินเผา",
  "ก๋วยเตี๋ยว",
  "ฤๅษี",
  "ฃวด",
  "A&B",
  "<หนึ่ง>",
  '"สอง"',
  "๑๒๓",
];

/** The headers of the generated table. */
export const THAI_HEADERS = ["ชื่อ", "ที่อยู่", "สินค้า", "รายละเอียด", "ทุน", "วันที่", "ใช้งาน", "หมายเหตุ"] as const;

/** A deterministic pseudo-random generator (a linear congruential one), so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 8;
  };
}

function phrase(next: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(WORDS[next() % WORDS.length] ?? "");
  return parts.join(" ");
}

/**
 * The table's rows as the importer should read them: text as written, the number, the ISO date, TRUE/FALSE,
 * and "" where a cell is left out. Every 97th row has a description of several KB (long cells straddle many
 * read chunks); every 13th leaves out the number and the note.
 */
export function thaiRows(count: number): string[][] {
  const next = generator(20_240_115);
  const rows: string[][] = [];
  for (let r = 0; r < count; r++) {
    const long = r % 97 === 0;
    const gap = r % 13 === 0;
    const day = new Date(Date.UTC(2020, 0, 1) + (next() % 1500) * 86_400_000).toISOString().slice(0, 10);
    rows.push([
      `${phrase(next, 1 + (next() % 4))} ${r}`,
      phrase(next, 1 + (next() % 12)),
      phrase(next, 1 + (next() % 3)),
      long ? `${phrase(next, 150 + (next() % 150))} ท้าย` : phrase(next, next() % 5),
      gap ? "" : String((next() % 10_000_000) / 100),
      day,
      next() % 2 === 0 ? "TRUE" : "FALSE",
      gap ? "" : phrase(next, 1 + (next() % 2)),
    ]);
  }
  return rows;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function columnLetter(index: number): string {
  return String.fromCharCode(0x41 + index);
}

function serial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;
}

/** The CSV of the same table (UTF-8, quoted where needed). */
export function thaiCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [THAI_HEADERS, ...rows].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}

type WorkbookOptions = {
  /** Keep the parts uncompressed (method 0): the reader's read chunks are then the text's own bytes. */
  readonly stored?: boolean;
  /** Write the zip's directory in ZIP64 form, as writers of very large workbooks do. */
  readonly zip64?: boolean;
  /** Replaces the shared strings part's bytes after the XML is made (to put invalid UTF-8 in it). */
  readonly patchSharedStrings?: (xml: Buffer) => Buffer;
};

function part(name: string, data: string | Buffer, options: WorkbookOptions): Entry {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  if (options.stored) return stored(name, bytes);
  return {
    name,
    deflated: deflateRawSync(bytes, { level: constants.Z_BEST_SPEED }),
    crc: crc32(bytes),
    size: bytes.length,
  };
}

/**
 * The table as an XLSX workbook: columns A, B and H as shared strings, C and D as inline strings (D's long
 * ones in two rich-text runs), E as numbers, F as dates (built-in format 14), G as booleans; empty cells are
 * left out, so the cells after them are placed by their reference alone.
 */
export function thaiWorkbook(rows: ReadonlyArray<ReadonlyArray<string>>, options: WorkbookOptions = {}): Buffer {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const share = (text: string) => {
    let index = sharedIndex.get(text);
    if (index === undefined) {
      index = shared.length;
      shared.push(text);
      sharedIndex.set(text, index);
    }
    return index;
  };
  const sheet: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  const cellXml = (column: number, row: number, value: string): string => {
    const ref = `${columnLetter(column)}${row}`;
    if (value === "") return "";
    if (row === 1 || column === 0 || column === 1 || column === 7)
      return `<c r="${ref}" t="s"><v>${share(value)}</v></c>`;
    if (column === 2) return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
    if (column === 3) {
      const half = Math.floor(value.length / 2);
      return value.length > 1000
        ? `<c r="${ref}" t="inlineStr"><is><r><t xml:space="preserve">${escapeXml(value.slice(0, half))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${escapeXml(value.slice(half))}</t></r></is></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
    }
    if (column === 4) return `<c r="${ref}"><v>${value}</v></c>`;
    if (column === 5) return `<c r="${ref}" s="1"><v>${serial(value)}</v></c>`;
    return `<c r="${ref}" t="b"><v>${value === "TRUE" ? 1 : 0}</v></c>`;
  };
  [THAI_HEADERS, ...rows].forEach((row, index) => {
    const number = index + 1;
    sheet.push(`<row r="${number}">`, ...row.map((value, column) => cellXml(column, number, value)), "</row>");
  });
  sheet.push("</sheetData></worksheet>");
  const sharedXml = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared
      .map((text) => `<si><t>${escapeXml(text)}</t></si>`)
      .join("")}</sst>`,
  );
  const ns = "http://schemas.openxmlformats.org";
  return zip(
    [
      part(
        "[Content_Types].xml",
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
        options,
      ),
      part(
        "_rels/.rels",
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        options,
      ),
      part("xl/worksheets/sheet1.xml", sheet.join(""), options),
      part(
        "xl/sharedStrings.xml",
        options.patchSharedStrings ? options.patchSharedStrings(sharedXml) : sharedXml,
        options,
      ),
      part(
        "xl/styles.xml",
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
        options,
      ),
      part(
        "xl/workbook.xml",
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="ข้อมูล" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        options,
      ),
      part(
        "xl/_rels/workbook.xml.rels",
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
        options,
      ),
    ],
    { zip64: options.zip64 === true },
  );
}
