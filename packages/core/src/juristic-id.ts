import type { Result } from "./result.ts";
import { fail, ok } from "./result.ts";
import { foldThaiDigits } from "./thai-text.ts";

export type JuristicIdProblem = "empty" | "non_digit" | "wrong_length" | "wrong_check_digit";

/**
 * Removes the separators people write in IDs (spaces, hyphens, dashes, dots) and folds Thai digits,
 * so "0-1055-36112-01-4" and "๐๑๐๕๕๓๖๑๑๒๐๑๔" both become "0105536112014". Other characters are kept,
 * so a letter still makes the ID invalid.
 */
export function normalizeJuristicId(id: string): string {
  return foldThaiDigits(id).replace(/[\s\-\u2010-\u2015\u2212.]/g, "");
}

/**
 * The mod-11 check digit of a Thai juristic-person (or national) ID from its first 12 digits:
 * (11 − (Σ digitᵢ × (14 − i)) mod 11) mod 10 for i = 1..12. Null when the input is not exactly
 * 12 ASCII digits. The scheme has known blind spots: the third digit's weight is 11, so a change
 * there is never detected, and sums ≡ 0 and ≡ 10 (mod 11) share the check digit 1.
 */
export function juristicIdCheckDigit(first12: string): number | null {
  if (!/^\d{12}$/.test(first12)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/**
 * Checks a juristic ID and says why it is invalid: empty, non_digit (a character other than a digit
 * or separator), wrong_length (not 13 digits) or wrong_check_digit. On success the value is the
 * normalised 13-digit ID, the form to store and to de-duplicate enterprises by.
 */
export function describeJuristicId(id: string): Result<string, JuristicIdProblem> {
  const normalized = normalizeJuristicId(id);
  if (normalized === "") return fail("empty");
  if (!/^\d+$/.test(normalized)) return fail("non_digit");
  if (normalized.length !== 13) return fail("wrong_length");
  const expected = juristicIdCheckDigit(normalized.slice(0, 12));
  if (expected !== Number(normalized[12])) return fail("wrong_check_digit");
  return ok(normalized);
}

/** True when the ID (with or without separators) is 13 digits with a correct check digit. */
export function isValidJuristicId(id: string): boolean {
  return describeJuristicId(id).ok;
}

/**
 * Writes a valid ID in the grouping printed on Thai certificates, "0-1055-36112-01-4", for display;
 * null when the ID is invalid.
 */
export function formatJuristicId(id: string): string | null {
  const described = describeJuristicId(id);
  if (!described.ok) return null;
  const d = described.value;
  return `${d.slice(0, 1)}-${d.slice(1, 5)}-${d.slice(5, 10)}-${d.slice(10, 12)}-${d.slice(12)}`;
}
