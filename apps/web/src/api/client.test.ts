import { describe, expect, it } from "vitest";
import { readCookie, toApiId, withQuery } from "./client";

describe("readCookie", () => {
  it("finds the CSRF cookie among others", () => {
    expect(readCookie("sainam_csrf", "a=1; sainam_csrf=abc%3D; b=2")).toBe("abc=");
    expect(readCookie("sainam_csrf", "a=1")).toBeNull();
  });
});

describe("withQuery", () => {
  it("leaves out empty parameters", () => {
    expect(withQuery("/api/users", { page: 2, q: "", pageSize: 20 })).toBe("/api/users?page=2&pageSize=20");
    expect(withQuery("/api/provinces", { region: null })).toBe("/api/provinces");
  });
});

describe("toApiId", () => {
  it("sends numeric ids back as numbers", () => {
    expect(toApiId("12")).toBe(12);
    expect(toApiId("ab-1")).toBe("ab-1");
  });
});
