import { createClaimResponse, programmeFiguresSchema } from "@sainam/contract";
import { describe, expect, it, vi } from "vitest";
import { parseAnswer } from "../../api/client";
import {
  fiscalYearOptions,
  formatBaht,
  formatRatio,
  overspendOf,
  parseAmount,
  parseCount,
  programmeYears,
} from "./model";

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

describe("the programme figures answer", () => {
  const recordedWith = (ratio: unknown) => ({
    clusters: 0,
    firms: 0,
    anonymousParticipants: 0,
    activities: 0,
    budgetAllocated: 0,
    budgetSpent: 0,
    overspentLines: 0,
    value: { verified: 0, claimed: 0, claimsVerified: 0, claimsClaimed: 0 },
    budgetPerFirm: ratio,
    valuePerBaht: ratio,
    valuePerBahtIncludingClaimed: ratio,
    outcomes: [],
  });

  it("refuses an answer whose ratio reason is not one the page can explain", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const recorded = recordedWith({ value: null, reason: "divided_by_zero" });
    expect(() =>
      parseAnswer(programmeFiguresSchema, { programmeId: 1, years: [{ fiscalYear: 2021, recorded, reported: null }] }),
    ).toThrow(/years\.0\.recorded\.budgetPerFirm\.reason/);
    vi.restoreAllMocks();
  });

  it("fails loudly when the outcomes are missing instead of showing none", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { outcomes: _omitted, ...recorded } = recordedWith({ value: null, reason: "no_firms" });
    expect(() =>
      parseAnswer(programmeFiguresSchema, { programmeId: 1, years: [{ fiscalYear: 2021, recorded, reported: null }] }),
    ).toThrow(expect.objectContaining({ code: "bad_response" }));
    vi.restoreAllMocks();
  });
});

describe("parseAmount", () => {
  it("reads grouped baht amounts typed by a person, with or without the baht sign", () => {
    expect(parseAmount("1,500,000")).toBe(1_500_000);
    expect(parseAmount(" ฿19,000,000.50 ")).toBe(19_000_000.5);
    expect(parseAmount("0")).toBe(0);
  });

  it("gives null for empty text and 'invalid' for negatives or words, so the form can say which", () => {
    expect(parseAmount("   ")).toBeNull();
    expect(parseAmount("-5")).toBe("invalid");
    expect(parseAmount("สิบล้าน")).toBe("invalid");
    expect(parseAmount("1.2.3")).toBe("invalid");
  });
});

describe("parseCount", () => {
  it("accepts whole numbers only", () => {
    expect(parseCount("680")).toBe(680);
    expect(parseCount("2.5")).toBe("invalid");
    expect(parseCount("")).toBeNull();
  });
});

describe("programmeYears", () => {
  it("lists the programme's fiscal years from first to last", () => {
    expect(programmeYears(2021, 2023, new Date(2030, 0, 1))).toEqual([2021, 2022, 2023]);
  });

  it("runs a programme without a last year to the year after the current fiscal year, which turns on 1 October", () => {
    expect(programmeYears(2024, null, new Date(2024, 8, 30))).toEqual([2024, 2025]);
    expect(programmeYears(2024, null, new Date(2024, 9, 1))).toEqual([2024, 2025, 2026]);
  });

  it("still offers the first year of a programme that starts in the future", () => {
    expect(programmeYears(2030, null, new Date(2024, 0, 1))).toEqual([2030]);
  });
});

describe("fiscalYearOptions", () => {
  it("offers ten years back and five ahead of the current fiscal year", () => {
    const years = fiscalYearOptions(new Date(2025, 10, 15));
    expect(years[0]).toBe(2016);
    expect(years.at(-1)).toBe(2031);
    expect(years).toHaveLength(16);
  });
});

describe("overspendOf", () => {
  it("gives how much a line spent beyond its allocation, and null when within it or unknown", () => {
    expect(overspendOf({ allocated: 1_000_000, spent: 1_250_000 })).toBe(250_000);
    expect(overspendOf({ allocated: 1_000_000, spent: 1_000_000 })).toBeNull();
    expect(overspendOf({ allocated: 1_000_000, spent: null })).toBeNull();
  });
});

describe("the create-claim answer", () => {
  const claim = {
    id: 7,
    programmeIds: [1, 2],
    enterpriseId: 3,
    clusterId: null,
    activityId: null,
    fiscalYear: 2021,
    amount: 500_000,
    method: "sales_increase",
    methodNote: null,
    evidenceUrl: null,
    evidenceNote: "invoice",
    verification: "claimed",
    verifiedBy: null,
    verifiedAt: null,
    createdBy: 1,
    isExample: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    canVerify: false,
  };

  it("reads the server's 'linked' answer for a claim identical to an existing one", () => {
    const result = parseAnswer(createClaimResponse, {
      claim,
      outcome: "linked",
      message: "An identical claim (7: …) was already recorded",
    });
    expect(result.outcome).toBe("linked");
    expect(result.claim.programmeIds).toEqual([1, 2]);
  });

  it("refuses a claim without the fields the contract requires (once defaulted to null)", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { clusterId: _omitted, ...partial } = claim;
    expect(() => parseAnswer(createClaimResponse, { claim: partial, outcome: "created", message: "" })).toThrow(
      /at claim\.clusterId/,
    );
    vi.restoreAllMocks();
  });
});
