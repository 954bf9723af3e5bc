import type { Actor } from "@sainam/core";
import { describe, expect, it } from "vitest";
import { can, type DealResource, type MeetingResource, type TradeEventResource } from "./policy.ts";

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

const publicActor = { kind: "public" } as Actor;
const admin = user("admin", { id: 1 });
const organiser = user("agency_officer", { id: 2, agencyId: 5 });
const otherOfficer = user("agency_officer", { id: 3, agencyId: 6 });
const creator = user("cluster_coordinator", { id: 4, clusterIds: [9] });
const coordinator = user("cluster_coordinator", { id: 5, clusterIds: [3] });
const otherCoordinator = user("cluster_coordinator", { id: 6, clusterIds: [4] });
const seller = user("member", { id: 7, enterpriseId: 10 });
const buyerFirm = user("member", { id: 8, enterpriseId: 11 });
const otherFirm = user("member", { id: 9, enterpriseId: 12 });
const expert = user("expert", { id: 10 });

describe("#trade event policy", () => {
  const draft: TradeEventResource = { type: "trade_event", organiserAgencyId: 5, createdBy: 4, published: false };
  const published: TradeEventResource = { ...draft, published: true };

  it.each([
    ["the public", publicActor, false, true],
    ["an admin", admin, true, true],
    ["an officer of the organiser agency", organiser, true, true],
    ["an officer of another agency", otherOfficer, true, true],
    ["the coordinator who created it", creator, true, true],
    ["another coordinator", coordinator, false, true],
    ["a member firm", seller, false, true],
    ["an expert", expert, false, true],
  ])("%s reads a draft: %s, a published event: %s", (_who, actor, draftRead, publishedRead) => {
    expect(can(actor, "read", draft)).toBe(draftRead);
    expect(can(actor, "read", published)).toBe(publishedRead);
  });

  it("lets a participating firm read the unpublished event it takes part in", () => {
    expect(can(seller, "read", { ...draft, actorParticipates: true })).toBe(true);
    expect(can(seller, "update", { ...draft, actorParticipates: true })).toBe(false);
  });

  it.each([
    ["an admin", admin, true],
    ["an officer of the organiser agency", organiser, true],
    ["an officer of another agency", otherOfficer, false],
    ["the coordinator who created it", creator, true],
    ["another coordinator", coordinator, false],
    ["a member firm", seller, false],
    ["the public", publicActor, false],
  ])("%s keeps it (edit, records, contacts): %s", (_who, actor, keeps) => {
    for (const action of ["update", "read_records", "read_personal"] as const) {
      expect(can(actor, action, published)).toBe(keeps);
    }
  });

  it.each([
    ["an admin", admin, true],
    ["an officer", otherOfficer, true],
    ["a coordinator", coordinator, true],
    ["a member firm", seller, false],
    ["an expert", expert, false],
    ["the public", publicActor, false],
  ])("%s creates an event: %s", (_who, actor, creates) => {
    expect(
      can(actor, "create", { type: "trade_event", organiserAgencyId: null, createdBy: null, published: false }),
    ).toBe(creates);
  });

  it("grants nothing it does not name", () => {
    expect(can(admin, "approve", published)).toBe(false);
    expect(can(organiser, "verify", published)).toBe(false);
  });

  it("leaves an event with no organiser agency and no creator to admins", () => {
    const orphan: TradeEventResource = {
      type: "trade_event",
      organiserAgencyId: null,
      createdBy: null,
      published: true,
    };
    expect(can(admin, "update", orphan)).toBe(true);
    expect(can(organiser, "update", orphan)).toBe(false);
    expect(can(otherOfficer, "update", orphan)).toBe(false);
  });
});

describe("#meeting policy", () => {
  const requested: MeetingResource = {
    type: "meeting",
    eventKeeper: false,
    requesterEnterpriseId: 10,
    targetEnterpriseId: 11,
    accepted: false,
  };
  const accepted: MeetingResource = { ...requested, accepted: true };

  it.each([
    ["the requesting firm", seller, { read: true, create: true, respond: false, update: true }],
    ["the asked firm", buyerFirm, { read: true, create: false, respond: true, update: true }],
    ["another firm", otherFirm, { read: false, create: false, respond: false, update: false }],
    ["a coordinator", coordinator, { read: false, create: false, respond: false, update: false }],
    ["an officer of another agency", otherOfficer, { read: false, create: false, respond: false, update: false }],
    ["the public", publicActor, { read: false, create: false, respond: false, update: false }],
    ["an admin", admin, { read: true, create: true, respond: true, update: true }],
  ])("%s: %o", (_who, actor, expected) => {
    for (const [action, allowed] of Object.entries(expected)) {
      expect(can(actor, action as "read", requested), action).toBe(allowed);
    }
  });

  it("lets the event's keepers act for either side", () => {
    const kept = { ...requested, eventKeeper: true };
    for (const action of ["read", "create", "respond", "update", "read_personal"] as const) {
      expect(can(organiser, action, kept)).toBe(true);
    }
  });

  it("reveals contacts to the two sides only once the meeting is accepted", () => {
    expect(can(seller, "read_personal", requested)).toBe(false);
    expect(can(buyerFirm, "read_personal", requested)).toBe(false);
    expect(can(seller, "read_personal", accepted)).toBe(true);
    expect(can(buyerFirm, "read_personal", accepted)).toBe(true);
    expect(can(otherFirm, "read_personal", accepted)).toBe(false);
    expect(can(coordinator, "read_personal", accepted)).toBe(false);
  });

  it("lets a buyer's side (no firm) be answered only by the keepers", () => {
    const toBuyer: MeetingResource = { ...requested, targetEnterpriseId: null };
    expect(can(seller, "respond", toBuyer)).toBe(false);
    expect(can(otherFirm, "respond", toBuyer)).toBe(false);
    expect(can(organiser, "respond", { ...toBuyer, eventKeeper: true })).toBe(true);
  });
});

describe("#deal policy", () => {
  const deal: DealResource = {
    type: "deal",
    enterpriseId: 10,
    firmClusterIds: [3],
    eventKeeper: false,
    programmeAgencyId: 5,
  };

  it.each([
    ["the selling firm", seller, true],
    ["the buying firm", buyerFirm, false],
    ["another firm", otherFirm, false],
    ["a coordinator of the firm's cluster", coordinator, true],
    ["a coordinator of another cluster", otherCoordinator, false],
    ["an officer of the funding programme's agency", organiser, true],
    ["an officer of another agency", otherOfficer, false],
    ["an expert", expert, false],
    ["an admin", admin, true],
    ["the public", publicActor, false],
  ])("%s reads and updates it: %s", (_who, actor, keeps) => {
    expect(can(actor, "read", deal)).toBe(keeps);
    expect(can(actor, "update", deal)).toBe(keeps);
    expect(can(actor, "create", deal)).toBe(keeps);
  });

  it("lets the event's keepers follow the deal", () => {
    expect(can(otherOfficer, "update", { ...deal, eventKeeper: true })).toBe(true);
  });

  it("lists deals for signed-in users only (each then filtered)", () => {
    expect(can(otherFirm, "list", deal)).toBe(true);
    expect(can(publicActor, "list", deal)).toBe(false);
  });

  it("never lets a deal's keeper verify", () => {
    expect(can(admin, "verify", deal)).toBe(false);
  });
});
