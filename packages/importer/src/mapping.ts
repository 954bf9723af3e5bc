import {
  describeJuristicId,
  enterpriseFields,
  expertImportFields,
  providerFields,
  type ExpertImportField,
  type ProviderField,
  linkageFields,
  membershipFields,
  normalizeThai,
  type EnterpriseField,
  type ImportKind,
  type MembershipField,
} from "@sainam/core";
import { indicatorValueFields, indicatorValueSynonyms, type IndicatorValueField } from "./indicator-values.ts";
import { expertSynonyms, providerSynonyms } from "./service-providers.ts";

export { importKinds, enterpriseFields, membershipFields, membershipFirmFields, linkageFields } from "@sainam/core";
export type { ImportKind, EnterpriseField, MembershipField } from "@sainam/core";
/** A field of a linkage import. */
export type LinkageField = (typeof linkageFields)[number];

/** The fields of each import kind. */
export type FieldOf<K extends ImportKind> = K extends "enterprises"
  ? EnterpriseField
  : K extends "memberships"
    ? MembershipField
    : K extends "linkages"
      ? LinkageField
      : K extends "providers"
        ? ProviderField
        : K extends "experts"
          ? ExpertImportField
          : IndicatorValueField;

/** Any field of any kind. */
export type FieldName =
  EnterpriseField | MembershipField | LinkageField | IndicatorValueField | ProviderField | ExpertImportField;

/**
 * Which source column (by header text) feeds each field. Plain JSON, so the server can save the
 * mapping per source and reuse it for next month's file.
 */
export type ColumnMapping<K extends ImportKind = ImportKind> = Partial<Record<FieldOf<K>, string>>;

/** The fields of an import kind, in the order a mapping screen lists them. */
export function fieldsOf<K extends ImportKind>(kind: K): ReadonlyArray<FieldOf<K>>;
export function fieldsOf(kind: ImportKind): ReadonlyArray<FieldName> {
  if (kind === "enterprises") return enterpriseFields;
  if (kind === "memberships") return membershipFields;
  if (kind === "indicator_values") return indicatorValueFields;
  if (kind === "providers") return providerFields;
  if (kind === "experts") return expertImportFields;
  return linkageFields;
}

type FieldRule = {
  /** Header spellings in Thai and English; matched after normalisation (case, spaces, punctuation). */
  readonly synonyms: ReadonlyArray<string>;
  /** Headers containing one of these are never this field ("โทรสาร" is a fax, not a phone). */
  readonly exclude?: ReadonlyArray<string>;
  /**
   * Breaks ties when a header contains synonyms of two fields: the more specific field wins, so
   * "ที่อยู่ จังหวัด" (a merged two-row header) is the province, not the address.
   */
  readonly specific?: boolean;
};

const juristicIdSynonyms = [
  "เลขทะเบียนนิติบุคคล",
  "เลขทะเบียน",
  "ทะเบียนนิติบุคคล",
  "เลขนิติบุคคล",
  "เลขประจำตัวผู้เสียภาษี",
  "เลขประจำตัวผู้เสียภาษีอากร",
  "เลขผู้เสียภาษี",
  "juristic id",
  "juristic person id",
  "juristic no",
  "juristic person no",
  "juristic person registration no",
  "registration no",
  "registration number",
  "company registration no",
  "company id",
  "tax id",
  "taxpayer id",
];

const clusterCodeSynonyms = ["รหัสคลัสเตอร์", "คลัสเตอร์", "รหัสกลุ่ม", "กลุ่มเครือข่าย", "cluster code", "cluster"];

const enterpriseRules: Record<EnterpriseField, FieldRule> = {
  juristicId: { synonyms: juristicIdSynonyms, exclude: ["วิสาหกิจชุมชน", "วสช", "community"] },
  ceRegistrationNo: {
    synonyms: [
      "เลขทะเบียนวิสาหกิจชุมชน",
      "รหัสทะเบียนวิสาหกิจชุมชน",
      "ทะเบียนวิสาหกิจชุมชน",
      "รหัสวิสาหกิจชุมชน",
      "เลขทะเบียน วสช",
      "รหัส วสช",
      "community enterprise no",
      "community enterprise registration no",
      "ce registration no",
      "ce no",
    ],
    specific: true,
  },
  nameTh: {
    synonyms: [
      "ชื่อนิติบุคคล",
      "ชื่อบริษัท",
      "ชื่อกิจการ",
      "ชื่อสถานประกอบการ",
      "ชื่อวิสาหกิจ",
      "ชื่อผู้ประกอบการ",
      "ชื่อ",
      "ชื่อภาษาไทย",
      "ชื่อ ไทย",
      "company name",
      "name",
      "name th",
      "thai name",
      "enterprise name",
      "business name",
    ],
    exclude: ["อังกฤษ", "english", "ผู้ติดต่อ", "ผู้ประสานงาน", "contact"],
  },
  nameEn: {
    synonyms: ["ชื่อภาษาอังกฤษ", "ชื่อ อังกฤษ", "ชื่ออังกฤษ", "english name", "name en", "name english", "company name en"],
    specific: true,
  },
  legalForm: {
    synonyms: [
      "ประเภทนิติบุคคล",
      "รูปแบบนิติบุคคล",
      "รูปแบบธุรกิจ",
      "รูปแบบกิจการ",
      "legal form",
      "type of juristic person",
      "entity type",
    ],
    specific: true,
  },
  registeredOn: {
    synonyms: [
      "วันที่จดทะเบียน",
      "วันจดทะเบียน",
      "วันที่จดทะเบียนจัดตั้ง",
      "วันที่ก่อตั้ง",
      "registration date",
      "registered on",
      "date registered",
      "date of registration",
      "incorporation date",
    ],
    specific: true,
  },
  capital: { synonyms: ["ทุนจดทะเบียน", "ทุน", "registered capital", "capital"], specific: true },
  revenue: {
    synonyms: [
      "รายได้",
      "รายได้รวม",
      "รายได้ต่อปี",
      "ยอดขาย",
      "ยอดขายต่อปี",
      "revenue",
      "annual revenue",
      "sales",
      "turnover",
      "income",
    ],
  },
  employees: {
    synonyms: [
      "จำนวนพนักงาน",
      "จำนวนลูกจ้าง",
      "พนักงาน",
      "ลูกจ้าง",
      "จำนวนแรงงาน",
      "employees",
      "number of employees",
      "staff",
      "headcount",
    ],
  },
  // DBD's monthly files head the TSIC column "รหัสวัตถุประสงค์" (the code of the registered objective).
  tsicCode: {
    synonyms: [
      "รหัสวัตถุประสงค์",
      "รหัสประเภทธุรกิจ",
      "รหัสธุรกิจ",
      "รหัสมาตรฐานอุตสาหกรรม",
      "รหัส tsic",
      "รหัส isic",
      "tsic",
      "tsic code",
      "isic",
      "isic code",
      "business code",
    ],
    specific: true,
  },
  businessType: {
    synonyms: [
      "ประเภทธุรกิจ",
      "ประเภทกิจการ",
      "วัตถุประสงค์",
      "รายละเอียดวัตถุประสงค์",
      "หมวดธุรกิจ",
      "ธุรกิจ",
      "business type",
      "type of business",
      "business",
      "objective",
      "activity",
    ],
  },
  address: {
    synonyms: [
      "ที่อยู่",
      "ที่ตั้ง",
      "ที่ตั้งสำนักงานใหญ่",
      "ที่อยู่สำนักงานใหญ่",
      "ที่อยู่สถานประกอบการ",
      "address",
      "head office address",
      "location",
    ],
    exclude: ["อีเมล", "email", "e mail", "ไปรษณีย์อิเล็กทรอนิกส์"],
  },
  provinceName: { synonyms: ["จังหวัด", "province", "changwat"], specific: true },
  districtName: {
    synonyms: ["อำเภอ", "เขต", "อำเภอ/เขต", "เขต/อำเภอ", "district", "amphoe", "khet"],
    specific: true,
    exclude: ["เขตพื้นที่"],
  },
  postcode: {
    synonyms: ["รหัสไปรษณีย์", "ไปรษณีย์", "postcode", "postal code", "post code", "zip", "zip code"],
    specific: true,
  },
  products: {
    synonyms: [
      "ผลิตภัณฑ์",
      "สินค้า",
      "สินค้า/บริการ",
      "ผลิตภัณฑ์/บริการ",
      "สินค้าและบริการ",
      "products",
      "product",
      "products/services",
      "goods",
    ],
  },
  contactName: {
    synonyms: ["ชื่อผู้ติดต่อ", "ผู้ติดต่อ", "ผู้ประสานงาน", "ชื่อผู้ประสานงาน", "contact name", "contact person", "contact"],
    specific: true,
  },
  contactPhone: {
    synonyms: [
      "โทรศัพท์",
      "เบอร์โทร",
      "เบอร์โทรศัพท์",
      "หมายเลขโทรศัพท์",
      "โทร",
      "มือถือ",
      "phone",
      "telephone",
      "tel",
      "mobile",
      "contact phone",
    ],
    exclude: ["โทรสาร", "fax"],
    specific: true,
  },
  contactEmail: { synonyms: ["อีเมล", "อีเมล์", "ไปรษณีย์อิเล็กทรอนิกส์", "email", "e-mail", "contact email"], specific: true },
};

const membershipRules: Record<MembershipField, FieldRule> = {
  juristicId: { synonyms: juristicIdSynonyms },
  clusterCode: { synonyms: clusterCodeSynonyms },
  // A list of a cluster's members may name the cluster too ("ชื่อคลัสเตอร์"): that is not the firm's name.
  nameTh: {
    ...enterpriseRules.nameTh,
    exclude: [...(enterpriseRules.nameTh.exclude ?? []), "คลัสเตอร์", "cluster", "กลุ่ม"],
  },
  nameEn: enterpriseRules.nameEn,
  address: enterpriseRules.address,
  provinceName: enterpriseRules.provinceName,
  districtName: enterpriseRules.districtName,
  postcode: enterpriseRules.postcode,
  stage: {
    synonyms: [
      "ขั้น",
      "ห่วงโซ่",
      "ห่วงโซ่คุณค่า",
      "ตำแหน่งในห่วงโซ่คุณค่า",
      "ต้นน้ำ/กลางน้ำ/ปลายน้ำ",
      "stage",
      "value chain stage",
      "value chain",
    ],
  },
  joinedOn: {
    synonyms: ["วันที่เข้าร่วม", "วันเข้าร่วม", "เข้าร่วมเมื่อ", "วันที่เริ่ม", "joined on", "join date", "joined", "start date"],
  },
  leftOn: { synonyms: ["วันที่ออก", "วันที่ลาออก", "วันที่สิ้นสุด", "ออกเมื่อ", "left on", "leave date", "left", "end date"] },
};

const linkageRules: Record<LinkageField, FieldRule> = {
  fromJuristicId: {
    synonyms: [
      "จาก",
      "ผู้ขาย",
      "ผู้ส่ง",
      "ผู้ให้",
      "เลขทะเบียนผู้ขาย",
      "เลขทะเบียนต้นทาง",
      "ต้นทาง",
      "from",
      "from juristic id",
      "seller",
      "supplier",
    ],
    specific: true,
  },
  toJuristicId: {
    synonyms: [
      "ถึง",
      "ไปยัง",
      "ผู้ซื้อ",
      "ผู้รับ",
      "เลขทะเบียนผู้ซื้อ",
      "เลขทะเบียนปลายทาง",
      "ปลายทาง",
      "to",
      "to juristic id",
      "buyer",
      "customer",
    ],
    specific: true,
  },
  kind: {
    synonyms: [
      "ประเภทความเชื่อมโยง",
      "ความเชื่อมโยง",
      "ความสัมพันธ์",
      "ลักษณะความสัมพันธ์",
      "kind",
      "relation",
      "relationship",
      "linkage type",
      "type",
    ],
  },
  product: { synonyms: ["สินค้า", "ผลิตภัณฑ์", "วัตถุดิบ", "product", "goods", "item"] },
  annualValue: { synonyms: ["มูลค่าต่อปี", "มูลค่า", "มูลค่าการซื้อขาย", "annual value", "value per year", "value"] },
  clusterCode: { synonyms: clusterCodeSynonyms },
};

function rulesOf(kind: ImportKind): Readonly<Partial<Record<FieldName, FieldRule>>> {
  if (kind === "enterprises") return enterpriseRules;
  if (kind === "memberships") return membershipRules;
  if (kind === "indicator_values") return indicatorValueSynonyms;
  if (kind === "providers") return providerSynonyms;
  if (kind === "experts") return expertSynonyms;
  return linkageRules;
}

/**
 * The comparable form of a header or synonym: normalised Thai, lower case, units in brackets
 * ("ทุนจดทะเบียน (บาท)") and the abbreviation mark ฯ dropped, and no spaces or punctuation.
 */
export function headerKey(text: string): string {
  return normalizeThai(text)
    .toLowerCase()
    .replace(/\((?:บาท|baht|thb|฿|คน|persons?|people|ราย|ล้านบาท)\)/g, "")
    .replace(/[\s\p{P}\p{S}ฯ]/gu, "");
}

// The name readTable gives a column without a heading ("Column 8").
const PLACEHOLDER_HEADER = /^Column \d+$/;

/**
 * What identifies "the same source" for saving a mapping: the import kind and the file's headers compared by
 * headerKey (so line breaks, spaces, zero-width characters, units in brackets and Thai spelling variants such as
 * ํา/ำ do not matter), leaving out unnamed columns at the end (a month whose rows carry trailing empty cells).
 * The server stores mappings under a hash of it.
 */
export function sourceSignature(kind: ImportKind, headers: ReadonlyArray<string>): string {
  let end = headers.length;
  while (end > 0 && PLACEHOLDER_HEADER.test(headers[end - 1] ?? "")) end--;
  return `${kind}\n${headers.slice(0, end).map(headerKey).join("\u0001")}`;
}

/**
 * A mapping saved from one file, applied to another of the same source: each header the mapping names is replaced
 * by this file's header with the same headerKey ("วันที่\nจดทะเบียน" saved, "วันที่จดทะเบียน" in this month's file).
 * A header found as written stays; one with no match in the file stays as written (checkMapping then reports it).
 */
export function resolveMapping<K extends ImportKind>(
  mapping: ColumnMapping<K>,
  headers: ReadonlyArray<string>,
): ColumnMapping<K>;
export function resolveMapping(
  mapping: Readonly<Record<string, string | undefined>>,
  headers: ReadonlyArray<string>,
): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const header of headers) {
    const key = headerKey(header);
    if (key !== "" && !byKey.has(key)) byKey.set(key, header);
  }
  const resolved: Record<string, string> = {};
  for (const [field, header] of Object.entries(mapping)) {
    if (header === undefined) continue;
    resolved[field] = headers.includes(header) ? header : (byKey.get(headerKey(header)) ?? header);
  }
  return resolved;
}

type Candidate = { readonly field: FieldName; readonly header: string; readonly score: number };

function scoreHeader(rule: FieldRule, key: string): number {
  if (key === "") return 0;
  if (rule.exclude?.some((word) => key.includes(headerKey(word)))) return 0;
  let best = 0;
  for (const synonym of rule.synonyms) {
    const wanted = headerKey(synonym);
    if (wanted === "") continue;
    if (key === wanted) return 3;
    // A header that contains a synonym ("ที่ตั้งสำนักงานใหญ่" ⊃ "ที่ตั้ง") matches by how much of it the
    // synonym covers. Very short English words only match whole headers ("to" is in "total").
    if (wanted.length >= 3 && key.includes(wanted)) best = Math.max(best, 1 + wanted.length / key.length);
  }
  if (best > 0 && rule.specific) best += 0.5;
  return best;
}

const STAGE_VALUE = /^(?:ต้นน้ำ|กลางน้ำ|ปลายน้ำ|upstream|midstream|downstream)$/i;
const EMAIL_VALUE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// When no header matched a field, a column whose sample values are unmistakable can still be
// recognised: valid juristic IDs, value-chain stages, e-mail addresses.
function valueMatcher(field: FieldName): ((value: string) => boolean) | null {
  if (field === "juristicId") return (value) => describeJuristicId(value).ok;
  if (field === "stage") return (value) => STAGE_VALUE.test(value.trim());
  if (field === "contactEmail") return (value) => EMAIL_VALUE.test(value.trim());
  return null;
}

/**
 * Proposes a mapping from a file's headers to the fields of an import kind, by Thai and English
 * synonyms (e.g. "เลขทะเบียนนิติบุคคล" / "เลขประจำตัวผู้เสียภาษี" / "Juristic ID" → juristicId,
 * "ชื่อนิติบุคคล" / "Company name" → nameTh, "ทุนจดทะเบียน (บาท)" → capital, "อำเภอ" / "เขต" →
 * districtName). An exact match beats a header that merely contains a synonym; each header feeds at
 * most one field and each field one header, best scores first. Optional sample rows let a column
 * that no header names be recognised by its values (valid juristic IDs, ต้นน้ำ/กลางน้ำ/ปลายน้ำ,
 * e-mails). The user confirms or edits the result; the server stores it per source.
 */
export function suggestMapping<K extends ImportKind>(
  kind: K,
  headers: ReadonlyArray<string>,
  sampleRows?: ReadonlyArray<ReadonlyArray<string>>,
): ColumnMapping<K>;
export function suggestMapping(
  kind: ImportKind,
  headers: ReadonlyArray<string>,
  sampleRows: ReadonlyArray<ReadonlyArray<string>> = [],
): ColumnMapping {
  const rules = rulesOf(kind);
  const candidates: Candidate[] = [];
  const keys = headers.map(headerKey);
  for (const field of fieldsOf(kind)) {
    const rule = rules[field];
    if (!rule) continue;
    headers.forEach((header, i) => {
      const score = scoreHeader(rule, keys[i] ?? "");
      if (score > 0) candidates.push({ field, header, score });
    });
  }
  // Stable sort: on equal scores the field listed first and the leftmost column win.
  candidates.sort((a, b) => b.score - a.score);
  const mapping: Partial<Record<FieldName, string>> = {};
  const usedHeaders = new Set<string>();
  for (const { field, header } of candidates) {
    if (mapping[field] !== undefined || usedHeaders.has(header)) continue;
    mapping[field] = header;
    usedHeaders.add(header);
  }
  if (sampleRows.length > 0) {
    for (const field of fieldsOf(kind)) {
      const matches = valueMatcher(field);
      if (!matches || mapping[field] !== undefined) continue;
      const column = headers.findIndex((header, i) => {
        if (usedHeaders.has(header)) return false;
        const values = sampleRows.map((row) => row[i] ?? "").filter((value) => value !== "");
        return values.length > 0 && values.filter(matches).length / values.length >= 0.8;
      });
      const header = headers[column];
      if (header !== undefined) {
        mapping[field] = header;
        usedHeaders.add(header);
      }
    }
  }
  return mapping;
}

/** A problem with a mapping as a whole, before any row is read. */
export type MappingProblem =
  | { readonly code: "unknown_field"; readonly field: string }
  | { readonly code: "missing_header"; readonly field: string; readonly header: string }
  | { readonly code: "duplicate_header"; readonly field: string; readonly header: string }
  | { readonly code: "required"; readonly fields: ReadonlyArray<string> };

// Each inner list is "at least one of these".
const requiredFields: Record<ImportKind, ReadonlyArray<ReadonlyArray<FieldName>>> = {
  enterprises: [
    ["juristicId", "ceRegistrationNo"],
    ["nameTh", "nameEn"],
  ],
  memberships: [["juristicId"], ["clusterCode"], ["stage"]],
  linkages: [["fromJuristicId"], ["toJuristicId"], ["kind"]],
  // The period and figures depend on the layout (a wide file has a column per period): the server checks them.
  indicator_values: [["indicatorCode"], ["orgUnitCode", "orgUnitName"]],
  providers: [["code"], ["nameTh", "nameEn"], ["providerKind"]],
  experts: [["displayName"], ["providerCode"]],
};

function isFieldOf(kind: ImportKind, field: string): field is FieldName {
  return fieldsOf(kind).some((known) => known === field);
}

/**
 * Reads a mapping saved as JSON (or sent by a client) back into a ColumnMapping of the kind,
 * keeping only known fields with string headers; null when the value is not an object.
 */
export function parseColumnMapping<K extends ImportKind>(kind: K, value: unknown): ColumnMapping<K> | null;
export function parseColumnMapping(kind: ImportKind, value: unknown): ColumnMapping | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const mapping: Partial<Record<FieldName, string>> = {};
  for (const [field, header] of Object.entries(value)) {
    if (isFieldOf(kind, field) && typeof header === "string" && header !== "") mapping[field] = header;
  }
  return mapping;
}

/** What the import is told besides the mapping. */
export type MappingContext = {
  /** The cluster for every row is given (the wizard's choice, the CLI's --cluster): no cluster column is needed. */
  readonly clusterGiven?: boolean;
};

/**
 * Checks a mapping against a file's headers before import: every mapped header must exist in the
 * file (a saved mapping may predate a renamed column), no header may feed two fields, fields must
 * be known, and the required fields must be mapped — enterprises: a juristic ID or
 * community-enterprise number and a Thai or English name; memberships: juristic ID, cluster code
 * (unless the cluster is given for all rows) and stage; linkages: both parties and the kind. An
 * empty list means the mapping is usable.
 */
export function checkMapping(
  kind: ImportKind,
  mapping: Readonly<Record<string, string | undefined>>,
  headers: ReadonlyArray<string>,
  context: MappingContext = {},
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Map<string, string>();
  for (const [field, header] of Object.entries(mapping)) {
    if (header === undefined) continue;
    if (!isFieldOf(kind, field)) {
      problems.push({ code: "unknown_field", field });
      continue;
    }
    if (!headers.includes(header)) problems.push({ code: "missing_header", field, header });
    if (seen.has(header)) problems.push({ code: "duplicate_header", field, header });
    seen.set(header, field);
  }
  for (const anyOf of requiredFields[kind]) {
    if (context.clusterGiven && anyOf.includes("clusterCode")) continue;
    if (!anyOf.some((field) => mapping[field] !== undefined)) problems.push({ code: "required", fields: anyOf });
  }
  return problems;
}
