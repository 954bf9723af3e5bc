import { isPlanLevel as isCorePlanLevel, planLevelRank, planLevels, planNodeKinds, type PlanLevel as CreatablePlanLevel, type PlanNodeKind } from "@sainam/core";
import {
  arrayOf,
  bool,
  id,
  num,
  json,
  lazy,
  nullable,
  object,
  str,
  withDefault,
  type Decoded,
  type Decoder,
} from "../../api/decode";

export const planSummaryDecoder = object({
  id,
  code: withDefault(str, ""),
  titleEn: withDefault(str, ""),
  titleTh: nullable(str),
  level: withDefault(str, ""),
  ownerAgencyId: nullable(id),
  periodStart: nullable(str),
  periodEnd: nullable(str),
  status: withDefault(str, "active"),
  version: withDefault(num, 1),
  previousVersionId: withDefault(nullable(id), null),
  clusterId: withDefault(nullable(id), null),
  provincialClusterId: withDefault(nullable(id), null),
  published: withDefault(bool, true),
  descriptionEn: withDefault(nullable(str), null),
  descriptionTh: withDefault(nullable(str), null),
});
export type PlanSummary = Decoded<typeof planSummaryDecoder>;

export const targetDecoder = object({
  id,
  period: nullable(str),
  textEn: withDefault(str, ""),
  textTh: nullable(str),
  /** Structured form from `@sainam/core`'s parseTarget, or null when the text could not be structured. */
  target: json,
  periodKey: withDefault(nullable(str), null),
  orgUnitType: withDefault(nullable(str), null),
  orgUnitCode: withDefault(nullable(str), null),
  kind: withDefault(nullable(str), null),
  /** The server's formatTarget labels in both languages. */
  labels: withDefault(nullable(object({ en: str, th: str })), null),
  /** A direction-only target without the owner's threshold. */
  needsThreshold: withDefault(bool, false),
});
export type IndicatorTarget = Decoded<typeof targetDecoder>;

export const indicatorDecoder = object({
  id,
  code: withDefault(str, ""),
  nameEn: withDefault(str, ""),
  nameTh: nullable(str),
  unit: nullable(str),
  targets: withDefault(arrayOf(targetDecoder), []),
  position: withDefault(num, 0),
  direction: withDefault(str, "increase"),
  aggregation: withDefault(str, "sum"),
  ratioScale: withDefault(nullable(num), null),
  baselineValue: withDefault(nullable(num), null),
  baselinePeriod: withDefault(nullable(str), null),
  disaggregations: withDefault(arrayOf(str), []),
  decimals: withDefault(nullable(num), null),
  descriptionEn: withDefault(nullable(str), null),
  descriptionTh: withDefault(nullable(str), null),
});
export type Indicator = Decoded<typeof indicatorDecoder>;

export interface PlanNode {
  id: string;
  kind: string;
  code: string;
  titleEn: string;
  titleTh: string | null;
  bodyEn: string | null;
  bodyTh: string | null;
  parentId: string | null;
  position: number;
  servesNodeId: string | null;
  indicators: Indicator[];
  children: PlanNode[];
}

export const planNodeDecoder: Decoder<PlanNode> = object({
  id,
  kind: withDefault(str, ""),
  code: withDefault(str, ""),
  titleEn: withDefault(str, ""),
  titleTh: nullable(str),
  bodyEn: nullable(str),
  bodyTh: nullable(str),
  parentId: withDefault(nullable(id), null),
  position: withDefault(num, 0),
  servesNodeId: withDefault(nullable(id), null),
  indicators: withDefault(arrayOf(indicatorDecoder), []),
  children: withDefault(arrayOf(lazy(() => planNodeDecoder)), []),
});

export const planDetailDecoder = object({
  id,
  code: withDefault(str, ""),
  titleEn: withDefault(str, ""),
  titleTh: nullable(str),
  level: withDefault(str, ""),
  ownerAgencyId: nullable(id),
  periodStart: nullable(str),
  periodEnd: nullable(str),
  status: withDefault(str, "active"),
  version: withDefault(num, 1),
  previousVersionId: withDefault(nullable(id), null),
  clusterId: withDefault(nullable(id), null),
  programmeId: withDefault(nullable(id), null),
  published: withDefault(bool, true),
  /** The server's answer to "may the caller edit this plan?"; the only source of edit controls. */
  canEdit: withDefault(bool, false),
  nodes: withDefault(arrayOf(planNodeDecoder), []),
});
export type PlanDetail = Decoded<typeof planDetailDecoder>;

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

export const PLAN_STATUSES = ["draft", "active", "archived"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export function isPlanStatus(value: string): value is PlanStatus {
  return PLAN_STATUSES.some((known) => known === value);
}

export const INDICATOR_DIRECTIONS = ["increase", "decrease", "none"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export function isIndicatorDirection(value: string): value is IndicatorDirection {
  return INDICATOR_DIRECTIONS.some((known) => known === value);
}

export const AGGREGATIONS = ["sum", "mean", "weighted_mean", "ratio", "none"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export function isAggregation(value: string): value is Aggregation {
  return AGGREGATIONS.some((known) => known === value);
}

export const DISAGGREGATIONS = ["size_class", "owner_sex", "stage"] as const;

export const traceDecoder = object({
  items: arrayOf(
    object({
      nodeId: id,
      kind: withDefault(str, ""),
      code: withDefault(str, ""),
      titleEn: withDefault(str, ""),
      titleTh: nullable(str),
      planId: id,
      planCode: withDefault(str, ""),
      planLevel: withDefault(str, ""),
      planTitleEn: withDefault(str, ""),
      planTitleTh: nullable(str),
      via: withDefault(str, "parent"),
    }),
  ),
  truncated: withDefault(bool, false),
});
export type Trace = Decoded<typeof traceDecoder>;

export const parsedTargetDecoder = object({
  target: json,
  kind: nullable(str),
  labels: nullable(object({ en: str, th: str })),
});
export type ParsedTarget = Decoded<typeof parsedTargetDecoder>;

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
  parentId: string | null;
}

/** The nodes a tree view shows, in order, given which nodes are expanded. */
export function visibleNodes(nodes: readonly PlanNode[], expanded: ReadonlySet<string>): VisibleNode[] {
  const out: VisibleNode[] = [];
  const walk = (list: readonly PlanNode[], level: number, parentId: string | null) => {
    list.forEach((node, index) => {
      out.push({ node, level, posInSet: index + 1, setSize: list.length, parentId });
      if (node.children.length > 0 && expanded.has(node.id)) walk(node.children, level + 1, node.id);
    });
  };
  walk(nodes, 1, null);
  return out;
}

/** Ids of every node that has children (for "expand all"). */
export function branchIds(nodes: readonly PlanNode[]): string[] {
  const out: string[] = [];
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
export function pathTo(nodes: readonly PlanNode[], id: string): PlanNode[] {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = pathTo(node.children, id);
    if (below.length > 0) return [node, ...below];
  }
  return [];
}

/** Finds a node by id or, failing that, by code (links may use either). */
export function findNode(nodes: readonly PlanNode[], key: string): PlanNode | null {
  const path = pathTo(nodes, key);
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
