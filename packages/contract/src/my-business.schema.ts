import { z } from "zod";
import { enterpriseDetailSchema } from "./enterprise.schema.ts";

/**
 * `canOpen`: whether the caller may open the record's own page (a published cluster or programme, or one of their
 * scope). The firm's own ties are listed either way: a member may know which clusters and programmes it belongs to.
 */
const tie = {
  code: z.string(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  canOpen: z.boolean(),
};

export const myBusinessClusterSchema = z.object({
  clusterId: z.number().int(),
  ...tie,
  stage: z.string(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  approved: z.boolean().describe("false while the membership awaits approval"),
});

export const myBusinessProgrammeSchema = z.object({
  programmeId: z.number().int(),
  ...tie,
  fiscalYears: z.array(z.number().int()).describe("the fiscal years (C.E.) the programme supported the firm"),
});

const activityOwner = z.object({ id: z.number().int(), ...tie }).nullable();

export const myBusinessActivitySchema = z.object({
  activityId: z.number().int(),
  kind: z.string(),
  titleTh: z.string().nullable(),
  titleEn: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  fiscalYear: z.number().int(),
  programme: activityOwner,
  cluster: activityOwner,
});

/**
 * A member's home (`GET /api/my-business`): their firm with its products, the clusters it belongs to, the
 * programmes that supported it and the activities it took part in. `enterprise` is null while the account is
 * not yet linked to a firm.
 */
export const myBusinessSchema = z.object({
  enterprise: enterpriseDetailSchema.nullable(),
  clusters: z.array(myBusinessClusterSchema),
  programmes: z.array(myBusinessProgrammeSchema),
  activities: z.array(myBusinessActivitySchema),
  can: z.object({ edit: z.boolean() }),
});

export type MyBusiness = z.infer<typeof myBusinessSchema>;
export type MyBusinessCluster = z.infer<typeof myBusinessClusterSchema>;
export type MyBusinessProgramme = z.infer<typeof myBusinessProgrammeSchema>;
export type MyBusinessActivity = z.infer<typeof myBusinessActivitySchema>;
