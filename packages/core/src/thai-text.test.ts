import { describe, it, expect } from "vitest";
import { foldThaiDigits, normalizeThai, parseAmount } from "./thai-text.ts";

describe("foldThaiDigits", () => {
  it("turns every Thai digit into its ASCII digit", () => {
    expect(foldThaiDigits("๐๑๒๓๔๕๖๗๘๙")).toBe("0123456789");
  });

  it("leaves other text alone", () => {
    expect(foldThaiDigits("ปี ๒๕๖๔ FY2021")).toBe("ปี 2564 FY2021");
  });
});

describe("normalizeThai", () => {
  it("puts a tone mark typed before SARA U after it (NFC order), even in otherwise plain Thai", () => {
    expect(normalizeThai("\u0E01\u0E48\u0E38")).toBe("\u0E01\u0E38\u0E48");
    expect(normalizeThai("\u0E01\u0E38\u0E3A")).toBe("\u0E01\u0E3A\u0E38");
  });

  it("gives what the full pipeline gives for any mix of Thai, ASCII, spaces and invisible characters", () => {
    // The full pipeline, step by step: normalizeThai skips it when the text is already normal.
    const reference = (text: string) =>
      foldThaiDigits(
        text
          .normalize("NFC")
          .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, "")
          .replace(/\u0E4D([\u0E48-\u0E4B])\u0E32/g, "$1\u0E33")
          .replace(/([\u0E48-\u0E4B])?\u0E4D\u0E32/g, "$1\u0E33"),
      )
        .replace(/\s+/g, " ")
        .trim();
    const alphabet = [..."aZ09.,-( ", "\t", "\n", "\u00A0", "\u200B", "\u00AD", "\u0301", "\u00E9", "\u007F", "\u0001"];
    for (let c = 0x0e00; c <= 0x0e7f; c++) alphabet.push(String.fromCharCode(c));
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20_000; i++) {
      let text = "";
      const length = Math.floor(next() * 12);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)] ?? "";
      expect(normalizeThai(text), JSON.stringify(text)).toBe(reference(text));
    }
    for (let a = 0x0e30; a <= 0x0e4e; a++) {
      for (let b = 0x0e30; b <= 0x0e4e; b++) {
        const text = `\u0E01${String.fromCharCode(a)}${String.fromCharCode(b)}`;
        expect(normalizeThai(text), text).toBe(reference(text));
      }
    }
  });

  it("collapses runs of spaces, tabs and newlines into one space", () => {
    expect(normalizeThai("กลุ่ม   กาแฟ\t\nเชียงราย")).toBe("กลุ่ม กาแฟ เชียงราย");
  });

  it("trims the ends", () => {
    expect(normalizeThai("  สายน้ำ  ")).toBe("สายน้ำ");
  });

  it("removes zero-width spaces, joiners and byte-order marks", () => {
    expect(normalizeThai("\uFEFFกาแฟ\u200Bดอย\u200Cตุง\u200D\u2060")).toBe("กาแฟดอยตุง");
  });

  it("removes soft hyphens left by PDF copy-paste", () => {
    expect(normalizeThai("ผลิต\u00ADภัณฑ์")).toBe("ผลิตภัณฑ์");
  });

  it("does not let a zero-width space next to a space leave a double space", () => {
    expect(normalizeThai("a \u200B b")).toBe("a b");
  });

  it("folds Thai digits", () => {
    expect(normalizeThai("๑,๒๓๔ บาท")).toBe("1,234 บาท");
  });

  it("composes to NFC", () => {
    expect(normalizeThai("Cafe\u0301")).toBe("Caf\u00E9");
  });

  it("spells SARA AM one way whether typed as one character or as nikhahit + sara aa", () => {
    expect(normalizeThai("น\u0E4D\u0E32")).toBe("น\u0E33");
    expect(normalizeThai("น\u0E49\u0E4D\u0E32")).toBe("น\u0E49\u0E33");
    expect(normalizeThai("น\u0E4D\u0E49\u0E32")).toBe("น\u0E49\u0E33");
  });

  it("turns non-breaking spaces into ordinary spaces", () => {
    expect(normalizeThai("ตลาด\u00A0น้ำ")).toBe("ตลาด น้ำ");
  });

  it("keeps letter case", () => {
    expect(normalizeThai("Sainam CO., LTD.")).toBe("Sainam CO., LTD.");
  });
});

describe("parseAmount", () => {
  it("reads an amount with thousands commas and decimals", () => {
    expect(parseAmount("1,234,567.50")).toEqual({ ok: true, value: 1234567.5 });
  });

  it("reads a plain number", () => {
    expect(parseAmount("1800000")).toEqual({ ok: true, value: 1_800_000 });
  });

  it("reads Thai digits", () => {
    expect(parseAmount("๑,๒๓๔.๕๐")).toEqual({ ok: true, value: 1234.5 });
  });

  it("ignores the word บาท and surrounding spaces", () => {
    expect(parseAmount("  19,000,000 บาท ")).toEqual({ ok: true, value: 19_000_000 });
  });

  it("ignores a baht sign before or after", () => {
    expect(parseAmount("฿ 500")).toEqual({ ok: true, value: 500 });
    expect(parseAmount("500฿")).toEqual({ ok: true, value: 500 });
  });

  it("ignores THB and the .- ending of Thai price tags", () => {
    expect(parseAmount("THB 1,200")).toEqual({ ok: true, value: 1200 });
    expect(parseAmount("1,200.-")).toEqual({ ok: true, value: 1200 });
  });

  it("reads a negative amount", () => {
    expect(parseAmount("-1,500.25")).toEqual({ ok: true, value: -1500.25 });
    expect(parseAmount("฿-20")).toEqual({ ok: true, value: -20 });
  });

  it("reads zero", () => {
    expect(parseAmount("0")).toEqual({ ok: true, value: 0 });
  });

  it("rejects commas that are not at thousands positions", () => {
    expect(parseAmount("1,23")).toEqual({ ok: false, reason: "malformed" });
    expect(parseAmount("12,34,567")).toEqual({ ok: false, reason: "malformed" });
  });

  it("rejects a decimal comma", () => {
    expect(parseAmount("1.234,50")).toEqual({ ok: false, reason: "malformed" });
  });

  it("rejects spaces inside the number", () => {
    expect(parseAmount("1 234")).toEqual({ ok: false, reason: "malformed" });
  });

  it("rejects words and two decimal points", () => {
    expect(parseAmount("about 500")).toEqual({ ok: false, reason: "malformed" });
    expect(parseAmount("1.2.3")).toEqual({ ok: false, reason: "malformed" });
  });

  it("rejects a currency word with no figure", () => {
    expect(parseAmount("บาท")).toEqual({ ok: false, reason: "malformed" });
    expect(parseAmount("-")).toEqual({ ok: false, reason: "malformed" });
  });

  it("reports blank input as empty", () => {
    expect(parseAmount("")).toEqual({ ok: false, reason: "empty" });
    expect(parseAmount(" \u200B ")).toEqual({ ok: false, reason: "empty" });
  });
});
