import { expertFields } from "@sainam/core";
import { z } from "zod";
import { ceFiscalYearQuery } from "./common.schema.ts";

/** Filters of the service figures: a Thai fiscal year (C.E.; B.E. is refused with a hint), provider, province, field. */
export const serviceFiguresQuery = z.object({
  fiscalYear: ceFiscalYearQuery.optional(),
  providerId: z.coerce.number().int().positive().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, "must be a 2-digit province code")
    .optional(),
  field: z.enum(expertFields).optional(),
});
export type ServiceFiguresQuery = z.infer<typeof serviceFiguresQuery>;

const count = z.number().int();

/** A clock (first response or closure) in working days over the requests it timed. */
const clockSchema = z.object({
  /** Requests answered (or closed): the durations the median and percentile are of. */
  timed: count,
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  /** Answered (or closed) on or before the due working day. */
  withinTarget: count,
  /** Answered late, or still unanswered after the due working day. */
  breached: count,
  /** breached ÷ (requests whose clock has run out or stopped); null when there are none. */
  breachRate: z.number().nullable(),
});

const providerRowSchema = z.object({
  providerId: z.number().int().nullable(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  requests: count,
  open: count,
  closed: count,
  meanRating: z.number().nullable(),
  responseDays: z.number().int().nullable(),
  closureDays: z.number().int().nullable(),
});

/**
 * The service figures (issue 13, point 7). `detail` "public": aggregates only, as anyone sees them; "full": also the
 * caseload of each expert of the providers the caller keeps or manages (admins: all).
 */
export const serviceFiguresSchema = z.object({
  detail: z.enum(["public", "full"]),
  fiscalYear: z.number().int().nullable(),
  /** The targets the clocks count against when one provider is asked for; else the defaults. */
  targets: z.object({ responseDays: count, closureDays: count }),
  totals: z.object({ requests: count, open: count, closed: count, withdrawn: count, unassigned: count }),
  byField: z.array(z.object({ field: z.enum(expertFields), requests: count })),
  byProvince: z.array(z.object({ provinceCode: z.string(), requests: count })),
  byProvider: z.array(providerRowSchema),
  byMonth: z.array(z.object({ month: z.string(), requests: count })),
  response: clockSchema,
  closure: clockSchema,
  satisfaction: z.object({ rated: count, meanRating: z.number().nullable(), shareFourOrFive: z.number().nullable() }),
  caseload: z
    .array(
      z.object({
        expertId: z.number().int(),
        displayName: z.string(),
        providerId: z.number().int(),
        open: count,
        closed: count,
      }),
    )
    .nullable(),
});
export type ServiceFigures = z.infer<typeof serviceFiguresSchema>;
