import { achievementStatuses, aggregationRules, orgUnitTypes } from "@sainam/core";
import { z } from "zod";

const periodKey = z.string().trim().min(1).max(20);
const includeUnapproved = z
  .enum(["true", "false"], { message: "must be true or false" })
  .transform((v) => v === "true")
  .optional();
const unitType = z.enum(orgUnitTypes);
const unitCode = z.string().trim().min(1).max(40);

export const performanceQuery = z.object({
  period: periodKey,
  unitType: unitType.optional(),
  unitCode: unitCode.optional(),
  includeUnapproved,
});
export const periodQuery = z.object({ period: periodKey, includeUnapproved });
export const mapQuery = z.object({
  period: periodKey,
  breakdown: z.string().trim().max(200).optional(),
  includeUnapproved,
});
export const trendQuery = z.object({
  unitType: unitType.optional(),
  unitCode: unitCode.optional(),
  from: z.coerce.number().int().min(1900).max(2200).optional(),
  to: z.coerce.number().int().min(1900).max(2200).optional(),
  includeUnapproved,
});
export const drilldownQuery = z.object({
  period: periodKey,
  unitType: unitType.optional(),
  unitCode: unitCode.optional(),
  includeUnapproved,
});

export const achievementSchema = z.object({
  status: z.enum(achievementStatuses),
  reason: z.string(),
  figure: z.number().nullable(),
});
const coverageSchema = z.object({ reported: z.number().int(), expected: z.number().int() }).nullable();
const valueSource = z.enum(["reported", "computed", "none"]);

export const indicatorSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameEn: z.string().nullable(),
  nameTh: z.string().nullable(),
  unit: z.string().nullable(),
  direction: z.string(),
  aggregation: z.enum(aggregationRules),
  decimals: z.number().int().nullable(),
  /** The dimensions its values are broken down by (a map can show one breakdown). */
  disaggregations: z.array(z.string()),
});

/** A figure at a unit, judged against the target that applies there. */
export const judgedSchema = z.object({
  value: z.number().nullable(),
  source: valueSource,
  coverage: coverageSchema,
  issue: z.string().nullable(),
  previousValue: z.number().nullable(),
  targetTextEn: z.string().nullable(),
  targetTextTh: z.string().nullable(),
  target: z.unknown(),
  achievement: achievementSchema,
});

const indicatorPerformanceSchema = z.object({
  indicatorId: z.number().int(),
  code: z.string(),
  nameEn: z.string().nullable(),
  nameTh: z.string().nullable(),
  unit: z.string().nullable(),
  direction: z.string(),
  aggregation: z.string(),
  targetTextEn: z.string().nullable(),
  targetTextTh: z.string().nullable(),
  target: z.unknown(),
  baselineValue: z.number().nullable(),
  value: z.number().nullable(),
  valueSource: valueSource,
  previousValue: z.number().nullable(),
  coverage: coverageSchema,
  aggregationIssue: z.string().nullable(),
  previousPeriodKey: z.string(),
  achievement: achievementSchema,
});

type NodeShape = {
  nodeId: number;
  kind: string;
  code: string;
  titleEn: string | null;
  titleTh: string | null;
  indicators: readonly z.infer<typeof indicatorPerformanceSchema>[];
  children: readonly NodeShape[];
};
const nodeSchema: z.ZodType<NodeShape> = z
  .object({
    nodeId: z.number().int(),
    kind: z.string(),
    code: z.string(),
    titleEn: z.string().nullable(),
    titleTh: z.string().nullable(),
    indicators: z.array(indicatorPerformanceSchema).readonly(),
    get children() {
      return z.array(nodeSchema).readonly();
    },
    // A recursive schema needs a component name for the OpenAPI document to refer to itself.
  })
  .meta({ id: "PlanPerformanceNode" });

export const planPerformanceSchema = z.object({
  plan: z.object({
    id: z.number().int(),
    code: z.string(),
    titleEn: z.string().nullable(),
    titleTh: z.string().nullable(),
    level: z.string(),
    ownerAgencyCode: z.string(),
    ownerAgencyNameEn: z.string().nullable(),
    ownerAgencyNameTh: z.string().nullable(),
  }),
  periodKey: z.string(),
  includesUnapproved: z.boolean(),
  orgUnit: z.object({
    type: z.string(),
    code: z.string(),
    nameEn: z.string().nullable(),
    nameTh: z.string().nullable(),
  }),
  generatedAt: z.string(),
  nodes: z.array(nodeSchema).readonly(),
  summary: z.object({
    achieved: z.number().int(),
    partly_achieved: z.number().int(),
    not_achieved: z.number().int(),
    not_assessable: z.number().int(),
    no_data: z.number().int(),
  }),
});

export const dashboardPlansSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      titleEn: z.string().nullable(),
      titleTh: z.string().nullable(),
      ownerAgencyCode: z.string(),
      fiscalYears: z.array(z.number().int()),
      canSeeUnapproved: z.boolean(),
    }),
  ),
});

export const matrixSchema = z.object({
  periodKey: z.string(),
  provincialClusters: z.array(
    z.object({ id: z.number().int(), number: z.number().int(), nameEn: z.string(), nameTh: z.string().nullable() }),
  ),
  indicators: z.array(
    indicatorSchema.extend({ cells: z.array(judgedSchema.extend({ provincialClusterId: z.number().int() })) }),
  ),
});

const classSchema = z.object({ from: z.number(), to: z.number(), count: z.number().int() });
export const mapSchema = z.object({
  indicator: indicatorSchema,
  periodKey: z.string(),
  breakdown: z.string(),
  classes: z.array(classSchema),
  items: z.array(
    z.object({
      code: z.string(),
      nameEn: z.string(),
      nameTh: z.string(),
      value: z.number().nullable(),
      classIndex: z.number().int().nullable(),
      previousValue: z.number().nullable(),
      achievement: achievementSchema,
    }),
  ),
});

const unitSchema = z.object({
  type: z.enum(orgUnitTypes),
  code: z.string(),
  nameEn: z.string().nullable(),
  nameTh: z.string().nullable(),
});
export const trendSchema = z.object({
  indicator: indicatorSchema,
  unit: unitSchema,
  items: z.array(judgedSchema.extend({ periodKey: z.string(), fiscalYear: z.number().int() })),
});
export const drilldownSchema = z.object({
  indicator: indicatorSchema,
  periodKey: z.string(),
  unit: unitSchema.extend(judgedSchema.shape),
  parents: z.array(unitSchema),
  children: z.array(unitSchema.extend(judgedSchema.shape)),
});
