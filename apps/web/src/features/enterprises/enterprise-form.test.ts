import { describe, expect, it } from "vitest";
import { draftToInput, emptyDraft, validateDraft, type EnterpriseDraft } from "./enterprise-form";

function draft(changes: Partial<EnterpriseDraft>): EnterpriseDraft {
  return { ...emptyDraft(), ...changes };
}

describe("validateDraft", () => {
  it("accepts a firm with a valid juristic ID and a name", () => {
    expect(validateDraft(draft({ juristicId: "0-1055-36112-01-4", nameTh: "บริษัท ทดสอบ จำกัด" }))).toEqual({});
  });

  it("rejects a juristic ID with a wrong check digit", () => {
    expect(validateDraft(draft({ juristicId: "0105536112015", nameTh: "x" })).juristicId).toEqual({
      kind: "juristic",
      problem: "wrong_check_digit",
    });
  });

  it("asks for an ID unless a community-enterprise number is given", () => {
    expect(validateDraft(draft({ nameTh: "x" })).juristicId).toEqual({ kind: "idRequired" });
    expect(validateDraft(draft({ nameTh: "x", ceRegistrationNo: "5012-0001" }))).toEqual({});
    expect(validateDraft(draft({ nameTh: "x", ceRegistrationNo: "ab" })).ceRegistrationNo).toEqual({
      kind: "ceInvalid",
    });
    // The contract's rule, not a copy: a slash is allowed ("5012-0001/2"), a leading dash is not.
    expect(validateDraft(draft({ nameTh: "x", ceRegistrationNo: "5012-0001/2" }))).toEqual({});
    expect(validateDraft(draft({ nameTh: "x", ceRegistrationNo: "-5012" })).ceRegistrationNo).toEqual({
      kind: "ceInvalid",
    });
  });

  it("asks for a Thai or English name", () => {
    expect(validateDraft(draft({ juristicId: "0105536112014" })).nameTh).toEqual({ kind: "nameRequired" });
  });

  it("checks TSIC, postcode, amounts and contacts, keyed by the server's field paths", () => {
    const problems = validateDraft(
      draft({
        juristicId: "0105536112014",
        nameEn: "Test",
        tsicCode: "1079a",
        postcode: "5000",
        revenue: "12,000,000",
        capital: "lots",
        employees: "2.5",
        products: [{ direction: "output", name: " ", tsicCode: "" }],
        contacts: [{ name: "", position: "", phone: "call me", email: "nope" }],
      }),
    );
    expect(Object.keys(problems).sort()).toEqual([
      "capital",
      "contacts.0.email",
      "contacts.0.phone",
      "employees",
      "postcode",
      "products.0.name",
      "tsicCode",
    ]);
  });
});

describe("draftToInput", () => {
  it("reads amounts and counts as people type them: grouping commas, Thai digits, the baht sign and word", () => {
    const typed = draft({
      juristicId: "0105536112014",
      nameTh: "ไร่",
      capital: "1,200,000 บาท",
      revenue: "฿๑,๕๐๐,๐๐๐.๕๐",
      employees: "๑๒",
    });
    expect(validateDraft(typed)).toEqual({});
    expect(draftToInput(typed, null)).toMatchObject({ capital: 1_200_000, revenue: 1_500_000.5, employees: 12 });
  });

  it("sends a new firm without empty fields, the ID normalised and amounts parsed", () => {
    expect(
      draftToInput(
        draft({ juristicId: "0-1055-36112-01-4", nameTh: " ไร่ ", revenue: "1,500,000", legalForm: "company_limited" }),
        null,
      ),
    ).toEqual({
      juristicId: "0105536112014",
      nameTh: "ไร่",
      revenue: 1500000,
      legalForm: "company_limited",
      published: true,
    });
  });

  it("sends only what changed when editing, with null for a cleared field", () => {
    const original = draft({ juristicId: "0105536112014", nameTh: "ไร่", address: "1 หมู่ 3", products: [] });
    const edited = {
      ...original,
      address: "",
      nameEn: "Farm",
      products: [{ direction: "output" as const, name: "beans", tsicCode: "" }],
    };
    expect(draftToInput(edited, original)).toEqual({
      address: null,
      nameEn: "Farm",
      products: [{ direction: "output", name: "beans", tsicCode: null }],
    });
    expect(draftToInput(original, original)).toEqual({});
  });
});
