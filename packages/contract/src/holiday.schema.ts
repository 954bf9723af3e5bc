import { MAX_WORKING_DAYS } from "@sainam/core";
import { z } from "zod";
import { ceIsoDate } from "./common.schema.ts";

/** public: a public holiday on its date; substitution: วันหยุดชดเชย for one on a weekend; special: a one-off day off. */
export const HOLIDAY_KINDS = ["public", "substitution", "special"] as const;
export const holidayKindSchema = z.enum(HOLIDAY_KINDS);
export type HolidayKind = z.infer<typeof holidayKindSchema>;

export const holidaySchema = z.object({
  id: z.number().int(),
  /** YYYY-MM-DD, C.E. */
  date: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  kind: holidayKindSchema,
});
export type Holiday = z.infer<typeof holidaySchema>;

export const holidayListSchema = z.object({ year: z.number().int(), items: z.array(holidaySchema) });
export type HolidayList = z.infer<typeof holidayListSchema>;

/** A C.E. calendar year (2000-2100); a B.E. year such as 2569 is refused with its own message. */
export const holidayYearQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .refine((year) => year < 2400, {
      message: "looks like a B.E. year; send the C.E. year (B.E. − 543), e.g. 2026 for 2569",
      params: { code: "out_of_range", era: "buddhist", max: 2399 },
      abort: true,
    })
    .min(2000)
    .max(2100)
    .optional(),
});

const nameTh = z.string().trim().min(1, "must not be empty").max(300);
const nameEn = z.string().trim().min(1, "must not be empty").max(300).nullable();

export const createHolidayBody = z
  .object({ date: ceIsoDate, nameTh, nameEn: nameEn.optional(), kind: holidayKindSchema })
  .strict();
export type CreateHolidayBody = z.infer<typeof createHolidayBody>;

export const updateHolidayBody = z
  .object({
    date: ceIsoDate.optional(),
    nameTh: nameTh.optional(),
    nameEn: nameEn.optional(),
    kind: holidayKindSchema.optional(),
  })
  .strict();
export type UpdateHolidayBody = z.infer<typeof updateHolidayBody>;

/** GET /api/working-days: `days` working days after `from` (see addWorkingDays in @sainam/core). */
export const workingDaysQuery = z.object({
  from: ceIsoDate,
  days: z.coerce.number().int().min(0).max(MAX_WORKING_DAYS),
});
export const workingDaysSchema = z.object({
  from: z.string(),
  days: z.number().int(),
  /** The date `days` working days after `from` (from itself, or the next working day, when days is 0). */
  date: z.string(),
});
export type WorkingDays = z.infer<typeof workingDaysSchema>;
