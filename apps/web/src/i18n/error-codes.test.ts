import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
// The server's own lists of what it may send: every field error code, import row issue code and refusal reason.
import { ERROR_CODES, FIELD_ERROR_CODES, HTTP_ERROR_CODES } from "../../../server/src/errors.ts";
import { ACTIONS, RESOURCE_TYPES } from "../../../server/src/policies/policy-words.ts";
import { ISSUE_CODES } from "../../../../packages/importer/src/row-issue.ts";
import { fieldProblemText, forbiddenText } from "../api/error-text";
import { en } from "./en";
import { th } from "./th";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: "en",
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  });
});

// `invalid` is the catch-all whose English message is the text to show; every other code must have words.
const CODES = [...new Set<string>([...FIELD_ERROR_CODES, ...ISSUE_CODES])].filter((code) => code !== "invalid");
const THAI = /[\u0E00-\u0E7F]/;

/** A value for each placeholder the code's wording uses, so a missing param shows as a leftover "{{…}}". */
function paramsFor(code: string): Record<string, string | number> {
  const fields: Record<string, string | undefined> = en.errors.fields;
  const text = fields[code] ?? fields[`${code}_other`] ?? "";
  const out: Record<string, string | number> = {};
  for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g))
    if (name && name !== "field") out[name] = name === "other" ? "nameEn" : 7;
  return out;
}

describe("words for every code the server sends", () => {
  it("finds the server's lists (so the checks below check something)", () => {
    expect(CODES).toContain("self_change");
    expect(CODES).toContain("not_a_relation");
    expect(CODES.length).toBeGreaterThan(40);
  });

  for (const code of CODES) {
    it(`words ${code} in Thai and in English`, () => {
      const problem = { code, params: paramsFor(code), message: "server's English text" };
      const thai = fieldProblemText(problem, "ชื่อช่อง", i18n.getFixedT("th"));
      const english = fieldProblemText(problem, "Field name", i18n.getFixedT("en"));
      expect(thai, code).not.toBeNull();
      expect(english, code).not.toBeNull();
      expect(thai, code).toMatch(THAI);
      expect(`${thai ?? ""} ${english ?? ""}`, code).not.toContain("{{");
      expect(english, code).not.toContain("server's English text");
    });
  }

  it("words every refusal the policy can give, in Thai and in English", () => {
    for (const resource of RESOURCE_TYPES) {
      for (const action of ACTIONS) {
        expect(forbiddenText({ action, resource }, i18n.getFixedT("th")), `${action} ${resource}`).toMatch(THAI);
        expect(forbiddenText({ action, resource }, i18n.getFixedT("en")), `${action} ${resource}`).toMatch(
          /^You may not /,
        );
      }
    }
  });
});

describe("words for every error code the server answers with", () => {
  // useErrorText shows t(`errors.${code}`): a code without words would show the raw key.
  it.each([...ERROR_CODES, ...HTTP_ERROR_CODES])("%s has words in Thai and English", (code) => {
    const english = (en.errors as Record<string, unknown>)[code];
    const thai = (th.errors as Record<string, unknown>)[code];
    expect(typeof english).toBe("string");
    expect(typeof thai).toBe("string");
    expect(thai).toMatch(THAI);
  });
});
