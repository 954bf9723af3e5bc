import {
  arrayOf,
  id,
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
});
export type PlanSummary = Decoded<typeof planSummaryDecoder>;

export const targetDecoder = object({
  id,
  period: nullable(str),
  textEn: withDefault(str, ""),
  textTh: nullable(str),
  /** Structured form from `@sainam/core`'s parseTarget, or null when the text could not be structured. */
  target: json,
});
export type IndicatorTarget = Decoded<typeof targetDecoder>;

export const indicatorDecoder = object({
  id,
  code: withDefault(str, ""),
  nameEn: withDefault(str, ""),
  nameTh: nullable(str),
  unit: nullable(str),
  targets: withDefault(arrayOf(targetDecoder), []),
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
  nodes: withDefault(arrayOf(planNodeDecoder), []),
});
export type PlanDetail = Decoded<typeof planDetailDecoder>;

export const PLAN_NODE_KINDS = [
  "vision",
  "mission",
  "purpose",
  "strategic_issue",
  "strategy",
  "objective",
  "sub_strategy",
  "work_plan",
  "project",
  "activity",
] as const;
export type PlanNodeKind = (typeof PLAN_NODE_KINDS)[number];

export function isPlanNodeKind(kind: string): kind is PlanNodeKind {
  return PLAN_NODE_KINDS.some((known) => known === kind);
}

export const PLAN_LEVELS = [
  "national_strategy",
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
