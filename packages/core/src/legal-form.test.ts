import { describe, it, expect } from "vitest";
import type { LegalForm } from "./legal-form.ts";
import { formatLegalForm, legalFormFromName, legalForms } from "./legal-form.ts";

describe("legalFormFromName — Thai companies", () => {
  it.each<[string, LegalForm, string]>([
    ["บริษัท สายน้ำ จำกัด", "company_limited", "สายน้ำ"],
    ["บริษัทสายน้ำจำกัด", "company_limited", "สายน้ำ"],
    ["บจ. สายน้ำ", "company_limited", "สายน้ำ"],
    ["บจ.สายน้ำ", "company_limited", "สายน้ำ"],
    ["บจก. สายน้ำ", "company_limited", "สายน้ำ"],
    ["บริษัท สายน้ำ", "company_limited", "สายน้ำ"],
    ["สายน้ำ จำกัด", "company_limited", "สายน้ำ"],
  ])("reads %s as %s with base name %s", (name, form, baseName) => {
    expect(legalFormFromName(name)).toEqual({ form, baseName });
  });

  it("reads บริษัท … จำกัด (มหาชน) as public, not limited", () => {
    expect(legalFormFromName("บริษัท ปตท. จำกัด (มหาชน)")).toEqual({ form: "public_company_limited", baseName: "ปตท." });
  });

  it("reads (มหาชน) without a space or with extra spaces as public", () => {
    expect(legalFormFromName("บริษัท สายน้ำ จำกัด(มหาชน)").form).toBe("public_company_limited");
    expect(legalFormFromName("บริษัท สายน้ำ จำกัด ( มหาชน )").form).toBe("public_company_limited");
  });

  it("reads บมจ. as public", () => {
    expect(legalFormFromName("บมจ. สายน้ำ")).toEqual({ form: "public_company_limited", baseName: "สายน้ำ" });
  });

  it("does not take a name merely starting with the letters of an abbreviation for one", () => {
    // "บจ" without a dot or space is not the abbreviation.
    expect(legalFormFromName("บจกรรม").form).toBe("unknown");
  });
});

describe("legalFormFromName — Thai partnerships, community enterprises and cooperatives", () => {
  it.each<[string, LegalForm, string]>([
    ["ห้างหุ้นส่วนจำกัด สายน้ำการค้า", "limited_partnership", "สายน้ำการค้า"],
    ["หจก. สายน้ำการค้า", "limited_partnership", "สายน้ำการค้า"],
    ["หจก.สายน้ำการค้า", "limited_partnership", "สายน้ำการค้า"],
    ["ห้างหุ้นส่วนสามัญนิติบุคคล สายน้ำ", "registered_ordinary_partnership", "สายน้ำ"],
    ["หสน. สายน้ำ", "registered_ordinary_partnership", "สายน้ำ"],
    ["วิสาหกิจชุมชนกลุ่มทอผ้าบ้านนาต้นจั่น", "community_enterprise", "กลุ่มทอผ้าบ้านนาต้นจั่น"],
    ["วิสาหกิจชุมชน กลุ่มกาแฟดอยช้าง", "community_enterprise", "กลุ่มกาแฟดอยช้าง"],
    ["สหกรณ์การเกษตรเมืองเชียงใหม่ จำกัด", "cooperative", "การเกษตรเมืองเชียงใหม่"],
  ])("reads %s as %s with base name %s", (name, form, baseName) => {
    expect(legalFormFromName(name)).toEqual({ form, baseName });
  });

  it("does not read a limited partnership as a company although its prefix contains จำกัด", () => {
    expect(legalFormFromName("ห้างหุ้นส่วนจำกัด สายน้ำ").form).toBe("limited_partnership");
  });

  it("does not read a cooperative ending in จำกัด as a company", () => {
    expect(legalFormFromName("สหกรณ์ออมทรัพย์ครู จำกัด").form).toBe("cooperative");
  });

  it("leaves a non-registered ordinary partnership unknown", () => {
    expect(legalFormFromName("ห้างหุ้นส่วนสามัญ สายน้ำ").form).toBe("unknown");
  });
});

describe("legalFormFromName — English names", () => {
  it.each<[string, LegalForm, string]>([
    ["Sainam Co., Ltd.", "company_limited", "Sainam"],
    ["Sainam Co.,Ltd.", "company_limited", "Sainam"],
    ["Sainam Co. Ltd", "company_limited", "Sainam"],
    ["SAINAM CO., LTD.", "company_limited", "SAINAM"],
    ["Sainam Company Limited", "company_limited", "Sainam"],
    ["Sainam Limited", "company_limited", "Sainam"],
    ["Sainam Ltd.", "company_limited", "Sainam"],
    ["PTT Public Company Limited", "public_company_limited", "PTT"],
    ["PTT PCL", "public_company_limited", "PTT"],
    ["PTT PCL.", "public_company_limited", "PTT"],
    ["PTT Public Co., Ltd.", "public_company_limited", "PTT"],
    ["Sainam Trading Ltd. Part.", "limited_partnership", "Sainam Trading"],
    ["Sainam Trading Ltd., Part.", "limited_partnership", "Sainam Trading"],
    ["Sainam Trading Limited Partnership", "limited_partnership", "Sainam Trading"],
    ["Sainam Registered Ordinary Partnership", "registered_ordinary_partnership", "Sainam"],
    ["Ban Na Ton Chan Weaving Community Enterprise", "community_enterprise", "Ban Na Ton Chan Weaving"],
    ["Community Enterprise of Doi Chang Coffee", "community_enterprise", "Doi Chang Coffee"],
  ])("reads %s as %s with base name %s", (name, form, baseName) => {
    expect(legalFormFromName(name)).toEqual({ form, baseName });
  });

  it("reads Public Company Limited as public, not limited", () => {
    expect(legalFormFromName("Siam Cement Public Company Limited").form).toBe("public_company_limited");
  });

  it("reads Ltd. Part. as a partnership, not a company", () => {
    expect(legalFormFromName("ABC Ltd. Part.").form).toBe("limited_partnership");
  });
});

describe("legalFormFromName — normalisation and unknowns", () => {
  it("normalises spaces and zero-width characters before matching", () => {
    expect(legalFormFromName("  บริษัท\u200B   สายน้ำ   จำกัด ")).toEqual({ form: "company_limited", baseName: "สายน้ำ" });
  });

  it("returns unknown with the whole name for a name without a marker", () => {
    expect(legalFormFromName("ร้านกาแฟสายน้ำ")).toEqual({ form: "unknown", baseName: "ร้านกาแฟสายน้ำ" });
  });

  it("returns unknown for a bare marker with no name", () => {
    expect(legalFormFromName("บริษัท")).toEqual({ form: "unknown", baseName: "บริษัท" });
  });

  it("returns unknown for an empty name", () => {
    expect(legalFormFromName("")).toEqual({ form: "unknown", baseName: "" });
  });
});

describe("formatLegalForm", () => {
  it("names each form in Thai and English", () => {
    expect(formatLegalForm("public_company_limited", "th")).toBe("บริษัทมหาชนจำกัด");
    expect(formatLegalForm("limited_partnership", "en")).toBe("Limited partnership");
  });

  it("has a label for every form in both languages", () => {
    for (const form of legalForms) {
      expect(formatLegalForm(form, "th")).not.toBe("");
      expect(formatLegalForm(form, "en")).not.toBe("");
    }
  });
});
