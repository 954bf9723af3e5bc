import type { Actor, Role } from "@sainam/core";
import { describe, expect, it } from "vitest";
import { can, type ProductResource } from "./policy.ts";

// Who reads, edits and sees the buyers of a firm's products (issue 14, points 1 and 6).
const draft: ProductResource = { type: "product", enterpriseId: 10, firmClusterIds: [3], published: false };
const published: ProductResource = { ...draft, published: true };

function user(
  role: Role,
  extra: Partial<{ id: number; agencyId: number; clusterIds: number[]; enterpriseId: number }> = {},
): Actor {
  return {
    kind: "user",
    id: extra.id ?? 1,
    role,
    agencyId: extra.agencyId ?? null,
    clusterIds: extra.clusterIds ?? [],
    enterpriseId: extra.enterpriseId ?? null,
  };
}

const publicActor: Actor = { kind: "public" };
const firm = user("member", { id: 2, enterpriseId: 10 });
const otherFirm = user("member", { id: 3, enterpriseId: 11 });
const officer = user("agency_officer", { id: 4, agencyId: 5 });
const coordinator = user("cluster_coordinator", { id: 6, clusterIds: [3] });
const otherCoordinator = user("cluster_coordinator", { id: 7, clusterIds: [4] });
const expert = user("expert", { id: 8 });
const admin = user("admin", { id: 9 });

describe("#product policy", () => {
  it.each([
    ["the public", publicActor],
    ["another firm", otherFirm],
    ["an expert", expert],
    ["a coordinator of another cluster", otherCoordinator],
  ])("lets %s read a published product but not a draft", (_who, actor) => {
    expect(can(actor, "read", published)).toBe(true);
    expect(can(actor, "read", draft)).toBe(false);
    expect(can(actor, "update", published)).toBe(false);
  });

  it.each([
    ["the firm's member", firm],
    ["a coordinator of a cluster the firm is an approved member of", coordinator],
    ["an agency officer", officer],
    ["an admin", admin],
  ])("lets %s read drafts, create and edit", (_who, actor) => {
    expect(can(actor, "read", draft)).toBe(true);
    expect(can(actor, "create", draft)).toBe(true);
    expect(can(actor, "update", published)).toBe(true);
  });

  it("gives buyers' contacts to the firm, its coordinators and admins only", () => {
    expect(can(firm, "read_personal", published)).toBe(true);
    expect(can(coordinator, "read_personal", published)).toBe(true);
    expect(can(admin, "read_personal", published)).toBe(true);
    expect(can(officer, "read_personal", published)).toBe(false);
    expect(can(otherCoordinator, "read_personal", published)).toBe(false);
    expect(can(otherFirm, "read_personal", published)).toBe(false);
    expect(can(publicActor, "read_personal", published)).toBe(false);
  });

  it("gives a coordinator nothing through a pending membership (not in firmClusterIds)", () => {
    const pendingOnly: ProductResource = { ...draft, firmClusterIds: [] };
    expect(can(coordinator, "update", pendingOnly)).toBe(false);
    expect(can(coordinator, "read_personal", pendingOnly)).toBe(false);
  });

  it("grants no other action", () => {
    expect(can(admin, "approve", published)).toBe(false);
    expect(can(firm, "verify", published)).toBe(false);
  });
});
