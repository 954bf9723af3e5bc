import { foldThaiDigits, parseDateInput, toBuddhistYear, toCommonEraYear, type DateInputProblem } from "@sainam/core";
import type { TFunction } from "i18next";
import type { Locale } from "../lib/format";

/** What a date field holds: the ISO C.E. date when the text reads as one, "" when empty, else the text as typed. */
export type DateFieldValue = string;

/**
 * The value a date field hands its form for what was typed: the ISO C.E. date core read from it, "" when
 * nothing was typed, or the text itself when it is not a date (so the form knows to refuse it and the
 * person's typing is never thrown away).
 */
export function dateFieldValue(text: string, locale: Locale): DateFieldValue {
  const read = parseDateInput(text, locale);
  if (read.ok) return read.value;
  return read.reason === "empty" ? "" : text;
}

/** Why the typed text is not a date, or null when it is one or is empty (whether a date is required is the form's call). */
export function dateTextProblem(text: string, locale: Locale): DateInputProblem | null {
  const read = parseDateInput(text, locale);
  return read.ok || read.reason === "empty" ? null : read.reason;
}

/** The four-digit year typed last in the text, for messages that name it ("2026 is a C.E. year"). */
function typedYear(text: string): number | null {
  const years = foldThaiDigits(text).match(/\d{4}/g);
  return years ? Number(years.at(-1)) : null;
}

/** A date problem in the interface's words; a year in the wrong calendar is named with its counterpart. */
export function dateProblemText(problem: DateInputProblem, text: string, t: TFunction): string {
  const year = typedYear(text) ?? 0;
  switch (problem) {
    case "looks_common_era":
      return t("dateInput.looks_common_era", { year, buddhist: toBuddhistYear(year) });
    case "looks_buddhist_era":
      return t("dateInput.looks_buddhist_era", { year, common: toCommonEraYear(year) });
    case "year_out_of_range":
      return t("dateInput.year_out_of_range", { year });
    case "two_digit_year":
    case "not_a_date":
      return t(`dateInput.${problem}`);
    case "malformed":
    case "empty":
      return t("dateInput.malformed");
  }
}

/** True when every value is empty or an ISO date, so a form may be sent (the fields show why otherwise). */
export function datesReady(...values: readonly DateFieldValue[]): boolean {
  return values.every((value) => value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value));
}
