import { describe, expect, it } from "vitest";
import { indexGazetteer } from "./gazetteer.ts";
import { testGazetteer } from "./test-support/gazetteer.ts";

const index = indexGazetteer(testGazetteer);

describe("indexGazetteer", () => {
  it.each([
    ["เชียงใหม่", "50"],
    ["จ.เชียงใหม่", "50"],
    ["จังหวัด เชียงใหม่", "50"],
    ["Chiang Mai", "50"],
    ["chiangmai", "50"],
    ["Lop Buri", "16"],
    ["กรุงเทพฯ", "10"],
    ["กทม.", "10"],
    ["Bangkok", "10"],
  ])("finds the province %s", (name, code) => {
    expect(index.findProvince(name)).toBe(code);
  });

  it("reads DOPA and ISO province codes, and refuses a code that is not a province", () => {
    expect(index.findProvince("50")).toBe("50");
    expect(index.findProvince("TH-10")).toBe("10");
    expect(index.findProvince("99")).toBeNull();
  });

  it("reads a 4-digit district code only within its province", () => {
    expect(index.findDistrict("5013", "50")).toEqual({ code: "5013", provinceCode: "50" });
    expect(index.findDistrict("5013", null)).toEqual({ code: "5013", provinceCode: "50" });
    expect(index.findDistrict("5013", "10")).toBeNull();
  });

  it("finds no province for an unknown name", () => {
    expect(index.findProvince("เชียงตุง")).toBeNull();
  });

  it("finds districts with or without their prefixes, in Thai and English", () => {
    expect(index.findDistrict("อ.สันกำแพง", "50")).toEqual({ code: "5013", provinceCode: "50" });
    expect(index.findDistrict("San Kamphaeng", null)).toEqual({ code: "5013", provinceCode: "50" });
    expect(index.findDistrict("บางรัก", "10")).toEqual({ code: "1004", provinceCode: "10" });
    expect(index.findDistrict("เขตบางรัก", null)).toEqual({ code: "1004", provinceCode: "10" });
    expect(index.findDistrict("Khet Bang Rak", "10")).toEqual({ code: "1004", provinceCode: "10" });
  });

  it("reads อ.เมือง / Muang as the capital district of the province given", () => {
    expect(index.findDistrict("อ.เมือง", "90")).toEqual({ code: "9001", provinceCode: "90" });
    expect(index.findDistrict("Muang", "50")).toEqual({ code: "5001", provinceCode: "50" });
    expect(index.findDistrict("เมือง", null)).toBeNull();
  });

  it("needs the province for a district name found in several provinces", () => {
    expect(index.findDistrict("เฉลิมพระเกียรติ", null)).toBeNull();
    expect(index.findDistrict("เฉลิมพระเกียรติ", "30")).toEqual({ code: "3032", provinceCode: "30" });
  });

  it("does not find a district in the wrong province", () => {
    expect(index.findDistrict("สันกำแพง", "90")).toBeNull();
  });
});
