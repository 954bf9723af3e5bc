import { describe, expect, it } from "vitest";
import { checkMapping, headerKey, parseColumnMapping, suggestMapping } from "./mapping.ts";

describe("suggestMapping for enterprises", () => {
  it("maps the DBD monthly headers", () => {
    const headers = [
      "ลำดับ",
      "เลขทะเบียน",
      "ชื่อนิติบุคคล",
      "วันที่ จดทะเบียน",
      "ทุนจดทะเบียน (บาท)",
      "รายละเอียดวัตถุประสงค์",
      "ที่ตั้งสำนักงานใหญ่",
    ];
    expect(suggestMapping("enterprises", headers)).toEqual({
      juristicId: "เลขทะเบียน",
      nameTh: "ชื่อนิติบุคคล",
      registeredOn: "วันที่ จดทะเบียน",
      capital: "ทุนจดทะเบียน (บาท)",
      businessType: "รายละเอียดวัตถุประสงค์",
      address: "ที่ตั้งสำนักงานใหญ่",
    });
  });

  it("maps Thai synonyms of a programme's member list", () => {
    const headers = [
      "ที่",
      "เลขประจำตัวผู้เสียภาษี",
      "ชื่อบริษัท",
      "ชื่อภาษาอังกฤษ",
      "รหัสประเภทธุรกิจ",
      "ประเภทธุรกิจ",
      "ที่อยู่",
      "จังหวัด",
      "อำเภอ/เขต",
      "รหัสไปรษณีย์",
      "ผลิตภัณฑ์",
      "ชื่อผู้ติดต่อ",
      "เบอร์โทร",
      "โทรสาร",
      "อีเมล์",
      "จำนวนพนักงาน (คน)",
      "รายได้ต่อปี (บาท)",
    ];
    expect(suggestMapping("enterprises", headers)).toEqual({
      juristicId: "เลขประจำตัวผู้เสียภาษี",
      nameTh: "ชื่อบริษัท",
      nameEn: "ชื่อภาษาอังกฤษ",
      tsicCode: "รหัสประเภทธุรกิจ",
      businessType: "ประเภทธุรกิจ",
      address: "ที่อยู่",
      provinceName: "จังหวัด",
      districtName: "อำเภอ/เขต",
      postcode: "รหัสไปรษณีย์",
      products: "ผลิตภัณฑ์",
      contactName: "ชื่อผู้ติดต่อ",
      contactPhone: "เบอร์โทร",
      contactEmail: "อีเมล์",
      employees: "จำนวนพนักงาน (คน)",
      revenue: "รายได้ต่อปี (บาท)",
    });
  });

  it("maps English headers whatever their case and punctuation", () => {
    const headers = [
      "Juristic_ID",
      "Company Name",
      "English name",
      "Registration Date",
      "Registered capital",
      "TSIC",
      "Province",
      "District",
      "Postal Code",
      "E-mail",
      "Tel.",
    ];
    expect(suggestMapping("enterprises", headers)).toEqual({
      juristicId: "Juristic_ID",
      nameTh: "Company Name",
      nameEn: "English name",
      registeredOn: "Registration Date",
      capital: "Registered capital",
      tsicCode: "TSIC",
      provinceName: "Province",
      districtName: "District",
      postcode: "Postal Code",
      contactEmail: "E-mail",
      contactPhone: "Tel.",
    });
  });

  it("reads the sub-heading of a merged two-row header as the specific field", () => {
    const mapping = suggestMapping("enterprises", ["เลขทะเบียน", "ชื่อ", "ที่อยู่ เลขที่", "ที่อยู่ จังหวัด", "ที่อยู่ อำเภอ"]);
    expect(mapping).toMatchObject({ address: "ที่อยู่ เลขที่", provinceName: "ที่อยู่ จังหวัด", districtName: "ที่อยู่ อำเภอ" });
  });

  it("tells a community-enterprise number from a juristic ID", () => {
    expect(suggestMapping("enterprises", ["เลขทะเบียนวิสาหกิจชุมชน", "ชื่อวิสาหกิจ"])).toEqual({
      ceRegistrationNo: "เลขทะเบียนวิสาหกิจชุมชน",
      nameTh: "ชื่อวิสาหกิจ",
    });
  });

  it("recognises an unnamed column by its values when sample rows are given", () => {
    const mapping = suggestMapping(
      "enterprises",
      ["รหัส", "ชื่อ", "ติดต่อทาง"],
      [
        ["0105567012348", "บจ. ก", "a@example.co.th"],
        ["0103567004564", "หจ. ข", "b@example.com"],
      ],
    );
    expect(mapping).toEqual({ juristicId: "รหัส", nameTh: "ชื่อ", contactEmail: "ติดต่อทาง" });
  });

  it("leaves unknown headers unmapped", () => {
    expect(suggestMapping("enterprises", ["หมายเหตุ", "Column 3"])).toEqual({});
  });
});

describe("suggestMapping for memberships and linkages", () => {
  it("maps membership headers, including the stage column by its values", () => {
    expect(suggestMapping("memberships", ["เลขทะเบียนนิติบุคคล", "รหัสคลัสเตอร์", "ขั้น", "วันที่เข้าร่วม", "วันที่ออก"])).toEqual({
      juristicId: "เลขทะเบียนนิติบุคคล",
      clusterCode: "รหัสคลัสเตอร์",
      stage: "ขั้น",
      joinedOn: "วันที่เข้าร่วม",
      leftOn: "วันที่ออก",
    });
    expect(
      suggestMapping("memberships", ["juristic id", "cluster", "ตำแหน่ง"], [["0105567012348", "coffee", "ต้นน้ำ"]]),
    ).toMatchObject({
      stage: "ตำแหน่ง",
    });
  });

  it("maps linkage headers", () => {
    expect(suggestMapping("linkages", ["ผู้ขาย", "ผู้ซื้อ", "ความสัมพันธ์", "สินค้า", "มูลค่าต่อปี (บาท)", "คลัสเตอร์"])).toEqual({
      fromJuristicId: "ผู้ขาย",
      toJuristicId: "ผู้ซื้อ",
      kind: "ความสัมพันธ์",
      product: "สินค้า",
      annualValue: "มูลค่าต่อปี (บาท)",
      clusterCode: "คลัสเตอร์",
    });
    expect(suggestMapping("linkages", ["From", "To", "Kind", "Total"])).toEqual({
      fromJuristicId: "From",
      toJuristicId: "To",
      kind: "Kind",
    });
  });
});

describe("headerKey", () => {
  it("ignores case, spaces, punctuation and units in brackets", () => {
    expect(headerKey(" ทุนจดทะเบียน\n(บาท) ")).toBe("ทุนจดทะเบียน");
    expect(headerKey("E-Mail")).toBe("email");
    expect(headerKey("กรุงเทพฯ")).toBe("กรุงเทพ");
  });
});

describe("parseColumnMapping and checkMapping", () => {
  it("keeps only known fields with text headers from saved JSON", () => {
    expect(
      parseColumnMapping("memberships", JSON.parse('{"juristicId":"เลข","stage":"ขั้น","capital":"ทุน","leftOn":3}')),
    ).toEqual({
      juristicId: "เลข",
      stage: "ขั้น",
    });
    expect(parseColumnMapping("memberships", "nope")).toBeNull();
  });

  it("accepts a complete mapping", () => {
    expect(checkMapping("enterprises", { juristicId: "เลข", nameTh: "ชื่อ" }, ["เลข", "ชื่อ"])).toEqual([]);
  });

  it("reports missing headers, a header used twice, unknown fields and required fields", () => {
    expect(
      checkMapping("enterprises", { juristicId: "เลข", nameTh: "เลข", postcode: "ไปรษณีย์", colour: "สี" }, ["เลข"]),
    ).toEqual([
      { code: "duplicate_header", field: "nameTh", header: "เลข" },
      { code: "missing_header", field: "postcode", header: "ไปรษณีย์" },
      { code: "unknown_field", field: "colour" },
    ]);
    expect(checkMapping("linkages", { fromJuristicId: "a" }, ["a"])).toEqual([
      { code: "required", fields: ["toJuristicId"] },
      { code: "required", fields: ["kind"] },
    ]);
  });
});
