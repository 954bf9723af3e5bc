import { describe, it, expect } from "vitest";
import type { ChainInstitution, ChainLink, ChainMember, LinkageKind, PartyRef, Stage } from "./value-chain.ts";
import { analyseValueChain, normalizeProductName, suggestLinks, tsicSupplyEdges } from "./value-chain.ts";

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
    const analysis = analyseValueChain({ members: [farmA, { ...farmA, stage: "downstream" }], institutions: [], links: [] });
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
      members: [member(1, "upstream", { inputs: ["Organic Fertiliser"] }), member(2, "upstream", { inputs: [" organic  fertiliser"] })],
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
      links: [link(firm(1), "supplies", firm(700), { insideCluster: false }), link(institution(100), "advises", firm(2))],
    });
    expect(analysis.unlinkedMembers).toEqual([]);
  });

  it("lists institutions no link reaches", () => {
    const analysis = analyseValueChain({ ...coffeeCluster, institutions: [university, bank, { institutionId: 102, kind: "research" }] });
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
      links: [link(firm(1), "supplies", firm(2)), link(firm(2), "buys_from", firm(1)), link(firm(2), "collaborates", firm(1))],
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
    const analysis = analyseValueChain({ members: [farmA, roaster], institutions: [], links: [link(firm(1), "supplies", firm(3))] });
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
      links: [link(firm(1), "supplies", firm(3), { annualValue: 0 }), link(firm(1), "supplies", firm(3), { annualValue: -50 })],
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
    const analysis = analyseValueChain({ members: [farmA, roaster], institutions: [], links: [link(firm(1), "collaborates", firm(3))] });
    expect(analysis.verticalLinks).toBe(1);
  });

  it("counts collaboration between two firms of the same stage as neither", () => {
    const analysis = analyseValueChain({ members: [farmA, farmB], institutions: [], links: [link(firm(1), "collaborates", firm(2))] });
    expect([analysis.verticalLinks, analysis.horizontalLinks, analysis.otherLinks]).toEqual([0, 0, 1]);
  });

  it("counts subcontracting within a stage as vertical", () => {
    const analysis = analyseValueChain({ members: [cafeA, cafeB], institutions: [], links: [link(firm(4), "subcontracts", firm(5))] });
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
    expect(suggestLinks({ members: [member(1, "midstream", { outputs: ["compost"], inputs: ["compost"] })], links: [] })).toEqual([]);
  });

  it("returns nothing when no product and no TSIC code relates the members", () => {
    expect(suggestLinks({ members: [member(1, "upstream", { outputs: ["tea"] }), member(2, "downstream", { inputs: ["rice"] })], links: [] })).toEqual([]);
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
      members: [member(1, "midstream", { outputs: ["coffee"] }), member(2, "downstream", { inputs: ["coffeemaker parts"] })],
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
    expect(suggestions[0]?.reasons.filter((r) => r.code === "product_match").map((r) => r.product)).toEqual(["cotton", "indigo dye"]);
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
      members: [member(1, "upstream", { tsic: "01291" }), member(2, "upstream", { tsic: "20111" }), member(3, "midstream", { tsic: "22191" })],
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
    expect(suggestLinks({ members: [member(1, "midstream", { tsic: "13110" }), member(2, "midstream", { tsic: "13121" })], links: [] })).toEqual([]);
  });

  it("does not propose a TSIC edge against the recorded stage order", () => {
    expect(suggestLinks({ members: [member(1, "downstream", { tsic: "13110" }), member(2, "upstream", { tsic: "14111" })], links: [] })).toEqual([]);
  });

  it("ignores members without a TSIC code or with a malformed one", () => {
    expect(suggestLinks({ members: [member(1, "upstream", { tsic: "1" }), member(2, "midstream", { tsic: null })], links: [] })).toEqual([]);
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
