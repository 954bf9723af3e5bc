import {
  currentFiscalYear,
  fiscalPeriodKeys,
  fiscalYearOf,
  isIsoDate,
  isPlanLevel as isCorePlanLevel,
  planLevelRank,
  planLevels,
  planNodeKinds,
  type DisaggregationDimension,
  type PlanLevel as CreatablePlanLevel,
  type PlanNodeKind,
} from "@sainam/core";
import { aggregations, indicatorDirections, planStatuses } from "@sainam/contract/choices";
import type { PlanNode, parsedTargetSchema, traceSchema } from "@sainam/contract";
import type { z } from "zod";

/**
 * What the server answers about plans: the contract's types, checked by its schemas in the queries. A plan's tree
 * comes with the caller's right to edit it (`canEdit`, the only source of edit controls).
 */
export type {
  Plan as PlanSummary,
  PlanTree as PlanDetail,
  PlanNode,
  IndicatorView as Indicator,
  TargetView as IndicatorTarget,
} from "@sainam/contract";
export type Trace = z.infer<typeof traceSchema>;
export type ParsedTarget = z.infer<typeof parsedTargetSchema>;

export { planNodeKinds as PLAN_NODE_KINDS, type PlanNodeKind } from "@sainam/core";

export function isPlanNodeKind(kind: string): kind is PlanNodeKind {
  return planNodeKinds.some((known) => known === kind);
}

/** The levels a new plan can have, highest first; a node may serve only a node of a higher plan. */
export { planLevels as CREATABLE_PLAN_LEVELS, type PlanLevel as CreatablePlanLevel, planLevelRank } from "@sainam/core";

export function isCreatablePlanLevel(level: string): level is CreatablePlanLevel {
  return isCorePlanLevel(level);
}

/** Whether a plan of this level has a higher level whose nodes its nodes can serve (not the national strategy). */
export function mayLinkUp(level: string): boolean {
  const rank = planLevelRank(level);
  return rank > 0 && rank < planLevels.length;
}

export const PLAN_STATUSES = planStatuses;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export function isPlanStatus(value: string): value is PlanStatus {
  return PLAN_STATUSES.some((known) => known === value);
}

export const INDICATOR_DIRECTIONS = indicatorDirections;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export function isIndicatorDirection(value: string): value is IndicatorDirection {
  return INDICATOR_DIRECTIONS.some((known) => known === value);
}

export const AGGREGATIONS = aggregations;
export type Aggregation = (typeof AGGREGATIONS)[number];
export function isAggregation(value: string): value is Aggregation {
  return AGGREGATIONS.some((known) => known === value);
}

/** The dimensions an indicator may be broken down by (core's list), in the order the form offers them. */
export const DISAGGREGATIONS = [
  "size_class",
  "owner_sex",
  "stage",
] as const satisfies readonly DisaggregationDimension[];

/** Every node of a tree, parents before children. */
export function flattenNodes(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((node) => [node, ...flattenNodes(node.children)]);
}

/** The siblings of a node (the roots for a root node). */
export function siblingsOf(nodes: readonly PlanNode[], node: PlanNode): readonly PlanNode[] {
  if (node.parentId === null) return nodes;
  return flattenNodes(nodes).find((candidate) => candidate.id === node.parentId)?.children ?? [];
}

export const PLAN_LEVELS = [
  "national_strategy",
  "agency_programme",
  "provincial_cluster_plan",
  "cluster_plan",
  "national",
  "ministry",
  "agency",
  "programme",
  "provincial_cluster",
  "cluster",
  "strategic",
  "master",
  "action",
] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

export function isPlanLevel(level: string): level is PlanLevel {
  return PLAN_LEVELS.some((known) => known === level);
}

/** One row of the tree as shown: the node, its depth and position among its siblings. */
export interface VisibleNode {
  node: PlanNode;
  level: number;
  posInSet: number;
  setSize: number;
  parentId: number | null;
}

/** The nodes a tree view shows, in order, given which nodes are expanded. */
export function visibleNodes(nodes: readonly PlanNode[], expanded: ReadonlySet<number>): VisibleNode[] {
  const out: VisibleNode[] = [];
  const walk = (list: readonly PlanNode[], level: number, parentId: number | null) => {
    list.forEach((node, index) => {
      out.push({ node, level, posInSet: index + 1, setSize: list.length, parentId });
      if (node.children.length > 0 && expanded.has(node.id)) walk(node.children, level + 1, node.id);
    });
  };
  walk(nodes, 1, null);
  return out;
}

/** Ids of every node that has children (for "expand all"). */
export function branchIds(nodes: readonly PlanNode[]): number[] {
  const out: number[] = [];
  const walk = (list: readonly PlanNode[]) => {
    for (const node of list) {
      if (node.children.length > 0) {
        out.push(node.id);
        walk(node.children);
      }
    }
  };
  walk(nodes);
  return out;
}

/** The path of nodes from a root down to the node with this id (inclusive), or [] when absent. */
export function pathTo(nodes: readonly PlanNode[], id: number): PlanNode[] {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below.length > 0) return [node, ...below];
  }
  return [];
}

/** Finds a node by id or, failing that, by code (links may use either). */
export function findNode(nodes: readonly PlanNode[], key: string): PlanNode | null {
  const path = /^\d+$/.test(key) ? pathTo(nodes, Number(key)) : [];
  if (path.length > 0) return path[path.length - 1] ?? null;
  const byCode = (list: readonly PlanNode[]): PlanNode | null => {
    for (const node of list) {
      if (node.code === key) return node;
      const found = byCode(node.children);
      if (found) return found;
    }
    return null;
  };
  return byCode(nodes);
}

/** What the period pickers of a plan's indicators need: the plan's first and last day (ISO C.E.). */
export interface PlanPeriod {
  periodStart: string | null;
  periodEnd: string | null;
}

/** The fiscal years (C.E.) a plan runs over, first to last. */
export interface FiscalSpan {
  first: number;
  last: number;
}

/**
 * The fiscal years a plan runs over, by core's rule (1 Oct – 30 Sep); a plan whose dates are missing or unreadable
 * runs, for its pickers, over the current fiscal year.
 */
export function planFiscalSpan(periodStart: string | null, periodEnd: string | null, now = new Date()): FiscalSpan {
  const current = currentFiscalYear(now);
  const first = periodStart && isIsoDate(periodStart) ? fiscalYearOf(periodStart) : current;
  const last = periodEnd && isIsoDate(periodEnd) ? fiscalYearOf(periodEnd) : Math.max(first, current);
  return { first, last: Math.max(first, last) };
}

/** How many fiscal years before a plan its indicators' baselines may lie: a plan compares with the years before it. */
export const BASELINE_YEARS_BEFORE = 5;

/** Periods offered for an indicator's baseline: the five fiscal years before the plan and its own, plus the current choice. */
export function baselinePeriodKeys(span: FiscalSpan, current: string | null): string[] {
  return fiscalPeriodKeys(span.first - BASELINE_YEARS_BEFORE, span.last, { keep: current });
}

/** Periods offered for a target: each fiscal year of the plan with its quarters, plus the current choice. */
export function targetPeriodKeys(span: FiscalSpan, current: string | null): string[] {
  return fiscalPeriodKeys(span.first, span.last, { quarters: true, keep: current });
}
