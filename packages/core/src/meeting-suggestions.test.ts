import { describe, expect, it } from "vitest";
import {
  codeDigits,
  suggestMeetings,
  type SuggestionInterest,
  type SuggestionParticipant,
} from "./meeting-suggestions.ts";
import type { ParticipantRole } from "./market.ts";

const offer = (
  text: string | null,
  hsCode: string | null = null,
  tsicCode: string | null = null,
): SuggestionInterest => ({
  direction: "offer",
  text,
  hsCode,
  tsicCode,
});
const need = (
  text: string | null,
  hsCode: string | null = null,
  tsicCode: string | null = null,
): SuggestionInterest => ({
  direction: "need",
  text,
  hsCode,
  tsicCode,
});
const party = (
  id: number,
  role: ParticipantRole,
  interests: SuggestionInterest[],
  isBuyer = role === "buyer",
): SuggestionParticipant => ({ id, role, isBuyer, interests });

describe("codeDigits", () => {
  it.each([
    ["0901.21", "090121"],
    ["09 01", "0901"],
    ["10791", "10791"],
    ["9", null],
    ["abc", null],
    [null, null],
  ])("%s → %s", (code, digits) => {
    expect(codeDigits(code)).toBe(digits);
  });
});

describe("suggestMeetings: what matches", () => {
  it("pairs a seller's offer with a buyer's need by the same HS code, worded as in the issue", () => {
    const [suggestion, ...rest] = suggestMeetings({
      participants: [party(1, "seller", [offer("กาแฟคั่ว", "0901")]), party(2, "buyer", [need("กาแฟคั่ว", "0901")])],
    });
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({ low: 1, high: 2, score: 1 });
    expect(suggestion?.reasons[0]).toMatchObject({ basis: "hs", level: "exact", sellerId: 1, needId: 2 });
    expect(suggestion?.reasons[0]?.th).toBe("ผู้ซื้อต้องการ กาแฟคั่ว (HS 0901) ตรงกับสินค้าที่เสนอ");
    expect(suggestion?.reasons[0]?.en).toBe("The buyer needs กาแฟคั่ว (HS 0901), which matches the product offered");
  });

  it.each([
    ["09012110", "09012190", "hs_subheading", 0.9, "090121"],
    ["0901.21", "0901.90", "hs_heading", 0.8, "0901"],
    ["0901", "0902", "hs_chapter", 0.5, "09"],
  ])("HS %s offered, %s needed → %s", (offered, needed, level, score) => {
    const [suggestion] = suggestMeetings({
      participants: [party(1, "seller", [offer(null, offered)]), party(2, "buyer", [need(null, needed)])],
    });
    expect(suggestion?.reasons[0]).toMatchObject({ basis: "hs", level, score });
  });

  it("does not pair different HS chapters", () => {
    expect(
      suggestMeetings({
        participants: [party(1, "seller", [offer(null, "0901")]), party(2, "buyer", [need(null, "1006")])],
      }),
    ).toEqual([]);
  });

  it.each([
    ["10791", "10791", "exact", 0.7],
    ["10791", "10792", "tsic_class", 0.6],
    ["10791", "10750", "tsic_group", 0.45],
  ])("TSIC %s offered, %s needed → %s", (offered, needed, level, score) => {
    const [suggestion] = suggestMeetings({
      participants: [party(1, "seller", [offer(null, null, offered)]), party(2, "buyer", [need(null, null, needed)])],
    });
    expect(suggestion?.reasons[0]).toMatchObject({ basis: "tsic", level, score });
  });

  it("does not pair on a TSIC division alone", () => {
    expect(
      suggestMeetings({
        participants: [
          party(1, "seller", [offer(null, null, "10791")]),
          party(2, "buyer", [need(null, null, "10110")]),
        ],
      }),
    ).toEqual([]);
  });

  it("matches Thai product words: a need found inside a longer offer, segmented", () => {
    const [suggestion] = suggestMeetings({
      participants: [party(1, "seller", [offer("เมล็ดกาแฟคั่วเข้ม")]), party(2, "buyer", [need("กาแฟ")])],
    });
    expect(suggestion?.reasons[0]).toMatchObject({ basis: "words", level: "words_run", shared: "กาแฟ" });
    expect(suggestion?.reasons[0]?.th).toContain('มีคำว่า "กาแฟ"');
  });

  it("does not match a word fragment (กา is not a word inside กาแฟ)", () => {
    expect(
      suggestMeetings({ participants: [party(1, "seller", [offer("กาแฟคั่ว")]), party(2, "buyer", [need("กา")])] }),
    ).toEqual([]);
  });

  it("folds case, width and punctuation as search does", () => {
    const [suggestion] = suggestMeetings({
      participants: [party(1, "seller", [offer("Roasted  COFFEE!")]), party(2, "buyer", [need("roasted coffee")])],
    });
    expect(suggestion?.reasons[0]).toMatchObject({ basis: "words", level: "exact", score: 0.7 });
  });

  it("matches a shared naming word, weakly, but never a generic one", () => {
    const [shared] = suggestMeetings({
      participants: [party(1, "seller", [offer("organic rice flour")]), party(2, "buyer", [need("jasmine rice")])],
    });
    expect(shared?.reasons[0]).toMatchObject({ level: "words_shared", shared: "rice", score: 0.3 });
    expect(
      suggestMeetings({
        participants: [party(1, "seller", [offer("สินค้า หัตถกรรม")]), party(2, "buyer", [need("สินค้า เกษตร")])],
      }),
    ).toEqual([]);
  });

  it("takes the strongest basis of one offer-need pair", () => {
    const [suggestion] = suggestMeetings({
      participants: [
        party(1, "seller", [offer("coffee beans", "0901", "10791")]),
        party(2, "buyer", [need("coffee", "0901", "10792")]),
      ],
    });
    expect(suggestion?.reasons).toHaveLength(1);
    expect(suggestion?.reasons[0]).toMatchObject({ basis: "hs", level: "exact" });
  });

  it("ignores interests with nothing to match on", () => {
    expect(
      suggestMeetings({
        participants: [party(1, "seller", [offer("  ", "x")]), party(2, "buyer", [need(null, null, null)])],
      }),
    ).toEqual([]);
  });
});

describe("suggestMeetings: who is paired", () => {
  it("works in both directions: a firm that buys from a seller firm across clusters", () => {
    const suggestions = suggestMeetings({
      participants: [party(1, "seller", [need("เมล็ดกาแฟดิบ")]), party(2, "seller", [offer("เมล็ดกาแฟดิบ")])],
    });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]?.reasons[0]).toMatchObject({ sellerId: 2, needId: 1 });
    expect(suggestions[0]?.reasons[0]?.th.startsWith("ผู้ประกอบการต้องการ")).toBe(true);
  });

  it("adds both directions' reasons to one pair", () => {
    const [suggestion] = suggestMeetings({
      participants: [
        party(1, "both", [offer("coffee"), need("packaging")]),
        party(2, "both", [offer("packaging"), need("coffee")]),
      ],
    });
    expect(suggestion?.reasons.map((r) => [r.sellerId, r.needId])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(suggestion?.score).toBe(0.75);
  });

  it("never pairs two buyers, even when one's need matches the other's stated offer", () => {
    expect(
      suggestMeetings({ participants: [party(1, "buyer", [offer("coffee")]), party(2, "buyer", [need("coffee")])] }),
    ).toEqual([]);
  });

  it("pairs a buyer with one who also sells", () => {
    expect(
      suggestMeetings({ participants: [party(1, "both", [offer("coffee")]), party(2, "buyer", [need("coffee")])] }),
    ).toHaveLength(1);
  });

  it("never pairs a participant with itself", () => {
    expect(suggestMeetings({ participants: [party(1, "both", [offer("coffee"), need("coffee")])] })).toEqual([]);
  });

  it("leaves out pairs that already have a meeting, whoever asked", () => {
    const participants = [
      party(1, "seller", [offer("coffee")]),
      party(2, "buyer", [need("coffee")]),
      party(3, "buyer", [need("coffee")]),
    ];
    const suggestions = suggestMeetings({ participants, existingPairs: new Set(["1:2"]) });
    expect(suggestions.map((s) => [s.low, s.high])).toEqual([[1, 3]]);
  });
});

describe("suggestMeetings: ranking and caps", () => {
  const participants = [
    party(10, "seller", [offer("coffee", "0901")]),
    party(11, "seller", [offer("coffee", null, "10791")]),
    party(12, "seller", [offer("coffee beans")]),
    party(20, "buyer", [need("coffee", "0901", "10791")]),
    party(21, "buyer", [need("coffee", "0902")]),
  ];

  it("ranks by score, then by ids, the same every time", () => {
    const first = suggestMeetings({ participants });
    const again = suggestMeetings({ participants: [...participants].reverse() });
    expect(again).toEqual(first);
    const scores = first.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(first[0]).toMatchObject({ low: 10, high: 20, score: 1 });
  });

  it("caps the event's list so no participant appears more than perParticipant times", () => {
    const capped = suggestMeetings({ participants, perParticipant: 1 });
    const counts = new Map<number, number>();
    for (const s of capped) for (const id of [s.low, s.high]) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBe(1);
    expect(capped[0]).toMatchObject({ low: 10, high: 20 });
  });

  it("gives one participant its own best, capped", () => {
    const own = suggestMeetings({ participants, forParticipant: 20, perParticipant: 2 });
    expect(own).toHaveLength(2);
    expect(own.every((s) => s.low === 20 || s.high === 20)).toBe(true);
    expect(own.map((s) => s.low)).toEqual([10, 11]);
  });

  it("gives nothing for a cap of zero", () => {
    expect(suggestMeetings({ participants, perParticipant: 0 })).toEqual([]);
  });

  it("keeps at most five reasons per pair and drops repeated sentences", () => {
    const many = Array.from({ length: 8 }, (_, i) => `product${i}`);
    const [suggestion] = suggestMeetings({
      participants: [
        party(
          1,
          "seller",
          many.map((text) => offer(text)),
        ),
        party(
          2,
          "buyer",
          [...many, ...many].map((text) => need(text)),
        ),
      ],
    });
    expect(suggestion?.reasons).toHaveLength(5);
    expect(suggestion?.score).toBe(0.9);
  });

  it("handles a large event without comparing everything with everything", () => {
    const big: SuggestionParticipant[] = [];
    for (let i = 0; i < 600; i++)
      big.push(party(i, "seller", [offer(`item${i % 50}`, `09${String(i % 90).padStart(2, "0")}`)]));
    for (let i = 600; i < 1000; i++)
      big.push(party(i, "buyer", [need(`item${i % 50}`, `09${String(i % 90).padStart(2, "0")}`)]));
    const suggestions = suggestMeetings({ participants: big, perParticipant: 5 });
    const counts = new Map<number, number>();
    for (const s of suggestions) for (const id of [s.low, s.high]) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(5);
    expect(suggestions.length).toBeGreaterThan(1000);
  });
});
