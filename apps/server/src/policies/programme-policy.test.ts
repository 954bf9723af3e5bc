import { describe, expect, it } from "vitest";
import type { Actor } from "@sainam/core";
import { can } from "./policy.ts";

const DIP = 4;
const OSMEP = 5;
const user = (
  id: number,
  role: "admin" | "agency_officer" | "cluster_coordinator" | "member",
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
const dipOfficer2 = user(3, "agency_officer", { agencyId: DIP });
const osmepOfficer = user(4, "agency_officer", { agencyId: OSMEP });
const coffeeCoordinator = user(5, "cluster_coordinator", { clusterIds: [10] });
const member = user(6, "member");

describe("policy: programmes", () => {
  const published = { type: "programme", agencyId: DIP, published: true, clusterIds: [10] } as const;
  const draft = { ...published, published: false };

  it("shows a published programme's aggregated figures to everyone, an unpublished one only to its agency", () => {
    for (const actor of [publicActor, member, osmepOfficer, coffeeCoordinator, dipOfficer])
      expect(can(actor, "read", published)).toBe(true);
    expect(can(publicActor, "read", draft)).toBe(false);
    expect(can(osmepOfficer, "read", draft)).toBe(false);
    expect(can(dipOfficer, "read", draft)).toBe(true);
    expect(can(admin, "read", draft)).toBe(true);
  });

  it("shows per-firm records only to its agency's officers, coordinators of its clusters and admins", () => {
    expect(can(publicActor, "read_records", published)).toBe(false);
    expect(can(member, "read_records", published)).toBe(false);
    expect(can(osmepOfficer, "read_records", published)).toBe(false);
    expect(can(user(7, "cluster_coordinator", { clusterIds: [11] }), "read_records", published)).toBe(false);
    expect(can(coffeeCoordinator, "read_records", published)).toBe(true);
    expect(can(dipOfficer, "read_records", published)).toBe(true);
    expect(can(admin, "read_records", published)).toBe(true);
  });

  it("lets only admins and the programme agency's officers create and edit it", () => {
    for (const action of ["create", "update"] as const) {
      expect(can(dipOfficer, action, published)).toBe(true);
      expect(can(admin, action, published)).toBe(true);
      expect(can(osmepOfficer, action, published)).toBe(false);
      expect(can(coffeeCoordinator, action, published)).toBe(false);
      expect(can(publicActor, action, published)).toBe(false);
    }
  });
});

describe("policy: activities", () => {
  it("lets the programme agency's officers and the cluster's coordinators record an activity", () => {
    const activity = {
      type: "activity",
      programmeAgencyId: DIP,
      clusterId: 10,
      clusterAgencyId: DIP,
      programmeClusterIds: [],
    } as const;
    expect(can(dipOfficer, "create", activity)).toBe(true);
    expect(can(coffeeCoordinator, "create", activity)).toBe(true);
    expect(can(osmepOfficer, "create", activity)).toBe(false);
    expect(can(user(7, "cluster_coordinator", { clusterIds: [11] }), "create", activity)).toBe(false);
    expect(can(member, "update", activity)).toBe(false);
  });

  it("falls back to the cluster's coordinating agency when the activity has no programme", () => {
    const activity = {
      type: "activity",
      programmeAgencyId: null,
      clusterId: 10,
      clusterAgencyId: OSMEP,
      programmeClusterIds: [],
    } as const;
    expect(can(osmepOfficer, "update", activity)).toBe(true);
    expect(can(dipOfficer, "update", activity)).toBe(false);
  });

  it("keeps a coordinator out of another agency's programme unless it supports their cluster", () => {
    const foreign = {
      type: "activity",
      programmeAgencyId: OSMEP,
      clusterId: 10,
      clusterAgencyId: DIP,
      programmeClusterIds: [],
    } as const;
    expect(can(coffeeCoordinator, "create", foreign)).toBe(false);
    expect(can(coffeeCoordinator, "update", foreign)).toBe(false);
    expect(can(osmepOfficer, "create", foreign)).toBe(true);
    expect(can(coffeeCoordinator, "create", { ...foreign, programmeClusterIds: [10] })).toBe(true);
    expect(can(coffeeCoordinator, "create", { ...foreign, programmeClusterIds: [11] })).toBe(false);
  });
});

describe("policy: value-claim verification", () => {
  const claim = { type: "value_claim", agencyIds: [DIP], createdBy: 2 } as const; // recorded by dipOfficer

  it("lets another officer of an attributed programme's agency verify, never the one who recorded it", () => {
    expect(can(dipOfficer2, "verify", claim)).toBe(true);
    expect(can(dipOfficer, "verify", claim)).toBe(false);
    expect(can(osmepOfficer, "verify", claim)).toBe(false);
    expect(can(coffeeCoordinator, "verify", claim)).toBe(false);
    expect(can(publicActor, "verify", claim)).toBe(false);
  });

  it("holds admins to separation of duties too, and exempts the system", () => {
    expect(can(admin, "verify", claim)).toBe(true);
    expect(can(admin, "verify", { ...claim, createdBy: 1 })).toBe(false);
    expect(can(system, "verify", { ...claim, createdBy: null })).toBe(true);
  });
});
