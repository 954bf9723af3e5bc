import {
  disaggregationDimensions,
  isPeriodKey,
  locales,
  orgUnitTypes,
  planLevels,
  planNodeKinds,
  targetKinds,
} from "@sainam/core";
import { z } from "zod";
import { nameInOneLanguage, nameInOneLanguageOnChange } from "./bilingual-name.schema.ts";
import { ceIsoDate, notBuddhistPeriodKey, okSchema } from "./common.schema.ts";
import { aggregations, indicatorDirections, planStatuses } from "./choices.ts";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const isoDate = ceIsoDate;
const id = z.number().int().positive();
export const planNodeParams = z.object({
  id: z.coerce.number().int().positive(),
  nodeId: z.coerce.number().int().positive(),
});

const dimensionNames = Object.keys(disaggregationDimensions);
const periodKeyText = z
  .string()
  .trim()
  .refine(...notBuddhistPeriodKey)
  .refine((key) => isPeriodKey(key), {
    message: "must be a period key such as FY2021, CY2021 or FY2021-Q1",
    params: { code: "invalid_format", format: "period_key" },
  });

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

export const listPlansQuery = z.object({
  level: z.enum(planLevels).optional(),
  agency: z.coerce.number().int().positive().optional(),
  cluster: z.coerce.number().int().positive().optional(),
  status: z.enum(planStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export const planSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  titleEn: z.string().nullable(),
  titleTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  descriptionTh: z.string().nullable(),
  level: z.string(),
  ownerAgencyId: z.number().int(),
  clusterId: z.number().int().nullable(),
  provincialClusterId: z.number().int().nullable(),
  programmeId: z.number().int().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.string(),
  version: z.number().int(),
  previousVersionId: z.number().int().nullable(),
  published: z.boolean(),
  /** How many approvals each value needs, level by level up the agency tree (province office → ministry). */
  approvalLevels: z.number().int(),
});

const planFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,79}$/, "must be 2-80 letters, digits, dots, hyphens or underscores"),
  level: z.enum(planLevels),
  ownerAgencyId: id,
  clusterId: id.nullable().optional(),
  provincialClusterId: id.nullable().optional(),
  programmeId: id.nullable().optional(),
  periodStart: isoDate,
  periodEnd: isoDate,
  titleEn: text(2000).nullable().optional(),
  titleTh: text(2000).nullable().optional(),
  descriptionEn: z.string().trim().max(20_000).nullable().optional(),
  descriptionTh: z.string().trim().max(20_000).nullable().optional(),
  status: z.enum(planStatuses).optional(),
  published: z.boolean().optional(),
  approvalLevels: z.number().int().min(1).max(5).optional(),
};
export const createPlanBody = z
  .object(planFields)
  .strict()
  .refine(...nameInOneLanguage("titleTh", "titleEn"));
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const updatePlanBody = z
  .object({
    titleEn: planFields.titleEn,
    titleTh: planFields.titleTh,
    descriptionEn: planFields.descriptionEn,
    descriptionTh: planFields.descriptionTh,
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    clusterId: planFields.clusterId,
    provincialClusterId: planFields.provincialClusterId,
    programmeId: planFields.programmeId,
    status: planFields.status,
    published: planFields.published,
    approvalLevels: planFields.approvalLevels,
  })
  .strict()
  .refine(...nameInOneLanguageOnChange("titleTh", "titleEn"));
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const newVersionBody = z
  .object({ periodStart: isoDate, periodEnd: isoDate, code: planFields.code.optional() })
  .strict();
export type NewVersionBody = z.infer<typeof newVersionBody>;

// ---------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------

export const nodeFieldsSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  parentId: z.number().int().nullable(),
  position: z.number().int(),
  kind: z.string(),
  code: z.string(),
  titleEn: z.string().nullable(),
  titleTh: z.string().nullable(),
  bodyEn: z.string().nullable(),
  bodyTh: z.string().nullable(),
  servesNodeId: z.number().int().nullable(),
});

const nodeCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9ก-๙][A-Za-z0-9ก-๙._-]{0,39}$/, "must be 1-40 letters, digits, dots, hyphens or underscores");
export const createNodeBody = z
  .object({
    parentId: id.nullable().optional(),
    position: z.number().int().min(0).optional(),
    kind: z.enum(planNodeKinds),
    code: nodeCode,
    titleEn: text(2000).nullable().optional(),
    titleTh: text(2000).nullable().optional(),
    bodyEn: z.string().trim().max(20_000).nullable().optional(),
    bodyTh: z.string().trim().max(20_000).nullable().optional(),
    servesNodeId: id.nullable().optional(),
  })
  .strict()
  .refine(...nameInOneLanguage("titleTh", "titleEn"));
export type CreateNodeBody = z.infer<typeof createNodeBody>;

export const updateNodeBody = z
  .object({
    kind: z.enum(planNodeKinds).optional(),
    code: nodeCode.optional(),
    titleEn: text(2000).nullable().optional(),
    titleTh: text(2000).nullable().optional(),
    bodyEn: z.string().trim().max(20_000).nullable().optional(),
    bodyTh: z.string().trim().max(20_000).nullable().optional(),
    servesNodeId: id.nullable().optional(),
  })
  .strict()
  .refine(...nameInOneLanguageOnChange("titleTh", "titleEn"));
export type UpdateNodeBody = z.infer<typeof updateNodeBody>;

export const moveNodeBody = z.object({ parentId: id.nullable(), position: z.number().int().min(0) }).strict();
export type MoveNodeBody = z.infer<typeof moveNodeBody>;

export const traceSchema = z.object({
  items: z.array(
    z.object({
      nodeId: z.number().int(),
      kind: z.string(),
      code: z.string(),
      titleEn: z.string().nullable(),
      titleTh: z.string().nullable(),
      planId: z.number().int(),
      planCode: z.string(),
      planLevel: z.string(),
      planTitleEn: z.string().nullable(),
      planTitleTh: z.string().nullable(),
      /** How this step was reached from the one before: the start, its parent, or the node it serves. */
      via: z.enum(["start", "parent", "serves"]),
    }),
  ),
  /** True when the chain goes on into a plan the caller may not read. */
  truncated: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Indicators and targets
// ---------------------------------------------------------------------------------------------

const thresholdSchema = z.object({
  measure: z.enum(["percent", "difference"]),
  against: z.enum(["previous_period", "baseline"]),
  amount: z.number().finite().nonnegative(),
});

export const targetViewSchema = z.object({
  id: z.number().int(),
  indicatorId: z.number().int(),
  periodKey: z.string().nullable(),
  /** The period as the source document wrote it (reference data), or null. */
  period: z.string().nullable(),
  orgUnitType: z.string().nullable(),
  orgUnitCode: z.string().nullable(),
  textEn: z.string().nullable(),
  textTh: z.string().nullable(),
  /** The structured target (`@sainam/core` Target), or null when the text has no structured form. */
  target: z.unknown(),
  kind: z.enum(targetKinds).nullable(),
  labels: z.object({ en: z.string(), th: z.string() }).nullable(),
  /** A direction-only target without a threshold cannot be judged until its owner sets one. */
  needsThreshold: z.boolean(),
});

export const indicatorViewSchema = z.object({
  id: z.number().int(),
  nodeId: z.number().int(),
  planId: z.number().int(),
  position: z.number().int(),
  code: z.string(),
  nameEn: z.string().nullable(),
  nameTh: z.string().nullable(),
  unit: z.string().nullable(),
  direction: z.string(),
  aggregation: z.string(),
  ratioScale: z.number().nullable(),
  baselineValue: z.number().nullable(),
  baselinePeriod: z.string().nullable(),
  disaggregations: z.array(z.string()),
  decimals: z.number().int().nullable(),
  descriptionEn: z.string().nullable(),
  descriptionTh: z.string().nullable(),
  /** Values computed by the system (`service_ratings`), not typed; null when people enter them. */
  computedFrom: z.string().nullable(),
  targets: z.array(targetViewSchema),
});

const indicatorFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9ก-๙][A-Za-z0-9ก-๙._-]{0,39}$/, "must be 1-40 letters, digits, dots, hyphens or underscores"),
  nameEn: text(1000).nullable().optional(),
  nameTh: text(1000).nullable().optional(),
  unit: z.string().trim().max(50).nullable().optional(),
  direction: z.enum(indicatorDirections).optional(),
  aggregation: z.enum(aggregations).optional(),
  ratioScale: z.number().finite().positive().nullable().optional(),
  baselineValue: z.number().finite().nullable().optional(),
  baselinePeriod: periodKeyText.nullable().optional(),
  disaggregations: z
    .array(
      z.string().refine((d) => dimensionNames.includes(d), {
        message: `must be one of ${dimensionNames.join(", ")}`,
        params: { code: "invalid_choice", options: dimensionNames },
      }),
    )
    .max(dimensionNames.length)
    .refine((list) => new Set(list).size === list.length, {
      message: "must not repeat a dimension",
      params: { code: "duplicate" },
    })
    .optional(),
  decimals: z.number().int().min(0).max(6).nullable().optional(),
  descriptionEn: z.string().trim().max(10_000).nullable().optional(),
  descriptionTh: z.string().trim().max(10_000).nullable().optional(),
};
export const createIndicatorBody = z
  .object({ ...indicatorFields, position: z.number().int().min(0).optional() })
  .strict()
  .refine(...nameInOneLanguage("nameTh", "nameEn"));
export type CreateIndicatorBody = z.infer<typeof createIndicatorBody>;
export const updateIndicatorBody = z
  .object({
    ...indicatorFields,
    code: indicatorFields.code.optional(),
  })
  .strict()
  .refine(...nameInOneLanguageOnChange("nameTh", "nameEn"));
export type UpdateIndicatorBody = z.infer<typeof updateIndicatorBody>;
export const moveIndicatorBody = z.object({ position: z.number().int().min(0) }).strict();

const targetFields = {
  periodKey: periodKeyText.nullable().optional(),
  orgUnitType: z.enum(orgUnitTypes).nullable().optional(),
  orgUnitCode: z.string().trim().min(1).max(40).nullable().optional(),
  textEn: z.string().trim().max(2000).nullable().optional(),
  textTh: z.string().trim().max(2000).nullable().optional(),
  /** A structured target; checked with `@sainam/core`'s isTarget. */
  target: z.unknown().optional(),
  /** What "significantly" means for a direction-only target. */
  threshold: thresholdSchema.nullable().optional(),
};
export const createTargetBody = z.object(targetFields).strict();
export type CreateTargetBody = z.infer<typeof createTargetBody>;
export const updateTargetBody = z.object(targetFields).strict();
export type UpdateTargetBody = z.infer<typeof updateTargetBody>;

export const parseTargetQuery = z.object({ text: z.string().max(2000) });
export const parsedTargetSchema = z.object({
  target: z.unknown(),
  kind: z.enum(targetKinds).nullable(),
  labels: z.object({ en: z.string(), th: z.string() }).nullable(),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanNodeFields = z.infer<typeof nodeFieldsSchema>;
export type IndicatorView = z.infer<typeof indicatorViewSchema>;
export type TargetView = z.infer<typeof targetViewSchema>;

/** A node of a plan's tree with its indicators and, recursively, its children. */
export type PlanNode = PlanNodeFields & { indicators: IndicatorView[]; children: PlanNode[] };
export const planNodeSchema: z.ZodType<PlanNode> = nodeFieldsSchema
  .extend({
    indicators: z.array(indicatorViewSchema),
    get children() {
      return z.array(planNodeSchema);
    },
    // A recursive schema needs a component name for the OpenAPI document to refer to itself.
  })
  .meta({ id: "PlanNode" });

export const planPageSchema = z.object({
  items: z.array(planSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PlanPage = z.infer<typeof planPageSchema>;
export const planTreeSchema = planSchema.extend({ canEdit: z.boolean(), nodes: z.array(planNodeSchema) });
export type PlanTree = z.infer<typeof planTreeSchema>;
export const planVersionsSchema = z.object({ items: z.array(planSchema) });
export const nodeDeletedSchema = okSchema.extend({ deletedNodes: z.number().int() });
export const targetListSchema = z.object({ items: z.array(targetViewSchema) });

export const planReportQuery = z
  .object({
    period: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isPeriodKey, {
        message: "must be a period key such as FY2021, CY2021 or FY2021-Q1",
        params: { code: "invalid_format", format: "period_key" },
      }),
    locale: z.enum(locales).default("th"),
    unitType: z.enum(orgUnitTypes).optional(),
    unitCode: z.string().trim().min(1).max(40).optional(),
    // As on the dashboard: approved values only unless a reader in the plan's scope asks for drafts too.
    includeUnapproved: z
      .enum(["true", "false"], { message: "must be true or false" })
      .transform((v) => v === "true")
      .optional(),
  })
  .refine((q) => (q.unitType === undefined) === (q.unitCode === undefined), {
    path: ["unitCode"],
    message: "give unitType and unitCode together",
    params: { code: "required_together", other: "unitType" },
  });
export const planReportParams = z.object({ id: z.coerce.number().int().positive(), format: z.enum(["xlsx", "pdf"]) });
