import {
  assessAchievement,
  canonicalDisaggregation,
  classOf,
  fiscalYearOf,
  NATION_CODE,
  parseDisaggregation,
  periodKey as keyOf,
  planLevelRank,
  previousPeriod,
  quantileClasses,
  type Achievement,
  type Actor,
  type OrgUnit,
  type Period,
  type Target,
  type UnitObservation,
  type ValueClass,
} from "@sainam/core";
import { dashboards, plans, type IndicatorRow, type IndicatorTargetRow, type PlanScope } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { canReadPlanFigures, readableStatuses, resolveUnit, type NamedUnit } from "./figures-access.ts";
import {
  indexFigures,
  noActual,
  parseStoredTarget,
  provinceFiguresOf,
  reportedFigure,
  rollUpLevels,
  ruleOf,
  targetFor,
  type Actual,
  type LevelActuals,
} from "./figures.ts";
import { loadGeography, type Geography } from "./geography.ts";
import { actualsAt, requirePeriodKey } from "./performance.service.ts";

const GEOGRAPHIC_TYPES = [
  "province",
  "region",
  "provincial_cluster",
  "nation",
] as const satisfies readonly OrgUnit["type"][];

/** A judged figure for one unit: its actual, the target that applies there and the achievement. */
export type JudgedFigure = Actual & {
  readonly previousValue: number | null;
  readonly targetTextEn: string | null;
  readonly targetTextTh: string | null;
  readonly target: Target | null;
  readonly achievement: Achievement;
};

function judge(
  indicator: IndicatorRow,
  targets: readonly IndicatorTargetRow[],
  periodKey: string,
  unit: OrgUnit,
  current: Actual,
  previous: Actual,
): JudgedFigure {
  const chosen = targetFor(targets, periodKey, unit);
  const target = chosen === null ? null : parseStoredTarget(chosen.target_json);
  const achievement: Achievement =
    target === null
      ? { status: "not_assessable", reason: "no_target", figure: null }
      : assessAchievement(target, {
          value: current.value,
          previousValue: previous.value,
          baselineValue: indicator.baseline_value,
        });
  return {
    ...current,
    previousValue: previous.value,
    targetTextEn: chosen?.text_en ?? null,
    targetTextTh: chosen?.text_th ?? null,
    target,
    achievement,
  };
}

export function presentIndicator(i: IndicatorRow) {
  return {
    id: i.id,
    code: i.code,
    nameEn: i.name_en,
    nameTh: i.name_th,
    unit: i.unit,
    direction: i.direction,
    aggregation: ruleOf(i),
    decimals: i.decimals,
    disaggregations: enabledDimensions(i),
  };
}

/** The dimensions an indicator's values are broken down by (size_class, owner_sex, stage). */
function enabledDimensions(indicator: IndicatorRow): string[] {
  let enabled: unknown;
  try {
    enabled = JSON.parse(indicator.disaggregations_json);
  } catch {
    enabled = [];
  }
  return Array.isArray(enabled) ? enabled.filter((d): d is string => typeof d === "string") : [];
}

// ---------------------------------------------------------------------------------------------
// Plans offered by the dashboard.
// ---------------------------------------------------------------------------------------------

/**
 * The plans whose figures the actor may read, each with the fiscal years it covers: the highest level first (the
 * national strategy before an agency's programme before a cluster's plan), the newest first within a level. The
 * dashboard opens on the first, so a visitor sees the nation's plan, not a newer plan of one cluster.
 */
export async function listDashboardPlans(ctx: AppContext, actor: Actor) {
  const scopes = await dashboards.listPlanScopes(ctx.database.db);
  return (
    scopes
      .filter((plan) => canReadPlanFigures(actor, plan))
      // A stable sort: within a level, the repository's order (newest first) stands.
      .sort((a, b) => planLevelRank(b.level) - planLevelRank(a.level))
      .map((plan) => {
        const first = fiscalYearOf(plan.period_start);
        const last = fiscalYearOf(plan.period_end);
        return {
          id: plan.id,
          code: plan.code,
          titleEn: plan.title_en,
          titleTh: plan.title_th,
          ownerAgencyCode: plan.owner_agency_code,
          fiscalYears: Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k),
          canSeeUnapproved: readableStatuses(actor, plan, undefined).length > 1,
        };
      })
  );
}

// ---------------------------------------------------------------------------------------------
// The whole roll-up of a plan's indicators for a period: every province, region, provincial cluster
// and the nation, in one query and one pass over its rows.
// ---------------------------------------------------------------------------------------------

export type PlanRollUp = {
  readonly plan: PlanScope;
  readonly indicators: readonly IndicatorRow[];
  readonly targets: ReadonlyMap<number, readonly IndicatorTargetRow[]>;
  readonly geography: Geography;
  readonly levels: (indicatorId: number, periodKey: string) => LevelActuals;
};

/**
 * Rolls every indicator of a plan up through the geography for the given periods, by each indicator's
 * rule: one query for the periods' values at provinces and at the higher units (reported figures there
 * win over the roll-up), then one pass over the rows.
 */
export async function rollUpPlan(
  ctx: AppContext,
  actor: Actor,
  input: { planId: number; periodKeys: readonly string[]; includeUnapproved?: boolean },
): Promise<PlanRollUp> {
  const { database } = ctx;
  const plan = await dashboards.findPlanScope(database.db, input.planId);
  if (!plan) throw errors.notFound("plan", input.planId);
  const statuses = readableStatuses(actor, plan, input.includeUnapproved);
  const [geography, contents] = await Promise.all([loadGeography(ctx), plans.loadPlanContents(database.db, plan.id)]);
  const rows = await dashboards.listFigures(database.db, {
    indicatorIds: contents.indicators.map((i) => i.id),
    periodKeys: input.periodKeys,
    statuses,
    disaggregation: "",
    unitTypes: GEOGRAPHIC_TYPES,
  });
  const index = indexFigures(rows);
  const levels = new Map<string, LevelActuals>();
  for (const indicator of contents.indicators) {
    for (const periodKey of input.periodKeys) {
      const key = `${indicator.id}|${periodKey}`;
      const units = index.get(key);
      levels.set(
        key,
        rollUpLevels(ruleOf(indicator), indicator.ratio_scale, geography, provinceFiguresOf(units), units),
      );
    }
  }
  const empty = rollUpLevels("none", null, geography, undefined, undefined);
  return {
    plan,
    indicators: contents.indicators,
    targets: Map.groupBy(contents.targets, (t) => t.indicator_id),
    geography,
    levels: (indicatorId, periodKey) => levels.get(`${indicatorId}|${periodKey}`) ?? empty,
  };
}

/** Indicators × the 18 provincial clusters for a period: each cell's actual, target and achievement. */
export async function provincialClusterMatrix(
  ctx: AppContext,
  actor: Actor,
  input: { planId: number; periodKey: string; includeUnapproved?: boolean },
) {
  const period = requirePeriodKey(input.periodKey);
  const current = keyOf(period);
  const previous = keyOf(previousPeriod(period));
  const rollUp = await rollUpPlan(ctx, actor, { ...input, periodKeys: [current, previous] });
  const clusters = rollUp.geography.rows.provincialClusters;
  return {
    periodKey: current,
    provincialClusters: clusters.map((c) => ({ id: c.id, number: c.number, nameEn: c.name_en, nameTh: c.name_th })),
    indicators: rollUp.indicators.map((indicator) => {
      const now = rollUp.levels(indicator.id, current).provincial_cluster;
      const before = rollUp.levels(indicator.id, previous).provincial_cluster;
      const targets = rollUp.targets.get(indicator.id) ?? [];
      return {
        ...presentIndicator(indicator),
        cells: clusters.map((c) => {
          const code = String(c.id);
          const unit: OrgUnit = { type: "provincial_cluster", code };
          return {
            provincialClusterId: c.id,
            ...judge(indicator, targets, current, unit, now.get(code) ?? noActual, before.get(code) ?? noActual),
          };
        }),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// One indicator: map, trend, drill-down.
// ---------------------------------------------------------------------------------------------

async function indicatorScope(
  ctx: AppContext,
  actor: Actor,
  indicatorId: number,
  includeUnapproved: boolean | undefined,
) {
  const { db } = ctx.database;
  const found = await dashboards.findIndicatorPlanId(db, indicatorId);
  if (!found) throw errors.notFound("indicator", indicatorId);
  const plan = await dashboards.findPlanScope(db, found.planId);
  if (!plan) throw errors.notFound("indicator", indicatorId);
  // An indicator of a plan the actor may not read does not exist for them.
  if (!canReadPlanFigures(actor, plan)) throw errors.notFound("indicator", indicatorId);
  const statuses = readableStatuses(actor, plan, includeUnapproved);
  const [geography, targets] = await Promise.all([loadGeography(ctx), dashboards.listTargets(db, [indicatorId])]);
  return { indicator: found.indicator, plan, statuses, geography, targets };
}

/**
 * The province map of an indicator for a period (optionally one breakdown, e.g. "owner_sex=female"):
 * 77 provinces with their figure, achievement against the target for the province, and quantile
 * classes for shading and the legend. The provinces' figures for the period and the one before come
 * from one query.
 */
export async function indicatorMap(
  ctx: AppContext,
  actor: Actor,
  input: { indicatorId: number; periodKey: string; breakdown?: string | undefined; includeUnapproved?: boolean },
): Promise<{
  indicator: ReturnType<typeof presentIndicator>;
  periodKey: string;
  breakdown: string;
  classes: ValueClass[];
  items: Array<
    { code: string; nameEn: string; nameTh: string; value: number | null; classIndex: number | null } & Pick<
      JudgedFigure,
      "achievement" | "previousValue"
    >
  >;
}> {
  const period = requirePeriodKey(input.periodKey);
  const scope = await indicatorScope(ctx, actor, input.indicatorId, input.includeUnapproved);
  const breakdown = canonicalBreakdown(scope.indicator, input.breakdown ?? "");
  const current = keyOf(period);
  const previous = keyOf(previousPeriod(period));
  const rows = await dashboards.listProvinceFigures(ctx.database.db, {
    indicatorId: scope.indicator.id,
    periodKeys: [current, previous],
    statuses: scope.statuses,
    disaggregation: breakdown,
  });
  const rule = ruleOf(scope.indicator);
  const byProvince = new Map<string, { nameEn: string; nameTh: string; now: Actual; before: Actual }>();
  for (const row of rows) {
    const entry = byProvince.get(row.code) ?? {
      nameEn: row.name_en,
      nameTh: row.name_th,
      now: noActual,
      before: noActual,
    };
    const value = row.period_key === null ? null : reportedFigure(row, rule, scope.indicator.ratio_scale);
    const actual: Actual = value === null ? noActual : { value, source: "reported", coverage: null, issue: null };
    if (row.period_key === current) entry.now = actual;
    else if (row.period_key === previous) entry.before = actual;
    byProvince.set(row.code, entry);
  }
  const classes = quantileClasses([...byProvince.values()].map((p) => p.now.value));
  return {
    indicator: presentIndicator(scope.indicator),
    periodKey: current,
    breakdown,
    classes,
    items: [...byProvince].map(([code, p]) => {
      const judged = judge(scope.indicator, scope.targets, current, { type: "province", code }, p.now, p.before);
      return {
        code,
        nameEn: p.nameEn,
        nameTh: p.nameTh,
        value: p.now.value,
        classIndex: classOf(p.now.value, classes),
        previousValue: judged.previousValue,
        achievement: judged.achievement,
      };
    }),
  };
}

function canonicalBreakdown(indicator: IndicatorRow, text: string): string {
  if (text === "") return "";
  const parsed = parseDisaggregation(text);
  const result = canonicalDisaggregation(parsed, enabledDimensions(indicator));
  if (!result.ok)
    throw errors.validation(
      "breakdown",
      `${result.problem.dimension}: ${result.problem.reason.replaceAll("_", " ")}`,
      "invalid_breakdown",
      { dimension: result.problem.dimension },
    );
  return result.value;
}

/**
 * An indicator's actual and target per fiscal year at one unit, from `from` to `to` (default: the
 * plan's fiscal years), each judged against that year's target.
 */
export async function indicatorTrend(
  ctx: AppContext,
  actor: Actor,
  input: {
    indicatorId: number;
    unit: OrgUnit;
    from?: number | undefined;
    to?: number | undefined;
    includeUnapproved?: boolean;
  },
) {
  const scope = await indicatorScope(ctx, actor, input.indicatorId, input.includeUnapproved);
  const unit = await resolveUnit(ctx.database, scope.geography, input.unit);
  const from = input.from ?? fiscalYearOf(scope.plan.period_start);
  const to = input.to ?? fiscalYearOf(scope.plan.period_end);
  if (to < from) throw errors.notBefore("to", "from");
  if (to - from > 50) throw errors.validation("to", "at most 50 fiscal years at once", "span_too_long", { max: 50 });
  const years: Period[] = Array.from({ length: to - from + 1 }, (_, k) => ({ type: "fiscal_year", year: from + k }));
  const keys = [keyOf(previousPeriod({ type: "fiscal_year", year: from })), ...years.map(keyOf)];
  const actual = await actualsAt(ctx.database, scope.geography, [scope.indicator], keys, unit, scope.statuses);
  return {
    indicator: presentIndicator(scope.indicator),
    unit: presentUnit(unit),
    items: years.map((period) => {
      const key = keyOf(period);
      const judged = judge(
        scope.indicator,
        scope.targets,
        key,
        unit,
        actual(scope.indicator.id, key),
        actual(scope.indicator.id, keyOf(previousPeriod(period))),
      );
      return { periodKey: key, fiscalYear: period.year, ...judged };
    }),
  };
}

function presentUnit(unit: NamedUnit) {
  return { type: unit.type, code: unit.code, nameEn: unit.nameEn, nameTh: unit.nameTh };
}

/**
 * A unit's figure and the figures of the units one level down: the nation → its regions and its
 * provincial clusters; a region or a provincial cluster → its provinces; a province → the clusters
 * located in it (their own reported values). With the breadcrumb of units above.
 */
export async function indicatorDrilldown(
  ctx: AppContext,
  actor: Actor,
  input: { indicatorId: number; periodKey: string; unit: OrgUnit; includeUnapproved?: boolean },
) {
  const period = requirePeriodKey(input.periodKey);
  const scope = await indicatorScope(ctx, actor, input.indicatorId, input.includeUnapproved);
  const { geography, indicator } = scope;
  const unit = await resolveUnit(ctx.database, geography, input.unit);
  const current = keyOf(period);
  const previous = keyOf(previousPeriod(period));
  const rule = ruleOf(indicator);
  const clustersHere =
    unit.type === "province"
      ? await dashboards.listClustersInProvince(ctx.database.db, unit.code, scope.statuses.length === 1)
      : [];
  const [geographic, clusterRows] = await Promise.all([
    dashboards.listFigures(ctx.database.db, {
      indicatorIds: [indicator.id],
      periodKeys: [current, previous],
      statuses: scope.statuses,
      disaggregation: "",
      unitTypes: GEOGRAPHIC_TYPES,
    }),
    unit.type === "cluster" || clustersHere.length > 0
      ? dashboards.listFigures(ctx.database.db, {
          indicatorIds: [indicator.id],
          periodKeys: [current, previous],
          statuses: scope.statuses,
          disaggregation: "",
          unitTypes: ["cluster"],
          unitCodes: unit.type === "cluster" ? [unit.code] : clustersHere.map((c) => String(c.id)),
        })
      : Promise.resolve([]),
  ]);
  const index = indexFigures([...geographic, ...clusterRows]);
  const levelsOf = (key: string) => {
    const units = index.get(`${indicator.id}|${key}`);
    return { levels: rollUpLevels(rule, indicator.ratio_scale, geography, provinceFiguresOf(units), units), units };
  };
  const now = levelsOf(current);
  const before = levelsOf(previous);
  const figureOf = (
    at: { levels: LevelActuals; units: ReadonlyMap<string, UnitObservation> | undefined },
    u: OrgUnit,
  ): Actual => {
    switch (u.type) {
      case "nation":
        return at.levels.nation;
      case "region":
        return at.levels.region.get(u.code) ?? noActual;
      case "provincial_cluster":
        return at.levels.provincial_cluster.get(u.code) ?? noActual;
      case "province":
        return at.levels.province.get(u.code) ?? noActual;
      case "cluster":
      case "programme": {
        const row = at.units?.get(`${u.type}:${u.code}`);
        const value = row === undefined ? null : reportedFigure(row, rule, indicator.ratio_scale);
        return value === null ? noActual : { value, source: "reported", coverage: null, issue: null };
      }
    }
  };
  const entry = (u: OrgUnit & { nameEn: string; nameTh: string | null }) => ({
    type: u.type,
    code: u.code,
    nameEn: u.nameEn,
    nameTh: u.nameTh,
    ...judge(indicator, scope.targets, current, u, figureOf(now, u), figureOf(before, u)),
  });

  const nation: NamedUnit = { type: "nation", code: NATION_CODE, nameEn: "Thailand", nameTh: "ประเทศไทย" };
  const provinces = geography.rows.provinces;
  const provinceUnit = (p: (typeof provinces)[number]): NamedUnit => ({
    type: "province",
    code: p.code,
    nameEn: p.name_en,
    nameTh: p.name_th,
  });
  let children: NamedUnit[] = [];
  let parents: NamedUnit[] = [];
  switch (unit.type) {
    case "nation":
      children = [
        ...geography.rows.regions.map((r): NamedUnit => ({
          type: "region",
          code: r.code,
          nameEn: r.name_en,
          nameTh: r.name_th,
        })),
        ...geography.rows.provincialClusters.map((c): NamedUnit => ({
          type: "provincial_cluster",
          code: String(c.id),
          nameEn: c.name_en,
          nameTh: c.name_th,
        })),
      ];
      break;
    case "region":
      parents = [nation];
      children = provinces.filter((p) => p.region_code === unit.code).map(provinceUnit);
      break;
    case "provincial_cluster":
      parents = [nation];
      children = provinces.filter((p) => String(p.provincial_cluster_id) === unit.code).map(provinceUnit);
      break;
    case "province": {
      const p = geography.provinceByCode.get(unit.code);
      const cluster =
        p?.provincial_cluster_id == null ? undefined : geography.provincialClusterById.get(p.provincial_cluster_id);
      const region = p === undefined ? undefined : geography.regionByCode.get(p.region_code);
      parents = [nation];
      if (cluster)
        parents.push({
          type: "provincial_cluster",
          code: String(cluster.id),
          nameEn: cluster.name_en,
          nameTh: cluster.name_th,
        });
      else if (region)
        parents.push({ type: "region", code: region.code, nameEn: region.name_en, nameTh: region.name_th });
      children = clustersHere.map((c): NamedUnit => ({
        type: "cluster",
        code: String(c.id),
        nameEn: c.name_en ?? c.name_th ?? c.code,
        nameTh: c.name_th,
      }));
      break;
    }
    case "cluster":
    case "programme":
      parents = [nation];
      break;
  }
  return {
    indicator: presentIndicator(indicator),
    periodKey: current,
    unit: entry(unit),
    parents: parents.map(presentUnit),
    children: children.map(entry),
  };
}
