import type { Actor } from "@sainam/core";
import { describe, expect, it } from "vitest";
import { can, type PlanValuesResource } from "../policies/policy.ts";
import { ancestorsOf, approvalChainOf, approversOfLevel } from "./approval-chain.ts";

// The agency tree of the Ministry of Commerce: MOC → MOC-PCO → one office per province; DIP elsewhere.
const MOC = 1;
const PCO = 2;
const CHIANG_MAI = 3;
const LAMPHUN = 4;
const DIP = 5;
const tree = [
  { id: MOC, parent_id: null },
  { id: PCO, parent_id: MOC },
  { id: CHIANG_MAI, parent_id: PCO },
  { id: LAMPHUN, parent_id: PCO },
  { id: DIP, parent_id: null },
];
const plan = (levels: number) => ({ owner_agency_id: MOC, approval_levels: levels });

describe("#approvalChainOf", () => {
  it("runs from the office serving the province up to the owner", () => {
    expect(approvalChainOf(tree, plan(2), [CHIANG_MAI])).toEqual({ chains: [[CHIANG_MAI, PCO, MOC]], levels: 2 });
  });

  it("caps the levels at the chain's length, and gives the owner alone where no office below it serves", () => {
    expect(approvalChainOf(tree, plan(5), [CHIANG_MAI]).levels).toBe(3);
    expect(approvalChainOf(tree, plan(3), [])).toEqual({ chains: [[MOC]], levels: 1 });
    // An agency outside the owner's tree serving the province takes no part.
    expect(approvalChainOf(tree, plan(2), [DIP])).toEqual({ chains: [[MOC]], levels: 1 });
  });

  it("lets the last level be approved by its agency or any above it, earlier levels by their agency only", () => {
    const two = approvalChainOf(tree, plan(2), [CHIANG_MAI]);
    expect(approversOfLevel(two, 1)).toEqual([CHIANG_MAI]);
    expect(approversOfLevel(two, 2)).toEqual([PCO, MOC]);
    const one = approvalChainOf(tree, plan(1), [CHIANG_MAI]);
    expect(approversOfLevel(one, 1)).toEqual([CHIANG_MAI, PCO, MOC]);
  });

  it("takes two equally deep offices serving one province together", () => {
    const shared = approvalChainOf(tree, plan(2), [CHIANG_MAI, LAMPHUN]);
    expect(approversOfLevel(shared, 1)).toEqual([CHIANG_MAI, LAMPHUN]);
    expect(approversOfLevel(shared, 2)).toEqual([PCO, MOC]);
  });

  it("names an agency's ancestors, nearest first", () => {
    expect(ancestorsOf(tree, CHIANG_MAI)).toEqual([PCO, MOC]);
    expect(ancestorsOf(tree, MOC)).toEqual([]);
  });
});

describe("#policy approve with an approval step", () => {
  const officer = (id: number, agencyId: number): Actor => ({
    kind: "user",
    id,
    role: "agency_officer",
    agencyId,
    clusterIds: [],
    enterpriseId: null,
  });
  const admin: Actor = { kind: "user", id: 99, role: "admin", agencyId: null, clusterIds: [], enterpriseId: null };
  const value = (step: { agencyIds: number[]; priorApprovers: number[] }, enteredBy = 50): PlanValuesResource => ({
    type: "plan_values",
    ownerAgencyId: MOC,
    childAgencyIds: [PCO, CHIANG_MAI, LAMPHUN],
    clusterId: null,
    published: false,
    enteredBy,
    approvalStep: step,
  });

  it("lets the officers of the level's agencies approve, and no one else", () => {
    const level1 = value({ agencyIds: [CHIANG_MAI], priorApprovers: [] });
    expect(can(officer(1, CHIANG_MAI), "approve", level1)).toBe(true);
    expect(can(officer(2, LAMPHUN), "approve", level1)).toBe(false);
    expect(can(officer(3, MOC), "approve", level1)).toBe(false);
    expect(can(admin, "approve", level1)).toBe(true);
  });

  it("refuses the officer who entered the value and one who approved an earlier level, admins included", () => {
    expect(can(officer(1, CHIANG_MAI), "approve", value({ agencyIds: [CHIANG_MAI], priorApprovers: [] }, 1))).toBe(
      false,
    );
    expect(can(officer(1, PCO), "approve", value({ agencyIds: [PCO], priorApprovers: [1] }))).toBe(false);
    expect(can(admin, "approve", value({ agencyIds: [PCO], priorApprovers: [99] }))).toBe(false);
  });
});
