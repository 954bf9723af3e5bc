import type { Actor } from "@sainam/core";
import { describe, expect, it } from "vitest";
import { can, type ServiceRequestResource } from "./policy.ts";

const request: ServiceRequestResource = {
  type: "service_request",
  enterpriseId: 10,
  firmClusterIds: [3],
  providerAgencyId: 5,
  actorManagesProvider: false,
  expertUserId: 70,
  expertAccepted: false,
  consent: true,
};

function user(
  role: string,
  extra: Partial<{ id: number; agencyId: number; clusterIds: number[]; enterpriseId: number }> = {},
): Actor {
  return {
    kind: "user",
    id: extra.id ?? 1,
    role: role as never,
    agencyId: extra.agencyId ?? null,
    clusterIds: extra.clusterIds ?? [],
    enterpriseId: extra.enterpriseId ?? null,
  };
}

const firm = user("member", { id: 2, enterpriseId: 10 });
const otherFirm = user("member", { id: 3, enterpriseId: 11 });
const expert = user("expert", { id: 70 });
const otherExpert = user("expert", { id: 71 });
const providerOfficer = user("agency_officer", { id: 4, agencyId: 5 });
const otherOfficer = user("agency_officer", { id: 5, agencyId: 6 });
const coordinator = user("cluster_coordinator", { id: 6, clusterIds: [3] });
const otherCoordinator = user("cluster_coordinator", { id: 7, clusterIds: [4] });
const admin = user("admin", { id: 8 });

describe("#service request policy", () => {
  it.each([
    ["the firm", firm, true],
    ["another firm", otherFirm, false],
    ["the assigned expert", expert, true],
    ["another expert", otherExpert, false],
    ["an officer of the provider's agency", providerOfficer, true],
    ["an officer of another agency", otherOfficer, false],
    ["a coordinator of the firm's cluster", coordinator, true],
    ["a coordinator of another cluster", otherCoordinator, false],
    ["an admin", admin, true],
    ["the public", { kind: "public" } as Actor, false],
  ])("read: %s → %s", (_who, actor, allowed) => {
    expect(can(actor, "read", request)).toBe(allowed);
  });

  it("a provider's manager reads and reassigns the provider's requests; others of their role do not", () => {
    const manager = user("expert", { id: 90 });
    expect(can(manager, "read", request)).toBe(false);
    expect(can(manager, "read", { ...request, actorManagesProvider: true })).toBe(true);
    expect(can(manager, "assign", { ...request, actorManagesProvider: true })).toBe(true);
    expect(can(manager, "assign", request)).toBe(false);
  });

  it("only the assigned expert accepts or declines", () => {
    expect(can(expert, "respond", request)).toBe(true);
    for (const actor of [otherExpert, firm, providerOfficer, admin, coordinator])
      expect(can(actor, "respond", request)).toBe(false);
  });

  it("the expert works the case only once they accepted it", () => {
    expect(can(expert, "update", request)).toBe(false);
    expect(can(expert, "update", { ...request, expertAccepted: true })).toBe(true);
    expect(can(firm, "update", { ...request, expertAccepted: true })).toBe(false);
  });

  it("the firm's contacts stay masked until it consented and the expert accepted", () => {
    expect(can(expert, "read_personal", request)).toBe(false);
    expect(can(expert, "read_personal", { ...request, expertAccepted: true })).toBe(true);
    expect(can(expert, "read_personal", { ...request, expertAccepted: true, consent: false })).toBe(false);
    expect(can(providerOfficer, "read_personal", { ...request, consent: false, expertAccepted: true })).toBe(false);
    expect(can(firm, "read_personal", { ...request, consent: false })).toBe(true);
  });

  it("a firm files for itself, an officer for any firm, a coordinator for their clusters' members", () => {
    const fresh = { ...request, providerAgencyId: null, expertUserId: null };
    expect(can(firm, "create", fresh)).toBe(true);
    expect(can(otherFirm, "create", fresh)).toBe(false);
    expect(can(otherOfficer, "create", fresh)).toBe(true);
    expect(can(coordinator, "create", fresh)).toBe(true);
    expect(can(otherCoordinator, "create", fresh)).toBe(false);
    expect(can(otherExpert, "create", fresh)).toBe(false);
    expect(can(otherExpert, "create", { ...fresh, actorManagesProvider: true })).toBe(true);
  });

  it("lets whoever filed the request (an officer of another agency, a centre for a walk-in) follow it, no more", () => {
    const filed = { ...request, actorFiledIt: true };
    expect(can(otherOfficer, "read", filed)).toBe(true);
    expect(can(otherOfficer, "read", request)).toBe(false);
    expect(can(otherOfficer, "assign", filed)).toBe(false);
    expect(can(otherOfficer, "respond", filed)).toBe(false);
    expect(can(otherOfficer, "update", filed)).toBe(false);
    // Contacts only as for any reader: once the firm consented and the expert accepted.
    expect(can(otherOfficer, "read_personal", filed)).toBe(false);
    expect(can(otherOfficer, "read_personal", { ...filed, expertAccepted: true })).toBe(true);
  });
});
