import { roles, type Role } from "@sainam/core";
import { describe, expect, it } from "vitest";
import { isNavGroup, navEntries, type NavKey } from "./site-nav-links";

/** Every link key a role's navigation shows, in or out of menus. */
function linkKeys(role: Role | null): NavKey[] {
  return navEntries(role).flatMap((entry) => (isNavGroup(entry) ? entry.links.map((l) => l.key) : [entry.key]));
}

describe("navEntries", () => {
  it("shows my deals and my meetings to a member firm only, and staff the deals they follow", () => {
    expect(linkKeys("member")).toEqual(expect.arrayContaining(["nav.deals", "nav.myMeetings", "nav.myBusiness"]));
    for (const role of ["admin", "agency_officer", "cluster_coordinator"] as const) {
      expect(linkKeys(role), role).not.toContain("nav.deals");
      expect(linkKeys(role), role).not.toContain("nav.myMeetings");
      expect(linkKeys(role), role).toContain("nav.dealsFollowed");
    }
    for (const role of ["expert", null] as const) {
      expect(linkKeys(role), String(role)).not.toContain("nav.deals");
      expect(linkKeys(role), String(role)).not.toContain("nav.dealsFollowed");
    }
  });

  it("keeps the staff's tools from members, experts and visitors, and the admin's from other staff", () => {
    for (const role of ["member", "expert", null] as const)
      for (const key of ["nav.import", "nav.importHistory", "nav.values", "nav.providers", "nav.users"] as const)
        expect(linkKeys(role), `${String(role)} ${key}`).not.toContain(key);
    for (const role of ["agency_officer", "cluster_coordinator"] as const) {
      expect(linkKeys(role)).toContain("nav.import");
      expect(linkKeys(role)).not.toContain("nav.users");
    }
    expect(linkKeys("admin")).toEqual(
      expect.arrayContaining(["nav.users", "nav.audit", "nav.holidays", "nav.failedMail"]),
    );
    expect(linkKeys(null)).not.toContain("nav.requests");
    expect(linkKeys("expert")).toEqual(expect.arrayContaining(["nav.myWork", "nav.requests"]));
  });

  it("puts the market's pages in one menu and keeps every role's top row to at most eight entries", () => {
    const market = navEntries("member").find((e) => isNavGroup(e) && e.key === "nav.groups.market");
    expect(market && isNavGroup(market) ? market.links.map((l) => l.to) : []).toEqual([
      "/catalogue",
      "/events",
      "/my-meetings",
      "/deals",
      "/market/figures",
    ]);
    for (const role of [...roles, null]) expect(navEntries(role).length, String(role)).toBeLessThanOrEqual(8);
  });

  it("lists each page once per role", () => {
    for (const role of [...roles, null]) {
      const keys = linkKeys(role);
      expect(new Set(keys).size, String(role)).toBe(keys.length);
    }
  });
});
