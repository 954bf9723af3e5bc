import { bcgTags, certificationKinds, inquiryStatuses, productStatuses } from "@sainam/core";
import { z } from "zod";
import { nameInOneLanguage } from "./bilingual-name.schema.ts";
import { ceIsoDate, countryCodeSchema } from "./common.schema.ts";

/** The product catalogue (issue 14, point 1): a firm's products, their photos and certifications, buyers' inquiries. */

export const certificationKindSchema = z.enum(certificationKinds);
export const bcgTagSchema = z.enum(bcgTags);
export const productStatusSchema = z.enum(productStatuses);
export const inquiryStatusSchema = z.enum(inquiryStatuses);

const name = z.string().trim().min(1, "must not be empty").max(300);
const description = z.string().trim().min(1, "must not be empty").max(4000);
const unit = z.string().trim().min(1, "must not be empty").max(40);
const quantity = z.number().min(0, "must not be negative").max(1e12);

export const certificationSchema = z.object({
  id: z.number().int(),
  kind: certificationKindSchema,
  number: z.string().nullable(),
  otopStars: z.number().int().nullable(),
  expiresOn: z.string().nullable(),
  /** Past its expiry date today (Bangkok): shown as expired, not counted by the catalogue's filter. */
  expired: z.boolean(),
});
export type Certification = z.infer<typeof certificationSchema>;

export const productPhotoSchema = z.object({
  id: z.number().int(),
  /** The display size (at most 1200 px), cached for good: the address changes when the photo does. */
  url: z.string(),
  /** The thumbnail (at most 320 px). */
  thumbnailUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  position: z.number().int(),
});
export type ProductPhoto = z.infer<typeof productPhotoSchema>;

export const productSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  firmNameTh: z.string().nullable(),
  firmNameEn: z.string().nullable(),
  provinceCode: z.string().nullable(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  tsicCode: z.string().nullable(),
  tsicSection: z.string().nullable(),
  hsCode: z.string().nullable(),
  descriptionTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  priceMin: z.number().nullable(),
  priceMax: z.number().nullable(),
  priceUnit: z.string().nullable(),
  minOrder: z.number().nullable(),
  minOrderUnit: z.string().nullable(),
  capacityPerMonth: z.number().nullable(),
  capacityUnit: z.string().nullable(),
  bcgTags: z.array(bcgTagSchema),
  exportMarkets: z.array(z.string()),
  status: productStatusSchema,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  certifications: z.array(certificationSchema),
  photos: z.array(productPhotoSchema),
  /** The caller may change it (the firm, its coordinators, officers, admins). */
  editable: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;
export const productListSchema = z.object({ items: z.array(productSchema) });

const productFields = {
  nameTh: name.nullable().optional(),
  nameEn: name.nullable().optional(),
  tsicCode: z
    .string()
    .regex(/^\d{5}$/, "must be a 5-digit TSIC code")
    .nullable()
    .optional(),
  hsCode: z
    .string()
    .trim()
    .regex(/^[\d.]{4,14}$/, "must be an HS code of 4-10 digits")
    .nullable()
    .optional(),
  descriptionTh: description.nullable().optional(),
  descriptionEn: description.nullable().optional(),
  priceMin: quantity.nullable().optional(),
  priceMax: quantity.nullable().optional(),
  priceUnit: unit.nullable().optional(),
  minOrder: quantity.nullable().optional(),
  minOrderUnit: unit.nullable().optional(),
  capacityPerMonth: quantity.nullable().optional(),
  capacityUnit: unit.nullable().optional(),
  bcgTags: z.array(bcgTagSchema).max(bcgTags.length).optional(),
  exportMarkets: z.array(countryCodeSchema).max(60).optional(),
};

export const createProductBody = z
  .object(productFields)
  .strict()
  .refine(...nameInOneLanguage("nameTh", "nameEn"));
export type CreateProductBody = z.infer<typeof createProductBody>;
export const updateProductBody = z.object(productFields).strict();
export type UpdateProductBody = z.infer<typeof updateProductBody>;

export const firmProductParams = z.object({ enterpriseId: z.coerce.number().int().positive() });

const certificationFields = {
  number: z.string().trim().min(1, "must not be empty").max(100).nullable().optional(),
  otopStars: z.number().int("must be a whole number of stars").min(1).max(5).nullable().optional(),
  expiresOn: ceIsoDate.nullable().optional(),
};
export const createCertificationBody = z.object({ kind: certificationKindSchema, ...certificationFields }).strict();
export type CreateCertificationBody = z.infer<typeof createCertificationBody>;
export const updateCertificationBody = z.object(certificationFields).strict();
export type UpdateCertificationBody = z.infer<typeof updateCertificationBody>;
export const certificationParams = z.object({
  id: z.coerce.number().int().positive(),
  certificationId: z.coerce.number().int().positive(),
});
export const photoParams = z.object({
  id: z.coerce.number().int().positive(),
  photoId: z.coerce.number().int().positive(),
});
export const photoFileParams = z.object({ key: z.string().regex(/^[0-9a-f]{64}\.jpg$/, "must be a photo file name") });

/** The public catalogue's search: words (Thai without spaces welcome) and filters. */
export const catalogueQuery = z.object({
  q: z.string().max(200).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, "must be a 2-digit province code")
    .optional(),
  cluster: z.coerce.number().int().positive().optional(),
  certification: certificationKindSchema.optional(),
  /** A TSIC section letter (C) or the first digits of a TSIC code (10, 107). */
  category: z
    .string()
    .regex(/^([A-U]|\d{2,5})$/, "must be a TSIC section letter or the first 2-5 digits of a TSIC code")
    .optional(),
  /** An HS chapter (2 digits) or heading (4). */
  hs: z
    .string()
    .regex(/^(\d{2}|\d{4})$/, "must be an HS chapter (2 digits) or heading (4 digits)")
    .optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(60).default(24),
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

export const catalogueCardSchema = z.object({
  id: z.number().int(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  firmNameTh: z.string().nullable(),
  firmNameEn: z.string().nullable(),
  provinceCode: z.string().nullable(),
  priceMin: z.number().nullable(),
  priceMax: z.number().nullable(),
  priceUnit: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  /** Kinds of the product's certifications that have not expired. */
  certifications: z.array(certificationKindSchema),
});
export type CatalogueCard = z.infer<typeof catalogueCardSchema>;
export const catalogueResultSchema = z.object({
  items: z.array(catalogueCardSchema),
  total: z.number().int(),
  /** More matched than the search reads for one query; `total` is then an estimate. */
  totalIsEstimate: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CatalogueResult = z.infer<typeof catalogueResultSchema>;

/** A buyer's "request a quote": the contact is personal data, passed to the firm with the buyer's consent. */
export const createInquiryBody = z
  .object({
    buyerOrganisation: name,
    buyerCountry: countryCodeSchema,
    contactName: name,
    contactEmail: z.email("must be an e-mail address").max(254),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[+0-9][0-9 ()-]{5,20}$/, "must be a phone number")
      .nullable()
      .optional(),
    quantity: z.string().trim().min(1).max(200).nullable().optional(),
    message: z.string().trim().min(1, "must not be empty").max(4000),
    consent: z.literal(true, { message: "must be given to send the request" }),
  })
  .strict();
export type CreateInquiryBody = z.infer<typeof createInquiryBody>;

export const inquirySchema = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  productNameTh: z.string().nullable(),
  productNameEn: z.string().nullable(),
  enterpriseId: z.number().int(),
  buyerOrganisation: z.string(),
  buyerCountry: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  quantity: z.string().nullable(),
  message: z.string(),
  status: inquiryStatusSchema,
  createdAt: z.string(),
  /** The deal (stage lead) the inquiry opened, when the deals ledger exists. */
  dealId: z.number().int().nullable(),
});
export type Inquiry = z.infer<typeof inquirySchema>;
export const inquiryListSchema = z.object({ items: z.array(inquirySchema) });
export const inquiryReceiptSchema = z.object({ id: z.number().int(), status: inquiryStatusSchema });
export const updateInquiryBody = z.object({ status: inquiryStatusSchema }).strict();
export const inquiryParams = z.object({
  enterpriseId: z.coerce.number().int().positive(),
  inquiryId: z.coerce.number().int().positive(),
});
