import { describe, expect, it } from "vitest";
import { analysisDecoder, linkageDecoder, parsePartyKey, partyKey } from "./model";

describe("analysisDecoder", () => {
  const full = {
    membersPerStage: { upstream: 2, midstream: 1, downstream: 0 },
    emptyStages: ["downstream"],
    singleSupplierProducts: [{ product: "roasted coffee", supplierId: 3, buyerIds: [5, 6] }],
    unlinkedMemberIds: [4],
    linkDensity: 0.25,
    insideValueShare: null,
    verticalLinks: 3,
    horizontalLinks: 1,
    suggestions: [
      { from: 1, to: 3, score: 0.8, reasons: [{ code: "product_match", product: "green beans", detail: "…" }] },
    ],
    somethingNew: { ignored: true },
  };

  it("reads the whole analysis and ignores fields it does not know", () => {
    const analysis = analysisDecoder(full);
    expect(analysis.membersPerStage).toEqual({ upstream: 2, midstream: 1, downstream: 0 });
    expect(analysis.emptyStages).toEqual(["downstream"]);
    expect(analysis.singleSupplierProducts).toEqual([{ product: "roasted coffee", supplierId: "3", buyerIds: ["5", "6"] }]);
    expect(analysis.suggestions?.[0]).toEqual({
      from: "1",
      to: "3",
      score: 0.8,
      reasons: [{ code: "product_match", product: "green beans", detail: "…" }],
    });
    expect(analysis).not.toHaveProperty("somethingNew");
    // null means "no link has a known value", which is an answer, not a gap.
    expect(analysis.insideValueShare).toBeNull();
    expect(analysis.insideValueShareKnown).toBe(true);
  });

  it("marks missing or malformed parts as unavailable instead of failing", () => {
    const analysis = analysisDecoder({ linkDensity: "high", suggestions: [{ from: 1 }, { from: 1, to: 2 }] });
    expect(analysis.linkDensity).toBeNull();
    expect(analysis.membersPerStage).toBeNull();
    expect(analysis.insideValueShare).toBeNull();
    expect(analysis.insideValueShareKnown).toBe(false);
    expect(analysis.suggestions).toEqual([{ from: "1", to: "2", score: 0, reasons: [] }]);
  });

  it("drops stage names it does not know", () => {
    expect(analysisDecoder({ emptyStages: ["downstream", "retail"] }).emptyStages).toEqual(["downstream"]);
  });

  it("rejects an answer that is not an object", () => {
    expect(() => analysisDecoder([])).toThrow();
  });
});

describe("linkageDecoder", () => {
  it("reads a directed link between two parties", () => {
    expect(
      linkageDecoder({
        id: 1,
        clusterId: 1,
        from: { type: "enterprise", id: 1 },
        to: { type: "institution", id: 2 },
        kind: "advises",
        product: null,
        annualValue: 1200,
      }),
    ).toEqual({
      id: "1",
      clusterId: "1",
      from: { type: "enterprise", id: "1" },
      to: { type: "institution", id: "2" },
      kind: "advises",
      product: null,
      annualValue: 1200,
    });
  });
});

describe("party keys", () => {
  it("round-trip a party through one string", () => {
    expect(parsePartyKey(partyKey({ type: "institution", id: "3" }))).toEqual({ type: "institution", id: "3" });
    expect(parsePartyKey("enterprise:12")).toEqual({ type: "enterprise", id: "12" });
    expect(parsePartyKey("person:1")).toBeNull();
    expect(parsePartyKey("")).toBeNull();
  });
});
