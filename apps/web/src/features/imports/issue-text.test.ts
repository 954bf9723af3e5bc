import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { th } from "../../i18n/th";
import { issueText } from "./issue-text";
import { importReportSchema } from "@sainam/contract";
import { parseAnswer } from "../../api/client";
import { buildReportCsv } from "./report-csv";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: "th",
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  });
});

// A row as the server reports it, codes and params included, checked by the contract.
const row = parseAnswer(importReportSchema.shape.rows.element, {
  rowNumber: 7,
  status: "error",
  key: null,
  issues: [
    {
      field: "juristicId",
      message: "juristic ID has a wrong check digit (4; expected 3)",
      value: "0505567003214",
      code: "invalid_check_digit",
      params: { expected: 3 },
    },
    { field: "registeredOn", message: "not a real date: 31/02/2564", value: "31/02/2564", code: "invalid_date" },
    { field: "leftOn", message: "left before joining", code: "not_before", params: { other: "joinedOn" } },
    { field: "", message: "duplicate of row 12", code: "duplicate_row", params: { row: 12 } },
    { field: "orgUnitName", message: "no province of this name", value: "เมืองสมมุติ", code: "not_found" },
    { field: "stage", message: "something only the server can say", code: "invalid" },
    { field: "employees", message: "an older report without a code" },
  ],
});

describe("issueText", () => {
  it("words each coded issue in Thai with the import field's name", () => {
    const t = i18n.getFixedT("th");
    expect(row.issues.map((issue) => issueText(issue, t))).toEqual([
      "เลขทะเบียนนิติบุคคลมีเลขตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง (ควรเป็น 3)",
      "วันที่จดทะเบียนไม่ใช่วันที่ที่ถูกต้อง",
      "วันที่ออกต้องไม่ก่อนวันที่เข้าร่วม",
      "ซ้ำกับแถว 12 ระบบเก็บแถวหลัง",
      "ไม่พบหน่วยที่ระบุในระบบ",
      "ขั้นในห่วงโซ่: something only the server can say",
      "จำนวนพนักงาน: an older report without a code",
    ]);
  });

  it("words them in English too", () => {
    const t = i18n.getFixedT("en");
    expect(issueText(row.issues[1]!, t)).toBe("Registered on is not a valid date.");
    expect(issueText(row.issues[3]!, t)).toBe("Same as row 12; the later row is kept.");
  });

  it("puts the worded issue in the CSV report", () => {
    const t = i18n.getFixedT("th");
    const csv = buildReportCsv([row], {
      rowNumber: "แถว",
      status: "ผล",
      key: "คีย์",
      field: "ช่อง",
      message: "ข้อความ",
      value: "ค่า",
      statusText: (s) => s,
      issueText: (issue) => issueText(issue, t),
    });
    expect(csv).toContain("วันที่จดทะเบียนไม่ใช่วันที่ที่ถูกต้อง,31/02/2564");
  });
});
