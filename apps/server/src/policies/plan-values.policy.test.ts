import { describe, expect, it } from "vitest";
import type { Actor } from "@sainam/core";
import { can, type PlanValuesResource } from "./policy.ts";

const MOC = 1;
const PCO = 2; // child of MOC
const DIP = 3;
const user = (
  id: number,
  role: "admin" | "agency_officer" | "cluster_coordinator" | "member" | "expert",
  agencyId: number | null = null,
  clusterIds: number[] = [],
): Actor => ({
  kind: "user",
  id,
  role,
  agencyId,
  clusterIds,
  enterpriseId: null,
});
const mocPlan: PlanValuesResource = {
  type: "plan_values",
  ownerAgencyId: MOC,
  childAgencyIds: [PCO],
  clusterId: null,
  published: true,
};

describe("#policy plan_values", () => {
  it("lets officers of the owner agency and of its child agencies enter values", () => {
    expect(can(user(1, "agency_officer", MOC), "enter", mocPlan)).toBe(true);
    expect(can(user(2, "agency_officer", PCO), "enter", mocPlan)).toBe(true);
    expect(can(user(3, "agency_officer", DIP), "enter", mocPlan)).toBe(false);
  });

  it("lets only the owner agency's officers and admins approve and lock, not a child agency's", () => {
    expect(can(user(1, "agency_officer", MOC), "approve", mocPlan)).toBe(true);
    expect(can(user(2, "agency_officer", PCO), "approve", mocPlan)).toBe(false);
    expect(can(user(1, "agency_officer", MOC), "lock", mocPlan)).toBe(true);
    expect(can(user(2, "agency_officer", PCO), "lock", mocPlan)).toBe(false);
    expect(can(user(9, "admin"), "lock", mocPlan)).toBe(true);
  });

  it("refuses approval of a value to the user who entered it, admins included, but not to the system", () => {
    expect(can(user(1, "agency_officer", MOC), "approve", { ...mocPlan, enteredBy: 1 })).toBe(false);
    expect(can(user(9, "admin"), "approve", { ...mocPlan, enteredBy: 9 })).toBe(false);
    expect(can(user(9, "admin"), "approve", { ...mocPlan, enteredBy: 1 })).toBe(true);
    expect(can({ kind: "system" }, "approve", { ...mocPlan, enteredBy: null })).toBe(true);
  });

  it("lets a coordinator enter values of a cluster plan they keep, and values whose org unit is their cluster", () => {
    const clusterPlan: PlanValuesResource = { ...mocPlan, clusterId: 7 };
    expect(can(user(4, "cluster_coordinator", null, [7]), "enter", clusterPlan)).toBe(true);
    expect(can(user(4, "cluster_coordinator", null, [8]), "enter", clusterPlan)).toBe(false);
    expect(
      can(user(4, "cluster_coordinator", null, [8]), "enter", { ...mocPlan, orgUnit: { type: "cluster", code: "8" } }),
    ).toBe(true);
    expect(
      can(user(4, "cluster_coordinator", null, [8]), "enter", { ...mocPlan, orgUnit: { type: "province", code: "8" } }),
    ).toBe(false);
    expect(can(user(4, "cluster_coordinator", null, [7]), "approve", clusterPlan)).toBe(false);
  });

  it("shows every status to those who enter, and only published plans' approved values to everyone else", () => {
    expect(can(user(2, "agency_officer", PCO), "read_unapproved", mocPlan)).toBe(true);
    expect(can(user(3, "agency_officer", DIP), "read_unapproved", mocPlan)).toBe(false);
    expect(can({ kind: "public" }, "read_unapproved", mocPlan)).toBe(false);
    expect(can({ kind: "public" }, "read", mocPlan)).toBe(true);
    expect(can({ kind: "public" }, "read", { ...mocPlan, published: false })).toBe(false);
    expect(can(user(5, "member"), "enter", mocPlan)).toBe(false);
  });
});
