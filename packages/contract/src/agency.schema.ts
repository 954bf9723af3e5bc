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
});
export type Agency = z.infer<typeof agencySchema>;

export const agencyListSchema = z.object({ items: z.array(agencySchema) });

export const updateAgencyBody = z
  .object({
    nameEn: z.string().trim().min(1, "must not be empty").max(300).nullable().optional(),
    nameTh: z.string().trim().min(1, "must not be empty").max(300).nullable().optional(),
    abbreviation: z.string().trim().min(1).max(40).nullable().optional(),
  })
  .strict()
  .refine(...nameInOneLanguageOnChange("nameTh", "nameEn"));
export type UpdateAgencyBody = z.infer<typeof updateAgencyBody>;
