import { fiscalYearOf } from "@sainam/core";
import { arrayOf, bool, id, literal, nullable, num, object, str, withDefault, type Decoded } from "../../api/decode";
import { formatNumber, type Locale } from "../../lib/format";

export const ACTIVITY_KINDS = ["training", "consulting", "study_visit", "product_development", "trade_fair", "business_matching", "marketing"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export function isActivityKind(value: string): value is ActivityKind {
  return ACTIVITY_KINDS.some((k) => k === value);
}

export const OUTCOME_KINDS = ["sales", "deals", "new_products", "certifications", "investment", "cost_reduction", "jobs"] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const programmeDecoder = object({
  id,
  code: str,
  agencyId: id,
  nameEn: str,
  nameTh: nullable(str),
  descriptionEn: nullable(str),
  descriptionTh: nullable(str),
  firstFiscalYear: num,
  lastFiscalYear: nullable(num),
  published: bool,
  isExample: withDefault(bool, false),
});
export type Programme = Decoded<typeof programmeDecoder>;

export const programmePageDecoder = object({
  items: arrayOf(programmeDecoder),
  total: num,
  page: num,
  pageSize: num,
  /** The server's answer: may the caller create a programme at all. */
  can: withDefault(object({ create: bool }), { create: false }),
});

export const programmeDetailDecoder = object({
  id,
  code: str,
  agencyId: id,
  nameEn: str,
  nameTh: nullable(str),
  descriptionEn: nullable(str),
  descriptionTh: nullable(str),
  firstFiscalYear: num,
  lastFiscalYear: nullable(num),
  published: bool,
  isExample: withDefault(bool, false),
  fiscalYears: withDefault(arrayOf(num), []),
  can: withDefault(object({ edit: bool, readRecords: bool }), { edit: false, readRecords: false }),
});
export type ProgrammeDetail = Decoded<typeof programmeDetailDecoder>;

export const ratioDecoder = object({ value: nullable(num), reason: nullable(literal("no_firms", "no_budget")) });
export type Ratio = Decoded<typeof ratioDecoder>;

export const reportedDecoder = object({
  fiscalYear: num,
  clusters: nullable(num),
  firms: nullable(num),
  budget: nullable(num),
  budgetKind: nullable(str),
  value: nullable(num),
  valueKind: nullable(str),
  source: str,
  note: nullable(str),
  budgetPerFirm: ratioDecoder,
  valuePerBaht: ratioDecoder,
});
export type ReportedFigures = Decoded<typeof reportedDecoder>;

export const recordedDecoder = object({
  clusters: num,
  firms: num,
  anonymousParticipants: num,
  activities: num,
  budgetAllocated: num,
  budgetSpent: num,
  overspentLines: num,
  value: object({ verified: num, claimed: num, claimsVerified: num, claimsClaimed: num }),
  budgetPerFirm: ratioDecoder,
  valuePerBaht: ratioDecoder,
  valuePerBahtIncludingClaimed: ratioDecoder,
  outcomes: withDefault(arrayOf(object({ kind: str, amount: num, count: num })), []),
});
export type RecordedFigures = Decoded<typeof recordedDecoder>;

export const programmeFiguresDecoder = object({
  programmeId: id,
  years: arrayOf(object({ fiscalYear: num, recorded: recordedDecoder, reported: nullable(reportedDecoder) })),
});
export type ProgrammeFigures = Decoded<typeof programmeFiguresDecoder>;

export const scopeFiguresDecoder = object({
  agencyId: nullable(id),
  fiscalYear: nullable(num),
  programmes: num,
  recorded: recordedDecoder,
  reported: arrayOf(object({ programmeId: id, fiscalYear: num, clusters: nullable(num), firms: nullable(num), budget: nullable(num), budgetKind: nullable(str), value: nullable(num), valueKind: nullable(str), source: str })),
});
export type ScopeFigures = Decoded<typeof scopeFiguresDecoder>;

export const budgetDecoder = object({
  id,
  clusterId: nullable(id),
  clusterCode: withDefault(nullable(str), null),
  clusterNameTh: nullable(str),
  clusterNameEn: nullable(str),
  fiscalYear: num,
  allocated: num,
  spent: nullable(num),
  overspent: bool,
  note: nullable(str),
});
export type BudgetLine = Decoded<typeof budgetDecoder>;

export const supportedClusterDecoder = object({ clusterId: id, fiscalYear: num, code: str, nameTh: nullable(str), nameEn: nullable(str) });
export type SupportedCluster = Decoded<typeof supportedClusterDecoder>;

export const supportedEnterpriseDecoder = object({ enterpriseId: id, fiscalYear: num, clusterId: withDefault(nullable(id), null), juristicId: nullable(str), nameTh: nullable(str), nameEn: nullable(str) });
export const supportedEnterprisePageDecoder = object({ items: arrayOf(supportedEnterpriseDecoder), total: num, page: num, pageSize: num });

export const activityDecoder = object({
  id,
  programmeId: nullable(id),
  clusterId: nullable(id),
  kind: str,
  titleEn: str,
  titleTh: nullable(str),
  startsOn: str,
  endsOn: nullable(str),
  fiscalYear: num,
  budget: nullable(num),
  spent: nullable(num),
  participantCount: nullable(num),
  participants: num,
});
export type Activity = Decoded<typeof activityDecoder>;
export const activityPageDecoder = object({ items: arrayOf(activityDecoder), total: num, page: num, pageSize: num });

export const claimDecoder = object({
  id,
  programmeIds: arrayOf(id),
  enterpriseId: nullable(id),
  clusterId: withDefault(nullable(id), null),
  activityId: withDefault(nullable(id), null),
  fiscalYear: num,
  amount: num,
  method: str,
  methodNote: withDefault(nullable(str), null),
  evidenceUrl: nullable(str),
  evidenceNote: nullable(str),
  verification: literal("claimed", "verified", "rejected"),
  canVerify: withDefault(bool, false),
});
export type Claim = Decoded<typeof claimDecoder>;
export const claimPageDecoder = object({ items: arrayOf(claimDecoder), total: num, page: num, pageSize: num });

/** "created": a new claim; "linked": an identical claim existed and now counts for these programmes too. */
export const createClaimResultDecoder = object({ claim: claimDecoder, outcome: literal("created", "linked"), message: str });
export type CreateClaimResult = Decoded<typeof createClaimResultDecoder>;

export const CLAIM_METHODS = ["sales_increase", "cost_reduction", "new_investment", "productivity", "jobs", "other"] as const;
export type ClaimMethod = (typeof CLAIM_METHODS)[number];
export function isClaimMethod(value: string): value is ClaimMethod {
  return CLAIM_METHODS.some((m) => m === value);
}

export function isOutcomeKind(value: string): value is OutcomeKind {
  return OUTCOME_KINDS.some((k) => k === value);
}

export const outcomeDecoder = object({ id, enterpriseId: nullable(id), kind: str, amount: nullable(num), count: nullable(num), note: nullable(str) });
export type Outcome = Decoded<typeof outcomeDecoder>;

export const activityDetailDecoder = object({
  id,
  kind: str,
  titleEn: str,
  titleTh: nullable(str),
  fiscalYear: num,
  participantList: nullable(arrayOf(object({ enterpriseId: id, juristicId: nullable(str), nameTh: nullable(str), nameEn: nullable(str) }))),
  outcomes: arrayOf(outcomeDecoder),
  can: withDefault(object({ edit: bool }), { edit: false }),
});
export type ActivityDetail = Decoded<typeof activityDetailDecoder>;

export const reportedListDecoder = object({ items: arrayOf(reportedDecoder) });

/**
 * Reads an amount typed by a person: grouping commas and spaces are ignored. Empty text is `null` (no value);
 * text that is not a number, or is negative, is `"invalid"`, so the form can say so before asking the server.
 */
export function parseAmount(text: string): number | null | "invalid" {
  const cleaned = text.replace(/[,\s\u0E3F]/g, "");
  if (cleaned === "") return null;
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return "invalid";
  return Number(cleaned);
}

/** Like parseAmount, for counts: whole numbers only. */
export function parseCount(text: string): number | null | "invalid" {
  const value = parseAmount(text);
  return typeof value === "number" && !Number.isInteger(value) ? "invalid" : value;
}

/** The Thai fiscal year (C.E.) of an instant, by Bangkok's calendar whatever the browser's time zone (core's rule). */
export function currentFiscalYear(today: Date): number {
  return fiscalYearOf(today);
}

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

/** How much a budget line spent beyond its allocation; null when it did not (or spending is not known). */
export function overspendOf(line: Pick<BudgetLine, "allocated" | "spent">): number | null {
  return line.spent !== null && line.spent > line.allocated ? line.spent - line.allocated : null;
}

/** Baht with grouping and the baht sign, whole baht: "฿19,000,000". */
export function formatBaht(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-GB", { style: "currency", currency: "THB", maximumFractionDigits: 0 }).format(value);
}

/** A ratio for display, with two decimals; null when there is nothing to divide by. */
export function formatRatio(ratio: Ratio, locale: Locale, kind: "baht" | "number"): string | null {
  if (ratio.value === null) return null;
  return kind === "baht" ? formatBaht(ratio.value, locale) : formatNumber(ratio.value, locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
}
