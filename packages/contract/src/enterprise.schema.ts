import { z } from "zod";
import { notBuddhistDate } from "./common.schema.ts";
import { legalForms, sizeClasses } from "@sainam/core";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

export const productInput = z.object({
  direction: z.enum(["output", "input"]),
  name: text(300),
  tsicCode: z
    .string()
    .regex(/^\d{1,5}$/, "must be a TSIC code of 1-5 digits")
    .nullable()
    .optional(),
});

export const contactInput = z.object({
  name: text(200).nullable().optional(),
  position: text(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9][0-9 ()-]{5,20}$/, "must be a phone number")
    .nullable()
    .optional(),
  email: z.email("must be an e-mail address").max(254).nullable().optional(),
});

const enterpriseFields = {
  juristicId: z.string().trim().max(20).nullable().optional(),
  ceRegistrationNo: z
    .string()
    .trim()
    .regex(/^[0-9][0-9/-]{3,29}$/, "must be a community-enterprise registration number (digits, dashes and a slash)")
    .nullable()
    .optional(),
  nameTh: text(500).nullable().optional(),
  nameEn: text(500).nullable().optional(),
  legalForm: z.enum(legalForms).optional(),
  revenue: z.number().min(0, "must not be negative").max(1e13).nullable().optional(),
  employees: z.number().int().min(0, "must not be negative").max(1_000_000).nullable().optional(),
  capital: z.number().min(0, "must not be negative").max(1e13).nullable().optional(),
  tsicCode: z
    .string()
    .regex(/^\d{1,5}$/, "must be a TSIC code of 1-5 digits")
    .nullable()
    .optional(),
  businessType: text(1000).nullable().optional(),
  address: text(1000).nullable().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, "must be a 2-digit province code")
    .nullable()
    .optional(),
  districtCode: z
    .string()
    .regex(/^\d{4}$/, "must be a 4-digit district code")
    .nullable()
    .optional(),
  postcode: z
    .string()
    .regex(/^\d{5}$/, "must be a 5-digit postcode")
    .nullable()
    .optional(),
  registeredOn: notBuddhistDate(z.iso.date("must be a date YYYY-MM-DD")).nullable().optional(),
  published: z.boolean().optional(),
  products: z.array(productInput).max(200).optional(),
  contacts: z.array(contactInput).max(50).optional(),
};

/** The fields of an enterprise that a request may set, in the order a form lists them. */
export const enterpriseInputFields = [
  "juristicId",
  "ceRegistrationNo",
  "nameTh",
  "nameEn",
  "legalForm",
  "registeredOn",
  "capital",
  "revenue",
  "employees",
  "tsicCode",
  "businessType",
  "address",
  "provinceCode",
  "districtCode",
  "postcode",
  "published",
  "products",
  "contacts",
] as const satisfies ReadonlyArray<keyof typeof enterpriseFields>;
export type EnterpriseInputField = (typeof enterpriseInputFields)[number];
/** The one-value fields of that list (not the published flag, products or contacts). */
export const enterpriseScalarInputFields = enterpriseInputFields.filter(
  (field): field is Exclude<EnterpriseInputField, "published" | "products" | "contacts"> =>
    field !== "published" && field !== "products" && field !== "contacts",
);

export const createEnterpriseBody = z.object(enterpriseFields).strict();
export type CreateEnterpriseBody = z.infer<typeof createEnterpriseBody>;
export const updateEnterpriseBody = createEnterpriseBody;
export type UpdateEnterpriseBody = z.infer<typeof updateEnterpriseBody>;

export const enterpriseSchema = z.object({
  id: z.number().int(),
  juristicId: z.string().nullable(),
  ceRegistrationNo: z.string().nullable(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  legalForm: z.string(),
  sizeClass: z.string().nullable(),
  revenue: z.number().nullable(),
  employees: z.number().nullable(),
  capital: z.number().nullable(),
  tsicCode: z.string().nullable(),
  businessType: z.string().nullable(),
  address: z.string().nullable(),
  provinceCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  postcode: z.string().nullable(),
  registeredOn: z.string().nullable(),
  published: z.boolean(),
  isExample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const enterpriseDetailSchema = enterpriseSchema.extend({
  products: z.array(z.object({ direction: z.string(), name: z.string(), tsicCode: z.string().nullable() })),
  contacts: z.array(
    z.object({
      name: z.string().nullable(),
      position: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  contactsMasked: z.boolean(),
  memberships: z.array(
    z.object({
      clusterId: z.number().int(),
      stage: z.string(),
      joinedOn: z.string().nullable(),
      leftOn: z.string().nullable(),
      approved: z.boolean().describe("false while the membership awaits approval"),
    }),
  ),
});

export const listEnterprisesQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  province: z
    .string()
    .regex(/^\d{2}$/, "must be a 2-digit province code")
    .optional(),
  region: z.string().trim().min(1).max(40).optional(),
  size: z.enum(sizeClasses).optional(),
  tsic: z
    .string()
    .regex(/^\d{1,5}$/, "must be a TSIC code prefix")
    .optional(),
  cluster: z.coerce.number().int().positive().optional(),
});

export type Enterprise = z.infer<typeof enterpriseSchema>;
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;
export type ListEnterprisesQuery = z.infer<typeof listEnterprisesQuery>;
export const enterprisePageSchema = z.object({
  items: z.array(enterpriseSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EnterprisePage = z.infer<typeof enterprisePageSchema>;
export const enterpriseExportParams = z.object({ format: z.enum(["csv", "xlsx"]) });
export const enterpriseExportQuery = listEnterprisesQuery.omit({ page: true, pageSize: true });
