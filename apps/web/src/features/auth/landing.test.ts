import { describe, expect, it } from "vitest";
import { landingAfterSignIn } from "./model";

describe("landingAfterSignIn", () => {
  it("takes a member to their business and an expert to their work when no page was asked for", () => {
    expect(landingAfterSignIn({ role: "member" }, "/")).toBe("/my-business");
    expect(landingAfterSignIn({ role: "expert" }, "/")).toBe("/my-work");
    expect(landingAfterSignIn({ role: "agency_officer" }, "/")).toBe("/");
  });

  it("follows the page the user came for", () => {
    expect(landingAfterSignIn({ role: "member" }, "/clusters/3")).toBe("/clusters/3");
  });
});
