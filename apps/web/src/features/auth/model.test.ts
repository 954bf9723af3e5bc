import { describe, expect, it } from "vitest";
import { safeRedirect, userDecoder } from "./model";

describe("safeRedirect", () => {
  it("follows a same-site path", () => {
    expect(safeRedirect("/plans/1?node=3")).toBe("/plans/1?node=3");
  });

  it("refuses other sites and odd values", () => {
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect("/login")).toBe("/");
  });
});

describe("userDecoder", () => {
  it("accepts SQLite-style 0/1 booleans and numeric ids", () => {
    const user = userDecoder({ id: 4, email: "a@b.org", displayName: "A", role: "admin", agencyId: 2, active: 1 });
    expect(user).toMatchObject({ id: "4", agencyId: "2", active: true, clusterIds: [], locale: "th" });
  });
});
