import { describeJuristicId, formatJuristicId as formatValidJuristicId, type JuristicIdProblem } from "@sainam/core";

/**
 * The 13-digit Thai juristic-person ID, checked in the browser by core's rule (mod-11 check digit), so a mistyped
 * ID is caught before the form is sent exactly as the server would refuse it.
 */
export { isValidJuristicId, juristicIdCheckDigit, normalizeJuristicId, type JuristicIdProblem } from "@sainam/core";

/** Why an ID is not valid, or null when it is. */
export function juristicIdProblem(value: string): JuristicIdProblem | null {
  const described = describeJuristicId(value);
  return described.ok ? null : described.reason;
}

/** "0-1055-36112-01-4", the grouping printed on Thai certificates; text that is not a valid ID is shown as is. */
export function formatJuristicId(value: string): string {
  return formatValidJuristicId(value) ?? value;
}
