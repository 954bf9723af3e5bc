import { describe, expect, it } from "vitest";
import { isRecordCode, recordCodePattern } from "./record-code.ts";

describe("isRecordCode", () => {
  it("accepts 2-80 lowercase letters, digits or hyphens starting with a letter or digit", () => {
    expect(isRecordCode("coffee-chiangrai")).toBe(true);
    expect(isRecordCode("c1")).toBe(true);
    expect(isRecordCode("2021-otop")).toBe(true);
    expect(isRecordCode(`a${"b".repeat(79)}`)).toBe(true);
  });

  it("refuses a code too short or too long, leading with a hyphen, or with capitals, spaces or Thai", () => {
    expect(isRecordCode("a")).toBe(false);
    expect(isRecordCode(`a${"b".repeat(80)}`)).toBe(false);
    expect(isRecordCode("-coffee")).toBe(false);
    expect(isRecordCode("Coffee")).toBe(false);
    expect(isRecordCode("coffee chiangrai")).toBe(false);
    expect(isRecordCode("กาแฟ")).toBe(false);
  });

  it("is the pattern the contract and the importer check", () => {
    expect(recordCodePattern.test("coffee-chiangrai")).toBe(true);
    expect(recordCodePattern.source).toBe("^[a-z0-9][a-z0-9-]{1,79}$");
  });
});
