import { describe, expect, it } from "vitest";
import { groupResults, resultHref, searchPageDecoder, searchParamsFrom } from "./model";

describe("search results", () => {
  const page = searchPageDecoder({
    items: [
      { type: "cluster", id: 1, nameTh: "กาแฟ", nameEn: "Coffee", snippet: null, provinceCode: null, score: 3 },
      { type: "enterprise", id: 5, nameTh: "คั่วดี", nameEn: null, snippet: "กาแฟคั่ว", provinceCode: "57", score: 2 },
      { type: "enterprise", id: 6, nameTh: "บ้านเรา", nameEn: null, snippet: null, provinceCode: "57", score: 1 },
    ],
    total: 3,
    page: 1,
    pageSize: 20,
  });

  it("groups by type in a fixed order, keeping the ranking", () => {
    expect(groupResults(page.items).map((g) => [g.type, g.items.map((i) => i.id)])).toEqual([
      ["enterprise", ["5", "6"]],
      ["cluster", ["1"]],
    ]);
  });

  it("links each result to its page", () => {
    expect(resultHref({ type: "enterprise", id: "5" })).toBe("/enterprises/5");
    expect(resultHref({ type: "cluster", id: "1" })).toBe("/clusters/1");
    expect(resultHref({ type: "institution", id: "2" })).toBeNull();
  });

  it("reads whether the total is an estimate, exact when the server does not say", () => {
    expect(page.totalIsEstimate).toBe(false);
    expect(searchPageDecoder({ items: [], total: 33_334, totalIsEstimate: true, page: 1, pageSize: 20 }).totalIsEstimate).toBe(true);
    expect(() => searchPageDecoder({ items: [], total: 1, totalIsEstimate: "yes" })).toThrow(/totalIsEstimate/);
  });

  it("rejects an unknown result type", () => {
    expect(() => searchPageDecoder({ items: [{ type: "person", id: 1 }] })).toThrow(/type/);
  });
});

describe("searchParamsFrom", () => {
  it("reads the query, facets and page from the address", () => {
    const params = searchParamsFrom(new URLSearchParams("q=กาแฟ&type=enterprise&province=57&page=2"));
    expect(params).toMatchObject({ q: "กาแฟ", type: "enterprise", province: "57", page: 2 });
    expect(searchParamsFrom(new URLSearchParams("page=-1")).page).toBe(1);
  });
});
