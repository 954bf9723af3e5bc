import { z } from "zod";
import { nameInOneLanguageOnChange } from "./bilingual-name.schema.ts";

export const agencySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameEn: z.string().nullable(),
  nameTh: z.string().nullable(),
  abbreviation: z.string().nullable(),
  kind: z.string(),
  parentId: z.number().int().nullable(),
  descriptionEn: z.string().nullable(),
  /** The provinces the agency serves (a Provincial Commerce Office its province), by code. */
  provinceCodes: z.array(z.string()),
});
export type Agency = z.infer<typeof agencySchema>;

export const agencyListSchema = z.object({ items: z.array(agencySchema) });

export const updateAgencyBody = z
  .object({
    nameEn: z.string().trim().min(1, "must not be empty").max(300).nullable().optional(),
    nameTh: z.string().trim().min(1, "must not be empty").max(300).nullable().optional(),
    abbreviation: z.string().trim().min(1).max(40).nullable().optional(),
    /** Who approves what follows from it: an admin's change. */
    provinceCodes: z
      .array(z.string().regex(/^\d{2}$/, "must be a 2-digit province code"))
      .max(77)
      .optional(),
  })
  .strict()
  .refine(...nameInOneLanguageOnChange("nameTh", "nameEn"));
export type UpdateAgencyBody = z.infer<typeof updateAgencyBody>;
