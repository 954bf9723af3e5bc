import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { th } from "../i18n/th";
import type { ApiErrorDetail } from "./client";
import { detailText, fieldProblemText, forbiddenText } from "./error-text";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: "en",
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  });
});
const T = () => i18n.getFixedT("th");
const E = () => i18n.getFixedT("en");
const detail = (
  path: string,
  code: string | null,
  params: ApiErrorDetail["params"] = {},
  message = "server text",
): ApiErrorDetail => ({ path, message, code, params });

// The actions and resources of the server's policy (apps/server/src/policies/policy-words.ts).
const ACTIONS = [
  "read",
  "list",
  "create",
  "update",
  "read_personal",
  "read_unapproved",
  "read_records",
  "verify",
  "enter",
  "approve",
  "lock",
];
const RESOURCES = [
  "reference",
  "agency",
  "plan",
  "user",
  "users",
  "audit",
  "self",
  "cluster",
  "enterprise",
  "institution",
  "import",
  "programme",
  "activity",
  "value_claim",
  "plan_values",
];

describe("forbiddenText", () => {
  it("says a refused approval in Thai and English", () => {
    expect(forbiddenText({ action: "approve", resource: "plan_values" }, T())).toBe("คุณไม่มีสิทธิ์อนุมัติค่าตัวชี้วัดของแผนนี้");
    expect(forbiddenText({ action: "approve", resource: "plan_values" }, E())).toBe(
      "You may not approve values of this plan.",
    );
    expect(forbiddenText({ action: "lock", resource: "plan_values" }, T())).toBe("คุณไม่มีสิทธิ์ล็อกหรือปลดล็อกงวดของแผนนี้");
    expect(forbiddenText({ action: "list", resource: "users" }, T())).toBe("คุณไม่มีสิทธิ์ดูรายการบัญชีผู้ใช้");
  });

  for (const resource of RESOURCES) {
    it(`has Thai and English words for every action on ${resource}`, () => {
      for (const action of ACTIONS) {
        const thai = forbiddenText({ action, resource }, T());
        const english = forbiddenText({ action, resource }, E());
        expect(thai, `${action} ${resource}`).toMatch(/^คุณไม่มีสิทธิ์[\u0E00-\u0E7F ]+$/);
        expect(english, `${action} ${resource}`).toMatch(/^You may not [a-z][a-z ]+\.$/);
      }
    });
  }

  it("gives null for an action it does not know, so the generic sentence shows", () => {
    expect(forbiddenText({ action: "teleport", resource: "plan" }, T())).toBeNull();
    expect(forbiddenText({ action: "read", resource: "spaceship" }, T())).toBeNull();
  });
});

describe("fieldProblemText", () => {
  it("words each code with the field's label and params", () => {
    expect(fieldProblemText(detail("code", "required"), "รหัส", T())).toBe("กรุณากรอกรหัส");
    expect(fieldProblemText(detail("nameTh", "required", { or: "nameEn" }), "ชื่อภาษาไทย", T())).toBe(
      "กรุณากรอกชื่อภาษาไทยหรือชื่อภาษาอังกฤษ",
    );
    expect(fieldProblemText(detail("leftOn", "not_before", { other: "joinedOn" }), "Left on", E())).toBe(
      "Left on must not be before Joined on.",
    );
    expect(fieldProblemText(detail("denominator", "out_of_range", { min: 0, exclusive: true }), "ตัวหาร", T())).toBe(
      "ตัวหารต้องมากกว่า 0",
    );
    expect(fieldProblemText(detail("weight", "out_of_range", { min: 0 }), "Weight", E())).toBe(
      "Weight must be at least 0.",
    );
    expect(fieldProblemText(detail("year", "out_of_range", { max: 2600 }), null, E())).toBe(
      "This field must be at most 2600.",
    );
    expect(fieldProblemText(detail("evidenceUrl", "invalid_format", { format: "url" }), "ลิงก์หลักฐาน", T())).toBe(
      "ลิงก์หลักฐานต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย http:// หรือ https://",
    );
    expect(fieldProblemText(detail("code", "invalid_format", { format: "something_new" }), "Code", E())).toBe(
      "Code is not in the right format.",
    );
    expect(fieldProblemText(detail("juristicId", "invalid_check_digit", { expected: 3 }), "เลขทะเบียนนิติบุคคล", T())).toBe(
      "เลขทะเบียนนิติบุคคลมีเลขตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง (ควรเป็น 3)",
    );
    expect(fieldProblemText(detail("body", "unknown_field", { keys: ["colour", "size"] }), null, E())).toBe(
      "This field: the server does not know colour, size.",
    );
  });

  it("gives null for the catch-all code, an unknown code and no code, so the server's text shows", () => {
    expect(fieldProblemText(detail("x", "invalid"), "X", T())).toBeNull();
    expect(fieldProblemText(detail("x", "brand_new_code"), "X", T())).toBeNull();
    expect(fieldProblemText(detail("x", null), "X", T())).toBeNull();
  });
});

describe("detailText", () => {
  it("names the row of a batch, the field by its label and the problem in Thai", () => {
    expect(detailText(detail("rows.3.denominator", "required"), T())).toBe("แถว 4: กรุณากรอกตัวหาร");
    expect(detailText(detail("participations.0.agencyId", "not_found", { id: 99 }), E())).toBe("Agency was not found.");
  });

  it("falls back to the field and the server's message", () => {
    expect(detailText(detail("nameTh", "invalid", {}, "a rule the web has no words for"), T())).toBe(
      "ชื่อภาษาไทย: a rule the web has no words for",
    );
    expect(detailText(detail("mystery", null, {}, "is odd"), E())).toBe("mystery: is odd");
    expect(detailText(detail("", "invalid", {}, "whole-body problem"), E())).toBe("whole-body problem");
  });
});

describe("a B.E. year where C.E. belongs", () => {
  it("says the field looks like a B.E. year, in Thai and English, whatever rule caught it", () => {
    const year = detail("firstFiscalYear", "out_of_range", { era: "buddhist", max: 2399 });
    const date = detail("periodStart", "out_of_range", { era: "buddhist", max: 2399 });
    expect(detailText(year, E())).toContain("looks like a B.E. year");
    expect(detailText(date, T())).toContain("ดูเหมือนเป็นปี พ.ศ.");
    expect(detailText(date, T())).not.toContain("2399");
  });
});
