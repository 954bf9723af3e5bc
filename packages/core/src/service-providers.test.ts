import { describe, expect, it } from "vitest";
import {
  distinct,
  hasRoomForCase,
  isProviderKind,
  isValidCapacity,
  parentProblem,
  servesProvince,
} from "./service-providers.ts";

describe("provider kinds", () => {
  it("knows the kinds of the issue and nothing else", () => {
    expect(isProviderKind("itc_branch")).toBe(true);
    expect(isProviderKind("private_bds")).toBe(true);
    expect(isProviderKind("bank")).toBe(false);
  });
});

describe("parentProblem", () => {
  const centre = { id: 1, kind: "itc_centre" };
  it("needs an ITC centre above a branch", () => {
    expect(parentProblem("itc_branch", centre)).toBeNull();
    expect(parentProblem("itc_branch", null)).toBe("branch_needs_centre");
    expect(parentProblem("itc_branch", { id: 2, kind: "design_centre" })).toBe("branch_needs_centre");
  });
  it("lets only branches have a parent", () => {
    expect(parentProblem("design_centre", null)).toBeNull();
    expect(parentProblem("university", centre)).toBe("not_a_branch");
  });
  it("refuses a provider under itself", () => {
    expect(parentProblem("itc_branch", { id: 5, kind: "itc_centre" }, 5)).toBe("cycle");
    expect(parentProblem("itc_branch", centre, 5, [9, 5])).toBe("cycle");
  });
});

describe("expert capacity and room", () => {
  it("takes whole numbers from 1 to 50", () => {
    expect(isValidCapacity(1)).toBe(true);
    expect(isValidCapacity(50)).toBe(true);
    expect(isValidCapacity(0)).toBe(false);
    expect(isValidCapacity(51)).toBe(false);
    expect(isValidCapacity(2.5)).toBe(false);
  });
  it("has room while available and below capacity", () => {
    expect(hasRoomForCase({ available: true, capacity: 3 }, 2)).toBe(true);
    expect(hasRoomForCase({ available: true, capacity: 3 }, 3)).toBe(false);
    expect(hasRoomForCase({ available: false, capacity: 3 }, 0)).toBe(false);
  });
});

describe("servesProvince", () => {
  const chiangMai = { code: "50", regionCode: "N" };
  it("serves everywhere when no area is named", () => {
    expect(servesProvince([], chiangMai)).toBe(true);
  });
  it("serves a named province or any province of a named region", () => {
    expect(servesProvince([{ type: "province", code: "50" }], chiangMai)).toBe(true);
    expect(servesProvince([{ type: "region", code: "N" }], chiangMai)).toBe(true);
    expect(
      servesProvince(
        [
          { type: "province", code: "10" },
          { type: "region", code: "S" },
        ],
        chiangMai,
      ),
    ).toBe(false);
  });
});

describe("distinct", () => {
  it("keeps the first of each value in order", () => {
    expect(distinct(["finance", "logistics", "finance"])).toEqual(["finance", "logistics"]);
  });
});
