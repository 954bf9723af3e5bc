import { describe, it, expect } from "vitest";
import type { QueryTerm, SearchDocument } from "./search-text.ts";
import { rankScore, searchQueryTerms, searchStopWords, searchTokens } from "./search-text.ts";

const exact = (term: string): QueryTerm => ({ term, prefix: false });
const prefix = (term: string): QueryTerm => ({ term, prefix: true });

const doc = (name: string, description = ""): SearchDocument => ({
  fields: [
    { tokens: searchTokens(name), weight: 3 },
    { tokens: searchTokens(description), weight: 1 },
  ],
});

const score = (document: SearchDocument, query: string): number => rankScore(document, searchQueryTerms(query));

describe("searchTokens", () => {
  it("cuts Thai written without spaces into words", () => {
    expect(searchTokens("กาแฟคั่วบดเชียงใหม่")).toEqual(["กาแฟ", "คั่ว", "บด", "เชียงใหม่"]);
  });

  it("finds กาแฟ and เชียงใหม่ inside a run-on Thai name", () => {
    const tokens = searchTokens("กาแฟคั่วบดเชียงใหม่");
    expect(tokens).toContain("กาแฟ");
    expect(tokens).toContain("เชียงใหม่");
  });

  it("lower-cases English and keeps mixed Thai and English in order", () => {
    expect(searchTokens("Coffee กาแฟ")).toEqual(["coffee", "กาแฟ"]);
  });

  it("folds Thai digits to ASCII", () => {
    expect(searchTokens("ข้าวหอมมะลิ ๑๐๕")).toEqual(["ข้าว", "หอม", "มะลิ", "105"]);
  });

  it("keeps a decimal number whole and drops thousands commas", () => {
    expect(searchTokens("3.5 kg, 1,234 ชิ้น")).toEqual(["3.5", "kg", "1234", "ชิ้น"]);
  });

  it("strips punctuation and symbols", () => {
    expect(searchTokens("“Sainam!” (สายน้ำ) — #1 ฿500")).toEqual(["sainam", "สายน้ำ", "500"]);
  });

  it("joins a word split by an apostrophe instead of leaving a stray letter", () => {
    expect(searchTokens("Grandma's Kitchen")).toEqual(["grandmas", "kitchen"]);
  });

  it("treats ฯ and ๆ as marks, not parts of words", () => {
    expect(searchTokens("กรุงเทพฯ")).toEqual(["กรุงเทพ"]);
    expect(searchTokens("สินค้าต่างๆ ฯลฯ")).toEqual(["สินค้า", "ต่าง"]);
  });

  it("drops Thai and English company-form words", () => {
    expect(searchTokens("บริษัท กาแฟดอยตุง จำกัด")).toEqual(["กาแฟ", "ดอย", "ตุง"]);
    expect(searchTokens("Doi Tung Coffee Co., Ltd.")).toEqual(["doi", "tung", "coffee"]);
    expect(searchTokens("บมจ. สายน้ำ")).toEqual(["สายน้ำ"]);
  });

  it("drops a partnership form without losing its ordinary-looking words elsewhere", () => {
    expect(searchTokens("ห้างหุ้นส่วนจำกัด ผ้าไหมไทย")).toEqual(["ผ้า", "ไหม", "ไทย"]);
    expect(searchTokens("ห้าง สรรพสินค้า")).toEqual(["ห้าง", "สรรพ", "สินค้า"]);
  });

  it("drops function words", () => {
    expect(searchTokens("The Art of Coffee and Tea")).toEqual(["art", "coffee", "tea"]);
    expect(searchTokens("ผ้าไหมและผ้าฝ้าย")).toEqual(["ผ้า", "ไหม", "ฝ้าย"]);
  });

  it("drops one-character tokens that are not Thai", () => {
    expect(searchTokens("a b 5 tea")).toEqual(["tea"]);
  });

  it("removes duplicates, keeping the first occurrence", () => {
    expect(searchTokens("coffee Coffee กาแฟ กาแฟ")).toEqual(["coffee", "กาแฟ"]);
  });

  it("matches the same text however it was typed", () => {
    expect(searchTokens("กาแฟ\u200Bคั่ว")).toEqual(searchTokens("กาแฟคั่ว"));
    expect(searchTokens("  ROASTED   coffee ")).toEqual(searchTokens("roasted coffee"));
  });

  it("gives nothing for blank or punctuation-only text", () => {
    expect(searchTokens("")).toEqual([]);
    expect(searchTokens(" .,;!? ")).toEqual([]);
  });

  it("lists company forms among the stop words", () => {
    for (const word of ["จำกัด", "บริษัท", "co", "ltd", "และ", "the", "of", "and"]) expect(searchStopWords.has(word)).toBe(true);
  });
});

describe("searchTokens on many records", () => {
  it("cuts each text as if it were cut whole, whatever pieces it shares with texts cut before", () => {
    // The text cut whole, without the per-piece cache: the words of a query that ends in a space.
    const whole = (text: string) => searchQueryTerms(`${text} `).map((t) => t.term);
    const pieces = ["บริษัท", "กาแฟเชียงใหม่", "จำกัด", "ห้างหุ้นส่วนจำกัด", "ผ้าไหมไทย", "สมุนไพร", "น้ำผึ้งป่า", "เครื่องสำอาง", "กรุงเทพฯ", "ต่างๆ", "\u0E31กา", "\u0E48", "\u200Eabc", "e\u0301t\u00E9", "Coffee", "Co.,", "Ltd.", "12.5", "1,000", "๒๕๖๗", "x", "O'Brien", "  ", "-", "(มหาชน)", "ชา"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3_000; i++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(next() * 6);
      for (let k = 0; k < count; k++) parts.push(pieces[Math.floor(next() * pieces.length)] ?? "");
      const text = parts.join(next() < 0.7 ? " " : "");
      expect(searchTokens(text), JSON.stringify(text)).toEqual(whole(text));
      expect(searchTokens(text), JSON.stringify(text)).toEqual(whole(text));
    }
  });
});

describe("searchQueryTerms", () => {
  it("marks the last term as a prefix, the others as whole words", () => {
    expect(searchQueryTerms("roasted coff")).toEqual([exact("roasted"), prefix("coff")]);
  });

  it("treats a query ending in a space as finished", () => {
    expect(searchQueryTerms("roasted coffee ")).toEqual([exact("roasted"), exact("coffee")]);
  });

  it("keeps a half-typed Thai word whole", () => {
    expect(searchQueryTerms("กาแ")).toEqual([prefix("กาแ")]);
  });

  it("keeps a Thai word and the fragment typed after it together as the prefix", () => {
    expect(searchQueryTerms("เชียงให")).toEqual([prefix("เชียงให")]);
  });

  it("keeps a complete Thai word apart from a longer fragment after it", () => {
    expect(searchQueryTerms("กาแฟคั่")).toEqual([exact("กาแฟ"), prefix("คั่")]);
  });

  it("segments a run-on Thai query into whole-word terms", () => {
    expect(searchQueryTerms("กาแฟคั่วบดเชียงใหม่ ")).toEqual([exact("กาแฟ"), exact("คั่ว"), exact("บด"), exact("เชียงใหม่")]);
  });

  it("folds Thai digits", () => {
    expect(searchQueryTerms("ข้าว ๑๐๕")).toEqual([exact("ข้าว"), prefix("105")]);
  });

  it("keeps a one- or two-letter word being typed, though it is a stop word", () => {
    expect(searchQueryTerms("co")).toEqual([prefix("co")]);
    expect(searchQueryTerms("c")).toEqual([prefix("c")]);
  });

  it("drops company-form words, even the one being typed", () => {
    expect(searchQueryTerms("Doi Tung Co Ltd")).toEqual([exact("doi"), exact("tung")]);
    expect(searchQueryTerms("บริษัท กาแฟ จำกัด")).toEqual([exact("กาแฟ")]);
  });

  it("does not repeat a term", () => {
    expect(searchQueryTerms("coffee coffee")).toEqual([exact("coffee")]);
  });

  it("gives nothing for an empty query", () => {
    expect(searchQueryTerms("")).toEqual([]);
    expect(searchQueryTerms("   ")).toEqual([]);
  });
});

describe("rankScore", () => {
  const roaster = doc("กาแฟคั่วบดเชียงใหม่", "Roasted coffee from Doi Saket");

  it("finds a Thai record by words inside its run-on name", () => {
    expect(score(roaster, "กาแฟ เชียงใหม่ ")).toBeGreaterThan(0);
  });

  it("matches a half-typed Thai word as a prefix", () => {
    expect(rankScore(roaster, [prefix("กาแ")])).toBe(1.5);
  });

  it("matches a half-typed English word as a prefix", () => {
    expect(score(roaster, "roas")).toBe(0.5);
  });

  it("matches a Thai prefix that runs over two words of the record", () => {
    expect(score(doc("เมือง เชียง ใหม่"), "เชียงให")).toBeGreaterThan(0);
  });

  it("matches a whole word the record happens to split in two", () => {
    expect(rankScore({ fields: [{ tokens: ["เชียง", "ใหม่"], weight: 1 }] }, [exact("เชียงใหม่")])).toBe(1);
  });

  it("requires every term: one missing term gives 0", () => {
    expect(score(roaster, "กาแฟ ลำปาง ")).toBe(0);
  });

  it("does not treat a whole-word term as a prefix", () => {
    expect(rankScore(roaster, [exact("roast")])).toBe(0);
  });

  it("finds a mixed Thai and English query across fields", () => {
    expect(score(roaster, "Coffee กาแฟ")).toBeGreaterThan(0);
  });

  it("folds Thai digits on both sides", () => {
    expect(score(doc("ข้าวหอมมะลิ 105"), "ข้าว ๑๐๕ ")).toBeGreaterThan(0);
    expect(score(doc("ข้าวหอมมะลิ ๑๐๕"), "105 ")).toBeGreaterThan(0);
  });

  it("ranks a name match above a description match", () => {
    const inName = doc("Roasted Coffee", "Chiang Mai");
    const inDescription = doc("Chiang Mai Traders", "roasted coffee");
    expect(score(inName, "coffee ")).toBeGreaterThan(score(inDescription, "coffee "));
  });

  it("ranks an exact word above a prefix match", () => {
    const whole = doc("Roast House");
    const longer = doc("Roasted Beans");
    expect(score(whole, "roast")).toBeGreaterThan(score(longer, "roast"));
    expect(score(whole, "roast")).toBe(3);
    expect(score(longer, "roast")).toBe(1.5);
  });

  it("gives a bonus when the terms appear in order and next to each other", () => {
    const phrase = doc("roasted coffee beans");
    const scattered = doc("coffee beans roasted");
    expect(score(phrase, "roasted coffee ")).toBeGreaterThan(score(scattered, "roasted coffee "));
    expect(score(phrase, "roasted coffee ")).toBe(3 + 3 + 0.75);
  });

  it("gives no adjacency bonus across fields", () => {
    const split = { fields: [{ tokens: ["roasted"], weight: 1 }, { tokens: ["coffee"], weight: 1 }] };
    expect(rankScore(split, [exact("roasted"), exact("coffee")])).toBe(2);
  });

  it("lets a stop word in the record not get in the way", () => {
    expect(score(doc("บริษัท กาแฟดอยตุง จำกัด"), "กาแฟ ")).toBe(3);
    expect(score(doc("Coffee Co., Ltd."), "ltd ")).toBe(0);
  });

  it("scores nothing without terms or without positively weighted fields", () => {
    expect(rankScore(roaster, [])).toBe(0);
    expect(rankScore({ fields: [{ tokens: ["coffee"], weight: 0 }] }, [exact("coffee")])).toBe(0);
    expect(rankScore(roaster, [exact("")])).toBe(0);
  });

  it("orders a small catalogue by relevance", () => {
    const catalogue = [
      { id: "description", document: doc("Doi Saket Traders", "we sell roasted coffee") },
      { id: "prefix", document: doc("Roasters of Chiang Mai", "coffee") },
      { id: "phrase", document: doc("Roast Coffee Chiang Mai") },
      { id: "none", document: doc("Silk House") },
    ];
    const ranked = catalogue
      .map(({ id, document }) => ({ id, value: score(document, "coffee roast") }))
      .filter((entry) => entry.value > 0)
      .sort((a, b) => b.value - a.value)
      .map((entry) => entry.id);
    expect(ranked).toEqual(["phrase", "prefix", "description"]);
  });
});
