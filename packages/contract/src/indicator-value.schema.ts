import { disaggregationDimensions, isPeriodKey, orgUnitTypes } from "@sainam/core";
import { z } from "zod";
import { valueStatuses } from "./choices.ts";
import { notBuddhistPeriodKey } from "./common.schema.ts";

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const finite = z.number().refine(Number.isFinite, {
  message: "must be a finite number",
  params: { code: "invalid_type", expected: "number" },
});

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

export const enterValuesBody = z
  .object({ rows: z.array(valueRowSchema).min(1, "send at least one row").max(5000) })
  .strict();

/** A period key in a query string: 400 naming the field for "FY21", never an empty answer. */
export const periodKeyQuery = z
  .string()
  .trim()
  .max(20)
  .refine(...notBuddhistPeriodKey)
  .refine(isPeriodKey, {
    message: "must be a period key such as FY2021, CY2021 or FY2021-Q1",
    params: { code: "invalid_format", format: "period_key" },
  })
  .optional();

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
  disaggregation: z
    .string()
    .max(200)
    .refine(isBreakdownText, {
      message: "must be a breakdown such as size_class=micro, or empty for the total",
      params: { code: "invalid_breakdown" },
    })
    .optional(),
  status: z.enum(valueStatuses).optional(),
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
  /** Levels of the current submission approved so far (a plan may ask for more than one). */
  approvalLevel: z.number().int(),
  isExample: z.boolean(),
  updatedAt: z.string(),
});

/** An agency whose officers may approve a level, with their display names (names only: no other personal data). */
export const approverAgencySchema = z.object({
  id: z.number().int(),
  nameEn: z.string().nullable(),
  nameTh: z.string().nullable(),
  officers: z.array(z.string()),
});
export type ApproverAgency = z.infer<typeof approverAgencySchema>;

/**
 * Where a submitted value stands in its approval: the level it waits on (of `levels`), the agencies whose
 * officers may approve that level, and the levels approved so far (by which agency, when).
 */
export const approvalStateSchema = z.object({
  valueId: z.number().int(),
  level: z.number().int(),
  levels: z.number().int(),
  approvers: z.array(approverAgencySchema),
  steps: z.array(
    z.object({
      level: z.number().int(),
      agencyNameEn: z.string().nullable(),
      agencyNameTh: z.string().nullable(),
      approvedAt: z.string(),
    }),
  ),
});
export type ApprovalState = z.infer<typeof approvalStateSchema>;

export const indicatorForValuesSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  code: z.string(),
  nameEn: z.string().nullable(),
  nameTh: z.string().nullable(),
  unit: z.string().nullable(),
  aggregation: z.string(),
  ratioScale: z.number().nullable(),
  decimals: z.number().int().nullable(),
  disaggregations: z.array(z.string()),
  /** Values computed by the system (`service_ratings`: satisfaction from the firms' ratings), not typed; else null. */
  computedFrom: z.string().nullable(),
});

export const selectionBody = z.union([
  z
    .object({
      ids: z.array(z.number().int().positive()).min(1, "select at least one value").max(5000),
      note: z.string().trim().max(2000).optional(),
    })
    .strict(),
  z
    .object({
      indicatorId: z.number().int().positive(),
      periodKey: z.string().trim().min(1).max(20),
      orgUnitType: z.enum(orgUnitTypes).optional(),
      note: z.string().trim().max(2000).optional(),
    })
    .strict(),
]);

export const lockSchema = z.object({
  planId: z.number().int(),
  periodKey: z.string(),
  lockedBy: z.number().int().nullable(),
  lockedAt: z.string(),
});

export type IndicatorValue = z.infer<typeof valueSchema>;
export type IndicatorForValues = z.infer<typeof indicatorForValuesSchema>;
export type SelectionBody = z.infer<typeof selectionBody>;
export type PeriodLock = z.infer<typeof lockSchema>;

const page = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };

/** An indicator's values, with what the caller may do with them and which periods are locked. */
export const indicatorValuesSchema = z.object({
  indicator: indicatorForValuesSchema,
  access: z.object({ enter: z.boolean(), approve: z.boolean(), lock: z.boolean() }),
  lockedPeriods: z.array(z.string()),
  items: z.array(valueSchema),
  /** The approval state of the submitted values listed (for those who see unapproved values; else empty). */
  approvals: z.array(approvalStateSchema),
  ...page,
});
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;

export const valuesEnteredSchema = z.object({
  items: z.array(valueSchema),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
});
export type ValuesEntered = z.infer<typeof valuesEnteredSchema>;

export const planValuesQuery = valueListQuery.omit({ periodKey: true }).extend({ period: periodKeyQuery });
export const planValuesSchema = z.object({ items: z.array(valueSchema), ...page });
export type PlanValues = z.infer<typeof planValuesSchema>;

export const valuesTransitionedSchema = z.object({ items: z.array(valueSchema), count: z.number().int() });
export type ValuesTransitioned = z.infer<typeof valuesTransitionedSchema>;

export const approvalQueueQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const queuedValueSchema = valueSchema.extend({
  indicator: z
    .object({
      planId: z.number().int(),
      planCode: z.string(),
      code: z.string(),
      nameEn: z.string().nullable(),
      nameTh: z.string().nullable(),
      unit: z.string().nullable(),
    })
    .nullable(),
  approvable: z.boolean(),
  /**
   * Why the caller may not approve it: they entered it, they approved an earlier level of it, or its level is
   * another agency's (then `approval.approvers` says who can). Null when approvable.
   */
  notApprovableBecause: z.enum(["own_entry", "approved_earlier_level", "other_agency"]).nullable(),
  approval: approvalStateSchema,
  /** The name of a cluster or programme the value is of (null for geographic units, which the client names). */
  unitName: z.object({ nameEn: z.string().nullable(), nameTh: z.string().nullable() }).nullable(),
});
export type QueuedValue = z.infer<typeof queuedValueSchema>;
export const approvalQueueSchema = z.object({ items: z.array(queuedValueSchema), ...page });
export type ApprovalQueue = z.infer<typeof approvalQueueSchema>;

export const lockListSchema = z.object({ items: z.array(lockSchema) });
export const lockPeriodBody = z.object({ periodKey: z.string().trim().min(1).max(20) }).strict();
export const periodLockParams = z.object({
  id: z.coerce.number().int().positive(),
  periodKey: z.string().trim().min(1).max(20),
});
