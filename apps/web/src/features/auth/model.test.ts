import { sessionSchema } from "@sainam/contract";
import { describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import { safeRedirect } from "./model";

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

describe("the session answer", () => {
  const user = {
    id: 4,
    email: "a@b.org",
    displayName: "A",
    role: "admin",
    agencyId: 2,
    clusterIds: [],
    enterpriseId: null,
    expertId: null,
    providerId: null,
    expertFields: [],
    locale: "th",
    active: true,
    mustChangePassword: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    lastLoginAt: null,
  };

  it("keeps the contract's numeric ids", () => {
    expect(parseAnswer(sessionSchema, { user, csrfToken: "t" }).user).toMatchObject({
      id: 4,
      agencyId: 2,
      active: true,
    });
  });

  it("refuses a user the contract does not describe instead of defaulting its fields", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { clusterIds: _omitted, ...withoutClusters } = user;
    expect(() => parseAnswer(sessionSchema, { user: { ...user, active: 1 }, csrfToken: "t" })).toThrow(
      /at user\.active/,
    );
    expect(() => parseAnswer(sessionSchema, { user: withoutClusters, csrfToken: "t" })).toThrow(/at user\.clusterIds/);
    vi.restoreAllMocks();
  });
});
