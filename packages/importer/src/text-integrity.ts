import { isUtf8 } from "node:buffer";
import type { RowIssue } from "./row-issue.ts";

/**
 * What a reader puts where decoding met bytes it could not read as text (invalid UTF-8, a byte windows-874
 * leaves undefined): U+FFFF, a noncharacter that no well-formed file holds (XML forbids it, and no legacy
 * code page maps to it), so it can never be mistaken for a U+FFFD that the file really contains. Rows never
 * carry it: `markCorruptCells` turns it into U+FFFD and names the cells it was in.
 */
export const DECODE_FAULT = "\uFFFF";

const REPLACEMENT = "\uFFFD";
const REPLACEMENT_BYTES = Buffer.from([0xef, 0xbf, 0xbd]);

/**
 * A row's cells; `corrupt` (0-based, present only when there are some) lists the cells holding a U+FFFD that
 * the file's bytes did not contain: text the reader could not decode. Importing such a cell would store
 * damaged text, so the row is failed with `corrupt_text` (normalise.ts) instead.
 */
export type RowCells = ReadonlyArray<string> & { readonly corrupt?: ReadonlyArray<number> };

/** Attaches `corrupt` to cells (a copy of cells loses it: pass this array itself on). */
export function withCorrupt(cells: string[], corrupt: ReadonlyArray<number> | undefined): RowCells {
  return corrupt && corrupt.length > 0 ? Object.assign(cells, { corrupt }) : cells;
}

/**
 * Replaces DECODE_FAULT in each cell by U+FFFD and records which cells held it, in place. A U+FFFD the file
 * contained (bytes EF BF BD) is an ordinary character and stays unmarked.
 */
export function markCorruptCells(cells: string[]): RowCells {
  let corrupt: number[] | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== undefined && cell.includes(DECODE_FAULT)) {
      cells[i] = cell.replaceAll(DECODE_FAULT, REPLACEMENT);
      (corrupt ??= []).push(i);
    }
  }
  return withCorrupt(cells, corrupt);
}

/** The text with DECODE_FAULT shown as U+FFFD (for headers and messages, which are not imported as data). */
export function withoutFaultMarks(text: string): string {
  return text.includes(DECODE_FAULT) ? text.replaceAll(DECODE_FAULT, REPLACEMENT) : text;
}

/** Length of the bytes up to a multi-byte UTF-8 sequence that the end of `bytes` cuts off (the next chunk completes it). */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back] ?? 0;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? length - back : length;
    }
  }
  return length;
}

const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Decodes bytes that are not valid UTF-8: a U+FFFD the bytes spell out (EF BF BD) stays, while a U+FFFD the
 * decoder makes for invalid bytes becomes DECODE_FAULT.
 */
function decodeMarkingFaults(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const at = buffer.indexOf(REPLACEMENT_BYTES, from);
    const segment = lenient.decode(buffer.subarray(from, at === -1 ? buffer.length : at));
    parts.push(segment.replaceAll(REPLACEMENT, DECODE_FAULT));
    if (at === -1) return parts.join(REPLACEMENT);
    from = at + REPLACEMENT_BYTES.length;
  }
}

/**
 * A streaming UTF-8 decoder: a character split across chunks is held back until its last byte arrives (the
 * bug this guards against: decoding each chunk on its own turns every split Thai letter into U+FFFD), and
 * invalid bytes decode to DECODE_FAULT rather than to a U+FFFD indistinguishable from one the text holds.
 * Valid input (nearly all of it) takes a fast path: node's SIMD UTF-8 check, then one decode.
 */
export class Utf8StreamDecoder {
  #carry: Uint8Array | null = null;
  #stripBom: boolean;

  /** stripBom: drop a byte-order mark at the very start (as the CSV reader wants). */
  constructor(options: { stripBom?: boolean } = {}) {
    this.#stripBom = options.stripBom ?? false;
  }

  /** Decodes the next chunk; `final` flushes a cut-off sequence (as DECODE_FAULT). */
  decode(chunk: Uint8Array, final = false): string {
    let bytes = chunk;
    if (this.#carry) {
      bytes = new Uint8Array(this.#carry.length + chunk.length);
      bytes.set(this.#carry);
      bytes.set(chunk, this.#carry.length);
      this.#carry = null;
    }
    const cut = final ? bytes.length : completeLength(bytes);
    // Copy: a stream may reuse its buffer after handing it over.
    if (cut < bytes.length) this.#carry = bytes.slice(cut);
    const piece = bytes.subarray(0, cut);
    let text = isUtf8(piece) ? lenient.decode(piece) : decodeMarkingFaults(piece);
    if (this.#stripBom && text !== "") {
      this.#stripBom = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }

  /** Flushes what is held back at the end of the input. */
  end(): string {
    return this.decode(new Uint8Array(0), true);
  }
}

/** Why a row with an undecodable cell is not imported: the file's text there was damaged or in another encoding. */
export const CORRUPT_TEXT_MESSAGE =
  "holds characters that could not be read from the file (shown as \uFFFD); correct the text in the file, or save it again as CSV UTF-8 or .xlsx";

/** The issue that fails a row for a mapped cell listed in `cells.corrupt` (see RowCells). */
export function corruptTextIssue(field: string, value: string): RowIssue {
  return { field, message: CORRUPT_TEXT_MESSAGE, value, code: "corrupt_text" };
}
