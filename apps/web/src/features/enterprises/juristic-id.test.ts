import { describe, expect, it } from "vitest";
import {
  formatJuristicId,
  isValidJuristicId,
  juristicIdCheckDigit,
  juristicIdProblem,
  normalizeJuristicId,
} from "./juristic-id";

describe("juristic ID", () => {
  it("accepts a real ID with its check digit, with or without separators", () => {
    expect(isValidJuristicId("0105536112014")).toBe(true);
    expect(isValidJuristicId("0-1055-36112-01-4")).toBe(true);
    expect(isValidJuristicId("๐๑๐๕๕๓๖๑๑๒๐๑๔")).toBe(true);
  });

  it("rejects a juristic ID with a wrong check digit", () => {
    expect(juristicIdProblem("0105536112015")).toBe("wrong_check_digit");
  });

  it("says when the ID is empty, too short or has letters", () => {
    expect(juristicIdProblem("  ")).toBe("empty");
    expect(juristicIdProblem("010553611201")).toBe("wrong_length");
    expect(juristicIdProblem("01055361120a4")).toBe("non_digit");
  });

  it("computes the mod-11 check digit from the first twelve digits", () => {
    expect(juristicIdCheckDigit("010553611201")).toBe(4);
    expect(juristicIdCheckDigit("12")).toBeNull();
  });

  it("formats as 0-0000-00000-00-0 and leaves other text alone", () => {
    expect(formatJuristicId("0105536112014")).toBe("0-1055-36112-01-4");
    expect(formatJuristicId("12-34")).toBe("12-34");
    expect(normalizeJuristicId("0 1055 36112 01 4")).toBe("0105536112014");
  });
});
