import type {
  activityDetailSchema,
  activitySchema,
  budgetSchema,
  claimSchema,
  createClaimResponse,
  outcomeSchema,
  programmeDetailSchema,
  programmeFiguresSchema,
  programmeSchema,
  recordedFiguresSchema,
  reportedFigureSchema,
  scopeFiguresSchema,
  supportedClusterSchema,
  supportedEnterpriseSchema,
} from "@sainam/contract";
import { activityKinds, claimMethods, outcomeKinds, verifications } from "@sainam/contract/choices";
import { currentFiscalYear } from "@sainam/core";

export { overspendOf } from "@sainam/core";
import type { z } from "zod";
import { formatNumber, type Locale } from "../../lib/format";

export {
  activityKinds as ACTIVITY_KINDS,
  claimMethods as CLAIM_METHODS,
  outcomeKinds as OUTCOME_KINDS,
} from "@sainam/contract";
export type ActivityKind = (typeof activityKinds)[number];
export type OutcomeKind = (typeof outcomeKinds)[number];
export type ClaimMethod = (typeof claimMethods)[number];
export type Verification = (typeof verifications)[number];

export function isActivityKind(value: string): value is ActivityKind {
  return activityKinds.some((k) => k === value);
}
export function isOutcomeKind(value: string): value is OutcomeKind {
  return outcomeKinds.some((k) => k === value);
}
export function isClaimMethod(value: string): value is ClaimMethod {
  return claimMethods.some((m) => m === value);
}
export function isVerification(value: string): value is Verification {
  return verifications.some((v) => v === value);
}

// The programmes' answers, typed by the contract's schemas (the queries check each answer against them).
export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;
export type ReportedFigures = z.infer<typeof reportedFigureSchema>;
export type Ratio = ReportedFigures["budgetPerFirm"];
export type RecordedFigures = z.infer<typeof recordedFiguresSchema>;
export type ProgrammeFigures = z.infer<typeof programmeFiguresSchema>;
export type ScopeFigures = z.infer<typeof scopeFiguresSchema>;
export type BudgetLine = z.infer<typeof budgetSchema>;
export type SupportedCluster = z.infer<typeof supportedClusterSchema>;
export type SupportedEnterprise = z.infer<typeof supportedEnterpriseSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Claim = z.infer<typeof claimSchema>;
/** "created": a new claim; "linked": an identical claim existed and now counts for these programmes too. */
export type CreateClaimResult = z.infer<typeof createClaimResponse>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

/** Amounts and counts typed into the programme forms, read by core's one rule ("1,200,000", "๑๒", "฿500"). */
export { parseAmountText as parseAmount, parseCountText as parseCount } from "@sainam/core";

/** The Thai fiscal year (C.E.) of an instant, by Bangkok's calendar whatever the browser's time zone (core's rule). */
export { currentFiscalYear } from "@sainam/core";

/**
 * The fiscal years a programme's records may be entered for: its first to its last year, or, while it has no
 * last year, to the year after the current one (budgets are planned a year ahead).
 */
export function programmeYears(firstFiscalYear: number, lastFiscalYear: number | null, today: Date): number[] {
  const last = lastFiscalYear ?? Math.max(firstFiscalYear, currentFiscalYear(today) + 1);
  const years: number[] = [];
  for (let year = firstFiscalYear; year <= last; year++) years.push(year);
  return years;
}

/** Fiscal years offered when creating a programme: ten years back to five ahead of the current one. */
export function fiscalYearOptions(today: Date): number[] {
  const current = currentFiscalYear(today);
  const years: number[] = [];
  for (let year = current - 10; year <= current + 5; year++) years.push(year);
  return years;
}

/** Baht with grouping and the baht sign, whole baht: "฿19,000,000". */
export function formatBaht(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-GB", {
    style: "currency",
    currency: "THB",
    maximumFractionDigits: 0,
  }).format(value);
}

/** A ratio for display, with two decimals; null when there is nothing to divide by. */
export function formatRatio(ratio: Ratio, locale: Locale, kind: "baht" | "number"): string | null {
  if (ratio.value === null) return null;
  return kind === "baht"
    ? formatBaht(ratio.value, locale)
    : formatNumber(ratio.value, locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
}
