import { describe, expect, it } from "vitest";
import {
  certificationExpired,
  certificationKinds,
  certificationProblems,
  certificationWords,
  hsChapterOf,
  normaliseHsCode,
  productProblems,
  productSearchText,
} from "./products.ts";

describe("certifications", () => {
  it("words every kind in Thai and English", () => {
    for (const kind of certificationKinds) {
      expect(certificationWords[kind].th).not.toBe("");
      expect(certificationWords[kind].en).not.toBe("");
    }
    expect(certificationWords.fda.th).toBe("อย.");
    expect(certificationWords.tisi.th).toBe("มอก.");
  });

  it("takes OTOP stars 1-5 for OTOP only, and requires them there", () => {
    expect(certificationProblems({ kind: "otop", otopStars: 5 })).toEqual([]);
    expect(certificationProblems({ kind: "otop" })).toEqual([{ path: "otopStars", code: "required" }]);
    expect(certificationProblems({ kind: "otop", otopStars: 6 })[0]).toMatchObject({ code: "out_of_range" });
    expect(certificationProblems({ kind: "halal", otopStars: 3 })[0]).toMatchObject({
      path: "otopStars",
      code: "not_applicable",
    });
  });

  it("refuses an unknown kind and an impossible expiry date", () => {
    expect(certificationProblems({ kind: "iso9001" })[0]).toMatchObject({ path: "kind", code: "invalid_choice" });
    expect(certificationProblems({ kind: "fda", expiresOn: "2026-02-30" })[0]).toMatchObject({ path: "expiresOn" });
  });

  it("counts a certification valid through its expiry day and expired the day after", () => {
    expect(certificationExpired("2026-12-07", "2026-12-07")).toBe(false);
    expect(certificationExpired("2026-12-06", "2026-12-07")).toBe(true);
    expect(certificationExpired(null, "2099-01-01")).toBe(false);
  });
});

describe("productProblems", () => {
  it("accepts a product named in Thai only", () => {
    expect(productProblems({ nameTh: "ข้าวหอมมะลิ", priceMin: 40, priceMax: 60, exportMarkets: ["JP", "CN"] })).toEqual(
      [],
    );
  });

  it("needs a name in Thai or English", () => {
    expect(productProblems({ nameTh: " ", nameEn: null })).toEqual([
      { path: "nameTh", code: "required", params: { or: "nameEn" } },
    ]);
  });

  it("refuses a lowest price above the highest, naming priceMax", () => {
    expect(productProblems({ nameEn: "Silk", priceMin: 900, priceMax: 500 })[0]).toMatchObject({
      path: "priceMax",
      code: "not_before",
    });
  });

  it("takes HS codes of 4 to 10 digits, dots allowed", () => {
    expect(normaliseHsCode("0901.21")).toBe("090121");
    expect(normaliseHsCode("1006.30.99.00")).toBe("1006309900");
    expect(normaliseHsCode("090")).toBeNull();
    expect(normaliseHsCode("12345678901")).toBeNull();
    expect(hsChapterOf("090121")).toBe("09");
    expect(productProblems({ nameEn: "Coffee", hsCode: "09a1" })[0]).toMatchObject({ path: "hsCode" });
  });

  it("takes export markets as assigned ISO country codes, naming the wrong one and the code to use", () => {
    expect(productProblems({ nameEn: "Silk", exportMarkets: ["JP", "QQ", "UK"] })).toEqual([
      { path: "exportMarkets.1", code: "invalid_choice", params: { reason: "country_not_assigned", given: "QQ" } },
      {
        path: "exportMarkets.2",
        code: "invalid_choice",
        params: { reason: "country_alias", given: "UK", instead: "GB" },
      },
    ]);
  });
});

describe("productSearchText", () => {
  it("finds a product by its names, and by its descriptions and firm's base name in the body", () => {
    const text = productSearchText({
      name_th: "ทุเรียนหมอนทอง",
      name_en: "Monthong Durian",
      description_th: "ทุเรียนสดจากจันทบุรี",
      description_en: null,
      firm_name_th: "บริษัท สวนทองจันท์ จำกัด",
      firm_name_en: null,
    });
    expect(text.name).toBe(" ทุเรียนหมอนทอง | monthong durian ");
    expect(text.body).toContain("สวนทองจันท์");
    expect(text.body).not.toContain("บริษัท");
  });
});
