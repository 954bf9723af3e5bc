import { publicActor, systemActor, type Actor } from "@sainam/core";
import { describe, expect, it } from "vitest";
import { can, type Resource } from "./policy.ts";

const user = (
  role: "admin" | "agency_officer" | "cluster_coordinator" | "member" | "expert",
  agencyId: number | null = null,
  clusterIds: number[] = [],
): Actor => ({
  kind: "user",
  id: 1,
  role,
  agencyId,
  clusterIds,
  enterpriseId: null,
});

// Owner agency 1 with agency 2 under it; agency 3 elsewhere; cluster plan of cluster 7.
const plan = (published: boolean): Resource => ({
  type: "plan_values",
  ownerAgencyId: 1,
  childAgencyIds: [2],
  clusterId: 7,
  published,
});

describe("policy: plan_values as figures (dashboards, reports)", () => {
  it("lets everyone read the figures of a published plan but only the plan's scope read unapproved ones", () => {
    const everyone = [
      publicActor,
      systemActor,
      user("admin"),
      user("agency_officer", 1),
      user("agency_officer", 2),
      user("agency_officer", 3),
      user("cluster_coordinator", null, [7]),
      user("cluster_coordinator", null, [8]),
      user("member"),
      user("expert"),
    ];
    for (const actor of everyone) expect(can(actor, "read", plan(true))).toBe(true);
    const unapproved = everyone.map((actor) => can(actor, "read_unapproved", plan(true)));
    expect(unapproved).toEqual([false, true, true, true, true, false, true, false, false, false]);
  });

  it("hides an unpublished plan's figures from everyone outside its scope", () => {
    expect(can(publicActor, "read", plan(false))).toBe(false);
    expect(can(user("agency_officer", 3), "read", plan(false))).toBe(false);
    expect(can(user("cluster_coordinator", null, [8]), "read", plan(false))).toBe(false);
    expect(can(user("agency_officer", 2), "read", plan(false))).toBe(true);
    expect(can(user("cluster_coordinator", null, [7]), "read", plan(false))).toBe(true);
  });

  it("lets a coordinator read the unapproved figures of their own cluster, as in the value lists, and no other unit's", () => {
    const coordinator = user("cluster_coordinator", null, [9]);
    const ofUnit = (type: string, code: string): Resource => ({
      type: "plan_values",
      ownerAgencyId: 1,
      childAgencyIds: [2],
      clusterId: 7,
      published: true,
      orgUnit: { type, code },
    });
    expect(can(coordinator, "read_unapproved", ofUnit("cluster", "9"))).toBe(true);
    expect(can(coordinator, "read_unapproved", ofUnit("cluster", "8"))).toBe(false);
    expect(can(coordinator, "read_unapproved", ofUnit("province", "9"))).toBe(false);
    expect(can(coordinator, "read_unapproved", plan(true))).toBe(false);
  });

  it("grants no writes through figures", () => {
    expect(can(user("agency_officer", 1), "update", plan(true))).toBe(false);
  });
});
