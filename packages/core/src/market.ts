import { foldSearchText } from "./search-text.ts";

/**
 * Market linkage (issue 14): the words events, meetings and deals are told in, and the small rules they share.
 * Pure; the server stores these codes and the web words each in Thai and English.
 */

/** A trade fair, an on-site business-matching session, or an online matching day. */
export const eventKinds = ["trade_fair", "business_matching", "online_matching"] as const;
export type EventKind = (typeof eventKinds)[number];

/** draft → open (participants register, meetings are requested) → scheduled → closed (outcomes, follow-ups). */
export const eventStatuses = ["draft", "open", "scheduled", "closed"] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** What a participant comes for: to sell, to buy, or both. */
export const participantRoles = ["seller", "buyer", "both"] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** Buyers without a Thai juristic ID. */
export const buyerKinds = ["company", "trading_house", "retailer", "association", "government", "other"] as const;
export type BuyerKind = (typeof buyerKinds)[number];

export const interestDirections = ["offer", "need"] as const;
export type InterestDirection = (typeof interestDirections)[number];

/** Where a meeting came from: a suggestion a participant took up, a participant's own request, the organiser. */
export const meetingOrigins = ["suggestion", "request", "organiser"] as const;
export type MeetingOrigin = (typeof meetingOrigins)[number];

export const meetingStatuses = ["requested", "accepted", "declined", "cancelled"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** On the day: both came, or who did not. */
export const meetingAttendance = ["held", "requester_absent", "target_absent", "both_absent"] as const;
export type MeetingAttendance = (typeof meetingAttendance)[number];

/**
 * A deal's stage, in the order a deal moves: `lead` (an inquiry from the catalogue), then the outcomes of a
 * meeting: no interest, follow-up, quotation, MoU, order.
 */
export const dealStages = ["lead", "no_interest", "follow_up", "quotation", "mou", "order"] as const;
export type DealStage = (typeof dealStages)[number];

/** The follow-ups every deal gets after its meeting, in months. */
export const followUpMonths = [3, 6, 12] as const;
export type FollowUpMonths = (typeof followUpMonths)[number];

/** Words that name a company's legal form in other countries' names: "Acme Co., Ltd." and "ACME" are one buyer. */
const FOREIGN_LEGAL_WORDS = new Set([
  "co",
  "company",
  "ltd",
  "limited",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "llc",
  "plc",
  "pte",
  "pty",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "srl",
  "spa",
  "bv",
  "nv",
  "kk",
  "jsc",
  "sdn",
  "bhd",
  "tbk",
  "pt",
  "the",
]);

/**
 * The key a buyer is de-duplicated by (with its country): the name folded as search folds it (case, width,
 * punctuation), dots dropped (K.K. → kk), and legal-form words left out. "ACME Trading Co., Ltd." → "acme trading";
 * "Acme Trading Limited" → "acme trading". A name that is nothing but legal words keeps them.
 */
export function buyerNameKey(name: string): string {
  const words = foldSearchText(name.normalize("NFKC")).replace(/\./g, "").split(" ").filter(Boolean);
  const kept = words.filter((word) => !FOREIGN_LEGAL_WORDS.has(word));
  return (kept.length > 0 ? kept : words).join(" ");
}

/** The two participant ids of a meeting in order: a pair meets once per event, whoever asked. */
export function meetingPair(a: number, b: number): { low: number; high: number } {
  return a < b ? { low: a, high: b } : { low: b, high: a };
}

/**
 * The date `months` after an ISO date, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb), for the
 * follow-ups of a deal.
 */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The due dates of a deal's follow-ups, from the day of its meeting (or inquiry). */
export function followUpDueDates(openedOn: string): { months: FollowUpMonths; dueOn: string }[] {
  return followUpMonths.map((months) => ({ months, dueOn: addMonths(openedOn, months) }));
}
