import { juristicIdCheckDigit } from "@sainam/core";
import type { DbdFirm } from "./dbd-monthly.ts";

const id = (first12: string): string => `${first12}${juristicIdCheckDigit(first12)}`;

// Nikhahit + sara aa: the legacy way of typing ำ (SARA AM) that old Thai files keep.
const AM = "\u0E4D\u0E32";

/**
 * Invented firms in the DBD monthly layout whose name, objective and address are written as old files write
 * them: Thai digits, double spaces and the decomposed ำ. The importer must store these texts as published
 * (trimmed only) while reading dates, amounts, places and postcodes from their folded forms.
 */
export const asPublishedFirms: ReadonlyArray<DbdFirm> = [
  {
    sequence: "๑",
    juristicId: id("050556700123"),
    name: `บจ.น\u0E49${AM}ทอง  ๙๙  จ${AM}กัด`,
    registeredBe: "๙/๑/๒๕๖๗",
    capitalText: " ๓,๕๐๐,๐๐๐ ",
    objective: `ผลิตน\u0E49${AM}ดื่มบรรจุขวด  ๒  ชนิด`,
    address: "๑๒/๓ หมู่ที่ ๔  ต.ออนใต้ อ.สันกำแพง จ.เชียงใหม่ ๕๐๑๓๐",
    expected: {
      registeredOn: "2024-01-09",
      capital: 3_500_000,
      legalForm: "company_limited",
      provinceCode: "50",
      districtCode: "5013",
      postcode: "50130",
    },
  },
  {
    sequence: "๒",
    juristicId: id("010356700456"),
    name: "หจ.ข้าวหอม  ทุ่งกุลา ๒๕๖๗",
    registeredBe: "๓๑/๑/๒๕๖๗",
    capitalText: " ๕๐๐,๐๐๐ ",
    objective: `จ${AM}หน่ายข้าวหอมมะลิ   และข้าวกล้อง`,
    address: "๘๘  ซอยสุขุมวิท ๕๕  แขวงคลองตันเหนือ เขตวัฒนา กรุงเทพมหานคร ๑๐๑๑๐",
    expected: {
      registeredOn: "2024-01-31",
      capital: 500_000,
      legalForm: "limited_partnership",
      provinceCode: "10",
      districtCode: "1039",
      postcode: "10110",
    },
  },
  {
    // Backslashes as written, among them COPY's own escapes (\N, \t): PostgreSQL's bulk path copies text in.
    sequence: "๓",
    juristicId: id("050556700789"),
    name: "บจ.แบ็กสแลช \\N \\t \\\\ ๓ จำกัด",
    registeredBe: "๑/๒/๒๕๖๗",
    capitalText: " ๑,๐๐๐,๐๐๐ ",
    objective: "ผลิตซอฟต์แวร์ C:\\ข้อมูล\\n และ \\r",
    address: "๑๒/๓ หมู่ที่ ๔  ต.ออนใต้ อ.สันกำแพง จ.เชียงใหม่ ๕๐๑๓๐",
    expected: {
      registeredOn: "2024-02-01",
      capital: 1_000_000,
      legalForm: "company_limited",
      provinceCode: "50",
      districtCode: "5013",
      postcode: "50130",
    },
  },
];

/** The same firms with ASCII dates and sequence numbers, for a workbook (whose dates are real date cells). */
export const asPublishedFirmsForXlsx: ReadonlyArray<DbdFirm> = asPublishedFirms.map((firm, i) => ({
  ...firm,
  sequence: String(i + 1),
  registeredBe: firm.expected.registeredOn
    .split("-")
    .reverse()
    .map(Number)
    .map((n, k) => (k === 2 ? n + 543 : n))
    .join("/"),
}));
