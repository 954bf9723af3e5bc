import { describe, expect, it } from "vitest";
import { localName, otherName, pickLocalized } from "./bilingual";

describe("pickLocalized", () => {
  it("shows the name in the interface language", () => {
    expect(pickLocalized("th", "โครงการ", "Programme")).toBe("โครงการ");
    expect(pickLocalized("en", "โครงการ", "Programme")).toBe("Programme");
  });
  it("falls back to the other language when the name is missing or empty (Thai-only records in English)", () => {
    expect(pickLocalized("en", "โครงการ", null)).toBe("โครงการ");
    expect(pickLocalized("en", "โครงการ", "  ")).toBe("โครงการ");
    expect(pickLocalized("th", null, "Programme")).toBe("Programme");
  });
});

describe("otherName", () => {
  it("is empty for a record named in one language only", () => {
    expect(localName("en", { nameTh: "โครงการ", nameEn: null })).toBe("โครงการ");
    expect(otherName("en", { nameTh: "โครงการ", nameEn: null })).toBe("");
    expect(otherName("th", { nameTh: "โครงการ", nameEn: null })).toBe("");
  });
});
