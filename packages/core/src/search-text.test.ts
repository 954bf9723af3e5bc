import { describe, expect, it } from "vitest";
import { firmSearchName, foldSearchText, parseSearchQuery, searchField } from "./search-text.ts";

describe("foldSearchText", () => {
  it("folds Thai digits, the decomposed SARA AM, zero-width characters and repeated spaces", () => {
    expect(foldSearchText("น\u0E4D\u0E32ทอง  ๙๙\u200B")).toBe("นำทอง 99");
    expect(foldSearchText("ก้\u0E4D\u0E32")).toBe("ก้ำ");
    expect(foldSearchText("กาแฟ\u200Bดอย   ๑๒")).toBe("กาแฟดอย 12");
  });

  it("lower-cases Latin letters and keeps Thai as it is", () => {
    expect(foldSearchText("Siam COFFEE กาแฟ")).toBe("siam coffee กาแฟ");
  });

  it("turns brackets, commas, hyphens and symbols into spaces", () => {
    expect(foldSearchText("สยามกาแฟ (1)")).toBe("สยามกาแฟ 1");
    expect(foldSearchText("ไทย-ญี่ปุ่น & co.,ltd.")).toBe("ไทย ญี่ปุ่น co ltd");
    expect(foldSearchText('"คาเฟ่" / ลานนา')).toBe("คาเฟ่ ลานนา");
  });

  it("keeps the dots of dotted initials and decimals, drops a dot ending a word", () => {
    expect(foldSearchText("เอ.พี.พี. เทรดดิ้ง")).toBe("เอ.พี.พี เทรดดิ้ง");
    expect(foldSearchText("a.b.c. trading")).toBe("a.b.c trading");
    expect(foldSearchText("ขนาด 2.5 ตัน")).toBe("ขนาด 2.5 ตัน");
  });

  it("joins a word split by an apostrophe and drops a thousands comma", () => {
    expect(foldSearchText("O'Neil’s 1,000,000")).toBe("oneils 1000000");
  });

  it("treats ฯ, ฯลฯ and ๆ as punctuation", () => {
    expect(foldSearchText("กรุงเทพฯ ต่างๆ ฯลฯ")).toBe("กรุงเทพ ต่าง");
  });

  it("gives nothing for blank or punctuation-only text", () => {
    expect(foldSearchText("  \t ")).toBe("");
    expect(foldSearchText("(-) ...")).toBe("");
  });
});

describe("searchField", () => {
  it("puts a space before and after every word, the texts apart by a bar", () => {
    expect(searchField("สยามกาแฟ", "Siam Coffee")).toBe(" สยามกาแฟ | siam coffee ");
  });

  it("leaves out empty texts, and gives nothing without text", () => {
    expect(searchField(null, "  ", "ชา")).toBe(" ชา ");
    expect(searchField(null, undefined, "")).toBe("");
  });
});

describe("firmSearchName", () => {
  it("takes the legal form off a firm's name", () => {
    expect(firmSearchName("บริษัท สยามกาแฟ จำกัด")).toBe("สยามกาแฟ");
    expect(firmSearchName("ห้างหุ้นส่วนจำกัด โซล่าร์ เซลล์ 3")).toBe("โซล่าร์ เซลล์ 3");
    expect(firmSearchName("Siam Coffee Co., Ltd.")).toBe("Siam Coffee");
  });

  it("keeps a name without a legal form whole, and nothing as nothing", () => {
    expect(firmSearchName("กลุ่มแม่บ้านทอผ้า")).toBe("กลุ่มแม่บ้านทอผ้า");
    expect(firmSearchName(null)).toBeNull();
    expect(firmSearchName("")).toBeNull();
  });
});

describe("parseSearchQuery", () => {
  it("drops the legal form as a firm's name would, in Thai and English", () => {
    expect(parseSearchQuery("บริษัท สยามกาแฟ จำกัด")).toMatchObject({ text: "สยามกาแฟ", terms: ["สยามกาแฟ"] });
    expect(parseSearchQuery("บจก.สยามกาแฟ")).toMatchObject({ text: "สยามกาแฟ" });
    expect(parseSearchQuery("หจก. โซล่าร์ เซลล์")).toMatchObject({ text: "โซล่าร์ เซลล์", terms: ["โซล่าร์", "เซลล์"] });
    expect(parseSearchQuery("siam coffee co., ltd.")).toMatchObject({ text: "siam coffee", terms: ["siam", "coffee"] });
  });

  it("keeps legal-form words when they are all that was typed", () => {
    expect(parseSearchQuery("จำกัด").terms).toEqual(["จำกัด"]);
  });

  it("folds the query as records are folded", () => {
    expect(parseSearchQuery("น้ำทอง ๙๙").terms).toEqual(["น้ำทอง", "99"]);
    expect(parseSearchQuery("เอ.พี.พี").terms).toEqual(["เอ.พี.พี"]);
    expect(parseSearchQuery("สยาม (1)").terms).toEqual(["สยาม", "1"]);
  });

  it("does not repeat a word, and gives nothing for a blank query", () => {
    expect(parseSearchQuery("ชา ชา ดอย").terms).toEqual(["ชา", "ดอย"]);
    expect(parseSearchQuery("   ").terms).toEqual([]);
    expect(parseSearchQuery("?!").terms).toEqual([]);
  });

  it("reads a juristic ID typed whole, with or without dashes and spaces", () => {
    expect(parseSearchQuery("0105556012345").juristicId).toBe("0105556012345");
    expect(parseSearchQuery("0-1055-56012-34-5").juristicId).toBe("0105556012345");
    expect(parseSearchQuery(" ๐๑๐๕๕๕๖๐๑๒๓๔๕ ").juristicId).toBe("0105556012345");
    expect(parseSearchQuery("010555601234").juristicId).toBeNull();
    expect(parseSearchQuery("สยาม 0105556012345").juristicId).toBeNull();
  });

  it("never cuts a typed word, but offers the dictionary's cut of a run-on Thai query as a fallback", () => {
    const q = parseSearchQuery("กาแฟเชียงใหม่");
    expect(q.terms).toEqual(["กาแฟเชียงใหม่"]);
    expect(q.segmented).toEqual(["กาแฟ", "เชียงใหม่"]);
    expect(parseSearchQuery("โซล่าร์").terms).toEqual(["โซล่าร์"]);
    expect(parseSearchQuery("coffee").segmented).toBeNull();
    expect(parseSearchQuery("ชา ดอย").segmented).toBeNull();
  });
});
