// ISO 3166-1 alpha-2 country codes, one rule for every place Sainam takes a country (products' export markets,
// events abroad, buyers, quote requests, market filters). The list is ISO's officially assigned codes, written out
// rather than asked of the runtime's ICU data: ICU also names aliases and groupings ("UK", "EU", "BU", "XK") and
// its data differs between Node and browsers, so a code could pass in one place and fail in another.
//
// Refused, each with why: "UK" (reserved at the United Kingdom's request) and the codes of renamed countries carry
// the assigned code to use instead (UK → GB, BU → MM, …), as does "EL" (the EU's code for Greece → GR). "EU" and
// other groupings are not one country: a market or a venue is a country, so the user names the member countries.
// User-assigned codes ("XK" for Kosovo, "ZZ") and anything else unassigned are refused.

/** The 249 officially assigned ISO 3166-1 alpha-2 codes. */
export const countryCodes: readonly string[] = [
  "AD",
  "AE",
  "AF",
  "AG",
  "AI",
  "AL",
  "AM",
  "AO",
  "AQ",
  "AR",
  "AS",
  "AT",
  "AU",
  "AW",
  "AX",
  "AZ",
  "BA",
  "BB",
  "BD",
  "BE",
  "BF",
  "BG",
  "BH",
  "BI",
  "BJ",
  "BL",
  "BM",
  "BN",
  "BO",
  "BQ",
  "BR",
  "BS",
  "BT",
  "BV",
  "BW",
  "BY",
  "BZ",
  "CA",
  "CC",
  "CD",
  "CF",
  "CG",
  "CH",
  "CI",
  "CK",
  "CL",
  "CM",
  "CN",
  "CO",
  "CR",
  "CU",
  "CV",
  "CW",
  "CX",
  "CY",
  "CZ",
  "DE",
  "DJ",
  "DK",
  "DM",
  "DO",
  "DZ",
  "EC",
  "EE",
  "EG",
  "EH",
  "ER",
  "ES",
  "ET",
  "FI",
  "FJ",
  "FK",
  "FM",
  "FO",
  "FR",
  "GA",
  "GB",
  "GD",
  "GE",
  "GF",
  "GG",
  "GH",
  "GI",
  "GL",
  "GM",
  "GN",
  "GP",
  "GQ",
  "GR",
  "GS",
  "GT",
  "GU",
  "GW",
  "GY",
  "HK",
  "HM",
  "HN",
  "HR",
  "HT",
  "HU",
  "ID",
  "IE",
  "IL",
  "IM",
  "IN",
  "IO",
  "IQ",
  "IR",
  "IS",
  "IT",
  "JE",
  "JM",
  "JO",
  "JP",
  "KE",
  "KG",
  "KH",
  "KI",
  "KM",
  "KN",
  "KP",
  "KR",
  "KW",
  "KY",
  "KZ",
  "LA",
  "LB",
  "LC",
  "LI",
  "LK",
  "LR",
  "LS",
  "LT",
  "LU",
  "LV",
  "LY",
  "MA",
  "MC",
  "MD",
  "ME",
  "MF",
  "MG",
  "MH",
  "MK",
  "ML",
  "MM",
  "MN",
  "MO",
  "MP",
  "MQ",
  "MR",
  "MS",
  "MT",
  "MU",
  "MV",
  "MW",
  "MX",
  "MY",
  "MZ",
  "NA",
  "NC",
  "NE",
  "NF",
  "NG",
  "NI",
  "NL",
  "NO",
  "NP",
  "NR",
  "NU",
  "NZ",
  "OM",
  "PA",
  "PE",
  "PF",
  "PG",
  "PH",
  "PK",
  "PL",
  "PM",
  "PN",
  "PR",
  "PS",
  "PT",
  "PW",
  "PY",
  "QA",
  "RE",
  "RO",
  "RS",
  "RU",
  "RW",
  "SA",
  "SB",
  "SC",
  "SD",
  "SE",
  "SG",
  "SH",
  "SI",
  "SJ",
  "SK",
  "SL",
  "SM",
  "SN",
  "SO",
  "SR",
  "SS",
  "ST",
  "SV",
  "SX",
  "SY",
  "SZ",
  "TC",
  "TD",
  "TF",
  "TG",
  "TH",
  "TJ",
  "TK",
  "TL",
  "TM",
  "TN",
  "TO",
  "TR",
  "TT",
  "TV",
  "TW",
  "TZ",
  "UA",
  "UG",
  "UM",
  "US",
  "UY",
  "UZ",
  "VA",
  "VC",
  "VE",
  "VG",
  "VI",
  "VN",
  "VU",
  "WF",
  "WS",
  "YE",
  "YT",
  "ZA",
  "ZM",
  "ZW",
];

const ASSIGNED: ReadonlySet<string> = new Set(countryCodes);

/** Codes people write for a country that ISO does not assign to it, and the assigned code to use instead. */
const INSTEAD: Readonly<Record<string, string>> = {
  UK: "GB",
  EL: "GR",
  BU: "MM",
  TP: "TL",
  ZR: "CD",
  FX: "FR",
  DD: "DE",
  SU: "RU",
  YU: "RS",
};

/** Codes of groupings of countries, not one country. */
const GROUPINGS: ReadonlySet<string> = new Set(["EU", "EZ", "UN", "QO"]);

/** Why a text is not a country code: not two letters; an alias with its assigned code; a grouping; not assigned. */
export type CountryCodeProblem =
  | { readonly reason: "format" }
  | { readonly reason: "alias"; readonly instead: string }
  | { readonly reason: "grouping" }
  | { readonly reason: "not_assigned" };

/**
 * The problem of a country code, or null when it is an assigned ISO 3166-1 alpha-2 code. Upper case only: callers
 * that take typed text pass it through {@link normaliseCountryCode} first.
 */
export function countryCodeProblem(code: string): CountryCodeProblem | null {
  if (!/^[A-Z]{2}$/.test(code)) return { reason: "format" };
  if (ASSIGNED.has(code)) return null;
  const instead = INSTEAD[code];
  if (instead !== undefined) return { reason: "alias", instead };
  return GROUPINGS.has(code) ? { reason: "grouping" } : { reason: "not_assigned" };
}

/** True for an officially assigned ISO 3166-1 alpha-2 code ("JP", "GB"); false for "UK", "EU", "XK", "jp". */
export function isCountryCode(code: string): boolean {
  return ASSIGNED.has(code);
}

/** A country code as typed (" gb ") in the form the rule checks ("GB"). */
export function normaliseCountryCode(text: string): string {
  return text.trim().toUpperCase();
}

/** A refused country code as a field error: the code the web words it by, the English message, and the params. */
export type CountryCodeIssue = {
  readonly code: "invalid_format" | "invalid_choice";
  readonly message: string;
  readonly params: Readonly<Record<string, string>>;
};

/**
 * The field error for a country code, or null when it is assigned: `invalid_format` (format "country_code") for
 * anything but two letters; otherwise `invalid_choice` with the reason ("country_alias" with the code to use
 * `instead`, "country_grouping", "country_not_assigned") and the code as `given`. The contract's schema and the
 * server's own checks both answer with it, so the web words every refusal the same way.
 */
export function countryCodeIssue(code: string): CountryCodeIssue | null {
  const problem = countryCodeProblem(code);
  switch (problem?.reason) {
    case undefined:
      return null;
    case "format":
      return {
        code: "invalid_format",
        message: "must be a 2-letter ISO 3166 country code, e.g. JP",
        params: { format: "country_code" },
      };
    case "alias":
      return {
        code: "invalid_choice",
        message: `is not an ISO 3166 country code: use ${problem.instead}`,
        params: { reason: "country_alias", given: code, instead: problem.instead },
      };
    case "grouping":
      return {
        code: "invalid_choice",
        message: "is a group of countries: name each country",
        params: { reason: "country_grouping", given: code },
      };
    case "not_assigned":
      return {
        code: "invalid_choice",
        message: "is not an assigned ISO 3166 country code",
        params: { reason: "country_not_assigned", given: code },
      };
  }
}
