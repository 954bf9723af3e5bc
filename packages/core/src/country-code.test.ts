import { describe, expect, it } from "vitest";
import {
  countryCodeIssue,
  countryCodeProblem,
  countryCodes,
  isCountryCode,
  normaliseCountryCode,
} from "./country-code.ts";

describe("countryCodes", () => {
  it("lists the 249 assigned ISO 3166-1 alpha-2 codes, each once, in order", () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    expect([...countryCodes].sort()).toEqual(countryCodes);
  });

  it("lists only codes the runtime can name as a region", () => {
    const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    expect(countryCodes.filter((code) => names.of(code) === undefined)).toEqual([]);
  });
});

describe("countryCodeProblem", () => {
  it.each(["TH", "JP", "CN", "GB", "US", "DE", "AE", "SA", "HK", "TW", "MO", "PS", "SS", "AQ", "AX", "BQ", "CW", "SX"])(
    "takes %s, an assigned code",
    (code) => {
      expect(countryCodeProblem(code)).toBeNull();
      expect(isCountryCode(code)).toBe(true);
    },
  );

  it.each([
    ["UK", "GB"],
    ["EL", "GR"],
    ["BU", "MM"],
    ["TP", "TL"],
    ["ZR", "CD"],
    ["FX", "FR"],
    ["DD", "DE"],
    ["SU", "RU"],
    ["YU", "RS"],
  ])("refuses %s and names %s, the assigned code of that country", (code, instead) => {
    expect(countryCodeProblem(code)).toEqual({ reason: "alias", instead });
    expect(isCountryCode(code)).toBe(false);
    expect(isCountryCode(instead)).toBe(true);
  });

  it.each(["EU", "EZ", "UN", "QO"])("refuses %s as a group of countries", (code) => {
    expect(countryCodeProblem(code)).toEqual({ reason: "grouping" });
  });

  it.each(["XK", "ZZ", "XX", "AA", "QQ", "AN", "CS", "AC", "IC", "EA", "DG", "TA", "CP", "XA"])(
    "refuses %s, which ISO has not assigned to a country",
    (code) => {
      expect(countryCodeProblem(code)).toEqual({ reason: "not_assigned" });
      expect(isCountryCode(code)).toBe(false);
    },
  );

  it.each(["", "J", "JPN", "jp", "Jp", " JP", "J1", "12", "ไท", "TH "])(
    "refuses %j as not two capital letters",
    (text) => {
      expect(countryCodeProblem(text)).toEqual({ reason: "format" });
    },
  );
});

describe("normaliseCountryCode", () => {
  it("trims and upper-cases typed text, so ' gb ' passes and ' uk ' still meets the rule", () => {
    expect(normaliseCountryCode(" gb ")).toBe("GB");
    expect(countryCodeProblem(normaliseCountryCode(" uk "))).toEqual({ reason: "alias", instead: "GB" });
  });
});

describe("countryCodeIssue", () => {
  it("answers nothing for an assigned code", () => {
    expect(countryCodeIssue("JP")).toBeNull();
  });

  it("names the code to use instead of UK", () => {
    expect(countryCodeIssue("UK")).toEqual({
      code: "invalid_choice",
      message: "is not an ISO 3166 country code: use GB",
      params: { reason: "country_alias", given: "UK", instead: "GB" },
    });
  });

  it("says EU is a group of countries, XK not assigned, and JPN not a 2-letter code", () => {
    expect(countryCodeIssue("EU")).toMatchObject({ code: "invalid_choice", params: { reason: "country_grouping" } });
    expect(countryCodeIssue("XK")).toMatchObject({
      code: "invalid_choice",
      params: { reason: "country_not_assigned" },
    });
    expect(countryCodeIssue("JPN")).toMatchObject({ code: "invalid_format", params: { format: "country_code" } });
  });
});
