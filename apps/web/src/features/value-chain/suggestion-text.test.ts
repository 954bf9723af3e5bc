import { analysisSchema } from "@sainam/contract";
import i18next from "i18next";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import { en } from "../../i18n/en";
import { th } from "../../i18n/th";
import { reasonText, suggestedProduct } from "./suggestion-text";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: "en",
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  });
});

const parties = {
  from: "Doi Chang Farm",
  to: "Khua Dee Roasters",
  fromStage: "upstream",
  toStage: "midstream",
} as const;

describe("reasonText", () => {
  it("says who makes what the other needs, naming the product", () => {
    expect(
      reasonText({ code: "product_match", product: "green beans", detail: "" }, parties, i18n.getFixedT("en")),
    ).toBe("Doi Chang Farm makes what Khua Dee Roasters needs: green beans");
    expect(
      reasonText({ code: "product_match", product: "เมล็ดกาแฟดิบ", detail: "" }, parties, i18n.getFixedT("th")),
    ).toBe("Doi Chang Farm ผลิตสิ่งที่ Khua Dee Roasters ต้องใช้: เมล็ดกาแฟดิบ");
  });

  it("still reads well when the product is missing", () => {
    expect(reasonText({ code: "product_match", detail: "" }, parties, i18n.getFixedT("en"))).toBe(
      "Doi Chang Farm makes something Khua Dee Roasters needs",
    );
  });

  it("names the neighbouring stages when it knows them", () => {
    expect(reasonText({ code: "stage_adjacent", detail: "" }, parties, i18n.getFixedT("en"))).toBe(
      "Doi Chang Farm (upstream) and Khua Dee Roasters (midstream) are at neighbouring stages",
    );
    expect(reasonText({ code: "stage_adjacent", detail: "" }, { from: "A", to: "B" }, i18n.getFixedT("th"))).toBe(
      "A และ B อยู่ในขั้นที่ต่อกันของห่วงโซ่",
    );
  });

  it("translates the TSIC reasons", () => {
    expect(reasonText({ code: "tsic_upstream", detail: "" }, parties, i18n.getFixedT("en"))).toContain("comes before");
    expect(reasonText({ code: "same_division", detail: "" }, { from: "A", to: "B" }, i18n.getFixedT("th"))).toBe(
      "A และ B อยู่ในหมวดธุรกิจ (TSIC) เดียวกัน",
    );
  });

  it("never meets a code the contract does not list: such an answer fails loudly, naming the reason", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const suggestion = { from: 1, to: 2, score: 0.5, reasons: [{ code: "near_each_other", detail: "12 km apart" }] };
    expect(() => parseAnswer(analysisSchema.shape.suggestions, [suggestion])).toThrow(
      expect.objectContaining({ code: "bad_response", message: expect.stringContaining("0.reasons.0.code") }),
    );
  });
});

describe("suggestedProduct", () => {
  it("takes the product of the first product match", () => {
    expect(
      suggestedProduct([
        { code: "stage_adjacent", detail: "" },
        { code: "product_match", product: "roasted coffee", detail: "" },
      ]),
    ).toBe("roasted coffee");
    expect(suggestedProduct([])).toBeNull();
  });
});
