import { describe, expect, it } from "vitest";
import { AutoTextDecoder, detectEncoding } from "./decode.ts";
import { encodeWindows874 } from "./test-support/windows-874.ts";

const thai = "วิสาหกิจชุมชนทอผ้าบ้านดอน ผลิตผ้าไหมมัดหมี่ ".repeat(20);

function decodeInChunks(bytes: Uint8Array, size: number): { text: string; encoding: string | null } {
  const decoder = new AutoTextDecoder();
  let text = "";
  for (let i = 0; i < bytes.length; i += size) text += decoder.decode(bytes.subarray(i, i + size));
  text += decoder.end();
  return { text, encoding: decoder.encoding };
}

describe("detectEncoding", () => {
  it("reads a UTF-8 BOM as UTF-8", () => {
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61), true)).toBe("utf-8");
  });

  it("reads valid UTF-8 Thai as UTF-8", () => {
    expect(detectEncoding(Buffer.from(thai), true)).toBe("utf-8");
  });

  it("reads TIS-620/CP874 bytes, which are not valid UTF-8, as windows-874", () => {
    expect(detectEncoding(encodeWindows874(thai), true)).toBe("windows-874");
  });

  it("leaves plain ASCII undecided", () => {
    expect(detectEncoding(Buffer.from("a,b,c\n1,2,3\n"), true)).toBeNull();
  });
});

describe("AutoTextDecoder", () => {
  it("decodes windows-874 fed one byte at a time", () => {
    expect(decodeInChunks(encodeWindows874(thai), 1)).toEqual({ text: thai, encoding: "windows-874" });
  });

  it("keeps a UTF-8 character split across chunks whole", () => {
    expect(decodeInChunks(Buffer.from(thai), 7)).toEqual({ text: thai, encoding: "utf-8" });
  });

  it("decides at the first Thai byte after a long ASCII start", () => {
    const text = `${"id,name\n".repeat(10_000)}1,${thai}\n`;
    expect(decodeInChunks(encodeWindows874(text), 65_536)).toEqual({ text, encoding: "windows-874" });
  });

  it("drops the BOM of a UTF-8 file", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("ชื่อ\n")]);
    expect(decodeInChunks(bytes, 2)).toEqual({ text: "ชื่อ\n", encoding: "utf-8" });
  });

  it("decodes UTF-16LE with a BOM (Excel's Unicode Text)", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ชื่อ\tจังหวัด\n", "utf16le")]);
    expect(decodeInChunks(bytes, 3)).toEqual({ text: "ชื่อ\tจังหวัด\n", encoding: "utf-16le" });
  });

  it("uses a forced encoding without detection", () => {
    const decoder = new AutoTextDecoder("windows-874");
    expect(decoder.decode(encodeWindows874("ก")) + decoder.end()).toBe("ก");
    expect(decoder.encoding).toBe("windows-874");
  });
});
