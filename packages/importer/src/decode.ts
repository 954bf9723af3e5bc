import { TextDecoder } from "node:util";
import { DECODE_FAULT, Utf8StreamDecoder } from "./text-integrity.ts";

/** The text encodings a CSV file can be read in. */
export const textEncodings = ["utf-8", "windows-874", "utf-16le", "utf-16be"] as const;
/** An encoding readTable can decode a CSV in. */
export type TextEncoding = (typeof textEncodings)[number];

/** What the caller asks for: a fixed encoding, or "auto" to detect it from the bytes. */
export type EncodingChoice = "auto" | "utf-8" | "windows-874";

// While undecided, wait for this many bytes after the first non-ASCII byte before judging, so one
// Thai byte at the end of a small chunk cannot pass for the start of a UTF-8 sequence.
const MIN_JUDGED_BYTES = 256;

/**
 * The encoding announced by a byte-order mark at the start of the bytes, with the mark's length,
 * or null when there is none. Excel writes a UTF-8 BOM for "CSV UTF-8" and a UTF-16LE BOM for
 * "Unicode Text".
 */
export function encodingFromBom(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** Index of the first byte ≥ 0x80, or -1 when the bytes are plain ASCII. */
function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== undefined && byte >= 0x80) return i;
  }
  return -1;
}

/**
 * True when the bytes are valid UTF-8. With `complete` false a multi-byte sequence cut off at the
 * end is allowed, since the next chunk may finish it.
 */
export function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * Judges the encoding of a sample of a legacy Thai text file: a BOM decides; otherwise bytes that
 * are valid UTF-8 are UTF-8 and anything else is windows-874 (CP874, a superset of TIS-620, the
 * encoding of Thai Excel and government exports). Plain ASCII gives null: the two agree on it, so
 * the decision can wait for the first Thai byte.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding | null {
  const bom = encodingFromBom(sample);
  if (bom) return bom.encoding;
  const start = firstNonAscii(sample);
  if (start === -1) return null;
  return isValidUtf8(sample.subarray(start), complete) ? "utf-8" : "windows-874";
}

function concat(parts: ReadonlyArray<Uint8Array>): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/**
 * A streaming decoder that detects the encoding as bytes arrive (see `detectEncoding`) and then
 * decodes chunk by chunk with a streaming TextDecoder, so a character split across chunks is kept
 * whole and the whole file is never held. A leading BOM is dropped. Until the first non-ASCII byte,
 * ASCII passes through unchanged, since UTF-8 and windows-874 agree on it.
 */
/** Decodes chunk by chunk; `final` flushes what a chunk's end cut off. */
type StreamDecoder = { decode(bytes: Uint8Array, final: boolean): string };

/**
 * The streaming decoder for an encoding. Where the bytes cannot be decoded it gives DECODE_FAULT, never a
 * U+FFFD that would pass for one the file contains: UTF-8 through Utf8StreamDecoder; windows-874 has no
 * U+FFFD, so each one its decoder gives is a byte the code page leaves undefined.
 */
function streamDecoder(encoding: TextEncoding): StreamDecoder {
  if (encoding === "utf-8") return new Utf8StreamDecoder({ stripBom: true });
  // ignoreBOM false: the decoder itself drops a leading BOM of its encoding.
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const faults = encoding === "windows-874";
  return {
    decode(bytes, final) {
      const text = decoder.decode(bytes, { stream: !final });
      return faults && text.includes("\uFFFD") ? text.replaceAll("\uFFFD", DECODE_FAULT) : text;
    },
  };
}

export class AutoTextDecoder {
  #decoder: StreamDecoder | null = null;
  #encoding: TextEncoding | null = null;
  #pending: Uint8Array[] = [];
  #pendingLength = 0;
  #started = false;

  constructor(choice: EncodingChoice = "auto") {
    if (choice !== "auto") this.#choose(choice);
  }

  /** The encoding decided so far; null while only ASCII has been seen (read it as UTF-8). */
  get encoding(): TextEncoding | null {
    return this.#encoding;
  }

  #choose(encoding: TextEncoding): void {
    this.#encoding = encoding;
    this.#decoder = streamDecoder(encoding);
  }

  /** Decodes the next chunk; returns the text that is complete so far (possibly ""). */
  decode(chunk: Uint8Array): string {
    if (this.#decoder) return this.#decoder.decode(chunk, false);
    if (!this.#started) {
      this.#started = true;
      const bom = encodingFromBom(chunk);
      if (bom) {
        this.#choose(bom.encoding);
        return this.decode(chunk);
      }
    }
    if (this.#pendingLength === 0) {
      const start = firstNonAscii(chunk);
      if (start === -1) return new TextDecoder("utf-8").decode(chunk);
      const ascii = new TextDecoder("utf-8").decode(chunk.subarray(0, start));
      this.#hold(chunk.subarray(start));
      return ascii + this.#judgeIfEnough(false);
    }
    this.#hold(chunk);
    return this.#judgeIfEnough(false);
  }

  /** Flushes what is held back at the end of the input (a cut-off sequence becomes DECODE_FAULT). */
  end(): string {
    if (!this.#decoder) {
      if (this.#pendingLength === 0) return "";
      return this.#judgeIfEnough(true) + this.end();
    }
    return this.#decoder.decode(new Uint8Array(0), true);
  }

  #hold(bytes: Uint8Array): void {
    // Copy: a stream may reuse its buffer after handing it over.
    this.#pending.push(Uint8Array.from(bytes));
    this.#pendingLength += bytes.length;
  }

  #judgeIfEnough(atEnd: boolean): string {
    if (!atEnd && this.#pendingLength < MIN_JUDGED_BYTES) return "";
    const held = concat(this.#pending);
    this.#pending = [];
    this.#pendingLength = 0;
    this.#choose(isValidUtf8(held, atEnd) ? "utf-8" : "windows-874");
    return this.#decoder ? this.#decoder.decode(held, atEnd) : "";
  }
}
