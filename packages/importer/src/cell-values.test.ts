import { describe, expect, it } from "vitest";
import {
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

describe("readDate", () => {
  it.each([
    ["12/1/2558", "2015-01-12"],
    ["๑๒/๑/๒๕๕๘", "2015-01-12"],
    ["1.10.2563", "2020-10-01"],
    ["12/01/2015", "2015-01-12"],
    ["2024-01-15", "2024-01-15"],
    ["2567-01-15", "2024-01-15"],
    ["2024-01-15T00:00:00", "2024-01-15"],
    ["12 ม.ค. 2558", "2015-01-12"],
    ["12 มกราคม 2558", "2015-01-12"],
    ["5 Feb 2021", "2021-02-05"],
    ["45306", "2024-01-15"],
  ])("reads %s as %s", (text, iso) => {
    expect(readDate(text)).toEqual({ ok: true, value: iso });
  });

  it("refuses dates that do not exist and text that is no date", () => {
    expect(readDate("29/2/2564")).toMatchObject({ ok: false, message: expect.stringContaining("not a real date") });
    expect(readDate("12 ธันว 2567")).toMatchObject({ ok: false });
    expect(readDate("soon")).toMatchObject({ ok: false });
    expect(readDate("12/1/58")).toMatchObject({ ok: false });
  });
});

describe("readAmount and readCount", () => {
  it("reads amounts with thousands separators, Thai digits and baht", () => {
    expect(readAmount("1,234,567.50")).toEqual({ ok: true, value: 1234567.5 });
    expect(readAmount("๑,๒๐๐ บาท")).toEqual({ ok: true, value: 1200 });
    expect(readAmount(" 2,000,000,000 ")).toEqual({ ok: true, value: 2_000_000_000 });
  });

  it("refuses malformed and negative amounts unless negatives are allowed", () => {
    expect(readAmount("1,23")).toMatchObject({ ok: false });
    expect(readAmount("(1,200)")).toMatchObject({ ok: false, message: expect.stringContaining("negative") });
    expect(readAmount("(1,200)", true)).toEqual({ ok: true, value: -1200 });
  });

  it("reads head counts with a unit word", () => {
    expect(readCount("๑๒ คน")).toEqual({ ok: true, value: 12 });
    expect(readCount("12.5")).toMatchObject({ ok: false });
  });
});

describe("codes and contacts", () => {
  it("keeps a TSIC code as written, taking the code from 'code description'", () => {
    expect(readTsicCode("01111")).toEqual({ ok: true, value: "01111" });
    expect(readTsicCode("1104")).toEqual({ ok: true, value: "1104" });
    expect(readTsicCode("47190 ขายปลีกสินค้าทั่วไป")).toEqual({ ok: true, value: "47190" });
    expect(readTsicCode("471901")).toMatchObject({ ok: false });
    expect(readTsicCode("C")).toMatchObject({ ok: false });
  });

  it("checks postcodes, phones and e-mails lightly", () => {
    expect(readPostcode("๕๐๑๓๐")).toEqual({ ok: true, value: "50130" });
    expect(readPostcode("5013")).toMatchObject({ ok: false });
    expect(readPhone("081-234-5678")).toEqual({ ok: true, value: "081-234-5678" });
    expect(readPhone("02 123 4567 ต่อ 12")).toEqual({ ok: true, value: "02 123 4567 ต่อ 12" });
    expect(readPhone("+66 81 234 5678")).toMatchObject({ ok: true });
    expect(readPhone("053-123456, 089-1234567")).toMatchObject({ ok: true });
    expect(readPhone("โทรหาคุณสมชาย")).toMatchObject({ ok: false });
    expect(readPhone("1234")).toMatchObject({ ok: false });
    expect(readEmail("Info@Sainam.Example.TH")).toEqual({ ok: true, value: "Info@sainam.example.th" });
    expect(readEmail("info@sainam")).toMatchObject({ ok: false });
  });

  it("splits products on separators and a spaced และ", () => {
    expect(splitProducts("ผ้าไหม, ผ้าฝ้าย; ผ้าย้อมคราม/เสื้อ\nกระเป๋า และหมวก")).toEqual([
      "ผ้าไหม",
      "ผ้าฝ้าย",
      "ผ้าย้อมคราม",
      "เสื้อ",
      "กระเป๋า",
      "หมวก",
    ]);
    expect(splitProducts("เครื่องจักรและอุปกรณ์, เครื่องจักรและอุปกรณ์")).toEqual(["เครื่องจักรและอุปกรณ์"]);
  });
});

describe("stages, linkage kinds and legal forms", () => {
  it("reads stages in English and Thai", () => {
    expect(readStage("ต้นน้ำ")).toEqual({ ok: true, value: "upstream" });
    expect(readStage("Mid-stream")).toEqual({ ok: true, value: "midstream" });
    expect(readStage("ปลายน้ำ")).toEqual({ ok: true, value: "downstream" });
    expect(readStage("ทะเล")).toMatchObject({ ok: false });
  });

  it.each([
    ["จัดหาวัตถุดิบให้", "supplies"],
    ["ขายให้", "supplies"],
    ["ซื้อจาก", "buys_from"],
    ["buys from", "buys_from"],
    ["รับจ้างผลิต", "subcontracts"],
    ["ร่วมมือ", "collaborates"],
    ["ให้คำปรึกษา", "advises"],
    ["ให้สินเชื่อ", "finances"],
    ["สนับสนุนเงินทุน", "finances"],
    ["ฝึกอบรม", "trains"],
    ["TRAINS", "trains"],
  ])("reads the linkage kind %s as %s", (text, kind) => {
    expect(readLinkageKind(text)).toEqual({ ok: true, value: kind });
  });

  it("reads legal-form columns by code, label or abbreviation", () => {
    expect(readLegalForm("ห้างหุ้นส่วนจำกัด")).toEqual({ ok: true, value: "limited_partnership" });
    expect(readLegalForm("บมจ.")).toEqual({ ok: true, value: "public_company_limited" });
    expect(readLegalForm("Company limited")).toEqual({ ok: true, value: "company_limited" });
    expect(readLegalForm("community_enterprise")).toEqual({ ok: true, value: "community_enterprise" });
    expect(readLegalForm("มูลนิธิ")).toMatchObject({ ok: false });
  });

  it("reads the legal form from a DBD juristic ID's fourth digit", () => {
    expect(legalFormFromJuristicId("0105567012348")).toBe("company_limited");
    expect(legalFormFromJuristicId("0103567004564")).toBe("limited_partnership");
    expect(legalFormFromJuristicId("0107567000121")).toBe("public_company_limited");
    expect(legalFormFromJuristicId("0993000000000")).toBeNull();
  });
});
