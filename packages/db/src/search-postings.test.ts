import { describe, expect, it } from "vitest";
import {
  BLOCK_SPAN,
  blockOf,
  decodePostings,
  encodePostings,
  mergePostings,
  postingKeysOf,
  PREFIX_MARK,
  prefixKeys,
} from "./search-postings.ts";

// A small deterministic generator, so a failing case can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("postings blocks", () => {
  it("round-trips ids and weights, per-id and shared weights, gaps of every varint length", () => {
    const next = random(7);
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(next() * 3000);
      const ids: number[] = [];
      let id = Math.floor(next() * 1000);
      for (let i = 0; i < n; i++) {
        ids.push(id);
        // Mostly small gaps, now and then one needing 2, 3 or 4 varint bytes.
        id += 1 + (next() < 0.05 ? Math.floor(next() * 2 ** 26) : Math.floor(next() * 5));
      }
      const shared = round % 3 === 0;
      const weights = ids.map(() => (shared ? 10 : Math.floor(next() * 256)));
      const decoded = decodePostings(encodePostings(ids, weights));
      expect([...decoded.ids]).toEqual(ids);
      expect([...decoded.weights]).toEqual(weights);
    }
  });

  it("keeps ids beyond 32 bits exact, up to the largest safe integer", () => {
    const ids = [
      0,
      1,
      2 ** 31 - 1,
      2 ** 32 - 1,
      2 ** 32,
      2 ** 40 + 7,
      Number.MAX_SAFE_INTEGER - 1,
      Number.MAX_SAFE_INTEGER,
    ];
    const decoded = decodePostings(
      encodePostings(
        ids,
        ids.map((_, i) => i),
      ),
    );
    expect(decoded.ids).toBeInstanceOf(Float64Array);
    expect([...decoded.ids]).toEqual(ids);
    expect([...decoded.weights]).toEqual(ids.map((_, i) => i));
    // 32-bit ids decode into the compact array.
    expect(decodePostings(encodePostings([5, 2 ** 32 - 1], [1, 1])).ids).toBeInstanceOf(Uint32Array);
  });

  it("writes a shared weight once: a dense block of one weight costs about a byte per id", () => {
    const ids = Array.from({ length: BLOCK_SPAN }, (_, i) => i);
    const data = encodePostings(
      ids,
      ids.map(() => 10),
    );
    expect(data.length).toBeLessThan(BLOCK_SPAN + 8);
    expect(
      encodePostings(
        ids,
        ids.map((i) => i % 2),
      ).length,
    ).toBeGreaterThan(2 * BLOCK_SPAN);
  });

  it("refuses what it cannot store exactly, and bytes it did not write", () => {
    expect(() => encodePostings([], [])).toThrow(RangeError);
    expect(() => encodePostings([3, 3], [1, 1])).toThrow(/ascending/);
    expect(() => encodePostings([3, 2], [1, 1])).toThrow(/ascending/);
    expect(() => encodePostings([-1], [1])).toThrow(/ascending/);
    expect(() => encodePostings([1.5], [1])).toThrow(/ascending/);
    expect(() => encodePostings([2 ** 53], [1])).toThrow(/ascending/);
    expect(() => encodePostings([1], [256])).toThrow(/weight/);
    expect(() => encodePostings([1], [2.5])).toThrow(/weight/);
    expect(() => encodePostings([1, 2], [1])).toThrow(/one weight per id/);
    const data = encodePostings([1, 200, 70_000], [1, 2, 3]);
    expect(() => decodePostings(data.subarray(0, data.length - 1))).toThrow(/truncated/);
    expect(() => decodePostings(new Uint8Array([...data, 0]))).toThrow(/trailing/);
    expect(() => decodePostings(new Uint8Array([9, 1, 1, 1]))).toThrow(/format/);
  });

  it("merges changes: adds, re-weighs and removes ids, keeping the order", () => {
    const current = decodePostings(encodePostings([2, 4, 6, 8], [1, 1, 1, 1]));
    const merged = mergePostings(current, [1, 4, 10], [5, 9, 2], [6, 8]);
    expect(merged).toEqual({ ids: [1, 2, 4, 10], weights: [5, 1, 9, 2] });
    expect(mergePostings(null, [3], [1], [])).toEqual({ ids: [3], weights: [1] });
    expect(mergePostings(current, [], [], [2, 4, 6, 8])).toEqual({ ids: [], weights: [] });
  });

  it("places ids in blocks of BLOCK_SPAN consecutive ids", () => {
    expect(blockOf(0)).toBe(0);
    expect(blockOf(BLOCK_SPAN - 1)).toBe(0);
    expect(blockOf(BLOCK_SPAN)).toBe(1);
    expect(blockOf(2 ** 40)).toBe(2 ** 40 / BLOCK_SPAN);
  });
});

describe("index keys", () => {
  it("lists the first 1-3 characters of a term as prefix keys, by whole characters", () => {
    expect(prefixKeys("coffee")).toEqual([`${PREFIX_MARK}c`, `${PREFIX_MARK}co`, `${PREFIX_MARK}cof`]);
    expect(prefixKeys("ชา")).toEqual([`${PREFIX_MARK}ช`, `${PREFIX_MARK}ชา`]);
    // A character outside the BMP is not cut in half.
    expect(prefixKeys("𠀀x")).toEqual([`${PREFIX_MARK}𠀀`, `${PREFIX_MARK}𠀀x`]);
  });

  it("stores twice the weight in the prefix list of a word equal to the prefix, and the best of several words", () => {
    const keys = postingKeysOf(
      new Map([
        ["ชา", 5],
        ["ชาม", 10],
        ["tea", 2],
      ]),
    );
    expect(keys.get("ชา")).toBe(5);
    expect(keys.get(`${PREFIX_MARK}ชา`)).toBe(10); // "ชา" exact (2 × 5) ties "ชาม" as a longer word (10)
    expect(keys.get(`${PREFIX_MARK}ชาม`)).toBe(20);
    expect(keys.get(`${PREFIX_MARK}tea`)).toBe(4);
    expect(keys.get(`${PREFIX_MARK}te`)).toBe(2);
    expect(() => postingKeysOf(new Map([["x", 128]]))).toThrow(/0-127/);
  });
});
