import { searchResultsSchema } from "@sainam/contract";
import { describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import { groupResults, resultHref, searchParamsFrom } from "./model";

const decode = (answer: unknown) => parseAnswer(searchResultsSchema, answer, "GET /api/search");

describe("search results", () => {
  const page = decode({
    items: [
      { type: "cluster", id: 1, nameTh: "กาแฟ", nameEn: "Coffee", snippet: null, provinceCode: null, score: 3 },
      { type: "enterprise", id: 5, nameTh: "คั่วดี", nameEn: null, snippet: "กาแฟคั่ว", provinceCode: "57", score: 2 },
      { type: "enterprise", id: 6, nameTh: "บ้านเรา", nameEn: null, snippet: null, provinceCode: "57", score: 1 },
    ],
    total: 3,
    totalIsEstimate: false,
    page: 1,
    pageSize: 20,
  });

  it("groups by type in a fixed order, keeping the ranking", () => {
    expect(groupResults(page.items).map((g) => [g.type, g.items.map((i) => i.id)])).toEqual([
      ["enterprise", [5, 6]],
      ["cluster", [1]],
    ]);
  });

  it("links each result to its page", () => {
    expect(resultHref({ type: "enterprise", id: 5 })).toBe("/enterprises/5");
    expect(resultHref({ type: "cluster", id: 1 })).toBe("/clusters/1");
    expect(resultHref({ type: "institution", id: 2 })).toBeNull();
  });

  it("reads whether the total is an estimate, and fails loudly when the server does not say", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(page.totalIsEstimate).toBe(false);
    expect(decode({ items: [], total: 33_334, totalIsEstimate: true, page: 1, pageSize: 20 }).totalIsEstimate).toBe(
      true,
    );
    expect(() => decode({ items: [], total: 1, totalIsEstimate: "yes", page: 1, pageSize: 20 })).toThrow(
      /at totalIsEstimate/,
    );
    expect(() => decode({ items: [], total: 1, page: 1, pageSize: 20 })).toThrow(
      expect.objectContaining({ code: "bad_response" }),
    );
    vi.restoreAllMocks();
  });

  it("rejects an unknown result type", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const person = { type: "person", id: 1, nameTh: null, nameEn: null, snippet: null, provinceCode: null, score: 1 };
    expect(() => decode({ items: [person], total: 1, totalIsEstimate: false, page: 1, pageSize: 20 })).toThrow(
      /at items\.0\.type/,
    );
    vi.restoreAllMocks();
  });
});

describe("searchParamsFrom", () => {
  it("reads the query, facets and page from the address", () => {
    const params = searchParamsFrom(new URLSearchParams("q=กาแฟ&type=enterprise&province=57&page=2"));
    expect(params).toMatchObject({ q: "กาแฟ", type: "enterprise", province: "57", page: 2 });
    expect(searchParamsFrom(new URLSearchParams("page=-1")).page).toBe(1);
  });
});
