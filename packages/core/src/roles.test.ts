import { describe, it, expect } from "vitest";
import type { Actor } from "./roles.ts";
import { isRole, publicActor, roles, systemActor } from "./roles.ts";

describe("roles", () => {
  it("lists the five signed-in roles of the design", () => {
    expect(roles).toEqual(["admin", "agency_officer", "cluster_coordinator", "member", "expert"]);
  });

  it("recognises each role name", () => {
    for (const role of roles) expect(isRole(role)).toBe(true);
  });

  it("does not treat public or an unknown string as a role", () => {
    expect(isRole("public")).toBe(false);
    expect(isRole("Admin")).toBe(false);
    expect(isRole("")).toBe(false);
  });

  it("gives the anonymous visitor the public actor", () => {
    expect(publicActor).toEqual({ kind: "public" });
  });

  it("gives the CLI and maintenance jobs the system actor, which is not a user", () => {
    expect(systemActor).toEqual({ kind: "system" });
    expect(isRole("system")).toBe(false);
  });

  it("describes a scoped user as plain JSON", () => {
    const coordinator = {
      kind: "user",
      id: 7,
      role: "cluster_coordinator",
      agencyId: null,
      clusterIds: [3, 4],
      enterpriseId: null,
    } satisfies Actor;
    expect(JSON.parse(JSON.stringify(coordinator))).toEqual(coordinator);
  });
});
