import { describe, expect, it } from "vitest";
import { indexGazetteer } from "./gazetteer.ts";
import {
  readAvailable,
  readCapacity,
  readExpertAreas,
  readExpertFields,
  readProviderKind,
  readProvinces,
  type AreaLookup,
} from "./service-providers.ts";
import { testGazetteer } from "./test-support/gazetteer.ts";

const index = indexGazetteer(testGazetteer);
const lookup: AreaLookup = {
  findProvince: (name) => index.findProvince(name),
  allProvinceCodes: testGazetteer.provinces.map((p) => p.code),
  regions: [
    { code: "north", nameTh: "ภาคเหนือ", nameEn: "North", provinceCodes: ["50"] },
    { code: "south", nameTh: "ภาคใต้", nameEn: "South", provinceCodes: ["90"] },
  ],
};

describe("#provider-import: reading Thai and English words", () => {
  it.each([
    ["ศูนย์ ITC", "itc_centre"],
    ["ITC", "itc_centre"],
    ["ITC สาขา", "itc_branch"],
    ["สาขา ITC", "itc_branch"],
    ["ITC สาขาขอนแก่น", "itc_branch"],
    ["itc_branch", "itc_branch"],
    ["TIDC", "design_centre"],
    ["ศูนย์สนับสนุนและช่วยเหลือเอสเอ็มอี", "rescue_centre"],
    ["มหาวิทยาลัยเชียงใหม่", "university"],
    ["University", "university"],
    ["BDS เอกชน", "private_bds"],
  ])("reads the kind %s as %s", (text, kind) => {
    expect(readProviderKind(text)).toEqual({ ok: true, value: kind });
  });

  it("refuses a word that is no kind", () => {
    expect(readProviderKind("ร้านกาแฟ")).toMatchObject({ ok: false, code: "invalid_choice" });
  });

  it("reads fields in Thai and English, with spelling variants, and names the unknown ones", () => {
    expect(readExpertFields("การตลาด, ลอจิสติกส์ / Business law")).toEqual({
      values: ["marketing", "logistics", "business_law"],
      unknown: [],
    });
    expect(readExpertFields("การตลาด เทคโนโลยี")).toEqual({ values: ["marketing", "technology"], unknown: [] });
    expect(readExpertFields("การตลาด; โหราศาสตร์")).toEqual({ values: ["marketing"], unknown: ["โหราศาสตร์"] });
  });

  it("reads provinces by Thai or English name, prefix, Bangkok's short forms, code, region or ทั่วประเทศ", () => {
    expect(readProvinces("จ.เชียงใหม่, กทม., Songkhla, 12", lookup)).toEqual({
      values: ["50", "10", "90", "12"],
      unknown: [],
    });
    expect(readProvinces("ทั่วประเทศ", lookup).values).toHaveLength(testGazetteer.provinces.length);
    expect(readProvinces("all", lookup).values).toHaveLength(testGazetteer.provinces.length);
    expect(readProvinces("ภาคใต้", lookup)).toEqual({ values: ["90"], unknown: [] });
    expect(readProvinces("เชียงใหม, หาดใหญ่", lookup).unknown).toEqual(["เชียงใหม", "หาดใหญ่"]);
  });

  it("reads an expert's areas as provinces and whole regions", () => {
    expect(readExpertAreas("เชียงใหม่, ภาคใต้", lookup)).toEqual({
      values: [
        { type: "province", code: "50" },
        { type: "region", code: "south" },
      ],
      unknown: [],
    });
    expect(readExpertAreas("ทั่วประเทศ", lookup).values).toEqual([
      { type: "region", code: "north" },
      { type: "region", code: "south" },
    ]);
  });

  it("reads capacity and availability", () => {
    expect(readCapacity("5 เรื่อง")).toEqual({ ok: true, value: 5 });
    expect(readCapacity("0")).toMatchObject({ ok: false, code: "out_of_range" });
    expect(readCapacity("51")).toMatchObject({ ok: false, code: "out_of_range" });
    expect(readCapacity("ห้า")).toMatchObject({ ok: false, code: "not_integer" });
    expect(readAvailable("ว่าง")).toEqual({ ok: true, value: true });
    expect(readAvailable("ไม่ว่าง")).toEqual({ ok: true, value: false });
    expect(readAvailable("บางที")).toMatchObject({ ok: false, code: "invalid_choice" });
  });
});
