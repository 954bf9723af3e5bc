import type { CreateTradeEventBody, TradeEvent, UpdateTradeEventBody } from "@sainam/contract";
import type { Locale } from "@sainam/core";

/** Countries offered in the pickers (Thai trade missions' usual destinations), named in the interface's language. */
export const EVENT_COUNTRIES = [
  "JP",
  "CN",
  "HK",
  "TW",
  "KR",
  "SG",
  "MY",
  "ID",
  "VN",
  "LA",
  "KH",
  "MM",
  "PH",
  "IN",
  "AE",
  "SA",
  "GB",
  "DE",
  "FR",
  "IT",
  "NL",
  "ES",
  "AU",
  "NZ",
  "US",
  "CA",
] as const;

const names = new Map<Locale, Intl.DisplayNames>();

/** A country's name from its ISO code ("JP" → "ญี่ปุ่น" / "Japan"); the code itself when unknown. */
export function countryName(code: string, locale: Locale): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale === "th" ? "th-TH" : "en-GB"], { type: "region" });
    names.set(locale, display);
  }
  try {
    return display.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The status steps a keeper may take from a status (the server holds the same rule). */
export const NEXT_STATUSES = {
  draft: ["open"],
  open: ["draft", "scheduled"],
  scheduled: ["open", "closed"],
  closed: [],
} as const;

/** Fiscal years offered in the list's filter: two back, the current one and the next. */
export function fiscalYearChoices(current: number): number[] {
  return [current + 1, current, current - 1, current - 2];
}

/** The fields the event form edits, as both the event and the request name them (and the server's errors). */
export const EVENT_FORM_FIELDS = [
  "kind",
  "titleTh",
  "titleEn",
  "organiserAgencyId",
  "programmeId",
  "countryCode",
  "provinceCode",
  "city",
  "venue",
  "startsOn",
  "endsOn",
  "budget",
  "agendaTh",
  "agendaEn",
] as const satisfies ReadonlyArray<keyof CreateTradeEventBody & keyof TradeEvent>;

/**
 * What the edit form changed: only the fields whose value differs from the event's, so an edit sends (and the
 * audit log records) just those, and a field the editor did not touch is never sent back.
 */
export function eventChanges(event: TradeEvent, body: CreateTradeEventBody): UpdateTradeEventBody {
  const changes: UpdateTradeEventBody = {};
  for (const key of EVENT_FORM_FIELDS) {
    const value = body[key];
    if (value !== undefined && value !== event[key]) Object.assign(changes, { [key]: value });
  }
  return changes;
}
