import { describe, expect, it } from "vitest";
import type { Actor } from "@sainam/core";
import { can, planVisibility } from "./policy.ts";

const officer = (agencyId: number): Actor => ({
  kind: "user",
  id: 1,
  role: "agency_officer",
  agencyId,
  clusterIds: [],
  enterpriseId: null,
});
const coordinator = (clusterIds: number[]): Actor => ({
  kind: "user",
  id: 2,
  role: "cluster_coordinator",
  agencyId: null,
  clusterIds,
  enterpriseId: null,
});
const admin: Actor = { kind: "user", id: 3, role: "admin", agencyId: null, clusterIds: [], enterpriseId: null };
const member: Actor = { kind: "user", id: 4, role: "member", agencyId: null, clusterIds: [], enterpriseId: 9 };
const clusterPlan = { type: "plan", ownerAgencyId: 10, clusterId: 7, published: false } as const;

describe("plan policy", () => {
  it("lets admins, the owner agency's officers and the plan cluster's coordinators edit a plan", () => {
    expect(can(admin, "update", clusterPlan)).toBe(true);
    expect(can({ kind: "system" }, "update", clusterPlan)).toBe(true);
    expect(can(officer(10), "update", clusterPlan)).toBe(true);
    expect(can(coordinator([7]), "update", clusterPlan)).toBe(true);
  });

  it("refuses officers of another agency, coordinators of other clusters, members and the public", () => {
    expect(can(officer(11), "update", clusterPlan)).toBe(false);
    expect(can(coordinator([8]), "update", clusterPlan)).toBe(false);
    expect(can(member, "update", clusterPlan)).toBe(false);
    expect(can({ kind: "public" }, "update", { ...clusterPlan, published: true })).toBe(false);
  });

  it("shows an unpublished plan to its keepers only, and a published one to everyone", () => {
    expect(can({ kind: "public" }, "read", clusterPlan)).toBe(false);
    expect(can(officer(11), "read", clusterPlan)).toBe(false);
    expect(can(coordinator([7]), "read", clusterPlan)).toBe(true);
    expect(can({ kind: "public" }, "read", { ...clusterPlan, published: true })).toBe(true);
  });

  it("grants less, never more, when a caller leaves out the cluster and the published flag", () => {
    const bare = { type: "plan", ownerAgencyId: 10 } as const;
    expect(can({ kind: "public" }, "read", bare)).toBe(false);
    expect(can(coordinator([7]), "update", bare)).toBe(false);
    expect(can(officer(10), "update", bare)).toBe(true);
  });

  it("lists every plan for admins and the actor's own agency and clusters otherwise", () => {
    expect(planVisibility(admin)).toEqual({ all: true });
    expect(planVisibility(officer(10))).toEqual({ all: false, agencyId: 10, clusterIds: [] });
    expect(planVisibility(coordinator([7, 8]))).toEqual({ all: false, agencyId: null, clusterIds: [7, 8] });
    expect(planVisibility({ kind: "public" })).toEqual({ all: false, agencyId: null, clusterIds: [] });
  });
});
