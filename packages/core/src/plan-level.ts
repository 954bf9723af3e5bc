// ---------------------------------------------------------------------------------------------
// Plan levels and node kinds (DESIGN.md §3, seed 000 and seed 004). A node may serve a node of a
// plan of a strictly higher level, so an activity of a cluster plan traces up to the national
// strategy it serves; a link sideways or downwards would make the trace meaningless.
// ---------------------------------------------------------------------------------------------

/** Plan levels from the highest to the lowest. */
export const planLevels = ["national_strategy", "agency_programme", "provincial_cluster_plan", "cluster_plan"] as const;
export type PlanLevel = (typeof planLevels)[number];

export function isPlanLevel(value: string): value is PlanLevel {
  return planLevels.some((level) => level === value);
}

/** The kinds of plan node, from a vision down to a cluster's activities (seed 004's DIP method included). */
export const planNodeKinds = [
  "vision",
  "mission",
  "purpose",
  "strategic_issue",
  "strategy",
  "objective",
  "sub_strategy",
  "work_plan",
  "master_plan",
  "action_plan",
  "project",
  "activity",
] as const;
export type PlanNodeKind = (typeof planNodeKinds)[number];

/** Higher is more senior: national strategy 4 … cluster plan 1; an unknown level ranks 0. */
export function planLevelRank(level: string): number {
  const index = planLevels.findIndex((known) => known === level);
  return index < 0 ? 0 : planLevels.length - index;
}

/** True when a node of a plan at `fromLevel` may serve a node of a plan at `toLevel`: strictly higher only. */
export function mayServe(fromLevel: string, toLevel: string): boolean {
  return isPlanLevel(fromLevel) && isPlanLevel(toLevel) && planLevelRank(toLevel) > planLevelRank(fromLevel);
}
