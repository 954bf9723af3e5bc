import { contactInput, createEnterpriseBody, enterpriseInputFields, productInput } from "@sainam/contract";
import { parseAmountText, parseCountText } from "@sainam/core";
import type { z } from "zod";
import { juristicIdProblem, normalizeJuristicId, type JuristicIdProblem } from "./juristic-id";
import { isLegalForm, isProductDirection, type EnterpriseDetail, type LegalForm, type ProductDirection } from "./model";
import type { EnterpriseInput } from "./mutations";

/** The enterprise form's state: text as typed, parsed only when sent. */
export interface EnterpriseDraft {
  juristicId: string;
  ceRegistrationNo: string;
  nameTh: string;
  nameEn: string;
  legalForm: LegalForm | "";
  registeredOn: string;
  capital: string;
  revenue: string;
  employees: string;
  tsicCode: string;
  businessType: string;
  address: string;
  provinceCode: string;
  districtCode: string;
  postcode: string;
  published: boolean;
  products: Array<{ direction: ProductDirection; name: string; tsicCode: string }>;
  contacts: Array<{ name: string; position: string; phone: string; email: string }>;
}

export function emptyDraft(): EnterpriseDraft {
  return {
    juristicId: "",
    ceRegistrationNo: "",
    nameTh: "",
    nameEn: "",
    legalForm: "",
    registeredOn: "",
    capital: "",
    revenue: "",
    employees: "",
    tsicCode: "",
    businessType: "",
    address: "",
    provinceCode: "",
    districtCode: "",
    postcode: "",
    published: true,
    products: [],
    contacts: [],
  };
}

const text = (value: string | null) => value ?? "";
const number = (value: number | null) => (value === null ? "" : String(value));

export function draftFromDetail(detail: EnterpriseDetail): EnterpriseDraft {
  return {
    juristicId: text(detail.juristicId),
    ceRegistrationNo: text(detail.ceRegistrationNo),
    nameTh: text(detail.nameTh),
    nameEn: text(detail.nameEn),
    legalForm: isLegalForm(detail.legalForm) ? detail.legalForm : "",
    registeredOn: text(detail.registeredOn),
    capital: number(detail.capital),
    revenue: number(detail.revenue),
    employees: number(detail.employees),
    tsicCode: text(detail.tsicCode),
    businessType: text(detail.businessType),
    address: text(detail.address),
    provinceCode: text(detail.provinceCode),
    districtCode: text(detail.districtCode),
    postcode: text(detail.postcode),
    published: detail.published,
    products: detail.products.map((p) => ({
      direction: isProductDirection(p.direction) ? p.direction : "output",
      name: p.name,
      tsicCode: text(p.tsicCode),
    })),
    contacts: detail.contacts.map((c) => ({
      name: text(c.name),
      position: text(c.position),
      phone: text(c.phone),
      email: text(c.email),
    })),
  };
}

/** What can be wrong with a field, as a catalogue key under `enterprises.` (juristic-ID problems under `juristicProblems.`). */
export type DraftProblem =
  | { kind: "juristic"; problem: JuristicIdProblem }
  | {
      kind:
        | "idRequired"
        | "ceInvalid"
        | "nameRequired"
        | "tsicInvalid"
        | "postcodeInvalid"
        | "numberInvalid"
        | "wholeNumber"
        | "productNameRequired"
        | "phoneInvalid"
        | "emailInvalid";
    };

/** True when the contract's own schema for a field takes the text: the form checks by the rule the server applies. */
const fits = (schema: z.ZodType, value: string) => schema.safeParse(value).success;
const fields = createEnterpriseBody.shape;

/** A checked amount or count as the server takes it (validate has refused what does not read). */
function amount(value: string): number | null {
  const read = parseAmountText(value);
  return read === "invalid" ? null : read;
}

/**
 * The same checks the server makes, run before sending so mistakes show at once on their fields: a juristic ID with
 * its mod-11 check digit or a community-enterprise number, a name, TSIC and postcode formats, amounts, contacts.
 * Keys are the server's field paths ("products.0.name"), so server errors land in the same places.
 */
export function validateDraft(draft: EnterpriseDraft): Record<string, DraftProblem> {
  const out: Record<string, DraftProblem> = {};
  const juristic = draft.juristicId.trim();
  const ce = draft.ceRegistrationNo.trim();
  if (juristic) {
    const problem = juristicIdProblem(juristic);
    if (problem) out.juristicId = { kind: "juristic", problem };
  } else if (!ce) {
    out.juristicId = { kind: "idRequired" };
  }
  if (ce && !fits(fields.ceRegistrationNo, ce)) out.ceRegistrationNo = { kind: "ceInvalid" };
  if (!draft.nameTh.trim() && !draft.nameEn.trim()) out.nameTh = { kind: "nameRequired" };
  if (draft.tsicCode.trim() && !fits(fields.tsicCode, draft.tsicCode.trim())) out.tsicCode = { kind: "tsicInvalid" };
  if (draft.postcode.trim() && !fits(fields.postcode, draft.postcode.trim()))
    out.postcode = { kind: "postcodeInvalid" };
  for (const key of ["capital", "revenue"] as const) {
    if (parseAmountText(draft[key]) === "invalid") out[key] = { kind: "numberInvalid" };
  }
  if (parseCountText(draft.employees) === "invalid") out.employees = { kind: "wholeNumber" };
  draft.products.forEach((product, index) => {
    if (!product.name.trim()) out[`products.${index}.name`] = { kind: "productNameRequired" };
    if (product.tsicCode.trim() && !fits(productInput.shape.tsicCode, product.tsicCode.trim()))
      out[`products.${index}.tsicCode`] = { kind: "tsicInvalid" };
  });
  draft.contacts.forEach((contact, index) => {
    if (contact.phone.trim() && !fits(contactInput.shape.phone, contact.phone.trim()))
      out[`contacts.${index}.phone`] = { kind: "phoneInvalid" };
    if (contact.email.trim() && !fits(contactInput.shape.email, contact.email.trim()))
      out[`contacts.${index}.email`] = { kind: "emailInvalid" };
  });
  return out;
}

const INPUT_KEYS = enterpriseInputFields satisfies readonly (keyof EnterpriseInput)[];

function copyField<K extends keyof EnterpriseInput>(to: EnterpriseInput, from: EnterpriseInput, key: K): void {
  to[key] = from[key];
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** The body for POST /api/enterprises (everything filled in), or for PATCH (only what differs from `original`). */
export function draftToInput(draft: EnterpriseDraft, original: EnterpriseDraft | null): EnterpriseInput {
  const juristicId = orNull(draft.juristicId);
  const full: EnterpriseInput = {
    juristicId: juristicId === null ? null : normalizeJuristicId(juristicId),
    ceRegistrationNo: orNull(draft.ceRegistrationNo),
    nameTh: orNull(draft.nameTh),
    nameEn: orNull(draft.nameEn),
    ...(draft.legalForm ? { legalForm: draft.legalForm } : {}),
    registeredOn: orNull(draft.registeredOn),
    capital: amount(draft.capital),
    revenue: amount(draft.revenue),
    employees: amount(draft.employees),
    tsicCode: orNull(draft.tsicCode),
    businessType: orNull(draft.businessType),
    address: orNull(draft.address),
    provinceCode: orNull(draft.provinceCode),
    districtCode: orNull(draft.districtCode),
    postcode: orNull(draft.postcode),
    published: draft.published,
    products: draft.products.map((p) => ({
      direction: p.direction,
      name: p.name.trim(),
      tsicCode: orNull(p.tsicCode),
    })),
    contacts: draft.contacts
      .map((c) => ({
        name: orNull(c.name),
        position: orNull(c.position),
        phone: orNull(c.phone),
        email: orNull(c.email),
      }))
      .filter((c) => c.name || c.position || c.phone || c.email),
  };
  const out: EnterpriseInput = {};
  if (original === null) {
    // A new record leaves empty fields out rather than sending nulls.
    for (const key of INPUT_KEYS) {
      const value = full[key];
      if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
        copyField(out, full, key);
    }
    return out;
  }
  const before = draftToInput(original, null);
  for (const key of INPUT_KEYS) {
    const now = full[key] ?? (Array.isArray(before[key]) ? [] : null);
    const then = before[key] ?? (Array.isArray(full[key]) ? [] : null);
    if (JSON.stringify(now) === JSON.stringify(then)) continue;
    if (full[key] === undefined) continue;
    copyField(out, full, key);
  }
  return out;
}
