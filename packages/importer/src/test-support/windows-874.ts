import { TextDecoder } from "node:util";

let table: Map<string, number> | null = null;

// TextEncoder only writes UTF-8, so the windows-874 byte for each Thai character is found by
// decoding every byte of the Thai range (0xA1-0xFB) once.
function thaiBytes(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("windows-874");
  for (let byte = 0xa1; byte <= 0xfb; byte++) {
    const char = decoder.decode(Uint8Array.of(byte));
    if (char !== "\uFFFD") table.set(char, byte);
  }
  return table;
}

/** Encodes text as windows-874 (TIS-620 + CP874), as legacy Thai Excel exports are; throws on other characters. */
export function encodeWindows874(text: string): Buffer {
  const bytes = thaiBytes();
  const out: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const byte = bytes.get(char);
      if (byte === undefined) throw new RangeError(`Not encodable in windows-874: ${char}`);
      out.push(byte);
    }
  }
  return Buffer.from(out);
}
