import { z } from "zod";
import { ceFiscalYear, ceFiscalYearQuery, ceIsoDate } from "./common.schema.ts";
import { nameInOneLanguage, nameInOneLanguageOnChange } from "./bilingual-name.schema.ts";
import { recordCodePattern } from "@sainam/core";
import { activityKinds, claimMethods, outcomeKinds, verifications } from "./choices.ts";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const longText = z.string().trim().max(10_000);
export const fiscalYear = ceFiscalYear;
const fiscalYearQuery = ceFiscalYearQuery;
const baht = z.number().min(0, "must be zero or more").max(1e13);
const isoDate = ceIsoDate;
const positiveId = z.number().int().positive();
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

// ——— Programmes ———

const programmeFields = {
  code: z.string().trim().regex(recordCodePattern, "must be 2-80 lowercase letters, digits or hyphens"),
  agencyId: positiveId,
  nameEn: text(300).nullable().optional(),
  nameTh: text(300).nullable().optional(),
  descriptionEn: longText.nullable().optional(),
  descriptionTh: longText.nullable().optional(),
  firstFiscalYear: fiscalYear,
  lastFiscalYear: fiscalYear.nullable().optional(),
  published: z.boolean().optional(),
};

export const createProgrammeBody = z
  .object(programmeFields)
  .strict()
  .refine(...nameInOneLanguage("nameTh", "nameEn"));
export type CreateProgrammeBody = z.infer<typeof createProgrammeBody>;

export const updateProgrammeBody = z
  .object({
    ...programmeFields,
    code: programmeFields.code.optional(),
    agencyId: programmeFields.agencyId.optional(),
    firstFiscalYear: fiscalYear.optional(),
  })
  .strict()
  .refine(...nameInOneLanguageOnChange("nameTh", "nameEn"));
export type UpdateProgrammeBody = z.infer<typeof updateProgrammeBody>;

export const programmeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  agencyId: z.number().int(),
  nameEn: z.string().nullable(),
  nameTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  descriptionTh: z.string().nullable(),
  firstFiscalYear: z.number().int(),
  lastFiscalYear: z.number().int().nullable(),
  published: z.boolean(),
  isExample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const programmeDetailSchema = programmeSchema.extend({
  fiscalYears: z.array(z.number().int()),
  /** What the caller may do here, so the web app shows only the forms that will be accepted. */
  can: z.object({ edit: z.boolean(), readRecords: z.boolean() }),
});

/** The programme list, with whether the caller may create one (so the web app offers the form only then). */
export const programmePageSchema = pageOf(programmeSchema).extend({ can: z.object({ create: z.boolean() }) });

export const listProgrammesQuery = z.object({
  ...page,
  agencyId: z.coerce.number().int().positive().optional(),
  fiscalYear: fiscalYearQuery.optional(),
  /** The programmes supporting this cluster (the cluster page lists them). */
  clusterId: z.coerce.number().int().positive().optional(),
});

export const fiscalYearFilter = z.object({ fiscalYear: fiscalYearQuery.optional() });
export const requiredFiscalYear = z.object({ fiscalYear: fiscalYearQuery });

// ——— Clusters and firms supported ———

export const addClusterBody = z.object({ clusterId: positiveId, fiscalYear }).strict();
export const addEnterpriseBody = z
  .object({ enterpriseId: positiveId, fiscalYear, clusterId: positiveId.nullable().optional() })
  .strict();
export const clusterLinkParams = z.object({
  id: z.coerce.number().int().positive(),
  clusterId: z.coerce.number().int().positive(),
});
export const enterpriseLinkParams = z.object({
  id: z.coerce.number().int().positive(),
  enterpriseId: z.coerce.number().int().positive(),
});

export const supportedClusterSchema = z.object({
  clusterId: z.number().int(),
  fiscalYear: z.number().int(),
  code: z.string(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
});
export const supportedEnterpriseSchema = z.object({
  enterpriseId: z.number().int(),
  fiscalYear: z.number().int(),
  clusterId: z.number().int().nullable(),
  juristicId: z.string().nullable(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  provinceCode: z.string().nullable(),
});
export const listSupportedEnterprisesQuery = z.object({ ...page, fiscalYear: fiscalYearQuery.optional() });
/** `total` counts the list's rows (a firm per fiscal year); `firms` counts distinct firms among them. */
export const supportedEnterprisePageSchema = z.object({
  items: z.array(supportedEnterpriseSchema),
  total: z.number().int(),
  firms: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const addClusterMembersBody = z
  .object({
    clusterId: positiveId,
    fiscalYear,
    /** Only say which members would be added and which are already supported (for a confirmation). */
    dryRun: z.boolean().optional(),
  })
  .strict();
export const addClusterMembersResultSchema = z.object({
  clusterId: z.number().int(),
  fiscalYear: z.number().int(),
  dryRun: z.boolean(),
  /** Firms added (or, on a dry run, that would be), by id. */
  added: z.array(z.number().int()),
  /** Current members the programme already supports that fiscal year: skipped. */
  alreadySupported: z.array(z.number().int()),
});

// ——— Budgets ———

export const createBudgetBody = z
  .object({
    clusterId: positiveId.nullable().optional(),
    fiscalYear,
    allocated: baht,
    spent: baht.nullable().optional(),
    note: text(2000).nullable().optional(),
  })
  .strict();
export type CreateBudgetBody = z.infer<typeof createBudgetBody>;
export const updateBudgetBody = z
  .object({
    clusterId: positiveId.nullable().optional(),
    fiscalYear: fiscalYear.optional(),
    allocated: baht.optional(),
    spent: baht.nullable().optional(),
    note: text(2000).nullable().optional(),
  })
  .strict();
export type UpdateBudgetBody = z.infer<typeof updateBudgetBody>;
export const budgetParams = z.object({
  id: z.coerce.number().int().positive(),
  budgetId: z.coerce.number().int().positive(),
});

export const budgetSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  clusterId: z.number().int().nullable(),
  clusterCode: z.string().nullable(),
  clusterNameTh: z.string().nullable(),
  clusterNameEn: z.string().nullable(),
  fiscalYear: z.number().int(),
  allocated: z.number(),
  spent: z.number().nullable(),
  /** Spending above the allocation is accepted and flagged. */
  overspent: z.boolean(),
  note: z.string().nullable(),
});

// ——— Reported figures ———

export const reportedFigureBody = z
  .object({
    clusters: z.number().int().min(0).nullable(),
    firms: z.number().int().min(0).nullable(),
    budget: baht.nullable(),
    budgetKind: z.enum(["allocated", "planned"]).nullable(),
    value: baht.nullable(),
    valueKind: z.enum(["expected", "actual"]).nullable(),
    source: text(500),
    note: text(2000).nullable().optional(),
  })
  .strict();
export type ReportedFigureBody = z.infer<typeof reportedFigureBody>;
export const reportedParams = z.object({ id: z.coerce.number().int().positive(), fiscalYear: fiscalYearQuery });

const ratioSchema = z.object({ value: z.number().nullable(), reason: z.enum(["no_firms", "no_budget"]).nullable() });

export const reportedFigureSchema = z.object({
  programmeId: z.number().int(),
  fiscalYear: z.number().int(),
  clusters: z.number().int().nullable(),
  firms: z.number().int().nullable(),
  budget: z.number().nullable(),
  budgetKind: z.string().nullable(),
  value: z.number().nullable(),
  valueKind: z.string().nullable(),
  source: z.string(),
  note: z.string().nullable(),
  budgetPerFirm: ratioSchema,
  valuePerBaht: ratioSchema,
});

// ——— Figures ———

export const recordedFiguresSchema = z.object({
  clusters: z.number().int(),
  firms: z.number().int(),
  anonymousParticipants: z.number().int(),
  activities: z.number().int(),
  budgetAllocated: z.number(),
  budgetSpent: z.number(),
  overspentLines: z.number().int(),
  value: z.object({
    verified: z.number(),
    claimed: z.number(),
    claimsVerified: z.number().int(),
    claimsClaimed: z.number().int(),
  }),
  budgetPerFirm: ratioSchema,
  /** Verified value ÷ allocated budget. */
  valuePerBaht: ratioSchema,
  /** (Verified + claimed) value ÷ allocated budget. */
  valuePerBahtIncludingClaimed: ratioSchema,
  outcomes: z.array(z.object({ kind: z.string(), amount: z.number(), count: z.number() })),
});

export const programmeFiguresSchema = z.object({
  programmeId: z.number().int(),
  years: z.array(
    z.object({
      fiscalYear: z.number().int(),
      recorded: recordedFiguresSchema,
      reported: reportedFigureSchema.nullable(),
    }),
  ),
});

export const figuresQuery = z.object({
  agencyId: z.coerce.number().int().positive().optional(),
  fiscalYear: fiscalYearQuery.optional(),
});

export const scopeFiguresSchema = z.object({
  agencyId: z.number().int().nullable(),
  fiscalYear: z.number().int().nullable(),
  programmes: z.number().int(),
  /** De-duplicated across programmes: a firm or a claim shared by two programmes counts once. */
  recorded: recordedFiguresSchema,
  /** Agencies' own aggregates, per programme; they cannot be de-duplicated and are not summed. */
  reported: z.array(reportedFigureSchema),
});

// ——— Activities ———

const activityFields = {
  programmeId: positiveId.nullable().optional(),
  clusterId: positiveId.nullable().optional(),
  planNodeId: positiveId.nullable().optional(),
  kind: z.enum(activityKinds),
  titleEn: text(300).nullable().optional(),
  titleTh: text(300).nullable().optional(),
  descriptionEn: longText.nullable().optional(),
  descriptionTh: longText.nullable().optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, "must be a 2-digit province code")
    .nullable()
    .optional(),
  budget: baht.nullable().optional(),
  spent: baht.nullable().optional(),
  participantCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  participantIds: z.array(positiveId).max(5000).optional(),
};

export const createActivityBody = z
  .object(activityFields)
  .strict()
  .refine(...nameInOneLanguage("titleTh", "titleEn"));
export type CreateActivityBody = z.infer<typeof createActivityBody>;
export const updateActivityBody = z
  .object({
    ...activityFields,
    kind: activityFields.kind.optional(),
    startsOn: isoDate.optional(),
  })
  .strict()
  .refine(...nameInOneLanguageOnChange("titleTh", "titleEn"));
export type UpdateActivityBody = z.infer<typeof updateActivityBody>;

export const listActivitiesQuery = z.object({
  ...page,
  programmeId: z.coerce.number().int().positive().optional(),
  clusterId: z.coerce.number().int().positive().optional(),
  fiscalYear: fiscalYearQuery.optional(),
  kind: z.enum(activityKinds).optional(),
});

export const activitySchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int().nullable(),
  clusterId: z.number().int().nullable(),
  planNodeId: z.number().int().nullable(),
  kind: z.string(),
  titleEn: z.string().nullable(),
  titleTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  descriptionTh: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  fiscalYear: z.number().int(),
  provinceCode: z.string().nullable(),
  budget: z.number().nullable(),
  spent: z.number().nullable(),
  participantCount: z.number().int().nullable(),
  /** Named participants (enterprises). */
  participants: z.number().int(),
  isExample: z.boolean(),
});

export const outcomeBody = z
  .object({
    kind: z.enum(outcomeKinds),
    enterpriseId: positiveId.nullable().optional(),
    amount: baht.nullable().optional(),
    count: z.number().int().min(0).max(1e9).nullable().optional(),
    note: text(2000).nullable().optional(),
  })
  .strict();
export type OutcomeBody = z.infer<typeof outcomeBody>;
export const outcomeParams = z.object({
  id: z.coerce.number().int().positive(),
  outcomeId: z.coerce.number().int().positive(),
});

export const outcomeSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int().nullable(),
  kind: z.string(),
  amount: z.number().nullable(),
  count: z.number().int().nullable(),
  note: z.string().nullable(),
});
export const participantSchema = z.object({
  enterpriseId: z.number().int(),
  juristicId: z.string().nullable(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
});

export const activityDetailSchema = activitySchema.extend({
  /** Null for callers who see aggregates only. */
  participantList: z.array(participantSchema).nullable(),
  outcomes: z.array(outcomeSchema),
  can: z.object({ edit: z.boolean() }),
});

export const participantsBody = z.object({ enterpriseIds: z.array(positiveId).max(5000) }).strict();

// ——— Value claims ———

export const createClaimBody = z
  .object({
    programmeIds: z.array(positiveId).min(1, "attribute the claim to at least one programme").max(20),
    enterpriseId: positiveId.nullable().optional(),
    clusterId: positiveId.nullable().optional(),
    activityId: positiveId.nullable().optional(),
    fiscalYear,
    amount: baht,
    method: z.enum(claimMethods),
    methodNote: text(2000).nullable().optional(),
    evidenceUrl: z.string().trim().url("must be a URL").max(2000).nullable().optional(),
    evidenceNote: text(2000).nullable().optional(),
  })
  .strict();
export type CreateClaimBody = z.infer<typeof createClaimBody>;

export const verifyClaimBody = z.object({ decision: z.enum(["verified", "rejected"]) }).strict();

export const listClaimsQuery = z.object({
  ...page,
  programmeId: z.coerce.number().int().positive(),
  fiscalYear: fiscalYearQuery.optional(),
  verification: z.enum(verifications).optional(),
});

export const claimSchema = z.object({
  id: z.number().int(),
  programmeIds: z.array(z.number().int()),
  enterpriseId: z.number().int().nullable(),
  clusterId: z.number().int().nullable(),
  activityId: z.number().int().nullable(),
  fiscalYear: z.number().int(),
  amount: z.number(),
  method: z.string(),
  methodNote: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  verification: z.string(),
  verifiedBy: z.number().int().nullable(),
  verifiedAt: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  isExample: z.boolean(),
  createdAt: z.string(),
  /** Whether the caller may verify or reject it now. */
  canVerify: z.boolean(),
});

export const createClaimResponse = z.object({
  claim: claimSchema,
  /** "created": a new claim; "linked": an identical claim existed, the programmes were attributed to it instead. */
  outcome: z.enum(["created", "linked"]),
  message: z.string(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const supportedClusterListSchema = z.object({ items: z.array(supportedClusterSchema) });
export const budgetListSchema = z.object({ items: z.array(budgetSchema) });
export const reportedFigureListSchema = z.object({ items: z.array(reportedFigureSchema) });
