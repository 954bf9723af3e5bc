import { z } from "zod";
import { ceFiscalYear } from "./common.schema.ts";
import { nameInOneLanguage } from "./bilingual-name.schema.ts";
import { recordCodePattern } from "@sainam/core";
import { clusterKinds, clusterStatuses, maturities } from "./choices.ts";

export { stages } from "@sainam/core";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const provinceCode = z.string().regex(/^\d{2}$/, "must be a 2-digit province code");
const tsic = z.string().regex(/^\d{1,5}$/, "must be a TSIC code of 1-5 digits");
const isic = z.string().regex(/^[A-Ua-u]$|^\d{2,4}$/, "must be an ISIC section letter or a 2-4 digit code");
const policyTag = z
  .string()
  .regex(
    /^(BCG|BCG:(bio|circular|green)|SDG:([1-9]|1[0-7])|TH4\.0|SEP)$/,
    "must be BCG, BCG:bio|circular|green, SDG:1-17, TH4.0 or SEP",
  );

export const participationSchema = z.object({
  agencyId: z.number().int().positive(),
  fiscalYear: ceFiscalYear,
  programme: text(300).nullable().optional(),
});

const clusterFields = {
  code: z.string().trim().regex(recordCodePattern, "must be 2-80 lowercase letters, digits or hyphens"),
  kind: z.enum(clusterKinds),
  nameTh: text(300).nullable().optional(),
  nameEn: text(300).nullable().optional(),
  descriptionTh: z.string().trim().max(10_000).nullable().optional(),
  descriptionEn: z.string().trim().max(10_000).nullable().optional(),
  tsicCode: tsic.nullable().optional(),
  isicCode: isic.nullable().optional(),
  parentId: z.number().int().positive().nullable().optional(),
  coordinatorUserId: z.number().int().positive().nullable().optional(),
  coordinatingAgencyId: z.number().int().positive().nullable().optional(),
  cooperatingAgencyId: z.number().int().positive().nullable().optional(),
  policyTags: z.array(policyTag).max(30).optional(),
  maturity: z.enum(maturities).nullable().optional(),
  provinceCodes: z.array(provinceCode).max(77).optional(),
  participations: z.array(participationSchema).max(200).optional(),
  published: z.boolean().optional(),
};

export const createClusterBody = z
  .object(clusterFields)
  .strict()
  .refine(...nameInOneLanguage("nameTh", "nameEn"));
export type CreateClusterBody = z.infer<typeof createClusterBody>;

export const updateClusterBody = z
  .object({
    ...clusterFields,
    code: clusterFields.code.optional(),
    kind: clusterFields.kind.optional(),
    status: z.enum(clusterStatuses).optional(),
  })
  .strict();
export type UpdateClusterBody = z.infer<typeof updateClusterBody>;

export const clusterSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.string(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  descriptionTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  tsicCode: z.string().nullable(),
  isicCode: z.string().nullable(),
  parentId: z.number().int().nullable(),
  coordinatorUserId: z.number().int().nullable(),
  coordinatingAgencyId: z.number().int().nullable(),
  cooperatingAgencyId: z.number().int().nullable(),
  policyTags: z.array(z.string()),
  maturity: z.string().nullable(),
  status: z.string(),
  published: z.boolean(),
  isExample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const clusterDetailSchema = clusterSchema.extend({
  provinceCodes: z.array(z.string()),
  participations: z.array(
    z.object({ agencyId: z.number().int(), fiscalYear: z.number().int(), programme: z.string().nullable() }),
  ),
  stageCounts: z.record(z.string(), z.number().int()),
  memberCount: z.number().int(),
  childIds: z.array(z.number().int()),
});

export const listClustersQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  kind: z.enum(clusterKinds).optional(),
  province: provinceCode.optional(),
  region: z.string().trim().min(1).max(40).optional(),
  provincialCluster: z.coerce.number().int().positive().optional(),
  parent: z.union([z.literal("none"), z.coerce.number().int().positive()]).optional(),
  status: z.enum(clusterStatuses).optional(),
});

export type Cluster = z.infer<typeof clusterSchema>;
export type ClusterDetail = z.infer<typeof clusterDetailSchema>;
export type ListClustersQuery = z.infer<typeof listClustersQuery>;
/** A cluster as the directory lists it: with its provinces and member count. */
export const clusterListItemSchema = clusterSchema.extend({
  provinceCodes: z.array(z.string()),
  memberCount: z.number().int(),
});
export type ClusterListItem = z.infer<typeof clusterListItemSchema>;
export const clusterPageSchema = z.object({
  items: z.array(clusterListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ClusterPage = z.infer<typeof clusterPageSchema>;
