import { isOrgUnitType, normalizeThai, parseAmount, parsePeriodText, periodKey, type OrgUnitType } from "@sainam/core";
import { isNoValue } from "./cell-values.ts";
import { foldCell } from "./table-layout.ts";
import type { RowIssue } from "./row-issue.ts";
import type { RowCells } from "./text-integrity.ts";
import { corruptTextIssue } from "./text-integrity.ts";

// Indicator values from spreadsheets, in two layouts. Long: one row per value, with the indicator code,
// org unit, period, breakdown and figures in columns. Wide: one row per indicator × org unit (× breakdown)
// with one column per period ("2562", "FY2021", "ปีงบประมาณ 2564"). The server resolves codes against
// the database; this module only reads cells.

export const valueLayouts = ["long", "wide"] as const;
/** How a values file is laid out. */
export type ValueLayout = (typeof valueLayouts)[number];

/** The fields of an indicator-values file. */
export const indicatorValueFields = [
  "indicatorCode",
  "orgUnitType",
  "orgUnitCode",
  "orgUnitName",
  "period",
  "sizeClass",
  "ownerSex",
  "stage",
  "value",
  "numerator",
  "denominator",
  "weight",
  "source",
  "note",
  "evidenceUrl",
] as const;
/** A field of an indicator-values import. */
export type IndicatorValueField = (typeof indicatorValueFields)[number];

/** Header spellings of each field, Thai and English (matched after the mapping module's normalisation). */
export const indicatorValueSynonyms: Record<
  IndicatorValueField,
  { synonyms: string[]; specific?: boolean; exclude?: string[] }
> = {
  indicatorCode: { synonyms: ["รหัสตัวชี้วัด", "ตัวชี้วัด", "indicator code", "indicator", "kpi code", "kpi"], specific: true },
  orgUnitType: { synonyms: ["ระดับ", "ประเภทหน่วย", "ระดับพื้นที่", "org unit type", "unit type", "level"], specific: true },
  orgUnitCode: {
    synonyms: ["รหัสพื้นที่", "รหัสหน่วย", "รหัสจังหวัด", "org unit code", "unit code", "area code", "province code"],
    specific: true,
  },
  orgUnitName: {
    synonyms: ["พื้นที่", "จังหวัด", "กลุ่มจังหวัด", "ภาค", "province", "region", "provincial cluster", "area", "org unit"],
    exclude: ["รหัส", "code"],
  },
  period: { synonyms: ["ปีงบประมาณ", "ปีงบ", "ปี", "ช่วงเวลา", "งวด", "period", "fiscal year", "year"], specific: true },
  sizeClass: { synonyms: ["ขนาดกิจการ", "ขนาดวิสาหกิจ", "ขนาด", "size class", "size", "enterprise size"], specific: true },
  ownerSex: {
    synonyms: ["เพศเจ้าของ", "เพศผู้ประกอบการ", "เพศ", "owner sex", "sex of owner", "sex", "gender"],
    specific: true,
  },
  stage: { synonyms: ["ห่วงโซ่คุณค่า", "ต้นน้ำ/กลางน้ำ/ปลายน้ำ", "ขั้น", "stage", "value chain stage"], specific: true },
  value: { synonyms: ["ค่า", "ผลการดำเนินงาน", "ผลงาน", "ค่าที่วัดได้", "value", "actual", "result"] },
  numerator: { synonyms: ["ตัวตั้ง", "เศษ", "numerator"], specific: true },
  denominator: { synonyms: ["ตัวหาร", "ส่วน", "denominator"], specific: true },
  weight: { synonyms: ["น้ำหนัก", "ถ่วงน้ำหนัก", "weight"], specific: true },
  source: { synonyms: ["แหล่งข้อมูล", "ที่มา", "source", "data source"], specific: true },
  note: { synonyms: ["หมายเหตุ", "note", "notes", "remark", "remarks"], specific: true },
  evidenceUrl: {
    synonyms: ["หลักฐาน", "ลิงก์หลักฐาน", "evidence", "evidence url", "evidence link", "link", "url"],
    specific: true,
  },
};

/** A column of a wide file that holds one period's values. */
export type PeriodColumn = { readonly header: string; readonly index: number; readonly periodKey: string };

/**
 * The columns of a wide file whose headers name a period ("2562", "2563", "FY2021", "ปีงบประมาณ 2564",
 * "Q1 2564"); a bare year is a fiscal year (Thai government figures are), B.E. when ≥ 2400.
 */
export function periodColumns(headers: ReadonlyArray<string>, skip: ReadonlySet<string> = new Set()): PeriodColumn[] {
  const columns: PeriodColumn[] = [];
  headers.forEach((header, index) => {
    if (skip.has(header)) return;
    const period = parsePeriodText(header);
    if (period) columns.push({ header, index, periodKey: periodKey(period) });
  });
  return columns;
}

/** One value read from a file, before the server resolves the indicator and org unit. */
export type IndicatorValueRecord = {
  readonly indicatorCode: string;
  readonly orgUnit:
    | { readonly type: OrgUnitType; readonly code: string }
    | { readonly name: string; readonly type: OrgUnitType | null };
  readonly periodKey: string;
  readonly breakdown: Readonly<Record<string, string>>;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly weight: number | null;
  readonly source: string | null;
  readonly note: string | null;
  readonly evidenceUrl: string | null;
  /** Which field a problem with this record's figures belongs to (a wide file: the period's column). */
  readonly valueColumn: string;
};

export type ValueRowOutcome =
  { readonly ok: true; readonly records: IndicatorValueRecord[] } | { readonly ok: false; readonly issues: RowIssue[] };

const optionNames: Record<string, Record<string, string[]>> = {
  size_class: {
    micro: ["micro", "รายย่อย", "วิสาหกิจรายย่อย", "ขนาดรายย่อย"],
    small: ["small", "ย่อม", "ขนาดย่อม", "วิสาหกิจขนาดย่อม", "เล็ก", "ขนาดเล็ก"],
    medium: ["medium", "กลาง", "ขนาดกลาง", "วิสาหกิจขนาดกลาง"],
    large: ["large", "ใหญ่", "ขนาดใหญ่", "วิสาหกิจขนาดใหญ่"],
  },
  owner_sex: {
    female: ["female", "f", "woman", "women", "หญิง", "เพศหญิง", "ญ"],
    male: ["male", "m", "man", "men", "ชาย", "เพศชาย", "ช"],
    unknown: ["unknown", "ไม่ระบุ", "ไม่ทราบ", "other"],
  },
  stage: {
    upstream: ["upstream", "ต้นน้ำ"],
    midstream: ["midstream", "กลางน้ำ"],
    downstream: ["downstream", "ปลายน้ำ"],
  },
};

const orgUnitTypeNames: Record<string, OrgUnitType> = {
  ประเทศ: "nation",
  ภาค: "region",
  กลุ่มจังหวัด: "provincial_cluster",
  จังหวัด: "province",
  คลัสเตอร์: "cluster",
  โครงการ: "programme",
  country: "nation",
  "provincial cluster": "provincial_cluster",
};

function fold(text: string): string {
  return normalizeThai(text).toLowerCase().replace(/\s+/g, " ").trim();
}

/** Reads a disaggregation option written in Thai or English ("ขนาดย่อม", "Small", "หญิง"). */
export function readOption(dimension: string, text: string): string | null {
  const key = fold(text);
  for (const [option, names] of Object.entries(optionNames[dimension] ?? {}))
    if (names.some((n) => fold(n) === key)) return option;
  return null;
}

/** Reads an org-unit type written as its code or in Thai or English ("จังหวัด", "Province", "provincial_cluster"). */
export function readOrgUnitType(text: string): OrgUnitType | null {
  const key = fold(text).replace(/-/g, "_");
  if (isOrgUnitType(key)) return key;
  return orgUnitTypeNames[key] ?? orgUnitTypeNames[key.replace(/_/g, " ")] ?? null;
}

function readNumber(text: string, field: string, issues: RowIssue[]): number | null {
  if (isNoValue(text)) return null;
  const parsed = parseAmount(text.replace(/%$/, "").trim());
  if (!parsed.ok) {
    issues.push({
      field,
      message: "is not a number",
      value: text,
      code: "invalid_type",
      params: { expected: "number" },
    });
    return null;
  }
  return parsed.value;
}

function cell(cells: ReadonlyArray<string>, headers: ReadonlyArray<string>, header: string | undefined): string {
  if (header === undefined) return "";
  const index = headers.indexOf(header);
  return index >= 0 ? foldCell(cells[index] ?? "") : "";
}

type Mapping = Partial<Record<IndicatorValueField, string>>;

/**
 * Reads one row of a values file into records. Long: one record (none when the row has no figure). Wide:
 * one record per period column with a figure (`periods`; empty cells are no value). Problems name the field
 * (or the period column) and the cell text; the row then yields no record.
 */
export function normaliseIndicatorValueRow(
  cells: RowCells,
  headers: ReadonlyArray<string>,
  mapping: Mapping,
  layout: ValueLayout,
  periods: ReadonlyArray<PeriodColumn> = [],
): ValueRowOutcome {
  const issues: RowIssue[] = [];
  // A cell the reader could not decode (cells.corrupt) fails the row rather than store damaged text.
  if (cells.corrupt) {
    for (const [field, header] of Object.entries(mapping)) {
      const index = header === undefined ? -1 : headers.indexOf(header);
      if (index >= 0 && cells.corrupt.includes(index)) issues.push(corruptTextIssue(field, cells[index] ?? ""));
    }
    for (const column of periods)
      if (cells.corrupt.includes(column.index)) issues.push(corruptTextIssue(column.header, cells[column.index] ?? ""));
    if (issues.length > 0) return { ok: false, issues };
  }
  const get = (field: IndicatorValueField) => cell(cells, headers, mapping[field]);
  const indicatorCode = get("indicatorCode");
  if (indicatorCode === "") issues.push({ field: "indicatorCode", message: "is empty", code: "required" });
  const typeText = get("orgUnitType");
  const type = typeText === "" ? null : readOrgUnitType(typeText);
  if (typeText !== "" && type === null)
    issues.push({
      field: "orgUnitType",
      message: "is not an org-unit type (nation, region, provincial cluster, province, cluster, programme)",
      value: typeText,
      code: "invalid_choice",
    });
  const code = get("orgUnitCode");
  const name = get("orgUnitName");
  let orgUnit: IndicatorValueRecord["orgUnit"] | null = null;
  if (code !== "") orgUnit = { type: type ?? "province", code: normalizeThai(code) };
  else if (name !== "") orgUnit = { name, type };
  else if (type === "nation") orgUnit = { type: "nation", code: "TH" };
  else
    issues.push({ field: mapping.orgUnitName ? "orgUnitName" : "orgUnitCode", message: "is empty", code: "required" });
  const breakdown: Record<string, string> = {};
  for (const [field, dimension] of [
    ["sizeClass", "size_class"],
    ["ownerSex", "owner_sex"],
    ["stage", "stage"],
  ] as const) {
    const text = get(field);
    if (isNoValue(text) || /^(?:รวม|ทั้งหมด|total|all)$/i.test(text)) continue;
    const option = readOption(dimension, text);
    if (option === null) issues.push({ field, message: "is not a known option", value: text, code: "invalid_choice" });
    else breakdown[dimension] = option;
  }
  const source = get("source") || null;
  const note = get("note") || null;
  const evidenceUrl = get("evidenceUrl") || null;
  const numerator = readNumber(get("numerator"), "numerator", issues);
  const denominator = readNumber(get("denominator"), "denominator", issues);
  const weight = readNumber(get("weight"), "weight", issues);
  const figures: Array<{ periodKey: string; value: number | null; column: string }> = [];
  if (layout === "long") {
    const periodText = get("period");
    const period = periodText === "" ? null : parsePeriodText(periodText);
    if (period === null)
      issues.push({
        field: "period",
        message: periodText === "" ? "is empty" : "is not a period (2564, ปีงบประมาณ 2564, FY2021, Q1 2564)",
        value: periodText,
        code: periodText === "" ? "required" : "invalid_format",
        ...(periodText === "" ? {} : { params: { format: "period" } }),
      });
    const value = readNumber(get("value"), "value", issues);
    if (period && (value !== null || numerator !== null || denominator !== null))
      figures.push({ periodKey: periodKey(period), value, column: "value" });
  } else {
    for (const column of periods) {
      const value = readNumber(foldCell(cells[column.index] ?? ""), column.header, issues);
      if (value !== null) figures.push({ periodKey: column.periodKey, value, column: column.header });
    }
  }
  if (issues.length > 0 || orgUnit === null) return { ok: false, issues };
  return {
    ok: true,
    records: figures.map((f) => ({
      indicatorCode,
      orgUnit: orgUnit,
      periodKey: f.periodKey,
      breakdown,
      value: f.value,
      numerator,
      denominator,
      weight,
      source,
      note,
      evidenceUrl,
      valueColumn: f.column,
    })),
  };
}
