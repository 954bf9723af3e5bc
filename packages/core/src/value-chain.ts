import { normalizeThai } from "./thai-text.ts";

// A cluster is firms and institutions in geographic proximity, linked vertically (upstream to
// downstream) and horizontally (to supporting industries, services, associations, education,
// research, government) — seeds/004. This module reads one cluster as a graph of those links.

/** The three positions on a value chain: ต้นน้ำ (upstream), กลางน้ำ (midstream), ปลายน้ำ (downstream). */
export const stages = ["upstream", "midstream", "downstream"] as const;
export type Stage = (typeof stages)[number];

/** One end of a linkage: a member enterprise (or an enterprise outside the cluster) or a support institution. */
export type PartyRef = { readonly type: "enterprise" | "institution"; readonly id: number };

/** An enterprise in the cluster: its stage and the products it makes (outputs) and needs (inputs), in any language. */
export type ChainMember = {
  readonly enterpriseId: number;
  readonly stage: Stage;
  readonly tsicCode: string | null;
  readonly outputs: ReadonlyArray<string>;
  readonly inputs: ReadonlyArray<string>;
};

/** A support institution (BDS: finance, education, research, government, association, …) of the cluster. */
export type ChainInstitution = { readonly institutionId: number; readonly kind: string };

/** The kinds of linkage DESIGN.md §3 names; the edge runs from → to, e.g. a supplier supplies a buyer. */
export const linkageKinds = [
  "supplies",
  "buys_from",
  "subcontracts",
  "collaborates",
  "advises",
  "finances",
  "trains",
] as const;
export type LinkageKind = (typeof linkageKinds)[number];

/** A directed, typed linkage; `insideCluster` is false when the other party is outside the cluster. */
export type ChainLink = {
  readonly from: PartyRef;
  readonly to: PartyRef;
  readonly kind: LinkageKind;
  readonly product: string | null;
  readonly annualValue: number | null;
  readonly insideCluster: boolean;
};

/** A product only one member supplies or makes, and who depends on it. */
export type SingleSupplierProduct = {
  /** The product name as normalised by `normalizeProductName`. */
  readonly product: string;
  readonly supplierId: number;
  /** Parties buying it through a link, and members needing it as an input; sorted, supplier excluded. */
  readonly buyers: ReadonlyArray<PartyRef>;
};

/** An input members need that no member makes or supplies: a gap the cluster fills from outside or not at all. */
export type UnsuppliedInput = { readonly product: string; readonly neededBy: ReadonlyArray<number> };

/** The figures `analyseValueChain` derives from one cluster. */
export type ValueChainAnalysis = {
  /** Member enterprise ids at each stage, ascending. */
  readonly membersByStage: { readonly [S in Stage]: ReadonlyArray<number> };
  /** Stages no member occupies, in chain order: a broken chain. */
  readonly missingStages: ReadonlyArray<Stage>;
  readonly singleSupplierProducts: ReadonlyArray<SingleSupplierProduct>;
  readonly unsuppliedInputs: ReadonlyArray<UnsuppliedInput>;
  /** Member enterprises with no link of any kind, in either direction, ascending. */
  readonly unlinkedMembers: ReadonlyArray<number>;
  /** Institutions with no link of any kind, ascending. */
  readonly unlinkedInstitutions: ReadonlyArray<number>;
  /** Distinct linked pairs of member enterprises over all possible pairs, 0..1; 0 below two members. */
  readonly linkDensity: number;
  /** Share of the known annual link value on links inside the cluster, 0..1; null when no link has a value. */
  readonly insideValueShare: number | null;
  readonly verticalLinks: number;
  readonly horizontalLinks: number;
  /** Links that are neither, e.g. two firms of the same stage that collaborate. */
  readonly otherLinks: number;
};

/**
 * Normalises a product name so the same product written by different members compares equal:
 * `normalizeThai` (NFC, invisible characters removed, SARA AM composed, Thai digits folded to ASCII,
 * whitespace collapsed and trimmed), then lower case. "  Roasted   Coffee " and "roasted coffee"
 * are one product; so are "ข้าว ๑๐๕" and "ข้าว 105".
 */
export function normalizeProductName(name: string): string {
  return normalizeThai(name).toLowerCase();
}

const VERTICAL_KINDS: ReadonlySet<LinkageKind> = new Set(["supplies", "buys_from", "subcontracts"]);

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

function partyKey(party: PartyRef): string {
  return `${party.type}:${party.id}`;
}

function comparePartyRefs(a: PartyRef, b: PartyRef): number {
  if (a.type !== b.type) return a.type === "enterprise" ? -1 : 1;
  return a.id - b.id;
}

function ascending(ids: Iterable<number>): number[] {
  return [...ids].sort((a, b) => a - b);
}

/** Members by enterprise id; a repeated id keeps its first entry, so one firm is one node. */
function membersById(members: ReadonlyArray<ChainMember>): Map<number, ChainMember> {
  const byId = new Map<number, ChainMember>();
  for (const member of members) if (!byId.has(member.enterpriseId)) byId.set(member.enterpriseId, member);
  return byId;
}

/** The supplier and buyer of a link that moves a product: `supplies` runs supplier → buyer, `buys_from` the reverse. */
function supplyDirection(link: ChainLink): { supplier: PartyRef; buyer: PartyRef } | null {
  if (link.kind === "supplies") return { supplier: link.from, buyer: link.to };
  if (link.kind === "buys_from") return { supplier: link.to, buyer: link.from };
  return null;
}

type ProductSides = { suppliers: Set<number>; buyers: Map<string, PartyRef>; needers: Set<number> };

function collectProducts(
  byId: ReadonlyMap<number, ChainMember>,
  links: ReadonlyArray<ChainLink>,
): Map<string, ProductSides> {
  const products = new Map<string, ProductSides>();
  const sides = (name: string): ProductSides | null => {
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
      entry.buyers.set(partyKey(needer), needer);
    }
  }
  for (const link of links) {
    const direction = supplyDirection(link);
    if (!direction || link.product === null) continue;
    const { supplier, buyer } = direction;
    if (supplier.type !== "enterprise" || !byId.has(supplier.id)) continue;
    if (buyer.type === supplier.type && buyer.id === supplier.id) continue;
    const entry = sides(link.product);
    if (!entry) continue;
    entry.suppliers.add(supplier.id);
    entry.buyers.set(partyKey(buyer), buyer);
  }
  return products;
}

function isCountableValue(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value >= 0;
}

/**
 * Reads one cluster as a graph and reports where its value chain is thin or broken:
 *
 * - members per stage, and the stages nobody occupies;
 * - products with a single supplier: a member supplies it (a `supplies` link, or a `buys_from` link
 *   read backwards) or lists it among its outputs, no other member does, and someone else buys or
 *   needs it. Suppliers outside the cluster do not count as a second source: the question is whether
 *   the cluster itself has one. Names are matched after `normalizeProductName`, exactly — a wrong
 *   "single supplier" warning is worse than a missed one, so the looser matching of `suggestLinks`
 *   is not used here;
 * - inputs members need that no member makes or supplies;
 * - members and institutions with no link at all;
 * - link density: distinct linked pairs of member enterprises (any kind, either direction) over
 *   n·(n−1)/2, 0 when there are fewer than two members; links to outsiders and institutions don't count;
 * - the share of value that stays inside: Σ annualValue of links marked insideCluster over Σ
 *   annualValue of all links with a value; null when no link has a value (or they sum to 0).
 *   Negative or non-finite values are ignored rather than allowed to distort the share;
 * - vertical links (between enterprises of different stages, or of kind supplies / buys_from /
 *   subcontracts) and horizontal links (any link to or from an institution — advising, financing,
 *   training, collaborating — the seed's horizontal linkage to supporting institutions). A link
 *   between two firms of the same stage that is not a supply link is counted in `otherLinks`.
 */
export function analyseValueChain(cluster: {
  readonly members: ReadonlyArray<ChainMember>;
  readonly institutions: ReadonlyArray<ChainInstitution>;
  readonly links: ReadonlyArray<ChainLink>;
}): ValueChainAnalysis {
  const byId = membersById(cluster.members);
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
    linkedParties.add(partyKey(link.from));
    linkedParties.add(partyKey(link.to));
    const fromMember = link.from.type === "enterprise" ? byId.get(link.from.id) : undefined;
    const toMember = link.to.type === "enterprise" ? byId.get(link.to.id) : undefined;
    if (fromMember && toMember && fromMember !== toMember) {
      linkedPairs.add(pairKey(fromMember.enterpriseId, toMember.enterpriseId));
    }

    const acrossStages = fromMember !== undefined && toMember !== undefined && fromMember.stage !== toMember.stage;
    if (link.from.type === "institution" || link.to.type === "institution") horizontal += 1;
    else if (VERTICAL_KINDS.has(link.kind) || acrossStages) vertical += 1;
    else other += 1;

    if (isCountableValue(link.annualValue)) {
      anyValue = true;
      knownValue += link.annualValue;
      if (link.insideCluster) insideValue += link.annualValue;
    }
  }

  const isLinked = (party: PartyRef): boolean => linkedParties.has(partyKey(party));
  const n = byId.size;
  const possiblePairs = (n * (n - 1)) / 2;
  const linkDensity = possiblePairs > 0 ? linkedPairs.size / possiblePairs : 0;
  const insideValueShare = anyValue && knownValue > 0 ? insideValue / knownValue : null;

  const singleSupplierProducts: SingleSupplierProduct[] = [];
  const unsuppliedInputs: UnsuppliedInput[] = [];
  const products = collectProducts(byId, cluster.links);
  for (const product of [...products.keys()].sort()) {
    const sides = products.get(product);
    if (!sides) continue;
    if (sides.suppliers.size === 0) {
      if (sides.needers.size > 0) unsuppliedInputs.push({ product, neededBy: ascending(sides.needers) });
      continue;
    }
    if (sides.suppliers.size !== 1) continue;
    const [supplierId] = sides.suppliers;
    if (supplierId === undefined) continue;
    const supplierKey = partyKey({ type: "enterprise", id: supplierId });
    const buyers = [...sides.buyers.entries()]
      .filter(([key]) => key !== supplierKey)
      .map(([, party]) => party)
      .sort(comparePartyRefs);
    if (buyers.length > 0) singleSupplierProducts.push({ product, supplierId, buyers });
  }

  return {
    membersByStage: byStage,
    missingStages,
    singleSupplierProducts,
    unsuppliedInputs,
    unlinkedMembers: ascending([...byId.keys()].filter((id) => !isLinked({ type: "enterprise", id }))),
    unlinkedInstitutions: ascending([...institutionIds].filter((id) => !isLinked({ type: "institution", id }))),
    linkDensity,
    insideValueShare,
    verticalLinks: vertical,
    horizontalLinks: horizontal,
    otherLinks: other,
  };
}

// ——— Link suggestions ———

/** Why a pair is suggested; `detail` is English for logs and the API, the code is what the web translates. */
export type LinkReason = {
  readonly code: "product_match" | "tsic_upstream" | "stage_adjacent" | "same_division";
  readonly product?: string;
  readonly detail: string;
};

/** A possible supplier → buyer link between two members not yet linked. */
export type LinkSuggestion = {
  readonly from: number;
  readonly to: number;
  /** 0..1; higher is nearer. Sorting by it descending gives the suggestion order (ties by ids). */
  readonly score: number;
  readonly reasons: ReadonlyArray<LinkReason>;
};

type DivisionEdge = { readonly from: string; readonly to: ReadonlyArray<string>; readonly why: string };

/**
 * TSIC 2009 divisions that commonly supply other divisions, from the input-output structure of the
 * agro-industry, textile, rubber, wood and food-service chains that Thai cluster programmes work on.
 * Deliberately small: it only proposes a link when members' product lists don't already say so.
 */
export const tsicSupplyEdges: ReadonlyArray<DivisionEdge> = [
  {
    from: "01",
    to: ["10", "11", "13", "22"],
    why: "crop and animal production supplies food, beverage, textile and rubber makers",
  },
  { from: "02", to: ["16", "17"], why: "forestry supplies wood and paper makers" },
  { from: "03", to: ["10"], why: "fishing and aquaculture supplies food makers" },
  { from: "10", to: ["56"], why: "food products supply restaurants and cafés" },
  { from: "11", to: ["56"], why: "beverages supply restaurants and cafés" },
  { from: "13", to: ["14"], why: "textiles supply apparel makers" },
  { from: "16", to: ["31"], why: "wood products supply furniture makers" },
  { from: "17", to: ["18"], why: "paper supplies printing" },
  { from: "20", to: ["21", "22"], why: "chemicals supply pharmaceutical, rubber and plastics makers" },
  { from: "24", to: ["25"], why: "basic metals supply metal-product makers" },
];

const STAGE_ORDER: Readonly<Record<Stage, number>> = { upstream: 0, midstream: 1, downstream: 2 };

/**
 * 0 next stage forward, 1 skipping a stage forward, 2 backwards (a by-product going back up the
 * chain, e.g. coffee grounds to farms), 3 same stage: the order of nearness, same stage last.
 */
function stageRank(from: Stage, to: Stage): number {
  const step = STAGE_ORDER[to] - STAGE_ORDER[from];
  if (step === 1) return 0;
  if (step === 2) return 1;
  if (step < 0) return 2;
  return 3;
}

function tsicDivisionOf(code: string | null): string | null {
  if (code === null) return null;
  const match = /^(\d{2})\d{0,3}$/.exec(code.trim());
  return match?.[1] ?? null;
}

const wordSegmenter = new Intl.Segmenter("th", { granularity: "word" });

/** The words of a normalised product name; Thai, written without spaces, is cut by the dictionary segmenter. */
function productWords(product: string): string[] {
  const words: string[] = [];
  for (const segment of wordSegmenter.segment(product)) if (segment.isWordLike) words.push(segment.segment);
  return words;
}

function containsRun(longer: ReadonlyArray<string>, shorter: ReadonlyArray<string>): boolean {
  if (shorter.length === 0 || shorter.length > longer.length) return false;
  for (let start = 0; start + shorter.length <= longer.length; start++) {
    if (shorter.every((word, i) => longer[start + i] === word)) return true;
  }
  return false;
}

type Product = { readonly name: string; readonly words: ReadonlyArray<string> };
type ProductMatch = {
  readonly exact: boolean;
  readonly output: string;
  readonly input: string;
  /** The shared name: the whole name when exact, else the shorter one found inside the other. */
  readonly common: string;
};

function matchProducts(output: Product, input: Product): ProductMatch | null {
  if (output.name === input.name || (output.words.length > 0 && output.words.join(" ") === input.words.join(" "))) {
    return { exact: true, output: output.name, input: input.name, common: output.name };
  }
  if (containsRun(output.words, input.words)) {
    return { exact: false, output: output.name, input: input.name, common: input.name };
  }
  if (containsRun(input.words, output.words)) {
    return { exact: false, output: output.name, input: input.name, common: output.name };
  }
  return null;
}

type PreparedMember = {
  readonly member: ChainMember;
  readonly outputs: ReadonlyArray<Product>;
  readonly inputs: ReadonlyArray<Product>;
};

function prepareProducts(names: ReadonlyArray<string>): Product[] {
  const seen = new Map<string, Product>();
  for (const raw of names) {
    const name = normalizeProductName(raw);
    if (name !== "" && !seen.has(name)) seen.set(name, { name, words: productWords(name) });
  }
  return [...seen.values()];
}

type Candidate = {
  readonly from: number;
  readonly to: number;
  readonly productMatch: boolean;
  readonly stageRank: number;
  readonly strong: boolean;
  readonly reasons: LinkReason[];
};

const STAGE_POINTS = [0.3, 0.2, 0.1, 0] as const;

function scoreOf(candidate: Candidate): number {
  const base = candidate.productMatch ? 0.6 : 0.1;
  const points = base + (STAGE_POINTS[candidate.stageRank] ?? 0) + (candidate.strong ? 0.05 : 0);
  return Math.round(points * 100) / 100;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.productMatch !== b.productMatch) return a.productMatch ? -1 : 1;
  if (a.stageRank !== b.stageRank) return a.stageRank - b.stageRank;
  if (a.strong !== b.strong) return a.strong ? -1 : 1;
  return a.from - b.from || a.to - b.to;
}

function productReasons(from: PreparedMember, to: PreparedMember): { reasons: LinkReason[]; exact: boolean } {
  const reasons: LinkReason[] = [];
  const seen = new Set<string>();
  let exact = false;
  for (const output of from.outputs) {
    for (const input of to.inputs) {
      const match = matchProducts(output, input);
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

function tsicReason(from: ChainMember, to: ChainMember): { reason: LinkReason; strong: boolean } | null {
  const fromDivision = tsicDivisionOf(from.tsicCode);
  const toDivision = tsicDivisionOf(to.tsicCode);
  if (fromDivision === null || toDivision === null) return null;
  const step = STAGE_ORDER[to.stage] - STAGE_ORDER[from.stage];
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

/**
 * Proposes supplier → buyer links between members that are not linked yet (in either direction, by
 * any kind of link), nearest first, each with the reasons it was proposed:
 *
 * - `product_match`: one of a's outputs matches one of b's inputs after `normalizeProductName`:
 *   exactly, or one name's words appear as a run inside the other's ("coffee" in "roasted coffee";
 *   Thai names are cut into words by `Intl.Segmenter("th")`, so "กาแฟ" matches inside "เมล็ดกาแฟ" but
 *   "กา" does not). Every matching product pair is listed.
 * - Only when no product matches: `tsic_upstream` when a's TSIC division commonly supplies b's (see
 *   `tsicSupplyEdges`), or, weaker, `same_division` when both share a division and a sits at an earlier
 *   stage. Neither is proposed against the recorded stage order (b before a).
 * - `stage_adjacent` is added when b is at the next stage after a (upstream → midstream, midstream →
 *   downstream).
 *
 * Order: product matches before TSIC guesses; then by stage — next stage, then skipping one, then
 * backwards (a by-product going back upstream, as in circular BCG chains), the same stage last; then
 * an exact product name (or a `tsic_upstream` edge) before a partial one (or `same_division`); then
 * by from id and to id, so the same cluster always gives the same list. The score encodes that order
 * in 0..1: 0.6 for a product match or 0.1 for a TSIC guess, + 0.3 / 0.2 / 0.1 / 0 by stage, + 0.05
 * for the stronger evidence.
 * `limit` (default 20) caps the list; 0 or less gives none.
 */
export function suggestLinks(input: {
  readonly members: ReadonlyArray<ChainMember>;
  readonly links: ReadonlyArray<ChainLink>;
  readonly limit?: number;
}): LinkSuggestion[] {
  const limit = Math.floor(input.limit ?? 20);
  if (!(limit > 0)) return [];
  const prepared = [...membersById(input.members).values()].map(
    (member): PreparedMember => ({
      member,
      outputs: prepareProducts(member.outputs),
      inputs: prepareProducts(member.inputs),
    }),
  );
  const linked = new Set<string>();
  for (const link of input.links) {
    if (link.from.type === "enterprise" && link.to.type === "enterprise") linked.add(pairKey(link.from.id, link.to.id));
  }

  const candidates: Candidate[] = [];
  for (const from of prepared) {
    for (const to of prepared) {
      const fromId = from.member.enterpriseId;
      const toId = to.member.enterpriseId;
      if (fromId === toId || linked.has(pairKey(fromId, toId))) continue;
      const rank = stageRank(from.member.stage, to.member.stage);
      const byProduct = productReasons(from, to);
      let reasons: LinkReason[];
      let strong: boolean;
      if (byProduct.reasons.length > 0) {
        reasons = byProduct.reasons;
        strong = byProduct.exact;
      } else {
        const byTsic = tsicReason(from.member, to.member);
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
    .sort(compareCandidates)
    .slice(0, limit)
    .map((candidate) => ({
      from: candidate.from,
      to: candidate.to,
      score: scoreOf(candidate),
      reasons: candidate.reasons,
    }));
}
