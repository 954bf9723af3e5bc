import { valueApprovals, type AgencyNode, type DB, type IndicatorValueApprovalRow, type PlanRow } from "@sainam/db";
import type { Kysely, Transaction } from "kysely";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Who approves a value, level by level. The chain runs from the agency that serves the value's province (the
 * deepest agency below the plan's owner whose provinces include it) up the tree to the owner; a value of no
 * province, or of a province no such agency serves, has the owner alone. Where two agencies equally deep serve
 * the province, each has its chain and either approves (their levels are taken together).
 * A plan asking for N levels needs min(N, chain length) approvals: level k < last by the chain's k-th agency
 * (the province office first, then its parent, …); the last level by the next agency or any above it up to the
 * owner, so a single-level plan is approved where the work is and still by the owner's officers.
 */
export type ApprovalChain = { chains: ReadonlyArray<readonly number[]>; levels: number };

/** The agencies whose officers may approve level `level` (1-based) of a chain. */
export function approversOfLevel(chain: ApprovalChain, level: number): readonly number[] {
  const out = new Set<number>();
  for (const c of chain.chains)
    for (const id of level < chain.levels ? c.slice(level - 1, level) : c.slice(chain.levels - 1)) out.add(id);
  return [...out];
}

/** Whether an agency takes part in approving a value (is on one of its chains). */
export function inChain(chain: ApprovalChain, agencyId: number): boolean {
  return chain.chains.some((c) => c.includes(agencyId));
}

/** The chain of one value, from the agency tree and the agencies serving its province (pure). */
export function approvalChainOf(
  tree: ReadonlyArray<Pick<AgencyNode, "id" | "parent_id">>,
  plan: Pick<PlanRow, "owner_agency_id" | "approval_levels">,
  servingAgencyIds: readonly number[],
): ApprovalChain {
  const parentOf = new Map(tree.map((a) => [a.id, a.parent_id]));
  const pathToOwner = (agencyId: number): number[] | null => {
    const path: number[] = [];
    let current: number | null | undefined = agencyId;
    while (current !== null && current !== undefined && !path.includes(current)) {
      path.push(current);
      if (current === plan.owner_agency_id) return path;
      current = parentOf.get(current);
    }
    return null;
  };
  const paths = servingAgencyIds.flatMap((id) => {
    const path = pathToOwner(id);
    return path && path.length > 1 ? [path] : [];
  });
  const deepest = Math.max(0, ...paths.map((p) => p.length));
  const chains = deepest > 0 ? paths.filter((p) => p.length === deepest) : [[plan.owner_agency_id]];
  const length = chains[0]?.length ?? 1;
  return { chains, levels: Math.max(1, Math.min(plan.approval_levels, length)) };
}

/** A value as the approval rules need it. */
export type ValueForApproval = { id: number; org_unit_type: string; org_unit_code: string; approval_level: number };

/** Where each value stands: its chain, the level it waits on, who may approve it, who approved earlier levels. */
export type PendingApproval = {
  chain: ApprovalChain;
  /** The level the value waits on (1-based); levels + 1 when every level is done. */
  level: number;
  agencyIds: readonly number[];
  approvals: IndicatorValueApprovalRow[];
};

/** Loads what approval needs for many values of one plan: the tree once, the serving agencies by province. */
export async function pendingApprovals(
  db: Executor,
  plan: Pick<PlanRow, "owner_agency_id" | "approval_levels">,
  values: readonly ValueForApproval[],
  tree?: readonly AgencyNode[],
): Promise<Map<number, PendingApproval>> {
  const agencies = tree ?? (await valueApprovals.agencyTree(db));
  const provinces = values.filter((v) => v.org_unit_type === "province").map((v) => v.org_unit_code);
  const serving = await valueApprovals.agenciesServing(db, provinces);
  const approvals = await valueApprovals.currentApprovals(db, values);
  const out = new Map<number, PendingApproval>();
  for (const v of values) {
    const servingIds = v.org_unit_type === "province" ? (serving.get(v.org_unit_code) ?? []) : [];
    const chain = approvalChainOf(agencies, plan, servingIds);
    const level = v.approval_level + 1;
    out.set(v.id, {
      chain,
      level,
      agencyIds: level <= chain.levels ? approversOfLevel(chain, level) : [],
      approvals: approvals.get(v.id) ?? [],
    });
  }
  return out;
}

/** Where a value stands, as the API shows it (approval-state schema): agency names, officers' names, steps. */
export type ApprovalStateView = {
  valueId: number;
  level: number;
  levels: number;
  approvers: Array<{ id: number; nameEn: string | null; nameTh: string | null; officers: string[] }>;
  steps: Array<{ level: number; agencyNameEn: string | null; agencyNameTh: string | null; approvedAt: string }>;
};

/** Names the agencies of each pending approval and their officers (display names only). */
export async function describeApprovals(
  db: Executor,
  pending: ReadonlyMap<number, PendingApproval>,
  tree?: readonly AgencyNode[],
): Promise<Map<number, ApprovalStateView>> {
  const agencies = new Map((tree ?? (await valueApprovals.agencyTree(db))).map((a) => [a.id, a]));
  const approverIds = [...pending.values()].flatMap((p) => p.agencyIds);
  const officers = await valueApprovals.officerNames(db, approverIds);
  const out = new Map<number, ApprovalStateView>();
  for (const [valueId, p] of pending) {
    out.set(valueId, {
      valueId,
      level: Math.min(p.level, p.chain.levels),
      levels: p.chain.levels,
      approvers: p.agencyIds.flatMap((id) => {
        const agency = agencies.get(id);
        return agency ? [{ id, nameEn: agency.name_en, nameTh: agency.name_th, officers: officers.get(id) ?? [] }] : [];
      }),
      steps: p.approvals.map((a) => {
        const agency = a.agency_id === null ? undefined : agencies.get(a.agency_id);
        return {
          level: a.level,
          agencyNameEn: agency?.name_en ?? null,
          agencyNameTh: agency?.name_th ?? null,
          approvedAt: a.approved_at,
        };
      }),
    });
  }
  return out;
}

/** Agencies above an agency in the tree (its parent, the parent's parent, …). */
export function ancestorsOf(tree: ReadonlyArray<Pick<AgencyNode, "id" | "parent_id">>, agencyId: number): number[] {
  const parentOf = new Map(tree.map((a) => [a.id, a.parent_id]));
  const out: number[] = [];
  let current = parentOf.get(agencyId) ?? null;
  while (current !== null && !out.includes(current) && current !== agencyId) {
    out.push(current);
    current = parentOf.get(current) ?? null;
  }
  return out;
}
