import { disaggregationDimensions, isPeriodKey, orgUnitTypes } from "@sainam/core";
import { z } from "zod";

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const finite = z.number().refine(Number.isFinite, { message: "must be a finite number", params: { code: "invalid_type", expected: "number" } });

export const valueRowSchema = z
  .object({
    orgUnitType: z.enum(orgUnitTypes),
    orgUnitCode: z.string().trim().min(1, "must not be empty").max(40),
    periodKey: z.string().trim().min(1, "must not be empty").max(20),
    breakdown: z.record(z.string(), z.string()).default({}),
    value: finite.nullable().optional(),
    numerator: finite.nullable().optional(),
    denominator: finite.nullable().optional(),
    weight: finite.nullable().optional(),
    source: text(1000),
    note: text(4000),
    evidenceUrl: text(2000),
  })
  .strict();
export type ValueRowBody = z.infer<typeof valueRowSchema>;

export const enterValuesBody = z.object({ rows: z.array(valueRowSchema).min(1, "send at least one row").max(5000) }).strict();

/** A period key in a query string: 400 naming the field for "FY21", never an empty answer. */
export const periodKeyQuery = z.string().trim().max(20).refine(isPeriodKey, { message: "must be a period key such as FY2021, CY2021 or FY2021-Q1", params: { code: "invalid_format", format: "period_key" } }).optional();

const breakdownOptions = new Map<string, readonly string[]>(Object.entries(disaggregationDimensions));

/** A canonical breakdown in a query string ("" for the total, "size_class=micro", "owner_sex=female;stage=upstream"). */
function isBreakdownText(text: string): boolean {
  if (text === "") return true;
  return text.split(";").every((part) => {
    const [dimension = "", option = ""] = part.split("=");
    return breakdownOptions.get(dimension)?.includes(option) === true;
  });
}

export const valueListQuery = z.object({
  periodKey: periodKeyQuery,
  orgUnitType: z.enum(orgUnitTypes).optional(),
  orgUnitCode: z.string().trim().max(40).optional(),
  disaggregation: z.string().max(200).refine(isBreakdownText, { message: "must be a breakdown such as size_class=micro, or empty for the total", params: { code: "invalid_breakdown" } }).optional(),
  status: z.enum(["draft", "submitted", "approved", "rejected"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});

export const valueSchema = z.object({
  id: z.number().int(),
  indicatorId: z.number().int(),
  orgUnitType: z.string(),
  orgUnitCode: z.string(),
  periodKey: z.string(),
  disaggregation: z.string(),
  breakdown: z.record(z.string(), z.string()),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  weight: z.number().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  status: z.string(),
  reviewNote: z.string().nullable(),
  enteredBy: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  isExample: z.boolean(),
  updatedAt: z.string(),
});

export const indicatorForValuesSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  code: z.string(),
  nameEn: z.string(),
  nameTh: z.string().nullable(),
  unit: z.string().nullable(),
  aggregation: z.string(),
  ratioScale: z.number().nullable(),
  decimals: z.number().int().nullable(),
  disaggregations: z.array(z.string()),
});

export const selectionBody = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1, "select at least one value").max(5000), note: z.string().trim().max(2000).optional() }).strict(),
  z.object({ indicatorId: z.number().int().positive(), periodKey: z.string().trim().min(1).max(20), orgUnitType: z.enum(orgUnitTypes).optional(), note: z.string().trim().max(2000).optional() }).strict(),
]);

export const lockSchema = z.object({ planId: z.number().int(), periodKey: z.string(), lockedBy: z.number().int().nullable(), lockedAt: z.string() });
