import { describe, it, expect } from "vitest";
import {
  describeJuristicId,
  formatJuristicId,
  isValidJuristicId,
  juristicIdCheckDigit,
  normalizeJuristicId,
} from "./juristic-id.ts";

// 0105536112014: Σ = 0·13 + 1·12 + 0·11 + 5·10 + 5·9 + 3·8 + 6·7 + 1·6 + 1·5 + 2·4 + 0·3 + 1·2 = 194;
// 194 mod 11 = 7; (11 − 7) mod 10 = 4 — the last digit.
const KNOWN_VALID = "0105536112014";

// Computed with the formula by hand:
// 010555900001·: Σ = 12 + 50 + 45 + 40 + 63 + 0 + … + 2 = 212; 212 mod 11 = 3 → 8.
// 123456789012·: Σ = 13+24+33+40+45+48+49+48+45+0+3+4 = 352; 352 mod 11 = 0 → (11 − 0) mod 10 = 1.
// 000000000001·: Σ = 2; 2 mod 11 = 2 → 9.
// 000000000009·: Σ = 18; 18 mod 11 = 7 → 4.
// 000000000005·: Σ = 10; 10 mod 11 = 10 → (11 − 10) mod 10 = 1.
// 000000000000·: Σ = 0 → (11 − 0) mod 10 = 1.
// 000000000030·: Σ = 9; 9 mod 11 = 9 → 2. 000000000600: Σ = 24; 24 mod 11 = 2 → 9.
// 000000000006·: Σ = 12; 12 mod 11 = 1 → (11 − 1) mod 10 = 0.

describe("juristicIdCheckDigit", () => {
  it("gives 4 for the first twelve digits of 0105536112014", () => {
    expect(juristicIdCheckDigit("010553611201")).toBe(4);
  });

  it.each([
    ["010555900001", 8],
    ["123456789012", 1],
    ["000000000001", 9],
    ["000000000009", 4],
    ["000000000030", 2],
    ["000000000600", 9],
  ])("gives the formula's digit for %s", (first12, digit) => {
    expect(juristicIdCheckDigit(first12)).toBe(digit);
  });

  it("maps a sum ≡ 0 (mod 11) to 1, since 11 mod 10 = 1", () => {
    expect(juristicIdCheckDigit("000000000000")).toBe(1);
  });

  it("maps a sum ≡ 10 (mod 11) to 1", () => {
    expect(juristicIdCheckDigit("000000000005")).toBe(1);
  });

  it("maps a sum ≡ 1 (mod 11) to 0", () => {
    expect(juristicIdCheckDigit("000000000006")).toBe(0);
  });

  it("returns null unless given exactly twelve digits", () => {
    expect(juristicIdCheckDigit("01055361120")).toBeNull();
    expect(juristicIdCheckDigit("0105536112014")).toBeNull();
    expect(juristicIdCheckDigit("01055361120A")).toBeNull();
  });
});

describe("normalizeJuristicId", () => {
  it("removes dashes and spaces", () => {
    expect(normalizeJuristicId("0-1055-36112-01-4")).toBe(KNOWN_VALID);
    expect(normalizeJuristicId(" 0 1055 36112 01 4 ")).toBe(KNOWN_VALID);
  });

  it("removes en dashes and dots", () => {
    expect(normalizeJuristicId("0\u20131055\u201336112.01.4")).toBe(KNOWN_VALID);
  });

  it("folds Thai digits", () => {
    expect(normalizeJuristicId("๐๑๐๕๕๓๖๑๑๒๐๑๔")).toBe(KNOWN_VALID);
  });

  it("keeps letters so that they can be reported", () => {
    expect(normalizeJuristicId("0105-A")).toBe("0105A");
  });
});

describe("isValidJuristicId", () => {
  it("accepts 0105536112014", () => {
    expect(isValidJuristicId(KNOWN_VALID)).toBe(true);
  });

  it.each(["0105559000018", "1234567890121", "0000000000019", "0000000000094"])(
    "accepts %s, computed with the formula",
    (id) => {
      expect(isValidJuristicId(id)).toBe(true);
    },
  );

  it("accepts an ID written with dashes or spaces", () => {
    expect(isValidJuristicId("0-1055-36112-01-4")).toBe(true);
    expect(isValidJuristicId("0 1055 36112 01 4")).toBe(true);
  });

  it("rejects every one-digit change outside the third digit", () => {
    for (let position = 0; position < 13; position++) {
      if (position === 2) continue;
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === KNOWN_VALID[position]) continue;
        const changed = `${KNOWN_VALID.slice(0, position)}${digit}${KNOWN_VALID.slice(position + 1)}`;
        expect(isValidJuristicId(changed), changed).toBe(false);
      }
    }
  });

  it("cannot detect a change of the third digit, whose weight 11 vanishes mod 11", () => {
    // A limit of the official scheme, not of this code: the registrar-office digits are unprotected.
    expect(isValidJuristicId("0195536112014")).toBe(true);
  });

  it("rejects two adjacent digits swapped", () => {
    expect(isValidJuristicId("1005536112014")).toBe(false);
  });

  it("rejects the empty string", () => {
    expect(isValidJuristicId("")).toBe(false);
  });
});

describe("describeJuristicId", () => {
  it("returns the normalised ID when valid", () => {
    expect(describeJuristicId("0-1055-36112-01-4")).toEqual({ ok: true, value: KNOWN_VALID });
  });

  it("rejects a juristic ID with a wrong check digit", () => {
    expect(describeJuristicId("0105536112015")).toEqual({ ok: false, reason: "wrong_check_digit" });
  });

  it("rejects a juristic ID that is too short", () => {
    expect(describeJuristicId("010553611201")).toEqual({ ok: false, reason: "wrong_length" });
  });

  it("rejects a juristic ID that is too long", () => {
    expect(describeJuristicId("01055361120140")).toEqual({ ok: false, reason: "wrong_length" });
  });

  it("rejects a juristic ID containing a letter", () => {
    expect(describeJuristicId("01055361120A4")).toEqual({ ok: false, reason: "non_digit" });
  });

  it("reports a letter before the length, since the letter is the clearer problem", () => {
    expect(describeJuristicId("ABC")).toEqual({ ok: false, reason: "non_digit" });
  });

  it("reports an empty or separator-only ID as empty", () => {
    expect(describeJuristicId("")).toEqual({ ok: false, reason: "empty" });
    expect(describeJuristicId(" - - ")).toEqual({ ok: false, reason: "empty" });
  });
});

describe("formatJuristicId", () => {
  it("groups a valid ID as 1-4-5-2-1", () => {
    expect(formatJuristicId(KNOWN_VALID)).toBe("0-1055-36112-01-4");
  });

  it("returns null for an invalid ID", () => {
    expect(formatJuristicId("0105536112015")).toBeNull();
  });
});
