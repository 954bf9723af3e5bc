import {
  assessAchievement,
  disaggregationDimensions,
  nationUnit,
  parseDisaggregation,
  parsePeriodKey,
  periodKey as keyOf,
  previousPeriod,
  type Achievement,
  type AchievementStatus,
  type Actor,
  type OrgUnit,
  type UnitObservation,
} from "@sainam/core";
import { dashboards, plans, type Database, type IndicatorRow } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import {
  actualAt,
  indexFigures,
  noActual,
  parseStoredTarget,
  provinceFiguresOf,
  provincesOf,
  ruleOf,
  targetFor,
  type Actual,
} from "./figures.ts";
import { EVERY_LIVE_STATUS, readableStatuses, resolveUnit } from "./figures-access.ts";
import { loadGeography, type Geography } from "./geography.ts";
import type { BreakdownActual, IndicatorPerformance, NodePerformance, PlanPerformance } from "./performance.types.ts";

/** Reads a period key from input; 400 naming `field` when it is not one. */
export function requirePeriodKey(text: string, field = "period") {
  const period = parsePeriodKey(text);
  if (period === null)
    throw errors.validation(field, "must be a period key such as FY2021, CY2021 or FY2021-Q1", "invalid_format", {
      format: "period_key",
    });
  return period;
}

/**
 * The actuals of some indicators at one unit for some periods: what was reported there, else (for a
 * region, a provincial cluster or the nation) the roll-up of its provinces. Two queries whatever the
 * number of indicators and periods.
 */
export async function actualsAt(
  database: Database,
  geography: Geography,
  indicators: readonly Pick<IndicatorRow, "id" | "aggregation" | "ratio_scale">[],
  periodKeys: readonly string[],
  unit: OrgUnit,
  statuses: readonly string[],
): Promise<(indicatorId: number, periodKey: string) => Actual> {
  const provinceCodes = provincesOf(unit, geography);
  const indicatorIds = indicators.map((i) => i.id);
  const base = { indicatorIds, periodKeys, statuses, disaggregation: "" };
  const rollsUp = provinceCodes !== null && unit.type !== "province";
  const [own, below] = await Promise.all([
    dashboards.listFigures(database.db, { ...base, unitTypes: [unit.type], unitCodes: [unit.code] }),
    rollsUp
      ? dashboards.listFigures(database.db, {
          ...base,
          unitTypes: ["province"],
          ...(unit.type === "nation" ? {} : { unitCodes: provinceCodes }),
        })
      : Promise.resolve([]),
  ]);
  const ownIndex = new Map<string, UnitObservation>(own.map((r) => [`${r.indicator_id}|${r.period_key}`, r]));
  const belowIndex = indexFigures(below);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return (indicatorId, periodKey) => {
    const indicator = byId.get(indicatorId);
    if (!indicator) return noActual;
    const key = `${indicatorId}|${periodKey}`;
    return actualAt(
      ruleOf(indicator),
      indicator.ratio_scale,
      ownIndex.get(key),
      rollsUp ? provinceCodes : null,
      provinceFiguresOf(belowIndex.get(key)),
      unit.type,
    );
  };
}

/** Where a breakdown sorts: dimensions and options in their canonical order (core), combined breakdowns after. */
function breakdownRank(breakdown: string): number {
  const dimensions = Object.entries(disaggregationDimensions);
  const parts = Object.entries(parseDisaggregation(breakdown));
  const [only] = parts;
  if (parts.length !== 1 || only === undefined) return Number.MAX_SAFE_INTEGER;
  const d = dimensions.findIndex(([name]) => name === only[0]);
  const options: readonly string[] = dimensions[d]?.[1] ?? [];
  return d < 0 ? Number.MAX_SAFE_INTEGER : d * 100 + options.indexOf(only[1]);
}

/**
 * The actual of every breakdown of some indicators at one unit for one period, by indicator: reported at
 * the unit, else (for a region, a provincial cluster or the nation) rolled up from the provinces' figures
 * of the same breakdown by the indicator's rule. Breakdowns without an actual are left out. Two queries.
 */
export async function breakdownActualsAt(
  database: Database,
  geography: Geography,
  indicators: readonly Pick<IndicatorRow, "id" | "aggregation" | "ratio_scale">[],
  periodKey: string,
  unit: OrgUnit,
  statuses: readonly string[],
): Promise<Map<number, BreakdownActual[]>> {
  const provinceCodes = provincesOf(unit, geography);
  const rollsUp = provinceCodes !== null && unit.type !== "province";
  const base = { indicatorIds: indicators.map((i) => i.id), periodKeys: [periodKey], statuses };
  const [own, below] = await Promise.all([
    dashboards.listBreakdownFigures(database.db, { ...base, unitTypes: [unit.type], unitCodes: [unit.code] }),
    rollsUp
      ? dashboards.listBreakdownFigures(database.db, {
          ...base,
          unitTypes: ["province"],
          ...(unit.type === "nation" ? {} : { unitCodes: provinceCodes }),
        })
      : Promise.resolve([]),
  ]);
  const ownIndex = new Map<string, UnitObservation>(own.map((r) => [`${r.indicator_id}|${r.disaggregation}`, r]));
  const belowIndex = Map.groupBy(below, (r) => `${r.indicator_id}|${r.disaggregation}`);
  const out = new Map<number, BreakdownActual[]>();
  for (const indicator of indicators) {
    const keys = new Set(
      [...own, ...below].filter((r) => r.indicator_id === indicator.id).map((r) => r.disaggregation),
    );
    const list: BreakdownActual[] = [];
    for (const breakdown of [...keys].sort((a, b) => breakdownRank(a) - breakdownRank(b) || a.localeCompare(b))) {
      const key = `${indicator.id}|${breakdown}`;
      const provinces = new Map<string, UnitObservation>((belowIndex.get(key) ?? []).map((r) => [r.org_unit_code, r]));
      const actual = actualAt(
        ruleOf(indicator),
        indicator.ratio_scale,
        ownIndex.get(key),
        rollsUp ? provinceCodes : null,
        provinces,
        unit.type,
      );
      if (actual.value !== null && actual.source !== "none")
        list.push({ breakdown, value: actual.value, source: actual.source, coverage: actual.coverage });
    }
    if (list.length > 0) out.set(indicator.id, list);
  }
  return out;
}

function emptySummary(): Record<AchievementStatus, number> {
  return { achieved: 0, partly_achieved: 0, not_achieved: 0, not_assessable: 0, no_data: 0 };
}

/**
 * A plan's performance for one period at one org unit (the nation by default): for each indicator,
 * the target for the period (the most specific: this period and unit, this period, the plan's whole
 * period), the actual (reported at the unit, else rolled up from the provinces by the indicator's
 * rule), the previous period's actual and the baseline (for change targets), and the achievement by
 * `assessAchievement`; the tree of nodes with their indicators and a count per status.
 *
 * Outside the plan's scope only approved values of published plans count; readers in scope count drafts
 * and submitted values too unless `includeUnapproved` is false (rejected values never count).
 */
export async function planPerformance(
  ctx: AppContext,
  actor: Actor,
  input: {
    planId: number;
    periodKey: string;
    orgUnit?: OrgUnit;
    includeUnapproved?: boolean;
    withBreakdowns?: boolean;
  },
): Promise<PlanPerformance> {
  const period = requirePeriodKey(input.periodKey);
  const { database } = ctx;
  const plan = await dashboards.findPlanScope(database.db, input.planId);
  if (!plan) throw errors.notFound("plan", input.planId);
  const statuses = readableStatuses(actor, plan, input.includeUnapproved, input.orgUnit);
  const geography = await loadGeography(ctx);
  const unit = await resolveUnit(database, geography, input.orgUnit ?? nationUnit);
  const { nodes, indicators, targets } = await plans.loadPlanContents(database.db, plan.id);

  const currentKey = keyOf(period);
  const previousKey = keyOf(previousPeriod(period));
  const baselineKeys = indicators
    .filter(
      (i) => i.baseline_value === null && i.baseline_period !== null && parsePeriodKey(i.baseline_period) !== null,
    )
    .map((i) => i.baseline_period ?? "");
  const periodKeys = [...new Set([currentKey, previousKey, ...baselineKeys])];
  const actual = await actualsAt(database, geography, indicators, periodKeys, unit, statuses);
  // Breakdowns are read for reports only: the dashboard's roll-up stays two queries.
  const breakdowns = input.withBreakdowns
    ? await breakdownActualsAt(database, geography, indicators, currentKey, unit, statuses)
    : null;

  const targetsByIndicator = Map.groupBy(targets, (t) => t.indicator_id);
  const summary = emptySummary();
  const byNode = new Map<number, IndicatorPerformance[]>();
  for (const indicator of indicators) {
    const chosen = targetFor(targetsByIndicator.get(indicator.id) ?? [], currentKey, unit);
    const target = chosen === null ? null : parseStoredTarget(chosen.target_json);
    const current = actual(indicator.id, currentKey);
    const previous = actual(indicator.id, previousKey);
    const baselineValue =
      indicator.baseline_value ??
      (indicator.baseline_period === null ? null : actual(indicator.id, indicator.baseline_period).value);
    const achievement: Achievement =
      target === null
        ? { status: "not_assessable", reason: "no_target", figure: null }
        : assessAchievement(target, { value: current.value, previousValue: previous.value, baselineValue });
    summary[achievement.status] += 1;
    const view: IndicatorPerformance = {
      indicatorId: indicator.id,
      code: indicator.code,
      nameEn: indicator.name_en,
      nameTh: indicator.name_th,
      unit: indicator.unit,
      direction: indicator.direction,
      aggregation: ruleOf(indicator),
      targetTextEn: chosen?.text_en ?? null,
      targetTextTh: chosen?.text_th ?? null,
      target,
      baselineValue,
      value: current.value,
      valueSource: current.source,
      previousValue: previous.value,
      coverage: current.coverage,
      aggregationIssue: current.issue,
      previousPeriodKey: previousKey,
      achievement,
      ...(breakdowns === null ? {} : { breakdowns: breakdowns.get(indicator.id) ?? [] }),
    };
    const list = byNode.get(indicator.plan_node_id) ?? [];
    list.push(view);
    byNode.set(indicator.plan_node_id, list);
  }

  type MutableNode = Omit<NodePerformance, "children"> & { children: MutableNode[] };
  const views = new Map<number, MutableNode>();
  for (const n of nodes) {
    views.set(n.id, {
      nodeId: n.id,
      kind: n.kind,
      code: n.code,
      titleEn: n.title_en,
      titleTh: n.title_th,
      indicators: byNode.get(n.id) ?? [],
      children: [],
    });
  }
  const roots: MutableNode[] = [];
  for (const n of nodes) {
    const view = views.get(n.id);
    if (!view) continue;
    const parent = n.parent_id === null ? undefined : views.get(n.parent_id);
    if (parent) parent.children.push(view);
    else roots.push(view);
  }

  return {
    plan: {
      id: plan.id,
      code: plan.code,
      titleEn: plan.title_en,
      titleTh: plan.title_th,
      level: plan.level,
      ownerAgencyCode: plan.owner_agency_code,
      ownerAgencyNameEn: plan.owner_agency_name_en,
      ownerAgencyNameTh: plan.owner_agency_name_th,
    },
    periodKey: currentKey,
    includesUnapproved: statuses.length === EVERY_LIVE_STATUS.length,
    orgUnit: { type: unit.type, code: unit.code, nameEn: unit.nameEn, nameTh: unit.nameTh },
    generatedAt: new Date().toISOString(),
    nodes: roots,
    summary,
  };
}
