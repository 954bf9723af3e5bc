import type { LegalForm } from "@sainam/core";
import type { IssueCode, RowIssueParams } from "./row-issue.ts";
import {
  BUDDHIST_ERA_THRESHOLD,
  formatLegalForm,
  isIsoDate,
  legalForms,
  normalizeThai,
  parseAmount,
  parseThaiDate,
  toCommonEraYear,
  toIsoDate,
} from "@sainam/core";

// Readers for single cell values. Each returns the value, or a short English message saying what
// is wrong, which the row normalisers turn into a RowIssue naming the field.

/** A parsed cell: the value, or why the text is not one. */
export type CellResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly code: IssueCode; readonly params?: RowIssueParams };

function good<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

function bad<T>(message: string, code: IssueCode, params?: RowIssueParams): CellResult<T> {
  return params ? { ok: false, message, code, params } : { ok: false, message, code };
}

/** Placeholders spreadsheets use for "no value": they read as an empty cell. */
const NO_VALUE = /^(?:-+|–|—|n\/?a|null|none|ไม่มี|ไม่ระบุ|ไม่มีข้อมูล)$/i;

/** True when the cell is empty or a "no value" placeholder ("-", "N/A", "ไม่ระบุ"). */
export function isNoValue(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === "" || NO_VALUE.test(trimmed);
}

const thaiMonths: ReadonlyArray<ReadonlyArray<string>> = [
  ["มกราคม", "ม.ค.", "มค"],
  ["กุมภาพันธ์", "ก.พ.", "กพ"],
  ["มีนาคม", "มี.ค.", "มีค"],
  ["เมษายน", "เม.ย.", "เมย"],
  ["พฤษภาคม", "พ.ค.", "พค"],
  ["มิถุนายน", "มิ.ย.", "มิย"],
  ["กรกฎาคม", "ก.ค.", "กค"],
  ["สิงหาคม", "ส.ค.", "สค"],
  ["กันยายน", "ก.ย.", "กย"],
  ["ตุลาคม", "ต.ค.", "ตค"],
  ["พฤศจิกายน", "พ.ย.", "พย"],
  ["ธันวาคม", "ธ.ค.", "ธค"],
];
const englishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\s/g, "");
  const thai = thaiMonths.findIndex((names) =>
    names.some((candidate) => candidate === key || candidate.replace(/\./g, "") === key.replace(/\./g, "")),
  );
  if (thai >= 0) return thai + 1;
  const english = englishMonths.findIndex((prefix) => key.startsWith(prefix));
  return english >= 0 ? english + 1 : null;
}

function yearToCe(year: number): number {
  return year >= BUDDHIST_ERA_THRESHOLD ? toCommonEraYear(year) : year;
}

// Excel's 1900 date system: serial 25569 is 1970-01-01 (the 1900 leap-year bug is behind that offset).
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * Reads a date cell into an ISO C.E. date. Accepted: d/m/yyyy (also - or .) with a B.E. or C.E.
 * year, as core's parseThaiDate; ISO yyyy-mm-dd, also with a B.E. year or a time part (what XLSX
 * date cells become); "12 ม.ค. 2558", "12 มกราคม 2558", "12 Jan 2015"; and a bare Excel serial
 * number (10000-99999, i.e. 1927-2173) from a date column formatted as a number.
 */
export function readDate(text: string): CellResult<string> {
  const value = normalizeThai(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(value);
  if (iso) {
    const date = toIsoDate({ year: yearToCe(Number(iso[1])), month: Number(iso[2]), day: Number(iso[3]) });
    return isIsoDate(date) ? good(date) : bad(`not a real date: ${value}`, "invalid_date");
  }
  const named = /^(\d{1,2})\s*([^\d\s]+(?:\s?[^\d\s]+)*)\s*(\d{4})$/.exec(value);
  if (named) {
    const month = monthNumber(named[2] ?? "");
    if (month === null) return bad(`unknown month "${named[2] ?? ""}"`, "invalid_date");
    const date = toIsoDate({ year: yearToCe(Number(named[3])), month, day: Number(named[1]) });
    return isIsoDate(date) ? good(date) : bad(`not a real date: ${value}`, "invalid_date");
  }
  if (/^\d{5}(?:\.\d+)?$/.test(value)) {
    const serial = Math.floor(Number(value));
    if (serial >= 10000) {
      return good(new Date((serial - EXCEL_EPOCH_OFFSET) * MS_PER_DAY).toISOString().slice(0, 10));
    }
  }
  const thai = parseThaiDate(value);
  if (thai.ok) return good(thai.value);
  if (thai.reason === "not_a_date") return bad(`not a real date: ${value}`, "invalid_date");
  return bad(`not a date (expected d/m/yyyy in B.E. or C.E., or yyyy-mm-dd): ${value}`, "invalid_date");
}

/**
 * Reads an amount in baht: thousands separators, Thai digits, "บาท"/"฿", a trailing ".-" and
 * Excel's accounting negatives "(1,200)" as core's parseAmount does. Negative amounts are refused
 * where they make no sense (capital, revenue, value).
 */
export function readAmount(text: string, allowNegative = false): CellResult<number> {
  let value = normalizeThai(text);
  const accountingNegative = /^\((.*)\)$/.exec(value);
  if (accountingNegative) value = `-${accountingNegative[1] ?? ""}`;
  const parsed = parseAmount(value);
  if (!parsed.ok) return bad(`not an amount: ${text.trim()}`, "invalid_type", { expected: "number" });
  if (!allowNegative && parsed.value < 0)
    return bad(`must not be negative: ${text.trim()}`, "out_of_range", { min: 0 });
  return good(parsed.value);
}

/** Reads a head count such as "12", "1,200" or "12 คน"; it must be a whole number ≥ 0. */
export function readCount(text: string): CellResult<number> {
  const value = normalizeThai(text).replace(/\s*(?:คน|ราย|persons?|people|employees)$/i, "");
  const parsed = parseAmount(value);
  if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0)
    return bad(`not a whole number ≥ 0: ${text.trim()}`, "not_integer", { min: 0 });
  return good(parsed.value);
}

/**
 * Reads a TSIC code: 1-5 digits, kept exactly as written (no padding: a 4-digit "1104" is a class
 * and cannot be told from a 5-digit code that lost its leading zero without the TSIC list). A code
 * followed by its description ("47190 ขายปลีก…") gives the code.
 */
export function readTsicCode(text: string): CellResult<string> {
  const match = /^(\d{1,5})(?:\s*[-:.]?\s+\D.*)?$/s.exec(normalizeThai(text).replace(/^tsic\s*/i, ""));
  return match?.[1]
    ? good(match[1])
    : bad(`TSIC code must be 1-5 digits: ${text.trim()}`, "invalid_format", { format: "tsic" });
}

/** Reads a Thai postcode: 5 digits, the first 1-9. */
export function readPostcode(text: string): CellResult<string> {
  const value = normalizeThai(text).replace(/\s/g, "");
  return /^[1-9]\d{4}$/.test(value)
    ? good(value)
    : bad(`postcode must be 5 digits: ${text.trim()}`, "invalid_format", { format: "postcode" });
}

/**
 * Reads a phone number lightly: keeps the written form (normalised, Thai digits folded) when it
 * holds 9-10 digits for a Thai number (0x…) or 8-15 with an international "+" prefix; extensions
 * ("ต่อ 12", "ext. 12") and several numbers separated by "," or "/" are allowed.
 */
export function readPhone(text: string): CellResult<string> {
  const value = normalizeThai(text);
  const first = value.split(/[,/;]|\s+หรือ\s+|\s+or\s+/)[0] ?? "";
  const main = first.replace(/\s*(?:ต่อ|ext\.?|x)\s*\d+\s*$/i, "");
  const digits = main.replace(/[^\d]/g, "");
  const international = main.trim().startsWith("+");
  const plausible = international ? digits.length >= 8 && digits.length <= 15 : /^0\d{8,9}$/.test(digits);
  return plausible && /^[+\d\s().-]+$/.test(main.trim())
    ? good(value)
    : bad(`not a phone number: ${text.trim()}`, "invalid_format", { format: "phone" });
}

/** Reads an e-mail address lightly (something@domain.tld, no spaces), lower-casing the domain. */
export function readEmail(text: string): CellResult<string> {
  const value = normalizeThai(text).replace(/^mailto:/i, "");
  const match = /^([^\s@]+)@([^\s@]+\.[^\s@.]{2,})$/.exec(value);
  if (!match) return bad(`not an e-mail address: ${text.trim()}`, "invalid_format", { format: "email" });
  return good(`${match[1] ?? ""}@${(match[2] ?? "").toLowerCase()}`);
}

/**
 * Splits a products cell into product names on commas, semicolons, slashes, line breaks and a
 * spaced "และ" ("ผ้าไหม และผ้าฝ้าย"). A "และ" inside a word run is left alone, since Thai writes
 * names without spaces ("เครื่องจักรและอุปกรณ์" is one item in most lists). Duplicates are dropped.
 */
export function splitProducts(text: string): string[] {
  const parts = text
    .split(/[,;/\n、]|\s+และ\s*|\s*และ\s+/)
    .map((part) => normalizeThai(part))
    .filter((part) => part !== "" && !isNoValue(part));
  return [...new Set(parts)];
}

/** Value-chain stages of a cluster membership. */
export const stages = ["upstream", "midstream", "downstream"] as const;
/** upstream (ต้นน้ำ), midstream (กลางน้ำ) or downstream (ปลายน้ำ). */
export type Stage = (typeof stages)[number];

const stageWords: Record<Stage, ReadonlyArray<string>> = {
  upstream: ["upstream", "up", "ต้นน้ำ", "ต้น"],
  midstream: ["midstream", "mid", "middle", "กลางน้ำ", "กลาง"],
  downstream: ["downstream", "down", "ปลายน้ำ", "ปลาย"],
};

/** Reads a value-chain stage in English or Thai: upstream/ต้นน้ำ, midstream/กลางน้ำ, downstream/ปลายน้ำ. */
export function readStage(text: string): CellResult<Stage> {
  const key = normalizeThai(text)
    .toLowerCase()
    .replace(/[\s_-]/g, "");
  for (const stage of stages) if (stageWords[stage].includes(key)) return good(stage);
  return bad(`stage must be upstream/ต้นน้ำ, midstream/กลางน้ำ or downstream/ปลายน้ำ: ${text.trim()}`, "invalid_choice");
}

/** The directed kinds of linkage between two parties of a cluster. */
export const linkageKinds = [
  "supplies",
  "buys_from",
  "subcontracts",
  "collaborates",
  "advises",
  "finances",
  "trains",
] as const;
/** One of the seven linkage kinds. */
export type LinkageKind = (typeof linkageKinds)[number];

const linkageWords: Record<LinkageKind, ReadonlyArray<string>> = {
  supplies: [
    "supplies",
    "supply",
    "supplier",
    "sellsto",
    "sells",
    "จัดหาวัตถุดิบให้",
    "จัดหาวัตถุดิบ",
    "ขายให้",
    "ขายวัตถุดิบให้",
    "ส่งวัตถุดิบให้",
    "จัดส่งให้",
  ],
  buys_from: ["buysfrom", "buys", "buy", "buyer", "purchases", "ซื้อจาก", "รับซื้อจาก", "ซื้อ"],
  subcontracts: ["subcontracts", "subcontract", "subcontractor", "รับจ้างผลิต", "จ้างผลิต", "รับช่วงผลิต"],
  collaborates: ["collaborates", "collaborate", "collaboration", "partner", "ร่วมมือ", "ความร่วมมือ", "ร่วมมือกับ"],
  advises: ["advises", "advise", "advice", "consults", "ให้คำปรึกษา", "ที่ปรึกษา", "ให้คำแนะนำ"],
  finances: ["finances", "finance", "funds", "lends", "ให้สินเชื่อ", "สนับสนุนเงินทุน", "ให้เงินทุน", "สินเชื่อ"],
  trains: ["trains", "train", "training", "ฝึกอบรม", "ให้การฝึกอบรม", "อบรม"],
};

/** Reads a linkage kind from its English code or words, or its Thai wording (ขายให้, ซื้อจาก, รับจ้างผลิต…). */
export function readLinkageKind(text: string): CellResult<LinkageKind> {
  const key = normalizeThai(text)
    .toLowerCase()
    .replace(/[\s_-]/g, "");
  for (const kind of linkageKinds) if (linkageWords[kind].includes(key)) return good(kind);
  return bad(
    `unknown linkage kind (expected one of ${linkageKinds.join(", ")} or its Thai wording): ${text.trim()}`,
    "invalid_choice",
  );
}

// Abbreviations DBD lists use that core's name rules do not read: "หจ." for ห้างหุ้นส่วนจำกัด, "หส."
// for ห้างหุ้นส่วนสามัญนิติบุคคล.
const legalFormWords: Record<Exclude<LegalForm, "unknown">, ReadonlyArray<string>> = {
  company_limited: ["บจ", "บจก", "บริษัท", "บริษัทจำกัด", "co ltd", "company", "ltd"],
  public_company_limited: ["บมจ", "บริษัทมหาชน", "บริษัทมหาชนจำกัด", "pcl", "plc", "public company"],
  limited_partnership: ["หจ", "หจก", "ห้างหุ้นส่วนจำกัด", "limited partnership", "ltd part"],
  registered_ordinary_partnership: [
    "หส",
    "หสน",
    "ห้างหุ้นส่วนสามัญ",
    "ห้างหุ้นส่วนสามัญนิติบุคคล",
    "registered ordinary partnership",
    "ordinary partnership",
  ],
  community_enterprise: ["วสช", "วิสาหกิจชุมชน", "กลุ่มวิสาหกิจชุมชน", "community enterprise"],
  cooperative: ["สหกรณ์", "cooperative", "co-operative", "coop"],
};

function legalFormKey(text: string): string {
  return normalizeThai(text)
    .toLowerCase()
    .replace(/[.,()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Reads a legal-form column: the code ("company_limited"), its Thai or English label, or an abbreviation (บจ., หจ., บมจ.…). */
export function readLegalForm(text: string): CellResult<LegalForm> {
  const key = legalFormKey(text);
  for (const form of legalForms) {
    if (
      form === key ||
      legalFormKey(formatLegalForm(form, "th")) === key ||
      legalFormKey(formatLegalForm(form, "en")) === key
    )
      return good(form);
  }
  for (const form of legalForms) {
    if (form === "unknown") continue;
    if (legalFormWords[form].some((word) => legalFormKey(word) === key)) return good(form);
  }
  return bad(`unknown legal form: ${text.trim()}`, "invalid_choice");
}

/** The legal form a name's DBD abbreviation gives when core's rules do not know it ("หจ.ชัวร์กู๊ด"). */
export function legalFormFromAbbreviation(name: string): LegalForm | null {
  const match = /^(หจ|หส)\.\s*\S/.exec(normalizeThai(name));
  if (!match) return null;
  return match[1] === "หจ" ? "limited_partnership" : "registered_ordinary_partnership";
}

// The fourth digit of a DBD juristic ID is the kind of registration: 2 registered ordinary
// partnership, 3 limited partnership, 5 company limited, 7 public company limited (e.g.
// 0-10-5-558-00494-0: Bangkok office, company, B.E. 2558, running number, check digit).
const formByIdDigit: Readonly<Record<string, LegalForm>> = {
  "2": "registered_ordinary_partnership",
  "3": "limited_partnership",
  "5": "company_limited",
  "7": "public_company_limited",
};

/**
 * The legal form encoded in a 13-digit juristic ID registered by DBD, or null. IDs of office "99"
 * (tax numbers of agencies, foundations, associations) follow another scheme and give null.
 */
export function legalFormFromJuristicId(juristicId: string): LegalForm | null {
  if (!/^0\d{12}$/.test(juristicId) || juristicId.slice(1, 3) === "99") return null;
  return formByIdDigit[juristicId[3] ?? ""] ?? null;
}
