import { describe, expect, it } from "vitest";
import { numberOrNull, parseMarkets, productName } from "./model";

describe("catalogue model", () => {
  it("reads export markets as typed into ISO codes, each once", () => {
    expect(parseMarkets("jp, cn ,TH; jp")).toEqual(["JP", "CN", "TH"]);
    expect(parseMarkets("  ")).toEqual([]);
  });

  it("reads an empty number field as null and strips thousands commas", () => {
    expect(numberOrNull("")).toBeNull();
    expect(numberOrNull("1,200")).toBe(1200);
  });

  it("names a product in the reader's language, else the other", () => {
    expect(productName("en", { nameTh: "ผ้าไหม", nameEn: null })).toBe("ผ้าไหม");
    expect(productName("th", { nameTh: "ผ้าไหม", nameEn: "Silk" })).toBe("ผ้าไหม");
  });
});
