import { analysisSchema, linkageSchema } from "@sainam/contract";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import { parsePartyKey, partyKey } from "./model";

describe("the value-chain analysis, checked by the contract", () => {
  const full = {
    membersPerStage: { upstream: 2, midstream: 1, downstream: 0 },
    membersByStage: { upstream: [1, 3], midstream: [5], downstream: [] },
    emptyStages: ["downstream"],
    singleSupplierProducts: [
      {
        product: "roasted coffee",
        supplierId: 3,
        buyerIds: [5, 6],
        buyers: [
          { type: "enterprise", id: 5 },
          { type: "enterprise", id: 6 },
        ],
      },
    ],
    unsuppliedInputs: [],
    unlinkedMemberIds: [4],
    unlinkedInstitutionIds: [],
    linkDensity: 0.25,
    insideValueShare: null,
    verticalLinks: 3,
    horizontalLinks: 1,
    otherLinks: 0,
    suggestionData: { members: 3, withOutputs: 1, withInputs: 1, withTsic: 2, gaps: [] },
    suggestions: [
      { from: 1, to: 3, score: 0.8, reasons: [{ code: "product_match", product: "green beans", detail: "…" }] },
    ],
    somethingNew: { ignored: true },
  };

  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });

  it("reads the whole analysis and drops fields it does not know", () => {
    const analysis = parseAnswer(analysisSchema, full);
    expect(analysis.membersPerStage).toEqual({ upstream: 2, midstream: 1, downstream: 0 });
    expect(analysis.emptyStages).toEqual(["downstream"]);
    expect(analysis.singleSupplierProducts[0]?.buyerIds).toEqual([5, 6]);
    expect(analysis.suggestions[0]).toEqual({
      from: 1,
      to: 3,
      score: 0.8,
      reasons: [{ code: "product_match", product: "green beans", detail: "…" }],
    });
    expect(analysis).not.toHaveProperty("somethingNew");
    // null means "no link has a known value", which is an answer, not a gap.
    expect(analysis.insideValueShare).toBeNull();
  });

  it("fails loudly on a missing or malformed part instead of showing it as unavailable", () => {
    expect(() => parseAnswer(analysisSchema, { ...full, linkDensity: "high" })).toThrow(
      expect.objectContaining({ code: "bad_response", message: expect.stringContaining("linkDensity") }),
    );
    const { membersPerStage: _left, ...partial } = full;
    expect(() => parseAnswer(analysisSchema, partial)).toThrow(
      expect.objectContaining({ message: expect.stringContaining("membersPerStage") }),
    );
  });

  it("refuses a missing-data word it does not know", () => {
    const suggestionData = { ...full.suggestionData, gaps: ["outputs", "photos"] };
    expect(() => parseAnswer(analysisSchema, { ...full, suggestionData })).toThrow(
      expect.objectContaining({ message: expect.stringContaining("suggestionData.gaps.1") }),
    );
  });

  it("refuses a stage name it does not know", () => {
    expect(() => parseAnswer(analysisSchema, { ...full, emptyStages: ["downstream", "retail"] })).toThrow(
      expect.objectContaining({ message: expect.stringContaining("emptyStages.1") }),
    );
  });

  it("rejects an answer that is not an object", () => {
    expect(() => parseAnswer(analysisSchema, [])).toThrow(expect.objectContaining({ code: "bad_response" }));
  });
});

describe("a linkage, checked by the contract", () => {
  it("reads a directed link between two parties", () => {
    const linkage = {
      id: 1,
      clusterId: 1,
      from: { type: "enterprise", id: 1 },
      to: { type: "institution", id: 2 },
      kind: "advises",
      product: null,
      annualValue: 1200,
    };
    expect(parseAnswer(linkageSchema, linkage)).toEqual(linkage);
  });

  it("refuses a party of an unknown type", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const linkage = {
      id: 1,
      clusterId: 1,
      from: { type: "person", id: 1 },
      to: { type: "institution", id: 2 },
      kind: "advises",
      product: null,
      annualValue: null,
    };
    expect(() => parseAnswer(linkageSchema, linkage)).toThrow(
      expect.objectContaining({ message: expect.stringContaining("from.type") }),
    );
  });
});

describe("party keys", () => {
  it("round-trip a party through one string", () => {
    expect(parsePartyKey(partyKey({ type: "institution", id: 3 }))).toEqual({ type: "institution", id: 3 });
    expect(parsePartyKey("enterprise:12")).toEqual({ type: "enterprise", id: 12 });
    expect(parsePartyKey("enterprise:x")).toBeNull();
    expect(parsePartyKey("person:1")).toBeNull();
    expect(parsePartyKey("")).toBeNull();
  });
});
