import { describe, expect, it } from "vitest";
import { canMoveTo, isFinalStatus, requestCode, requestStatuses } from "./service-requests.ts";

describe("#service requests", () => {
  it("closed and withdrawn requests move nowhere", () => {
    for (const to of requestStatuses) {
      expect(canMoveTo("closed", to)).toBe(false);
      expect(canMoveTo("withdrawn", to)).toBe(false);
    }
    expect(isFinalStatus("closed")).toBe(true);
    expect(isFinalStatus("accepted")).toBe(false);
  });

  it.each([
    ["unassigned", "assigned", true],
    ["unassigned", "closed", false],
    ["assigned", "accepted", true],
    ["assigned", "unassigned", true],
    ["assigned", "closed", false],
    ["accepted", "closed", true],
    ["accepted", "assigned", true],
    ["accepted", "unassigned", false],
  ] as const)("%s → %s: %s", (from, to, allowed) => {
    expect(canMoveTo(from, to)).toBe(allowed);
  });

  it("codes carry the B.E. fiscal year and a six-digit sequence", () => {
    expect(requestCode(2570, 123)).toBe("SR2570-000123");
    expect(requestCode(2570, 1234567)).toBe("SR2570-1234567");
  });
});
