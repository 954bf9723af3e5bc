import { describe, expect, it } from "vitest";
import type { SearchEntityType } from "@sainam/db";
import { RankedCandidates, type Candidate } from "./search.candidates.ts";

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TYPES: SearchEntityType[] = ["cluster", "enterprise", "institution"];

describe("RankedCandidates", () => {
  it("hands out every candidate once, by score, then type, then id, whatever the batch sizes", () => {
    const next = random(11);
    for (let round = 0; round < 40; round++) {
      const all: Candidate[] = [];
      const lists = TYPES.map((type) => {
        const blocks = Math.floor(next() * 4);
        let id = 1;
        const accs = Array.from({ length: blocks }, () => {
          const n = Math.floor(next() * 300);
          const ids: number[] = [];
          const scores: number[] = [];
          for (let i = 0; i < n; i++) {
            id += 1 + Math.floor(next() * 3);
            // Few distinct levels (ties are the common case), in quarter points as the index scores are.
            const score = Math.floor(next() * 6) * 2.5 + (next() < 0.2 ? 0.5 : 0);
            ids.push(id);
            scores.push(score);
            all.push({ type, id, score });
          }
          return { ids: Float64Array.from(ids), weights: round % 2 ? Float64Array.from(scores) : scores, scale: 1 };
        });
        return { type, accs };
      });
      const expected = [...all].sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id - b.id);
      const ranked = new RankedCandidates(lists);
      expect(ranked.total).toBe(all.length);
      const got: Candidate[] = [];
      for (;;) {
        const batch = ranked.next(1 + Math.floor(next() * 120));
        if (batch.length === 0) break;
        got.push(...batch);
      }
      expect(got).toEqual(expected);
    }
  });

  it("answers an empty list with nothing", () => {
    const ranked = new RankedCandidates(TYPES.map((type) => ({ type, accs: [] })));
    expect(ranked.total).toBe(0);
    expect(ranked.next(10)).toEqual([]);
  });
});
