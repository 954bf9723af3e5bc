/**
 * Service providers and their experts (issue 13): the kinds of provider, and the rules a provider's place in the
 * tree and an expert's record keep. Pure; the server turns a broken rule into a 4xx naming the field.
 */
export const providerKinds = [
  "itc_centre",
  "itc_branch",
  "design_centre",
  "rescue_centre",
  "sme_centre",
  "university",
  "private_bds",
  "other",
] as const;
export type ProviderKind = (typeof providerKinds)[number];

export function isProviderKind(value: string): value is ProviderKind {
  return providerKinds.some((kind) => kind === value);
}

/** What an expert serves: provinces (2-digit codes) or whole regions (region codes). */
export const expertAreaTypes = ["province", "region"] as const;
export type ExpertAreaType = (typeof expertAreaTypes)[number];

/** Why a provider's parent is refused; `null` when it is fine. */
export type ParentProblem = "branch_needs_centre" | "not_a_branch" | "cycle";

/**
 * An ITC branch hangs under an ITC centre, and only a branch hangs under anything: the tree is the ITC network,
 * not a general hierarchy (other centres stand alone). `ancestors`: the proposed parent's own ancestors' ids, to
 * refuse a provider becoming its own ancestor on a change.
 */
export function parentProblem(
  kind: ProviderKind,
  parent: { id: number; kind: string } | null,
  selfId: number | null = null,
  ancestors: readonly number[] = [],
): ParentProblem | null {
  if (parent === null) return kind === "itc_branch" ? "branch_needs_centre" : null;
  if (kind !== "itc_branch") return "not_a_branch";
  if (selfId !== null && (parent.id === selfId || ancestors.includes(selfId))) return "cycle";
  return parent.kind === "itc_centre" ? null : "branch_needs_centre";
}

/** Largest number of open cases one expert may be given at once: a typing slip (1000), not a real load. */
export const MAX_EXPERT_CAPACITY = 50;

/** True when a capacity is a whole number of open cases from 1 to MAX_EXPERT_CAPACITY. */
export function isValidCapacity(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_EXPERT_CAPACITY;
}

/**
 * Whether an expert may be given one more case now: available, and fewer open cases than their capacity.
 * (Routing, later, counts the open cases; the rule lives here so the expert's page and routing agree.)
 */
export function hasRoomForCase(expert: { available: boolean; capacity: number }, openCases: number): boolean {
  return expert.available && openCases < expert.capacity;
}

/**
 * Whether an expert serves a province: they name it, or name its region, or name no area at all (they serve
 * wherever their provider does).
 */
export function servesProvince(
  areas: readonly { type: ExpertAreaType; code: string }[],
  province: { code: string; regionCode: string },
): boolean {
  if (areas.length === 0) return true;
  return areas.some((a) => (a.type === "province" ? a.code === province.code : a.code === province.regionCode));
}

/** A list with each value once, in first-seen order: repeated fields or provinces in a request count once. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
