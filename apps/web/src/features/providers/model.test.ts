import { describe, expect, it } from "vitest";
import { mayAddProviders, mayManage } from "./model";

describe("providers: who sees the forms", () => {
  it("shows them to admins and to officers of the provider's agency", () => {
    expect(mayManage({ role: "admin", agencyId: null }, 3)).toBe(true);
    expect(mayManage({ role: "agency_officer", agencyId: 3 }, 3)).toBe(true);
    expect(mayManage({ role: "agency_officer", agencyId: 4 }, 3)).toBe(false);
    expect(mayManage({ role: "agency_officer", agencyId: 3 }, null)).toBe(false);
    expect(mayManage({ role: "expert", agencyId: 3 }, 3)).toBe(false);
    expect(mayManage(null, 3)).toBe(false);
  });
  it("lets admins and officers with an agency add providers", () => {
    expect(mayAddProviders({ role: "admin", agencyId: null })).toBe(true);
    expect(mayAddProviders({ role: "agency_officer", agencyId: 2 })).toBe(true);
    expect(mayAddProviders({ role: "cluster_coordinator", agencyId: null })).toBe(false);
  });
});
