import { describe, expect, it } from "vitest";
import { withFilters } from "./useUrlFilters";

describe("withFilters", () => {
  const params = new URLSearchParams("fy=2027&province=10&page=3");

  it("sets a filter and keeps the others", () => {
    expect(withFilters(params, { market: "JP" }).toString()).toBe("fy=2027&province=10&page=3&market=JP");
  });

  it("removes a filter set to empty or null", () => {
    expect(withFilters(params, { province: "" }).toString()).toBe("fy=2027&page=3");
    expect(withFilters(params, { fy: null, province: null }).toString()).toBe("page=3");
  });

  it("clears the reset parameters on a filter change, but not when the change sets them", () => {
    expect(withFilters(params, { kind: "trade_fair" }, ["page"]).toString()).toBe(
      "fy=2027&province=10&kind=trade_fair",
    );
    expect(withFilters(params, { page: "4" }, ["page"]).toString()).toBe("fy=2027&province=10&page=4");
  });

  it("leaves the given parameters as they were", () => {
    withFilters(params, { fy: "2026" }, ["page"]);
    expect(params.toString()).toBe("fy=2027&province=10&page=3");
  });
});
