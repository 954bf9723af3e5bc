import {
  expertAreaTypes,
  expertFields,
  MAX_EXPERT_CAPACITY,
  MAX_SERVICE_LEVEL_DAYS,
  providerKinds,
} from "@sainam/core";
import { z } from "zod";
import { nameInOneLanguage, nameInOneLanguageOnChange } from "./bilingual-name.schema.ts";
import { expertFieldSchema } from "./user.schema.ts";

export const providerKindSchema = z.enum(providerKinds);

const provinceCode = z.string().regex(/^\d{2}$/, "must be a 2-digit province code");
const name = z.string().trim().min(1, "must not be empty").max(300);
const phone = z
  .string()
  .trim()
  .regex(/^[+0-9][0-9 ()-]{5,20}$/, "must be a phone number");
const email = z.email("must be an e-mail address").max(254);
/** A service-level target in working days (null on input: use the default). */
const serviceLevelDays = z
  .number()
  .int("must be a whole number of working days")
  .min(1, "must be at least 1 working day")
  .max(MAX_SERVICE_LEVEL_DAYS, `must be at most ${MAX_SERVICE_LEVEL_DAYS} working days`);

/**
 * A service provider. Contacts (`contactName`, `contactPhone`, `contactEmail`) are null for visitors who are not
 * signed in: the provider's name, kind, provinces and services are public, the people behind it are not.
 */
export const providerSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: providerKindSchema,
  parentId: z.number().int().nullable(),
  agencyId: z.number().int().nullable(),
  provinceCodes: z.array(z.string()),
  services: z.array(expertFieldSchema),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  website: z.string().nullable(),
  /** First-response target in working days as set by the provider; null: the default (`serviceLevels`). */
  responseDays: z.number().int().nullable(),
  /** Closure target in working days as set by the provider; null: the default. */
  closureDays: z.number().int().nullable(),
  /** The targets the clocks count with: the provider's own, or core `defaultServiceLevels`. */
  serviceLevels: z.object({ responseDays: z.number().int(), closureDays: z.number().int() }),
  /** Experts linked to the provider (a count: the experts themselves are for signed-in users). */
  expertCount: z.number().int(),
  isExample: z.boolean(),
});
export type Provider = z.infer<typeof providerSchema>;
export const providerListSchema = z.object({ items: z.array(providerSchema) });

/** `managed=me`: only the providers the caller manages (where they may record walk-ins); none for visitors. */
export const providerListQuery = z.object({ managed: z.enum(["me"]).optional() }).strict();
export type ProviderListQuery = z.infer<typeof providerListQuery>;

const providerFields = {
  nameTh: name.nullable().optional(),
  nameEn: name.nullable().optional(),
  parentId: z.number().int().positive().nullable().optional(),
  agencyId: z.number().int().positive().nullable().optional(),
  provinceCodes: z.array(provinceCode).max(77).optional(),
  services: z.array(expertFieldSchema).max(expertFields.length).optional(),
  contactName: name.nullable().optional(),
  contactPhone: phone.nullable().optional(),
  contactEmail: email.nullable().optional(),
  website: z.url("must be a web address").max(500).nullable().optional(),
  responseDays: serviceLevelDays.nullable().optional(),
  closureDays: serviceLevelDays.nullable().optional(),
};

export const createProviderBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "must be 2-40 capital letters, digits, - or _"),
    kind: providerKindSchema,
    ...providerFields,
  })
  .strict()
  .refine(...nameInOneLanguage("nameTh", "nameEn"));
export type CreateProviderBody = z.infer<typeof createProviderBody>;

export const updateProviderBody = z
  .object({ kind: providerKindSchema.optional(), ...providerFields })
  .strict()
  .refine(...nameInOneLanguageOnChange("nameTh", "nameEn"));
export type UpdateProviderBody = z.infer<typeof updateProviderBody>;

export const expertAreaSchema = z.object({ type: z.enum(expertAreaTypes), code: z.string().trim().min(1).max(20) });

/** An expert of a provider; signed-in users only. `userId`: the `expert` user it is linked to, once they sign in. */
export const expertSchema = z.object({
  id: z.number().int(),
  providerId: z.number().int(),
  userId: z.number().int().nullable(),
  displayName: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  fields: z.array(expertFieldSchema),
  areas: z.array(expertAreaSchema),
  capacity: z.number().int(),
  available: z.boolean(),
  isExample: z.boolean(),
});
export type Expert = z.infer<typeof expertSchema>;
export const expertListSchema = z.object({ items: z.array(expertSchema) });

const expertFieldsInput = {
  userId: z.number().int().positive().nullable().optional(),
  contactPhone: phone.nullable().optional(),
  contactEmail: email.nullable().optional(),
  fields: z.array(expertFieldSchema).max(expertFields.length).optional(),
  areas: z.array(expertAreaSchema).max(100).optional(),
  capacity: z.number().int("must be a whole number").min(1).max(MAX_EXPERT_CAPACITY).optional(),
  available: z.boolean().optional(),
};

export const createExpertBody = z
  .object({ providerId: z.number().int().positive(), displayName: name, ...expertFieldsInput })
  .strict();
export type CreateExpertBody = z.infer<typeof createExpertBody>;

export const updateExpertBody = z
  .object({
    providerId: z.number().int().positive().optional(),
    displayName: name.optional(),
    ...expertFieldsInput,
  })
  .strict();
export type UpdateExpertBody = z.infer<typeof updateExpertBody>;

export const expertListQuery = z.object({ providerId: z.coerce.number().int().positive().optional() });

/** A manager of a provider (reassigns its requests, sees its cases, is told of breaches); names for signed-in users. */
export const providerManagerSchema = z.object({
  userId: z.number().int(),
  displayName: z.string(),
  role: z.string(),
});
export type ProviderManager = z.infer<typeof providerManagerSchema>;
export const providerManagerListSchema = z.object({ items: z.array(providerManagerSchema) });

export const addProviderManagerBody = z.object({ userId: z.number().int().positive() }).strict();
export type AddProviderManagerBody = z.infer<typeof addProviderManagerBody>;

export const providerManagerParams = z.object({
  id: z.coerce.number().int().positive(),
  userId: z.coerce.number().int().positive(),
});

/**
 * Users a provider's keepers may pick: `expert` users to link to an expert record, or experts and agency officers to
 * make managers; found by name or e-mail.
 */
export const userCandidatesQuery = z.object({
  q: z.string().trim().min(1).max(100),
  for: z.enum(["expert", "manager"]),
});
export const userCandidateSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  email: z.string(),
  role: z.string(),
  /** The expert record the user is linked to, if any (one record per user). */
  expertId: z.number().int().nullable(),
});
export const userCandidateListSchema = z.object({ items: z.array(userCandidateSchema) });
