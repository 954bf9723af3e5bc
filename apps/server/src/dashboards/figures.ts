import {
  accumulate,
  combineSums,
  emptySums,
  finishAggregation,
  isAggregationRule,
  isTarget,
  NATION_CODE,
  type AggregationIssue,
  type AggregationRule,
  type AggregationSums,
  type OrgUnit,
  type Target,
  type UnitObservation,
} from "@sainam/core";
import type { FigureRow, IndicatorRow, IndicatorTargetRow } from "@sainam/db";
import type { Geography } from "./geography.ts";

/** The rule of an indicator as stored; an unknown rule is treated as not aggregable rather than guessed. */
export function ruleOf(indicator: Pick<IndicatorRow, "aggregation">): AggregationRule {
  return isAggregationRule(indicator.aggregation) ? indicator.aggregation : "none";
}

/** The actual of one indicator at one unit for one period, and where it comes from. */
export type Actual = {
  readonly value: number | null;
  readonly source: "reported" | "computed" | "none";
  /** For computed figures: the provinces that entered, of those expected. */
  readonly coverage: { readonly reported: number; readonly expected: number } | null;
  readonly issue: AggregationIssue | null;
};

export const noActual: Actual = { value: null, source: "none", coverage: null, issue: null };

/**
 * The figure a unit reported: its value, or — for a unit that entered only counts of a ratio — the
 * ratio of its counts. Null when it reported nothing usable.
 */
export function reportedFigure(row: UnitObservation, rule: AggregationRule, ratioScale: number | null): number | null {
  if (row.value !== null && row.value !== undefined && Number.isFinite(row.value)) return row.value;
  if (rule === "ratio" && row.numerator != null && row.denominator != null && row.denominator !== 0) {
    return Number(((row.numerator / row.denominator) * (ratioScale ?? 1)).toPrecision(12));
  }
  return null;
}

/** The province codes a geographic unit rolls up from; null for clusters and programmes (reported only). */
export function provincesOf(unit: OrgUnit, geography: Geography): string[] | null {
  const all = geography.rows.provinces;
  switch (unit.type) {
    case "nation":
      return all.map((p) => p.code);
    case "region":
      return all.filter((p) => p.region_code === unit.code).map((p) => p.code);
    case "provincial_cluster":
      return all.filter((p) => String(p.provincial_cluster_id) === unit.code).map((p) => p.code);
    case "province":
      return [unit.code];
    case "cluster":
    case "programme":
      return null;
  }
}

/**
 * The actual at a unit: the figure reported there when there is one, else (for a region, a provincial
 * cluster or the nation) the roll-up of its provinces' figures by the indicator's rule.
 */
export function actualAt(
  rule: AggregationRule,
  ratioScale: number | null,
  reported: UnitObservation | undefined,
  provinceCodes: readonly string[] | null,
  provinceFigures: ReadonlyMap<string, UnitObservation> | undefined,
  unitType: OrgUnit["type"],
): Actual {
  if (reported !== undefined) {
    const value = reportedFigure(reported, rule, ratioScale);
    if (value !== null) return { value, source: "reported", coverage: null, issue: null };
  }
  if (provinceCodes === null || unitType === "province") return noActual;
  let sums = emptySums;
  for (const code of provinceCodes) sums = accumulate(rule, sums, provinceFigures?.get(code) ?? null);
  return fromSums(rule, ratioScale, sums);
}

function fromSums(rule: AggregationRule, ratioScale: number | null, sums: AggregationSums): Actual {
  const result = finishAggregation(rule, sums, ratioScale);
  return {
    value: result.value,
    source: result.value === null ? "none" : "computed",
    coverage: result.coverage,
    issue: result.issue,
  };
}

/** The figures of one indicator for one period at every geographic level. */
export type LevelActuals = {
  readonly province: ReadonlyMap<string, Actual>;
  readonly region: ReadonlyMap<string, Actual>;
  readonly provincial_cluster: ReadonlyMap<string, Actual>;
  readonly nation: Actual;
};

/**
 * One pass over a period's province rows of one indicator: each province's own figure, and partial sums
 * per region and per provincial cluster; the nation is the sum of the regions' partial sums (every
 * province is in exactly one region). A figure reported at a higher unit wins over its roll-up.
 */
export function rollUpLevels(
  rule: AggregationRule,
  ratioScale: number | null,
  geography: Geography,
  provinceFigures: ReadonlyMap<string, UnitObservation> | undefined,
  reportedAbove: ReadonlyMap<string, UnitObservation> | undefined,
): LevelActuals {
  const province = new Map<string, Actual>();
  const regionSums = new Map<string, AggregationSums>();
  const clusterSums = new Map<string, AggregationSums>();
  for (const p of geography.rows.provinces) {
    const observation = provinceFigures?.get(p.code) ?? null;
    const value = observation === null ? null : reportedFigure(observation, rule, ratioScale);
    province.set(p.code, value === null ? noActual : { value, source: "reported", coverage: null, issue: null });
    regionSums.set(p.region_code, accumulate(rule, regionSums.get(p.region_code) ?? emptySums, observation));
    if (p.provincial_cluster_id !== null) {
      const key = String(p.provincial_cluster_id);
      clusterSums.set(key, accumulate(rule, clusterSums.get(key) ?? emptySums, observation));
    }
  }
  const pick = (type: string, code: string, sums: AggregationSums): Actual => {
    const reported = reportedAbove?.get(`${type}:${code}`);
    const value = reported === undefined ? null : reportedFigure(reported, rule, ratioScale);
    return value !== null
      ? { value, source: "reported", coverage: null, issue: null }
      : fromSums(rule, ratioScale, sums);
  };
  const region = new Map<string, Actual>();
  let nationSums = emptySums;
  for (const r of geography.rows.regions) {
    const sums = regionSums.get(r.code) ?? emptySums;
    nationSums = combineSums([nationSums, sums]);
    region.set(r.code, pick("region", r.code, sums));
  }
  const provincialCluster = new Map<string, Actual>();
  for (const c of geography.rows.provincialClusters) {
    const key = String(c.id);
    provincialCluster.set(key, pick("provincial_cluster", key, clusterSums.get(key) ?? emptySums));
  }
  return { province, region, provincial_cluster: provincialCluster, nation: pick("nation", NATION_CODE, nationSums) };
}

/** Rows grouped by indicator, period and unit type for lookups: `${indicator}|${period}` → `${type}:${code}` → figures. */
export function indexFigures(rows: readonly FigureRow[]): Map<string, Map<string, UnitObservation>> {
  const index = new Map<string, Map<string, UnitObservation>>();
  for (const row of rows) {
    const key = `${row.indicator_id}|${row.period_key}`;
    let units = index.get(key);
    if (units === undefined) {
      units = new Map();
      index.set(key, units);
    }
    units.set(`${row.org_unit_type}:${row.org_unit_code}`, row);
  }
  return index;
}

/** Province figures of an indexed group keyed by province code alone. */
export function provinceFiguresOf(
  units: ReadonlyMap<string, UnitObservation> | undefined,
): Map<string, UnitObservation> {
  const out = new Map<string, UnitObservation>();
  if (units === undefined) return out;
  for (const [key, row] of units) if (key.startsWith("province:")) out.set(key.slice("province:".length), row);
  return out;
}

/** The stored target, checked; a corrupt one reads as none rather than mis-assessing. */
export function parseStoredTarget(json: string | null): Target | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isTarget(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The target of an indicator for a period and unit, the most specific first: this period and this unit,
 * then this period for every unit, then the plan's whole period for this unit, then for every unit.
 * Targets for another period or another unit never apply. Among equals, the first entered wins.
 */
export function targetFor(
  targets: readonly IndicatorTargetRow[],
  periodKey: string,
  unit: OrgUnit,
): IndicatorTargetRow | null {
  let best: IndicatorTargetRow | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const t of targets) {
    if (t.period_key !== null && t.period_key !== periodKey) continue;
    const anyUnit = t.org_unit_type === null;
    if (!anyUnit && (t.org_unit_type !== unit.type || t.org_unit_code !== unit.code)) continue;
    const rank = (t.period_key === null ? 2 : 0) + (anyUnit ? 1 : 0);
    if (rank < bestRank) {
      best = t;
      bestRank = rank;
    }
  }
  return best;
}
