import { dbdFirms } from "./dbd-monthly.ts";
import { encodeWindows874 } from "./windows-874.ts";

// The ways DBD's monthly files of new juristic persons differ from month to month (as seen in the 18 months of
// 2558-2559 kept in pwarawit/thai_newbusinessregistration_demo), so that a test can write any month it needs
// with the invented firms of dbd-monthly.ts. Nothing here copies the published files.

/** How one month's file is laid out. */
export type DbdVariant = {
  readonly name: string;
  /** "ที่" (most of 2558) or "ลำดับ" (Oct 2558 on, in most months). */
  readonly sequenceHeading: "ที่" | "ลำดับ";
  /** 3: the header follows the two title rows; 4: a blank ",,,,,," row sits between (Dec 2558). */
  readonly headerLine: 3 | 4;
  /** Headings broken inside their cells ("วันที่\nจดทะเบียน", "ทุนจดทะเบียน\n(บาท)") or on one line ("วันที่จดทะเบียน"). */
  readonly brokenHeadings: boolean;
  /** "(บาท)" after the capital heading, or not (Apr 2558). */
  readonly capitalUnit: boolean;
  /** Between records: CRLF, LF, or CR alone (Feb 2559). A break inside a cell is always LF. */
  readonly lineEnding: "\r\n" | "\n" | "\r";
  /** Sequence numbers from 1,000 with Excel's thousands comma ("1,000", quoted). */
  readonly thousandsSequence: boolean;
  /** The TSIC column "รหัส(\n)วัตถุประสงค์" before the objective (2559). */
  readonly tsic: boolean;
  /** Empty cells after the last column on every line (several months of 2558-2559). */
  readonly trailingEmptyColumns: boolean;
  /** The headings spelt with the decomposed SARA AM (ํ + า) and a zero-width space, as copied from some PDFs; needs UTF-8. */
  readonly oddSpelling: boolean;
  readonly encoding: "windows-874" | "utf-8";
};

/** The TSIC code each invented firm is given in months with a TSIC column: "1291" lost its leading 0, "10201" is not a TSIC 2009 code. */
export const dbdTsicCodes: ReadonlyArray<{ readonly written: string; readonly expected: string | null }> = [
  { written: "22220", expected: "22220" },
  { written: "10761", expected: "10761" },
  { written: "46411", expected: "46411" },
  { written: "10769", expected: "10769" },
  { written: "13121", expected: "13121" },
  { written: "1291", expected: "01291" },
  { written: "10201", expected: null },
];

const base: Omit<DbdVariant, "name"> = {
  sequenceHeading: "ลำดับ",
  headerLine: 3,
  brokenHeadings: true,
  capitalUnit: true,
  lineEnding: "\r\n",
  thousandsSequence: false,
  tsic: false,
  trailingEmptyColumns: false,
  oddSpelling: false,
  encoding: "windows-874",
};

/**
 * Months that together cover every variant; some pairs share their headers' keys but not their texts (dec2558 and
 * apr-like, jan2558 and mar2558, feb2559 and jun2559), which is where a saved mapping must be resolved.
 */
export const dbdVariants: ReadonlyArray<DbdVariant> = [
  { ...base, name: "dec2558: blank row, header on line 4, broken headings, CRLF", headerLine: 4 },
  {
    ...base,
    name: "apr-like: header on line 3, one-line headings, no (บาท), trailing empty columns, LF",
    brokenHeadings: false,
    capitalUnit: false,
    trailingEmptyColumns: true,
    lineEnding: "\n",
  },
  { ...base, name: "jan2558: ที่, one-line headings", sequenceHeading: "ที่", brokenHeadings: false },
  { ...base, name: "mar2558: ที่, broken headings, sequence from 1,000", sequenceHeading: "ที่", thousandsSequence: true },
  {
    ...base,
    name: "feb2559: TSIC column, CR only, trailing empty columns",
    tsic: true,
    lineEnding: "\r",
    trailingEmptyColumns: true,
  },
  {
    ...base,
    name: "jun2559: TSIC column, one-line headings, header on line 4, 1,000",
    tsic: true,
    brokenHeadings: false,
    headerLine: 4,
    thousandsSequence: true,
  },
  {
    ...base,
    name: "odd spelling: ํา and zero-width space in headings, UTF-8",
    oddSpelling: true,
    encoding: "utf-8",
    brokenHeadings: false,
  },
];

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) || text.startsWith(" ") ? `"${text.replaceAll('"', '""')}"` : text;
}

function spell(text: string, odd: boolean): string {
  // ำ (U+0E33) written as ํ + า, and a zero-width space after the first character.
  return odd ? `${text.slice(0, 1)}\u200B${text.slice(1).replaceAll("\u0E33", "\u0E4D\u0E32")}` : text;
}

/** The header cells of a variant, as written in the file. */
export function dbdVariantHeaderCells(variant: DbdVariant): string[] {
  const br = variant.brokenHeadings ? "\n" : "";
  const cells = [
    variant.sequenceHeading,
    "เลขทะเบียน",
    "ชื่อนิติบุคคล",
    `วันที่${br}จดทะเบียน`,
    variant.capitalUnit ? `ทุนจดทะเบียน${br || " "}(บาท)` : "ทุนจดทะเบียน",
    ...(variant.tsic ? [`รหัส${br || " "}วัตถุประสงค์`] : []),
    "รายละเอียดวัตถุประสงค์",
    "ที่ตั้งสำนักงานใหญ่",
  ];
  return cells.map((cell) => spell(cell, variant.oddSpelling));
}

/** The month's file as bytes, holding the seven invented firms of dbd-monthly.ts. */
export function dbdVariantFile(variant: DbdVariant): Buffer {
  const header = dbdVariantHeaderCells(variant);
  const width = header.length + (variant.trailingEmptyColumns ? 2 : 0);
  const pad = ",".repeat(width - 1);
  const tail = variant.trailingEmptyColumns ? ",," : "";
  const rows = dbdFirms.map((firm, i) => {
    const sequence = variant.thousandsSequence ? (1000 + i).toLocaleString("en-US") : firm.sequence;
    const tsic = dbdTsicCodes[i]?.written ?? "";
    const cells = [
      sequence,
      firm.juristicId,
      firm.name,
      firm.registeredBe,
      firm.capitalText,
      ...(variant.tsic ? [tsic] : []),
      firm.objective,
      firm.address,
    ];
    return cells.map(csvCell).join(",") + tail;
  });
  const lines = [
    "นิติบุคคลจัดตั้งเดือนมกราคม  2567" + pad,
    "ทั่วประเทศ" + pad,
    ...(variant.headerLine === 4 ? [pad] : []),
    header.map(csvCell).join(",") + tail,
    ...rows,
  ];
  const text = lines.join(variant.lineEnding) + variant.lineEnding;
  return variant.encoding === "utf-8" ? Buffer.from(text, "utf8") : encodeWindows874(text);
}
