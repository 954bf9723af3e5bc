import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "./mapping.ts";
import { normaliseEnterpriseRow, normaliseLinkageRow, normaliseMembershipRow, readJuristicId } from "./normalise.ts";
import { testGazetteer } from "./test-support/gazetteer.ts";

const headers = [
  "เลขทะเบียน",
  "เลขทะเบียนวิสาหกิจชุมชน",
  "ชื่อ",
  "ชื่อภาษาอังกฤษ",
  "ประเภทนิติบุคคล",
  "วันที่จดทะเบียน",
  "ทุนจดทะเบียน",
  "รายได้",
  "พนักงาน",
  "TSIC",
  "ประเภทธุรกิจ",
  "ที่อยู่",
  "จังหวัด",
  "อำเภอ",
  "รหัสไปรษณีย์",
  "ผลิตภัณฑ์",
  "ผู้ติดต่อ",
  "โทรศัพท์",
  "อีเมล",
];
const mapping: ColumnMapping<"enterprises"> = {
  juristicId: "เลขทะเบียน",
  ceRegistrationNo: "เลขทะเบียนวิสาหกิจชุมชน",
  nameTh: "ชื่อ",
  nameEn: "ชื่อภาษาอังกฤษ",
  legalForm: "ประเภทนิติบุคคล",
  registeredOn: "วันที่จดทะเบียน",
  capital: "ทุนจดทะเบียน",
  revenue: "รายได้",
  employees: "พนักงาน",
  tsicCode: "TSIC",
  businessType: "ประเภทธุรกิจ",
  address: "ที่อยู่",
  provinceName: "จังหวัด",
  districtName: "อำเภอ",
  postcode: "รหัสไปรษณีย์",
  products: "ผลิตภัณฑ์",
  contactName: "ผู้ติดต่อ",
  contactPhone: "โทรศัพท์",
  contactEmail: "อีเมล",
};

function enterprise(values: Partial<Record<string, string>>) {
  return normaliseEnterpriseRow(
    headers.map((header) => values[header] ?? ""),
    headers,
    mapping,
    testGazetteer,
  );
}

describe("normaliseEnterpriseRow", () => {
  it("normalises a complete row", () => {
    const outcome = enterprise({
      เลขทะเบียน: "0-5055-67003-21-3",
      ชื่อ: "บจ.ล้านนา ซิลค์ เฮาส์ จำกัด",
      ชื่อภาษาอังกฤษ: "Lanna Silk House Co., Ltd.",
      วันที่จดทะเบียน: "๙/๑/๒๕๖๗",
      ทุนจดทะเบียน: "3,500,000.00",
      รายได้: "๑๒,๓๔๕,๖๗๘.๕๐ บาท",
      พนักงาน: "45 คน",
      TSIC: "13121",
      ประเภทธุรกิจ: "ทอผ้าไหม",
      ที่อยู่: "99 หมู่ที่ 4 ต.สันกำแพง",
      จังหวัด: "จ.เชียงใหม่",
      อำเภอ: "สันกำแพง",
      รหัสไปรษณีย์: "50130",
      ผลิตภัณฑ์: "ผ้าไหมทอมือ, ผ้าพันคอ\nกระเป๋าผ้า",
      ผู้ติดต่อ: "คุณสมศรี ใจดี",
      โทรศัพท์: "053-123-456",
      อีเมล: "info@lanna-silk.example",
    });
    expect(outcome).toEqual({
      ok: true,
      warnings: [],
      value: {
        juristicId: "0505567003213",
        ceRegistrationNo: null,
        nameTh: "บจ.ล้านนา ซิลค์ เฮาส์ จำกัด",
        nameEn: "Lanna Silk House Co., Ltd.",
        legalForm: "company_limited",
        registeredOn: "2024-01-09",
        capital: 3_500_000,
        revenue: 12_345_678.5,
        employees: 45,
        tsicCode: "13121",
        businessType: "ทอผ้าไหม",
        address: "99 หมู่ที่ 4 ต.สันกำแพง",
        provinceCode: "50",
        districtCode: "5013",
        postcode: "50130",
        products: ["ผ้าไหมทอมือ", "ผ้าพันคอ", "กระเป๋าผ้า"],
        contact: { name: "คุณสมศรี ใจดี", phone: "053-123-456", email: "info@lanna-silk.example" },
      },
    });
  });

  it("rejects a juristic ID with a wrong check digit, naming the field", () => {
    expect(enterprise({ เลขทะเบียน: "0505567003214", ชื่อ: "บจ. ก" })).toEqual({
      ok: false,
      issues: [
        {
          field: "juristicId",
          message: "juristic ID has a wrong check digit (4; expected 3)",
          value: "0505567003214",
          code: "invalid_check_digit",
          params: { expected: 3 },
        },
      ],
    });
  });

  it("rejects a juristic ID of the wrong length, saying how many digits it has", () => {
    expect(enterprise({ เลขทะเบียน: "050556700321", ชื่อ: "บจ. ก" })).toMatchObject({
      ok: false,
      issues: [{ field: "juristicId", message: "juristic ID must have 13 digits, not 12" }],
    });
  });

  it("restores the leading zero Excel drops from an ID stored as a number", () => {
    expect(enterprise({ เลขทะเบียน: "505567003213", ชื่อ: "บจ. ก" })).toMatchObject({
      ok: true,
      value: { juristicId: "0505567003213" },
    });
  });

  it("accepts a community enterprise with its registration number only", () => {
    expect(enterprise({ เลขทะเบียนวิสาหกิจชุมชน: "4-50-13-01/1-0007", ชื่อ: "กลุ่มทอผ้าบ้านต้นเปา" })).toMatchObject({
      ok: true,
      value: { juristicId: null, ceRegistrationNo: "4-50-13-01/1-0007", legalForm: "community_enterprise" },
    });
  });

  it("requires an identifier and a name, reporting both at once", () => {
    expect(enterprise({ จังหวัด: "เชียงใหม่" })).toEqual({
      ok: false,
      issues: [
        {
          field: "juristicId",
          message: "a juristic ID or a community-enterprise registration number is required",
          code: "required",
          params: { or: "ceRegistrationNo" },
        },
        { field: "nameTh", message: "a Thai or English name is required", code: "required", params: { or: "nameEn" } },
      ],
    });
  });

  it("reports every malformed value of a row", () => {
    const outcome = enterprise({
      เลขทะเบียน: "0505567003213",
      ชื่อ: "บจ. ก",
      วันที่จดทะเบียน: "31/4/2567",
      ทุนจดทะเบียน: "1,23",
      พนักงาน: "สิบ",
      TSIC: "ABC",
    });
    expect(outcome.ok ? [] : outcome.issues.map((issue) => issue.field)).toEqual([
      "registeredOn",
      "capital",
      "employees",
      "tsicCode",
    ]);
  });

  it("takes the legal form from the name's prefix, DBD's abbreviations, then the ID", () => {
    const form = (name: string, id = "0505567003213") => {
      const outcome = enterprise({ เลขทะเบียน: id, ชื่อ: name });
      return outcome.ok ? outcome.value.legalForm : null;
    };
    expect(form("บริษัท สายน้ำ จำกัด (มหาชน)")).toBe("public_company_limited");
    expect(form("ห้างหุ้นส่วนจำกัด ดอยคำ")).toBe("limited_partnership");
    expect(form("หจ.ดอยคำ เฮิร์บ")).toBe("limited_partnership");
    expect(form("ร้านดอยคำ", "0103567004564")).toBe("limited_partnership");
  });

  it("prefers the legal-form column and warns when it cannot be read", () => {
    expect(enterprise({ เลขทะเบียน: "0505567003213", ชื่อ: "บจ. ก", ประเภทนิติบุคคล: "ห้างหุ้นส่วนจำกัด" })).toMatchObject({
      value: { legalForm: "limited_partnership" },
    });
    expect(enterprise({ เลขทะเบียน: "0505567003213", ชื่อ: "บจ. ก", ประเภทนิติบุคคล: "มูลนิธิ" })).toMatchObject({
      ok: true,
      value: { legalForm: "company_limited" },
      warnings: [{ field: "legalForm", value: "มูลนิธิ" }],
    });
  });

  it("finds province, district and postcode in the address when there are no columns for them", () => {
    const outcome = enterprise({
      เลขทะเบียน: "0903567000774",
      ชื่อ: "หจ.หาดใหญ่ ยางพารา",
      ที่อยู่: "45/2 ถนนเพชรเกษม ต.หาดใหญ่ อ.หาดใหญ่ จ.สงขลา 90110",
    });
    expect(outcome).toMatchObject({ ok: true, value: { provinceCode: "90", districtCode: "9011", postcode: "90110" } });
  });

  it("reads Bangkok written กรุงเทพฯ and a เขต", () => {
    const outcome = enterprise({ เลขทะเบียน: "0105567012348", ชื่อ: "บจ. ก", จังหวัด: "กรุงเทพฯ", อำเภอ: "เขตวัฒนา" });
    expect(outcome).toMatchObject({ ok: true, value: { provinceCode: "10", districtCode: "1039" } });
  });

  it("keeps the row but warns about an unknown province, a bad postcode, phone and e-mail", () => {
    const outcome = enterprise({
      เลขทะเบียน: "0105567012348",
      ชื่อ: "บจ. ก",
      จังหวัด: "เมืองลับแล",
      รหัสไปรษณีย์: "1011",
      โทรศัพท์: "ไม่สะดวกให้",
      อีเมล: "somchai(at)example.com",
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings.map((warning) => warning.field)).toEqual([
      "provinceName",
      "postcode",
      "contactPhone",
      "contactEmail",
    ]);
    expect(outcome.value).toMatchObject({ provinceCode: null, postcode: null, contact: null });
  });

  it("treats placeholders such as '-' as empty", () => {
    expect(enterprise({ เลขทะเบียน: "0105567012348", ชื่อ: "บจ. ก", ทุนจดทะเบียน: "-", ผลิตภัณฑ์: "-" })).toMatchObject({
      ok: true,
      value: { capital: null, products: [] },
    });
  });
});

describe("readJuristicId", () => {
  it("says when a character is not a digit", () => {
    expect(readJuristicId("0105567O12348")).toEqual({
      ok: false,
      message: "juristic ID has a character that is not a digit",
      code: "invalid_format",
      params: { format: "juristic_id" },
    });
  });
});

describe("normaliseMembershipRow", () => {
  const membershipHeaders = ["เลขทะเบียน", "คลัสเตอร์", "ขั้น", "เข้าร่วม", "ออก"];
  const membershipMapping: ColumnMapping<"memberships"> = {
    juristicId: "เลขทะเบียน",
    clusterCode: "คลัสเตอร์",
    stage: "ขั้น",
    joinedOn: "เข้าร่วม",
    leftOn: "ออก",
  };
  const membership = (cells: string[]) => normaliseMembershipRow(cells, membershipHeaders, membershipMapping);

  it("reads the Thai stage and B.E. dates", () => {
    expect(membership(["0105567012348", "Coffee-CR", "กลางน้ำ", "1/10/2566", ""])).toEqual({
      ok: true,
      warnings: [],
      value: {
        juristicId: "0105567012348",
        clusterCode: "coffee-cr",
        stage: "midstream",
        joinedOn: "2023-10-01",
        leftOn: null,
        firm: null,
      },
    });
  });

  it("rejects an unknown stage, a bad cluster code and leaving before joining", () => {
    const outcome = membership(["0105567012348", "กาแฟ เชียงราย", "ทะเล", "1/10/2566", "1/1/2566"]);
    expect(outcome.ok ? [] : outcome.issues.map((issue) => issue.field)).toEqual(["clusterCode", "stage", "leftOn"]);
    const dates = membership(["0105567012348", "coffee", "upstream", "1/10/2566", "1/1/2566"]);
    expect(dates).toEqual({
      ok: false,
      issues: [
        {
          field: "leftOn",
          message: "left before joining",
          value: "1/1/2566",
          code: "not_before",
          params: { other: "joinedOn" },
        },
      ],
    });
  });

  it("requires the juristic ID, cluster and stage", () => {
    expect(membership(["", "", "", "", ""])).toMatchObject({
      ok: false,
      issues: [{ field: "juristicId" }, { field: "clusterCode" }, { field: "stage" }],
    });
  });
});

describe("normaliseLinkageRow", () => {
  const linkageHeaders = ["จาก", "ถึง", "ความสัมพันธ์", "สินค้า", "มูลค่า", "คลัสเตอร์"];
  const linkageMapping: ColumnMapping<"linkages"> = {
    fromJuristicId: "จาก",
    toJuristicId: "ถึง",
    kind: "ความสัมพันธ์",
    product: "สินค้า",
    annualValue: "มูลค่า",
    clusterCode: "คลัสเตอร์",
  };
  const linkage = (cells: string[]) => normaliseLinkageRow(cells, linkageHeaders, linkageMapping);

  it("reads a Thai kind and an amount", () => {
    expect(linkage(["0505567003213", "0105567012348", "จัดหาวัตถุดิบให้", "เส้นไหม", "1,234,567.50", ""])).toEqual({
      ok: true,
      warnings: [],
      value: {
        fromJuristicId: "0505567003213",
        toJuristicId: "0105567012348",
        kind: "supplies",
        product: "เส้นไหม",
        annualValue: 1234567.5,
        clusterCode: null,
      },
    });
  });

  it("rejects a linkage from a firm to itself and an unknown kind", () => {
    const outcome = linkage(["0505567003213", "0505567003213", "แลกเปลี่ยน", "", "", ""]);
    expect(outcome.ok ? [] : outcome.issues.map((issue) => issue.field)).toEqual(["toJuristicId", "kind"]);
  });
});
