// ---------------------------------------------------------------------------------------------
// Org units and disaggregations of indicator values (DESIGN.md §3-§4). An org unit is a (type, code)
// pair stored as text: the nation "TH", a region code, a provincial-cluster id, a province DOPA code,
// a cluster id or a programme id. Geography rolls up province → provincial cluster → nation and
// province → region → nation; clusters and programmes are reported on their own (a cluster spans
// provinces, a programme spans clusters), never summed into geography.
// ---------------------------------------------------------------------------------------------

export const orgUnitTypes = ["nation", "region", "provincial_cluster", "province", "cluster", "programme"] as const;
export type OrgUnitType = (typeof orgUnitTypes)[number];

export type OrgUnit = { readonly type: OrgUnitType; readonly code: string };

/** The code of the one nation-level unit. */
export const NATION_CODE = "TH";

export const nationUnit = { type: "nation", code: NATION_CODE } as const satisfies OrgUnit;

/** True when a string names an org-unit type. */
export function isOrgUnitType(value: string): value is OrgUnitType {
  return orgUnitTypes.some((type) => type === value);
}

/** The geographic levels in drill-down order, from the nation to provinces. */
export const geographicLevels = [
  "nation",
  "region",
  "provincial_cluster",
  "province",
] as const satisfies ReadonlyArray<OrgUnitType>;

// ---------------------------------------------------------------------------------------------
// Disaggregations: the dimensions an indicator's values can be broken down by, and the canonical
// text form stored with each value ("" for the total).
// ---------------------------------------------------------------------------------------------

export const disaggregationDimensions = {
  size_class: ["micro", "small", "medium", "large"],
  owner_sex: ["female", "male", "unknown"],
  stage: ["upstream", "midstream", "downstream"],
} as const;
export type DisaggregationDimension = keyof typeof disaggregationDimensions;

export function isDisaggregationDimension(value: string): value is DisaggregationDimension {
  return Object.hasOwn(disaggregationDimensions, value);
}

/** The total: the value not broken down by any dimension. */
export const TOTAL_DISAGGREGATION = "";

export type DisaggregationProblem = {
  readonly dimension: string;
  readonly reason: "unknown_dimension" | "unknown_option" | "not_enabled";
};

/**
 * Writes a breakdown ({ size_class: "micro", stage: "upstream" }) in its canonical stored form,
 * "size_class=micro;stage=upstream" (dimensions sorted, so one breakdown has one spelling), after
 * checking every dimension is known, enabled for the indicator (`enabled`), and its option exists.
 */
export function canonicalDisaggregation(
  breakdown: Readonly<Record<string, string>>,
  enabled: readonly string[],
): { ok: true; value: string } | { ok: false; problem: DisaggregationProblem } {
  const parts: string[] = [];
  for (const dimension of Object.keys(breakdown).sort()) {
    const option = breakdown[dimension] ?? "";
    if (!isDisaggregationDimension(dimension))
      return { ok: false, problem: { dimension, reason: "unknown_dimension" } };
    if (!enabled.includes(dimension)) return { ok: false, problem: { dimension, reason: "not_enabled" } };
    const options: readonly string[] = disaggregationDimensions[dimension];
    if (!options.includes(option)) return { ok: false, problem: { dimension, reason: "unknown_option" } };
    parts.push(`${dimension}=${option}`);
  }
  return { ok: true, value: parts.join(";") };
}

/** Reads a canonical disaggregation back into its dimensions ("" → {}). */
export function parseDisaggregation(text: string): Record<string, string> {
  const breakdown: Record<string, string> = {};
  if (text === TOTAL_DISAGGREGATION) return breakdown;
  for (const part of text.split(";")) {
    const [dimension = "", option = ""] = part.split("=");
    breakdown[dimension] = option;
  }
  return breakdown;
}
