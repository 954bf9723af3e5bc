import { parseDisaggregation } from "@sainam/core";
import type { IndicatorRow, IndicatorValueRow } from "@sainam/db";
import { enabledDimensions } from "./value-rules.ts";

/**
 * One value as the API shows it. Who entered and approved it (user ids) only for those who work on the
 * plan's values; the public sees the figures.
 */
export function presentValue(v: IndicatorValueRow, showPeople: boolean) {
  return {
    id: v.id,
    indicatorId: v.indicator_id,
    orgUnitType: v.org_unit_type,
    orgUnitCode: v.org_unit_code,
    periodKey: v.period_key,
    disaggregation: v.disaggregation,
    breakdown: parseDisaggregation(v.disaggregation),
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    weight: v.weight,
    source: v.source,
    note: v.note,
    evidenceUrl: v.evidence_url,
    status: v.status,
    reviewNote: v.review_note,
    enteredBy: showPeople ? v.entered_by : null,
    submittedAt: v.submitted_at,
    approvedBy: showPeople ? v.approved_by : null,
    approvedAt: v.approved_at,
    approvalLevel: v.approval_level,
    isExample: v.is_example === 1,
    updatedAt: v.updated_at,
  };
}

export type ValueView = ReturnType<typeof presentValue>;

/** The fields of a value that the audit log keeps (figures and state; no names). */
export function auditedValue(v: IndicatorValueRow) {
  return {
    indicatorId: v.indicator_id,
    orgUnit: `${v.org_unit_type}:${v.org_unit_code}`,
    periodKey: v.period_key,
    disaggregation: v.disaggregation,
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    weight: v.weight,
    source: v.source,
    note: v.note,
    evidenceUrl: v.evidence_url,
    status: v.status,
    reviewNote: v.review_note,
    approvalLevel: v.approval_level,
  };
}

export function presentIndicatorForValues(i: IndicatorRow, planId: number) {
  return {
    id: i.id,
    planId,
    code: i.code,
    nameEn: i.name_en,
    nameTh: i.name_th,
    unit: i.unit,
    aggregation: i.aggregation,
    ratioScale: i.ratio_scale,
    decimals: i.decimals,
    disaggregations: enabledDimensions(i),
    computedFrom: i.computed_from,
  };
}
