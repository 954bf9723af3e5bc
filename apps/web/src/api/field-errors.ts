import type { TFunction } from "i18next";
import { i18n } from "../i18n";
import { isApiError } from "./client";
import { detailText, fieldLabel, fieldProblemText } from "./error-text";

/**
 * The server's validation details keyed by field path ("nameTh", "products.0.name"), so a form can show each
 * message next to its own field: in the interface language by the detail's code, else the server's text. Only the
 * first message per field is kept.
 */
export function fieldErrorsOf(error: unknown, t: TFunction = i18n.t): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const detail of error.details) {
    if (detail.path && detail.message && out[detail.path] === undefined) {
      out[detail.path] = fieldProblemText(detail, fieldLabel(detail.path, t), t) ?? detail.message;
    }
  }
  return out;
}

/** The server's details that no field of the form shows, to list them above the form. */
export function unplacedErrors(error: unknown, placed: readonly string[], t: TFunction = i18n.t): string[] {
  if (!isApiError(error)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const detail of error.details) {
    if (!detail.path || !detail.message || placed.includes(detail.path) || seen.has(detail.path)) continue;
    seen.add(detail.path);
    out.push(detailText(detail, t));
  }
  return out;
}
