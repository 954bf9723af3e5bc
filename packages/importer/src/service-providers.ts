import {
  isValidCapacity,
  MAX_EXPERT_CAPACITY,
  normalizeThai,
  type ExpertField,
  type ExpertImportField,
  type ProviderField,
  type ProviderKind,
} from "@sainam/core";
import { isNoValue, readEmail, readPhone, type CellResult } from "./cell-values.ts";
import type { RowIssue } from "./row-issue.ts";
import { foldCell } from "./table-layout.ts";
import { corruptTextIssue, type RowCells } from "./text-integrity.ts";

// Service providers and their experts from spreadsheets (issue 13): the words people write for a provider's kind,
// the fields of advice and the provinces or regions served, in Thai and English, read into codes. The server then
// resolves what needs the database (provider and agency codes, the importer's rights) and writes a file whole or
// not at all.

export { providerFields, expertImportFields } from "@sainam/core";
export type { ProviderField, ExpertImportField } from "@sainam/core";

type Rule = { synonyms: string[]; specific?: boolean; exclude?: string[] };

/** Header spellings of each provider field, Thai and English (matched after the mapping module's normalisation). */
export const providerSynonyms: Record<ProviderField, Rule> = {
  code: { synonyms: ["รหัสหน่วยบริการ", "รหัสศูนย์", "รหัส", "code", "provider code", "centre code", "center code"] },
  nameTh: {
    synonyms: ["ชื่อหน่วยบริการ", "ชื่อศูนย์", "ชื่อภาษาไทย", "ชื่อ", "ชื่อไทย", "name", "name th", "thai name", "provider name"],
    exclude: ["อังกฤษ", "english", "ผู้ติดต่อ", "contact", "แม่", "parent", "หน่วยงาน", "agency"],
  },
  nameEn: {
    synonyms: ["ชื่อภาษาอังกฤษ", "ชื่ออังกฤษ", "english name", "name en", "name english"],
    specific: true,
  },
  providerKind: {
    synonyms: ["ประเภทหน่วยบริการ", "ประเภทศูนย์", "ประเภท", "kind", "type", "provider type"],
    specific: true,
  },
  parentCode: {
    synonyms: ["รหัสศูนย์แม่", "ศูนย์แม่", "สังกัดศูนย์", "ภายใต้ศูนย์", "parent code", "parent", "centre", "parent centre"],
    specific: true,
  },
  agency: { synonyms: ["หน่วยงาน", "หน่วยงานที่ดูแล", "หน่วยงานต้นสังกัด", "agency", "agency code"], specific: true },
  provinces: {
    synonyms: ["จังหวัดที่ให้บริการ", "พื้นที่ให้บริการ", "จังหวัด", "พื้นที่", "provinces", "provinces served", "area served"],
    specific: true,
  },
  services: {
    synonyms: ["บริการ", "ด้านที่ให้บริการ", "สาขาบริการ", "ความเชี่ยวชาญ", "services", "service fields", "fields"],
    specific: true,
  },
  contactName: { synonyms: ["ผู้ติดต่อ", "ชื่อผู้ติดต่อ", "ผู้ประสานงาน", "contact name", "contact person"], specific: true },
  contactPhone: {
    synonyms: ["โทรศัพท์", "เบอร์โทร", "เบอร์โทรศัพท์", "โทร", "phone", "telephone", "tel"],
    exclude: ["โทรสาร", "fax"],
    specific: true,
  },
  contactEmail: { synonyms: ["อีเมล", "อีเมล์", "email", "e-mail"], specific: true },
  website: { synonyms: ["เว็บไซต์", "เว็บ", "website", "web", "url"], specific: true },
};

/** Header spellings of each expert field. */
export const expertSynonyms: Record<ExpertImportField, Rule> = {
  displayName: {
    synonyms: ["ชื่อผู้เชี่ยวชาญ", "ชื่อที่ปรึกษา", "ชื่อ-นามสกุล", "ชื่อ นามสกุล", "ชื่อ", "name", "expert name", "full name"],
    exclude: ["หน่วย", "ศูนย์", "provider", "centre", "center"],
  },
  providerCode: {
    synonyms: ["รหัสหน่วยบริการ", "รหัสศูนย์", "หน่วยบริการ", "ศูนย์", "สังกัด", "provider code", "provider", "centre"],
    specific: true,
  },
  fields: {
    synonyms: ["ความเชี่ยวชาญ", "ด้านความเชี่ยวชาญ", "สาขาความเชี่ยวชาญ", "ด้าน", "fields", "expertise", "field"],
    specific: true,
  },
  areas: {
    synonyms: ["พื้นที่ให้บริการ", "จังหวัดที่ให้บริการ", "พื้นที่", "จังหวัด", "ภาค", "areas", "provinces", "regions", "area"],
    specific: true,
  },
  capacity: {
    synonyms: ["จำนวนเรื่องที่รับได้", "รับได้", "ขีดความสามารถ", "จำนวนงานสูงสุด", "capacity", "max cases", "open cases"],
    specific: true,
  },
  available: { synonyms: ["พร้อมให้บริการ", "สถานะ", "ว่าง", "available", "availability", "status"], specific: true },
  contactEmail: providerSynonyms.contactEmail,
  contactPhone: providerSynonyms.contactPhone,
};

/** Lower-case, normalised Thai, no spaces or punctuation: how words in cells are compared. */
function wordKey(text: string): string {
  return normalizeThai(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}ฯ]/gu, "");
}

function wordTable<V extends string>(entries: Record<V, readonly string[]>): Map<string, V> {
  const out = new Map<string, V>();
  for (const [value, words] of Object.entries(entries) as [V, readonly string[]][]) {
    out.set(wordKey(value), value);
    for (const w of words) out.set(wordKey(w), value);
  }
  return out;
}

// A branch's words come before the centre's: "ศูนย์ ITC สาขาเชียงใหม่" is a branch (checked by "สาขา" below).
const kindWords = wordTable<ProviderKind>({
  itc_centre: ["ศูนย์ ITC", "ITC", "ศูนย์ปฏิรูปอุตสาหกรรมสู่อนาคต", "ITC centre", "ITC center", "ศูนย์ไอทีซี"],
  itc_branch: ["ITC สาขา", "สาขา ITC", "ศูนย์ ITC สาขา", "สาขา", "สาขาศูนย์ ITC", "ITC branch", "branch"],
  design_centre: ["ศูนย์ออกแบบ", "ศูนย์ออกแบบอุตสาหกรรม", "TIDC", "design centre", "design center"],
  rescue_centre: [
    "ศูนย์ช่วยเหลือ",
    "ศูนย์ช่วยเหลือ SME",
    "ศูนย์สนับสนุนและช่วยเหลือเอสเอ็มอี",
    "ศูนย์สนับสนุนและช่วยเหลือ SME",
    "SME Rescue Center",
    "rescue centre",
    "rescue center",
  ],
  sme_centre: ["ศูนย์ SME", "ศูนย์ส่งเสริม SME", "ศูนย์เอสเอ็มอี", "SME centre", "SME center"],
  university: ["มหาวิทยาลัย", "สถาบันการศึกษา", "สถาบันอุดมศึกษา", "university"],
  private_bds: ["BDS", "BDS เอกชน", "ที่ปรึกษาเอกชน", "บริษัทที่ปรึกษา", "เอกชน", "private", "private BDS"],
  other: ["อื่น", "อื่นๆ", "อื่น ๆ", "other"],
});

/** Reads a provider's kind from a code or a Thai or English word ("ศูนย์ ITC", "สาขา ITC เชียงใหม่", "TIDC"). */
export function readProviderKind(text: string): CellResult<ProviderKind> {
  const key = wordKey(text);
  const exact = kindWords.get(key);
  if (exact) return { ok: true, value: exact };
  // A kind followed by a place ("ITC สาขาขอนแก่น", "มหาวิทยาลัยเชียงใหม่"): the longest known word it starts with.
  let best: { kind: ProviderKind; length: number } | null = null;
  for (const [word, kind] of kindWords) {
    if (word.length >= 3 && key.startsWith(word) && (best === null || word.length > best.length))
      best = { kind, length: word.length };
  }
  if (best && key.includes(wordKey("สาขา")) && best.kind === "itc_centre") return { ok: true, value: "itc_branch" };
  if (best) return { ok: true, value: best.kind };
  return { ok: false, message: `not a provider kind: ${text.trim()}`, code: "invalid_choice" };
}

const fieldWords = wordTable<ExpertField>({
  marketing: ["การตลาด", "ตลาด", "marketing"],
  logistics: ["โลจิสติกส์", "ลอจิสติกส์", "โลจิสติก", "การขนส่ง", "logistics"],
  business_law: ["กฎหมายธุรกิจ", "กฎหมาย", "ด้านกฎหมาย", "business law", "law", "legal"],
  finance: ["การเงิน", "การเข้าถึงแหล่งเงินทุน", "แหล่งเงินทุน", "สินเชื่อ", "บัญชีและการเงิน", "finance", "access to finance"],
  packaging_design: ["ออกแบบบรรจุภัณฑ์", "การออกแบบบรรจุภัณฑ์", "บรรจุภัณฑ์", "packaging", "packaging design"],
  cost_reduction: ["ลดต้นทุน", "การลดต้นทุน", "ลดต้นทุนการผลิต", "cost reduction", "cost"],
  technology: ["เทคโนโลยี", "เทคโนโลยีการผลิต", "ระบบอัตโนมัติ", "technology", "tech"],
  standards: ["มาตรฐาน", "มาตรฐานสินค้า", "มาตรฐานผลิตภัณฑ์", "การรับรองมาตรฐาน", "standards", "standard", "certification"],
  product_development: [
    "พัฒนาผลิตภัณฑ์",
    "การพัฒนาผลิตภัณฑ์",
    "ผลิตภัณฑ์มูลค่าเพิ่ม",
    "สินค้ามูลค่าเพิ่ม",
    "product development",
    "value-added products",
  ],
  digital_commerce: [
    "การค้าออนไลน์",
    "ตลาดออนไลน์",
    "อีคอมเมิร์ซ",
    "พาณิชย์อิเล็กทรอนิกส์",
    "e-commerce",
    "ecommerce",
    "digital commerce",
    "online",
  ],
});

/**
 * A list cell split into its items: commas, semicolons, slashes, "|", line breaks and a spaced "และ"/"and". Each
 * item is tried whole ("Chiang Mai", "ลดต้นทุน การผลิต") before its space-separated words, by the caller.
 */
export function splitList(text: string): string[] {
  return text
    .split(/[,;/|\n、]|\s+และ\s+|\s+and\s+/i)
    .map((part) => normalizeThai(part))
    .filter((part) => part !== "" && !isNoValue(part));
}

/**
 * Reads a list cell into values: each item by `find`, or (when it is not found whole) each of its space-separated
 * words. Unknown items come back in `unknown`, as written.
 */
function readList<V>(text: string, find: (item: string) => V[] | null): { values: V[]; unknown: string[] } {
  const values: V[] = [];
  const unknown: string[] = [];
  for (const item of splitList(text)) {
    const whole = find(item);
    if (whole) {
      values.push(...whole);
      continue;
    }
    const words = item.split(/\s+/).filter((w) => w !== "");
    const parts = words.map(find);
    if (words.length > 1 && parts.every((p) => p !== null)) values.push(...parts.flatMap((p) => p ?? []));
    else unknown.push(item);
  }
  return { values: [...new Set(values)], unknown };
}

/** Reads expert fields ("การตลาด, โลจิสติกส์", "Marketing / Business law"). */
export function readExpertFields(text: string): { values: ExpertField[]; unknown: string[] } {
  return readList(text, (item) => {
    const found = fieldWords.get(wordKey(item));
    return found ? [found] : null;
  });
}

const ALL_PROVINCES = new Set(
  [
    "ทั่วประเทศ",
    "ทุกจังหวัด",
    "ทั้งประเทศ",
    "77 จังหวัด",
    "ประเทศไทย",
    "all",
    "all provinces",
    "nationwide",
    "whole country",
  ].map(wordKey),
);

/** What the server knows of provinces and regions, to read area cells. */
export type AreaLookup = {
  /** The province code for a name in Thai or English ("จ.เชียงใหม่", "Chiang Mai", "กทม.") or a 2-digit code. */
  findProvince(name: string): string | null;
  /** Regions by code, with their names and provinces. */
  regions: ReadonlyArray<{ code: string; nameTh: string; nameEn: string; provinceCodes: readonly string[] }>;
  /** Every province code. */
  allProvinceCodes: readonly string[];
};

function findRegion(lookup: AreaLookup, item: string) {
  const key = wordKey(item);
  return lookup.regions.find(
    (r) =>
      wordKey(r.code) === key ||
      wordKey(r.nameTh) === key ||
      wordKey(r.nameEn) === key ||
      // "เหนือ" for "ภาคเหนือ", "North region"
      wordKey(r.nameTh.replace(/^ภาค/, "")) === key ||
      wordKey(`${r.nameEn} region`) === key,
  );
}

/** Reads the provinces a provider serves: names or codes, regions (their provinces), or "ทั่วประเทศ"/"all". */
export function readProvinces(text: string, lookup: AreaLookup): { values: string[]; unknown: string[] } {
  if (ALL_PROVINCES.has(wordKey(text))) return { values: [...lookup.allProvinceCodes], unknown: [] };
  return readList(text, (item) => {
    if (ALL_PROVINCES.has(wordKey(item))) return [...lookup.allProvinceCodes];
    const province = lookup.findProvince(item);
    if (province) return [province];
    const region = findRegion(lookup, item);
    return region ? [...region.provinceCodes] : null;
  });
}

/** An area an expert serves. */
export type ExpertArea = { type: "province" | "region"; code: string };

/** Reads the areas an expert serves: provinces and whole regions; "ทั่วประเทศ"/"all" is every region. */
export function readExpertAreas(text: string, lookup: AreaLookup): { values: ExpertArea[]; unknown: string[] } {
  const everyRegion = (): ExpertArea[] => lookup.regions.map((r) => ({ type: "region", code: r.code }));
  if (ALL_PROVINCES.has(wordKey(text))) return { values: everyRegion(), unknown: [] };
  const read = readList<string>(text, (item) => {
    if (ALL_PROVINCES.has(wordKey(item))) return everyRegion().map((a) => `region:${a.code}`);
    const province = lookup.findProvince(item);
    if (province) return [`province:${province}`];
    const region = findRegion(lookup, item);
    return region ? [`region:${region.code}`] : null;
  });
  return {
    values: read.values.map((v) => {
      const [type, code] = v.split(":");
      return { type: type === "region" ? "region" : "province", code: code ?? "" };
    }),
    unknown: read.unknown,
  };
}

const YES = new Set(
  ["1", "y", "yes", "true", "ใช่", "ว่าง", "พร้อม", "พร้อมให้บริการ", "รับงาน", "available", "active"].map(wordKey),
);
const NO = new Set(
  ["0", "n", "no", "false", "ไม่", "ไม่ใช่", "ไม่ว่าง", "ไม่พร้อม", "งดรับงาน", "ลา", "unavailable", "inactive"].map(wordKey),
);

/** Reads availability: yes/no words in Thai or English. */
export function readAvailable(text: string): CellResult<boolean> {
  const key = wordKey(text);
  if (YES.has(key)) return { ok: true, value: true };
  if (NO.has(key)) return { ok: true, value: false };
  return { ok: false, message: `not yes or no: ${text.trim()}`, code: "invalid_choice" };
}

/** Reads a capacity: a whole number of open cases, 1 to MAX_EXPERT_CAPACITY ("5", "5 เรื่อง"). */
export function readCapacity(text: string): CellResult<number> {
  const value = normalizeThai(text).replace(/\s*(?:เรื่อง|งาน|ราย|cases?)$/i, "");
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!isValidCapacity(n))
    return {
      ok: false,
      message: `capacity must be a whole number from 1 to ${MAX_EXPERT_CAPACITY}: ${text.trim()}`,
      code: Number.isInteger(n) ? "out_of_range" : "not_integer",
      params: { min: 1, max: MAX_EXPERT_CAPACITY },
    };
  return { ok: true, value: n };
}

/** A provider row as read from a file; codes still to be resolved by the server (parent, agency). */
export type ProviderRecord = {
  code: string;
  nameTh: string | null;
  nameEn: string | null;
  kind: ProviderKind;
  parentCode: string | null;
  agency: string | null;
  /** null: the column is not mapped or the cell is empty (a re-import leaves them as they are). */
  provinceCodes: string[] | null;
  services: ExpertField[] | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  website: string | null;
};

/** An expert row as read from a file; the provider code is resolved by the server. */
export type ExpertRecord = {
  displayName: string;
  providerCode: string;
  fields: ExpertField[] | null;
  areas: ExpertArea[] | null;
  capacity: number | null;
  available: boolean | null;
  contactEmail: string | null;
  contactPhone: string | null;
};

export type ServiceRowOutcome<T> = { ok: true; record: T } | { ok: false; issues: RowIssue[] };

type CellsOf<F extends string> = (field: F) => string | null;

function cellReader<F extends string>(
  cells: RowCells,
  headers: ReadonlyArray<string>,
  mapping: Partial<Record<F, string>>,
  issues: RowIssue[],
): CellsOf<F> {
  return (field) => {
    const header = mapping[field];
    if (header === undefined) return null;
    const index = headers.indexOf(header);
    const raw = index < 0 ? "" : (cells[index] ?? "");
    if (cells.corrupt?.includes(index)) {
      issues.push(corruptTextIssue(field, raw));
      return null;
    }
    const text = foldCell(raw);
    return isNoValue(text) ? null : text;
  };
}

const MAX_TEXT = 300;

function text<F extends string>(cell: CellsOf<F>, field: F, issues: RowIssue[]): string | null {
  const value = cell(field);
  if (value !== null && value.length > MAX_TEXT) {
    issues.push({
      field,
      message: `longer than ${MAX_TEXT} characters`,
      value,
      code: "too_long",
      params: { max: MAX_TEXT },
    });
    return null;
  }
  return value;
}

function parsed<T, F extends string>(
  cell: CellsOf<F>,
  field: F,
  read: (text: string) => CellResult<T>,
  issues: RowIssue[],
): T | null {
  const value = cell(field);
  if (value === null) return null;
  const result = read(value);
  if (result.ok) return result.value;
  issues.push({
    field,
    message: result.message,
    value,
    code: result.code,
    ...(result.params ? { params: result.params } : {}),
  });
  return null;
}

function unknownItems(field: string, what: string, unknown: string[], issues: RowIssue[]) {
  for (const item of unknown)
    issues.push({ field, message: `not a known ${what}: ${item}`, value: item, code: "not_found" });
}

/** Reads one provider row: the code, a name and the kind are required; lists are read into codes. */
export function normaliseProviderRow(
  cells: RowCells,
  headers: ReadonlyArray<string>,
  mapping: Partial<Record<ProviderField, string>>,
  lookup: AreaLookup,
): ServiceRowOutcome<ProviderRecord> {
  const issues: RowIssue[] = [];
  const cell = cellReader(cells, headers, mapping, issues);
  const code = text(cell, "code", issues)?.replace(/\s+/g, "").toUpperCase() ?? null;
  if (code === null) issues.push({ field: "code", message: "the provider's code is required", code: "required" });
  const nameTh = text(cell, "nameTh", issues);
  const nameEn = text(cell, "nameEn", issues);
  if (nameTh === null && nameEn === null)
    issues.push({
      field: mapping.nameTh ? "nameTh" : "nameEn",
      message: "a Thai or English name is required",
      code: "required",
    });
  const kind = parsed(cell, "providerKind", readProviderKind, issues);
  if (kind === null && cell("providerKind") === null)
    issues.push({ field: "providerKind", message: "the provider's kind is required", code: "required" });
  const provincesText = cell("provinces");
  let provinceCodes: string[] | null = null;
  if (provincesText !== null) {
    const read = readProvinces(provincesText, lookup);
    unknownItems("provinces", "province or region", read.unknown, issues);
    provinceCodes = read.values;
  }
  const servicesText = cell("services");
  let services: ExpertField[] | null = null;
  if (servicesText !== null) {
    const read = readExpertFields(servicesText);
    for (const item of read.unknown)
      issues.push({ field: "services", message: `not a known field: ${item}`, value: item, code: "invalid_choice" });
    services = read.values;
  }
  const record = {
    code: code ?? "",
    nameTh,
    nameEn,
    kind: kind ?? "other",
    parentCode: text(cell, "parentCode", issues)?.replace(/\s+/g, "").toUpperCase() ?? null,
    agency: text(cell, "agency", issues),
    provinceCodes,
    services,
    contactName: text(cell, "contactName", issues),
    contactPhone: parsed(cell, "contactPhone", readPhone, issues),
    contactEmail: parsed(cell, "contactEmail", readEmail, issues),
    website: text(cell, "website", issues),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, record };
}

/** Reads one expert row: the name and provider code are required; fields and areas are read into codes. */
export function normaliseExpertRow(
  cells: RowCells,
  headers: ReadonlyArray<string>,
  mapping: Partial<Record<ExpertImportField, string>>,
  lookup: AreaLookup,
): ServiceRowOutcome<ExpertRecord> {
  const issues: RowIssue[] = [];
  const cell = cellReader(cells, headers, mapping, issues);
  const displayName = text(cell, "displayName", issues);
  if (displayName === null)
    issues.push({ field: "displayName", message: "the expert's name is required", code: "required" });
  const providerCode = text(cell, "providerCode", issues)?.replace(/\s+/g, "").toUpperCase() ?? null;
  if (providerCode === null)
    issues.push({ field: "providerCode", message: "the provider's code is required", code: "required" });
  const fieldsText = cell("fields");
  let fields: ExpertField[] | null = null;
  if (fieldsText !== null) {
    const read = readExpertFields(fieldsText);
    for (const item of read.unknown)
      issues.push({ field: "fields", message: `not a known field: ${item}`, value: item, code: "invalid_choice" });
    fields = read.values;
  }
  const areasText = cell("areas");
  let areas: ExpertArea[] | null = null;
  if (areasText !== null) {
    const read = readExpertAreas(areasText, lookup);
    unknownItems("areas", "province or region", read.unknown, issues);
    areas = read.values;
  }
  const record: ExpertRecord = {
    displayName: displayName ?? "",
    providerCode: providerCode ?? "",
    fields,
    areas,
    capacity: parsed(cell, "capacity", readCapacity, issues),
    available: parsed(cell, "available", readAvailable, issues),
    contactEmail: parsed(cell, "contactEmail", readEmail, issues),
    contactPhone: parsed(cell, "contactPhone", readPhone, issues),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, record };
}
