import { describe, expect, it } from "vitest";
import { formatBaht, formatRatio, programmeFiguresDecoder } from "./model";

describe("formatBaht", () => {
  it("writes DIP's FY2021 budget with grouping and the baht sign in Thai and English", () => {
    expect(formatBaht(19_000_000, "th")).toBe("฿19,000,000");
    expect(formatBaht(19_000_000, "en")).toMatch(/^(THB|฿)\s?19,000,000$/);
  });
});

describe("formatRatio", () => {
  it("rounds budget per firm to whole baht and value per baht to two decimals", () => {
    expect(formatRatio({ value: 19_000_000 / 680, reason: null }, "th", "baht")).toBe("฿27,941");
    expect(formatRatio({ value: 1_200_000_000 / 19_000_000, reason: null }, "en", "number")).toBe("63.16");
  });

  it("gives null when the ratio has no value (no firms, no budget)", () => {
    expect(formatRatio({ value: null, reason: "no_firms" }, "th", "baht")).toBeNull();
  });
});

describe("programmeFiguresDecoder", () => {
  it("refuses an answer whose ratio reason is not one the page can explain", () => {
    const ratio = { value: null, reason: "divided_by_zero" };
    const recorded = { clusters: 0, firms: 0, anonymousParticipants: 0, activities: 0, budgetAllocated: 0, budgetSpent: 0, overspentLines: 0, value: { verified: 0, claimed: 0, claimsVerified: 0, claimsClaimed: 0 }, budgetPerFirm: ratio, valuePerBaht: ratio, valuePerBahtIncludingClaimed: ratio };
    expect(() => programmeFiguresDecoder({ programmeId: 1, years: [{ fiscalYear: 2021, recorded, reported: null }] })).toThrow(/budgetPerFirm.reason/);
  });
});
