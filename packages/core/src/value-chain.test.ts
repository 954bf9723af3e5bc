import { describe, it, expect } from "vitest";
import type {
  ChainInstitution,
  ChainLink,
  ChainMember,
  LinkageKind,
  LinkReason,
  LinkSuggestion,
  PartyRef,
  SingleSupplierProduct,
  Stage,
  UnsuppliedInput,
  ValueChainAnalysis,
} from "./value-chain.ts";
import {
  analyseValueChain,
  normalizeProductName,
  stages,
  suggestionData,
  suggestionGaps,
  suggestLinks,
  tsicSupplyEdges,
} from "./value-chain.ts";

const member = (
  enterpriseId: number,
  stage: Stage,
  products: { outputs?: string[]; inputs?: string[]; tsic?: string | null } = {},
): ChainMember => ({
  enterpriseId,
  stage,
  tsicCode: products.tsic ?? null,
  outputs: products.outputs ?? [],
  inputs: products.inputs ?? [],
});

const firm = (id: number): PartyRef => ({ type: "enterprise", id });
const institution = (id: number): PartyRef => ({ type: "institution", id });

const link = (
  from: PartyRef,
  kind: LinkageKind,
  to: PartyRef,
  extra: { product?: string | null; annualValue?: number | null; insideCluster?: boolean } = {},
): ChainLink => ({
  from,
  to,
  kind,
  product: extra.product ?? null,
  annualValue: extra.annualValue ?? null,
  insideCluster: extra.insideCluster ?? true,
});

// A coffee cluster: two farms grow cherries (1 and 2), a roaster (3) buys cherries and sells roasted
// coffee to two cafés (4 and 5) and to a hotel outside the cluster (900).
const farmA = member(1, "upstream", { tsic: "01271", outputs: ["Coffee Cherries"], inputs: ["fertiliser"] });
const farmB = member(2, "upstream", { tsic: "01271", outputs: ["coffee cherries"] });
const roaster = member(3, "midstream", { tsic: "10791", inputs: ["coffee cherries"], outputs: ["roasted coffee"] });
const cafeA = member(4, "downstream", { tsic: "56101", inputs: ["roasted coffee"], outputs: ["coffee drinks"] });
const cafeB = member(5, "downstream", { tsic: "56101", inputs: ["Roasted  Coffee "] });
const coffeeMembers = [farmA, farmB, roaster, cafeA, cafeB];
const university: ChainInstitution = { institutionId: 100, kind: "education" };
const bank: ChainInstitution = { institutionId: 101, kind: "finance" };
const coffeeLinks: ChainLink[] = [
  link(firm(1), "supplies", firm(3), { product: "coffee cherries", annualValue: 200_000 }),
  link(firm(4), "buys_from", firm(3), { product: "roasted coffee", annualValue: 50_000 }),
  link(firm(3), "supplies", firm(900), { product: "roasted coffee", annualValue: 150_000, insideCluster: false }),
  link(institution(100), "trains", firm(1)),
  link(institution(101), "finances", firm(3)),
];
const coffeeCluster = { members: coffeeMembers, institutions: [university, bank], links: coffeeLinks };

const empty = { members: [], institutions: [], links: [] };

describe("normalizeProductName", () => {
  it("lower-cases, trims and collapses spaces", () => {
    expect(normalizeProductName("  Roasted   Coffee ")).toBe("roasted coffee");
  });

  it("folds Thai digits so ๑๐๕ and 105 are one product", () => {
    expect(normalizeProductName("ข้าวหอมมะลิ ๑๐๕")).toBe(normalizeProductName("ข้าวหอมมะลิ 105"));
  });

  it("composes to NFC and removes zero-width spaces", () => {
    expect(normalizeProductName("Cafe\u0301\u200B Latte")).toBe("caf\u00E9 latte");
  });

  it("spells SARA AM one way", () => {
    expect(normalizeProductName("น\u0E4D\u0E32ผึ้ง")).toBe("น\u0E33ผึ้ง");
  });
});

describe("analyseValueChain — stages", () => {
  it("lists member ids per stage in ascending order", () => {
    const analysis = analyseValueChain({ ...coffeeCluster, members: [cafeB, roaster, farmB, cafeA, farmA] });
    expect(analysis.membersByStage).toEqual({ upstream: [1, 2], midstream: [3], downstream: [4, 5] });
  });

  it("reports no missing stage when every stage is occupied", () => {
    expect(analyseValueChain(coffeeCluster).missingStages).toEqual([]);
  });

  it("reports the stages nobody occupies, in chain order", () => {
    const analysis = analyseValueChain({ members: [cafeA], institutions: [], links: [] });
    expect(analysis.missingStages).toEqual(["upstream", "midstream"]);
  });

  it("counts a firm listed twice as one member", () => {
    const analysis = analyseValueChain({
      members: [farmA, { ...farmA, stage: "downstream" }],
      institutions: [],
      links: [],
    });
    expect(analysis.membersByStage).toEqual({ upstream: [1], midstream: [], downstream: [] });
  });
});

describe("analyseValueChain — an empty cluster", () => {
  it("has every stage missing, density 0, no value share and no links", () => {
    expect(analyseValueChain(empty)).toEqual({
      membersByStage: { upstream: [], midstream: [], downstream: [] },
      missingStages: ["upstream", "midstream", "downstream"],
      singleSupplierProducts: [],
      unsuppliedInputs: [],
      unlinkedMembers: [],
      unlinkedInstitutions: [],
      linkDensity: 0,
      insideValueShare: null,
      verticalLinks: 0,
      horizontalLinks: 0,
      otherLinks: 0,
    });
  });
});

describe("analyseValueChain — a single member", () => {
  it("has density 0 (no pair exists) and is itself unlinked", () => {
    const analysis = analyseValueChain({ members: [roaster], institutions: [], links: [] });
    expect(analysis.linkDensity).toBe(0);
    expect(analysis.unlinkedMembers).toEqual([3]);
  });

  it("reports its inputs as unsupplied when nobody makes them", () => {
    const analysis = analyseValueChain({ members: [roaster], institutions: [], links: [] });
    expect(analysis.unsuppliedInputs).toEqual([{ product: "coffee cherries", neededBy: [3] }]);
  });
});

describe("analyseValueChain — single-supplier products", () => {
  it("finds the product only one member supplies, with every buyer and member who needs it", () => {
    const analysis = analyseValueChain(coffeeCluster);
    expect(analysis.singleSupplierProducts).toEqual([
      { product: "roasted coffee", supplierId: 3, buyers: [firm(4), firm(5), firm(900)] },
    ]);
  });

  it("does not flag a product two members make", () => {
    const analysis = analyseValueChain(coffeeCluster);
    expect(analysis.singleSupplierProducts.map((entry) => entry.product)).not.toContain("coffee cherries");
  });

  it("reads a buys_from link backwards: the party bought from is the supplier", () => {
    const analysis = analyseValueChain({
      members: [member(1, "upstream"), member(2, "midstream")],
      institutions: [],
      links: [link(firm(2), "buys_from", firm(1), { product: "Latex" })],
    });
    expect(analysis.singleSupplierProducts).toEqual([{ product: "latex", supplierId: 1, buyers: [firm(2)] }]);
  });

  it("finds an input that only one member lists as an output, even with no link yet", () => {
    const analysis = analyseValueChain({
      members: [member(1, "upstream", { outputs: ["เมล็ดกาแฟ"] }), member(2, "midstream", { inputs: ["เมล็ดกาแฟ"] })],
      institutions: [],
      links: [],
    });
    expect(analysis.singleSupplierProducts).toEqual([{ product: "เมล็ดกาแฟ", supplierId: 1, buyers: [firm(2)] }]);
  });

  it("counts two members supplying through links as two suppliers", () => {
    const analysis = analyseValueChain({
      members: [member(1, "upstream"), member(2, "upstream"), member(3, "midstream")],
      institutions: [],
      links: [
        link(firm(1), "supplies", firm(3), { product: "silk yarn" }),
        link(firm(3), "buys_from", firm(2), { product: "Silk Yarn" }),
      ],
    });
    expect(analysis.singleSupplierProducts).toEqual([]);
  });

  it("does not count a supplier outside the cluster as a second source", () => {
    const analysis = analyseValueChain({
      members: [member(1, "upstream", { outputs: ["silk yarn"] }), member(3, "midstream", { inputs: ["silk yarn"] })],
      institutions: [],
      links: [link(firm(800), "supplies", firm(3), { product: "silk yarn", insideCluster: false })],
    });
    expect(analysis.singleSupplierProducts).toEqual([{ product: "silk yarn", supplierId: 1, buyers: [firm(3)] }]);
  });

  it("does not flag a product nobody else buys or needs", () => {
    const analysis = analyseValueChain({ members: [cafeA], institutions: [], links: [] });
    expect(analysis.singleSupplierProducts).toEqual([]);
  });

  it("does not count a member that makes its own input as supplying others", () => {
    const analysis = analyseValueChain({
      members: [member(1, "midstream", { outputs: ["compost"], inputs: ["compost"] })],
      institutions: [],
      links: [],
    });
    expect(analysis.singleSupplierProducts).toEqual([]);
  });

  it("ignores supply links without a product", () => {
    const analysis = analyseValueChain({
      members: [member(1, "upstream"), member(2, "midstream")],
      institutions: [],
      links: [link(firm(1), "supplies", firm(2))],
    });
    expect(analysis.singleSupplierProducts).toEqual([]);
  });
});

describe("analyseValueChain — unsupplied inputs", () => {
  it("lists inputs no member makes or supplies, with who needs them", () => {
    expect(analyseValueChain(coffeeCluster).unsuppliedInputs).toEqual([{ product: "fertiliser", neededBy: [1] }]);
  });

  it("merges the same input written differently by two members", () => {
    const analysis = analyseValueChain({
      members: [
        member(1, "upstream", { inputs: ["Organic Fertiliser"] }),
        member(2, "upstream", { inputs: [" organic  fertiliser"] }),
      ],
      institutions: [],
      links: [],
    });
    expect(analysis.unsuppliedInputs).toEqual([{ product: "organic fertiliser", neededBy: [1, 2] }]);
  });
});

describe("analyseValueChain — unlinked parties", () => {
  it("lists members with no link in either direction", () => {
    expect(analyseValueChain(coffeeCluster).unlinkedMembers).toEqual([2, 5]);
  });

  it("counts a link to an outsider or an institution as a link", () => {
    const analysis = analyseValueChain({
      members: [member(1, "upstream"), member(2, "downstream")],
      institutions: [university],
      links: [
        link(firm(1), "supplies", firm(700), { insideCluster: false }),
        link(institution(100), "advises", firm(2)),
      ],
    });
    expect(analysis.unlinkedMembers).toEqual([]);
  });

  it("lists institutions no link reaches", () => {
    const analysis = analyseValueChain({
      ...coffeeCluster,
      institutions: [university, bank, { institutionId: 102, kind: "research" }],
    });
    expect(analysis.unlinkedInstitutions).toEqual([102]);
  });
});

describe("analyseValueChain — link density", () => {
  it("is the linked member pairs over all possible pairs", () => {
    // 5 members → 10 pairs; 1–3 and 3–4 are linked (the hotel is an outsider, the rest are institutions).
    expect(analyseValueChain(coffeeCluster).linkDensity).toBeCloseTo(0.2);
  });

  it("counts a pair once however many links join it, in either direction", () => {
    const analysis = analyseValueChain({
      members: [member(1, "upstream"), member(2, "midstream")],
      institutions: [],
      links: [
        link(firm(1), "supplies", firm(2)),
        link(firm(2), "buys_from", firm(1)),
        link(firm(2), "collaborates", firm(1)),
      ],
    });
    expect(analysis.linkDensity).toBe(1);
  });

  it("ignores links to outsiders and self-links", () => {
    const analysis = analyseValueChain({
      members: [member(1, "upstream"), member(2, "midstream")],
      institutions: [],
      links: [link(firm(1), "supplies", firm(999), { insideCluster: false }), link(firm(2), "collaborates", firm(2))],
    });
    expect(analysis.linkDensity).toBe(0);
  });
});

describe("analyseValueChain — value staying inside the cluster", () => {
  it("is the inside value over all known value", () => {
    // 200,000 + 50,000 inside of 400,000 known.
    expect(analyseValueChain(coffeeCluster).insideValueShare).toBeCloseTo(0.625);
  });

  it("is null when no link carries a value", () => {
    const analysis = analyseValueChain({
      members: [farmA, roaster],
      institutions: [],
      links: [link(firm(1), "supplies", firm(3))],
    });
    expect(analysis.insideValueShare).toBeNull();
  });

  it("leaves links without a value out of both sums", () => {
    const analysis = analyseValueChain({
      members: [farmA, roaster],
      institutions: [],
      links: [
        link(firm(1), "supplies", firm(3), { annualValue: 100 }),
        link(firm(3), "supplies", firm(900), { insideCluster: false }),
      ],
    });
    expect(analysis.insideValueShare).toBe(1);
  });

  it("is 0 when all the known value leaves the cluster", () => {
    const analysis = analyseValueChain({
      members: [roaster],
      institutions: [],
      links: [link(firm(3), "supplies", firm(900), { annualValue: 10, insideCluster: false })],
    });
    expect(analysis.insideValueShare).toBe(0);
  });

  it("is null when the known values sum to zero, and ignores negative values", () => {
    const analysis = analyseValueChain({
      members: [farmA, roaster],
      institutions: [],
      links: [
        link(firm(1), "supplies", firm(3), { annualValue: 0 }),
        link(firm(1), "supplies", firm(3), { annualValue: -50 }),
      ],
    });
    expect(analysis.insideValueShare).toBeNull();
  });
});

describe("analyseValueChain — vertical and horizontal links", () => {
  it("counts supply links as vertical and institution links as horizontal", () => {
    const analysis = analyseValueChain(coffeeCluster);
    expect([analysis.verticalLinks, analysis.horizontalLinks, analysis.otherLinks]).toEqual([3, 2, 0]);
  });

  it("counts collaboration across stages as vertical", () => {
    const analysis = analyseValueChain({
      members: [farmA, roaster],
      institutions: [],
      links: [link(firm(1), "collaborates", firm(3))],
    });
    expect(analysis.verticalLinks).toBe(1);
  });

  it("counts collaboration between two firms of the same stage as neither", () => {
    const analysis = analyseValueChain({
      members: [farmA, farmB],
      institutions: [],
      links: [link(firm(1), "collaborates", firm(2))],
    });
    expect([analysis.verticalLinks, analysis.horizontalLinks, analysis.otherLinks]).toEqual([0, 0, 1]);
  });

  it("counts subcontracting within a stage as vertical", () => {
    const analysis = analyseValueChain({
      members: [cafeA, cafeB],
      institutions: [],
      links: [link(firm(4), "subcontracts", firm(5))],
    });
    expect(analysis.verticalLinks).toBe(1);
  });

  it("counts any link touching an institution as horizontal, whichever direction", () => {
    const analysis = analyseValueChain({
      members: [farmA],
      institutions: [university],
      links: [link(firm(1), "collaborates", institution(100)), link(institution(100), "advises", firm(1))],
    });
    expect(analysis.horizontalLinks).toBe(2);
  });
});

describe("suggestLinks — the coffee chain", () => {
  it("proposes every output → input pair, adjacent stages, ordered by ids", () => {
    const suggestions = suggestLinks({ members: coffeeMembers, links: [] });
    expect(suggestions.map((s) => [s.from, s.to])).toEqual([
      [1, 3],
      [2, 3],
      [3, 4],
      [3, 5],
    ]);
  });

  it("explains a suggestion with the product and the stage step", () => {
    const [first] = suggestLinks({ members: coffeeMembers, links: [] });
    expect(first?.reasons.map((reason) => reason.code)).toEqual(["product_match", "stage_adjacent"]);
    expect(first?.reasons[0]?.product).toBe("coffee cherries");
    expect(first?.reasons[0]?.detail).toContain("coffee cherries");
    expect(first?.score).toBe(0.95);
  });

  it("matches names that differ only in case and spacing", () => {
    const suggestions = suggestLinks({ members: [roaster, cafeB], links: [] });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]?.reasons[0]).toMatchObject({ code: "product_match", product: "roasted coffee" });
  });

  it("excludes pairs already linked, in either direction and by any kind", () => {
    const suggestions = suggestLinks({
      members: coffeeMembers,
      links: [link(firm(3), "buys_from", firm(1)), link(firm(5), "collaborates", firm(3))],
    });
    expect(suggestions.map((s) => [s.from, s.to])).toEqual([
      [2, 3],
      [3, 4],
    ]);
  });

  it("is not blocked by links to institutions or outsiders", () => {
    const suggestions = suggestLinks({
      members: [farmA, roaster],
      links: [link(institution(1), "advises", firm(1)), link(firm(3), "supplies", firm(900), { insideCluster: false })],
    });
    expect(suggestions.map((s) => [s.from, s.to])).toEqual([[1, 3]]);
  });

  it("gives the same list whatever order members and links come in", () => {
    const links = [link(firm(4), "buys_from", firm(3))];
    const forward = suggestLinks({ members: coffeeMembers, links });
    const backward = suggestLinks({ members: [...coffeeMembers].reverse(), links });
    expect(backward).toEqual(forward);
  });

  it("caps the list at the limit, keeping the nearest", () => {
    expect(suggestLinks({ members: coffeeMembers, links: [], limit: 2 }).map((s) => [s.from, s.to])).toEqual([
      [1, 3],
      [2, 3],
    ]);
  });

  it("returns nothing for a limit of zero", () => {
    expect(suggestLinks({ members: coffeeMembers, links: [], limit: 0 })).toEqual([]);
  });
});

describe("suggestLinks — small clusters", () => {
  it("returns nothing for an empty cluster", () => {
    expect(suggestLinks({ members: [], links: [] })).toEqual([]);
  });

  it("returns nothing for a single member, even one that needs what it makes", () => {
    expect(
      suggestLinks({ members: [member(1, "midstream", { outputs: ["compost"], inputs: ["compost"] })], links: [] }),
    ).toEqual([]);
  });

  it("returns nothing when no product and no TSIC code relates the members", () => {
    expect(
      suggestLinks({
        members: [member(1, "upstream", { outputs: ["tea"] }), member(2, "downstream", { inputs: ["rice"] })],
        links: [],
      }),
    ).toEqual([]);
  });
});

describe("suggestLinks — product names", () => {
  it("matches a Thai product name exactly", () => {
    const suggestions = suggestLinks({
      members: [member(1, "upstream", { outputs: ["เมล็ดกาแฟ"] }), member(2, "midstream", { inputs: ["เมล็ดกาแฟ"] })],
      links: [],
    });
    expect(suggestions[0]).toMatchObject({ from: 1, to: 2, score: 0.95 });
    expect(suggestions[0]?.reasons[0]).toMatchObject({ code: "product_match", product: "เมล็ดกาแฟ" });
  });

  it("matches a Thai word inside a longer Thai name written without spaces", () => {
    const suggestions = suggestLinks({
      members: [member(1, "midstream", { outputs: ["เมล็ดกาแฟคั่ว"] }), member(2, "downstream", { inputs: ["กาแฟคั่ว"] })],
      links: [],
    });
    expect(suggestions[0]?.reasons[0]).toMatchObject({ code: "product_match", product: "กาแฟคั่ว" });
    expect(suggestions[0]?.score).toBe(0.9);
  });

  it("does not match a Thai fragment that is not a whole word", () => {
    const suggestions = suggestLinks({
      members: [member(1, "upstream", { outputs: ["กาแฟ"] }), member(2, "midstream", { inputs: ["กา"] })],
      links: [],
    });
    expect(suggestions).toEqual([]);
  });

  it("matches an English name contained as whole words in another", () => {
    const suggestions = suggestLinks({
      members: [member(1, "midstream", { outputs: ["silk fabric"] }), member(2, "downstream", { inputs: ["Fabric"] })],
      links: [],
    });
    expect(suggestions[0]?.reasons[0]).toMatchObject({ code: "product_match", product: "fabric" });
  });

  it("does not match part of an English word", () => {
    const suggestions = suggestLinks({
      members: [
        member(1, "midstream", { outputs: ["coffee"] }),
        member(2, "downstream", { inputs: ["coffeemaker parts"] }),
      ],
      links: [],
    });
    expect(suggestions).toEqual([]);
  });

  it("matches Thai digits against ASCII digits", () => {
    const suggestions = suggestLinks({
      members: [member(1, "upstream", { outputs: ["ข้าว กข ๑๐๕"] }), member(2, "midstream", { inputs: ["ข้าว กข 105"] })],
      links: [],
    });
    expect(suggestions).toHaveLength(1);
  });

  it("lists every product that matches between the two", () => {
    const suggestions = suggestLinks({
      members: [
        member(1, "upstream", { outputs: ["cotton", "indigo dye"] }),
        member(2, "midstream", { inputs: ["indigo dye", "cotton", "silk"] }),
      ],
      links: [],
    });
    expect(suggestions[0]?.reasons.filter((r) => r.code === "product_match").map((r) => r.product)).toEqual([
      "cotton",
      "indigo dye",
    ]);
  });
});

describe("suggestLinks — TSIC codes when products don't say", () => {
  it("proposes textiles → apparel from the division table", () => {
    const suggestions = suggestLinks({
      members: [member(1, "midstream", { tsic: "13121" }), member(2, "downstream", { tsic: "14111" })],
      links: [],
    });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ from: 1, to: 2, score: 0.45 });
    expect(suggestions[0]?.reasons.map((r) => r.code)).toEqual(["tsic_upstream", "stage_adjacent"]);
    expect(suggestions[0]?.reasons[0]?.detail).toContain("13");
  });

  it("proposes rubber products from crop growing and from chemicals", () => {
    const suggestions = suggestLinks({
      members: [
        member(1, "upstream", { tsic: "01291" }),
        member(2, "upstream", { tsic: "20111" }),
        member(3, "midstream", { tsic: "22191" }),
      ],
      links: [],
    });
    expect(suggestions.map((s) => [s.from, s.to, s.reasons[0]?.code])).toEqual([
      [1, 3, "tsic_upstream"],
      [2, 3, "tsic_upstream"],
    ]);
  });

  it("proposes wood → furniture", () => {
    const suggestions = suggestLinks({
      members: [member(7, "downstream", { tsic: "31001" }), member(6, "midstream", { tsic: "16101" })],
      links: [],
    });
    expect(suggestions.map((s) => [s.from, s.to])).toEqual([[6, 7]]);
  });

  it("proposes the same division at an earlier stage as a weaker signal", () => {
    const suggestions = suggestLinks({
      members: [member(1, "upstream", { tsic: "13110" }), member(2, "midstream", { tsic: "13121" })],
      links: [],
    });
    expect(suggestions[0]).toMatchObject({ from: 1, to: 2, score: 0.4 });
    expect(suggestions[0]?.reasons[0]?.code).toBe("same_division");
  });

  it("does not propose the same division within one stage", () => {
    expect(
      suggestLinks({
        members: [member(1, "midstream", { tsic: "13110" }), member(2, "midstream", { tsic: "13121" })],
        links: [],
      }),
    ).toEqual([]);
  });

  it("does not propose a TSIC edge against the recorded stage order", () => {
    expect(
      suggestLinks({
        members: [member(1, "downstream", { tsic: "13110" }), member(2, "upstream", { tsic: "14111" })],
        links: [],
      }),
    ).toEqual([]);
  });

  it("ignores members without a TSIC code or with a malformed one", () => {
    expect(
      suggestLinks({
        members: [member(1, "upstream", { tsic: "1" }), member(2, "midstream", { tsic: null })],
        links: [],
      }),
    ).toEqual([]);
  });

  it("uses product names instead of TSIC codes when both relate the pair", () => {
    const suggestions = suggestLinks({ members: [roaster, cafeA], links: [] });
    expect(suggestions[0]?.reasons.map((r) => r.code)).toEqual(["product_match", "stage_adjacent"]);
  });

  it("documents each table edge with a reason", () => {
    for (const edge of tsicSupplyEdges) {
      expect(edge.from).toMatch(/^\d{2}$/);
      expect(edge.why.length).toBeGreaterThan(10);
    }
  });
});

describe("suggestLinks — ordering", () => {
  const cluster = [
    member(1, "upstream", { tsic: "13110", outputs: ["seedlings"] }),
    member(2, "upstream", { inputs: ["seedlings"] }),
    member(3, "midstream", { tsic: "14111" }),
    member(4, "downstream", { inputs: ["seedlings"] }),
    member(5, "midstream", { inputs: ["seedlings"] }),
    member(6, "downstream", { outputs: ["coffee grounds"] }),
    member(7, "upstream", { inputs: ["coffee grounds"] }),
  ];

  it("puts product matches first, then stage adjacency, same stage last, TSIC guesses after", () => {
    const suggestions = suggestLinks({ members: cluster, links: [] });
    expect(suggestions.map((s) => [s.from, s.to])).toEqual([
      [1, 5], // product, next stage
      [1, 4], // product, skips a stage
      [6, 7], // product, back upstream (a by-product)
      [1, 2], // product, same stage
      [1, 3], // TSIC 13 → 14, next stage
    ]);
  });

  it("gives scores that never increase down the list, within 0..1", () => {
    const scores = suggestLinks({ members: cluster, links: [] }).map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it("ranks an exact product name above a partial one at the same stage step", () => {
    const suggestions = suggestLinks({
      members: [
        member(1, "upstream", { outputs: ["silk cocoons"] }),
        member(2, "upstream", { outputs: ["cocoons"] }),
        member(3, "midstream", { inputs: ["cocoons"] }),
      ],
      links: [],
    });
    expect(suggestions.map((s) => [s.from, s.to, s.score])).toEqual([
      [2, 3, 0.95],
      [1, 3, 0.9],
    ]);
  });

  it("gives every suggestion at least one reason with a detail", () => {
    for (const suggestion of suggestLinks({ members: cluster, links: [] })) {
      expect(suggestion.reasons.length).toBeGreaterThan(0);
      for (const reason of suggestion.reasons) expect(reason.detail).not.toBe("");
    }
  });
});

// ——— Agreement with the pairwise implementation ———

/** mulberry32: a small seeded generator, so a failing random cluster can be rebuilt from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names chosen to meet every matching rule: exact after normalising, English and Thai words found
// inside longer names, fragments that are not words, Thai digits, and names with no words at all.
const PRODUCT_NAMES = [
  "coffee",
  "Roasted Coffee",
  "roasted  coffee",
  "coffee cherries",
  "green coffee beans",
  "coffeemaker parts",
  "rice",
  "rice bran",
  "rice bran oil",
  "Rice Bran",
  "jasmine rice 105",
  "ข้าว",
  "ข้าวหอมมะลิ",
  "ข้าว ๑๐๕",
  "ข้าว 105",
  "กาแฟ",
  "เมล็ดกาแฟ",
  "กาแฟคั่ว",
  "เมล็ดกาแฟคั่ว",
  "กา",
  "ยาง",
  "ยางพารา",
  "น\u0E4D\u0E32ผึ้ง",
  "น้ำผึ้ง",
  "silk",
  "silk yarn",
  "silk fabric",
  "fabric",
  "cotton",
  "indigo dye",
  "latex",
  "...",
  "—",
  "",
  "  ",
];
const TSIC_CODES = [
  null,
  "1",
  "01271",
  "01492",
  "02201",
  "10791",
  "10611",
  "11041",
  "13121",
  "13111",
  "14111",
  "16101",
  "20231",
  "21002",
  "22191",
  "31001",
  "56101",
  "99",
];
const LINK_KINDS: LinkageKind[] = [
  "supplies",
  "buys_from",
  "subcontracts",
  "collaborates",
  "advises",
  "finances",
  "trains",
];

function randomCluster(
  seed: number,
  size: number,
): { members: ChainMember[]; institutions: ChainInstitution[]; links: ChainLink[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: ReadonlyArray<T>, fallback: T): T => items[Math.floor(random() * items.length)] ?? fallback;
  // Common names give many matches; rare ones give single suppliers and inputs nobody makes.
  const name = (): string => (random() < 0.7 ? pick(PRODUCT_NAMES, "") : `part ${Math.floor(random() * size)}`);
  const some = (most: number): string[] => Array.from({ length: Math.floor(random() * (most + 1)) }, name);
  // Ids out of order and with gaps; a few repeated, which must count once.
  const ids = Array.from({ length: size }, (_, i) => (i * 7919) % 100_003);
  const members = ids.map((id) =>
    member(id, pick(stages, "upstream"), { outputs: some(2), inputs: some(2), tsic: pick(TSIC_CODES, null) }),
  );
  for (let i = 0; i < size / 50; i++)
    members.push(member(pick(ids, 0), pick(stages, "upstream"), { outputs: some(2) }));
  const institutions = Array.from({ length: 5 }, (_, i): ChainInstitution => ({
    institutionId: 500 + i,
    kind: "education",
  }));
  const party = (): PartyRef => {
    const roll = random();
    if (roll < 0.8) return firm(pick(ids, 0));
    if (roll < 0.9) return firm(200_000 + Math.floor(random() * 10));
    return institution(500 + Math.floor(random() * 7));
  };
  const links = Array.from({ length: Math.floor(size / 3) }, () =>
    link(party(), pick(LINK_KINDS, "supplies"), party(), {
      product: random() < 0.7 ? name() : null,
      annualValue: random() < 0.5 ? Math.round((random() - 0.1) * 1_000_000) : null,
      insideCluster: random() < 0.8,
    }),
  );
  return { members, institutions, links };
}

describe("value chain on large clusters — agreement with the pairwise reference", () => {
  it("gives the same analysis and every suggestion in the same order as the pairwise reference, on random clusters", () => {
    for (const seed of [1, 2, 3, 4]) {
      const cluster = randomCluster(seed, 300);
      expect(analyseValueChain(cluster)).toStrictEqual(referenceAnalyseValueChain(cluster));
      // The reference sorts every candidate and cuts the list at the limit, so one full list serves every limit.
      const everyCandidate = referenceSuggestLinks({
        members: cluster.members,
        links: cluster.links,
        limit: 1_000_000,
      });
      for (const limit of [1, 20, 137, 1_000_000]) {
        expect(suggestLinks({ members: cluster.members, links: cluster.links, limit })).toStrictEqual(
          everyCandidate.slice(0, limit),
        );
      }
    }
  });

  it("agrees with the reference when few products match and TSIC guesses fill the list", () => {
    const cluster = randomCluster(9, 300);
    const members = cluster.members.map((m, i) => ({ ...m, outputs: i % 60 === 0 ? m.outputs : [] }));
    const everyCandidate = referenceSuggestLinks({ members, links: cluster.links, limit: 1_000_000 });
    expect(everyCandidate.filter((s) => s.reasons[0]?.code === "product_match").length).toBeLessThan(60);
    for (const limit of [20, 60, 400]) {
      expect(suggestLinks({ members, links: cluster.links, limit })).toStrictEqual(everyCandidate.slice(0, limit));
    }
  });

  it("agrees with the reference when every pair is linked but one", () => {
    const members = [
      member(1, "upstream", { outputs: ["rice"], tsic: "01111" }),
      member(2, "midstream", { inputs: ["rice"], tsic: "10611" }),
      member(3, "downstream", { inputs: ["rice bran"], tsic: "10611" }),
    ];
    const links = [link(firm(1), "collaborates", firm(2)), link(firm(3), "advises", firm(2))];
    expect(suggestLinks({ members, links })).toStrictEqual(referenceSuggestLinks({ members, links }));
  });

  it("handles a 5,000-member cluster: the analysis matches the reference, and each suggestion is the reference's for its pair", () => {
    // The shape of the server benchmark: 40 input names, TSIC codes, one link for every tenth member.
    const size = 5_000;
    const tsic = [
      "10794",
      "10611",
      "22191",
      "13121",
      "21002",
      "10302",
      "20231",
      "10799",
      "16101",
      "23931",
      "10712",
      "01492",
      "10793",
      "13111",
      "28299",
    ];
    const members = Array.from({ length: size }, (_, i) =>
      member(i + 1, stages[i % 3] ?? "upstream", {
        tsic: tsic[i % tsic.length] ?? null,
        inputs: [`product ${i % 40}`],
        outputs: i % 4 === 0 ? [`product ${(i * 7) % 40}`] : [],
      }),
    );
    const links = Array.from({ length: size / 10 }, (_, k) =>
      link(firm(k * 10 + 1), "supplies", firm(((k * 10 + 1) % size) + 1), {
        product: `product ${k % 40}`,
        annualValue: 100_000,
      }),
    );
    const cluster = { members, institutions: [], links };

    expect(analyseValueChain(cluster)).toStrictEqual(referenceAnalyseValueChain(cluster));

    const suggestions = suggestLinks({ members, links, limit: 20 });
    expect(suggestions).toHaveLength(20);
    expect(suggestLinks({ members, links, limit: 500 }).slice(0, 20)).toStrictEqual(suggestions);
    const byId = new Map(members.map((m) => [m.enterpriseId, m]));
    const linkedPairs = new Set(links.map((l) => [l.from.id, l.to.id].sort((a, b) => a - b).join(":")));
    for (const suggestion of suggestions) {
      expect(linkedPairs.has([suggestion.from, suggestion.to].sort((a, b) => a - b).join(":"))).toBe(false);
      const pair = [byId.get(suggestion.from), byId.get(suggestion.to)].flatMap((m) => m ?? []);
      const alone = referenceSuggestLinks({ members: pair, links: [], limit: 2 }).find(
        (s) => s.from === suggestion.from && s.to === suggestion.to,
      );
      expect(alone).toStrictEqual(suggestion);
    }
  });
});

// ——— The pairwise implementation, kept as the reference ———
// This is suggestLinks and analyseValueChain as they were before indexing: every pair of members is
// tried. Too slow for large clusters, but plainly correct, so the fast version must agree with it.

const REFERENCE_VERTICAL_KINDS: ReadonlySet<LinkageKind> = new Set(["supplies", "buys_from", "subcontracts"]);

function referencePairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

function referencePartyKey(party: PartyRef): string {
  return `${party.type}:${party.id}`;
}

function referenceComparePartyRefs(a: PartyRef, b: PartyRef): number {
  if (a.type !== b.type) return a.type === "enterprise" ? -1 : 1;
  return a.id - b.id;
}

function referenceAscending(ids: Iterable<number>): number[] {
  return [...ids].sort((a, b) => a - b);
}

function referenceMembersById(members: ReadonlyArray<ChainMember>): Map<number, ChainMember> {
  const byId = new Map<number, ChainMember>();
  for (const member of members) if (!byId.has(member.enterpriseId)) byId.set(member.enterpriseId, member);
  return byId;
}

function referenceSupplyDirection(link: ChainLink): { supplier: PartyRef; buyer: PartyRef } | null {
  if (link.kind === "supplies") return { supplier: link.from, buyer: link.to };
  if (link.kind === "buys_from") return { supplier: link.to, buyer: link.from };
  return null;
}

type ReferenceProductSides = { suppliers: Set<number>; buyers: Map<string, PartyRef>; needers: Set<number> };

function referenceCollectProducts(
  byId: ReadonlyMap<number, ChainMember>,
  links: ReadonlyArray<ChainLink>,
): Map<string, ReferenceProductSides> {
  const products = new Map<string, ReferenceProductSides>();
  const sides = (name: string): ReferenceProductSides | null => {
    const product = normalizeProductName(name);
    if (product === "") return null;
    let entry = products.get(product);
    if (!entry) {
      entry = { suppliers: new Set(), buyers: new Map(), needers: new Set() };
      products.set(product, entry);
    }
    return entry;
  };
  for (const member of byId.values()) {
    for (const output of member.outputs) sides(output)?.suppliers.add(member.enterpriseId);
    for (const input of member.inputs) {
      const entry = sides(input);
      if (!entry) continue;
      const needer: PartyRef = { type: "enterprise", id: member.enterpriseId };
      entry.needers.add(member.enterpriseId);
      entry.buyers.set(referencePartyKey(needer), needer);
    }
  }
  for (const link of links) {
    const direction = referenceSupplyDirection(link);
    if (!direction || link.product === null) continue;
    const { supplier, buyer } = direction;
    if (supplier.type !== "enterprise" || !byId.has(supplier.id)) continue;
    if (buyer.type === supplier.type && buyer.id === supplier.id) continue;
    const entry = sides(link.product);
    if (!entry) continue;
    entry.suppliers.add(supplier.id);
    entry.buyers.set(referencePartyKey(buyer), buyer);
  }
  return products;
}

function referenceIsCountableValue(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value >= 0;
}

function referenceAnalyseValueChain(cluster: {
  readonly members: ReadonlyArray<ChainMember>;
  readonly institutions: ReadonlyArray<ChainInstitution>;
  readonly links: ReadonlyArray<ChainLink>;
}): ValueChainAnalysis {
  const byId = referenceMembersById(cluster.members);
  const institutionIds = new Set(cluster.institutions.map((institution) => institution.institutionId));

  const byStage: Record<Stage, number[]> = { upstream: [], midstream: [], downstream: [] };
  for (const member of byId.values()) byStage[member.stage].push(member.enterpriseId);
  for (const stage of stages) byStage[stage].sort((a, b) => a - b);
  const missingStages = stages.filter((stage) => byStage[stage].length === 0);

  const linkedParties = new Set<string>();
  const linkedPairs = new Set<string>();
  let vertical = 0;
  let horizontal = 0;
  let other = 0;
  let insideValue = 0;
  let knownValue = 0;
  let anyValue = false;
  for (const link of cluster.links) {
    linkedParties.add(referencePartyKey(link.from));
    linkedParties.add(referencePartyKey(link.to));
    const fromMember = link.from.type === "enterprise" ? byId.get(link.from.id) : undefined;
    const toMember = link.to.type === "enterprise" ? byId.get(link.to.id) : undefined;
    if (fromMember && toMember && fromMember !== toMember) {
      linkedPairs.add(referencePairKey(fromMember.enterpriseId, toMember.enterpriseId));
    }

    const acrossStages = fromMember !== undefined && toMember !== undefined && fromMember.stage !== toMember.stage;
    if (link.from.type === "institution" || link.to.type === "institution") horizontal += 1;
    else if (REFERENCE_VERTICAL_KINDS.has(link.kind) || acrossStages) vertical += 1;
    else other += 1;

    if (referenceIsCountableValue(link.annualValue)) {
      anyValue = true;
      knownValue += link.annualValue;
      if (link.insideCluster) insideValue += link.annualValue;
    }
  }

  const isLinked = (party: PartyRef): boolean => linkedParties.has(referencePartyKey(party));
  const n = byId.size;
  const possiblePairs = (n * (n - 1)) / 2;
  const linkDensity = possiblePairs > 0 ? linkedPairs.size / possiblePairs : 0;
  const insideValueShare = anyValue && knownValue > 0 ? insideValue / knownValue : null;

  const singleSupplierProducts: SingleSupplierProduct[] = [];
  const unsuppliedInputs: UnsuppliedInput[] = [];
  const products = referenceCollectProducts(byId, cluster.links);
  for (const product of [...products.keys()].sort()) {
    const sides = products.get(product);
    if (!sides) continue;
    if (sides.suppliers.size === 0) {
      if (sides.needers.size > 0) unsuppliedInputs.push({ product, neededBy: referenceAscending(sides.needers) });
      continue;
    }
    if (sides.suppliers.size !== 1) continue;
    const [supplierId] = sides.suppliers;
    if (supplierId === undefined) continue;
    const supplierKey = referencePartyKey({ type: "enterprise", id: supplierId });
    const buyers = [...sides.buyers.entries()]
      .filter(([key]) => key !== supplierKey)
      .map(([, party]) => party)
      .sort(referenceComparePartyRefs);
    if (buyers.length > 0) singleSupplierProducts.push({ product, supplierId, buyers });
  }

  return {
    membersByStage: byStage,
    missingStages,
    singleSupplierProducts,
    unsuppliedInputs,
    unlinkedMembers: referenceAscending([...byId.keys()].filter((id) => !isLinked({ type: "enterprise", id }))),
    unlinkedInstitutions: referenceAscending(
      [...institutionIds].filter((id) => !isLinked({ type: "institution", id })),
    ),
    linkDensity,
    insideValueShare,
    verticalLinks: vertical,
    horizontalLinks: horizontal,
    otherLinks: other,
  };
}

const REFERENCE_STAGE_ORDER: Readonly<Record<Stage, number>> = { upstream: 0, midstream: 1, downstream: 2 };

function referenceStageRank(from: Stage, to: Stage): number {
  const step = REFERENCE_STAGE_ORDER[to] - REFERENCE_STAGE_ORDER[from];
  if (step === 1) return 0;
  if (step === 2) return 1;
  if (step < 0) return 2;
  return 3;
}

function referenceTsicDivisionOf(code: string | null): string | null {
  if (code === null) return null;
  const match = /^(\d{2})\d{0,3}$/.exec(code.trim());
  return match?.[1] ?? null;
}

const referenceWordSegmenter = new Intl.Segmenter("th", { granularity: "word" });

function referenceProductWords(product: string): string[] {
  const words: string[] = [];
  for (const segment of referenceWordSegmenter.segment(product)) if (segment.isWordLike) words.push(segment.segment);
  return words;
}

function referenceContainsRun(longer: ReadonlyArray<string>, shorter: ReadonlyArray<string>): boolean {
  if (shorter.length === 0 || shorter.length > longer.length) return false;
  for (let start = 0; start + shorter.length <= longer.length; start++) {
    if (shorter.every((word, i) => longer[start + i] === word)) return true;
  }
  return false;
}

type ReferenceProduct = { readonly name: string; readonly words: ReadonlyArray<string> };
type ReferenceProductMatch = {
  readonly exact: boolean;
  readonly output: string;
  readonly input: string;
  /** The shared name: the whole name when exact, else the shorter one found inside the other. */
  readonly common: string;
};

function referenceMatchProducts(output: ReferenceProduct, input: ReferenceProduct): ReferenceProductMatch | null {
  if (output.name === input.name || (output.words.length > 0 && output.words.join(" ") === input.words.join(" "))) {
    return { exact: true, output: output.name, input: input.name, common: output.name };
  }
  if (referenceContainsRun(output.words, input.words)) {
    return { exact: false, output: output.name, input: input.name, common: input.name };
  }
  if (referenceContainsRun(input.words, output.words)) {
    return { exact: false, output: output.name, input: input.name, common: output.name };
  }
  return null;
}

type ReferencePreparedMember = {
  readonly member: ChainMember;
  readonly outputs: ReadonlyArray<ReferenceProduct>;
  readonly inputs: ReadonlyArray<ReferenceProduct>;
};

function referencePrepareProducts(names: ReadonlyArray<string>): ReferenceProduct[] {
  const seen = new Map<string, ReferenceProduct>();
  for (const raw of names) {
    const name = normalizeProductName(raw);
    if (name !== "" && !seen.has(name)) seen.set(name, { name, words: referenceProductWords(name) });
  }
  return [...seen.values()];
}

type ReferenceCandidate = {
  readonly from: number;
  readonly to: number;
  readonly productMatch: boolean;
  readonly stageRank: number;
  readonly strong: boolean;
  readonly reasons: LinkReason[];
};

const REFERENCE_STAGE_POINTS = [0.3, 0.2, 0.1, 0] as const;

function referenceScoreOf(candidate: ReferenceCandidate): number {
  const base = candidate.productMatch ? 0.6 : 0.1;
  const points = base + (REFERENCE_STAGE_POINTS[candidate.stageRank] ?? 0) + (candidate.strong ? 0.05 : 0);
  return Math.round(points * 100) / 100;
}

function referenceCompareCandidates(a: ReferenceCandidate, b: ReferenceCandidate): number {
  if (a.productMatch !== b.productMatch) return a.productMatch ? -1 : 1;
  if (a.stageRank !== b.stageRank) return a.stageRank - b.stageRank;
  if (a.strong !== b.strong) return a.strong ? -1 : 1;
  return a.from - b.from || a.to - b.to;
}

function referenceProductReasons(
  from: ReferencePreparedMember,
  to: ReferencePreparedMember,
): { reasons: LinkReason[]; exact: boolean } {
  const reasons: LinkReason[] = [];
  const seen = new Set<string>();
  let exact = false;
  for (const output of from.outputs) {
    for (const input of to.inputs) {
      const match = referenceMatchProducts(output, input);
      if (!match || seen.has(`${match.output}\u0000${match.input}`)) continue;
      seen.add(`${match.output}\u0000${match.input}`);
      exact ||= match.exact;
      const maker = `Enterprise ${from.member.enterpriseId} makes "${match.output}"`;
      const detail = match.exact
        ? `${maker}, which enterprise ${to.member.enterpriseId} needs`
        : `${maker} and enterprise ${to.member.enterpriseId} needs "${match.input}"; both name "${match.common}"`;
      reasons.push({ code: "product_match", product: match.common, detail });
    }
  }
  return { reasons, exact };
}

function referenceTsicReason(from: ChainMember, to: ChainMember): { reason: LinkReason; strong: boolean } | null {
  const fromDivision = referenceTsicDivisionOf(from.tsicCode);
  const toDivision = referenceTsicDivisionOf(to.tsicCode);
  if (fromDivision === null || toDivision === null) return null;
  const step = REFERENCE_STAGE_ORDER[to.stage] - REFERENCE_STAGE_ORDER[from.stage];
  // A code-only guess that contradicts the stages the coordinator recorded is not worth showing.
  if (step < 0) return null;
  const edge = tsicSupplyEdges.find((edge) => edge.from === fromDivision && edge.to.includes(toDivision));
  if (edge) {
    return {
      strong: true,
      reason: {
        code: "tsic_upstream",
        detail: `TSIC division ${fromDivision} is a known supplier of division ${toDivision}: ${edge.why}`,
      },
    };
  }
  if (fromDivision === toDivision && step > 0) {
    return {
      strong: false,
      reason: {
        code: "same_division",
        detail: `Both are in TSIC division ${fromDivision}, and ${from.stage} comes before ${to.stage} in the chain`,
      },
    };
  }
  return null;
}

function referenceSuggestLinks(input: {
  readonly members: ReadonlyArray<ChainMember>;
  readonly links: ReadonlyArray<ChainLink>;
  readonly limit?: number;
}): LinkSuggestion[] {
  const limit = Math.floor(input.limit ?? 20);
  if (!(limit > 0)) return [];
  const prepared = [...referenceMembersById(input.members).values()].map((member): ReferencePreparedMember => ({
    member,
    outputs: referencePrepareProducts(member.outputs),
    inputs: referencePrepareProducts(member.inputs),
  }));
  const linked = new Set<string>();
  for (const link of input.links) {
    if (link.from.type === "enterprise" && link.to.type === "enterprise")
      linked.add(referencePairKey(link.from.id, link.to.id));
  }

  const candidates: ReferenceCandidate[] = [];
  for (const from of prepared) {
    for (const to of prepared) {
      const fromId = from.member.enterpriseId;
      const toId = to.member.enterpriseId;
      if (fromId === toId || linked.has(referencePairKey(fromId, toId))) continue;
      const rank = referenceStageRank(from.member.stage, to.member.stage);
      const byProduct = referenceProductReasons(from, to);
      let reasons: LinkReason[];
      let strong: boolean;
      if (byProduct.reasons.length > 0) {
        reasons = byProduct.reasons;
        strong = byProduct.exact;
      } else {
        const byTsic = referenceTsicReason(from.member, to.member);
        if (!byTsic) continue;
        reasons = [byTsic.reason];
        strong = byTsic.strong;
      }
      if (rank === 0) {
        reasons.push({
          code: "stage_adjacent",
          detail: `Enterprise ${toId} is ${to.member.stage}, the stage right after enterprise ${fromId}'s ${from.member.stage}`,
        });
      }
      const productMatch = byProduct.reasons.length > 0;
      candidates.push({ from: fromId, to: toId, productMatch, stageRank: rank, strong, reasons });
    }
  }

  return candidates
    .sort(referenceCompareCandidates)
    .slice(0, limit)
    .map((candidate) => ({
      from: candidate.from,
      to: candidate.to,
      score: referenceScoreOf(candidate),
      reasons: candidate.reasons,
    }));
}

describe("suggestionData and suggestionGaps", () => {
  const member = (enterpriseId: number, changes: Partial<ChainMember> = {}): ChainMember => ({
    enterpriseId,
    stage: "midstream",
    tsicCode: null,
    outputs: [],
    inputs: [],
    ...changes,
  });

  it("counts the members with products, inputs and TSIC codes, each member once", () => {
    const data = suggestionData([
      member(1, { outputs: ["กาแฟคั่ว"], tsicCode: "10790" }),
      member(2, { inputs: ["เมล็ดกาแฟ"], outputs: [" "] }),
      member(3, { tsicCode: " " }),
      member(1, { outputs: ["กาแฟคั่ว"], tsicCode: "10790" }),
    ]);
    expect(data).toEqual({ members: 3, withOutputs: 1, withInputs: 1, withTsic: 1 });
  });

  it("names what is missing, most basic first", () => {
    expect(suggestionGaps({ members: 1, withOutputs: 1, withInputs: 1, withTsic: 1 })).toEqual(["members"]);
    expect(suggestionGaps({ members: 5, withOutputs: 0, withInputs: 0, withTsic: 0 })).toEqual([
      "outputs",
      "inputs",
      "tsic",
    ]);
    expect(suggestionGaps({ members: 5, withOutputs: 3, withInputs: 0, withTsic: 1 })).toEqual(["inputs", "tsic"]);
    expect(suggestionGaps({ members: 5, withOutputs: 3, withInputs: 2, withTsic: 2 })).toEqual([]);
  });

  it("agrees with suggestLinks: with no product, no input and no TSIC code there is no suggestion", () => {
    const members = [
      member(1, { stage: "upstream" }),
      member(2, { stage: "midstream" }),
      member(3, { stage: "downstream" }),
    ];
    expect(suggestLinks({ members, links: [] })).toEqual([]);
    expect(suggestionGaps(suggestionData(members))).toEqual(["outputs", "inputs", "tsic"]);
    const withProducts = [member(1, { outputs: ["เมล็ดกาแฟ"] }), member(2, { inputs: ["เมล็ดกาแฟ"] })];
    expect(suggestionGaps(suggestionData(withProducts))).toEqual(["tsic"]);
    expect(suggestLinks({ members: withProducts, links: [] }).length).toBeGreaterThan(0);
  });
});
