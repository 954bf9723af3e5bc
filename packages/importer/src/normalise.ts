import type { LegalForm } from "@sainam/core";
import {
  recordCodePattern,
  describeJuristicId,
  juristicIdCheckDigit,
  legalFormFromName,
  normalizeJuristicId,
  normalizeThai,
  parseThaiAddress,
} from "@sainam/core";
import type { CellResult, LinkageKind, Stage } from "./cell-values.ts";
import {
  isNoValue,
  legalFormFromAbbreviation,
  legalFormFromJuristicId,
  readAmount,
  readCount,
  readDate,
  readEmail,
  readLegalForm,
  readLinkageKind,
  readPhone,
  readPostcode,
  readStage,
  readTsicCode,
  splitProducts,
} from "./cell-values.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { foldCell } from "./table-layout.ts";
import { indexGazetteer } from "./gazetteer.ts";
import type { ColumnMapping, EnterpriseField, LinkageField, MembershipField } from "./mapping.ts";
import { membershipFirmFields } from "./mapping.ts";
import type { IssueCode, RowIssue, RowIssueParams, RowOutcome } from "./row-issue.ts";
import type { RowCells } from "./text-integrity.ts";
import { corruptTextIssue } from "./text-integrity.ts";
import type { TsicCodes } from "./tsic.ts";
import { checkTsicCode } from "./tsic.ts";

/** An enterprise row, validated and normalised, ready to upsert by juristic ID (or CE number). */
export type EnterpriseRecord = {
  readonly juristicId: string | null;
  readonly ceRegistrationNo: string | null;
  readonly nameTh: string | null;
  readonly nameEn: string | null;
  readonly legalForm: LegalForm;
  /** ISO C.E. date. */
  readonly registeredOn: string | null;
  readonly capital: number | null;
  readonly revenue: number | null;
  readonly employees: number | null;
  /** 1-5 digits as written. */
  readonly tsicCode: string | null;
  readonly businessType: string | null;
  readonly address: string | null;
  readonly provinceCode: string | null;
  readonly districtCode: string | null;
  readonly postcode: string | null;
  readonly products: ReadonlyArray<string>;
  readonly contact: {
    readonly name: string | null;
    readonly phone: string | null;
    readonly email: string | null;
  } | null;
};

/** A cluster membership row: which enterprise, in which cluster, at which value-chain stage. */
export type MembershipRecord = {
  readonly juristicId: string;
  /** Null when the file has no cluster column: the import gives the cluster for every row. */
  readonly clusterCode: string | null;
  readonly stage: Stage;
  readonly joinedOn: string | null;
  readonly leftOn: string | null;
  /** The firm as the row describes it (its name mapped and filled): added to the registry when its juristic ID is new. */
  readonly firm: EnterpriseRecord | null;
};

/** A linkage row: a directed, typed edge between two enterprises. */
export type LinkageRecord = {
  readonly fromJuristicId: string;
  readonly toJuristicId: string;
  readonly kind: LinkageKind;
  readonly product: string | null;
  readonly annualValue: number | null;
  readonly clusterCode: string | null;
};

const CLUSTER_CODE = recordCodePattern;
const MAX_TEXT = 2000;

const columnCache = new WeakMap<object, { headers: ReadonlyArray<string>; columns: Map<string, number> }>();

// Column positions per (mapping, headers) pair, so a 200k-row import does not search the headers
// for every field of every row.
function columnsOf(
  mapping: Readonly<Record<string, string | undefined>>,
  headers: ReadonlyArray<string>,
): Map<string, number> {
  const cached = columnCache.get(mapping);
  if (cached && cached.headers === headers) return cached.columns;
  const columns = new Map<string, number>();
  for (const [field, header] of Object.entries(mapping)) {
    if (header === undefined) continue;
    const index = headers.indexOf(header);
    if (index >= 0) columns.set(field, index);
  }
  columnCache.set(mapping, { headers, columns });
  return columns;
}

function issueOf(
  field: string,
  message: string,
  value: string | undefined,
  code: IssueCode,
  params: RowIssueParams | undefined,
): RowIssue {
  return { field, message, ...(value === undefined ? {} : { value }), code, ...(params ? { params } : {}) };
}

/** Reads the mapped cells of one row and collects what is wrong with them. */
class RowReader<F extends string> {
  readonly issues: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  readonly #cells: RowCells;
  readonly #columns: Map<string, number>;
  #corruptReported: Set<string> | null = null;

  constructor(cells: RowCells, headers: ReadonlyArray<string>, mapping: Readonly<Partial<Record<F, string>>>) {
    this.#cells = cells;
    this.#columns = columnsOf(mapping, headers);
  }

  /**
   * The cell's text, or null when unmapped, empty or a placeholder such as "-". A cell the reader could not
   * decode (cells.corrupt) is never used: it fails the row with corrupt_text and reads as null.
   */
  raw(field: F): string | null {
    const index = this.#columns.get(field);
    if (index === undefined) return null;
    const text = this.#cells[index] ?? "";
    if (this.#cells.corrupt?.includes(index)) {
      this.#corruptReported ??= new Set();
      if (!this.#corruptReported.has(field)) {
        this.#corruptReported.add(field);
        this.issues.push(corruptTextIssue(field, text));
      }
      return null;
    }
    return isNoValue(text) ? null : text;
  }

  /** The cell's text folded (normalizeThai) onto one line, cut to a sane length. */
  text(field: F): string | null {
    const value = this.raw(field);
    return value === null ? null : this.#cut(field, normalizeThai(value));
  }

  /**
   * The cell's text as the file gives it, trimmed only (the reader trims): Thai digits, repeated spaces, line
   * breaks and legacy spellings are kept. For what is stored and shown as published (a firm's name, address,
   * objective); search, matching and de-duplication fold it in their own keys.
   */
  published(field: F): string | null {
    const value = this.raw(field);
    return value === null ? null : this.#cut(field, value);
  }

  #cut(field: F, text: string): string {
    if (text.length <= MAX_TEXT) return text;
    this.warn(field, `cut to ${MAX_TEXT} characters`, undefined, "cut", { max: MAX_TEXT });
    return text.slice(0, MAX_TEXT);
  }

  /** Reads a cell, folded (foldCell), with a parser; a failure is a row error, or with `lenient` a warning that drops the value. */
  read<T>(field: F, parse: (text: string) => CellResult<T>, lenient = false): T | null {
    const cell = this.raw(field);
    if (cell === null) return null;
    const value = foldCell(cell);
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    if (lenient) this.warn(field, parsed.message, value, parsed.code, parsed.params);
    else this.fail(field, parsed.message, value, parsed.code, parsed.params);
    return null;
  }

  fail(field: string, message: string, value: string | undefined, code: IssueCode, params?: RowIssueParams): void {
    // A field that could not be decoded reads as empty; its corrupt_text says why, not a "required" after it.
    if (this.#corruptReported?.has(field)) return;
    this.issues.push(issueOf(field, message, value, code, params));
  }

  warn(field: string, message: string, value: string | undefined, code: IssueCode, params?: RowIssueParams): void {
    this.warnings.push(issueOf(field, message, value, code, params));
  }

  outcome<T>(record: T): RowOutcome<T> {
    return this.issues.length > 0
      ? { ok: false, issues: this.issues }
      : { ok: true, value: record, warnings: this.warnings };
  }
}

const juristicIdMessages = {
  empty: "juristic ID is empty",
  non_digit: "juristic ID has a character that is not a digit",
  wrong_length: "juristic ID must have 13 digits",
  wrong_check_digit: "juristic ID has a wrong check digit",
} as const;

/**
 * Validates a juristic ID cell: 13 digits with a correct mod-11 check digit. Excel turns an ID
 * typed as a number into 12 digits (the leading 0 of every DBD ID dropped); such a value is
 * accepted when "0" + it is valid. The message says what is wrong (length with the digit count,
 * check digit with the expected digit).
 */
export function readJuristicId(text: string): CellResult<string> {
  const described = describeJuristicId(text);
  if (described.ok) return { ok: true, value: described.value };
  const digits = normalizeJuristicId(text);
  if (described.reason === "wrong_length" && /^\d{12}$/.test(digits)) {
    const restored = describeJuristicId(`0${digits}`);
    if (restored.ok) return { ok: true, value: restored.value };
  }
  if (described.reason === "wrong_length")
    return {
      ok: false,
      message: `${juristicIdMessages.wrong_length}, not ${digits.length}`,
      code: "wrong_length",
      params: { length: 13, actual: digits.length },
    };
  if (described.reason === "wrong_check_digit") {
    const expected = juristicIdCheckDigit(digits.slice(0, 12)) ?? "?";
    return {
      ok: false,
      message: `${juristicIdMessages.wrong_check_digit} (${digits[12] ?? ""}; expected ${expected})`,
      code: "invalid_check_digit",
      params: { expected },
    };
  }
  return {
    ok: false,
    message: juristicIdMessages[described.reason],
    code: described.reason === "empty" ? "required" : "invalid_format",
    params: { format: "juristic_id" },
  };
}

function readCeRegistrationNo(text: string): CellResult<string> {
  const value = normalizeThai(text);
  if (!/\d/.test(value) || value.length > 40)
    return { ok: false, message: `not a community-enterprise registration number: ${value}`, code: "invalid_format" };
  return { ok: true, value };
}

function readClusterCode(text: string): CellResult<string> {
  const value = normalizeThai(text).toLowerCase();
  return CLUSTER_CODE.test(value)
    ? { ok: true, value }
    : {
        ok: false,
        message: `cluster code must be 2-80 lowercase letters, digits or hyphens: ${value}`,
        code: "invalid_format",
        params: { format: "lowercase_code" },
      };
}

function legalFormOf(
  row: RowReader<EnterpriseField>,
  names: ReadonlyArray<string>,
  juristicId: string | null,
  ceNo: string | null,
): LegalForm {
  const given = row.read("legalForm", readLegalForm, true);
  if (given) return given;
  for (const name of names) {
    const { form } = legalFormFromName(name);
    if (form !== "unknown") return form;
    const abbreviated = legalFormFromAbbreviation(name);
    if (abbreviated) return abbreviated;
  }
  const fromId = juristicId ? legalFormFromJuristicId(juristicId) : null;
  if (fromId) return fromId;
  return ceNo && !juristicId ? "community_enterprise" : "unknown";
}

function placeOf(
  row: RowReader<EnterpriseField>,
  address: string | null,
  gazetteer: Gazetteer,
): { provinceCode: string | null; districtCode: string | null; postcode: string | null } {
  const index = indexGazetteer(gazetteer);
  let provinceCode: string | null = null;
  let districtCode: string | null = null;
  const provinceName = row.text("provinceName");
  if (provinceName !== null) {
    provinceCode = index.findProvince(provinceName);
    if (provinceCode === null) row.warn("provinceName", "province not found", provinceName, "not_found");
  }
  const districtName = row.text("districtName");
  if (districtName !== null) {
    const district = index.findDistrict(districtName, provinceCode);
    if (district) {
      districtCode = district.code;
      provinceCode ??= district.provinceCode;
    } else {
      row.warn(
        "districtName",
        provinceCode ? "district not found in this province" : "district not found (or not unique without a province)",
        districtName,
        "not_found",
      );
    }
  }
  let postcode = row.read("postcode", readPostcode, true);
  if (address !== null && (provinceCode === null || districtCode === null || postcode === null)) {
    const found = parseThaiAddress(address, gazetteer);
    const sameProvince = provinceCode === null || found.provinceCode === provinceCode;
    if (provinceCode === null) provinceCode = found.provinceCode;
    if (districtCode === null && sameProvince) districtCode = found.districtCode;
    postcode ??= found.postcode;
  }
  return { provinceCode, districtCode, postcode };
}

/**
 * Turns one enterprise row into an EnterpriseRecord, or the issues that stop it. Rules: a juristic
 * ID (13 digits, valid check digit; see readJuristicId) or a community-enterprise registration
 * number is required, and a Thai or English name; the legal form comes from its column, else the
 * name's prefix (บจ., หจก., บริษัท … จำกัด (มหาชน), DBD's หจ./หส.), else the juristic ID's type
 * digit; dates in B.E. or C.E. d/m/yyyy, ISO, Thai month names or Excel cells; amounts with
 * thousands separators and Thai digits; TSIC 1-5 digits, on the TSIC 2009 list when it is given; province and district from their columns
 * (Thai or English names, "จ."/"อ."/"เขต" prefixes, "กรุงเทพฯ") or else from the address. Malformed
 * dates, amounts, counts and codes are errors; a TSIC code not on the list, an unknown province or district,
 * a bad postcode, phone or e-mail are warnings that leave the value empty.
 */
export function normaliseEnterpriseRow(
  cells: RowCells,
  headers: ReadonlyArray<string>,
  mapping: ColumnMapping<"enterprises">,
  gazetteer: Gazetteer,
  /** The TSIC 2009 list: a code not on it is reported (a warning) and left empty; without it codes are taken as written. */
  tsicCodes: TsicCodes | null = null,
): RowOutcome<EnterpriseRecord> {
  const row = new RowReader<EnterpriseField>(cells, headers, mapping);
  const juristicId = row.read("juristicId", readJuristicId);
  const ceRegistrationNo = row.read("ceRegistrationNo", readCeRegistrationNo);
  if (row.raw("juristicId") === null && ceRegistrationNo === null) {
    row.fail(
      "juristicId",
      "a juristic ID or a community-enterprise registration number is required",
      undefined,
      "required",
      { or: "ceRegistrationNo" },
    );
  }
  const nameTh = row.published("nameTh");
  const nameEn = row.published("nameEn");
  if (nameTh === null && nameEn === null)
    row.fail("nameTh", "a Thai or English name is required", undefined, "required", { or: "nameEn" });
  const names = [nameTh, nameEn].filter((name) => name !== null);
  const legalForm = legalFormOf(row, names, juristicId, ceRegistrationNo);
  const registeredOn = row.read("registeredOn", readDate);
  const capital = row.read("capital", (text) => readAmount(text));
  const revenue = row.read("revenue", (text) => readAmount(text));
  const employees = row.read("employees", readCount);
  const writtenTsic = row.read("tsicCode", readTsicCode);
  const tsicCode =
    writtenTsic === null || tsicCodes === null
      ? writtenTsic
      : row.read("tsicCode", () => checkTsicCode(writtenTsic, tsicCodes), true);
  const businessType = row.published("businessType");
  const address = row.published("address");
  const place = placeOf(row, address, gazetteer);
  const productsText = row.raw("products");
  const contactName = row.text("contactName");
  const phone = row.read("contactPhone", readPhone, true);
  const email = row.read("contactEmail", readEmail, true);
  return row.outcome<EnterpriseRecord>({
    juristicId,
    ceRegistrationNo,
    nameTh,
    nameEn,
    legalForm,
    registeredOn,
    capital,
    revenue,
    employees,
    tsicCode,
    businessType,
    address,
    ...place,
    products: productsText === null ? [] : splitProducts(foldCell(productsText)),
    contact: contactName === null && phone === null && email === null ? null : { name: contactName, phone, email },
  });
}

const firmMappings = new WeakMap<object, ColumnMapping<"enterprises">>();

// The enterprise mapping hidden in a membership mapping: its juristic ID and the firm's columns.
function firmMappingOf(mapping: ColumnMapping<"memberships">): ColumnMapping<"enterprises"> {
  let firm = firmMappings.get(mapping);
  if (!firm) {
    const fields: Partial<Record<EnterpriseField, string>> = { juristicId: mapping.juristicId };
    for (const field of membershipFirmFields) if (mapping[field] !== undefined) fields[field] = mapping[field];
    firmMappings.set(mapping, (firm = fields));
  }
  return firm;
}

/**
 * Turns one membership row into a MembershipRecord: a valid juristic ID, a cluster code (lower-cased;
 * 2-80 letters, digits, hyphens as the server requires) unless the mapping has no cluster column (the
 * import then gives the cluster), the stage in English or Thai (upstream/ต้นน้ำ, midstream/กลางน้ำ,
 * downstream/ปลายน้ำ) and optional joined/left dates, left not before joined. When the firm's name is
 * mapped and filled, the row also describes the firm (read as an enterprise row: name, legal form,
 * address, province, district, postcode), so a firm new to the registry can be added with its membership;
 * problems with those columns are warnings, never a reason to drop the membership.
 */
export function normaliseMembershipRow(
  cells: RowCells,
  headers: ReadonlyArray<string>,
  mapping: ColumnMapping<"memberships">,
  gazetteer: Gazetteer = { provinces: [], districts: [] },
): RowOutcome<MembershipRecord> {
  const row = new RowReader<MembershipField>(cells, headers, mapping);
  const juristicId = row.read("juristicId", readJuristicId);
  if (row.raw("juristicId") === null) row.fail("juristicId", "juristic ID is required", undefined, "required");
  const clusterCode = row.read("clusterCode", readClusterCode);
  const clusterMapped = mapping.clusterCode !== undefined;
  if (clusterMapped && row.raw("clusterCode") === null)
    row.fail("clusterCode", "cluster code is required", undefined, "required");
  const stage = row.read("stage", readStage);
  if (row.raw("stage") === null) row.fail("stage", "stage is required (ต้นน้ำ/กลางน้ำ/ปลายน้ำ)", undefined, "required");
  const joinedOn = row.read("joinedOn", readDate);
  const leftOn = row.read("leftOn", readDate);
  if (joinedOn !== null && leftOn !== null && leftOn < joinedOn)
    row.fail("leftOn", "left before joining", row.raw("leftOn") ?? undefined, "not_before", { other: "joinedOn" });
  if (juristicId === null || (clusterMapped && clusterCode === null) || stage === null)
    return { ok: false, issues: row.issues };
  let firm: EnterpriseRecord | null = null;
  if (row.raw("nameTh") !== null || row.raw("nameEn") !== null) {
    const described = normaliseEnterpriseRow(cells, headers, firmMappingOf(mapping), gazetteer);
    if (described.ok) {
      firm = described.value;
      row.warnings.push(...described.warnings);
    } else {
      row.warnings.push(...described.issues.filter((issue) => issue.field !== "juristicId"));
    }
  }
  return row.outcome<MembershipRecord>({ juristicId, clusterCode, stage, joinedOn, leftOn, firm });
}

/**
 * Turns one linkage row into a LinkageRecord: two valid, different juristic IDs (from → to), the kind
 * as one of the seven codes or its Thai wording (ขายให้/จัดหาวัตถุดิบให้ = supplies, ซื้อจาก =
 * buys_from, รับจ้างผลิต = subcontracts, ร่วมมือ = collaborates, ให้คำปรึกษา = advises,
 * ให้สินเชื่อ/สนับสนุนเงินทุน = finances, ฝึกอบรม = trains), an optional product, annual value (baht,
 * not negative) and cluster code.
 */
export function normaliseLinkageRow(
  cells: RowCells,
  headers: ReadonlyArray<string>,
  mapping: ColumnMapping<"linkages">,
): RowOutcome<LinkageRecord> {
  const row = new RowReader<LinkageField>(cells, headers, mapping);
  const fromJuristicId = row.read("fromJuristicId", readJuristicId);
  if (row.raw("fromJuristicId") === null)
    row.fail("fromJuristicId", "juristic ID of the first party is required", undefined, "required");
  const toJuristicId = row.read("toJuristicId", readJuristicId);
  if (row.raw("toJuristicId") === null)
    row.fail("toJuristicId", "juristic ID of the second party is required", undefined, "required");
  if (fromJuristicId !== null && fromJuristicId === toJuristicId)
    row.fail("toJuristicId", "a linkage needs two different parties", toJuristicId, "same_party");
  const kind = row.read("kind", readLinkageKind);
  if (row.raw("kind") === null) row.fail("kind", "linkage kind is required", undefined, "required");
  const product = row.text("product");
  const annualValue = row.read("annualValue", (text) => readAmount(text));
  const clusterCode = row.read("clusterCode", readClusterCode);
  if (fromJuristicId === null || toJuristicId === null || kind === null) return { ok: false, issues: row.issues };
  return row.outcome<LinkageRecord>({ fromJuristicId, toJuristicId, kind, product, annualValue, clusterCode });
}
