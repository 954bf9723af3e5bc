import { describe, expect, it } from "vitest";
import { reasonText, suggestedProduct } from "./suggestion-text";

const parties = { from: "Doi Chang Farm", to: "Khua Dee Roasters", fromStage: "upstream", toStage: "midstream" } as const;

describe("reasonText", () => {
  it("says who makes what the other needs, naming the product", () => {
    expect(reasonText({ code: "product_match", product: "green beans", detail: "" }, parties, "en")).toBe(
      "Doi Chang Farm makes what Khua Dee Roasters needs: green beans",
    );
    expect(reasonText({ code: "product_match", product: "เมล็ดกาแฟดิบ", detail: "" }, parties, "th")).toBe(
      "Doi Chang Farm ผลิตสิ่งที่ Khua Dee Roasters ต้องใช้: เมล็ดกาแฟดิบ",
    );
  });

  it("still reads well when the product is missing", () => {
    expect(reasonText({ code: "product_match", product: null, detail: "" }, parties, "en")).toBe(
      "Doi Chang Farm makes something Khua Dee Roasters needs",
    );
  });

  it("names the neighbouring stages when it knows them", () => {
    expect(reasonText({ code: "stage_adjacent", product: null, detail: "" }, parties, "en")).toBe(
      "Doi Chang Farm (upstream) and Khua Dee Roasters (midstream) are at neighbouring stages",
    );
    expect(reasonText({ code: "stage_adjacent", product: null, detail: "" }, { from: "A", to: "B" }, "th")).toBe(
      "A และ B อยู่ในขั้นที่ต่อกันของห่วงโซ่",
    );
  });

  it("translates the TSIC reasons", () => {
    expect(reasonText({ code: "tsic_upstream", product: null, detail: "" }, parties, "en")).toContain("comes before");
    expect(reasonText({ code: "same_division", product: null, detail: "" }, { from: "A", to: "B" }, "th")).toBe(
      "A และ B อยู่ในหมวดธุรกิจ (TSIC) เดียวกัน",
    );
  });

  it("shows the server's detail for a code it does not know", () => {
    expect(reasonText({ code: "near_each_other", product: null, detail: "12 km apart" }, parties, "en")).toBe("12 km apart");
    expect(reasonText({ code: "near_each_other", product: null, detail: "" }, parties, "en")).toBe("near_each_other");
  });
});

describe("suggestedProduct", () => {
  it("takes the product of the first product match", () => {
    expect(
      suggestedProduct([
        { code: "stage_adjacent", product: null, detail: "" },
        { code: "product_match", product: "roasted coffee", detail: "" },
      ]),
    ).toBe("roasted coffee");
    expect(suggestedProduct([])).toBeNull();
  });
});
