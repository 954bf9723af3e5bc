import { canonicalDisaggregation, isPeriodKey, type OrgUnitType } from "@sainam/core";
import type { IndicatorRow } from "@sainam/db";
import type { IssueCode, RowIssueParams } from "@sainam/importer";
import type { ErrorParams, FieldErrorCode } from "../errors.ts";

// The rules one row of values must meet for its indicator, before any database check (org unit exists,
// period locked): shared by the entry form's API and the bulk import.

export type ValueRowInput = {
  orgUnitType: OrgUnitType;
  orgUnitCode: string;
  periodKey: string;
  breakdown: Readonly<Record<string, string>>;
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
  weight?: number | null | undefined;
  source?: string | null | undefined;
  note?: string | null | undefined;
  evidenceUrl?: string | null | undefined;
};

export type CheckedValueRow = {
  orgUnitType: OrgUnitType;
  orgUnitCode: string;
  periodKey: string;
  disaggregation: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  weight: number | null;
  source: string | null;
  note: string | null;
  evidenceUrl: string | null;
};

/** A problem with one field of a value row; its code is one both the API's field errors and the import report know. */
export type FieldIssue = {
  field: string;
  message: string;
  code: FieldErrorCode & IssueCode;
  params?: ErrorParams & RowIssueParams;
};

/** The dimensions an indicator's values may be broken down by (its `disaggregations_json`). */
export function enabledDimensions(indicator: Pick<IndicatorRow, "disaggregations_json">): string[] {
  try {
    const parsed: unknown = JSON.parse(indicator.disaggregations_json);
    return Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === "string") : [];
  } catch {
    return [];
  }
}

function present(n: number | null | undefined): n is number {
  return n !== null && n !== undefined;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Checks one row against its indicator's aggregation rule and disaggregations, and computes the stored
 * value: a ratio indicator takes numerator and denominator (counts, ≥ 0, denominator not 0) and its value
 * is numerator / denominator × ratio_scale; a weighted mean takes a value and a weight (≥ 0); every other
 * rule takes a value, which may be negative (a change, a balance). Every problem is reported, by field.
 */
export function checkValueRow(
  indicator: Pick<IndicatorRow, "aggregation" | "ratio_scale" | "disaggregations_json">,
  row: ValueRowInput,
): { ok: true; row: CheckedValueRow } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!isPeriodKey(row.periodKey))
    issues.push({
      field: "periodKey",
      message: `"${row.periodKey}" is not a period key such as FY2021, CY2021 or FY2021-Q1`,
      code: "invalid_format",
      params: { format: "period_key" },
    });
  const canonical = canonicalDisaggregation(row.breakdown, enabledDimensions(indicator));
  if (!canonical.ok) {
    const { dimension, reason } = canonical.problem;
    const message =
      reason === "unknown_dimension"
        ? "is not a disaggregation dimension"
        : reason === "not_enabled"
          ? "is not a disaggregation of this indicator"
          : "is not an option of this dimension";
    issues.push({ field: `breakdown.${dimension}`, message, code: "invalid_choice" });
  }
  for (const field of ["value", "numerator", "denominator", "weight"] as const) {
    const n = row[field];
    if (present(n) && !Number.isFinite(n))
      issues.push({ field, message: "must be a finite number", code: "invalid_type", params: { expected: "number" } });
  }
  let value: number | null = null;
  const numerator = row.numerator ?? null;
  const denominator = row.denominator ?? null;
  const weight = row.weight ?? null;
  switch (indicator.aggregation) {
    case "ratio": {
      if (numerator === null)
        issues.push({ field: "numerator", message: "is required: this indicator is a ratio", code: "required" });
      else if (numerator < 0)
        issues.push({ field: "numerator", message: "must be 0 or more", code: "out_of_range", params: { min: 0 } });
      if (denominator === null)
        issues.push({ field: "denominator", message: "is required: this indicator is a ratio", code: "required" });
      else if (denominator < 0)
        issues.push({
          field: "denominator",
          message: "must be more than 0",
          code: "out_of_range",
          params: { min: 0, exclusive: true },
        });
      else if (denominator === 0)
        issues.push({
          field: "denominator",
          message: "must not be 0",
          code: "out_of_range",
          params: { min: 0, exclusive: true },
        });
      if (present(row.value))
        issues.push({
          field: "value",
          message: "is computed from numerator and denominator; leave it out",
          code: "not_applicable",
        });
      if (numerator !== null && denominator !== null && denominator > 0)
        value = (numerator / denominator) * (indicator.ratio_scale ?? 1);
      break;
    }
    case "weighted_mean":
      if (!present(row.value)) issues.push({ field: "value", message: "is required", code: "required" });
      else value = row.value;
      if (weight === null)
        issues.push({ field: "weight", message: "is required: this indicator is a weighted mean", code: "required" });
      else if (weight < 0)
        issues.push({ field: "weight", message: "must be 0 or more", code: "out_of_range", params: { min: 0 } });
      break;
    default:
      if (!present(row.value)) issues.push({ field: "value", message: "is required", code: "required" });
      else value = row.value;
      if (numerator !== null)
        issues.push({ field: "numerator", message: "applies to ratio indicators only", code: "not_applicable" });
      if (denominator !== null)
        issues.push({ field: "denominator", message: "applies to ratio indicators only", code: "not_applicable" });
  }
  const evidenceUrl = row.evidenceUrl?.trim() || null;
  if (evidenceUrl !== null && !isHttpUrl(evidenceUrl))
    issues.push({
      field: "evidenceUrl",
      message: "must be an http:// or https:// address",
      code: "invalid_format",
      params: { format: "url" },
    });
  if (issues.length > 0 || value === null || !canonical.ok) return { ok: false, issues };
  return {
    ok: true,
    row: {
      orgUnitType: row.orgUnitType,
      orgUnitCode: row.orgUnitCode,
      periodKey: row.periodKey,
      disaggregation: canonical.value,
      value,
      numerator: indicator.aggregation === "ratio" ? numerator : null,
      denominator: indicator.aggregation === "ratio" ? denominator : null,
      weight: indicator.aggregation === "weighted_mean" ? weight : null,
      source: row.source?.trim() || null,
      note: row.note?.trim() || null,
      evidenceUrl,
    },
  };
}

/** The lock keys that cover a period: itself, and for a quarter its fiscal year (locking FY2021 locks its quarters). */
export function coveringLockKeys(periodKey: string): string[] {
  const quarter = /^(FY\d{4})-Q[1-4]$/.exec(periodKey);
  return quarter?.[1] ? [periodKey, quarter[1]] : [periodKey];
}
