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

/**
 * `normalizeProductName` remembered by the name as written: a large cluster repeats a few product
 * names thousands of times, and normalising is the costly part of reading them.
 */
function normalizedNames(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let normalised = cache.get(name);
    if (normalised === undefined) {
      normalised = normalizeProductName(name);
      cache.set(name, normalised);
    }
    return normalised;
  };
}

type ProductSides = { suppliers: Set<number>; buyers: Map<string, PartyRef>; needers: Set<number> };

function collectProducts(
  byId: ReadonlyMap<number, ChainMember>,
  links: ReadonlyArray<ChainLink>,
): Map<string, ProductSides> {
  const products = new Map<string, ProductSides>();
  const normalised = normalizedNames();
  const sides = (name: string): ProductSides | null => {
    const product = normalised(name);
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
export function productWords(product: string): string[] {
  const words: string[] = [];
  for (const segment of wordSegmenter.segment(product)) if (segment.isWordLike) words.push(segment.segment);
  return words;
}

/** Whether `shorter`'s words appear, in order and next to each other, inside `longer` (meeting suggestions too). */
export function containsRun(longer: ReadonlyArray<string>, shorter: ReadonlyArray<string>): boolean {
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

/** A member with its outputs and inputs as product ids of one `ProductCatalogue`. */
type IndexedMember = {
  readonly member: ChainMember;
  readonly outputs: ReadonlyArray<number>;
  readonly inputs: ReadonlyArray<number>;
};

/** The distinct products one call meets, each normalised and cut into words once, however often it is written. */
type ProductCatalogue = {
  readonly products: ReadonlyArray<Product>;
  /** Product ids of the names as written: empty names dropped, a repeated product kept once, first seen first. */
  readonly idsOf: (names: ReadonlyArray<string>) => number[];
};

function productCatalogue(): ProductCatalogue {
  const products: Product[] = [];
  const idByName = new Map<string, number>();
  const idByWritten = new Map<string, number>();
  const idOf = (written: string): number => {
    const known = idByWritten.get(written);
    if (known !== undefined) return known;
    const name = normalizeProductName(written);
    let id = name === "" ? -1 : idByName.get(name);
    if (id === undefined) {
      id = products.push({ name, words: productWords(name) }) - 1;
      idByName.set(name, id);
    }
    idByWritten.set(written, id);
    return id;
  };
  const idsOf = (names: ReadonlyArray<string>): number[] => {
    const ids = new Set<number>();
    for (const name of names) {
      const id = idOf(name);
      if (id >= 0) ids.add(id);
    }
    return [...ids];
  };
  return { products, idsOf };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The key two products share exactly when `matchProducts` calls them an exact match. */
function exactKey(product: Product): string {
  return product.words.length > 0 ? `w${product.words.join(" ")}` : `n${product.name}`;
}

/** A word sequence as a map key; JSON keeps the boundaries between words that a joining space could blur. */
function wordsKey(words: ReadonlyArray<string>): string {
  return JSON.stringify(words);
}

/** The `wordsKey` of every run of consecutive words, up to `longest` words long. */
function runKeys(words: ReadonlyArray<string>, longest: number): string[] {
  const keys: string[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + longest); end++)
      keys.push(wordsKey(words.slice(start, end)));
  }
  return keys;
}

/** Products by their whole word sequence, and the most words any of them has. */
function productsByWords(
  ids: Iterable<number>,
  products: ReadonlyArray<Product>,
): { byWords: Map<string, number[]>; longest: number } {
  const byWords = new Map<string, number[]>();
  let longest = 0;
  for (const id of ids) {
    const words = products[id]?.words ?? [];
    if (words.length === 0) continue;
    pushTo(byWords, wordsKey(words), id);
    longest = Math.max(longest, words.length);
  }
  return { byWords, longest };
}

/**
 * For each product some member makes, the products members need that it matches under
 * `matchProducts` (true when exactly). Found through indexes of exact keys and of word runs — the
 * runs of one name are looked up among the whole word sequences of the others — never by trying every
 * pair of names.
 */
function productMatches(
  products: ReadonlyArray<Product>,
  made: ReadonlySet<number>,
  needed: ReadonlySet<number>,
): Map<number, Map<number, boolean>> {
  const matches = new Map<number, Map<number, boolean>>();
  const matchesOf = (output: number): Map<number, boolean> => {
    let found = matches.get(output);
    if (!found) {
      found = new Map();
      matches.set(output, found);
    }
    return found;
  };
  const neededByExactKey = new Map<string, number[]>();
  for (const input of needed) {
    const product = products[input];
    if (product) pushTo(neededByExactKey, exactKey(product), input);
  }
  for (const output of made) {
    const product = products[output];
    if (!product) continue;
    for (const input of neededByExactKey.get(exactKey(product)) ?? []) matchesOf(output).set(input, true);
  }
  // Partial matches come second, so a pair that also matches exactly stays exact.
  const addPartial = (output: number, input: number): void => {
    const found = matchesOf(output);
    if (!found.has(input)) found.set(input, false);
  };
  const neededWords = productsByWords(needed, products);
  for (const output of made) {
    for (const key of runKeys(products[output]?.words ?? [], neededWords.longest)) {
      for (const input of neededWords.byWords.get(key) ?? []) addPartial(output, input);
    }
  }
  const madeWords = productsByWords(made, products);
  for (const input of needed) {
    for (const key of runKeys(products[input]?.words ?? [], madeWords.longest)) {
      for (const output of madeWords.byWords.get(key) ?? []) addPartial(output, input);
    }
  }
  return matches;
}

const STAGE_POINTS = [0.3, 0.2, 0.1, 0] as const;

/** Where a pair sits in the suggestion order before its ids break ties; it also fixes the score. */
type OrderClass = { readonly productMatch: boolean; readonly stageRank: number; readonly strong: boolean };

// The order class as one number, lower first: product match before TSIC guess, then the stage rank
// (0..3), then the stronger evidence. Numbers from TSIC_CLASSES up are TSIC guesses.
const TSIC_CLASSES = 8;

function classNumber(productMatch: boolean, rank: number, strong: boolean): number {
  return (productMatch ? 0 : TSIC_CLASSES) + rank * 2 + (strong ? 0 : 1);
}

function orderClassOf(classNo: number): OrderClass {
  return {
    productMatch: classNo < TSIC_CLASSES,
    stageRank: Math.floor((classNo % TSIC_CLASSES) / 2),
    strong: classNo % 2 === 0,
  };
}

function scoreOf(order: OrderClass): number {
  const base = order.productMatch ? 0.6 : 0.1;
  const points = base + (STAGE_POINTS[order.stageRank] ?? 0) + (order.strong ? 0.05 : 0);
  return Math.round(points * 100) / 100;
}

/** A pair of member positions (members sorted by id, so positions compare as ids) with its class number. */
type RankedPair = { readonly classNo: number; readonly from: number; readonly to: number };

function compareRanked(a: RankedPair, b: RankedPair): number {
  return a.classNo - b.classNo || a.from - b.from || a.to - b.to;
}

/** The first `limit` pairs in suggestion order among those offered, in a max-heap: the last one kept is the root. */
class NearestPairs {
  readonly #limit: number;
  readonly #heap: RankedPair[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** True when no pair of this class from this position could be kept any more. */
  cannotTake(classNo: number, from: number): boolean {
    const last = this.#heap.length >= this.#limit ? this.#heap[0] : undefined;
    return last !== undefined && (classNo > last.classNo || (classNo === last.classNo && from > last.from));
  }

  offer(pair: RankedPair): void {
    const heap = this.#heap;
    if (heap.length < this.#limit) {
      heap.push(pair);
      this.#siftUp(heap.length - 1);
      return;
    }
    const last = heap[0];
    if (last === undefined || compareRanked(pair, last) >= 0) return;
    heap[0] = pair;
    this.#siftDown(0);
  }

  /** The kept pairs in suggestion order. */
  sorted(): RankedPair[] {
    return [...this.#heap].sort(compareRanked);
  }

  #siftUp(start: number): void {
    const heap = this.#heap;
    let at = start;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const child = heap[at];
      const parent = heap[parentAt];
      if (child === undefined || parent === undefined || compareRanked(child, parent) <= 0) return;
      heap[at] = parent;
      heap[parentAt] = child;
      at = parentAt;
    }
  }

  #siftDown(start: number): void {
    const heap = this.#heap;
    let at = start;
    for (;;) {
      let largestAt = at;
      for (const childAt of [2 * at + 1, 2 * at + 2]) {
        const child = heap[childAt];
        const largest = heap[largestAt];
        if (child !== undefined && largest !== undefined && compareRanked(child, largest) > 0) largestAt = childAt;
      }
      if (largestAt === at) return;
      const top = heap[at];
      const largest = heap[largestAt];
      if (top === undefined || largest === undefined) return;
      heap[at] = largest;
      heap[largestAt] = top;
      at = largestAt;
    }
  }
}

/** The values of ascending, disjoint lists, in ascending order, as far as the caller reads. */
function* mergeAscending(lists: ReadonlyArray<ReadonlyArray<number>>): Generator<number> {
  const next = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    let least = Infinity;
    for (const [k, list] of lists.entries()) {
      const value = list[next[k] ?? 0];
      if (value !== undefined && value < least) {
        least = value;
        pick = k;
      }
    }
    if (pick < 0) return;
    next[pick] = (next[pick] ?? 0) + 1;
    yield least;
  }
}

function productReasons(from: PreparedMember, to: PreparedMember): LinkReason[] {
  const reasons: LinkReason[] = [];
  const seen = new Set<string>();
  for (const output of from.outputs) {
    for (const input of to.inputs) {
      const match = matchProducts(output, input);
      if (!match || seen.has(`${match.output}\u0000${match.input}`)) continue;
      seen.add(`${match.output}\u0000${match.input}`);
      const maker = `Enterprise ${from.member.enterpriseId} makes "${match.output}"`;
      const detail = match.exact
        ? `${maker}, which enterprise ${to.member.enterpriseId} needs`
        : `${maker} and enterprise ${to.member.enterpriseId} needs "${match.input}"; both name "${match.common}"`;
      reasons.push({ code: "product_match", product: match.common, detail });
    }
  }
  return reasons;
}

/** The TSIC reason for a supplier in one division and stage and a buyer in another; it depends on nothing else. */
function tsicReason(
  fromDivision: string | null,
  fromStage: Stage,
  toDivision: string | null,
  toStage: Stage,
): { reason: LinkReason; strong: boolean } | null {
  if (fromDivision === null || toDivision === null) return null;
  const step = STAGE_ORDER[toStage] - STAGE_ORDER[fromStage];
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
        detail: `Both are in TSIC division ${fromDivision}, and ${fromStage} comes before ${toStage} in the chain`,
      },
    };
  }
  return null;
}

/**
 * Pairs related by TSIC codes alone, lazily and in suggestion order, leaving out those `skip` names.
 * Members are grouped by division and stage; a group is paired only with the groups of its own
 * division and of the divisions `tsicSupplyEdges` says it supplies, the only ones `tsicReason` can
 * relate it to. Reading the first k pairs costs about the members, plus k, plus the pairs skipped.
 */
function* tsicPairs(
  members: ReadonlyArray<IndexedMember>,
  skip: (from: number, to: number) => boolean,
): Generator<RankedPair> {
  type Group = { readonly division: string; readonly stage: Stage; readonly positions: number[] };
  const groups = new Map<string, Group>();
  const groupOf: Array<Group | undefined> = members.map(({ member }, position) => {
    const division = tsicDivisionOf(member.tsicCode);
    if (division === null) return undefined;
    const key = `${division}/${member.stage}`;
    let group = groups.get(key);
    if (!group) {
      group = { division, stage: member.stage, positions: [] };
      groups.set(key, group);
    }
    group.positions.push(position);
    return group;
  });
  const targets = new Map<Group, Map<number, number[][]>>();
  for (const group of groups.values()) {
    const divisions = new Set([group.division]);
    for (const edge of tsicSupplyEdges) if (edge.from === group.division) for (const to of edge.to) divisions.add(to);
    const byClass = new Map<number, number[][]>();
    for (const division of divisions) {
      for (const stage of stages) {
        const target = groups.get(`${division}/${stage}`);
        const relation = target && tsicReason(group.division, group.stage, division, stage);
        if (!target || !relation) continue;
        pushTo(byClass, classNumber(false, stageRank(group.stage, stage), relation.strong), target.positions);
      }
    }
    targets.set(group, byClass);
  }
  for (let classNo = TSIC_CLASSES; classNo < 2 * TSIC_CLASSES; classNo++) {
    for (const [from, group] of groupOf.entries()) {
      const lists = group && targets.get(group)?.get(classNo);
      if (!lists) continue;
      for (const to of mergeAscending(lists)) if (!skip(from, to)) yield { classNo, from, to };
    }
  }
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
 *
 * Cost: pairs are found through an index from product names and word runs to the members that make
 * or need them, and through TSIC division groups, never by trying every pair of members; only the
 * `limit` nearest are kept while looking, and only theirs are worded.
 */
export function suggestLinks(input: {
  readonly members: ReadonlyArray<ChainMember>;
  readonly links: ReadonlyArray<ChainLink>;
  readonly limit?: number;
}): LinkSuggestion[] {
  const limit = Math.floor(input.limit ?? 20);
  if (!(limit > 0)) return [];
  const catalogue = productCatalogue();
  // Sorted by id, so a member's position stands for its id in the order.
  const members = [...membersById(input.members).values()]
    .sort((a, b) => a.enterpriseId - b.enterpriseId)
    .map((member): IndexedMember => ({
      member,
      outputs: catalogue.idsOf(member.outputs),
      inputs: catalogue.idsOf(member.inputs),
    }));
  const count = members.length;
  const positionOf = new Map(members.map(({ member }, position) => [member.enterpriseId, position]));
  const pairIndex = (a: number, b: number): number => (a < b ? a * count + b : b * count + a);
  const linked = new Set<number>();
  for (const link of input.links) {
    if (link.from.type !== "enterprise" || link.to.type !== "enterprise") continue;
    const from = positionOf.get(link.from.id);
    const to = positionOf.get(link.to.id);
    if (from !== undefined && to !== undefined) linked.add(pairIndex(from, to));
  }

  // Who needs each product, by stage, positions ascending.
  const made = new Set<number>();
  const needers = new Map<number, Record<Stage, number[]>>();
  for (const [position, { member, outputs, inputs }] of members.entries()) {
    for (const output of outputs) made.add(output);
    for (const product of inputs) {
      let byStage = needers.get(product);
      if (!byStage) {
        byStage = { upstream: [], midstream: [], downstream: [] };
        needers.set(product, byStage);
      }
      byStage[member.stage].push(position);
    }
  }
  const matches = productMatches(catalogue.products, made, new Set(needers.keys()));

  // Product matches: for each supplier, the members needing a product one of its outputs matches.
  const nearest = new NearestPairs(limit);
  const seenFor = new Int32Array(count).fill(-1);
  const exactFor = new Uint8Array(count);
  const reached: number[] = [];
  for (const [from, supplier] of members.entries()) {
    reached.length = 0;
    for (const output of supplier.outputs) {
      for (const [product, exact] of matches.get(output) ?? []) {
        const byStage = needers.get(product);
        if (!byStage) continue;
        for (const stage of stages) {
          const rank = stageRank(supplier.member.stage, stage);
          if (nearest.cannotTake(classNumber(true, rank, exact), from)) continue;
          for (const to of byStage[stage]) {
            if (to === from) continue;
            if (seenFor[to] !== from) {
              seenFor[to] = from;
              exactFor[to] = 0;
              reached.push(to);
            }
            if (exact) exactFor[to] = 1;
          }
        }
      }
    }
    for (const to of reached) {
      const buyer = members[to];
      if (!buyer || linked.has(pairIndex(from, to))) continue;
      nearest.offer({
        classNo: classNumber(true, stageRank(supplier.member.stage, buyer.member.stage), exactFor[to] === 1),
        from,
        to,
      });
    }
  }

  // TSIC guesses come after every product match, so they are read only to fill what is left.
  const chosen = nearest.sorted();
  if (chosen.length < limit) {
    const matchesProduct = (from: number, to: number): boolean => {
      const buyerInputs = members[to]?.inputs ?? [];
      return (members[from]?.outputs ?? []).some((output) => {
        const matched = matches.get(output);
        return matched !== undefined && buyerInputs.some((product) => matched.has(product));
      });
    };
    const skip = (from: number, to: number): boolean =>
      from === to || linked.has(pairIndex(from, to)) || matchesProduct(from, to);
    for (const pair of tsicPairs(members, skip)) {
      chosen.push(pair);
      if (chosen.length >= limit) break;
    }
  }

  const prepared = ({ member, outputs, inputs }: IndexedMember): PreparedMember => ({
    member,
    outputs: outputs.flatMap((id) => catalogue.products[id] ?? []),
    inputs: inputs.flatMap((id) => catalogue.products[id] ?? []),
  });
  return chosen.flatMap(({ classNo, from, to }): LinkSuggestion[] => {
    const supplier = members[from];
    const buyer = members[to];
    if (!supplier || !buyer) return [];
    const order = orderClassOf(classNo);
    const fromMember = supplier.member;
    const toMember = buyer.member;
    let reasons: LinkReason[];
    if (order.productMatch) {
      reasons = productReasons(prepared(supplier), prepared(buyer));
    } else {
      const byTsic = tsicReason(
        tsicDivisionOf(fromMember.tsicCode),
        fromMember.stage,
        tsicDivisionOf(toMember.tsicCode),
        toMember.stage,
      );
      if (!byTsic) return [];
      reasons = [byTsic.reason];
    }
    if (order.stageRank === 0) {
      reasons.push({
        code: "stage_adjacent",
        detail: `Enterprise ${toMember.enterpriseId} is ${toMember.stage}, the stage right after enterprise ${fromMember.enterpriseId}'s ${fromMember.stage}`,
      });
    }
    return [{ from: fromMember.enterpriseId, to: toMember.enterpriseId, score: scoreOf(order), reasons }];
  });
}

/** What link suggestions draw on, counted over a cluster's members: products made and needed, TSIC codes. */
export type SuggestionData = {
  readonly members: number;
  readonly withOutputs: number;
  readonly withInputs: number;
  readonly withTsic: number;
};

/** Data a cluster lacks for link suggestions, most basic first; empty when suggestions have what they need. */
export type SuggestionGap = "members" | "outputs" | "inputs" | "tsic";

export function suggestionData(members: ReadonlyArray<ChainMember>): SuggestionData {
  const unique = [...membersById(members).values()];
  return {
    members: unique.length,
    withOutputs: unique.filter((m) => m.outputs.some((p) => p.trim() !== "")).length,
    withInputs: unique.filter((m) => m.inputs.some((p) => p.trim() !== "")).length,
    withTsic: unique.filter((m) => m.tsicCode !== null && m.tsicCode.trim() !== "").length,
  };
}

/**
 * Why a cluster can get no link suggestion, in words the web can show: fewer than two members; or, for a match by
 * product, no member's products or no member's inputs recorded; and, for a guess by TSIC, fewer than two members
 * with a TSIC code. A suggestion needs a product match or a TSIC guess (`suggestLinks`), so with both kinds of
 * data missing there is none; with any present, an empty list means no pair matched.
 */
export function suggestionGaps(data: SuggestionData): SuggestionGap[] {
  if (data.members < 2) return ["members"];
  const gaps: SuggestionGap[] = [];
  if (data.withOutputs === 0) gaps.push("outputs");
  if (data.withInputs === 0) gaps.push("inputs");
  if (data.withTsic < 2) gaps.push("tsic");
  return gaps;
}
