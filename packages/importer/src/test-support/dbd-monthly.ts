import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

// A reproduction of the Department of Business Development's monthly file of newly registered
// juristic persons ("นิติบุคคลจัดตั้งเดือน…"), as published at dbd.go.th and kept in
// pwarawit/thai_newbusinessregistration_demo (data_original/99_2015MM.csv): two title rows (month
// and "ทั่วประเทศ"), in later months a blank row, then a 7-column header whose date and capital
// headings break over two lines inside the cell; rows grouped by registering office, numbered from 1
// again in each; IDs as 13-digit text; d/m/yyyy B.E. dates; capital as Excel's accounting text
// " 5,000,000 " (spaces kept inside the quotes); names with DBD's abbreviations บจ./หจ./บมจ.;
// addresses with แขวง/เขต in Bangkok and ต./อ./จ. elsewhere, ending in the postcode. The firms are
// invented; their IDs have valid check digits.

/** An invented firm in the DBD layout, with what the importer should make of it. */
export type DbdFirm = {
  readonly sequence: string;
  readonly juristicId: string;
  readonly name: string;
  readonly registeredBe: string;
  readonly capitalText: string;
  readonly objective: string;
  readonly address: string;
  readonly expected: {
    readonly registeredOn: string;
    readonly capital: number;
    readonly legalForm: string;
    readonly provinceCode: string;
    readonly districtCode: string;
    readonly postcode: string;
  };
};

/** Seven invented firms of January 2567: four registered in Bangkok, one in Chiang Mai, two in Songkhla. */
export const dbdFirms: ReadonlyArray<DbdFirm> = [
  {
    sequence: "1",
    juristicId: "0107567000121",
    name: "บมจ.ไทย ไบโอ แพ็คเกจจิ้ง จำกัด (มหาชน)",
    registeredBe: "22/1/2567",
    capitalText: " 250,000,000 ",
    objective: "ผลิตและจำหน่ายบรรจุภัณฑ์ชีวภาพ",
    address: "1 อาคารสายน้ำทาวเวอร์ ชั้นที่ 12 ถนนนเรศ  แขวงสี่พระยา เขตบางรัก กรุงเทพมหานคร 10500",
    expected: {
      registeredOn: "2024-01-22",
      capital: 250_000_000,
      legalForm: "public_company_limited",
      provinceCode: "10",
      districtCode: "1004",
      postcode: "10500",
    },
  },
  {
    sequence: "2",
    juristicId: "0105567012348",
    name: "บจ.สายน้ำ คอฟฟี่ โรสเตอร์ จำกัด",
    registeredBe: "15/1/2567",
    capitalText: " 5,000,000 ",
    objective: "ประกอบกิจการคั่วและจำหน่ายเมล็ดกาแฟ",
    address: "88/12 ซอยสุขุมวิท 55 ถนนสุขุมวิท  แขวงคลองตันเหนือ เขตวัฒนา กรุงเทพมหานคร 10110",
    expected: {
      registeredOn: "2024-01-15",
      capital: 5_000_000,
      legalForm: "company_limited",
      provinceCode: "10",
      districtCode: "1039",
      postcode: "10110",
    },
  },
  {
    sequence: "3",
    juristicId: "0105567035798",
    name: "บจ.เอ็น.ที. สยามเทรด จำกัด",
    registeredBe: "31/1/2567",
    capitalText: " 2,000,000 ",
    objective: "ประกอบกิจการส่งออกและขายผ้าไหม,ผ้าฝ้าย,ผ้าย้อมคราม",
    address: "191/54,191/57 ถนนพหลโยธิน  แขวงจตุจักร เขตจตุจักร กรุงเทพมหานคร 10900",
    expected: {
      registeredOn: "2024-01-31",
      capital: 2_000_000,
      legalForm: "company_limited",
      provinceCode: "10",
      districtCode: "1030",
      postcode: "10900",
    },
  },
  {
    sequence: "4",
    juristicId: "0103567004564",
    name: "หจ.ดอยคำ เฮิร์บ",
    registeredBe: "3/1/2567",
    capitalText: " 1,000,000 ",
    objective: "ผลิตและจำหน่ายผลิตภัณฑ์สมุนไพร",
    address: "12 หมู่ที่ 3  แขวงบางพรม เขตตลิ่งชัน กรุงเทพมหานคร 10170",
    expected: {
      registeredOn: "2024-01-03",
      capital: 1_000_000,
      legalForm: "limited_partnership",
      provinceCode: "10",
      districtCode: "1019",
      postcode: "10170",
    },
  },
  {
    sequence: "1",
    juristicId: "0505567003213",
    name: "บจ.ล้านนา ซิลค์ เฮาส์ จำกัด",
    registeredBe: "9/1/2567",
    capitalText: " 3,500,000 ",
    objective: "ผลิตและจำหน่ายผ้าไหมทอมือ",
    address: "99 หมู่ที่ 4  ต.สันกำแพง อ.สันกำแพง จ.เชียงใหม่ 50130",
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
    sequence: "1",
    juristicId: "0903567000774",
    name: "หจ.หาดใหญ่ ยางพารา เทรดดิ้ง",
    registeredBe: "26/1/2567",
    capitalText: " 500,000 ",
    objective: "รับซื้อและจำหน่ายยางพารา",
    address: "45/2 ถนนเพชรเกษม  ต.หาดใหญ่ อ.หาดใหญ่ จ.สงขลา 90110",
    expected: {
      registeredOn: "2024-01-26",
      capital: 500_000,
      legalForm: "limited_partnership",
      provinceCode: "90",
      districtCode: "9011",
      postcode: "90110",
    },
  },
  {
    sequence: "2",
    juristicId: "0905567001454",
    name: "บจ.สงขลา ซีฟู้ด โปรเซสซิ่ง จำกัด",
    registeredBe: "30/1/2567",
    capitalText: " 1,000,000 ",
    objective: "ประกอบกิจการแปรรูปอาหารทะเลแช่แข็ง",
    address: "7 หมู่ที่ 2  ต.พะวง อ.เมืองสงขลา จ.สงขลา 90100",
    expected: {
      registeredOn: "2024-01-30",
      capital: 1_000_000,
      legalForm: "company_limited",
      provinceCode: "90",
      districtCode: "9001",
      postcode: "90100",
    },
  },
];

/** The header as in the December 2558 file: "ลำดับ" and headings broken inside the cell. */
export const dbdHeaderCells = [
  "ลำดับ",
  "เลขทะเบียน",
  "ชื่อนิติบุคคล",
  "วันที่\nจดทะเบียน",
  " ทุนจดทะเบียน\n(บาท) ",
  "รายละเอียดวัตถุประสงค์",
  "ที่ตั้งสำนักงานใหญ่",
];

const TITLE = "นิติบุคคลจัดตั้งเดือนมกราคม  2567";
const AREA = "ทั่วประเทศ";

function csvCell(text: string): string {
  return /[",\n]/.test(text) || text.startsWith(" ") ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The monthly file as Excel saves it as CSV: CRLF between records, a bare LF inside a quoted cell,
 * empty cells padding the title rows to the table's width, and a blank ",,,,,," row before the header.
 */
export function dbdMonthlyCsv(firms: ReadonlyArray<DbdFirm> = dbdFirms): string {
  const pad = ",,,,,,";
  const lines = [
    `${TITLE}${pad}`,
    `${AREA}${pad}`,
    pad,
    dbdHeaderCells.map(csvCell).join(","),
    ...firms.map((firm) =>
      [firm.sequence, firm.juristicId, firm.name, firm.registeredBe, firm.capitalText, firm.objective, firm.address]
        .map(csvCell)
        .join(","),
    ),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The same month as an XLSX workbook: the title merged across the table, dates as real date cells
 * shown d/m/yyyy, capital as numbers shown #,##0, IDs as text (a number would lose the leading 0).
 */
export async function writeDbdMonthlyXlsx(stream: Writable, firms: ReadonlyArray<DbdFirm> = dbdFirms): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet("ม.ค.67");
  sheet.addRow([TITLE]);
  sheet.mergeCells("A1:G1");
  sheet.getRow(1).commit();
  sheet.addRow([AREA]).commit();
  const header = sheet.addRow(dbdHeaderCells);
  header.alignment = { wrapText: true };
  header.commit();
  for (const firm of firms) {
    const [day, month, beYear] = firm.registeredBe.split("/").map(Number);
    const row = sheet.addRow([
      Number(firm.sequence),
      firm.juristicId,
      firm.name,
      new Date(Date.UTC((beYear ?? 0) - 543, (month ?? 1) - 1, day ?? 1)),
      firm.expected.capital,
      firm.objective,
      firm.address,
    ]);
    row.getCell(4).numFmt = "d/m/yyyy";
    row.getCell(5).numFmt = "#,##0";
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}
