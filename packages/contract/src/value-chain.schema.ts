import { z } from "zod";
import { notBuddhistDate } from "./common.schema.ts";
import { linkageKinds } from "@sainam/core";
import { stages } from "./cluster.schema.ts";
import { institutionKinds, partyTypes, suggestionReasonCodes } from "./choices.ts";

export type InstitutionKind = (typeof institutionKinds)[number];

export const clusterParams = z.object({ id: z.coerce.number().int().positive() });
const date = notBuddhistDate(z.iso.date("must be a date YYYY-MM-DD"));
const party = z.object({ type: z.enum(partyTypes), id: z.number().int().positive() });
const partyRef = z.object({ type: z.enum(partyTypes), id: z.number().int() });

export const memberSchema = z.object({
  membershipId: z.number().int(),
  enterpriseId: z.number().int(),
  juristicId: z.string().nullable(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  sizeClass: z.string().nullable(),
  tsicCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  stage: z.string(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  approved: z
    .boolean()
    .describe(
      "false while the membership awaits approval: its coordinators then see the firm's contacts masked and may not edit the firm",
    ),
  approvedAt: z.string().nullable(),
  canApprove: z.boolean().describe("whether the caller may approve this pending membership"),
});
export type Member = z.infer<typeof memberSchema>;
export const memberListSchema = z.object({
  items: z.array(memberSchema),
  notListed: z
    .number()
    .int()
    .describe(
      "current (approved) members left out of items for this caller: unpublished firms, for those who may not see them; the cluster's memberCount is the listed current members plus these",
    ),
});
export const listMembersQuery = z.object({ past: z.enum(["true", "false"]).optional() });

export const addMemberBody = z
  .object({ enterpriseId: z.number().int().positive(), stage: z.enum(stages), joinedOn: date.nullable().optional() })
  .strict();
export type AddMemberBody = z.infer<typeof addMemberBody>;
export const memberAddedSchema = z.object({ membershipId: z.number().int(), approved: z.boolean() });
export type MemberAdded = z.infer<typeof memberAddedSchema>;
export const memberParams = clusterParams.extend({ enterpriseId: z.coerce.number().int().positive() });
export const updateMemberBody = z
  .object({
    stage: z.enum(stages).optional(),
    joinedOn: date.nullable().optional(),
    leftOn: date.nullable().optional(),
  })
  .strict();
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

export const pendingMembershipSchema = z.object({
  membershipId: z.number().int(),
  cluster: z.object({
    id: z.number().int(),
    code: z.string(),
    nameTh: z.string().nullable(),
    nameEn: z.string().nullable(),
  }),
  enterprise: z.object({
    id: z.number().int(),
    juristicId: z.string().nullable(),
    nameTh: z.string().nullable(),
    nameEn: z.string().nullable(),
  }),
  stage: z.string(),
  addedAt: z.string().describe("when the membership was recorded (ISO-8601 UTC)"),
  addedBy: z
    .object({ id: z.number().int(), displayName: z.string().nullable() })
    .nullable()
    .describe("who recorded it; null for the system"),
  canApprove: z
    .boolean()
    .describe("whether the caller may approve it (false for a coordinator following their own clusters' requests)"),
});
export type PendingMembership = z.infer<typeof pendingMembershipSchema>;
export const pendingMembershipListSchema = z.object({ items: z.array(pendingMembershipSchema) });

export const linkageSchema = z.object({
  id: z.number().int(),
  clusterId: z.number().int().nullable(),
  from: partyRef,
  to: partyRef,
  kind: z.string(),
  product: z.string().nullable(),
  annualValue: z.number().nullable(),
});
export type Linkage = z.infer<typeof linkageSchema>;
export const linkageListSchema = z.object({ items: z.array(linkageSchema) });
export const addLinkageBody = z
  .object({
    from: party,
    to: party,
    kind: z.enum(linkageKinds),
    product: z.string().trim().min(1).max(300).nullable().optional(),
    annualValue: z.number().min(0, "must not be negative").max(1e13).nullable().optional(),
  })
  .strict();
export type AddLinkageBody = z.infer<typeof addLinkageBody>;
export const linkageParams = clusterParams.extend({ linkageId: z.coerce.number().int().positive() });

export const institutionSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  agencyId: z.number().int().nullable(),
  provinceCode: z.string().nullable(),
  published: z.boolean(),
  isExample: z.boolean(),
});
export type Institution = z.infer<typeof institutionSchema>;
export const institutionListSchema = z.object({ items: z.array(institutionSchema) });
export const listInstitutionsQuery = z.object({
  kind: z.enum(institutionKinds).optional(),
  cluster: z.coerce.number().int().positive().optional(),
});
export const createInstitutionBody = z
  .object({
    kind: z.enum(institutionKinds),
    nameTh: z.string().trim().min(1).max(300).nullable().optional(),
    nameEn: z.string().trim().min(1).max(300).nullable().optional(),
    description: z.string().trim().max(5000).nullable().optional(),
    agencyId: z.number().int().positive().nullable().optional(),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, "must be a 2-digit province code")
      .nullable()
      .optional(),
    published: z.boolean().optional(),
  })
  .strict();
export type CreateInstitutionBody = z.infer<typeof createInstitutionBody>;
export const linkInstitutionBody = z
  .object({ institutionId: z.number().int().positive(), role: z.string().trim().min(1).max(200).nullable().optional() })
  .strict();
export type LinkInstitutionBody = z.infer<typeof linkInstitutionBody>;
export const institutionParams = clusterParams.extend({ institutionId: z.coerce.number().int().positive() });

export const analysisSchema = z.object({
  membersPerStage: z.object({ upstream: z.number().int(), midstream: z.number().int(), downstream: z.number().int() }),
  membersByStage: z.object({
    upstream: z.array(z.number().int()),
    midstream: z.array(z.number().int()),
    downstream: z.array(z.number().int()),
  }),
  emptyStages: z.array(z.enum(stages)),
  singleSupplierProducts: z.array(
    z.object({
      product: z.string(),
      supplierId: z.number().int(),
      buyerIds: z.array(z.number().int()),
      buyers: z.array(partyRef),
    }),
  ),
  unsuppliedInputs: z.array(z.object({ product: z.string(), neededBy: z.array(z.number().int()) })),
  unlinkedMemberIds: z.array(z.number().int()),
  unlinkedInstitutionIds: z.array(z.number().int()),
  linkDensity: z.number(),
  insideValueShare: z.number().nullable(),
  verticalLinks: z.number().int(),
  horizontalLinks: z.number().int(),
  otherLinks: z.number().int(),
  /** What the suggestions draw on, counted over the members; `gaps` names what is missing (core suggestionGaps). */
  suggestionData: z.object({
    members: z.number().int(),
    withOutputs: z.number().int(),
    withInputs: z.number().int(),
    withTsic: z.number().int(),
    gaps: z.array(z.enum(["members", "outputs", "inputs", "tsic"])),
  }),
  suggestions: z.array(
    z.object({
      from: z.number().int(),
      to: z.number().int(),
      score: z.number(),
      reasons: z.array(
        z.object({ code: z.enum(suggestionReasonCodes), product: z.string().optional(), detail: z.string() }),
      ),
    }),
  ),
});
export type Analysis = z.infer<typeof analysisSchema>;
export const analysisQuery = z.object({ suggestions: z.coerce.number().int().min(0).max(200).default(20) });
