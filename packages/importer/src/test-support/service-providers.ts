import { PassThrough } from "node:stream";
import { writeCsv, writeXlsx, type ExportColumn } from "../export.ts";

// Realistic Thai files of service providers and their experts, as a department's officer would keep them: the ITC
// centre of seed 001 ("12 branches of ITC in 77 provinces") with branches at the Department of Industrial Promotion's
// regional industrial promotion centres (ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1 เชียงใหม่, 2 พิษณุโลก, 4 ขอนแก่น, 9 ชลบุรี,
// 11 สงขลา), the Thailand Industrial Design Center, the SME Support and Rescue Center and a university science park.
// Spelling varies as it does in real files: "กทม.", "จ.ชลบุรี", an English "Chiang Rai", ลำปาง typed with
// นิคหิต + สระอา (ลําปาง), ลอจิสติกส์ for โลจิสติกส์, "อีเมล์", kinds written "ศูนย์ ITC" / "ITC สาขา".
// Names of people and addresses are made up; e-mails use example.go.th.

export const PROVIDER_HEADERS = [
  "รหัสหน่วยบริการ",
  "ชื่อหน่วยบริการ",
  "ชื่อภาษาอังกฤษ",
  "ประเภท",
  "รหัสศูนย์แม่",
  "หน่วยงาน",
  "จังหวัดที่ให้บริการ",
  "บริการ",
  "ผู้ติดต่อ",
  "โทรศัพท์",
  "อีเมล",
] as const;

export const providerRows: string[][] = [
  [
    "ITC",
    "ศูนย์ปฏิรูปอุตสาหกรรมสู่อนาคต",
    "Industry Transformation Center (ITC)",
    "ศูนย์ ITC",
    "",
    "DIP-ITC",
    "ทั่วประเทศ",
    "ลดต้นทุน, เทคโนโลยี, พัฒนาผลิตภัณฑ์",
    "กองพัฒนาขีดความสามารถธุรกิจอุตสาหกรรม",
    "02-430-6868",
    "itc@example.go.th",
  ],
  // The branch is listed before its centre's row would be in a sorted export: a branch may name a centre of the file.
  [
    "ITC-CMI",
    "ศูนย์ ITC สาขาเชียงใหม่ (ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 1)",
    "ITC Chiang Mai",
    "ITC สาขา",
    "ITC",
    "DIP-ITC",
    "เชียงใหม่, ลําพูน, ลําปาง, แม่ฮ่องสอน, Chiang Rai, พะเยา, แพร่, น่าน",
    "ลดต้นทุน / เทคโนโลยี / การตลาด",
    "",
    "053-245-361",
    "itc.cmi@example.go.th",
  ],
  [
    "ITC-PLK",
    "ศูนย์ ITC สาขาพิษณุโลก (ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 2)",
    "ITC Phitsanulok",
    "สาขา ITC",
    "ITC",
    "DIP-ITC",
    "พิษณุโลก, สุโขทัย, อุตรดิตถ์, ตาก, เพชรบูรณ์",
    "ลดต้นทุน, เทคโนโลยี",
    "",
    "055-242-102",
    "",
  ],
  [
    "ITC-KKN",
    "ศูนย์ ITC สาขาขอนแก่น (ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 4)",
    "ITC Khon Kaen",
    "ITC สาขา",
    "ITC",
    "DIP-ITC",
    "ขอนแก่น กาฬสินธุ์ มหาสารคาม ร้อยเอ็ด",
    "เทคโนโลยี, มาตรฐาน",
    "",
    "043-236-241",
    "",
  ],
  [
    "ITC-CBI",
    "ศูนย์ ITC สาขาชลบุรี (ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 9)",
    "ITC Chonburi",
    "ITC สาขา",
    "ITC",
    "DIP-ITC",
    "จ.ชลบุรี, จ.ระยอง, จันทบุรี, ตราด, ฉะเชิงเทรา, ปราจีนบุรี, สระแก้ว",
    "ลดต้นทุน, ลอจิสติกส์",
    "",
    "038-273-701",
    "",
  ],
  [
    "ITC-SKA",
    "ศูนย์ ITC สาขาสงขลา (ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ 11)",
    "ITC Songkhla",
    "ITC สาขา",
    "ITC",
    "DIP-ITC",
    "สงขลา, สตูล, ตรัง, พัทลุง, ปัตตานี, ยะลา, นราธิวาส",
    "พัฒนาผลิตภัณฑ์, มาตรฐาน",
    "",
    "074-211-660",
    "",
  ],
  [
    "TIDC",
    "ศูนย์ออกแบบอุตสาหกรรมแห่งประเทศไทย",
    "Thailand Industrial Design Center",
    "ศูนย์ออกแบบ",
    "",
    "DIP-TIDC",
    "กทม.",
    "ออกแบบบรรจุภัณฑ์",
    "",
    "",
    "tidc@example.go.th",
  ],
  [
    "SRC",
    "ศูนย์สนับสนุนและช่วยเหลือเอสเอ็มอี",
    "SME Support and Rescue Center",
    "ศูนย์ช่วยเหลือ SME",
    "",
    "DIP-SRC",
    "ทั่วประเทศ",
    "การเงิน",
    "",
    "",
    "",
  ],
  [
    "CMU-STEP",
    "อุทยานวิทยาศาสตร์และเทคโนโลยี มหาวิทยาลัยเชียงใหม่",
    "CMU Science and Technology Park",
    "มหาวิทยาลัย",
    "",
    "",
    "ภาคเหนือ",
    "เทคโนโลยี, มาตรฐาน, พัฒนาผลิตภัณฑ์",
    "",
    "",
    "",
  ],
];

export const EXPERT_HEADERS = [
  "ชื่อ-นามสกุล",
  "รหัสหน่วยบริการ",
  "ความเชี่ยวชาญ",
  "พื้นที่ให้บริการ",
  "จำนวนเรื่องที่รับได้",
  "พร้อมให้บริการ",
  "อีเมล์",
  "เบอร์โทร",
] as const;

export const expertRows: string[][] = [
  [
    "นางสาวพิมพ์ชนก ศรีสุข",
    "ITC-CMI",
    "การตลาด, ลอจิสติกส์",
    "เชียงใหม่, ลำพูน",
    "5",
    "ว่าง",
    "pimchanok.s@example.go.th",
    "081-234-5678",
  ],
  ["นายสมชาย ใจดี", "ITC-CMI", "ลดต้นทุน", "ภาคเหนือ", "3", "ใช่", "somchai.j@example.go.th", ""],
  ["ดร.วิภาวรรณ ทองคำ", "ITC-KKN", "เทคโนโลยี / มาตรฐาน", "ขอนแก่น, มหาสารคาม", "4", "Y", "wipawan.t@example.go.th", ""],
  ["นายอนุชา แก้วมณี", "ITC-SKA", "กฎหมายธุรกิจ", "สงขลา, สตูล", "2", "ไม่ว่าง", "anucha.k@example.go.th", ""],
  ["นางรัตนา บุญมา", "TIDC", "ออกแบบบรรจุภัณฑ์", "ทั่วประเทศ", "6 เรื่อง", "พร้อมให้บริการ", "", "02-392-2222"],
  ["นายธนพล วงศ์ใหญ่", "SRC", "การเงิน", "กทม., นนทบุรี", "10", "1", "thanapol.w@example.go.th", ""],
];

/** An expert file with one mistake of each kind per row: province, field, capacity, provider. */
export const badExpertRows: string[][] = [
  ["นายสมศักดิ์ ผิดจังหวัด", "ITC-CMI", "การตลาด", "เชียงใหม, ลำพูน", "3", "ว่าง", "", ""],
  ["นางสาวกานดา ผิดด้าน", "ITC-CMI", "โหราศาสตร์", "เชียงใหม่", "3", "ว่าง", "", ""],
  ["นายปรีชา ผิดจำนวน", "ITC-KKN", "มาตรฐาน", "ขอนแก่น", "ห้าสิบ", "ว่าง", "", ""],
  ["นายวีระ ผิดศูนย์", "ITC-XYZ", "การตลาด", "ขอนแก่น", "2", "ว่าง", "", ""],
];

function columns(headers: readonly string[]): ExportColumn[] {
  return headers.map((header, i) => ({ key: String(i), header }));
}

function records(rows: readonly (readonly string[])[]) {
  return rows.map((row) => Object.fromEntries(row.map((cell, i) => [String(i), cell])));
}

async function collect(write: (stream: PassThrough) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  await write(stream);
  return Buffer.concat(chunks);
}

/** A table as CSV (UTF-8 with a BOM, as Excel writes it). */
export function tableCsv(headers: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  return collect((s) => writeCsv(s, columns(headers), records(rows)));
}

/** A table as an XLSX workbook. */
export function tableXlsx(headers: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  return collect((s) => writeXlsx(s, "ผู้ให้บริการ", columns(headers), records(rows)));
}
