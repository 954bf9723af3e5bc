import { describe, expect, it } from "vitest";
import { hasNameInOneLanguage, nameIn, storedName } from "./bilingual-name.ts";

describe("hasNameInOneLanguage", () => {
  it("accepts a Thai name alone", () => {
    expect(hasNameInOneLanguage("โครงการพัฒนาคลัสเตอร์", null)).toBe(true);
  });
  it("accepts an English name alone", () => {
    expect(hasNameInOneLanguage(undefined, "Cluster development")).toBe(true);
  });
  it("refuses neither, empty or spaces only", () => {
    expect(hasNameInOneLanguage(null, undefined)).toBe(false);
    expect(hasNameInOneLanguage("", "")).toBe(false);
    expect(hasNameInOneLanguage("  ", "\t")).toBe(false);
  });
});

describe("storedName", () => {
  it("trims, and stores an empty name as null", () => {
    expect(storedName("  ชื่อ ")).toBe("ชื่อ");
    expect(storedName(" ")).toBeNull();
    expect(storedName(undefined)).toBeNull();
  });
});

describe("nameIn", () => {
  it("picks the asked language, else falls back to the other", () => {
    expect(nameIn("en", "ชื่อ", "Name")).toBe("Name");
    expect(nameIn("en", "ชื่อ", null)).toBe("ชื่อ");
    expect(nameIn("th", null, "Name")).toBe("Name");
    expect(nameIn("th", "", "")).toBe("");
  });
});
