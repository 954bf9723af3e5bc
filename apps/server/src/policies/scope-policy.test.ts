import { describe, expect, it } from "vitest";
import type { Actor } from "@sainam/core";
import {
  approvalQueueScope,
  canCreateProgramme,
  canImportValues,
  canMoveToAnotherAgency,
  clusterVisibility,
  demotesSelf,
  programmeVisibility,
  searchVisibility,
  seesWhoActed,
  valueVisibility,
  type PlanValuesResource,
} from "./policy.ts";

// The scope decisions services used to make themselves, now named in policy.ts.
const DIP = 4;
const OSMEP = 5;
const user = (
  id: number,
  role: "admin" | "agency_officer" | "cluster_coordinator" | "member" | "expert",
  scope: { agencyId?: number; clusterIds?: number[] } = {},
): Actor => ({
  kind: "user",
  id,
  role,
  agencyId: scope.agencyId ?? null,
  clusterIds: scope.clusterIds ?? [],
  enterpriseId: null,
});
const publicActor: Actor = { kind: "public" };
const system: Actor = { kind: "system" };
const admin = user(1, "admin");
const dipOfficer = user(2, "agency_officer", { agencyId: DIP });
const officerWithoutAgency = user(3, "agency_officer");
const coordinator = user(5, "cluster_coordinator", { clusterIds: [10, 12] });
const member = user(6, "member");

describe("policy: moving a record to another agency", () => {
  it("lets only admins and the system move a cluster or a programme to another agency", () => {
    for (const record of ["cluster", "programme"] as const) {
      expect(canMoveToAnotherAgency(admin, record)).toBe(true);
      expect(canMoveToAnotherAgency(system, record)).toBe(true);
      for (const actor of [dipOfficer, coordinator, member, publicActor])
        expect(canMoveToAnotherAgency(actor, record)).toBe(false);
    }
  });
});

describe("policy: cluster lists", () => {
  it("shows every cluster to admins, the system and officers, and a coordinator their own beyond the published", () => {
    expect(clusterVisibility(admin)).toBe("all");
    expect(clusterVisibility(system)).toBe("all");
    expect(clusterVisibility(dipOfficer)).toBe("all");
    expect(clusterVisibility(coordinator)).toEqual([10, 12]);
    expect(clusterVisibility(member)).toEqual([]);
    expect(clusterVisibility(publicActor)).toEqual([]);
  });
});

describe("policy: programme lists", () => {
  it("shows unpublished programmes of every agency to admins, of their own agency to officers, of none to others", () => {
    expect(programmeVisibility(admin)).toBe("all");
    expect(programmeVisibility(system)).toBe("all");
    expect(programmeVisibility(dipOfficer)).toEqual([DIP]);
    expect(programmeVisibility(officerWithoutAgency)).toEqual([]);
    expect(programmeVisibility(coordinator)).toEqual([]);
    expect(programmeVisibility(publicActor)).toEqual([]);
  });

  it("offers creating a programme to admins and officers of an agency only", () => {
    expect(canCreateProgramme(admin)).toBe(true);
    expect(canCreateProgramme(system)).toBe(true);
    expect(canCreateProgramme(dipOfficer)).toBe(true);
    expect(canCreateProgramme(officerWithoutAgency)).toBe(false);
    expect(canCreateProgramme(coordinator)).toBe(false);
    expect(canCreateProgramme(member)).toBe(false);
    expect(canCreateProgramme(publicActor)).toBe(false);
  });
});

describe("policy: indicator values", () => {
  const dipPlan: PlanValuesResource = {
    type: "plan_values",
    ownerAgencyId: DIP,
    childAgencyIds: [],
    clusterId: null,
    published: true,
  };

  it("puts every plan in an admin's approval queue, their agency's in an officer's, and none in anyone else's", () => {
    expect(approvalQueueScope(admin)).toEqual({ agencyId: null });
    expect(approvalQueueScope(system)).toEqual({ agencyId: null });
    expect(approvalQueueScope(dipOfficer)).toEqual({ agencyId: DIP });
    expect(approvalQueueScope(officerWithoutAgency)).toBeNull();
    expect(approvalQueueScope(coordinator)).toBeNull();
    expect(approvalQueueScope(member)).toBeNull();
  });

  it("shows every status to those who enter a plan's values, approved ones plus their own clusters' to a coordinator", () => {
    expect(valueVisibility(dipOfficer, dipPlan)).toEqual({ visibleStatuses: undefined, alsoVisibleClusterCodes: [] });
    expect(valueVisibility(admin, dipPlan)).toEqual({ visibleStatuses: undefined, alsoVisibleClusterCodes: [] });
    expect(valueVisibility(coordinator, dipPlan)).toEqual({
      visibleStatuses: ["approved"],
      alsoVisibleClusterCodes: ["10", "12"],
    });
    expect(valueVisibility(user(7, "agency_officer", { agencyId: OSMEP }), dipPlan)).toEqual({
      visibleStatuses: ["approved"],
      alsoVisibleClusterCodes: [],
    });
    expect(valueVisibility(publicActor, dipPlan)).toEqual({
      visibleStatuses: ["approved"],
      alsoVisibleClusterCodes: [],
    });
  });

  it("lets those who enter a plan's values and coordinators (row by row) start a value import, nobody else", () => {
    expect(canImportValues(dipOfficer, dipPlan)).toBe(true);
    expect(canImportValues(admin, dipPlan)).toBe(true);
    expect(canImportValues(coordinator, dipPlan)).toBe(true);
    expect(canImportValues(user(7, "agency_officer", { agencyId: OSMEP }), dipPlan)).toBe(false);
    expect(canImportValues(member, dipPlan)).toBe(false);
    expect(canImportValues(publicActor, dipPlan)).toBe(false);
  });
});

describe("policy: search", () => {
  it("searches unpublished records for officers and admins, and a user's own clusters", () => {
    expect(searchVisibility(dipOfficer)).toEqual({
      unpublishedToo: true,
      ownClusters: [],
      institutions: { all: false, agencyId: DIP, userId: 2 },
    });
    expect(searchVisibility(admin)).toEqual({ unpublishedToo: true, ownClusters: [], institutions: { all: true } });
    expect(searchVisibility(coordinator)).toEqual({
      unpublishedToo: false,
      ownClusters: [10, 12],
      institutions: { all: false, agencyId: null, userId: 5 },
    });
    expect(searchVisibility(publicActor)).toEqual({
      unpublishedToo: false,
      ownClusters: [],
      institutions: { all: false, agencyId: null, userId: null },
    });
  });
});

describe("policy: people", () => {
  it("names who acted to signed-in users and the system, not to the public", () => {
    expect(seesWhoActed(member)).toBe(true);
    expect(seesWhoActed(system)).toBe(true);
    expect(seesWhoActed(publicActor)).toBe(false);
  });

  it("spots an admin deactivating or demoting themselves, and nothing else", () => {
    expect(demotesSelf(admin, 1, { active: false })).toBe(true);
    expect(demotesSelf(admin, 1, { role: "agency_officer" })).toBe(true);
    expect(demotesSelf(admin, 1, { role: "admin", active: true })).toBe(false);
    expect(demotesSelf(admin, 1, {})).toBe(false);
    expect(demotesSelf(admin, 2, { active: false })).toBe(false);
    expect(demotesSelf(system, 1, { active: false })).toBe(false);
  });
});
