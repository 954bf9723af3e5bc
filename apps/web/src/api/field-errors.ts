import { countryCodeIssue, hasNameInOneLanguage } from "@sainam/core";
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

/**
 * The name rule before a form is sent (Thai first, English optional): a record needs a name in at least one
 * language. When both are empty, the message goes under the Thai field, worded as the server words it
 * ("กรุณากรอกชื่อภาษาไทยหรือชื่อภาษาอังกฤษ"); otherwise nothing.
 */
export function nameInOneLanguageErrors(
  fields: { th: string; en: string },
  values: { th: string; en: string },
  t: TFunction = i18n.t,
): Record<string, string> {
  if (hasNameInOneLanguage(values.th, values.en)) return {};
  const problem = { code: "required", params: { or: fields.en }, message: "a Thai or English name is required" };
  return { [fields.th]: fieldProblemText(problem, fieldLabel(fields.th, t), t) ?? problem.message };
}

/**
 * Core's country-code rule before a form is sent: the first refused code of `codes` under `path`, worded as the
 * server words it ("ตลาดส่งออก: UK ไม่ใช่รหัสประเทศตามมาตรฐาน ISO 3166 กรุณาใช้ GB"); nothing when all are assigned.
 */
export function countryCodeErrors(
  path: string,
  codes: readonly string[],
  t: TFunction = i18n.t,
): Record<string, string> {
  for (const code of codes) {
    const issue = countryCodeIssue(code);
    if (issue !== null) return { [path]: fieldProblemText(issue, fieldLabel(path, t), t) ?? issue.message };
  }
  return {};
}
