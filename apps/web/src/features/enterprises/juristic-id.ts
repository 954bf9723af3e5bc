/**
 * The 13-digit Thai juristic-person ID, checked in the browser the way the server checks it (mod-11 check digit), so
 * a mistyped ID is caught before the form is sent. The web app talks to the server only through the HTTP contract,
 * so this mirrors `@sainam/core`'s rule rather than importing it.
 */

export type JuristicIdProblem = "empty" | "non_digit" | "wrong_length" | "wrong_check_digit";

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

/** Drops the separators people type (spaces, hyphens, dashes, dots) and folds Thai digits to ASCII. */
export function normalizeJuristicId(value: string): string {
  const folded = [...value].map((ch) => {
    const index = THAI_DIGITS.indexOf(ch);
    return index >= 0 ? String(index) : ch;
  });
  return folded.join("").replace(/[\s\-\u2010-\u2015\u2212.]/g, "");
}

/** Check digit from the first 12 digits: (11 − Σ dᵢ × (14 − i) mod 11) mod 10; null unless exactly 12 digits. */
export function juristicIdCheckDigit(first12: string): number | null {
  if (!/^\d{12}$/.test(first12)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/** Why an ID is not valid, or null when it is. */
export function juristicIdProblem(value: string): JuristicIdProblem | null {
  const normalized = normalizeJuristicId(value);
  if (normalized === "") return "empty";
  if (!/^\d+$/.test(normalized)) return "non_digit";
  if (normalized.length !== 13) return "wrong_length";
  if (juristicIdCheckDigit(normalized.slice(0, 12)) !== Number(normalized[12])) return "wrong_check_digit";
  return null;
}

export function isValidJuristicId(value: string): boolean {
  return juristicIdProblem(value) === null;
}

/** "0-1055-36112-01-4", the grouping printed on Thai certificates; anything that is not 13 digits comes back as is. */
export function formatJuristicId(value: string): string {
  const d = normalizeJuristicId(value);
  if (!/^\d{13}$/.test(d)) return value;
  return `${d.slice(0, 1)}-${d.slice(1, 5)}-${d.slice(5, 10)}-${d.slice(10, 12)}-${d.slice(12)}`;
}
